#include "local/clusterstate.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace kafdesk {

namespace {

struct IntentName {
    NodeIntent intent;
    const char *name;
};
constexpr IntentName intentNames[] = {{NodeIntent::Running, "running"},
                                      {NodeIntent::Stopped, "stopped"},
                                      {NodeIntent::Killed, "killed"},
                                      {NodeIntent::Paused, "paused"}};

} // namespace

QString nameOf(NodeIntent intent)
{
    for (const auto &n : intentNames)
        if (n.intent == intent)
            return QLatin1String(n.name);
    return {};
}

NodeIntent nodeIntentFromString(const QString &text, bool *ok)
{
    for (const auto &n : intentNames) {
        if (text == QLatin1String(n.name)) {
            if (ok)
                *ok = true;
            return n.intent;
        }
    }
    if (ok)
        *ok = false;
    return NodeIntent::Stopped;
}

QString joinedIds(const QList<int> &ids)
{
    QStringList parts;
    for (const int id : ids)
        parts << QString::number(id);
    return parts.join(QStringLiteral(", "));
}

QString nameOf(NodeStatus status)
{
    switch (status) {
    case NodeStatus::Running:
        return QStringLiteral("running");
    case NodeStatus::Paused:
        return QStringLiteral("paused");
    case NodeStatus::Stopped:
        return QStringLiteral("stopped");
    case NodeStatus::Killed:
        return QStringLiteral("killed");
    case NodeStatus::Exited:
        return QStringLiteral("exited");
    }
    return {};
}

QString ClusterState::bootstrapServers() const
{
    QStringList addresses;
    for (const NodeState &n : nodes)
        addresses << n.brokerAddress();
    return addresses.join(QLatin1Char(','));
}

const NodeState *ClusterState::node(int id) const
{
    for (const NodeState &n : nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

NodeState *ClusterState::node(int id)
{
    for (NodeState &n : nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

QList<int> ClusterState::nodeIds() const
{
    QList<int> ids;
    for (const NodeState &n : nodes)
        ids << n.id;
    return ids;
}

QByteArray ClusterState::toJson() const
{
    QJsonArray nodeArray;
    for (const NodeState &n : nodes) {
        nodeArray.append(QJsonObject{
            {QStringLiteral("id"), n.id},
            {QStringLiteral("brokerPort"), n.brokerPort},
            {QStringLiteral("controllerPort"), n.controllerPort},
            {QStringLiteral("pid"), n.pid},
            {QStringLiteral("intent"), nameOf(n.intent)},
            {QStringLiteral("startedAt"), n.startedAt.isValid() ? n.startedAt.toString(Qt::ISODateWithMs) : QString()},
        });
    }
    const QJsonObject root{
        {QStringLiteral("format"), 1},
        {QStringLiteral("name"), name},
        {QStringLiteral("clusterId"), clusterId},
        {QStringLiteral("kafkaVersion"), kafkaVersion},
        {QStringLiteral("createdAt"), createdAt.toString(Qt::ISODateWithMs)},
        {QStringLiteral("secure"), secure},
        {QStringLiteral("nodes"), nodeArray},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<ClusterState> ClusterState::fromJson(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return failure(QStringLiteral("The cluster state file is not valid JSON."),
                       parseError.errorString() + QStringLiteral(" at offset ") + QString::number(parseError.offset));
    if (!doc.isObject())
        return failure(QStringLiteral("The cluster state file does not hold a JSON object."));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toInt() != 1)
        return failure(QStringLiteral("The cluster state file has an unknown format version."));

    ClusterState state;
    state.name = root.value(QStringLiteral("name")).toString();
    state.clusterId = root.value(QStringLiteral("clusterId")).toString();
    state.kafkaVersion = root.value(QStringLiteral("kafkaVersion")).toString();
    state.createdAt = QDateTime::fromString(root.value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
    state.secure = root.value(QStringLiteral("secure")).toBool(false); // absent: made before security existed
    if (state.name.isEmpty() || state.clusterId.isEmpty())
        return failure(QStringLiteral("The cluster state file lacks the cluster's name or id."));

    const QJsonArray nodeArray = root.value(QStringLiteral("nodes")).toArray();
    for (const QJsonValue &v : nodeArray) {
        const QJsonObject o = v.toObject();
        NodeState n;
        n.id = o.value(QStringLiteral("id")).toInt(-1);
        const int brokerPort = o.value(QStringLiteral("brokerPort")).toInt(-1);
        const int controllerPort = o.value(QStringLiteral("controllerPort")).toInt(-1);
        if (n.id < 0 || brokerPort <= 0 || brokerPort > 65535 || controllerPort <= 0 || controllerPort > 65535)
            return failure(QStringLiteral("The cluster state file has a node with a bad id or port."));
        n.brokerPort = static_cast<quint16>(brokerPort);
        n.controllerPort = static_cast<quint16>(controllerPort);
        n.pid = o.value(QStringLiteral("pid")).toInteger();
        bool intentOk = false;
        n.intent = nodeIntentFromString(o.value(QStringLiteral("intent")).toString(), &intentOk);
        if (!intentOk)
            return failure(QStringLiteral("The cluster state file has a node with an unknown state."));
        n.startedAt = QDateTime::fromString(o.value(QStringLiteral("startedAt")).toString(), Qt::ISODateWithMs);
        if (state.node(n.id))
            return failure(QStringLiteral("The cluster state file lists node %1 twice.").arg(n.id));
        state.nodes << n;
    }
    if (state.nodes.isEmpty())
        return failure(QStringLiteral("The cluster state file lists no nodes."));
    return state;
}

} // namespace kafdesk
