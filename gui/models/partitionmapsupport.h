#pragma once

// What the two partition-map models share: the columns and rows a snapshot gives them, and the
// sorted merge that turns one list into another with precise model signals.

#include "cluster/clustersnapshot.h"

#include <QIcon>
#include <QList>
#include <QString>

#include <utility>

namespace kafdesk::partitionmap {

// Every broker of the snapshot (plus, as down, any broker that only shows up as a replica of the
// topic), sorted by id, and the topic's partitions sorted by id. Empty lists without a snapshot,
// a topic, or when the snapshot does not list the topic.
std::pair<QList<BrokerState>, QList<PartitionState>> columnsAndRows(const ClusterSnapshot *snapshot,
                                                                     const QString &topic);

// Every broker of the snapshot plus, as down, any broker that only shows up as a replica of one of
// its topics, sorted by id: the columns of the cluster-wide map.
QList<BrokerState> allBrokers(const ClusterSnapshot *snapshot);

// A small filled circle: green for a live broker, red for one that is down.
QIcon stateDot(bool alive);
// A warning triangle with an exclamation mark: red for something offline (a partition without a
// leader), amber for something degraded (under-replicated, an error). Painted, not taken from a
// style, so it looks the same on every platform, offscreen included.
QIcon warningIcon(bool offline);

// Runs of consecutive numbers in a sorted list, as (first, last) pairs.
QList<std::pair<int, int>> runs(const QList<int> &sorted);

// Turns `current` into `target` (both sorted by id): items that went away are removed, a run at a
// time, and new ones inserted, each inside remove(first, last, apply) or insert(at, apply), which
// wrap apply() in the model's begin/end calls. Returns the positions (after the merge) of the items
// that changed in place, ascending.
template <typename Item, typename Remove, typename Insert>
QList<int> mergeById(QList<Item> &current, const QList<Item> &target, Remove remove, Insert insert)
{
    QList<int> changed;
    int pos = 0;
    for (const Item &wanted : target) {
        int end = pos;
        while (end < current.size() && current.at(end).id < wanted.id)
            ++end;
        if (end > pos)
            remove(pos, end - 1, [&] { current.remove(pos, end - pos); });
        if (pos < current.size() && current.at(pos).id == wanted.id) {
            if (!(current.at(pos) == wanted)) {
                current[pos] = wanted;
                changed << pos;
            }
        } else {
            insert(pos, [&] { current.insert(pos, wanted); });
        }
        ++pos;
    }
    if (pos < current.size()) {
        const int last = static_cast<int>(current.size()) - 1;
        remove(pos, last, [&] { current.remove(pos, current.size() - pos); });
    }
    return changed;
}

} // namespace kafdesk::partitionmap
