#pragma once

#include "kafka/metadataclient.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

namespace kafdesk {

struct BrokerState {
    int id = -1;
    QString host;
    quint16 port = 0;
    bool alive = false; // listed by the latest metadata; a broker seen before and now missing is down
    QString address() const { return host + QLatin1Char(':') + QString::number(port); }
    friend bool operator==(const BrokerState &, const BrokerState &) = default;
};

struct PartitionState {
    int id = -1;
    int leader = -1; // -1: no leader, the partition is offline
    QList<int> replicas;
    QList<int> isr;
    QList<int> offlineReplicas; // replicas on brokers that are not alive
    QString error;              // librdkafka's error name for the partition, or empty

    bool isOffline() const { return leader < 0; }
    bool isUnderReplicated() const { return isr.size() < replicas.size(); }
    friend bool operator==(const PartitionState &, const PartitionState &) = default;
};

struct TopicState {
    QString name;
    bool internal = false; // __consumer_offsets, __transaction_state, and other "__" topics
    QList<PartitionState> partitions; // sorted by id
    QString error;

    const PartitionState *partition(int id) const;
    int replicationFactor() const;
    int underReplicatedCount() const;
    int offlineCount() const;
    friend bool operator==(const TopicState &, const TopicState &) = default;
};

// One immutable picture of a cluster, taken on a poll interval. Share it as
// std::shared_ptr<const ClusterSnapshot> across threads.
struct ClusterSnapshot {
    QDateTime takenAt; // UTC
    QList<BrokerState> brokers; // sorted by id
    QList<TopicState> topics;   // sorted by name

    const BrokerState *broker(int id) const;
    const TopicState *topic(const QString &name) const;
    QList<int> aliveBrokerIds() const;
    int partitionCount() const;
    int underReplicatedCount() const;
    int offlineCount() const;

    // Builds a snapshot from one metadata answer. Brokers of `previous` that the answer does not
    // list stay, marked down; offline replicas are the replicas on brokers that are not alive.
    static ClusterSnapshot fromMetadata(const MetadataSnapshot &metadata, const ClusterSnapshot *previous = nullptr);
};

using ClusterSnapshotPtr = std::shared_ptr<const ClusterSnapshot>;

} // namespace kafdesk
