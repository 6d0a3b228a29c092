#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace kafdesk {

// What the last action asked of a node. Together with the process table this tells the node's
// observed state: a node meant to run whose process is gone has exited on its own.
enum class NodeIntent { Running, Stopped, Killed, Paused };

// The state a node is seen in now.
enum class NodeStatus { Running, Paused, Stopped, Killed, Exited };

QString nameOf(NodeIntent intent);
QString nameOf(NodeStatus status);
NodeIntent nodeIntentFromString(const QString &text, bool *ok = nullptr);
// "1, 2, 3": node ids for messages.
QString joinedIds(const QList<int> &ids);

struct NodeState {
    int id = 0;
    quint16 brokerPort = 0;
    quint16 controllerPort = 0;
    qint64 pid = 0;
    NodeIntent intent = NodeIntent::Stopped;
    QDateTime startedAt; // UTC; invalid when never started

    QString brokerAddress() const { return QStringLiteral("127.0.0.1:") + QString::number(brokerPort); }
    friend bool operator==(const NodeState &, const NodeState &) = default;
};

// The bundled cluster as recorded on disk (cluster.json), so that any process, the GUI or
// kafdesk-ctl, can act on a cluster another one started.
struct ClusterState {
    QString name;
    QString clusterId;
    QString kafkaVersion;
    QDateTime createdAt;
    // SASL_SSL with SCRAM-SHA-512 on the broker ports, ACLs enforced (local/clustersecurity.h);
    // chosen when the cluster is created.
    bool secure = false;
    QList<NodeState> nodes;

    QString bootstrapServers() const;
    const NodeState *node(int id) const;
    NodeState *node(int id);
    QList<int> nodeIds() const;

    QByteArray toJson() const;
    static Result<ClusterState> fromJson(const QByteArray &json);
    friend bool operator==(const ClusterState &, const ClusterState &) = default;
};

// A node as observed now.
struct NodeObservation {
    NodeState recorded;
    NodeStatus status = NodeStatus::Stopped;
    bool isUp() const { return status == NodeStatus::Running; }
};

} // namespace kafdesk
