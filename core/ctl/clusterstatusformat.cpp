#include "ctl/clusterstatusformat.h"

#include "ctl/ctlsupport.h"
#include "local/clustersecurity.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>

namespace kafdesk::ctl {

namespace {

qint64 uptimeSeconds(const NodeObservation &o)
{
    if (!o.isUp() && o.status != NodeStatus::Paused)
        return -1;
    if (!o.recorded.startedAt.isValid())
        return -1;
    return o.recorded.startedAt.secsTo(QDateTime::currentDateTimeUtc());
}

QString registeredText(const NodeObservation &o, const std::optional<MetadataSnapshot> &md)
{
    if (!md)
        return QStringLiteral("-");
    return md->brokerIds().contains(o.recorded.id) ? QStringLiteral("yes") : QStringLiteral("no");
}

QJsonObject securityJson(const ClusterPaths &paths)
{
    return QJsonObject{
        {QStringLiteral("protocol"), QStringLiteral("SASL_SSL")},
        {QStringLiteral("saslMechanism"), clustersecurity::saslMechanism()},
        {QStringLiteral("saslMechanisms"), QJsonArray{clustersecurity::saslMechanism(), QStringLiteral("PLAIN")}},
        {QStringLiteral("librdkafkaSaslMechanism"), clustersecurity::clientSaslMechanism()},
        {QStringLiteral("caFile"), clustersecurity::caFile(paths)},
        {QStringLiteral("users"), QJsonArray::fromStringList(clustersecurity::userNames())},
        {QStringLiteral("adminUser"), clustersecurity::adminUser()},
        {QStringLiteral("passwordFile"), clustersecurity::credentialsFile(paths)},
        {QStringLiteral("commandConfig"), clustersecurity::adminCommandConfig(paths)},
    };
}

} // namespace

QString formatUptime(qint64 seconds)
{
    if (seconds < 0)
        return QStringLiteral("-");
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1m%2s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h%2m").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QJsonObject statusJson(const ClusterPaths &paths, const ClusterState &state, const QList<NodeObservation> &nodes,
                       const std::optional<MetadataSnapshot> &metadata)
{
    QJsonArray nodeArray;
    for (const NodeObservation &o : nodes) {
        QJsonObject n{
            {QStringLiteral("id"), o.recorded.id},
            {QStringLiteral("roles"), QJsonArray{QStringLiteral("broker"), QStringLiteral("controller")}},
            {QStringLiteral("state"), nameOf(o.status)},
            {QStringLiteral("pid"), o.recorded.pid > 0 ? QJsonValue(o.recorded.pid) : QJsonValue()},
            {QStringLiteral("brokerPort"), o.recorded.brokerPort},
            {QStringLiteral("controllerPort"), o.recorded.controllerPort},
            {QStringLiteral("bootstrap"), o.recorded.brokerAddress()},
            {QStringLiteral("uptimeSeconds"), uptimeSeconds(o) >= 0 ? QJsonValue(uptimeSeconds(o)) : QJsonValue()},
        };
        n.insert(QStringLiteral("registered"),
                 metadata ? QJsonValue(metadata->brokerIds().contains(o.recorded.id)) : QJsonValue());
        nodeArray.append(n);
    }
    QJsonObject status{
        {QStringLiteral("name"), state.name},
        {QStringLiteral("clusterId"), state.clusterId},
        {QStringLiteral("kafkaVersion"), state.kafkaVersion},
        {QStringLiteral("directory"), paths.dir()},
        {QStringLiteral("bootstrap"), state.bootstrapServers()},
        {QStringLiteral("secure"), state.secure},
        {QStringLiteral("reachable"), metadata.has_value()},
        {QStringLiteral("nodes"), nodeArray},
    };
    if (state.secure)
        status.insert(QStringLiteral("security"), securityJson(paths));
    return status;
}

QString statusTable(const ClusterPaths &paths, const ClusterState &state, const QList<NodeObservation> &nodes,
                    const std::optional<MetadataSnapshot> &metadata)
{
    const QStringList header{QStringLiteral("NODE"),   QStringLiteral("STATE"),      QStringLiteral("PID"),
                             QStringLiteral("BROKER"), QStringLiteral("CONTROLLER"), QStringLiteral("UPTIME"),
                             QStringLiteral("REGISTERED")};
    QList<QStringList> rows{header};
    for (const NodeObservation &o : nodes)
        rows << QStringList{QString::number(o.recorded.id),
                            nameOf(o.status),
                            o.recorded.pid > 0 ? QString::number(o.recorded.pid) : QStringLiteral("-"),
                            o.recorded.brokerAddress(),
                            QStringLiteral("127.0.0.1:") + QString::number(o.recorded.controllerPort),
                            formatUptime(uptimeSeconds(o)),
                            registeredText(o, metadata)};
    QString text = QStringLiteral("Cluster \"%1\" (Kafka %2, id %3)\n  %4\nbootstrap=%5\n\n")
                       .arg(state.name, state.kafkaVersion, state.clusterId, paths.dir(), state.bootstrapServers());
    if (state.secure)
        text.insert(text.size() - 1, QStringLiteral("security=SASL_SSL %1, users %2 (passwords in %3)\nca=%4\n")
                                         .arg(clustersecurity::saslMechanism(),
                                              clustersecurity::userNames().join(QStringLiteral(", ")),
                                              clustersecurity::credentialsFile(paths), clustersecurity::caFile(paths)));
    text += formatTable(rows);
    if (!metadata)
        text += QStringLiteral("\nNo broker answered: the cluster is not reachable.\n");
    return text;
}

} // namespace kafdesk::ctl
