#pragma once

#include "cluster/clustersnapshot.h"
#include "cluster/replicationevent.h"

#include <QList>

namespace kafdesk {

// What changed from `before` to `after`, as events stamped with after.takenAt.
//
// Order (deterministic):
//   1. broker events, by broker id: BrokerDown when a broker alive before is not alive (or not
//      listed) after; BrokerUp when a broker alive after was not alive (or not listed) before.
//      A broker first seen already down (a replica-only one) gets no event.
//   2. TopicCreated / TopicDeleted, by topic name. A created topic gets no partition events.
//   3. per topic (by name), per partition (by id), for the partitions both snapshots have:
//      PartitionOffline or PartitionOnline, else LeaderChanged; then IsrShrunk for each replica
//      that left the ISR and IsrExpanded for each one that joined (by broker id); then
//      UnderReplicatedStarted or UnderReplicatedEnded. After the topic's partitions,
//      PartitionsAdded when it has more of them (new partitions get no events of their own).
//
// Leaders: a partition that loses its leader emits PartitionOffline (before [old], after [-1]),
// never a LeaderChanged to -1; one that gets a leader back emits PartitionOnline (before [-1],
// after [new], brokerId the new leader), never a separate LeaderChanged from -1. LeaderChanged is
// only for a move between two brokers. ISR lists in events are sorted; an ISR that only changed
// order is no change. When several replicas leave or join at once, each gets its own event, all
// with the same before/after lists. Replica-set changes (reassignments) show only through
// under-replication; partitions that disappear (which Kafka does not do) are not reported.
//
// Both snapshots should be normalized (fromMetadata's are); one that is not is diffed as a
// normalized copy. The walks are merges over the sorted lists: linear in the snapshot sizes.
QList<ReplicationEvent> diffSnapshots(const ClusterSnapshot &before, const ClusterSnapshot &after);

} // namespace kafdesk
