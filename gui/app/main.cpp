// kafdesk: the desktop console.

#include "app/unixsignalwatcher.h"
#include "kafdesk_build_config.h"
#include "settings.h"
#include "views/mainwindow.h"
#include "widgets/startupprobe.h"

#include <QApplication>
#include <QCommandLineParser>

#include <memory>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("kafdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Kafdesk"));
    QApplication::setOrganizationName(QStringLiteral("kafdesk"));
    QApplication::setApplicationVersion(QStringLiteral(KAFDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("kafdesk"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "A desktop console for Apache Kafka."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption local(QStringLiteral("local"),
                                   QApplication::translate("main", "Start or attach to the bundled local cluster."));
    const QCommandLineOption name(QStringLiteral("cluster-name"),
                                  QApplication::translate("main", "The local cluster to open (default: local)."),
                                  QStringLiteral("NAME"), QStringLiteral("local"));
    parser.addOptions({local, name});
    parser.process(app);

    kafdesk::MainWindow::Options options;
    options.localClusterName = parser.value(name);
    // A first run, with no saved connection, opens the bundled cluster.
    options.openLocalCluster = parser.isSet(local) || kafdesk::settings::savedConnectionCount().get() == 0;
    kafdesk::MainWindow window(options);
    kafdesk::UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &kafdesk::UnixSignalWatcher::terminationRequested, &window, &QWidget::close);
    std::unique_ptr<kafdesk::StartupProbe> probe;
    if (qEnvironmentVariableIsSet("KAFDESK_BENCH_STARTUP"))
        probe = std::make_unique<kafdesk::StartupProbe>(&window, qEnvironmentVariableIntValue("KAFDESK_BENCH_STARTUP"));
    window.show();
    return QApplication::exec();
}
