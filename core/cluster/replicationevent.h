#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QtGlobal>

namespace kafdesk {

// One thing that changed between two cluster snapshots, as a value: what the replication
// timeline shows and what is written to its CSV export.
struct ReplicationEvent {
    enum class Kind {
        BrokerDown,             // brokerId stopped being listed
        BrokerUp,               // brokerId is listed (again)
        LeaderChanged,          // before [old leader], after [new leader]; brokerId: the new leader
        PartitionOffline,       // before [old leader], after [-1]; brokerId: the leader it lost
        PartitionOnline,        // before [-1], after [new leader]; brokerId: the new leader
        IsrShrunk,              // before/after: the ISR (sorted); brokerId: the replica that left
        IsrExpanded,            // before/after: the ISR (sorted); brokerId: the replica that joined
        UnderReplicatedStarted, // before/after: the ISR (sorted)
        UnderReplicatedEnded,   // before/after: the ISR (sorted)
        TopicCreated,           // after [partition count]
        TopicDeleted,           // before [partition count]
        PartitionsAdded,        // before [old partition count], after [new partition count]
    };

    QDateTime timestamp; // UTC: takenAt of the newer snapshot
    Kind kind = Kind::BrokerDown;
    int brokerId = -1;   // the broker concerned, -1 when none
    QString topic;       // empty for broker events
    int partition = -1;  // -1 when the event is not about one partition
    QList<int> before;
    QList<int> after;

    // "orders-2" for a partition event, else the topic name (empty for broker events).
    QString partitionName() const;
    // Plain English, e.g. "Leader of orders-2 moved from broker 2 to broker 3".
    QString description() const;
    friend bool operator==(const ReplicationEvent &, const ReplicationEvent &) = default;
};

// Stable names for files: the enumerator's own name, e.g. "LeaderChanged".
QString kindName(ReplicationEvent::Kind kind);
// The kind a kindName() names (matched exactly); *ok tells whether there was one.
ReplicationEvent::Kind replicationEventKindFromName(const QString &name, bool *ok = nullptr);
// Every kind, in declaration order.
QList<ReplicationEvent::Kind> allReplicationEventKinds();

} // namespace kafdesk

Q_DECLARE_TYPEINFO(kafdesk::ReplicationEvent, Q_RELOCATABLE_TYPE);
