#include "ctl/connectionoptions.h"

#include "local/localcluster.h"
#include "profiles/profilestore.h"

#include <QEventLoop>
#include <QTimer>

namespace kafdesk::ctl {

namespace {

constexpr int maxTimeoutSeconds = 3600; // an hour; seconds * 1000 stays far inside an int

} // namespace

void ConnectionOptions::addTo(QCommandLineParser &parser)
{
    parser.addOptions({m_bootstrap, m_local, m_profile, m_json, m_timeout});
}

int ConnectionOptions::timeoutMs(const QCommandLineParser &parser) const
{
    bool ok = false;
    const int seconds = parser.value(m_timeout).toInt(&ok);
    return ok && seconds > 0 && seconds <= maxTimeoutSeconds ? seconds * 1000 : 15000;
}

namespace {

// A saved connection, with its secrets from the OS keychain (waited for here: a command line
// has nothing else to do meanwhile).
Result<ConnectionSettings> profileSettings(const QString &name)
{
    ProfileStore store;
    auto profile = store.load(name);
    if (!profile) {
        const QStringList known = store.profileNames();
        Error e = profile.error();
        if (e.detail.isEmpty() && !known.isEmpty())
            e.detail = QStringLiteral("Saved connections: %1.").arg(known.join(QStringLiteral(", ")));
        return e;
    }
    ConnectionProfile full = profile.value();
    if (!store.secretFields(name).isEmpty()) {
        std::optional<Result<ConnectionProfile>> loaded;
        QEventLoop loop;
        QObject::connect(&store, &ProfileStore::secretsLoaded, &loop, [&](const QString &, const ConnectionProfile &p) {
            loaded = p;
            loop.quit();
        });
        QObject::connect(&store, &ProfileStore::secretsFailed, &loop, [&](const QString &, const Error &e) {
            loaded = e;
            loop.quit();
        });
        store.loadSecrets(name);
        if (!loaded)
            loop.exec();
        if (!loaded->ok())
            return loaded->error();
        full = loaded->value();
    }
    if (const Status v = full.validate(); !v)
        return v.error();
    return ConnectionSettings{full.name, full.librdkafkaConfig(), full.readOnly};
}

} // namespace

Result<ConnectionSettings> ConnectionOptions::settings(const QCommandLineParser &parser) const
{
    const int given = int(parser.isSet(m_bootstrap)) + int(parser.isSet(m_local)) + int(parser.isSet(m_profile));
    if (given == 0)
        return failure(QStringLiteral("Say which cluster: --bootstrap HOST:PORT, --local NAME or --profile NAME."));
    if (given > 1)
        return failure(QStringLiteral("Give only one of --bootstrap, --local and --profile."));
    if (parser.isSet(m_timeout)) {
        // Checked, not defaulted: a typo would otherwise wait 15 s, and a huge number overflowed.
        bool ok = false;
        const int seconds = parser.value(m_timeout).toInt(&ok);
        if (!ok || seconds < 1 || seconds > maxTimeoutSeconds)
            return failure(QStringLiteral("--timeout takes a whole number of seconds from 1 to %1; \"%2\" is not one.")
                               .arg(maxTimeoutSeconds)
                               .arg(parser.value(m_timeout)));
    }
    if (parser.isSet(m_local)) {
        const LocalCluster cluster(parser.value(m_local));
        auto state = cluster.state();
        if (!state)
            return state.error();
        ConnectionSettings settings = ConnectionSettings::forBootstrap(state->bootstrapServers(), parser.value(m_local));
        auto config = cluster.clientConfig(); // a secure cluster's admin settings
        if (!config)
            return config.error();
        settings.clientConfig = config.value();
        return settings;
    }
    if (parser.isSet(m_profile))
        return profileSettings(parser.value(m_profile));
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
                          "  --profile NAME   a saved connection (secrets from the OS keychain)\n"
                          "  --json           machine-readable output\n"
                          "  --timeout S      seconds to wait for the cluster (default: 15)\n");
}

} // namespace kafdesk::ctl
