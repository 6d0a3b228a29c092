// The replication timeline against a real cluster of its own (3 nodes): a leader is SIGKILLed and
// restarted, another node is paused (SIGSTOP) and resumed, and the timeline table, its filters, its
// chart and its CSV export show what Kafka did about it. Saves replication-timeline.png.

#include "charts/replicationchart.h"
#include "cluster/replicationhistory.h"
#include "cluster/clustersession.h"
#include "models/timelinefiltermodel.h"
#include "models/timelinemodel.h"
#include "settings.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/mainwindow.h"
#include "views/timelinepage.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QScrollBar>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <atomic>
#include <thread>

using namespace kafdesk;
using namespace kafdesk::test;
using Kind = ReplicationEvent::Kind;

namespace {

// The same small RFC 4180 reader as the unit test: quoted fields may hold commas, quotes, breaks.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}


// Runs a LocalCluster call on a thread of its own (it waits for the node), so the window's event
// loop keeps turning meanwhile; returns whether it succeeded, after waiting up to `timeoutMs`.
template <typename Call>
bool offThread(Call call, int timeoutMs = 90000)
{
    std::atomic_bool done{false};
    std::atomic_bool succeeded{false};
    std::thread worker([&] {
        const Status s = call();
        if (!s.ok())
            qWarning("%s", qPrintable(s.error().fullText()));
        succeeded = s.ok();
        done = true;
    });
    QElapsedTimer timer;
    timer.start();
    while (!done && timer.elapsed() < timeoutMs)
        QTest::qWait(50);
    worker.join(); // the cluster call ends by itself (its own timeouts)
    return succeeded;
}

} // namespace

class TestTimelinePage : public QObject {
    Q_OBJECT
private:
    TimelinePage *m_page = nullptr;
    QString m_topic;

    // Whether the model holds an event of `kind` (of m_topic, unless it is a broker event) for `broker`.
    bool seen(Kind kind, int broker = -1, int partition = -1, int fromRow = 0) const
    {
        const TimelineModel *m = m_page->model();
        for (int r = fromRow; r < m->rowCount(); ++r) {
            if (m->isMarker(r))
                continue;
            const ReplicationEvent e = m->event(r);
            if (e.kind != kind || (broker >= 0 && e.brokerId != broker) || (partition >= 0 && e.partition != partition))
                continue;
            if (kind == Kind::BrokerDown || kind == Kind::BrokerUp || e.topic == m_topic)
                return true;
        }
        return false;
    }

    // When the first such event (from `fromRow` on) was seen: its snapshot's time.
    QDateTime firstSeenAt(Kind kind, int broker, int partition, int fromRow) const
    {
        const TimelineModel *m = m_page->model();
        for (int r = fromRow; r < m->rowCount(); ++r) {
            const ReplicationEvent e = m->event(r);
            if (!m->isMarker(r) && e.kind == kind && (broker < 0 || e.brokerId == broker) &&
                (partition < 0 || (e.partition == partition && e.topic == m_topic)))
                return e.timestamp;
        }
        return {};
    }

    int leaderOf(MainWindow &window, int partition) const
    {
        const ClusterSnapshotPtr s = window.session() ? window.session()->latestSnapshot() : nullptr;
        const TopicState *t = s ? s->topic(m_topic) : nullptr;
        const PartitionState *p = t ? t->partition(partition) : nullptr;
        return p ? p->leader : -1;
    }

    bool allIsrsFull(MainWindow &window) const
    {
        const ClusterSnapshotPtr s = window.session() ? window.session()->latestSnapshot() : nullptr;
        const TopicState *t = s ? s->topic(m_topic) : nullptr;
        if (!t || t->partitions.size() != 6)
            return false;
        return std::all_of(t->partitions.cbegin(), t->partitions.cend(), [](const PartitionState &p) { return p.isr.size() == 3; });
    }

    double lastUrp() const
    {
        const QList<double> v = m_page->chart()->underReplicatedValues();
        return v.isEmpty() ? -1 : v.constLast();
    }

    double maxUrp() const
    {
        const QList<double> v = m_page->chart()->underReplicatedValues();
        return v.isEmpty() ? -1 : *std::max_element(v.cbegin(), v.cend());
    }

private Q_SLOTS:
    void initTestCase() { settings::keepLocalClusterRunning().set(true); } // OwnCluster takes it down

    // The model, filters and page on a history fed by hand (no broker): merge order, drops,
    // filters, follow-tail, the empty states and a filtered export.
    void pageOnAHandFedHistory()
    {
        const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
        const auto ev = [&](int secs, Kind kind, int broker, const QString &topic, int partition, QList<int> before = {},
                            QList<int> after = {}) {
            ReplicationEvent e;
            e.timestamp = t0.addSecs(secs);
            e.kind = kind;
            e.brokerId = broker;
            e.topic = topic;
            e.partition = partition;
            e.before = before;
            e.after = after;
            return e;
        };
        ReplicationHistory history;
        TimelinePage page(&history);
        page.resize(1000, 700);
        page.show();
        QAbstractItemModelTester modelTester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(page.filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page.emptyStateText(),
                 QStringLiteral("No replication events yet. Break a broker on the Local cluster page, or wait for one to fail."));

        const QString a = QStringLiteral("alpha");
        history.addEvents({ev(10, Kind::BrokerDown, 2, {}, -1), ev(10, Kind::LeaderChanged, 3, a, 0, {2}, {3}),
                           ev(10, Kind::IsrShrunk, 2, a, 0, {1, 2, 3}, {1, 3}),
                           ev(10, Kind::IsrShrunk, 2, QStringLiteral("beta"), 1, {1, 2, 3}, {1, 3})});
        // The marker comes before the events of its instant; one stamped later goes after them.
        history.addMarker(TimelineMarker{t0.addSecs(10), QStringLiteral("Killed node 2 (SIGKILL)"), 2, TimelineMarker::Source::User});
        history.addMarker(TimelineMarker{t0.addSecs(30), QStringLiteral("Stopped the cluster"), -1, TimelineMarker::Source::User});
        // An event older than the newest row goes in its place.
        history.addEvents({ev(20, Kind::BrokerUp, 2, {}, -1), ev(5, Kind::TopicCreated, -1, a, -1, {}, {6})});
        TimelineModel *m = page.model();
        QCOMPARE(m->rowCount(), 8);
        QCOMPARE(m->eventRowCount(), 6);
        QCOMPARE(m->markerRowCount(), 2);
        QStringList order;
        for (int r = 0; r < m->rowCount(); ++r)
            order << m->index(r, TimelineModel::KindColumn).data().toString();
        QCOMPARE(order, (QStringList{QStringLiteral("Topic created"), QStringLiteral("Your action"), QStringLiteral("Broker down"),
                                     QStringLiteral("Leader changed"), QStringLiteral("ISR shrank"), QStringLiteral("ISR shrank"),
                                     QStringLiteral("Broker up"), QStringLiteral("Your action")}));
        QCOMPARE(m->index(3, TimelineModel::ChangeColumn).data().toString(), QStringLiteral("leader 2 → 3"));
        QCOMPARE(m->index(4, TimelineModel::ChangeColumn).data().toString(), QStringLiteral("ISR [1,2,3] → [1,3]"));
        QCOMPARE(m->index(4, TimelineModel::PartitionColumn).data().toString(), QStringLiteral("alpha-0"));
        QCOMPARE(m->index(4, TimelineModel::ChangeColumn).data(Qt::ToolTipRole).toString(), m->event(4).description());
        QCOMPARE(m->index(1, TimelineModel::ChangeColumn).data().toString(), QStringLiteral("▶ Killed node 2 (SIGKILL)"));
        QVERIFY(m->index(1, 0).data(Qt::FontRole).value<QFont>().bold());
        QVERIFY(m->index(1, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(!m->index(2, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(m->index(2, TimelineModel::KindColumn).data(Qt::DecorationRole).isValid());
        QVERIFY(m->index(0, TimelineModel::TimeColumn).data().toString().contains(QLatin1Char('.'))); // milliseconds
        QVERIFY(page.emptyStateText().isEmpty());

        // Filters: a topic keeps broker events and markers; a broker keeps what concerns it.
        page.setTopicFilter(QStringLiteral("ALP"));
        QCOMPARE(page.filterModel()->rowCount(), 7); // all but beta's event
        page.setPartitionFilter(1);
        QCOMPARE(page.filterModel()->rowCount(), 4); // broker down/up and the two markers
        page.resetFilters();
        page.setBrokerFilter(3);
        QCOMPARE(page.filterModel()->rowCount(), 2); // the leader move to 3 and the whole-cluster marker
        page.setBrokerFilter(2);
        QCOMPARE(page.filterModel()->rowCount(), 7); // everything but the topic creation
        page.resetFilters();
        page.setKindVisible(-1, false);
        QCOMPARE(page.filterModel()->rowCount(), 6);
        page.setKindVisible(static_cast<int>(Kind::IsrShrunk), false);
        QCOMPARE(page.filterModel()->rowCount(), 4);
        page.setTopicFilter(QStringLiteral("nothing-like-it"));
        page.setKindVisible(static_cast<int>(Kind::BrokerDown), false);
        page.setKindVisible(static_cast<int>(Kind::BrokerUp), false);
        QCOMPARE(page.filterModel()->rowCount(), 0);
        QCOMPARE(page.emptyStateText(), QStringLiteral("No event matches the filters."));

        // A filtered export writes the rows shown.
        page.resetFilters();
        page.setTopicFilter(QStringLiteral("beta"));
        page.setKindVisible(-1, false);
        const QString path = QDir::temp().filePath(uniqueName(QStringLiteral("timeline-hand")) + QStringLiteral(".csv"));
        QSignalSpy finished(&page, &TimelinePage::exportFinished);
        QVERIFY(page.exportCsv(path));
        QVERIFY(finished.wait(10000));
        QVERIFY(finished.at(0).at(0).toBool());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(file.readAll()));
        file.remove();
        QCOMPARE(rows.size(), 1 + page.filterModel()->rowCount());
        QCOMPARE(rows.at(1).at(1), QStringLiteral("BrokerDown"));
        QCOMPARE(rows.at(2).at(3), QStringLiteral("beta"));
        page.resetFilters();

        // Follow the tail at the bottom; stay put once scrolled up.
        QList<ReplicationEvent> many;
        for (int i = 0; i < 200; ++i)
            many << ev(40 + i, Kind::LeaderChanged, 1 + i % 3, a, i % 6, {1 + (i + 1) % 3}, {1 + i % 3});
        history.addEvents(many);
        QScrollBar *vbar = page.table()->verticalScrollBar();
        QTRY_VERIFY(vbar->maximum() > 0);
        QTRY_COMPARE(vbar->value(), vbar->maximum());
        QVERIFY(page.isFollowingTail());
        vbar->setValue(0);
        QVERIFY(!page.isFollowingTail());
        const int max = vbar->maximum();
        history.addEvents({ev(400, Kind::BrokerUp, 1, {}, -1)});
        QTRY_VERIFY(vbar->maximum() > max);
        QCOMPARE(vbar->value(), 0);
        vbar->setValue(vbar->maximum());
        QVERIFY(page.isFollowingTail());

        // Past the bound the oldest events go from the table as well.
        QList<ReplicationEvent> flood;
        for (int i = 0; i < ReplicationHistory::maxEvents; ++i)
            flood << ev(500, Kind::IsrExpanded, 1, a, i % 6, {2, 3}, {1, 2, 3});
        history.addEvents(flood);
        QCOMPARE(m->eventRowCount(), ReplicationHistory::maxEvents);
        QCOMPARE(m->markerRowCount(), 2); // markers stay
        QCOMPARE(m->rowCount(), ReplicationHistory::maxEvents + 2);
        QCOMPARE(m->event(m->rowCount() - 1).kind, Kind::IsrExpanded);
        for (int r = 0; r < m->rowCount(); ++r)
            QVERIFY(m->isMarker(r) || m->event(r).timestamp >= t0.addSecs(500));

        history.clear();
        QCOMPARE(m->rowCount(), 0);
        QVERIFY(page.emptyStateText().startsWith(QStringLiteral("No replication events yet.")));
    }

    void killRestartPauseResume()
    {
        OwnCluster own(QStringLiteral("timeline"));
        MainWindow::Options options;
        options.localClusterName = own.name();
        options.clustersRoot = clustersDir();
        options.openLocalCluster = true;
        options.newClusterBrokers = 3;
        options.profilesFile = QDir::tempPath() + QStringLiteral("/kafdesk-tst-timeline-profiles.ini");
        MainWindow window(options);
        window.resize(1280, 860);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 150000);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("3 of 3 brokers alive"), 60000);

        window.navigation()->select(NavigationTree::Page::Timeline);
        m_page = qobject_cast<TimelinePage *>(window.currentPage());
        QVERIFY(m_page);
        QAbstractItemModelTester modelTester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(m_page->filterModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        ReplicationHistory *history = window.replicationHistory();
        QVERIFY(history);
        // Nothing happened yet: the empty state says what would make something happen.
        QTRY_VERIFY_WITH_TIMEOUT(!history->samples().isEmpty(), 20000);
        if (m_page->model()->rowCount() == 0)
            QVERIFY(m_page->emptyStateText().startsWith(QStringLiteral("No replication events yet.")));

        m_topic = uniqueName(QStringLiteral("timeline"));
        const QString bootstrap = own.bootstrap();
        const RunResult created = ctl({QStringLiteral("topics"), QStringLiteral("create"), m_topic, QStringLiteral("--partitions"),
                                       QStringLiteral("6"), QStringLiteral("--replication-factor"), QStringLiteral("3"),
                                       QStringLiteral("--bootstrap"), bootstrap});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(allIsrsFull(window), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::TopicCreated), 10000);
        QVERIFY(m_page->emptyStateText().isEmpty());

        // SIGKILL the leader of partition 0, with the marker the local cluster panel would add.
        const int killed = leaderOf(window, 0);
        QVERIFY(killed > 0);
        const QString killText = QStringLiteral("Killed node %1 (SIGKILL)").arg(killed);
        const int beforeKill = m_page->model()->rowCount();
        const QDateTime killedAt = QDateTime::currentDateTimeUtc();
        history->addMarker(TimelineMarker{killedAt, killText, killed, TimelineMarker::Source::User});
        QTRY_COMPARE(m_page->model()->rowCount(), beforeKill + 1);
        QVERIFY(m_page->model()->isMarker(beforeKill)); // newest at the bottom
        QCOMPARE(m_page->model()->index(beforeKill, TimelineModel::ChangeColumn).data().toString(),
                 QStringLiteral("▶ ") + killText);
        QVERIFY(offThread([&] { return own.cluster().killNode(killed, true); }));
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::BrokerDown, killed, -1, beforeKill), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::LeaderChanged, -1, 0, beforeKill), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::IsrShrunk, killed, -1, beforeKill), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(lastUrp() > 0, 10000); // the chart's line rose
        qInfo("kill to BrokerDown in a snapshot: %lld ms, to the new leader of partition 0: %lld ms",
              killedAt.msecsTo(firstSeenAt(Kind::BrokerDown, killed, -1, beforeKill)),
              killedAt.msecsTo(firstSeenAt(Kind::LeaderChanged, -1, 0, beforeKill)));
        QVERIFY(leaderOf(window, 0) != killed);
        // The new row's words: "leader 2 → 3".
        bool leaderText = false;
        for (int r = beforeKill; r < m_page->model()->rowCount(); ++r)
            leaderText = leaderText || m_page->model()->index(r, TimelineModel::ChangeColumn).data().toString().startsWith(
                                           QStringLiteral("leader %1 → ").arg(killed));
        QVERIFY(leaderText);
        QVERIFY(m_page->isFollowingTail());

        // Restart it: it comes back and rejoins every ISR; nothing stays under-replicated.
        const int beforeStart = m_page->model()->rowCount();
        history->addMarker(TimelineMarker{QDateTime::currentDateTimeUtc(), QStringLiteral("Started node %1").arg(killed),
                                          killed, TimelineMarker::Source::User});
        QVERIFY(offThread([&] { return own.cluster().startNode(killed); }));
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::BrokerUp, killed, -1, beforeStart), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::IsrExpanded, killed, -1, beforeStart), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(allIsrsFull(window), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(lastUrp(), 0.0, 10000);
        QVERIFY(maxUrp() > 0); // the dip is still in the chart

        // The chart follows partition 0's ISR once its row is selected.
        int isrRow = -1;
        for (int r = 0; r < m_page->filterModel()->rowCount() && isrRow < 0; ++r) {
            const QModelIndex i = m_page->filterModel()->index(r, 0);
            if (i.data(TimelineModel::KindRole).toInt() == static_cast<int>(Kind::IsrShrunk) &&
                i.data(TimelineModel::TopicRole).toString() == m_topic && i.data(TimelineModel::PartitionRole).toInt() == 0)
                isrRow = r;
        }
        QVERIFY(isrRow >= 0);
        m_page->table()->setCurrentIndex(m_page->filterModel()->index(isrRow, 0));
        QCOMPARE(m_page->chart()->isrTopic(), m_topic);
        QCOMPARE(m_page->chart()->isrPartition(), 0);
        QCOMPARE(m_page->isrCombo()->currentText(), m_topic + QStringLiteral("-0"));
        QTRY_VERIFY(!m_page->chart()->isrValues().isEmpty());
        const QList<double> isr = m_page->chart()->isrValues();
        QCOMPARE(isr.constFirst(), 3.0);
        QCOMPARE(*std::min_element(isr.cbegin(), isr.cend()), 2.0);
        QCOMPARE(isr.constLast(), 3.0);
        QVERIFY(m_page->chart()->markerCount() >= 2);
        const QStringList labels = m_page->chart()->markerLabels();
        QVERIFY2(std::any_of(labels.cbegin(), labels.cend(),
                             [](const QString &l) { return l.startsWith(QStringLiteral("Killed")); }), // maybe elided
                 qPrintable(labels.join(QLatin1Char('|'))));
        QVERIFY(m_page->chart()->legendNames().contains(QStringLiteral("Under-replicated")));
        QCOMPARE(m_page->chart()->leaderBrokers(), (QList<int>{1, 2, 3}));
        QVERIFY(m_page->chart()->leaderValues(killed).contains(0.0)); // it led nothing while dead
        // The screenshot shows the kill marker's row at the top of the table.
        for (int r = 0; r < m_page->filterModel()->rowCount(); ++r)
            if (m_page->filterModel()->index(r, TimelineModel::ChangeColumn).data().toString().endsWith(killText))
                m_page->table()->scrollTo(m_page->filterModel()->index(r, 0), QAbstractItemView::PositionAtTop);
        QVERIFY(!m_page->isFollowingTail()); // scrolled up: new rows do not pull the view down
        m_page->chart()->replotNow();
        test::saveScreenshot(window, QStringLiteral("replication-timeline.png"));
        window.setPalette(darkPalette());
        QTest::qWait(50);
        m_page->chart()->replotNow();
        test::saveScreenshot(window, QStringLiteral("replication-timeline-dark.png"));
        window.setPalette(QPalette());
        m_page->table()->scrollToBottom();
        QVERIFY(m_page->isFollowingTail());

        // Pause a node (a hung broker): fenced after the session timeout, the same events.
        const int paused = leaderOf(window, 0);
        QVERIFY(paused > 0);
        const int beforePause = m_page->model()->rowCount();
        const QDateTime pausedAt = QDateTime::currentDateTimeUtc();
        history->addMarker(TimelineMarker{pausedAt, QStringLiteral("Paused node %1 (SIGSTOP)").arg(paused), paused,
                                          TimelineMarker::Source::User});
        QVERIFY(offThread([&] { return own.cluster().pauseNode(paused, true); }));
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::BrokerDown, paused, -1, beforePause), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::LeaderChanged, -1, 0, beforePause), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::IsrShrunk, paused, -1, beforePause), 20000);
        qInfo("pause to BrokerDown in a snapshot: %lld ms, to the new leader of partition 0: %lld ms",
              pausedAt.msecsTo(firstSeenAt(Kind::BrokerDown, paused, -1, beforePause)),
              pausedAt.msecsTo(firstSeenAt(Kind::LeaderChanged, -1, 0, beforePause)));
        QTRY_VERIFY_WITH_TIMEOUT(lastUrp() > 0, 10000);
        const int beforeResume = m_page->model()->rowCount();
        history->addMarker(TimelineMarker{QDateTime::currentDateTimeUtc(), QStringLiteral("Resumed node %1").arg(paused),
                                          paused, TimelineMarker::Source::User});
        QVERIFY(offThread([&] { return own.cluster().resumeNode(paused); }));
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::BrokerUp, paused, -1, beforeResume), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(seen(Kind::IsrExpanded, paused, -1, beforeResume), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(lastUrp(), 0.0, 60000);

        // Filters. Broker: every row shown concerns it (or is a whole-cluster action).
        TimelineFilterModel *filter = m_page->filterModel();
        m_page->setBrokerFilter(killed);
        QCOMPARE(m_page->brokerCombo()->currentData().toInt(), killed);
        QVERIFY(filter->rowCount() > 0);
        QVERIFY(filter->rowCount() < m_page->model()->rowCount());
        for (int r = 0; r < filter->rowCount(); ++r) {
            const QModelIndex i = filter->index(r, 0);
            QVERIFY2(i.data(TimelineModel::BrokersInvolvedRole).value<QList<int>>().contains(killed),
                     qPrintable(filter->index(r, TimelineModel::ChangeColumn).data().toString()));
        }
        m_page->setBrokerFilter(-1);
        QCOMPARE(filter->rowCount(), m_page->model()->rowCount());
        // Kind: broker-down events only (no markers): exactly the two failures.
        for (const Kind k : allReplicationEventKinds())
            m_page->setKindVisible(static_cast<int>(k), k == Kind::BrokerDown);
        m_page->setKindVisible(-1, false);
        int brokerDowns = 0;
        for (int r = 0; r < m_page->model()->rowCount(); ++r)
            brokerDowns += !m_page->model()->isMarker(r) && m_page->model()->event(r).kind == Kind::BrokerDown ? 1 : 0;
        QVERIFY(brokerDowns >= 2); // the kill and the pause (a flapping broker could add one)
        QCOMPARE(filter->rowCount(), brokerDowns);
        // Topic and partition: that partition's events plus the broker events.
        m_page->resetFilters();
        m_page->setTopicFilter(m_topic);
        m_page->setPartitionFilter(0);
        for (int r = 0; r < filter->rowCount(); ++r) {
            const QModelIndex i = filter->index(r, 0);
            const QString topic = i.data(TimelineModel::TopicRole).toString();
            QVERIFY(topic.isEmpty() || (topic == m_topic && i.data(TimelineModel::PartitionRole).toInt() == 0));
        }
        m_page->resetFilters();
        QCOMPARE(filter->rowCount(), m_page->model()->rowCount());

        // Export: every row, parseable, the kill marker and the events among them.
        const QString path = QDir::temp().filePath(uniqueName(QStringLiteral("timeline")) + QStringLiteral(".csv"));
        QSignalSpy finished(m_page, &TimelinePage::exportFinished);
        const int rows = m_page->model()->rowCount();
        const int markerRows = m_page->model()->markerRowCount();
        QVERIFY(m_page->exportCsv(path));
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(2).toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QStringList> csv = parseCsv(QString::fromUtf8(file.readAll()));
        file.remove();
        QCOMPARE(csv.size(), qsizetype(rows) + 1); // exportCsv took the rows when called
        QCOMPARE(csv.constFirst().constFirst(), QStringLiteral("time"));
        int csvMarkers = 0;
        int csvBrokerDowns = 0;
        bool killRow = false;
        for (qsizetype i = 1; i < csv.size(); ++i) {
            QCOMPARE(csv.at(i).size(), 8);
            csvMarkers += csv.at(i).at(1) == QStringLiteral("UserAction") ? 1 : 0;
            csvBrokerDowns += csv.at(i).at(1) == QStringLiteral("BrokerDown") ? 1 : 0;
            killRow = killRow || (csv.at(i).at(1) == QStringLiteral("UserAction") && csv.at(i).at(7) == killText &&
                                  csv.at(i).at(2) == QString::number(killed));
            QVERIFY(QDateTime::fromString(csv.at(i).at(0), Qt::ISODateWithMs).isValid());
        }
        QCOMPARE(csvMarkers, markerRows);
        QCOMPARE(csvBrokerDowns, brokerDowns);
        QVERIFY(killRow);

        // A burst of 100 markers is one redraw, not a hundred (replots are coalesced).
        QTRY_VERIFY(!m_page->chart()->isReplotPending());
        QTest::qWait(100);
        const int replots = m_page->chart()->replotCount();
        for (int i = 0; i < 100; ++i)
            history->addMarker(TimelineMarker{QDateTime::currentDateTimeUtc(), QStringLiteral("burst %1").arg(i), -1,
                                              TimelineMarker::Source::Drill});
        QVERIFY(m_page->chart()->isReplotPending());
        QTRY_VERIFY(!m_page->chart()->isReplotPending());
        QTest::qWait(100);
        QVERIFY2(m_page->chart()->replotCount() - replots <= 2, qPrintable(QString::number(m_page->chart()->replotCount() - replots)));
        QCOMPARE(m_page->model()->markerRowCount(), markerRows + 100);
    }
};

QTEST_MAIN(TestTimelinePage)
#include "tst_timelinepage.moc"
