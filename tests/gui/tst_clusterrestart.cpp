// The whole cluster goes away and comes back: the window stays responsive while every broker is
// down (its metadata polls time out on the session's thread, never on the GUI thread), says the
// connection is lost, and reconnects by itself once the brokers are back: nobody clicks anything.

#include "settings.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/clusterpage.h"
#include "views/mainwindow.h"

#include <QDir>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>
#include <QTimer>

#include <thread>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

// The longest gap between two ticks of a 50 ms timer on the GUI thread, while it runs.
class Heartbeat {
public:
    Heartbeat()
    {
        m_clock.start();
        m_timer.setInterval(50);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.elapsed();
            m_longest = std::max(m_longest, now - m_last);
            m_last = now;
        });
        m_timer.start();
    }
    qint64 longestGapMs() const { return m_longest; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
};

// Runs a blocking LocalCluster call beside the event loop, which keeps turning meanwhile.
Status runBeside(const std::function<Status()> &call)
{
    Status result = ok();
    bool done = false;
    std::thread worker([&] {
        result = call();
        done = true;
    });
    while (!done)
        QTest::qWait(20);
    worker.join();
    return result;
}

} // namespace

class TestClusterRestart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { settings::keepLocalClusterRunning().set(true); } // the test takes it down

    void stopAndStartTheWholeClusterReconnectsByItself()
    {
        OwnCluster own(QStringLiteral("restart"));
        const RunResult started =
            ctl({QStringLiteral("cluster"), QStringLiteral("start"), QStringLiteral("-q"), QStringLiteral("--name"), own.name()});
        QVERIFY2(started.exitCode == 0, qPrintable(started.describe()));

        MainWindow::Options options;
        options.localClusterName = own.name();
        options.clustersRoot = clustersDir();
        options.openLocalCluster = true; // attaches: the cluster runs already
        options.profilesFile = QDir::tempPath() + QStringLiteral("/kafdesk-tst-clusterrestart-profiles.ini");
        MainWindow window(options);
        window.resize(1180, 760);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("3 of 3 brokers alive"), 60000);
        // The partition map polls every second: the most requests a dead cluster could stall.
        window.navigation()->select(NavigationTree::Page::PartitionMap);
        QCOMPARE(window.currentPage(), window.page(NavigationTree::Page::PartitionMap));

        Heartbeat heartbeat;
        const Status stopped = runBeside([&] { return own.cluster().stop(); });
        QVERIFY2(stopped, qPrintable(stopped ? QString() : stopped.error().fullText()));
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(0), QStringLiteral("Connection lost: retrying…"), 60000);
        // The last snapshot is history now, and the status bar says when it was taken.
        // (The last one may have caught the nodes stopping one after another.)
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-3] of 3 brokers alive at \\d\\d:\\d\\d:\\d\\d$"))
                     .match(window.statusTexts().value(1))
                     .hasMatch(),
                 qPrintable(window.statusTexts().value(1)));
        // Still usable: every page opens while nothing answers.
        for (const auto which : {NavigationTree::Page::Overview, NavigationTree::Page::Topics, NavigationTree::Page::Timeline,
                                 NavigationTree::Page::LocalCluster, NavigationTree::Page::PartitionMap}) {
            window.navigation()->select(which);
            QTest::qWait(300);
        }
        QTest::qWait(3000); // a few failed polls with the cluster gone
        test::saveScreenshot(window, QStringLiteral("window-cluster-stopped.png"));

        const Status restarted = runBeside([&]() -> Status {
            const auto state = own.cluster().start();
            return state ? ok() : Status(state.error());
        });
        QVERIFY2(restarted, qPrintable(restarted ? QString() : restarted.error().fullText()));
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(0), QStringLiteral("Connected"), 90000);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("3 of 3 brokers alive"), 60000);
        QCOMPARE(kcatBrokerIds(own.bootstrap()), (QList<int>{1, 2, 3}));
        qInfo("longest GUI-thread gap through the stop and start: %lld ms", heartbeat.longestGapMs());
        QVERIFY2(heartbeat.longestGapMs() < 250, qPrintable(QString::number(heartbeat.longestGapMs())));
    }
};

QTEST_MAIN(TestClusterRestart)
#include "tst_clusterrestart.moc"
