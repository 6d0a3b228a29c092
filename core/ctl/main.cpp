// kafdesk-ctl: the headless command line over Kafdesk's core.

#include "ctl/ctlmain.h"
#include "kafdesk_build_config.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kafdesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("kafdesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAFDESK_VERSION));
    return kafdesk::ctl::runCtl(QCoreApplication::arguments().mid(1));
}
