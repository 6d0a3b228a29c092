// kafdesk: the desktop console.

#include "app/unixsignalwatcher.h"
#include "kafdesk_build_config.h"
#include "views/mainwindow.h"
#include "widgets/appicon.h"
#include "widgets/startupprobe.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// The options, for the window's QApplication and for the QCoreApplication that answers --help
// and --version alone.
struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption local{QStringLiteral("local"),
                             QCoreApplication::translate("main", "Start or attach to the bundled local cluster.")};
    QCommandLineOption name{QStringLiteral("cluster-name"),
                            QCoreApplication::translate("main", "The local cluster to open (default: local)."),
                            QStringLiteral("NAME"), QStringLiteral("local")};
    QCommandLineOption profile{QStringLiteral("profile"),
                               QCoreApplication::translate("main", "Connect to the saved connection profile NAME."),
                               QStringLiteral("NAME")};

    CommandLine()
    {
        parser.setApplicationDescription(QCoreApplication::translate("main", "A desktop console for Apache Kafka."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({local, name, profile});
    }
};

void setApplicationNames()
{
    QCoreApplication::setApplicationName(QStringLiteral("kafdesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("kafdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAFDESK_VERSION));
}

// --help and --version print and exit: they must work with no display at all (a terminal over
// ssh, a package check), so they are answered before any window system is opened.
bool onlyPrints(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i)
        for (const char *flag : {"-h", "--help", "-?", "--help-all", "-v", "--version"})
            if (std::strcmp(argv[i], flag) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (onlyPrints(argc, argv)) {
        QCoreApplication core(argc, argv);
        setApplicationNames();
        CommandLine commandLine;
        commandLine.parser.process(core); // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    setApplicationNames();
    QApplication::setApplicationDisplayName(QStringLiteral("Kafdesk"));
    // The desktop entry's name (resources/linux/io.github.kafdesk.Kafdesk.desktop): Wayland
    // compositors and X11 taskbars match the window to the entry, and so to its icon, by it.
    QApplication::setDesktopFileName(QStringLiteral("io.github.kafdesk.Kafdesk"));
    QApplication::setWindowIcon(kafdesk::appicon::plain());

    CommandLine commandLine;
    commandLine.parser.process(app);
    const QCommandLineParser &parser = commandLine.parser;
    if (parser.isSet(commandLine.local) && parser.isSet(commandLine.profile)) {
        std::fputs(qPrintable(QApplication::translate("main", "kafdesk: choose --local or --profile, not both.\n")),
                   stderr);
        return 2;
    }

    kafdesk::MainWindow::Options options;
    options.localClusterName = parser.value(commandLine.name);
    options.openProfile = parser.value(commandLine.profile);
    // Without --local or --profile the window opens on its welcome page, which checks for Java and
    // the broker jars before it offers to start the bundled cluster.
    options.openLocalCluster = parser.isSet(commandLine.local);
    kafdesk::MainWindow window(options);
    kafdesk::UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &kafdesk::UnixSignalWatcher::terminationRequested, &window, &QWidget::close);
    std::unique_ptr<kafdesk::StartupProbe> probe;
    if (qEnvironmentVariableIsSet("KAFDESK_BENCH_STARTUP"))
        probe = std::make_unique<kafdesk::StartupProbe>(&window, qEnvironmentVariableIntValue("KAFDESK_BENCH_STARTUP"));
    window.show();
    return QApplication::exec();
}
