// The walk a new user takes, on a cluster the window creates itself: from a fresh start to the
// partition map of a new topic in a handful of clicks; then a broker is killed and the window
// shows it everywhere. Saves the screenshots the README shows (light and dark palettes).

#include "local/localcluster.h"
#include "settings.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/mainwindow.h"
#include "views/partitionmapview.h"
#include "views/topicdetailpage.h"
#include "views/topicspage.h"
#include "views/welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QCommandLinkButton>
#include <QDialog>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStyleFactory>
#include <QTabBar>
#include <QTableView>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;


class TestFirstRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { settings::keepLocalClusterRunning().set(true); } // the test takes it down

    void freshStartToThePartitionMapAndABrokerKilled()
    {
        OwnCluster own(QStringLiteral("firstrun"));
        QVERIFY(!own.cluster().exists());
        MainWindow::Options options;
        options.localClusterName = own.name();
        options.clustersRoot = clustersDir();
        options.newClusterBrokers = 3;
        options.profilesFile = QDir::tempPath() + QStringLiteral("/kafdesk-tst-firstrun-profiles.ini");
        MainWindow window(options);
        window.resize(1180, 760);
        window.show();

        // A first start opens on the welcome page; click 1: Start a local cluster, once the page
        // has found Java and the broker jars. The window creates and starts the bundled cluster,
        // then shows the overview.
        QCOMPARE(window.currentPage(), window.welcomePage());
        QTRY_VERIFY_WITH_TIMEOUT(window.welcomePage()->startButton()->isEnabled(), 30000);
        window.welcomePage()->startButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 150000);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("3 of 3 brokers alive"), 60000);
        QCOMPARE(window.currentPage(), window.page(NavigationTree::Page::Overview));
        const QString bootstrap = own.cluster().state()->bootstrapServers();

        // Click 2: New Topic. Type a name, set 6 partitions and replication 3; click 3: Create.
        QAction *newTopic = window.findChild<QAction *>(QStringLiteral("actionNewTopic"));
        QVERIFY(newTopic && newTopic->isEnabled());
        newTopic->trigger();
        QDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QDialog *>(QStringLiteral("createTopicDialog"))) != nullptr);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("topicName")), QStringLiteral("orders"));
        dialog->findChild<QSpinBox *>(QStringLiteral("partitions"))->setValue(6);
        dialog->findChild<QSpinBox *>(QStringLiteral("replicationFactor"))->setValue(3);
        auto *create = dialog->findChild<QPushButton *>(QStringLiteral("actionButton"));
        QTRY_VERIFY(create->isEnabled());
        test::saveScreenshot(*dialog, QStringLiteral("firstrun-create-topic.png"));
        QTest::mouseClick(create, Qt::LeftButton);
        // The dialog closes itself once the broker has created the topic; kcat sees it.
        QTRY_VERIFY_WITH_TIMEOUT(!window.findChild<QDialog *>(QStringLiteral("createTopicDialog")) ||
                                     !window.findChild<QDialog *>(QStringLiteral("createTopicDialog"))->isVisible(),
                                 30000);
        QVERIFY(waitUntil([&] {
            const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-L"),
                                                             QStringLiteral("-t"), QStringLiteral("orders")});
            return r.exitCode == 0 && r.out.count(QStringLiteral("partition ")) == 6;
        }, std::chrono::seconds(30)) >= 0);

        // Click 4: Topics in the tree; click 5: open "orders" (a double click / Enter).
        window.navigation()->select(NavigationTree::Page::Topics);
        auto *topics = qobject_cast<TopicsPage *>(window.currentPage());
        QVERIFY(topics);
        QTRY_VERIFY_WITH_TIMEOUT(topics->selectTopic(QStringLiteral("orders")), 20000);
        test::saveScreenshot(window, QStringLiteral("window-topics.png"));
        QTest::keyClick(topics->table(), Qt::Key_Return);
        auto *detail = qobject_cast<TopicDetailPage *>(window.currentPage());
        QVERIFY(detail);
        QCOMPARE(detail->topic(), QStringLiteral("orders"));

        // Click 6: the Partition Map tab.
        QTabBar *tabBar = detail->tabs()->tabBar();
        QTest::mouseClick(tabBar, Qt::LeftButton, {}, tabBar->tabRect(TopicDetailPage::MapTab).center());
        QCOMPARE(detail->currentTab(), TopicDetailPage::MapTab);
        QTest::qWait(300);
        test::saveScreenshot(window, QStringLiteral("window-partition-map.png"));

        // Break it: SIGKILL broker 2. The map, the status bar and the log all show it.
        QVERIFY(own.cluster().killNode(2, true).ok());
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("2 of 3 brokers alive"), 60000);
        // Leaders move off the dead broker once the controller fences it.
        const auto leadersOnBroker2 = [&] {
            const ClusterSnapshotPtr s = window.session()->latestSnapshot();
            const TopicState *t = s ? s->topic(QStringLiteral("orders")) : nullptr;
            if (!t)
                return -1;
            return static_cast<int>(std::count_if(t->partitions.cbegin(), t->partitions.cend(),
                                                  [](const PartitionState &p) { return p.leader == 2; }));
        };
        QTRY_COMPARE_WITH_TIMEOUT(leadersOnBroker2(), 0, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(window.statusTexts().value(2) == QStringLiteral("6 under-replicated"), 30000);
        QTest::qWait(1200); // past the map's change flash
        test::saveScreenshot(window, QStringLiteral("window-partition-map-broker-down.png"));
        detail->mapView()->setMode(PartitionMapView::ByBroker);
        QTest::qWait(300);
        test::saveScreenshot(window, QStringLiteral("window-partition-map-by-broker.png"));
        detail->setCurrentTab(TopicDetailPage::PartitionsTab);
        QTest::qWait(1500);
        test::saveScreenshot(window, QStringLiteral("window-topic-partitions.png"));

        window.navigation()->select(NavigationTree::Page::Overview);
        QTest::qWait(800);
        test::saveScreenshot(window, QStringLiteral("window-overview-broker-down.png"));
        window.navigation()->select(NavigationTree::Page::Brokers);
        QTest::qWait(1500);
        test::saveScreenshot(window, QStringLiteral("window-brokers.png"));

        // The same in a dark palette.
        const QPalette light = QApplication::palette();
        QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        QApplication::setStyle(fusion);
        QApplication::setPalette(darkPalette());
        window.navigation()->openTopic(QStringLiteral("orders"));
        detail->setCurrentTab(TopicDetailPage::MapTab);
        detail->mapView()->setMode(PartitionMapView::ByPartition);
        QTest::qWait(500);
        test::saveScreenshot(window, QStringLiteral("window-partition-map-dark.png"));
        window.navigation()->select(NavigationTree::Page::Overview);
        QTest::qWait(500);
        test::saveScreenshot(window, QStringLiteral("window-overview-dark.png"));
        QApplication::setPalette(light);
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_firstrun.moc"
