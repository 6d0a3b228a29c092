// The Local cluster panel against a real 3-node bundled cluster of the test's own, offscreen:
// kill, restart, pause and resume a node through the panel, a confirmation that warns of a
// stalled quorum, the active controller next to what Kafka's own MetadataQuorumCommand says, the
// log viewer, and a GUI thread that never stalls meanwhile.

#include "cluster/replicationhistory.h"
#include "local/quorumstatus.h"
#include "models/localnodemodel.h"
#include "settings.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/localclustercontroller.h"
#include "views/localclusterpage.h"
#include "views/mainwindow.h"
#include "widgets/messagelog.h"
#include "widgets/nodelogview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

using Shown = LocalNodeModel::Shown;

// The longest gap between two ticks of a 50 ms timer while it runs: how long the GUI thread was busy.
class Heartbeat {
public:
    Heartbeat()
    {
        m_clock.start();
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] {
            const qint64 gap = m_clock.elapsed() - m_last;
            if (gap > m_worst) {
                m_worst = gap;
                m_worstPhase = m_phase;
            }
            m_last = m_clock.elapsed();
        });
        m_timer.start();
    }
    qint64 worst() const { return m_worst; }
    // What the test did when the worst gap happened, for the failure message.
    void setPhase(const QString &phase) { m_phase = phase; }
    const QString &worstPhase() const { return m_worstPhase; }
    // The test's own blocking calls (kcat, Kafka's tools) hold the GUI thread: they do not count.
    template <typename Body>
    auto outside(Body body)
    {
        m_timer.stop();
        auto result = body();
        m_last = m_clock.elapsed();
        m_timer.start();
        return result;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_worst = 0;
    QString m_phase;
    QString m_worstPhase;
};

Shown shownOf(LocalClusterPage *page, int id)
{
    const LocalNodeModel::Row *r = page->nodeModel()->row(id);
    return r ? r->shown : Shown::Exited;
}

int listedOf(LocalClusterPage *page, int id)
{
    const LocalNodeModel::Row *r = page->nodeModel()->row(id);
    return r ? r->listed : -2;
}

bool hasMarker(MainWindow &window, const QString &text, int brokerId)
{
    const auto &markers = window.replicationHistory()->markers();
    return std::any_of(markers.cbegin(), markers.cend(), [&](const TimelineMarker &m) {
        return m.text == text && m.brokerId == brokerId && m.source == TimelineMarker::Source::User;
    });
}

// The active controller as an independent peer sees it: Kafka's own tool.
int quorumLeaderByKafka(const QString &bootstrap, QString *output = nullptr)
{
    const RunResult r = kafkaTool(QStringLiteral("org.apache.kafka.tools.MetadataQuorumCommand"),
                                  {QStringLiteral("--bootstrap-server"), bootstrap, QStringLiteral("describe"),
                                   QStringLiteral("--status")});
    if (output)
        *output = r.out;
    const auto parsed = QuorumStatus::parse(r.out);
    return parsed ? parsed->leaderId : -1;
}

} // namespace

class TestLocalClusterPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { settings::keepLocalClusterRunning().set(true); } // OwnCluster takes it down

    void stallText()
    {
        QList<NodeObservation> nodes;
        for (int id = 1; id <= 3; ++id)
            nodes << NodeObservation{NodeState{id, 0, 0, 0, NodeIntent::Running, {}}, NodeStatus::Running};
        QCOMPARE(LocalClusterPage::quorumStallText(nodes, {2}), QString());
        nodes[1].status = NodeStatus::Killed;
        QCOMPARE(LocalClusterPage::quorumStallText(nodes, {3}),
                 QStringLiteral("Node 2 and node 3 down leave 1 of 3 controllers; the quorum needs 2. The cluster "
                                "stalls: no leader elections, no topic changes, until one is back."));
        QCOMPARE(LocalClusterPage::quorumStallText(nodes.mid(0, 1), {1}).left(50),
                 QStringLiteral("Node 1 down leaves 0 of 1 controllers; the quorum "));
    }

    void logViewFollowsAndSaysWhenEmpty()
    {
        QTemporaryDir root;
        const ClusterPaths paths(root.path(), QStringLiteral("logs"));
        QVERIFY(QDir().mkpath(paths.nodeLogDir(1)));
        NodeLogView view;
        view.resize(800, 300);
        view.show();
        view.setCluster(paths, {1, 3});
        view.setFollowing(false); // the test polls by itself
        view.showNode(3, NodeLogView::File::Server);
        QVERIFY2(view.emptyText().startsWith(QStringLiteral("Node 3 has not written a log yet.")),
                 qPrintable(view.emptyText()));

        QFile log(paths.serverLog(1));
        QVERIFY(log.open(QIODevice::WriteOnly));
        log.write("[t0] INFO first line\n[t1] INFO Kafka Server started\n");
        log.flush();
        view.showNode(1, NodeLogView::File::Server);
        QVERIFY(view.emptyText().isEmpty());
        QCOMPARE(view.textView()->toPlainText(), QStringLiteral("[t0] INFO first line\n[t1] INFO Kafka Server started\n"));

        // Appended bytes show after a poll, a line split across two writes included; search wraps.
        log.write("[t2] WARN half a li");
        log.flush();
        view.poll();
        log.write("ne\n[t3] INFO Kafka Server started again\n");
        log.flush();
        view.poll();
        QVERIFY(view.textView()->toPlainText().endsWith(
            QStringLiteral("[t2] WARN half a line\n[t3] INFO Kafka Server started again\n")));
        QVERIFY(view.findNext(QStringLiteral("Kafka Server started")));
        QCOMPARE(view.matchCount(), 2);
        const int first = view.textView()->textCursor().blockNumber();
        QVERIFY(view.findNext(QStringLiteral("Kafka Server started")));
        QVERIFY(view.textView()->textCursor().blockNumber() != first);
        QVERIFY(view.findNext(QStringLiteral("Kafka Server started"))); // wraps to the first again
        QCOMPARE(view.textView()->textCursor().blockNumber(), first);
        QVERIFY(view.findNext(QStringLiteral("Kafka Server started"), true));
        QVERIFY(view.textView()->textCursor().blockNumber() != first);

        // A file that shrinks (rolled over, or wiped by a reset) is read afresh.
        log.close();
        QVERIFY(log.open(QIODevice::WriteOnly | QIODevice::Truncate));
        log.write("[t9] INFO new life\n");
        log.flush();
        view.poll();
        QCOMPARE(view.textView()->toPlainText(), QStringLiteral("[t9] INFO new life\n"));

        // stdout.log of the same node has not been written.
        view.showNode(1, NodeLogView::File::Stdout);
        QVERIFY(view.emptyText().startsWith(QStringLiteral("Node 1 has not written a log yet.")));
        view.resize(900, 260);
        test::saveScreenshot(view, QStringLiteral("local-cluster-log-empty.png"));
    }

    void killRestartPauseResume()
    {
        OwnCluster own(QStringLiteral("panel"));
        MainWindow::Options options;
        options.localClusterName = own.name();
        options.clustersRoot = clustersDir();
        options.openLocalCluster = true;
        options.newClusterBrokers = 3;
        options.profilesFile = QDir::tempPath() + QStringLiteral("/kafdesk-tst-localclusterpanel-profiles.ini");
        MainWindow window(options);
        window.resize(1180, 760);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 180000);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("3 of 3 brokers alive"), 60000);
        const QString bootstrap = own.bootstrap();

        window.navigation()->select(NavigationTree::Page::LocalCluster);
        auto *page = qobject_cast<LocalClusterPage *>(window.currentPage());
        QVERIFY(page);
        QAbstractItemModelTester tester(page->nodeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<LocalClusterPage::Confirmation> asked;
        bool answer = true;
        page->setConfirmer([&](const LocalClusterPage::Confirmation &c) {
            asked << c;
            return answer;
        });
        Heartbeat heartbeat;
        auto *controller = window.findChild<LocalClusterController *>();
        QVERIFY(controller);
        QSignalSpy actionErrors(controller, &LocalClusterController::nodeActionFailed);

        heartbeat.setPhase(QStringLiteral("waiting for the nodes"));
        // Every node runs and is listed; the active controller is the one Kafka's tool names.
        QTRY_COMPARE_WITH_TIMEOUT(page->nodeModel()->rowCount(), 3, 10000);
        for (int id = 1; id <= 3; ++id) {
            QTRY_COMPARE_WITH_TIMEOUT(shownOf(page, id), Shown::Running, 30000);
            QTRY_COMPARE_WITH_TIMEOUT(listedOf(page, id), 1, 30000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(page->activeController() > 0, 60000);
        const int kafkaSays = heartbeat.outside([&] { return quorumLeaderByKafka(bootstrap); });
        QVERIFY(kafkaSays > 0);
        QTRY_COMPARE_WITH_TIMEOUT(page->activeController(), kafkaSays, 30000);
        QVERIFY2(page->quorumText().startsWith(QStringLiteral("Active controller: node %1 (epoch ").arg(kafkaSays)),
                 qPrintable(page->quorumText()));
        const int activeRow = page->nodeModel()->rowOf(kafkaSays);
        QVERIFY(page->nodeModel()
                    ->index(activeRow, LocalNodeModel::RolesColumn)
                    .data(LocalNodeModel::ActiveControllerRole)
                    .toBool());
        QVERIFY(page->nodeModel()
                    ->index(activeRow, LocalNodeModel::RolesColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("active")));

        heartbeat.setPhase(QStringLiteral("log viewer"));
        // The log viewer: node 1's server.log, searchable.
        page->logView()->showNode(1, NodeLogView::File::Server);
        QTRY_VERIFY_WITH_TIMEOUT(page->logView()->textView()->toPlainText().contains(QStringLiteral("Kafka Server started")),
                                 30000);
        QVERIFY(page->logView()->findNext(QStringLiteral("Kafka Server started")));
        QCOMPARE(page->logView()->textView()->textCursor().selectedText(), QStringLiteral("Kafka Server started"));
        QVERIFY(page->logView()->matchCount() >= 1);
        QVERIFY(!page->logView()->findNext(QStringLiteral("no such text in a kafka log 8c1f")));

        heartbeat.setPhase(QStringLiteral("kill"));
        // Kill node 2 through the panel: confirmed, killed, gone from metadata, marked in the timeline.
        QVERIFY(page->selectNode(2));
        QAction *kill = page->nodeAction(NodeAction::Kill);
        QVERIFY(kill->isEnabled());
        kill->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 20000);
        QVERIFY2(asked.last().text.contains(QStringLiteral("Kill node 2")), qPrintable(asked.last().text));
        QVERIFY(!asked.last().stallsQuorum);
        QTRY_COMPARE_WITH_TIMEOUT(shownOf(page, 2), Shown::Killed, 30000);
        QCOMPARE(window.currentPage(), page); // a node action keeps the window on the page
        QVERIFY(hasMarker(window, QStringLiteral("Killed node 2 (SIGKILL)"), 2));
        QVERIFY(heartbeat.outside([&] {
            return waitUntil([&] { return kcatBrokerIds(bootstrap) == QList<int>{1, 3}; }, std::chrono::seconds(60));
        }) >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(listedOf(page, 2), 0, 60000);
        heartbeat.outside([&] {
            QString out;
            quorumLeaderByKafka(bootstrap, &out);
            qInfo().noquote() << "MetadataQuorumCommand with node 2 killed:\n" << out;
            return 0;
        });
        QTest::qWait(1500); // let the quorum line and the log settle for the screenshot
        heartbeat.outside([&] {
            test::saveScreenshot(window, QStringLiteral("local-cluster-panel-node-killed.png"));
            return 0;
        });

        heartbeat.setPhase(QStringLiteral("stall question"));
        // Stopping a second node would stall the quorum: the question says so; "no" does nothing.
        answer = false;
        const qsizetype markersBefore = window.replicationHistory()->markers().size();
        QVERIFY(page->selectNode(3));
        QTRY_VERIFY(page->nodeAction(NodeAction::Stop)->isEnabled());
        page->nodeAction(NodeAction::Stop)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 2, 20000);
        QVERIFY(asked.last().stallsQuorum);
        QVERIFY2(asked.last().detail.contains(QStringLiteral(
                     "Node 2 and node 3 down leave 1 of 3 controllers; the quorum needs 2. The cluster stalls")),
                 qPrintable(asked.last().detail));
        QTest::qWait(1000);
        QVERIFY(!controller->isBusy());
        QCOMPARE(shownOf(page, 3), Shown::Running);
        QCOMPARE(window.replicationHistory()->markers().size(), markersBefore);
        answer = true;

        heartbeat.setPhase(QStringLiteral("restart"));
        // Restart node 2: running and listed again (a node that is down just starts: nothing to ask).
        QVERIFY(page->selectNode(2));
        QTRY_VERIFY(page->nodeAction(NodeAction::Restart)->isEnabled());
        page->nodeAction(NodeAction::Restart)->trigger();
        QTRY_VERIFY(!page->busyText().isEmpty() || shownOf(page, 2) == Shown::Running);
        QVERIFY(hasMarker(window, QStringLiteral("Restarted node 2"), 2));
        QTRY_COMPARE_WITH_TIMEOUT(shownOf(page, 2), Shown::Running, 120000);
        QTRY_COMPARE_WITH_TIMEOUT(listedOf(page, 2), 1, 120000);
        QVERIFY(heartbeat.outside([&] {
            return waitUntil([&] { return kcatBrokerIds(bootstrap) == QList<int>{1, 2, 3}; }, std::chrono::seconds(60));
        }) >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(page->busyText().isEmpty(), 120000);

        heartbeat.setPhase(QStringLiteral("pause and resume"));
        // Pause node 3 (a hung broker) and resume it.
        QVERIFY(page->selectNode(3));
        QTRY_VERIFY(page->nodeAction(NodeAction::Pause)->isEnabled());
        page->nodeAction(NodeAction::Pause)->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 3, 20000);
        QVERIFY(asked.last().text.contains(QStringLiteral("Pause node 3")));
        QTRY_COMPARE_WITH_TIMEOUT(shownOf(page, 3), Shown::Paused, 30000);
        QVERIFY(hasMarker(window, QStringLiteral("Paused node 3 (SIGSTOP)"), 3));
        QTRY_VERIFY_WITH_TIMEOUT(page->nodeAction(NodeAction::Resume)->isEnabled(), 30000);
        page->nodeAction(NodeAction::Resume)->trigger();
        QCOMPARE(asked.size(), 3); // resuming asks nothing
        QTRY_COMPARE_WITH_TIMEOUT(shownOf(page, 3), Shown::Running, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(page->busyText().isEmpty(), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(listedOf(page, 3), 1, 60000);
        QVERIFY(hasMarker(window, QStringLiteral("Resumed node 3 (SIGCONT)"), 3));

        heartbeat.setPhase(QStringLiteral("failing action"));
        // An action that fails says so in the message log (the window's banner), not in a message box.
        controller->runNodeAction(NodeAction::Start, 1, false); // node 1 runs already
        QTRY_COMPARE_WITH_TIMEOUT(actionErrors.size(), 1, 30000);
        const auto &messages = window.messageLog()->messages();
        QVERIFY(std::any_of(messages.cbegin(), messages.cend(), [](const LogMessage &m) {
            return m.severity == LogMessage::Severity::Error && m.text.contains(QStringLiteral("already running"));
        }));
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        actionErrors.clear();

        // Every other action succeeded (an error would be in the message log, not in a message box).
        QVERIFY2(actionErrors.isEmpty(),
                 qPrintable(actionErrors.isEmpty() ? QString() : actionErrors.first().first().value<Error>().fullText()));
        qInfo() << "worst GUI-thread gap" << heartbeat.worst() << "ms, while" << heartbeat.worstPhase();
        QVERIFY2(heartbeat.worst() < 250, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms (%2)")
                                                         .arg(heartbeat.worst())
                                                         .arg(heartbeat.worstPhase())));
    }
};

QTEST_MAIN(TestLocalClusterPanel)
#include "tst_localclusterpanel.moc"
