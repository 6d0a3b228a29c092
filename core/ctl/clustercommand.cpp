#include "ctl/clustercommand.h"

#include "ctl/clusterstatusformat.h"
#include "ctl/console.h"
#include "ctl/ctlsupport.h"
#include "local/clustersecurity.h"
#include "local/localcluster.h"
#include "local/nodelauncher.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>
#include <QThread>

#include <csignal>

namespace kafdesk::ctl {

namespace {

struct Verb {
    const char *name;
    enum NodeArg { None, Optional, Required } node;
    const char *summary;
};

constexpr Verb verbs[] = {
    {"start", Verb::Optional, "start the cluster (creating it), or one node; waits until it is ready"},
    {"stop", Verb::Optional, "stop the cluster, or one node with a controlled shutdown (SIGTERM)"},
    {"kill", Verb::Required, "kill one node at once (SIGKILL)"},
    {"pause", Verb::Required, "freeze one node (SIGSTOP), as a hung broker"},
    {"resume", Verb::Required, "let a paused node run again (SIGCONT)"},
    {"restart", Verb::Optional, "restart the cluster, or one node"},
    {"status", Verb::None, "show each node's state, ports and pid (--json for scripts)"},
    {"logs", Verb::Optional, "print a node's server log (-n lines, -f to follow)"},
    {"down", Verb::None, "stop the cluster and remove all of its files"},
    {"reset", Verb::None, "wipe all data and format fresh storage (restarts it if it ran)"},
    {"list", Verb::None, "list the local clusters"},
    {"credentials", Verb::None, "print a secure cluster's password of one user (--user, default admin)"},
};

const Verb *findVerb(const QString &name)
{
    for (const Verb &v : verbs)
        if (name == QLatin1String(v.name))
            return &v;
    return nullptr;
}

int fail(const Error &e, int code = ExitFailed)
{
    err() << "kafdesk-ctl: " << e.message << '\n';
    if (!e.detail.isEmpty())
        err() << e.detail << '\n';
    err().flush();
    return code;
}

int failStatus(const LocalCluster &cluster, const Status &s)
{
    if (s)
        return ExitOk;
    return fail(s.error(), cluster.lastRefusal() == LocalCluster::Refusal::NeedsForce ? ExitNeedsForce : ExitFailed);
}

int usageError(const QString &message)
{
    err() << "kafdesk-ctl: " << message << "\n\n" << clusterUsage();
    err().flush();
    return ExitUsage;
}

std::optional<MetadataSnapshot> liveMetadata(const LocalCluster &cluster, const ClusterState &state,
                                             const QList<NodeObservation> &nodes)
{
    const bool anyUp = std::any_of(nodes.cbegin(), nodes.cend(), [](const NodeObservation &o) { return o.isUp(); });
    if (!anyUp)
        return std::nullopt;
    auto config = cluster.clientConfig();
    if (!config)
        return std::nullopt;
    MetadataClient client(state.bootstrapServers(), config.value());
    auto md = client.fetch(2500, false);
    if (!md)
        return std::nullopt;
    return md.value();
}

int printStatus(LocalCluster &cluster, bool json)
{
    auto state = cluster.state();
    if (!state)
        return fail(state.error());
    auto nodes = cluster.observe();
    if (!nodes)
        return fail(nodes.error());
    const auto md = liveMetadata(cluster, state.value(), nodes.value());
    if (json)
        out() << QJsonDocument(statusJson(cluster.paths(), state.value(), nodes.value(), md)).toJson();
    else
        out() << statusTable(cluster.paths(), state.value(), nodes.value(), md);
    return ExitOk;
}

// Only on request, one password: for kcat, Kafka's tools or a client of the user's own.
int printCredentials(const LocalCluster &cluster, const QString &user)
{
    auto state = cluster.state();
    if (!state)
        return fail(state.error());
    if (!state->secure)
        return fail(failure(QStringLiteral("Cluster \"%1\" is not secure: it has no users or passwords.")
                                .arg(cluster.name())));
    auto config = cluster.clientConfig(user);
    if (!config)
        return fail(config.error());
    out() << config->value(QStringLiteral("sasl.password")) << '\n';
    return ExitOk;
}

int printLogs(LocalCluster &cluster, int nodeId, int lines, bool follow)
{
    auto state = cluster.state();
    if (!state)
        return fail(state.error());
    QList<int> ids = state->nodeIds();
    if (nodeId > 0) {
        if (!state->node(nodeId))
            return fail(failure(QStringLiteral("Cluster \"%1\" has no node %2.").arg(cluster.name()).arg(nodeId)));
        ids = {nodeId};
    }
    if (follow && ids.size() != 1)
        return usageError(QStringLiteral("--follow needs one node id."));
    for (const int id : std::as_const(ids)) {
        if (ids.size() > 1)
            out() << "==> node " << id << ": " << cluster.paths().serverLog(id) << " <==\n";
        out() << nodelauncher::tail(cluster.paths().serverLog(id), lines) << '\n';
    }
    out().flush();
    if (!follow)
        return ExitOk;
    QFile log(cluster.paths().serverLog(ids.first()));
    qint64 pos = log.size();
    for (;;) { // until interrupted, like tail -f
        QThread::msleep(250);
        if (!log.isOpen() && !log.open(QIODevice::ReadOnly))
            continue;
        if (log.size() < pos)
            pos = 0; // rotated
        log.seek(pos);
        const QByteArray chunk = log.readAll();
        pos += chunk.size();
        if (!chunk.isEmpty()) {
            out() << QString::fromUtf8(chunk);
            out().flush();
        }
    }
}

} // namespace

QString clusterUsage()
{
    QString text = QStringLiteral("Usage: kafdesk-ctl cluster VERB [NODE] [--name NAME] [options]\n\nVerbs:\n");
    for (const Verb &v : verbs) {
        QString synopsis = QLatin1String(v.name);
        if (v.node == Verb::Optional)
            synopsis += QStringLiteral(" [NODE]");
        else if (v.node == Verb::Required)
            synopsis += QStringLiteral(" NODE");
        text += QStringLiteral("  %1%2\n").arg(synopsis.leftJustified(16), QLatin1String(v.summary));
    }
    text += QStringLiteral("\nOptions:\n"
                           "  --name NAME      the cluster (default: local)\n"
                           "  --brokers N      nodes of a new cluster, 1 to 5 (default: 3)\n"
                           "  --base-port P    fixed ports: brokers on P.., controllers after them\n"
                           "  --secure         a new cluster speaks SASL_SSL (SCRAM-SHA-512) with ACLs\n"
                           "  --user U         the user whose password `credentials` prints (admin, app)\n"
                           "  --force          go ahead although the controller quorum would stall\n"
                           "  --json           machine-readable status\n"
                           "  -n, --lines N    log lines to print (default: 50)\n"
                           "  -f, --follow     keep printing the log as it grows\n"
                           "  -q, --quiet      no progress messages\n");
    return text;
}

int runClusterCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption nameOpt(QStringLiteral("name"), QStringLiteral("cluster"), QStringLiteral("NAME"),
                                     QStringLiteral("local"));
    const QCommandLineOption brokersOpt(QStringLiteral("brokers"), QStringLiteral("nodes"), QStringLiteral("N"));
    const QCommandLineOption basePortOpt(QStringLiteral("base-port"), QStringLiteral("ports"), QStringLiteral("P"));
    const QCommandLineOption forceOpt(QStringLiteral("force"), QStringLiteral("force"));
    const QCommandLineOption secureOpt(QStringLiteral("secure"), QStringLiteral("secure"));
    const QCommandLineOption userOpt(QStringLiteral("user"), QStringLiteral("user"), QStringLiteral("U"),
                                     QStringLiteral("admin"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("json"));
    const QCommandLineOption linesOpt({QStringLiteral("n"), QStringLiteral("lines")}, QStringLiteral("lines"),
                                      QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption followOpt({QStringLiteral("f"), QStringLiteral("follow")}, QStringLiteral("follow"));
    const QCommandLineOption quietOpt({QStringLiteral("q"), QStringLiteral("quiet")}, QStringLiteral("quiet"));
    const QCommandLineOption helpOpt({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("help"));
    parser.addOptions({nameOpt, brokersOpt, basePortOpt, forceOpt, secureOpt, userOpt, jsonOpt, linesOpt, followOpt,
                       quietOpt, helpOpt});
    if (!parser.parse(QStringList{QStringLiteral("kafdesk-ctl")} + arguments))
        return usageError(parser.errorText() + QLatin1Char('.'));
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(helpOpt) || (positional.size() == 1 && positional.first() == QLatin1String("help"))) {
        out() << clusterUsage();
        return ExitOk;
    }
    if (positional.isEmpty())
        return usageError(QStringLiteral("Name a verb."));
    const Verb *verb = findVerb(positional.first());
    if (!verb)
        return usageError(QStringLiteral("Unknown verb \"%1\".").arg(positional.first()));
    if (positional.size() > 2)
        return usageError(QStringLiteral("Too many arguments: %1.").arg(positional.mid(2).join(QLatin1Char(' '))));

    int nodeId = 0;
    if (positional.size() == 2) {
        if (verb->node == Verb::None)
            return usageError(QStringLiteral("\"%1\" takes no node id.").arg(QLatin1String(verb->name)));
        bool isNumber = false;
        nodeId = positional.at(1).toInt(&isNumber);
        if (!isNumber || nodeId <= 0)
            return usageError(QStringLiteral("\"%1\" is not a node id (a number such as 1).").arg(positional.at(1)));
    } else if (verb->node == Verb::Required) {
        return usageError(QStringLiteral("\"%1\" needs a node id.").arg(QLatin1String(verb->name)));
    }

    LocalCluster::StartOptions startOptions;
    if (parser.isSet(brokersOpt)) {
        bool okNumber = false;
        startOptions.brokers = parser.value(brokersOpt).toInt(&okNumber);
        if (!okNumber || startOptions.brokers < 1 || startOptions.brokers > LocalCluster::maxNodes)
            return usageError(QStringLiteral("--brokers takes a number from 1 to %1.").arg(LocalCluster::maxNodes));
    }
    if (parser.isSet(basePortOpt)) {
        bool okNumber = false;
        const int port = parser.value(basePortOpt).toInt(&okNumber);
        if (!okNumber || port < 1024 || port > 65000)
            return usageError(QStringLiteral("--base-port takes a port from 1024 to 65000."));
        startOptions.basePort = static_cast<quint16>(port);
    }
    startOptions.secure = parser.isSet(secureOpt);
    if (startOptions.secure && (positional.first() != QLatin1String("start") || nodeId != 0))
        return usageError(
            QStringLiteral("--secure goes with `start` of a whole cluster (it applies when one is created)."));
    bool linesOk = false;
    const int lines = parser.value(linesOpt).toInt(&linesOk);
    if (!linesOk || lines < 0)
        return usageError(QStringLiteral("--lines takes a number."));

    const QString name = parser.value(nameOpt);
    if (const Status valid = LocalCluster::validateName(name); !valid)
        return fail(valid.error(), ExitUsage);
    if (parseOnly())
        return ExitOk;
    const bool force = parser.isSet(forceOpt);
    LocalCluster cluster(name);
    if (!parser.isSet(quietOpt))
        cluster.setProgress([](const QString &text) {
            err() << text << "...\n";
            err().flush();
        });

    const QString verbName = QLatin1String(verb->name);
    if (verbName == QLatin1String("list")) {
        for (const QString &n : LocalCluster::listNames())
            out() << n << '\n';
        return ExitOk;
    }
    if (verbName == QLatin1String("status"))
        return printStatus(cluster, parser.isSet(jsonOpt));
    if (verbName == QLatin1String("credentials"))
        return printCredentials(cluster, parser.value(userOpt));
    if (verbName == QLatin1String("logs"))
        return printLogs(cluster, nodeId, lines, parser.isSet(followOpt));
    if (verbName == QLatin1String("start") && nodeId == 0) {
        auto started = cluster.start(startOptions);
        if (!started)
            return fail(started.error());
        out() << "bootstrap=" << started->bootstrapServers() << '\n';
        if (started->secure)
            out() << "security=SASL_SSL " << clustersecurity::saslMechanism() << " (librdkafka clients: "
                  << clustersecurity::clientSaslMechanism() << ")\n"
                  << "ca=" << clustersecurity::caFile(cluster.paths()) << '\n'
                  << "users=" << clustersecurity::userNames().join(QLatin1Char(',')) << '\n'
                  << "credentials=" << clustersecurity::credentialsFile(cluster.paths()) << '\n'
                  << "command-config=" << clustersecurity::adminCommandConfig(cluster.paths()) << '\n';
        return ExitOk;
    }
    if (verbName == QLatin1String("start"))
        return failStatus(cluster, cluster.startNode(nodeId));
    if (verbName == QLatin1String("stop"))
        return failStatus(cluster, nodeId ? cluster.stopNode(nodeId, force) : cluster.stop());
    if (verbName == QLatin1String("kill"))
        return failStatus(cluster, cluster.killNode(nodeId, force));
    if (verbName == QLatin1String("pause"))
        return failStatus(cluster, cluster.pauseNode(nodeId, force));
    if (verbName == QLatin1String("resume"))
        return failStatus(cluster, cluster.resumeNode(nodeId));
    if (verbName == QLatin1String("restart"))
        return failStatus(cluster, nodeId ? cluster.restartNode(nodeId) : cluster.restart());
    if (verbName == QLatin1String("down"))
        return failStatus(cluster, cluster.down());
    if (verbName == QLatin1String("reset"))
        return failStatus(cluster, cluster.reset());
    return usageError(QStringLiteral("Unknown verb \"%1\".").arg(verbName));
}

} // namespace kafdesk::ctl
