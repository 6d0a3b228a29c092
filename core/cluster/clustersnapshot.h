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
    // The replica count of partition 0, or the largest one when there is no partition 0; 0 when
    // the topic has no partitions.
    int replicationFactor() const;
    int underReplicatedCount() const;
    int offlineCount() const;
    friend bool operator==(const TopicState &, const TopicState &) = default;
};

// One immutable picture of a cluster, taken on a poll interval. Share it as
// std::shared_ptr<const ClusterSnapshot> across threads.
//
// Invariants (fromMetadata establishes them; a snapshot built by hand gets them from
// normalize()): brokers sorted by id, topics sorted by name (QString's operator<) and each
// topic's partitions sorted by id, without duplicates. topic() relies on them (binary search).
struct ClusterSnapshot {
    QDateTime takenAt; // UTC
    QString clusterId; // empty when the brokers do not report one
    QList<BrokerState> brokers; // sorted by id
    QList<TopicState> topics;   // sorted by name

    const BrokerState *broker(int id) const;
    const TopicState *topic(const QString &name) const;
    QList<int> aliveBrokerIds() const; // sorted
    int partitionCount() const;
    int underReplicatedCount() const; // partitions whose ISR is smaller than their replica set
    int offlineCount() const;         // partitions without a leader
    int offlineReplicaCount() const;  // replicas, over all partitions, on brokers that are not alive

    // Whether the invariants above hold; sorts and drops duplicates (the first one stays) if not.
    bool isNormalized() const;
    void normalize();

    // Builds a snapshot from one metadata answer. Brokers of `previous` that the answer does not
    // list stay, marked down; offline replicas are the replicas on brokers that are not alive.
    // A broker id that only shows up as a replica is added as a down broker with no address.
    // takenAt is the answer's fetchedAt in UTC (now, when the answer has none).
    static ClusterSnapshot fromMetadata(const MetadataSnapshot &metadata, const ClusterSnapshot *previous = nullptr);
    friend bool operator==(const ClusterSnapshot &, const ClusterSnapshot &) = default;
};

using ClusterSnapshotPtr = std::shared_ptr<const ClusterSnapshot>;

} // namespace kafdesk
