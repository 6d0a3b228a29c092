#pragma once

// What the consumer-group lab shows: its members, who owns which partition, and what moved at
// each rebalance. Plain values, copied to the owner's thread on every change.

#include "kafka/groupmember.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

namespace kafdesk {

struct LabMember {
    enum class State {
        Joining,     // subscribed, waiting for its first assignment
        Rebalancing, // gave its partitions back, waiting for the new assignment (eager protocol)
        Assigned,    // owns at least one partition and reads it
        Idle,        // in the group with nothing to read: more members than partitions
        Leaving,     // closing: revokes, commits, sends LeaveGroup
        Crashed,     // destroyed without leaving: the group keeps it until its session times out
        Failed       // could not be created or subscribe (see problem)
    };
    int id = 0;       // 1, 2, ...: the N of its client id
    QString clientId; // kafdesk-lab-N
    QString memberId; // the coordinator's id, once joined
    State state = State::Joining;
    QList<int> partitions; // sorted
    QMap<int, qint64> consumed; // messages read per partition
    QDateTime lastRebalance;
    QString problem; // the latest non-fatal problem, or why it failed
    QDateTime crashedAt;

    qint64 totalConsumed() const;
    bool isActive() const { return state != State::Leaving && state != State::Crashed && state != State::Failed; }
    friend bool operator==(const LabMember &, const LabMember &) = default;
};

QString labMemberStateName(LabMember::State state);

struct LabEvent {
    enum class Kind { Joining, Assigned, Revoked, Lost, Left, Crashed, Expired, Problem };
    QDateTime time;
    int member = 0;
    QString clientId;
    Kind kind = Kind::Joining;
    QList<int> partitions; // what was assigned, revoked or lost
    QList<int> owned;      // what the member owned after the event
    bool cooperative = false;
    QString text; // a problem's message
};

// One line for the rebalance log, e.g. "was assigned partitions 0, 2 (cooperative)".
QString describeLabEvent(const LabEvent &event);
QString partitionListText(const QList<int> &partitions);

struct LabState {
    static constexpr int maxEvents = 500;

    QString topic;
    QString groupId;
    GroupAssignor assignor = GroupAssignor::CooperativeSticky;
    int partitionCount = -1; // -1: not known yet
    bool running = false;    // started and not every member gone
    QList<LabMember> members; // by id
    QList<LabEvent> events;   // oldest first, at most maxEvents
    qint64 eventsDropped = 0; // how many older events were dropped
    qint64 produced = 0;      // messages the trickle producer had acknowledged (all its runs)
    bool trickling = false;   // a trickle producer runs (or still flushes)

    const LabMember *member(int id) const;
    // partition -> id of the member that owns it (the first one when, wrongly, several do)
    QMap<int, int> owners() const;
    // Partitions that more than one member claims: always empty when the lab works.
    QList<int> partitionsOwnedTwice() const;
    int activeMembers() const;
    int idleMembers() const;
};

} // namespace kafdesk

Q_DECLARE_METATYPE(kafdesk::LabState)
Q_DECLARE_METATYPE(kafdesk::GroupAssignor)
