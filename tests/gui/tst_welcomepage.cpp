// The welcome page, offscreen: with Java and the broker jars present its Start choice opens the
// shared bundled cluster through the main window; with either missing (the environment pointed
// at nothing) it says so in one sentence with the command that fixes it, and Start stays disabled.

#include "profiles/profilestore.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/clusterpage.h"
#include "views/mainwindow.h"
#include "views/welcomepage.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

// Sets an environment variable for one scope, and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv &) = delete;
    ScopedEnv &operator=(const ScopedEnv &) = delete;

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

} // namespace

class TestWelcomePage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    MainWindow::Options options(const QString &profilesFile)
    {
        MainWindow::Options o;
        o.localClusterName = sharedClusterName();
        o.clustersRoot = clustersDir();
        o.openLocalCluster = false; // a plain `kafdesk`: the welcome page
        o.profilesFile = profilesFile;
        return o;
    }

    QString profilesWith(const QStringList &names)
    {
        const QString file = m_dir.filePath(QStringLiteral("profiles-%1.ini").arg(names.size()));
        ProfileStore store(file);
        store.setKeychainTimeout(5000);
        for (const QString &name : names) {
            ConnectionProfile p;
            p.name = name;
            p.bootstrapServers = sharedClusterState().bootstrapServers();
            QSignalSpy saved(&store, &ProfileStore::saved);
            QSignalSpy failed(&store, &ProfileStore::secretsFailed);
            if (!store.save(p).ok())
                return {};
            // No secrets to store; the keychain answers (or fails to) all the same.
            if (!QTest::qWaitFor([&] { return saved.size() + failed.size() == 1; }, 8000))
                return {};
        }
        return file;
    }

private Q_SLOTS:
    void everythingPresentStartOpensTheLocalCluster()
    {
        const QString profiles = profilesWith({QStringLiteral("production"), QStringLiteral("staging")});
        QVERIFY(!profiles.isEmpty());
        MainWindow window(options(profiles));
        window.resize(1180, 760);
        window.show();
        WelcomePage *page = window.welcomePage();
        QVERIFY(page);
        QCOMPARE(window.currentPage(), page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isChecking(), 10000);
        QVERIFY2(page->prerequisites().ok(), qPrintable(page->problems().join(QLatin1Char(' '))));
        QVERIFY(page->problems().isEmpty());
        QCOMPARE(page->startButton()->text(), QStringLiteral("Start a local cluster (3 brokers)"));
        QVERIFY(page->startButton()->isEnabled());
        QVERIFY(page->connectButton()->isEnabled());
        QVERIFY(!page->findChild<QLabel *>(QStringLiteral("welcomeProblem"))->isVisible());
        // The saved connections, one click each.
        QStringList shown;
        for (auto *b : page->findChildren<QToolButton *>(QStringLiteral("welcomeProfile")))
            if (b->isVisible())
                shown << b->text();
        QCOMPARE(shown, (QStringList{QStringLiteral("production"), QStringLiteral("staging")}));
        QTest::qWait(200);
        saveScreenshot(window, QStringLiteral("welcome-page.png"));

        // Start: the window attaches to the running shared cluster, as `kafdesk --local` would.
        QSignalSpy start(page, &WelcomePage::startLocalRequested);
        QTest::mouseClick(page->startButton(), Qt::LeftButton);
        QCOMPARE(start.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 90000);
        QTRY_COMPARE_WITH_TIMEOUT(window.statusTexts().value(1), QStringLiteral("3 of 3 brokers alive"), 30000);
        QCOMPARE(window.currentPage(), window.page(NavigationTree::Page::Overview));

        // Disconnecting brings the page back, checked again.
        window.disconnectFromCluster();
        QCOMPARE(window.currentPage(), page);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isChecking(), 10000);
        QVERIFY(page->startButton()->isEnabled());

        // The same page in a dark palette.
        const QPalette light = QApplication::palette();
        const QString previousName = QApplication::style()->name();
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(darkPalette());
        QTest::qWait(200);
        saveScreenshot(window, QStringLiteral("welcome-page-dark.png"));
        QApplication::setPalette(light);
        QApplication::setStyle(QStyleFactory::create(previousName));
    }

    void aSavedConnectionIsOneClick()
    {
        WelcomePage page;
        page.setProfileNames({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d"),
                              QStringLiteral("e"), QStringLiteral("f"), QStringLiteral("g")});
        page.show();
        const auto links = page.findChildren<QToolButton *>(QStringLiteral("welcomeProfile"));
        QCOMPARE(links.size(), 5); // the rest are in the Connections dialog, which the page says
        const auto labels = page.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.cbegin(), labels.cend(),
                            [](QLabel *l) { return l->text() == QStringLiteral("and 2 more in Connections…"); }));
        QSignalSpy requested(&page, &WelcomePage::profileRequested);
        QTest::mouseClick(links.at(2), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().first().toString(), QStringLiteral("c"));
        QSignalSpy connect(&page, &WelcomePage::connectRequested);
        QTest::mouseClick(page.connectButton(), Qt::LeftButton);
        QCOMPARE(connect.size(), 1);
        page.setProfileNames({});
        QVERIFY(page.findChildren<QToolButton *>(QStringLiteral("welcomeProfile")).isEmpty());
        QVERIFY(!page.findChild<QLabel *>(QStringLiteral("welcomeProfilesTitle"))->isVisible());
    }

    void javaMissingDisablesStart()
    {
        // findJava() takes KAFDESK_JAVA as the only choice when it is set: a path with nothing there
        // is Java missing, whatever this machine has installed.
        const ScopedEnv java("KAFDESK_JAVA", QDir(m_dir.path()).filePath(QStringLiteral("no-java/bin/java")).toUtf8());
        MainWindow window(options(m_dir.filePath(QStringLiteral("none.ini"))));
        window.resize(1180, 760);
        window.show();
        WelcomePage *page = window.welcomePage();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isChecking() && !page->problems().isEmpty(), 10000);
        QVERIFY(!page->prerequisites().javaFound);
        QVERIFY(page->prerequisites().jarsFound);
        const QString sentence = QStringLiteral("Java is not where KAFDESK_JAVA points: install Java 17 with sudo apt "
                                                "install openjdk-17-jre-headless, or correct KAFDESK_JAVA.");
        QCOMPARE(page->problems(), QStringList{sentence});
        QVERIFY(!page->startButton()->isEnabled());
        QCOMPARE(page->startButton()->toolTip(), sentence);
        QVERIFY(page->connectButton()->isEnabled());
        auto *problem = page->findChild<QLabel *>(QStringLiteral("welcomeProblem"));
        QVERIFY(problem->isVisible());
        QVERIFY(problem->text().contains(
            QStringLiteral("<code>sudo&nbsp;apt&nbsp;install&nbsp;openjdk-17-jre-headless</code>")));
        QVERIFY(page->findChild<QPushButton *>(QStringLiteral("welcomeCheckAgain"))->isVisible());
        saveScreenshot(window, QStringLiteral("welcome-page-java-missing.png"));

        // Without KAFDESK_JAVA and with no Java anywhere, the sentence names the package.
        LocalPrerequisites none;
        none.jarsFound = true;
        QCOMPARE(WelcomePage::problemSentences(none, false),
                 QStringList{
                     QStringLiteral("Java 17 is missing: install it with sudo apt install openjdk-17-jre-headless.")});
    }

    void jarsMissingDisablesStartUntilTheyAreThere()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        {
            const ScopedEnv jars("KAFDESK_KAFKA_JARS", empty.path().toUtf8());
            MainWindow window(options(m_dir.filePath(QStringLiteral("none.ini"))));
            window.resize(1180, 760);
            window.show();
            WelcomePage *page = window.welcomePage();
            QTRY_VERIFY_WITH_TIMEOUT(!page->isChecking() && !page->problems().isEmpty(), 10000);
            QVERIFY(page->prerequisites().javaFound);
            QVERIFY(!page->prerequisites().jarsFound);
            QCOMPARE(
                page->problems(),
                QStringList{QStringLiteral("The Kafka broker jars are missing from %1, where KAFDESK_KAFKA_JARS "
                                           "points: unset it and install them with sudo apt install kafdesk-kafka, "
                                           "or run scripts/fetch-kafka-jars.sh from the Kafdesk source tree.")
                                .arg(empty.path())});
            QVERIFY(!page->startButton()->isEnabled());
            // The check's own words (what was looked for where) are in the tooltip.
            QVERIFY(page->findChild<QLabel *>(QStringLiteral("welcomeProblem"))->toolTip().contains(empty.path()));
            saveScreenshot(window, QStringLiteral("welcome-page-jars-missing.png"));

            // Both missing: one sentence each, Java first.
            const ScopedEnv java("KAFDESK_JAVA", QByteArray("/nonexistent/java"));
            QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("welcomeCheckAgain")), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(page->problems().size(), 2, 10000);
            QVERIFY(page->problems().first().startsWith(QStringLiteral("Java is not where KAFDESK_JAVA points")));
            QVERIFY(page->problems().last().startsWith(QStringLiteral("The Kafka broker jars are missing")));
            QVERIFY(!page->startButton()->isEnabled());
        }
        // The default search finds the jars again (what installing them does): Check Again enables Start.
        WelcomePage again;
        again.show();
        QTRY_VERIFY_WITH_TIMEOUT(!again.isChecking() && again.prerequisites().ok(), 10000);
        QVERIFY(again.startButton()->isEnabled());
        QVERIFY(again.problems().isEmpty());
        QVERIFY(!again.findChild<QPushButton *>(QStringLiteral("welcomeCheckAgain"))->isVisible());

        // Unset, the jars sentence names the package and the script.
        LocalPrerequisites none;
        none.javaFound = true;
        QCOMPARE(WelcomePage::problemSentences(none, false),
                 QStringList{QStringLiteral("The Kafka broker jars are missing: install them with sudo apt install "
                                            "kafdesk-kafka, or run scripts/fetch-kafka-jars.sh from the Kafdesk source "
                                            "tree.")});
    }
};

QTEST_MAIN(TestWelcomePage)
#include "tst_welcomepage.moc"
