// The peer of the start-up benchmark (bench_startup.py): the least a Qt Widgets application can
// show (a QMainWindow with a menu, a table and a status bar, in the same Qt and the same offscreen
// platform), with the same probe as kafdesk's KAFDESK_BENCH_STARTUP hook (gui/widgets/startupprobe.h): it
// prints the CLOCK_MONOTONIC time of the first painted frame, then, after the idle seconds, VmRSS.

#include "widgets/startupprobe.h"

#include <QApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableWidget>


int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    window.menuBar()->addMenu(QStringLiteral("&File"))->addAction(QStringLiteral("&Quit"), &app, &QApplication::quit);
    auto *table = new QTableWidget(20, 4, &window);
    window.setCentralWidget(table);
    window.statusBar()->showMessage(QStringLiteral("Ready"));
    window.resize(1180, 760);
    kafdesk::StartupProbe probe(&window, qEnvironmentVariableIntValue("KAFDESK_BENCH_STARTUP"));
    window.show();
    return QApplication::exec();
}
