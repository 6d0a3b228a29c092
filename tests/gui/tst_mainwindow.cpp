// The main window against the real bundled cluster, offscreen: navigation, status bar, banners,
// keyboard, persistence, read-only connections, a dead cluster, and stopping a cluster it started.

#include "dialogs/connectionrequest.h"
#include "local/processtable.h"
#include "settings.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/consumepage.h"
#include "views/groupdetailpage.h"
#include "views/mainwindow.h"
#include "views/producepage.h"
#include "views/topicdetailpage.h"
#include "views/statuspage.h"
#include "views/topicspage.h"
#include "widgets/connectionbadge.h"
#include "widgets/messagebanner.h"
#include "widgets/messagelog.h"

#include <QAction>
#include <QCheckBox>
#include <QDialog>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

MainWindow::Options sharedClusterOptions()
{
    MainWindow::Options options;
    options.localClusterName = sharedClusterName();
    options.clustersRoot = clustersDir();
    options.openLocalCluster = true;
    options.profilesFile = QDir::tempPath() + QStringLiteral("/kafdesk-tst-mainwindow-profiles.ini");
    return options;
}


// The GUI thread's own CPU time in the longest stretch without running a 10 ms timer, while
// `body` waits. Own time, not wall-clock time: on a loaded machine the thread may simply wait for
// a core (the wall-clock gap is printed, for the record).
template <typename Body>
qint64 worstEventLoopGap(Body body)
{
    QElapsedTimer clock;
    clock.start();
    qint64 last = 0;
    qint64 lastCpu = threadCpuMs();
    qint64 worstWall = 0;
    qint64 worstCpu = 0;
    QTimer tick;
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, &tick, [&] {
        const qint64 cpu = threadCpuMs();
        worstWall = std::max(worstWall, clock.elapsed() - last);
        worstCpu = std::max(worstCpu, cpu - lastCpu);
        last = clock.elapsed();
        lastCpu = cpu;
    });
    tick.start();
    body();
    qInfo("longest event-loop gap: %lld ms wall-clock, %lld ms of the GUI thread's own time", worstWall, worstCpu);
    return worstCpu;
}

QAction *action(QWidget &window, const char *objectName)
{
    return window.findChild<QAction *>(QString::fromLatin1(objectName));
}

} // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { settings::keepLocalClusterRunning().set(false); }

    void opensTheLocalClusterAndEveryPage()
    {
        MainWindow window(sharedClusterOptions());
        window.resize(1180, 760);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 90000);
        const ClusterState state = sharedClusterState();
        QCOMPARE(kcatBrokerIds(state.bootstrapServers()), (QList<int>{1, 2, 3}));
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("3 of 3 brokers alive"), 30000);
        QCOMPARE(window.statusTexts().value(0), QStringLiteral("Connected"));
        QVERIFY(window.statusTexts().value(2).endsWith(QStringLiteral("under-replicated")));
        QVERIFY(window.statusTexts().value(3).endsWith(QStringLiteral("offline")));

        // The tree: the cluster and its views, Local cluster included (the bundled one).
        NavigationTree *tree = window.navigation();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 13);
        QCOMPARE(window.currentPage(), window.page(NavigationTree::Page::Overview));
        for (const auto which : {NavigationTree::Page::Brokers, NavigationTree::Page::Topics,
                                 NavigationTree::Page::Groups, NavigationTree::Page::Acls, NavigationTree::Page::Produce,
                                 NavigationTree::Page::Consume, NavigationTree::Page::GroupLab,
                                 NavigationTree::Page::PartitionMap, NavigationTree::Page::Timeline,
                                 NavigationTree::Page::Drill, NavigationTree::Page::Lessons,
                                 NavigationTree::Page::LocalCluster, NavigationTree::Page::Overview}) {
            tree->select(which);
            QCOMPARE(window.currentPage(), window.page(which));
        }
        QTest::qWait(1500); // let the overview's chart and group count settle
        test::saveScreenshot(window, QStringLiteral("mainwindow-overview.png"));

        // Opening a topic adds it under Topics and shows its detail.
        const QString topic = uniqueName(QStringLiteral("mw"));
        QCOMPARE(ctl({QStringLiteral("topics"), QStringLiteral("create"), topic, QStringLiteral("--partitions"),
                      QStringLiteral("3"), QStringLiteral("--replication-factor"), QStringLiteral("3"),
                      QStringLiteral("--bootstrap"), state.bootstrapServers()})
                     .exitCode,
                 0);
        window.refresh();
        window.openTopic(topic);
        QCOMPARE(tree->openedTopic(), topic);
        QCOMPARE(tree->currentPage(), NavigationTree::Page::TopicDetail);
        QCOMPARE(window.currentPage(), window.page(NavigationTree::Page::TopicDetail));

        // The topic's Produce and Consume buttons open those panes on it.
        auto *detail = qobject_cast<TopicDetailPage *>(window.page(NavigationTree::Page::TopicDetail));
        QVERIFY(detail);
        detail->produceAction()->trigger();
        QCOMPARE(window.currentPage(), window.page(NavigationTree::Page::Produce));
        QCOMPARE(qobject_cast<ProducePage *>(window.currentPage())->topic(), topic);
        window.openTopic(topic);
        detail->consumeAction()->trigger();
        QCOMPARE(window.currentPage(), window.page(NavigationTree::Page::Consume));
        QCOMPARE(qobject_cast<ConsumePage *>(window.currentPage())->topic(), topic);

        // A group opens under Consumer groups.
        window.openGroup(QStringLiteral("mw-group"));
        QCOMPARE(tree->openedGroup(), QStringLiteral("mw-group"));
        QCOMPARE(tree->currentPage(), NavigationTree::Page::GroupDetail);
        QCOMPARE(qobject_cast<GroupDetailPage *>(window.currentPage())->group(), QStringLiteral("mw-group"));

        // The window attached to a cluster that already ran: closing it leaves the cluster up.
        window.close();
        auto seen = LocalCluster(sharedClusterName(), clustersDir()).observe();
        QVERIFY(seen.ok());
        for (const NodeObservation &o : seen.value())
            QVERIFY(o.status == NodeStatus::Running);
    }

    void keyboardShortcutsReachThePage()
    {
        MainWindow window(sharedClusterOptions());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window) || true); // offscreen windows may never be "active"
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 90000);
        window.navigation()->select(NavigationTree::Page::Topics);
        auto *topics = qobject_cast<TopicsPage *>(window.page(NavigationTree::Page::Topics));
        QVERIFY(topics);

        QAction *filter = action(window, "actionFilter");
        QVERIFY(filter);
        QCOMPARE(filter->shortcut(), QKeySequence(QKeySequence::Find));
        filter->trigger();
        QTRY_VERIFY(topics->filterEdit()->hasFocus() || QApplication::focusWidget() == topics->filterEdit() ||
                    !window.isActiveWindow());

        QAction *newTopic = action(window, "actionNewTopic");
        QVERIFY(newTopic);
        QCOMPARE(newTopic->shortcut(), QKeySequence(QKeySequence::New));
        QVERIFY(newTopic->isEnabled());
        const auto dialogsBefore = window.findChildren<QDialog *>().size();
        newTopic->trigger();
        QTRY_COMPARE(window.findChildren<QDialog *>().size(), dialogsBefore + 1);
        for (QDialog *d : window.findChildren<QDialog *>())
            d->close();

        QAction *refresh = action(window, "actionRefresh");
        QVERIFY(refresh);
        QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
        QCOMPARE(action(window, "actionDelete")->shortcut(), QKeySequence(QKeySequence::Delete));
    }

    void keepRunningIsOneSettingInTwoPlaces()
    {
        MainWindow::Options options = sharedClusterOptions();
        options.openLocalCluster = false;
        MainWindow window(options);
        QAction *keep = action(window, "actionKeepRunning");
        QCheckBox *box = window.page(NavigationTree::Page::LocalCluster)->findChild<QCheckBox *>();
        QVERIFY(keep && box);
        keep->setChecked(true);
        QVERIFY(box->isChecked());
        QVERIFY(settings::keepLocalClusterRunning().get());
        box->setChecked(false);
        QVERIFY(!keep->isChecked());
        QVERIFY(!settings::keepLocalClusterRunning().get());
    }

    void geometryAndSplitterPersist()
    {
        QList<int> sizes;
        {
            MainWindow window(sharedClusterOptions());
            window.resize(1000, 640);
            window.show();
            auto *splitter = window.findChild<QSplitter *>(QStringLiteral("mainSplitter"));
            QVERIFY(splitter);
            splitter->setSizes({260, 740});
            QTest::qWait(50);
            sizes = splitter->sizes();
            window.close();
        }
        MainWindow again(sharedClusterOptions());
        again.show();
        QCOMPARE(again.size(), QSize(1000, 640));
        QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
    }

    void aReadOnlyConnectionDisablesChanges()
    {
        MainWindow::Options options = sharedClusterOptions();
        options.openLocalCluster = false;
        MainWindow window(options);
        window.show();
        ConnectionRequest request;
        request.settings = ConnectionSettings::forBootstrap(sharedClusterState().bootstrapServers(),
                                                            QStringLiteral("production (read-only)"));
        request.settings.readOnly = true;
        request.colour = QColor(0xc0, 0x30, 0x30);
        window.connectTo(request);
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 30000);
        auto *badge = window.findChild<ConnectionBadge *>();
        QVERIFY(badge && badge->isReadOnly());
        QAction *newTopic = action(window, "actionNewTopic");
        QVERIFY(!newTopic->isEnabled());
        QVERIFY(newTopic->toolTip().contains(QStringLiteral("read-only")));
        auto *topics = qobject_cast<TopicsPage *>(window.page(NavigationTree::Page::Topics));
        QVERIFY(!topics->newTopicAction()->isEnabled());
        QVERIFY(topics->newTopicAction()->toolTip().contains(QStringLiteral("read-only")));
        window.navigation()->select(NavigationTree::Page::Topics);
        test::saveScreenshot(window, QStringLiteral("mainwindow-readonly.png"));
    }

    void aDeadClusterLeavesTheWindowResponsive()
    {
        MainWindow::Options options = sharedClusterOptions();
        options.openLocalCluster = false;
        MainWindow window(options);
        window.show();
        ConnectionRequest request;
        request.settings = ConnectionSettings::forBootstrap(QStringLiteral("127.0.0.1:1"), QStringLiteral("nowhere"));
        const qint64 gap = worstEventLoopGap([&] {
            window.connectTo(request);
            // The session's first poll fails after librdkafka's own wait, on its worker thread.
            QTRY_VERIFY_WITH_TIMEOUT(window.banner()->isVisible(), 20000);
        });
        QVERIFY2(gap < 250, qPrintable(QStringLiteral("the GUI thread was busy for %1 ms at a stretch").arg(gap)));
        const auto &messages = window.messageLog()->messages();
        QVERIFY(std::any_of(messages.cbegin(), messages.cend(), [](const LogMessage &m) {
            return m.severity == LogMessage::Severity::Error &&
                   m.text.contains(QStringLiteral("Nothing is listening at 127.0.0.1:1"));
        }));
        QCOMPARE(window.banner()->current().severity, LogMessage::Severity::Error);
        QCOMPARE(window.currentPage(), window.statusPage());
        QVERIFY(window.statusPage()->title().contains(QStringLiteral("Nothing is listening")));
        QCOMPARE(window.statusTexts().value(0), QStringLiteral("Connection lost: retrying…"));
        test::saveScreenshot(window, QStringLiteral("mainwindow-dead-cluster.png"));

        // Leaving a dead cluster does not wait for its session's fetch in progress.
        QElapsedTimer clock;
        clock.start();
        window.disconnectFromCluster();
        QVERIFY2(clock.elapsed() < 200, qPrintable(QStringLiteral("disconnecting took %1 ms").arg(clock.elapsed())));
        QCOMPARE(window.statusTexts().value(0), QStringLiteral("Not connected"));
    }

    void aClusterTheWindowStartedStopsWhenItCloses()
    {
        OwnCluster own(QStringLiteral("gui-quit"));
        MainWindow::Options options = sharedClusterOptions();
        options.localClusterName = own.name();
        options.newClusterBrokers = 1;
        MainWindow window(options);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 90000);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("1 of 1 brokers alive"), 30000);
        const QString marker = own.cluster().paths().clusterMarker();
        QCOMPARE(processtable::findByMarker(marker).size(), 1);

        // Closing waits for the cluster to stop, off the GUI thread, then closes for real.
        QVERIFY(!window.close());
        QVERIFY(window.isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 60000);
        QVERIFY(processtable::findByMarker(marker).isEmpty());
        auto seen = own.cluster().observe();
        QVERIFY(seen.ok());
        QVERIFY(seen->first().status == NodeStatus::Stopped);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
