#pragma once

// Consumer lag as values, computed from what the cluster reported (no I/O here).

#include "kafka/admintypes.h"
#include "kafka/offsetclient.h"

#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace kafdesk {

// One partition of a group: what it committed, where the log is, who consumes it.
struct PartitionLag {
    QString topic;
    int partition = -1;
    std::optional<qint64> committed; // nullopt: the group has no commit here ("-" in kafka-consumer-groups.sh)
    qint64 logEnd = -1;              // -1: not known (the lookup did not return it)
    qint64 logStart = -1;            // -1: not known
    std::optional<qint64> lag;       // logEnd - committed; nullopt without a commit or without a log end
    // Lag is never negative: a commit past the log end (the log was truncated, or the offset was
    // set by hand) shows lag 0 with this flag, where kafka-consumer-groups.sh prints a negative lag.
    bool committedBeyondEnd = false;
    QString owner;         // the owning member's client id (its member id if it has none); empty: unassigned
    QString ownerMemberId; // the owning member's id; empty: unassigned
    QString ownerHost;     // the owning member's host, as the coordinator saw it
    friend bool operator==(const PartitionLag &, const PartitionLag &) = default;
};

struct GroupLag {
    QString groupId;
    QString state;   // Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, Unknown
    int members = 0; // members in the group now; -1: not known (a group of the new consumer protocol)
    QString error;   // a per-group error name from the coordinator (e.g. GROUP_AUTHORIZATION_FAILED), or empty
    // The partitions the group has committed, and those assigned to its members (committed or
    // not), sorted by topic then partition. A memberless group lists only what it committed, as
    // kafka-consumer-groups.sh --describe does: an uncommitted partition nobody owns is not shown.
    QList<PartitionLag> partitions;
    qint64 totalLag = 0;               // the sum of every known lag (committed partitions with a known log end)
    QMap<QString, qint64> lagPerTopic; // the same sum per topic; a topic whose lag is unknown everywhere shows 0
    int partitionsWithoutCommit = 0;
    // Why part of the picture is missing, or empty: the group does not exist (state Dead), or it
    // uses the new consumer protocol (KIP-848), which librdkafka 2.0.2 cannot describe, so only its
    // committed partitions are shown, without owners.
    QString note;

    const PartitionLag *partition(const QString &topic, int partition) const;
    friend bool operator==(const GroupLag &, const GroupLag &) = default;
};

// The lag of one group from its description (state, members' assignments), its committed offsets
// (AdminClient::listGroupOffsets; an entry with an error or a negative offset counts as no
// commit) and the log end / log start offsets of its partitions (OffsetClient::offsetsAt with
// latest / earliest; a partition missing from them has an unknown offset, -1).
GroupLag computeLag(const GroupDescription &description, const QList<TopicPartitionOffset> &committedOffsets,
                    const QMap<OffsetClient::Partition, qint64> &endOffsets,
                    const QMap<OffsetClient::Partition, qint64> &startOffsets);

// The partitions computeLag reports for a group: committed ones and assigned ones, sorted.
QList<OffsetClient::Partition> lagPartitions(const GroupDescription &description,
                                             const QList<TopicPartitionOffset> &committedOffsets);

} // namespace kafdesk
