#include "cluster/clustersnapshot.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace kafdesk {

namespace {

constexpr auto byId = [](const auto &a, const auto &b) { return a.id < b.id; };
constexpr auto byName = [](const TopicState &a, const TopicState &b) { return a.name < b.name; };

// Each key strictly greater than the one before: sorted, no duplicates.
template <typename List, typename Less>
bool isStrictlySorted(const List &list, Less less)
{
    return std::adjacent_find(list.cbegin(), list.cend(), [&less](const auto &a, const auto &b) {
               return !less(a, b);
           }) == list.cend();
}

// Sorts by key and keeps the first of equal keys, so that earlier entries win.
template <typename List, typename Less>
void sortUnique(List &list, Less less)
{
    if (isStrictlySorted(list, less))
        return;
    std::stable_sort(list.begin(), list.end(), less);
    const auto equal = [&less](const auto &a, const auto &b) { return !less(a, b) && !less(b, a); };
    list.erase(std::unique(list.begin(), list.end(), equal), list.end());
}

bool containsSorted(const std::vector<int> &sorted, int id)
{
    return std::binary_search(sorted.cbegin(), sorted.cend(), id);
}

} // namespace

const PartitionState *TopicState::partition(int id) const
{
    // Partition ids are usually 0..n-1, so the index is the first guess.
    if (id >= 0 && id < partitions.size() && partitions.at(id).id == id)
        return &partitions.at(id);
    const auto it = std::lower_bound(partitions.cbegin(), partitions.cend(), id,
                                     [](const PartitionState &p, int key) { return p.id < key; });
    return it != partitions.cend() && it->id == id ? &*it : nullptr;
}

int TopicState::replicationFactor() const
{
    if (const PartitionState *first = partition(0))
        return static_cast<int>(first->replicas.size());
    int factor = 0;
    for (const PartitionState &p : partitions)
        factor = std::max(factor, static_cast<int>(p.replicas.size()));
    return factor;
}

int TopicState::underReplicatedCount() const
{
    return static_cast<int>(std::count_if(partitions.cbegin(), partitions.cend(),
                                          [](const PartitionState &p) { return p.isUnderReplicated(); }));
}

int TopicState::offlineCount() const
{
    return static_cast<int>(
        std::count_if(partitions.cbegin(), partitions.cend(), [](const PartitionState &p) { return p.isOffline(); }));
}

const BrokerState *ClusterSnapshot::broker(int id) const
{
    // A cluster has a handful of brokers: a scan is as fast as a search and needs no order.
    for (const BrokerState &b : brokers)
        if (b.id == id)
            return &b;
    return nullptr;
}

const TopicState *ClusterSnapshot::topic(const QString &name) const
{
    const auto it = std::lower_bound(topics.cbegin(), topics.cend(), name,
                                     [](const TopicState &t, const QString &key) { return t.name < key; });
    return it != topics.cend() && it->name == name ? &*it : nullptr;
}

QList<int> ClusterSnapshot::aliveBrokerIds() const
{
    QList<int> ids;
    for (const BrokerState &b : brokers)
        if (b.alive)
            ids << b.id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

int ClusterSnapshot::partitionCount() const
{
    int count = 0;
    for (const TopicState &t : topics)
        count += static_cast<int>(t.partitions.size());
    return count;
}

int ClusterSnapshot::underReplicatedCount() const
{
    int count = 0;
    for (const TopicState &t : topics)
        count += t.underReplicatedCount();
    return count;
}

int ClusterSnapshot::offlineCount() const
{
    int count = 0;
    for (const TopicState &t : topics)
        count += t.offlineCount();
    return count;
}

int ClusterSnapshot::offlineReplicaCount() const
{
    int count = 0;
    for (const TopicState &t : topics)
        for (const PartitionState &p : t.partitions)
            count += static_cast<int>(p.offlineReplicas.size());
    return count;
}

bool ClusterSnapshot::isNormalized() const
{
    if (!isStrictlySorted(brokers, byId) || !isStrictlySorted(topics, byName))
        return false;
    return std::all_of(topics.cbegin(), topics.cend(), [](const TopicState &t) {
        return isStrictlySorted(t.partitions, byId);
    });
}

void ClusterSnapshot::normalize()
{
    sortUnique(brokers, byId);
    sortUnique(topics, byName);
    for (TopicState &t : topics)
        sortUnique(t.partitions, byId);
}

ClusterSnapshot ClusterSnapshot::fromMetadata(const MetadataSnapshot &metadata, const ClusterSnapshot *previous)
{
    ClusterSnapshot snapshot;
    snapshot.takenAt = metadata.fetchedAt.isValid() ? metadata.fetchedAt.toUTC() : QDateTime::currentDateTimeUtc();
    snapshot.clusterId = metadata.clusterId;

    // The live set: exactly the brokers the answer lists.
    snapshot.brokers.reserve(metadata.brokers.size());
    for (const BrokerInfo &b : metadata.brokers) {
        BrokerState state;
        state.id = b.id;
        state.host = b.host;
        state.port = b.port;
        state.alive = true;
        snapshot.brokers << state;
    }
    sortUnique(snapshot.brokers, byId);
    std::vector<int> aliveIds;
    aliveIds.reserve(static_cast<std::size_t>(snapshot.brokers.size()));
    for (const BrokerState &b : std::as_const(snapshot.brokers))
        aliveIds.push_back(b.id);

    // Brokers seen before and missing now are down, not forgotten.
    std::vector<int> knownDownIds;
    if (previous) {
        for (const BrokerState &b : previous->brokers) {
            if (containsSorted(aliveIds, b.id))
                continue;
            BrokerState down = b;
            down.alive = false;
            snapshot.brokers << down;
            knownDownIds.push_back(b.id);
        }
    }

    std::vector<int> downReplicaIds;
    snapshot.topics.reserve(metadata.topics.size());
    for (const TopicInfo &t : metadata.topics) {
        TopicState topic;
        topic.name = t.name;
        topic.internal = t.name.startsWith(QStringLiteral("__"));
        topic.error = t.error;
        topic.partitions.reserve(t.partitions.size());
        for (const PartitionInfo &p : t.partitions) {
            PartitionState partition;
            partition.id = p.id;
            partition.leader = p.leader;
            partition.replicas = p.replicas;
            partition.isr = p.isr;
            partition.error = p.error;
            for (const int replica : p.replicas) {
                if (containsSorted(aliveIds, replica))
                    continue;
                partition.offlineReplicas << replica;
                if (replica >= 0)
                    downReplicaIds.push_back(replica);
            }
            topic.partitions << std::move(partition);
        }
        sortUnique(topic.partitions, byId);
        snapshot.topics << std::move(topic);
    }
    sortUnique(snapshot.topics, byName);

    // Replicas on brokers neither listed now nor known before: down brokers with no address.
    std::sort(knownDownIds.begin(), knownDownIds.end());
    std::sort(downReplicaIds.begin(), downReplicaIds.end());
    downReplicaIds.erase(std::unique(downReplicaIds.begin(), downReplicaIds.end()), downReplicaIds.end());
    for (const int id : downReplicaIds) {
        if (containsSorted(knownDownIds, id))
            continue;
        BrokerState unknown;
        unknown.id = id;
        unknown.alive = false;
        snapshot.brokers << unknown;
    }
    sortUnique(snapshot.brokers, byId);
    return snapshot;
}

} // namespace kafdesk
