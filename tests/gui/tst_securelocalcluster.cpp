// The GUI's choice of a secured local cluster, offscreen against a real one-node cluster of the
// test's own: Recreate Secured… asks first (the data goes), the window then reconnects by itself
// over SASL_SSL as admin, and the broker port no longer answers a plaintext client (kcat).
// The window keeps a profile for it: the cluster's CA file and the admin's name in the settings,
// the password in the keychain only, and the window connects with what the keychain gives back.
// Recreate Plaintext… brings the plain cluster back and removes the profile.
//
// ctest runs it under tests/support/run-with-keychain.sh (KAFDESK_EXPECT_KEYCHAIN=1, a private
// gnome-keyring); run plainly, there is no keychain and only the fallback (the window still
// connects, and the log says why) is checked.

#include "local/clustersecurity.h"
#include "local/localcluster.h"
#include "local/localclusterprofile.h"
#include "profiles/profilestore.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/localclusterpage.h"
#include "views/mainwindow.h"
#include "views/navigationtree.h"
#include "widgets/messagelog.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
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
        QFile::remove(options.profilesFile);
        const bool expectKeychain = qEnvironmentVariableIntValue("KAFDESK_EXPECT_KEYCHAIN") == 1;
        if (!expectKeychain)
            qunsetenv("DBUS_SESSION_BUS_ADDRESS"); // never the keychain of whoever runs it
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

        const QString password = own.cluster().clientConfig().value().value(QStringLiteral("sasl.password"));
        QVERIFY(!password.isEmpty());
        QCOMPARE(window.session()->settings().clientConfig.value(QStringLiteral("sasl.password")), password);
        const QString profileName = localclusterprofile::profileName(own.name());
        if (expectKeychain)
            checkKeptProfile(options.profilesFile, profileName, own, password);
        else
            QVERIFY(loggedKeychainFallback(window)); // connected all the same, and the log says why

        // And back: a plaintext cluster again, and its stale profile gone.
        const QString secureId = own.cluster().state().value().clusterId;
        recreate->trigger();
        QCOMPARE(asked.size(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(own.cluster().state() && !own.cluster().state().value().secure
                                     && own.cluster().state().value().clusterId != secureId,
                                 180000);
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected() && window.session()->latestSnapshot()->clusterId
                                     == own.cluster().state().value().clusterId,
                                 180000);
        QVERIFY(!window.session()->settings().clientConfig.contains(QStringLiteral("sasl.password")));
        QTRY_VERIFY_WITH_TIMEOUT(!ProfileStore(options.profilesFile).contains(profileName), 30000);
        QCOMPARE(kcatBrokerIds(own.bootstrap()).size(), 1);
    }

private:
    static bool loggedKeychainFallback(const MainWindow &window)
    {
        const auto &messages = window.messageLog()->messages();
        return std::any_of(messages.cbegin(), messages.cend(), [](const LogMessage &m) {
            return m.text.contains(QStringLiteral("password is not in the keychain"));
        });
    }

    // The profile the window saved: the settings name the CA file and the user but hold no
    // password, the keychain holds the cluster's admin password, and the profile connects.
    void checkKeptProfile(const QString &profilesFile, const QString &name, OwnCluster &own, const QString &password)
    {
        ProfileStore store(profilesFile);
        QVERIFY(store.contains(name));
        const ConnectionProfile p = store.load(name).value();
        QCOMPARE(p.securityProtocol, SecurityProtocol::SaslSsl);
        QCOMPARE(p.userName, clustersecurity::adminUser());
        QCOMPARE(p.caFile, clustersecurity::caFile(own.cluster().paths()));
        QCOMPARE(p.bootstrapServers, own.bootstrap());
        QCOMPARE(store.secretFields(name), QStringList{QStringLiteral("password")});
        QFile settings(profilesFile);
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray text = settings.readAll();
        QVERIFY(text.contains(p.caFile.toUtf8()));
        QVERIFY(!text.contains(password.toUtf8()));

        QSignalSpy loaded(&store, &ProfileStore::secretsLoaded);
        QSignalSpy failed(&store, &ProfileStore::secretsFailed);
        store.loadSecrets(name);
        QTRY_VERIFY_WITH_TIMEOUT(loaded.size() + failed.size() > 0, 30000);
        QCOMPARE(failed.size(), 0);
        const auto full = loaded.first().at(1).value<ConnectionProfile>();
        QCOMPARE(full.password, password);
        // The profile alone reaches the cluster, as the Connections dialog would connect with it.
        const auto ops = ClusterOperations::connect({name, full.librdkafkaConfig(), false});
        QVERIFY(ops);
        const auto md = ops.value()->metadata().fetch(30000);
        QVERIFY2(md, qPrintable(md ? QString() : md.error().fullText()));
        QCOMPARE(md->brokers.size(), 1);
    }
};

QTEST_MAIN(TestSecureLocalCluster)
#include "tst_securelocalcluster.moc"
