// kafdesk-ctl's command dispatch: one verb, then that command's own options.

#include "ctl/ctlmain.h"

#include "ctl/aclscommand.h"
#include "ctl/clustercommand.h"
#include "ctl/console.h"
#include "ctl/drillcommand.h"
#include "ctl/groupscommand.h"
#include "ctl/topicscommand.h"
#include "ctl/watchcommand.h"
#include "kafdesk_build_config.h"

namespace kafdesk::ctl {

namespace {

QString usage()
{
    return QStringLiteral("Usage: kafdesk-ctl COMMAND ...\n\n"
                          "Commands:\n"
                          "  cluster VERB ...   run the bundled Apache Kafka cluster (kafdesk-ctl cluster --help)\n"
                          "  describe ...       brokers, topics and partition health of a cluster\n"
                          "  topics VERB ...    list, describe, create, delete, alter topics (kafdesk-ctl topics --help)\n"
                          "  groups VERB ...    consumer groups, lag, offset resets (kafdesk-ctl groups --help)\n"
                          "  acls VERB ...      list, create, delete ACLs (kafdesk-ctl acls --help)\n"
                          "  drill ...          a failure drill: kill leaders while producing, check every message\n"
                          "                     (kafdesk-ctl drill --help)\n"
                          "  watch ...          replication events as they happen, one line each (kafdesk-ctl watch --help)\n\n"
                          "Options:\n"
                          "  -h, --help         this text\n"
                          "  -V, --version      the version of Kafdesk and of its bundled Kafka\n");
}

} // namespace


int runCtl(QStringList args)
{
    if (args.isEmpty()) {
        err() << usage();
        return ExitUsage;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("-h") || command == QLatin1String("--help") || command == QLatin1String("help")) {
        out() << usage();
        return ExitOk;
    }
    if (command == QLatin1String("-V") || command == QLatin1String("--version")) {
        out() << "kafdesk-ctl " << KAFDESK_VERSION << " (bundled Apache Kafka " << KAFDESK_KAFKA_VERSION << ")\n";
        return ExitOk;
    }
    if (command == QLatin1String("cluster"))
        return runClusterCommand(args);
    if (command == QLatin1String("describe"))
        return runDescribeCommand(args);
    if (command == QLatin1String("topics"))
        return runTopicsCommand(args);
    if (command == QLatin1String("groups"))
        return runGroupsCommand(args);
    if (command == QLatin1String("acls"))
        return runAclsCommand(args);
    if (command == QLatin1String("drill"))
        return runDrillCommand(args);
    if (command == QLatin1String("watch"))
        return runWatchCommand(args);
    err() << "kafdesk-ctl: unknown command \"" << command << "\".\n\n" << usage();
    return ExitUsage;
}

} // namespace kafdesk::ctl
