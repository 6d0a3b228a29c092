// How the window identifies itself to the desktop: its title names the connection, its icon (the
// one the taskbar and window switcher show) carries the profile's label colour and goes back to
// the plain application icon on disconnect. Connects to the shared bundled cluster through a
// saved profile, as `kafdesk --profile NAME` and the Connections dialog do. Also runs the desktop
// entry and AppStream validators on resources/linux when they are installed.

#include "profiles/profilestore.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/mainwindow.h"
#include "widgets/appicon.h"

#include <QFileInfo>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

QColor pixelAt(const QIcon &icon, int size, QPoint where)
{
    return icon.pixmap(QSize(size, size)).toImage().pixelColor(where);
}

// Close enough for a colour painted with antialiasing on (the badge's centre is solid).
bool sameColour(const QColor &a, const QColor &b)
{
    return qAbs(a.red() - b.red()) <= 2 && qAbs(a.green() - b.green()) <= 2 && qAbs(a.blue() - b.blue()) <= 2 &&
           a.alpha() == 255;
}

QString describe(const QColor &c)
{
    return c.name(QColor::HexArgb);
}

} // namespace

class TestWindowIdentity : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString saveProfiles(const QList<ConnectionProfile> &profiles)
    {
        const QString file = m_dir.filePath(QStringLiteral("profiles.ini"));
        ProfileStore store(file);
        store.setKeychainTimeout(5000);
        for (const ConnectionProfile &p : profiles) {
            QSignalSpy saved(&store, &ProfileStore::saved);
            QSignalSpy failed(&store, &ProfileStore::secretsFailed);
            if (!store.save(p).ok())
                return {};
            if (!QTest::qWaitFor([&] { return saved.size() + failed.size() == 1; }, 8000))
                return {};
        }
        return file;
    }

private Q_SLOTS:
    void thePlainIconIsTheApplicationsOwn()
    {
        const QIcon icon = appicon::plain();
        for (int size : appicon::sizes()) {
            const QPixmap p = icon.pixmap(QSize(size, size));
            QCOMPARE(p.size(), QSize(size, size)); // a PNG of that size is in the resource
            // Transparency in the corner, the square's blue above the first bar.
            QCOMPARE(p.toImage().pixelColor(0, 0).alpha(), 0);
            const QColor edge = p.toImage().pixelColor(size / 2, size * 5 / 32);
            QVERIFY2(edge.blue() > edge.red() + 60, qPrintable(describe(edge)));
        }
    }

    void titleAndIconCarryTheProfile()
    {
        const QString bootstrap = sharedClusterState().bootstrapServers();
        ConnectionProfile staging;
        staging.name = QStringLiteral("staging");
        staging.bootstrapServers = bootstrap;
        staging.labelColour = QStringLiteral("#e0a100");
        ConnectionProfile plainProfile;
        plainProfile.name = QStringLiteral("no colour");
        plainProfile.bootstrapServers = bootstrap;
        const QString file = saveProfiles({staging, plainProfile});
        QVERIFY(!file.isEmpty());

        MainWindow::Options options;
        options.localClusterName = sharedClusterName();
        options.clustersRoot = clustersDir();
        options.profilesFile = file;
        MainWindow window(options);
        window.resize(1180, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QColor colour(0xe0, 0xa1, 0x00);
        const QList<int> sizes{16, 32, 256};
        QMap<int, QColor> plainAtBadge;
        for (int size : sizes) {
            plainAtBadge[size] = pixelAt(appicon::plain(), size, appicon::badgeCentre(size));
            QVERIFY(!sameColour(plainAtBadge[size], colour));
        }
        QCOMPARE(window.windowTitle(), QStringLiteral("Kafdesk"));
        for (int size : sizes)
            QCOMPARE(pixelAt(window.windowIcon(), size, appicon::badgeCentre(size)), plainAtBadge[size]);

        // The profile's way in: the Connections dialog connects with the profile's colour.
        window.openProfile(staging.name);
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 60000);
        QCOMPARE(window.windowTitle(), QStringLiteral("staging — Kafdesk"));
        QVERIFY(window.windowHandle());
        for (int size : sizes) {
            const QPoint at = appicon::badgeCentre(size);
            const QColor shown = pixelAt(window.windowIcon(), size, at);
            QVERIFY2(sameColour(shown, colour), qPrintable(QStringLiteral("%1 px: %2").arg(size).arg(describe(shown))));
            // What the platform window (the taskbar's source) has is the same icon.
            QVERIFY(sameColour(pixelAt(window.windowHandle()->icon(), size, at), colour));
            // Away from the badge the icon is the application's own.
            QCOMPARE(pixelAt(window.windowIcon(), size, QPoint(size / 2, size / 4)),
                     pixelAt(appicon::plain(), size, QPoint(size / 2, size / 4)));
        }
        for (int size : {16, 256}) {
            const QString shot = screenshotDir() + QStringLiteral("/window-icon-staging-%1.png").arg(size);
            QVERIFY(window.windowIcon().pixmap(QSize(size, size)).save(shot));
            qInfo("screenshot: %s", qPrintable(shot));
        }

        // Disconnected: the plain icon and title again.
        window.disconnectFromCluster();
        QCOMPARE(window.windowTitle(), QStringLiteral("Kafdesk"));
        for (int size : sizes)
            QCOMPARE(pixelAt(window.windowIcon(), size, appicon::badgeCentre(size)), plainAtBadge[size]);

        // A profile with no colour keeps the plain icon, its name in the title.
        window.openProfile(plainProfile.name);
        QTRY_VERIFY_WITH_TIMEOUT(window.isConnected(), 60000);
        QCOMPARE(window.windowTitle(), QStringLiteral("no colour — Kafdesk"));
        for (int size : sizes)
            QCOMPARE(pixelAt(window.windowIcon(), size, appicon::badgeCentre(size)), plainAtBadge[size]);
    }

    void theDesktopEntryAndMetadataValidate()
    {
        const QString desktop = QFINDTESTDATA("../../resources/linux/io.github.kafdesk.Kafdesk.desktop");
        const QString metainfo = QFINDTESTDATA("../../resources/linux/io.github.kafdesk.Kafdesk.metainfo.xml");
        QVERIFY(QFileInfo::exists(desktop));
        QVERIFY(QFileInfo::exists(metainfo));
        // The names that tie them together: the entry's icon and the metadata's launchable.
        QSettings entry(desktop, QSettings::IniFormat);
        QCOMPARE(entry.value(QStringLiteral("Desktop Entry/Icon")).toString(),
                 QStringLiteral("io.github.kafdesk.Kafdesk"));
        // Qt's X11 WM_CLASS is the application name: the desktop file's StartupWMClass must match it.
        QCOMPARE(entry.value(QStringLiteral("Desktop Entry/StartupWMClass")).toString(), QStringLiteral("kafdesk"));
        QFile xml(metainfo);
        QVERIFY(xml.open(QIODevice::ReadOnly));
        const QByteArray text = xml.readAll();
        QVERIFY(text.contains("<launchable type=\"desktop-id\">io.github.kafdesk.Kafdesk.desktop</launchable>"));

        if (QStandardPaths::findExecutable(QStringLiteral("desktop-file-validate")).isEmpty() ||
            QStandardPaths::findExecutable(QStringLiteral("appstreamcli")).isEmpty())
            QSKIP("desktop-file-validate or appstreamcli is not installed (desktop-file-utils, appstream)");
        const RunResult d = run(QStringLiteral("desktop-file-validate"), {desktop});
        QVERIFY2(d.exitCode == 0, qPrintable(d.describe()));
        QVERIFY2(!d.out.contains(QStringLiteral("error:")) && !d.out.contains(QStringLiteral("warning:")),
                 qPrintable(d.out));
        const RunResult a =
            run(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"), metainfo});
        QVERIFY2(a.exitCode == 0, qPrintable(a.describe()));
        qInfo("appstreamcli: %s", qPrintable(a.out.trimmed()));
    }
};

QTEST_MAIN(TestWindowIdentity)
#include "tst_windowidentity.moc"
