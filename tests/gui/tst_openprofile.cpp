// `kafdesk --profile NAME`: the window opens straight into a saved profile (MainWindow's
// Options::openProfile, which main.cpp fills from the option), on the shared bundled cluster:
// the profile's name in the title, its read-only flag on the session, and an unknown name
// answered with the Connections dialog and an error that lists the saved profiles. Also the
// program's own command line (--help, --version, conflicting options).

#include "dialogs/connectionsdialog.h"
#include "kafdesk_build_config.h"
#include "local/localcluster.h"
#include "profiles/profilestore.h"
#include "support/testsupport.h"
#include "views/mainwindow.h"
#include "widgets/messagelog.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

class TestOpenProfile : public QObject {
    Q_OBJECT
private:
    QString m_profilesFile = QDir::tempPath() + QStringLiteral("/kafdesk-tst-openprofile-profiles.ini");

    MainWindow::Options optionsFor(const QString &profile) const
    {
        MainWindow::Options options;
        options.localClusterName = sharedClusterName();
        options.clustersRoot = clustersDir();
        options.profilesFile = m_profilesFile;
        options.openProfile = profile;
        return options;
    }

private slots:
    void initTestCase()
    {
        QFile::remove(m_profilesFile);
        const auto state = LocalCluster(sharedClusterName(), clustersDir()).state();
        QVERIFY(state);
        ProfileStore store(m_profilesFile);
        ConnectionProfile p;
        p.name = QStringLiteral("Shared (read-only)");
        p.bootstrapServers = state->bootstrapServers();
        p.readOnly = true;
        p.labelColour = QStringLiteral("#c0392b");
        QVERIFY(store.save(p));
    }

    void opensTheProfile()
    {
        MainWindow window(optionsFor(QStringLiteral("Shared (read-only)")));
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 60000);
        QCOMPARE(window.windowTitle(), QStringLiteral("Shared (read-only) — Kafdesk"));
        QVERIFY(window.session()->settings().readOnly);
        QTRY_VERIFY(!window.findChild<ConnectionsDialog *>() || !window.findChild<ConnectionsDialog *>()->isVisible());
    }

    void unknownProfile()
    {
        MainWindow window(optionsFor(QStringLiteral("No such profile")));
        window.show();
        QTRY_VERIFY(window.findChild<ConnectionsDialog *>() && window.findChild<ConnectionsDialog *>()->isVisible());
        QVERIFY(!window.session());
        const auto &messages = window.messageLog()->messages();
        QVERIFY(!messages.isEmpty());
        QCOMPARE(messages.last().text, QStringLiteral("There is no connection profile named “No such profile”."));
        QCOMPARE(messages.last().detail, QStringLiteral("Saved profiles: Shared (read-only)"));
    }

    // The program itself: --version, --help naming every option, and --local with --profile refused.
    void commandLine()
    {
        // --help and --version need no display at all: no platform plugin, no DISPLAY.
        QProcessEnvironment bare = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            bare.remove(QString::fromLatin1(name));
        QProcessEnvironment env = bare;
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const QString app = QStringLiteral(KAFDESK_APP_PATH);
        const RunResult version = run(app, {QStringLiteral("--version")}, bare);
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("kafdesk " KAFDESK_VERSION));
        const RunResult help = run(app, {QStringLiteral("--help")}, bare);
        QCOMPARE(help.exitCode, 0);
        for (const char *option : {"--local", "--cluster-name <NAME>", "--profile <NAME>", "--version", "--help"})
            QVERIFY2(help.out.contains(QLatin1String(option)), option);
        const RunResult both = run(app, {QStringLiteral("--local"), QStringLiteral("--profile"), QStringLiteral("x")}, env);
        QCOMPARE(both.exitCode, 2);
        // (Qt may warn on stderr first, about XDG_RUNTIME_DIR say.)
        QVERIFY2(both.err.trimmed().endsWith(QStringLiteral("\nkafdesk: choose --local or --profile, not both."))
                     || both.err.trimmed() == QStringLiteral("kafdesk: choose --local or --profile, not both."),
                 qPrintable(both.describe()));
    }

    void cleanupTestCase() { QFile::remove(m_profilesFile); }
};

QTEST_MAIN(TestOpenProfile)
#include "tst_openprofile.moc"
