#include "ctl/connectionoptions.h"

#include "local/localcluster.h"

namespace kafdesk::ctl {

void ConnectionOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({m_bootstrap, m_local, m_profile, m_json, m_timeout});
}

int ConnectionOptions::timeoutMs(const QCommandLineParser &parser) const
{
    bool ok = false;
    const int seconds = parser.value(m_timeout).toInt(&ok);
    return ok && seconds > 0 ? seconds * 1000 : 15000;
}

Result<ConnectionSettings> ConnectionOptions::settings(const QCommandLineParser &parser) const
{
    const int given = int(parser.isSet(m_bootstrap)) + int(parser.isSet(m_local)) + int(parser.isSet(m_profile));
    if (given == 0)
        return failure(QStringLiteral("Say which cluster: --bootstrap HOST:PORT, --local NAME or --profile NAME."));
    if (given > 1)
        return failure(QStringLiteral("Give only one of --bootstrap, --local and --profile."));
    if (parser.isSet(m_local)) {
        auto state = LocalCluster(parser.value(m_local)).state();
        if (!state)
            return state.error();
        return ConnectionSettings::forBootstrap(state->bootstrapServers(), parser.value(m_local));
    }
    if (parser.isSet(m_profile))
        return failure(QStringLiteral("--profile is not available in kafdesk-ctl yet: use --bootstrap or --local."));
    const QString bootstrap = parser.value(m_bootstrap).trimmed();
    for (const QString &server : bootstrap.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype colon = server.lastIndexOf(QLatin1Char(':'));
        bool portOk = false;
        const int port = colon > 0 ? server.mid(colon + 1).toInt(&portOk) : 0;
        if (colon <= 0 || !portOk || port < 1 || port > 65535)
            return failure(QStringLiteral("\"%1\" is not a broker address: write host:port, such as 127.0.0.1:9092.")
                               .arg(server.trimmed()));
    }
    if (bootstrap.isEmpty())
        return failure(QStringLiteral("--bootstrap needs at least one host:port."));
    return ConnectionSettings::forBootstrap(bootstrap);
}

QString connectionUsage()
{
    return QStringLiteral("Cluster options:\n"
                          "  --bootstrap B    brokers as host:port[,host:port...]\n"
                          "  --local NAME     a bundled local cluster (kafdesk-ctl cluster list)\n"
                          "  --json           machine-readable output\n"
                          "  --timeout S      seconds to wait for the cluster (default: 15)\n");
}

} // namespace kafdesk::ctl
