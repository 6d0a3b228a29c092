// The first window against the real shared cluster, offscreen, with a screenshot.

#include "cluster/metadatapoller.h"
#include "local/processtable.h"
#include "models/brokertablemodel.h"
#include "settings.h"
#include "support/testsupport.h"
#include "views/mainwindow.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

using namespace kafdesk;
using namespace kafdesk::test;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listsTheLocalClustersBrokers()
    {
        MainWindow::Options options;
        options.localClusterName = sharedClusterName();
        options.clustersRoot = clustersDir();
        options.openLocalCluster = true;
        MainWindow window(options);
        QAbstractItemModelTester tester(window.brokerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.resize(760, 420);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.brokerModel()->aliveCount(), 3, 60000);
        QCOMPARE(window.brokerModel()->rowCount(), 3);

        const ClusterState state = sharedClusterState();
        for (int row = 0; row < 3; ++row) {
            const auto &r = window.brokerModel()->rows().at(row);
            QCOMPARE(r.id, row + 1);
            QCOMPARE(r.address, state.node(r.id)->brokerAddress());
            QVERIFY(r.alive);
        }
        bool sawCount = false;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
            sawCount |= label->text() == QStringLiteral("3 of 3 brokers alive");
        QVERIFY(sawCount);

        QDir().mkpath(screenshotDir());
        const QString file = screenshotDir() + QStringLiteral("/mainwindow-brokers.png");
        const QPixmap shot = window.grab();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.save(file));
        qInfo("screenshot: %s", qPrintable(file));

        // The window attached to a cluster that already ran: closing it leaves the cluster up.
        window.close();
        auto seen = LocalCluster(sharedClusterName(), clustersDir()).observe();
        QVERIFY(seen.ok());
        for (const NodeObservation &o : seen.value())
            QVERIFY(o.status == NodeStatus::Running);
    }

    void aClusterTheWindowStartedStopsWhenItCloses()
    {
        OwnCluster own(QStringLiteral("gui-quit"));
        settings::keepLocalClusterRunning().set(false);
        MainWindow::Options options;
        options.localClusterName = own.name();
        options.clustersRoot = clustersDir();
        options.openLocalCluster = true;
        options.newClusterBrokers = 1;
        MainWindow window(options);
        window.show();
        QTRY_COMPARE_WITH_TIMEOUT(window.brokerModel()->aliveCount(), 1, 90000);
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

    void aDeadClusterLeavesTheEventLoopResponsive()
    {
        // Nothing listens on port 1: every fetch fails after its timeout, on the worker thread.
        MetadataPoller poller(QStringLiteral("127.0.0.1:1"), 300);
        QSignalSpy failures(&poller, &MetadataPoller::fetchFailed);
        poller.start();
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0;
        qint64 worstGap = 0;
        QTimer tick;
        tick.setInterval(10);
        connect(&tick, &QTimer::timeout, this, [&] {
            worstGap = std::max(worstGap, clock.elapsed() - last);
            last = clock.elapsed();
        });
        tick.start();
        // librdkafka reports the refused connection asynchronously: one of the first failures names it.
        const auto saysNothingListens = [&failures] {
            for (const QList<QVariant> &f : std::as_const(failures))
                if (f.first().value<Error>().message.contains(QStringLiteral("Nothing is listening at 127.0.0.1:1")))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(failures.count() >= 2 && saysNothingListens(), 15000);
        QVERIFY2(worstGap < 250, qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(worstGap)));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
