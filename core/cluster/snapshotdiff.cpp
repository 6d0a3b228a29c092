#include "cluster/snapshotdiff.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>

namespace kafdesk {

namespace {

using Kind = ReplicationEvent::Kind;

// Appends events that all carry the same timestamp.
class EventSink {
public:
    EventSink(QList<ReplicationEvent> &events, const QDateTime &at)
        : m_events(events)
        , m_at(at)
    {
    }

    void add(Kind kind, int brokerId, const QString &topic = {}, int partition = -1, const QList<int> &before = {},
             const QList<int> &after = {})
    {
        ReplicationEvent e;
        e.timestamp = m_at;
        e.kind = kind;
        e.brokerId = brokerId;
        e.topic = topic;
        e.partition = partition;
        e.before = before;
        e.after = after;
        m_events << std::move(e);
    }

private:
    QList<ReplicationEvent> &m_events;
    const QDateTime &m_at;
};

const ClusterSnapshot &normalized(const ClusterSnapshot &snapshot, std::optional<ClusterSnapshot> &copy)
{
    if (snapshot.isNormalized())
        return snapshot;
    copy = snapshot;
    copy->normalize();
    return *copy;
}

// The ids sorted, without duplicates; shares the list (no copy) when it already is.
QList<int> sortedIds(const QList<int> &ids)
{
    if (std::adjacent_find(ids.cbegin(), ids.cend(), std::greater_equal<int>()) == ids.cend())
        return ids;
    QList<int> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    return sorted;
}

void diffBrokers(const QList<BrokerState> &before, const QList<BrokerState> &after, EventSink &sink)
{
    auto b = before.cbegin();
    auto a = after.cbegin();
    while (b != before.cend() || a != after.cend()) {
        if (a == after.cend() || (b != before.cend() && b->id < a->id)) {
            if (b->alive)
                sink.add(Kind::BrokerDown, b->id);
            ++b;
        } else if (b == before.cend() || a->id < b->id) {
            if (a->alive)
                sink.add(Kind::BrokerUp, a->id);
            ++a;
        } else {
            if (b->alive && !a->alive)
                sink.add(Kind::BrokerDown, a->id);
            else if (!b->alive && a->alive)
                sink.add(Kind::BrokerUp, a->id);
            ++b;
            ++a;
        }
    }
}

void diffPartition(const QString &topic, const PartitionState &b, const PartitionState &a, EventSink &sink)
{
    if (b == a)
        return;
    const int id = a.id;

    if (!b.isOffline() && a.isOffline())
        sink.add(Kind::PartitionOffline, b.leader, topic, id, {b.leader}, {-1});
    else if (b.isOffline() && !a.isOffline())
        sink.add(Kind::PartitionOnline, a.leader, topic, id, {-1}, {a.leader});
    else if (!a.isOffline() && b.leader != a.leader)
        sink.add(Kind::LeaderChanged, a.leader, topic, id, {b.leader}, {a.leader});

    const QList<int> isrBefore = sortedIds(b.isr);
    const QList<int> isrAfter = sortedIds(a.isr);
    if (isrBefore != isrAfter) {
        // Replicas that left (in before only), then those that joined (in after only).
        for (const int broker : isrBefore)
            if (!std::binary_search(isrAfter.cbegin(), isrAfter.cend(), broker))
                sink.add(Kind::IsrShrunk, broker, topic, id, isrBefore, isrAfter);
        for (const int broker : isrAfter)
            if (!std::binary_search(isrBefore.cbegin(), isrBefore.cend(), broker))
                sink.add(Kind::IsrExpanded, broker, topic, id, isrBefore, isrAfter);
    }

    if (!b.isUnderReplicated() && a.isUnderReplicated())
        sink.add(Kind::UnderReplicatedStarted, -1, topic, id, isrBefore, isrAfter);
    else if (b.isUnderReplicated() && !a.isUnderReplicated())
        sink.add(Kind::UnderReplicatedEnded, -1, topic, id, isrBefore, isrAfter);
}

void diffTopic(const TopicState &before, const TopicState &after, EventSink &sink)
{
    if (before == after)
        return;
    auto b = before.partitions.cbegin();
    auto a = after.partitions.cbegin();
    while (b != before.partitions.cend() && a != after.partitions.cend()) {
        if (b->id < a->id) {
            ++b; // gone: Kafka never removes partitions, so this is not reported
        } else if (a->id < b->id) {
            ++a; // new: counted below
        } else {
            diffPartition(after.name, *b, *a, sink);
            ++b;
            ++a;
        }
    }
    const int countBefore = static_cast<int>(before.partitions.size());
    const int countAfter = static_cast<int>(after.partitions.size());
    if (countAfter > countBefore)
        sink.add(Kind::PartitionsAdded, -1, after.name, -1, {countBefore}, {countAfter});
}

} // namespace

QList<ReplicationEvent> diffSnapshots(const ClusterSnapshot &before, const ClusterSnapshot &after)
{
    std::optional<ClusterSnapshot> beforeCopy;
    std::optional<ClusterSnapshot> afterCopy;
    const ClusterSnapshot &from = normalized(before, beforeCopy);
    const ClusterSnapshot &to = normalized(after, afterCopy);

    QList<ReplicationEvent> events;
    EventSink sink(events, to.takenAt);

    diffBrokers(from.brokers, to.brokers, sink);

    // Two merge walks over the topics, both by name: the topics created and deleted, then what
    // changed in the topics both snapshots have.
    for (int pass = 0; pass < 2; ++pass) {
        auto b = from.topics.cbegin();
        auto a = to.topics.cbegin();
        while (b != from.topics.cend() || a != to.topics.cend()) {
            if (a == to.topics.cend() || (b != from.topics.cend() && b->name < a->name)) {
                if (pass == 0)
                    sink.add(Kind::TopicDeleted, -1, b->name, -1, {static_cast<int>(b->partitions.size())});
                ++b;
            } else if (b == from.topics.cend() || a->name < b->name) {
                if (pass == 0)
                    sink.add(Kind::TopicCreated, -1, a->name, -1, {}, {static_cast<int>(a->partitions.size())});
                ++a;
            } else {
                if (pass == 1)
                    diffTopic(*b, *a, sink);
                ++b;
                ++a;
            }
        }
    }
    return events;
}

} // namespace kafdesk
