// The failure drill page. Without Kafka: the form's checks and messages, acks=1 turning
// idempotence off, the external-cluster mode without a schedule, and the report view fed a report
// made by hand (numbers, verdict, kills, the events of the drill's window, the kcat lines, saving).
// With Kafka: a cluster of the test's own (3 nodes) and a window on it run a real drill, acks=all
// with idempotence, through 5 leader kills; nothing acknowledged is lost or read twice, the counts
// equal kcat's own over the same topic, the kills are markers in the window's history, and the GUI
// thread never stalls. Screenshots drill-running.png and drill-report.png.

#include "cluster/clustersession.h"
#include "cluster/replicationhistory.h"
#include "models/drillreportmodel.h"
#include "settings.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/drillform.h"
#include "views/drillpage.h"
#include "views/drillreportview.h"
#include "views/drillrunview.h"
#include "views/mainwindow.h"
#include "widgets/commandlinepreview.h"
#include "widgets/messagelog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

#include <thread>

#include <time.h>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

// The longest gap between two ticks of a 50 ms timer on the GUI thread while it runs, and the
// most CPU time the GUI thread itself spent within one gap.
class Heartbeat {
public:
    Heartbeat()
    {
        m_clock.start();
        m_lastCpu = threadCpuMs();
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            const qint64 cpu = threadCpuMs();
            if (now - m_last > 150) // when, to tell what the GUI thread was doing then
                m_stalls << QStringLiteral("%1 ms (%2 ms on the CPU) ending %3")
                                .arg(now - m_last)
                                .arg(cpu - m_lastCpu)
                                .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("HH:mm:ss.zzz")));
            m_longest = std::max(m_longest, now - m_last);
            m_longestBusy = std::max(m_longestBusy, cpu - m_lastCpu);
            m_last = now;
            m_lastCpu = cpu;
        });
        m_timer.start();
    }
    void pause() { m_timer.stop(); }
    void resume()
    {
        m_last = m_clock.elapsed();
        m_lastCpu = threadCpuMs();
        m_timer.start();
    }
    qint64 longestGapMs() const { return m_longest; }
    qint64 longestBusyMs() const { return m_longestBusy; }
    const QStringList &stalls() const { return m_stalls; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_lastCpu = 0;
    qint64 m_longest = 0;
    qint64 m_longestBusy = 0;
    QStringList m_stalls;
};

// Runs a blocking process beside the event loop, which keeps turning meanwhile.
RunResult runBeside(const QString &program, const QStringList &args)
{
    RunResult result;
    std::atomic_bool done = false;
    std::thread worker([&] {
        result = run(program, args);
        done = true;
    });
    while (!done)
        QTest::qWait(20);
    worker.join();
    return result;
}

BrokerState broker(int id, bool alive = true)
{
    BrokerState b;
    b.id = id;
    b.host = QStringLiteral("127.0.0.1");
    b.port = 9090 + id;
    b.alive = alive;
    return b;
}

// Brokers 1-3 (`alive` of them alive) and a topic "orders" with 3 partitions on all three.
ClusterSnapshotPtr snapshot(int alive = 3)
{
    auto s = std::make_shared<ClusterSnapshot>();
    s->takenAt = QDateTime::currentDateTimeUtc();
    for (int id = 1; id <= 3; ++id)
        s->brokers << broker(id, id <= alive);
    TopicState t;
    t.name = QStringLiteral("orders");
    for (int p = 0; p < 3; ++p) {
        PartitionState ps;
        ps.id = p;
        ps.leader = 1;
        ps.replicas = {1, 2, 3};
        ps.isr = {1, 2, 3};
        t.partitions << ps;
    }
    s->topics << t;
    s->normalize();
    return s;
}

DrillPartitionReport counts(int partition, qint64 sent, qint64 acked, qint64 consumed, qint64 lost = 0, qint64 dup = 0)
{
    DrillPartitionReport r;
    r.partition = partition;
    r.sent = sent;
    r.acknowledged = acked;
    r.failed = sent - acked;
    r.consumed = consumed;
    r.lost = lost;
    r.duplicated = dup;
    return r;
}

// Three partitions; `lost` messages of partition 1 were lost, `dup` of partition 2 read twice.
DrillReport handMadeReport(qint64 lost, qint64 dup, bool idempotence = true)
{
    DrillReport r;
    r.config.topic = QStringLiteral("drill-test");
    r.config.acks = idempotence ? Acks::All : Acks::Leader;
    r.config.idempotence = idempotence;
    r.config.messagesPerSecond = 300;
    r.config.kills = 2;
    r.startedAt = QDateTime::currentDateTimeUtc().addSecs(-60);
    r.finishedAt = r.startedAt.addSecs(45);
    r.partitions << counts(0, 1000, 998, 998) << counts(1, 1100, 1100, 1100 - lost, lost)
                 << counts(2, 900, 900, 900 + dup, 0, dup);
    r.total.partition = -1;
    for (const DrillPartitionReport &p : r.partitions) {
        r.total.sent += p.sent;
        r.total.acknowledged += p.acknowledged;
        r.total.failed += p.failed;
        r.total.consumed += p.consumed;
        r.total.lost += p.lost;
        r.total.duplicated += p.duplicated;
    }
    for (int i = 0; i < 2; ++i) {
        DrillKill k;
        k.node = i + 1;
        k.partition = 0;
        k.killedAt = r.startedAt.addSecs(10 + 15 * i);
        k.restartedAt = k.killedAt.addMSecs(4200);
        r.kills << k;
    }
    return r;
}

ReplicationEvent replicationEvent(const QDateTime &at, const QString &topic, ReplicationEvent::Kind kind, int brokerId)
{
    ReplicationEvent e;
    e.timestamp = at;
    e.kind = kind;
    e.topic = topic;
    e.brokerId = brokerId;
    e.partition = topic.isEmpty() ? -1 : 0;
    e.before = {brokerId == 1 ? 2 : 1};
    e.after = {brokerId};
    return e;
}

ConnectionSettings settingsFor(bool readOnly)
{
    ConnectionSettings s = ConnectionSettings::forBootstrap(QStringLiteral("127.0.0.1:1"), QStringLiteral("test"));
    s.readOnly = readOnly;
    return s;
}

} // namespace

class TestDrillPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { settings::keepLocalClusterRunning().set(true); } // OwnCluster takes it down

    void formDefaults()
    {
        DrillForm form;
        QVERIFY(QRegularExpression(QStringLiteral("^drill-\\d{6}$")).match(form.topicEdit()->text()).hasMatch());
        const DrillConfig c = form.config();
        QVERIFY(c.createTopic);
        QCOMPARE(c.partitions, 6);
        QCOMPARE(c.replicationFactor, 3);
        QCOMPARE(c.minInsyncReplicas, 2);
        QCOMPARE(c.acks, Acks::All);
        QVERIFY(c.idempotence);
        QCOMPARE(c.kills, 5);
        QCOMPARE(c.killInterval, std::chrono::milliseconds(10000));
        QVERIFY(form.problems().isEmpty()); // no snapshot yet: nothing to compare against
    }

    void formValidation_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("existing");
        QTest::addColumn<int>("replication");
        QTest::addColumn<int>("minInsync");
        QTest::addColumn<int>("alive");
        QTest::addColumn<QString>("problem"); // a part of the one sentence expected; empty: none
        QTest::newRow("fine") << "drill-a" << false << 3 << 2 << 3 << QString();
        QTest::newRow("no name") << "" << false << 3 << 2 << 3 << "Enter a name";
        QTest::newRow("bad name") << "drill a!" << false << 3 << 2 << 3 << "Topic names use only";
        QTest::newRow("internal") << "__drill" << false << 3 << 2 << 3 << "internal topics";
        QTest::newRow("exists") << "orders" << false << 3 << 2 << 3 << "exists already";
        QTest::newRow("too few brokers") << "drill-a" << false << 3 << 2 << 2
                                         << "Replication factor 3 needs 3 live brokers; the cluster has 2 now.";
        QTest::newRow("min.insync above RF") << "drill-a" << false << 2 << 3 << 3
                                             << "min.insync.replicas (3) cannot be more than the replication factor (2)";
        QTest::newRow("existing fine") << "orders" << true << 3 << 2 << 3 << QString();
        QTest::newRow("existing missing") << "nope" << true << 3 << 2 << 3 << "The cluster has no topic \"nope\"";
    }

    void formValidation()
    {
        QFETCH(QString, name);
        QFETCH(bool, existing);
        QFETCH(int, replication);
        QFETCH(int, minInsync);
        QFETCH(int, alive);
        QFETCH(QString, problem);
        ClusterSession session(settingsFor(false)); // never started: only its settings are used
        MessageLog log;
        DrillPage page(nullptr);
        page.setLocalCluster(QStringLiteral("local"), QDir::tempPath());
        QVERIFY(page.problems().value(0).contains(QStringLiteral("Connect to a cluster first")));
        QVERIFY(!page.startButton()->isEnabled());
        page.attach(&session, &log);
        page.showSnapshot(snapshot(alive));
        DrillForm *form = page.form();
        if (existing) {
            form->existingTopicRadio()->setChecked(true);
            form->existingTopicCombo()->setCurrentText(name);
        } else {
            form->topicEdit()->setText(name);
            Q_EMIT form->topicEdit()->textEdited(name);
        }
        form->replicationSpin()->setValue(replication);
        form->minInsyncSpin()->setValue(minInsync);
        const QStringList problems = page.problems();
        if (problem.isEmpty()) {
            QVERIFY2(form->problems().isEmpty(), qPrintable(form->problems().join(QLatin1Char('\n'))));
            QVERIFY(page.startButton()->isEnabled() == problems.isEmpty());
        } else {
            QCOMPARE(form->problems().size(), 1);
            QVERIFY2(form->problems().first().contains(problem), qPrintable(form->problems().first()));
            QVERIFY(!page.startButton()->isEnabled());
            QVERIFY(page.problemText().contains(problem));
            QVERIFY(page.startButton()->toolTip().contains(problem));
            QVERIFY(!page.start());
            QCOMPARE(page.state(), DrillPage::State::Empty);
        }
        if (existing && problem.isEmpty()) {
            const DrillConfig c = page.drillConfig();
            QVERIFY(!c.createTopic);
            QCOMPARE(c.topic, QStringLiteral("orders"));
            QCOMPARE(c.partitions, 3);
        }
        page.attach(nullptr, &log);
    }

    void readOnlyConnectionsAreRefused()
    {
        ClusterSession session(settingsFor(true));
        MessageLog log;
        DrillPage page(nullptr);
        page.setLocalCluster(QStringLiteral("local"), QDir::tempPath());
        page.attach(&session, &log);
        page.showSnapshot(snapshot());
        QCOMPARE(page.problems().size(), 1);
        QVERIFY(page.problems().first().contains(QStringLiteral("read-only")));
        QVERIFY(page.problemText().contains(QStringLiteral("read-only")));
        QVERIFY(!page.startButton()->isEnabled());
        QVERIFY(!page.start());
        QVERIFY(!page.drill());
        page.attach(nullptr, &log);
    }

    void acksOneTurnsIdempotenceOff()
    {
        DrillForm form;
        QVERIFY(form.idempotenceCheck()->isEnabled());
        QVERIFY(form.idempotenceCheck()->isChecked());
        QVERIFY(form.idempotenceReason()->text().isEmpty());
        form.setAcks(Acks::Leader);
        QVERIFY(!form.idempotenceCheck()->isEnabled());
        QVERIFY(!form.idempotenceCheck()->isChecked());
        QVERIFY(form.idempotenceReason()->text().contains(QStringLiteral("Idempotence needs acks=all")));
        QVERIFY(form.idempotenceCheck()->toolTip().contains(QStringLiteral("acks=all")));
        QCOMPARE(form.config().acks, Acks::Leader);
        QVERIFY(!form.config().idempotence);
        form.setAcks(Acks::All); // back to what it was
        QVERIFY(form.idempotenceCheck()->isEnabled());
        QVERIFY(form.idempotenceCheck()->isChecked());
        QVERIFY(form.config().idempotence);
        // Unticked by the user, it stays unticked through acks=1 and back.
        QTest::mouseClick(form.idempotenceCheck(), Qt::LeftButton);
        QVERIFY(!form.config().idempotence);
        form.setAcks(Acks::Leader);
        form.setAcks(Acks::All);
        QVERIFY(!form.idempotenceCheck()->isChecked());
    }

    void externalClusterHasNoSchedule()
    {
        DrillPage page(nullptr);
        page.resize(1000, 700);
        page.show();
        page.setLocalCluster(QStringLiteral("local"), QDir::tempPath());
        DrillForm *form = page.form();
        QVERIFY(form->scheduleBox()->isVisible());
        QVERIFY(!form->durationSpin()->isVisible());
        QVERIFY(!form->externalNote()->isVisible());
        QCOMPARE(page.drillConfig().kills, 5);
        QCOMPARE(page.drillConfig().clusterName, QStringLiteral("local"));

        page.setLocalCluster({}, QDir::tempPath());
        QVERIFY(!form->scheduleBox()->isVisible());
        QVERIFY(form->durationSpin()->isVisible());
        QVERIFY(form->externalNote()->isVisible());
        QVERIFY(form->externalNote()->text().startsWith(
            QStringLiteral("Kafdesk cannot break brokers of an external cluster: break them yourself while the drill "
                           "runs; it ends after 60 s or when you press Finish.")));
        form->durationSpin()->setValue(90);
        QVERIFY(form->externalNote()->text().contains(QStringLiteral("after 90 s")));
        const DrillConfig c = page.drillConfig();
        QCOMPARE(c.kills, 0);
        QCOMPARE(c.duration, std::chrono::milliseconds(90000));
        QVERIFY(c.clusterName.isEmpty());

        // Back on the bundled cluster, with no kills: the duration and a note instead.
        page.setLocalCluster(QStringLiteral("local"), QDir::tempPath());
        QVERIFY(form->scheduleBox()->isVisible());
        form->killsSpin()->setValue(0);
        QVERIFY(form->durationSpin()->isVisible());
        QVERIFY(form->externalNote()->text().contains(QStringLiteral("break brokers yourself")));
    }

    void emptyStateBeforeTheFirstRun()
    {
        DrillPage page(nullptr);
        QCOMPARE(page.state(), DrillPage::State::Empty);
        QVERIFY(page.emptyState()->text().contains(QStringLiteral("What a failure drill does")));
        QVERIFY(!page.finishButton()->isEnabled());
        QVERIFY(!page.cancelButton()->isEnabled());
    }

    void reportViewShowsTheNumbers()
    {
        ReplicationHistory history;
        DrillPage page(&history);
        page.resize(1100, 900);
        QSignalSpy states(&page, &DrillPage::stateChanged);
        const DrillReport held = handMadeReport(0, 0);
        // The history: a leader change of the drill's topic inside the window, one of another
        // topic, one before the drill, and a marker.
        history.addEvents({replicationEvent(held.startedAt.addSecs(-30), QStringLiteral("drill-test"),
                                 ReplicationEvent::Kind::LeaderChanged, 2),
                           replicationEvent(held.startedAt.addSecs(12), QStringLiteral("drill-test"),
                                 ReplicationEvent::Kind::LeaderChanged, 2),
                           replicationEvent(held.startedAt.addSecs(12), QStringLiteral("other"),
                                 ReplicationEvent::Kind::LeaderChanged, 2),
                           replicationEvent(held.startedAt.addSecs(13), QString(), ReplicationEvent::Kind::BrokerDown, 1)});
        history.addMarker({held.startedAt.addSecs(10), QStringLiteral("Failure drill killed broker 1"), 1,
                           TimelineMarker::Source::Drill});
        page.showReport(held);
        QCOMPARE(page.state(), DrillPage::State::Report);
        QCOMPARE(states.size(), 1);
        DrillReportView *view = page.reportView();
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        QCOMPARE(view->verdict(), DrillReportView::Verdict::Held);
        QCOMPARE(view->verdictText(),
                 QStringLiteral("Kafka's guarantee held: every acknowledged message was read back, none twice."));
        DrillReportModel *model = view->model();
        QCOMPARE(model->rowCount(), 4);
        QCOMPARE(model->totalRow(), 3);
        QCOMPARE(model->index(3, DrillReportModel::PartitionColumn).data().toString(), QStringLiteral("Total"));
        QVERIFY(model->index(3, 0).data(DrillReportModel::TotalRowRole).toBool());
        QCOMPARE(model->index(3, DrillReportModel::SentColumn).data(DrillReportModel::CountRole).toLongLong(), 3000);
        QCOMPARE(model->index(3, DrillReportModel::AcknowledgedColumn).data(DrillReportModel::CountRole).toLongLong(), 2998);
        QCOMPARE(model->index(3, DrillReportModel::FailedColumn).data(DrillReportModel::CountRole).toLongLong(), 2);
        QCOMPARE(model->index(0, DrillReportModel::ConsumedColumn).data(DrillReportModel::CountRole).toLongLong(), 998);
        QCOMPARE(model->index(1, DrillReportModel::PartitionColumn).data().toString(), QStringLiteral("1"));
        QCOMPARE(model->index(3, DrillReportModel::LostColumn).data(DrillReportModel::CountRole).toLongLong(), 0);
        QVERIFY(!model->index(3, DrillReportModel::LostColumn).data(Qt::ForegroundRole).isValid());

        QCOMPARE(view->killTree()->topLevelItemCount(), 2);
        QCOMPARE(view->killTree()->topLevelItem(0)->text(DrillRunView::KillNodeColumn), QStringLiteral("broker 1"));
        QCOMPARE(view->killTree()->topLevelItem(0)->text(DrillRunView::KillPartitionColumn), QStringLiteral("0"));
        QVERIFY(view->killTree()->topLevelItem(1)->text(DrillRunView::KillDownColumn).contains(QStringLiteral("4.2 s")));
        // The marker first, then the two events of the window that concern the drill: not the
        // other topic's, not the one before the start.
        QTreeWidget *events = view->eventTree();
        QCOMPARE(events->topLevelItemCount(), 3);
        QCOMPARE(events->topLevelItem(0)->text(1), QStringLiteral("Failure drill killed broker 1"));
        QVERIFY(events->topLevelItem(0)->font(1).bold());
        QVERIFY(events->topLevelItem(1)->text(1).contains(QStringLiteral("drill-test-0")));
        // New events of the window reach the list while the report is shown.
        history.addEvents({replicationEvent(held.startedAt.addSecs(20), QString(), ReplicationEvent::Kind::BrokerUp, 1)});
        QCOMPARE(events->topLevelItemCount(), 4);

        // The page has no session here: the report's own connection (none) gives an empty bootstrap.
        QVERIFY2(view->kcatCommand().contains(QStringLiteral("-t drill-test -e -q -f '%p %s\\n' | sort | uniq -d")),
                 qPrintable(view->kcatCommand()));
        QVERIFY(view->kcatCommand().contains(QStringLiteral("-f '%p\\n' | sort -n | uniq -c")));

        QTemporaryDir dir;
        const QString json = dir.filePath(QStringLiteral("report.json"));
        QVERIFY(view->saveReport(json).ok());
        QFile file(json);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(o.value(QStringLiteral("sent")).toInteger(), 3000);
        QCOMPARE(o.value(QStringLiteral("acknowledged")).toInteger(), 2998);
        QCOMPARE(o.value(QStringLiteral("lost")).toInteger(), 0);
        QCOMPARE(o.value(QStringLiteral("out_of_order")).toInteger(), 0);
        QCOMPARE(o.value(QStringLiteral("kills")).toArray().size(), 2);
        QCOMPARE(o.value(QStringLiteral("guarantee_held")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("partitions")).toArray().size(), 3);
        const QString text = dir.filePath(QStringLiteral("report.txt"));
        QVERIFY(view->saveReport(text).ok());
        QFile textFile(text);
        QVERIFY(textFile.open(QIODevice::ReadOnly));
        const QString written = QString::fromUtf8(textFile.readAll());
        QVERIFY(written.contains(view->verdictText()));
        QVERIFY(written.contains(QStringLiteral("3,000")) || written.contains(QStringLiteral("3000")));

        page.show();
        test::saveScreenshot(page, QStringLiteral("drill-report-handmade.png"));

        // A broken guarantee: red, with the numbers.
        page.showReport(handMadeReport(3, 2));
        QCOMPARE(view->verdict(), DrillReportView::Verdict::Broken);
        QVERIFY2(view->verdictText().contains(QStringLiteral("3 of 2,998 acknowledged messages were never read back")) ||
                     view->verdictText().contains(QStringLiteral("3 of 2998 acknowledged messages were never read back")),
                 qPrintable(view->verdictText()));
        QVERIFY(view->verdictText().contains(QStringLiteral("2 extra copies")));
        QCOMPARE(model->index(1, DrillReportModel::LostColumn).data(DrillReportModel::CountRole).toLongLong(), 3);
        QCOMPARE(model->index(3, DrillReportModel::LostColumn).data(DrillReportModel::CountRole).toLongLong(), 3);
        QCOMPARE(model->index(3, DrillReportModel::DuplicatedColumn).data(DrillReportModel::CountRole).toLongLong(), 2);
        QCOMPARE(model->index(1, DrillReportModel::LostColumn).data(Qt::ForegroundRole).value<QColor>(),
                 QColor(0xd6, 0x45, 0x45));
        test::saveScreenshot(page, QStringLiteral("drill-report-broken-handmade.png"));

        // acks=1 lost messages: red, but said to be what acks=1 allows.
        page.showReport(handMadeReport(3, 0, false));
        QCOMPARE(view->verdict(), DrillReportView::Verdict::Broken);
        QVERIFY2(view->verdictText().startsWith(QStringLiteral("Messages were lost: 3 of")), qPrintable(view->verdictText()));
        QVERIFY(view->verdictText().contains(QStringLiteral("acks=1 allows that")));

        // A history as long as a real drill's (hundreds of events): showing the report stays cheap.
        QList<ReplicationEvent> many;
        for (int i = 0; i < 600; ++i)
            many << replicationEvent(held.startedAt.addMSecs(100 * i), QStringLiteral("drill-test"),
                                     ReplicationEvent::Kind::LeaderChanged, 1 + i % 3);
        history.addEvents(many);
        QElapsedTimer shown;
        shown.start();
        page.showReport(held);
        QCoreApplication::processEvents();
        qInfo("showing a report with %d events took %lld ms", events->topLevelItemCount(), shown.elapsed());

        // Cancelled: no verdict either way.
        DrillReport cancelled = handMadeReport(0, 0);
        cancelled.cancelled = true;
        page.showReport(cancelled);
        QCOMPARE(view->verdict(), DrillReportView::Verdict::Cancelled);
        QVERIFY(view->verdictText().contains(QStringLiteral("cancelled")));
    }

    void realDrillThroughFiveLeaderKills();
};

void TestDrillPage::realDrillThroughFiveLeaderKills()
{
    OwnCluster own(QStringLiteral("drill"));
    MainWindow::Options options;
    options.localClusterName = own.name();
    options.clustersRoot = clustersDir();
    options.openLocalCluster = true;
    options.newClusterBrokers = 3;
    options.profilesFile = QDir::tempPath() + QStringLiteral("/kafdesk-tst-drillpage-profiles.ini");
    MainWindow window(options);
    window.resize(1280, 900);
    window.show();
    QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 150000);
    QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("3 of 3 brokers alive"), 60000);
    const QString bootstrap = own.cluster().state()->bootstrapServers();

    window.showPage(NavigationTree::Page::Drill);
    auto *page = qobject_cast<DrillPage *>(window.currentPage());
    QVERIFY(page);
    DrillForm *form = page->form();
    QVERIFY(form->scheduleBox()->isVisible()); // the bundled cluster: the schedule is Kafdesk's
    const QString topic = uniqueName(QStringLiteral("drill"));
    form->topicEdit()->setText(topic);
    Q_EMIT form->topicEdit()->textEdited(topic);
    form->setAcks(Acks::All);
    QVERIFY(form->idempotenceCheck()->isChecked());
    form->killsSpin()->setValue(5);
    form->intervalSpin()->setValue(8);
    form->rateSpin()->setValue(300);
    QTRY_VERIFY2(page->startButton()->isEnabled(), qPrintable(page->problemText()));

    Heartbeat heartbeat;
    QElapsedTimer took;
    took.start();
    QTest::mouseClick(page->startButton(), Qt::LeftButton);
    QVERIFY2(page->state() == DrillPage::State::Running, qPrintable(page->problemText()));
    QVERIFY(page->finishButton()->isEnabled());
    QVERIFY(!page->startButton()->isEnabled());

    // Mid-run: two kills done, the counters moving.
    QTRY_VERIFY_WITH_TIMEOUT(page->runView()->killTree()->topLevelItemCount() >= 2 ||
                                 page->state() != DrillPage::State::Running,
                             120000);
    QCOMPARE(page->state(), DrillPage::State::Running);
    QVERIFY(page->runView()->lastProgress().acknowledged > 0);
    QVERIFY(page->runView()->historyTree()->topLevelItemCount() >= 2); // at least the start and a kill
    heartbeat.pause(); // a grab of the whole window is the test's own work on the GUI thread
    test::saveScreenshot(window, QStringLiteral("drill-running.png"));
    heartbeat.resume();

    QTRY_VERIFY_WITH_TIMEOUT(page->state() != DrillPage::State::Running, 240000);
    const qint64 drillMs = took.elapsed();
    QVERIFY2(page->state() == DrillPage::State::Report, qPrintable(page->runView()->phaseText()));
    const DrillReport report = page->reportView()->report();
    qInfo("drill took %lld ms; sent %lld, acknowledged %lld, failed %lld, consumed %lld, lost %lld, duplicated %lld, "
          "out of order %lld",
          drillMs, report.total.sent, report.total.acknowledged, report.total.failed, report.total.consumed,
          report.total.lost, report.total.duplicated, report.total.outOfOrder);
    QVERIFY(!report.cancelled);
    QCOMPARE(report.kills.size(), 5);
    QCOMPARE(report.total.lost, 0);
    QCOMPARE(report.total.duplicated, 0);
    QVERIFY(report.total.acknowledged > 0);
    QVERIFY(report.guaranteeHeld());
    QCOMPARE(page->reportView()->verdict(), DrillReportView::Verdict::Held);
    QCOMPARE(report.partitions.size(), 6);

    // kcat, an independent client, counts the same messages per partition.
    const auto kcatCount = [&](QMap<int, qint64> *perPartition, qint64 *distinct) {
        const RunResult kcat = runBeside(QStringLiteral("kcat"), {QStringLiteral("-C"), QStringLiteral("-b"), bootstrap,
                                                                 QStringLiteral("-t"), topic, QStringLiteral("-e"),
                                                                 QStringLiteral("-q"), QStringLiteral("-f"),
                                                                 QStringLiteral("%p %s\n")});
        if (kcat.exitCode != 0)
            qWarning("%s", qPrintable(kcat.describe()));
        QSet<QString> values;
        qint64 lines = 0;
        for (const QString &line : kcat.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            (*perPartition)[line.section(QLatin1Char(' '), 0, 0).toInt()] += 1;
            values.insert(line);
            ++lines;
        }
        *distinct = values.size();
        return lines;
    };
    // kcat -e stops at each partition's high watermark as its leader reports it then; a leader
    // elected moments ago (the preferred one coming back) may report one a little behind for a
    // moment. So kcat reads again, a few times, while it counts fewer than the drill did; a drill
    // that counted more than the topic holds still fails.
    QMap<int, qint64> perPartition;
    qint64 distinct = 0;
    qint64 total = 0;
    for (int attempt = 1; attempt <= 6; ++attempt) {
        perPartition.clear();
        total = kcatCount(&perPartition, &distinct);
        QString counts;
        for (const DrillPartitionReport &p : report.partitions)
            counts += QStringLiteral(" p%1 %2/%3").arg(p.partition).arg(p.consumed).arg(perPartition.value(p.partition));
        qInfo("kcat read %d; consumed by the drill / by kcat:%s; total %lld/%lld", attempt, qPrintable(counts),
              report.total.consumed, total);
        if (total >= report.total.consumed)
            break;
        QTest::qWait(5000);
    }
    qInfo("the drill's notes: %s", qPrintable(report.notes.join(QLatin1Char(' '))));
    QCOMPARE(distinct, total); // kcat reads no value twice either
    for (const DrillPartitionReport &p : report.partitions)
        QCOMPARE(p.consumed, perPartition.value(p.partition));
    QCOMPARE(report.total.consumed, total);
    const DrillReportModel *model = page->reportView()->model();
    QCOMPARE(model->index(model->totalRow(), DrillReportModel::ConsumedColumn).data(DrillReportModel::CountRole).toLongLong(),
             total);

    // The kills and restarts are markers of the window's history; the timeline saw leaders move.
    const QList<TimelineMarker> markers = window.replicationHistory()->markers();
    const auto drillMarkers = std::count_if(markers.cbegin(), markers.cend(), [](const TimelineMarker &m) {
        return m.source == TimelineMarker::Source::Drill && m.brokerId >= 0;
    });
    QCOMPARE(drillMarkers, 10);
    const QList<ReplicationEvent> events = window.replicationHistory()->events();
    QVERIFY(std::any_of(events.cbegin(), events.cend(), [&](const ReplicationEvent &e) {
        return e.kind == ReplicationEvent::Kind::LeaderChanged && e.topic == topic;
    }));
    QVERIFY(page->reportView()->eventTree()->topLevelItemCount() >= 10);

    for (const DrillKill &k : report.kills)
        qInfo("kill of broker %d at %s, restarted %s", k.node,
              qPrintable(k.killedAt.toString(QStringLiteral("HH:mm:ss.zzz"))),
              qPrintable(k.restartedAt.toString(QStringLiteral("HH:mm:ss.zzz"))));
    qInfo("drill from %s to %s; GUI-thread gaps over 150 ms: %s",
          qPrintable(report.startedAt.toString(QStringLiteral("HH:mm:ss.zzz"))),
          qPrintable(report.finishedAt.toString(QStringLiteral("HH:mm:ss.zzz"))),
          qPrintable(heartbeat.stalls().join(QStringLiteral(", "))));
    heartbeat.pause();
    qInfo("longest GUI-thread gap %lld ms; most CPU time of the GUI thread within one gap %lld ms",
          heartbeat.longestGapMs(), heartbeat.longestBusyMs());
    test::saveScreenshot(*page, QStringLiteral("drill-report.png")); // the whole page, not only what is scrolled to
    test::saveScreenshot(window, QStringLiteral("drill-report-window.png"));
    // The next drill gets a new default name: this one's topic exists now.
    QVERIFY(form->topicEdit()->text() != topic);
    QVERIFY2(page->startButton()->isEnabled(), qPrintable(page->problemText()));
    // What the page controls: no turn of the event loop kept the GUI thread itself busy for 250 ms
    // (its own CPU time, which other processes do not inflate). The wall-clock gaps also include
    // waiting for a core while three brokers restart beside other builds on 2 cores (seen: 310 ms
    // with 1 ms on the CPU); they are printed above, as tst_consumepane does.
    QVERIFY2(heartbeat.longestBusyMs() < 250,
             qPrintable(QStringLiteral("the GUI thread was busy %1 ms without a beat").arg(heartbeat.longestBusyMs())));
}

QTEST_MAIN(TestDrillPage)
#include "tst_drillpage.moc"
