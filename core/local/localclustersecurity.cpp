#include "local/clustersecurity.h"
#include "local/localcluster.h"
#include "local/nodelauncher.h"

#include <QDir>
#include <QFile>

// LocalCluster's node configs and storage format, and how clients reach it: the parts that differ
// between a plaintext and a secure cluster.

namespace kafdesk {

Status LocalCluster::writeNodeConfigs(const ClusterState &s, const QList<NodeSpec> &specs)
{
    std::optional<clustersecurity::Credentials> credentials;
    if (s.secure) {
        report(QStringLiteral("Making a CA, node certificates and passwords for the secure cluster"));
        if (const Status c = clustersecurity::create(m_paths, s.nodeIds()); !c)
            return c;
        auto loaded = clustersecurity::load(m_paths);
        if (!loaded)
            return loaded.error();
        credentials = loaded.value();
        // The cluster's directory holds passwords (node configs, credentials): the owner's alone.
        QFile::setPermissions(m_paths.dir(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    for (const NodeSpec &spec : specs) {
        QDir().mkpath(m_paths.nodeDataDir(spec.id));
        QDir().mkpath(m_paths.nodeLogDir(spec.id));
        Properties properties = nodeProperties(spec, specs);
        if (credentials)
            overrideProperties(properties, clustersecurity::nodeProperties(m_paths, spec, *credentials));
        const QString text = renderProperties(
            properties, QStringLiteral("Kafdesk local cluster \"%1\", node %2 (generated)").arg(name()).arg(spec.id));
        if (const Status w = clustersecurity::writePrivateFile(m_paths.nodeConfig(spec.id), text.toUtf8()); !w)
            return w;
    }
    return ok();
}

Status LocalCluster::formatStorage(const KafkaDistribution &dist, const ClusterState &s)
{
    if (!s.secure)
        return nodelauncher::formatStorage(dist, m_paths, s.clusterId, s.nodeIds());
    auto credentials = clustersecurity::load(m_paths);
    if (!credentials)
        return credentials.error();
    auto scram = clustersecurity::writeFormatArguments(m_paths, credentials.value());
    if (!scram)
        return scram.error();
    const Status formatted = nodelauncher::formatStorage(dist, m_paths, s.clusterId, s.nodeIds(), scram.value());
    clustersecurity::removeFormatArguments(m_paths);
    return formatted;
}

Result<QMap<QString, QString>> LocalCluster::clientConfig(const ClusterState &s, const QString &bootstrap) const
{
    return clientConfigFor(s, bootstrap, {});
}

Result<QMap<QString, QString>> LocalCluster::clientConfigFor(const ClusterState &s, const QString &bootstrap,
                                                             const QString &user) const
{
    QMap<QString, QString> config;
    if (s.secure) {
        const QString who = user.isEmpty() ? clustersecurity::adminUser() : user;
        if (!clustersecurity::userNames().contains(who))
            return failure(QStringLiteral("Cluster \"%1\" has no user \"%2\"; its users are %3.")
                               .arg(name(), who, clustersecurity::userNames().join(QStringLiteral(", "))));
        auto credentials = clustersecurity::load(m_paths);
        if (!credentials)
            return credentials.error();
        config = clustersecurity::clientConfig(m_paths, credentials.value(), who);
    } else if (!user.isEmpty()) {
        return failure(QStringLiteral("Cluster \"%1\" is not secure: it has no users.").arg(name()));
    }
    config.insert(QStringLiteral("bootstrap.servers"), bootstrap);
    return config;
}

Result<QMap<QString, QString>> LocalCluster::clientConfig(const QString &user) const
{
    auto s = state();
    if (!s)
        return s.error();
    return clientConfigFor(s.value(), s->bootstrapServers(), user);
}

QString LocalCluster::toolCommandConfig() const
{
    auto s = state();
    return s && s->secure ? clustersecurity::adminCommandConfig(m_paths) : QString();
}

} // namespace kafdesk
