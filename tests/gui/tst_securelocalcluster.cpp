// The GUI's choice of a secured local cluster, offscreen against a real one-node cluster of the
// test's own: Recreate Secured… asks first (the data goes), the window then reconnects by itself
// over SASL_SSL as admin, and the broker port no longer answers a plaintext client (kcat).

#include "local/localcluster.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/localclusterpage.h"
#include "views/mainwindow.h"
#include "views/navigationtree.h"

#include <QAction>
#include <QDir>
#include <QLabel>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

class TestSecureLocalCluster : public QObject {
    Q_OBJECT
private slots:
    void recreateSecuredAndBack()
    {
        OwnCluster own(QStringLiteral("securegui"));
        MainWindow::Options options;
        options.localClusterName = own.name();
        options.clustersRoot = clustersDir();
        options.openLocalCluster = true;
        options.newClusterBrokers = 1;
        options.profilesFile = QDir::tempPath() + QStringLiteral("/kafdesk-tst-securelocalcluster-profiles.ini");
        MainWindow window(options);
        window.resize(1180, 700);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 180000);
        QVERIFY(!own.cluster().state().value().secure);

        window.navigation()->select(NavigationTree::Page::LocalCluster);
        auto *page = qobject_cast<LocalClusterPage *>(window.currentPage());
        QVERIFY(page);
        QList<LocalClusterPage::Confirmation> asked;
        bool answer = false;
        page->setConfirmer([&](const LocalClusterPage::Confirmation &c) {
            asked << c;
            return answer;
        });
        QAction *recreate = page->recreateClusterAction();
        QTRY_VERIFY_WITH_TIMEOUT(recreate->isEnabled(), 30000);
        QCOMPARE(recreate->text(), QStringLiteral("Recreate Secured…"));

        // Declined: nothing happens to the cluster.
        const QString idBefore = own.cluster().state().value().clusterId;
        recreate->trigger();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().typeToConfirm, own.name());
        QVERIFY(asked.first().detail.contains(QStringLiteral("SASL_SSL")));
        QTest::qWait(500);
        QCOMPARE(own.cluster().state().value().clusterId, idBefore);

        // Accepted: a new, secured cluster, and the window back on it by itself.
        answer = true;
        recreate->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(own.cluster().state() && own.cluster().state().value().secure
                                     && own.cluster().state().value().clusterId != idBefore,
                                 180000);
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected() && window.session()->latestSnapshot()->clusterId
                                     == own.cluster().state().value().clusterId,
                                 180000);
        QTRY_COMPARE_WITH_TIMEOUT(recreate->text(), QStringLiteral("Recreate Plaintext…"), 30000);
        auto *summary = page->findChild<QLabel *>(QStringLiteral("localClusterSummary"));
        QVERIFY(summary);
        QTRY_VERIFY_WITH_TIMEOUT(summary->text().contains(QStringLiteral("secured: SASL_SSL")), 30000);

        // The port speaks only SASL_SSL now: a plaintext client gets no broker list.
        const QString bootstrap = own.bootstrap();
        QVERIFY(kcatBrokerIds(bootstrap).isEmpty());
        window.navigation()->select(NavigationTree::Page::LocalCluster); // connecting showed the overview
        QTest::qWait(1500); // the node table's next observation
        test::saveScreenshot(window, QStringLiteral("local-cluster-secured.png"));
    }
};

QTEST_MAIN(TestSecureLocalCluster)
#include "tst_securelocalcluster.moc"
