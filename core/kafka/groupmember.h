#pragma once

#include "util/result.h"

#include <QList>
#include <QMap>
#include <QString>

#include <functional>
#include <optional>
#include <memory>

namespace kafdesk {

// The partition assignment strategies librdkafka 2.0 offers. Range and round-robin use the
// EAGER protocol (every member gives up everything at each rebalance); cooperative-sticky the
// COOPERATIVE one (only the partitions that move are revoked).
enum class GroupAssignor { Range, RoundRobin, CooperativeSticky };
QString assignorConfigValue(GroupAssignor assignor); // "range", "roundrobin", "cooperative-sticky"
QString assignorDisplayName(GroupAssignor assignor);
QList<GroupAssignor> allAssignors();

struct GroupMemberConfig {
    QMap<QString, QString> clientConfig; // bootstrap.servers, security, ... of the connection
    QString groupId;
    QString clientId; // e.g. kafdesk-lab-3
    QString topic;
    GroupAssignor assignor = GroupAssignor::CooperativeSticky;
    int sessionTimeoutMs = 6000; // fast to see: the broker notices a crashed member after this
    int heartbeatIntervalMs = 1000;
};

// What one rebalance callback did to this member.
struct MemberRebalance {
    enum class Kind { Assigned, Revoked, Lost };
    Kind kind = Kind::Assigned;
    QList<int> partitions; // the partitions that were added or taken away (may be empty)
    bool cooperative = false; // incremental (COOPERATIVE) or whole-assignment (EAGER)
};

// One member of a consumer group, subscribed to one topic: a librdkafka consumer handle in
// subscribe mode with a rebalance callback that installs (incrementally or eagerly, as the
// protocol says) and records what the group coordinator assigns or revokes. It counts the
// messages it reads per partition and commits them automatically (every second, and on revoke
// and close). Create, poll and destroy it on one thread: librdkafka calls the rebalance, error
// and statistics callbacks from inside poll() and close(), on that thread.
class GroupMemberClient {
public:
    static Result<std::unique_ptr<GroupMemberClient>> create(const GroupMemberConfig &config);
    // Destroys the handle without leaving the group when close() was not called: the
    // coordinator then keeps the member until its session times out, like a crashed process.
    ~GroupMemberClient();
    GroupMemberClient(const GroupMemberClient &) = delete;
    GroupMemberClient &operator=(const GroupMemberClient &) = delete;

    // Called on the polling thread inside each rebalance callback, after the change is installed.
    void setRebalanceObserver(std::function<void(const MemberRebalance &)> observer);

    Status subscribe();
    // Serves callbacks and reads messages for up to timeoutMs (returns sooner once it read
    // some). Returns a non-fatal problem (broker down, no such topic) as an Error in `problem`.
    struct PollResult {
        int messages = 0;
        std::optional<Error> problem;
    };
    PollResult poll(int timeoutMs);

    // The topic's partition count as the brokers report it now, or an error.
    Result<int> partitionCount(int timeoutMs);

    QList<int> assignment() const;                 // sorted
    const QMap<int, qint64> &consumed() const;     // messages read per partition, since creation
    QString memberId() const;                      // the coordinator's id for this member ("" before joining)
    // The group's join state from librdkafka's statistics ("init", "wait-join", "steady", ...).
    QString joinState() const;
    bool hasJoinedOnce() const; // a first assignment (even an empty one) arrived

    // Commits what was read, synchronously.
    Status commit();
    // Leaves the group: revokes (the callback runs), commits, sends LeaveGroup. Blocks up to
    // a few seconds; after it the handle only waits to be destroyed.
    Status close();

    struct Impl; // public only for the librdkafka callbacks in groupmember.cpp

private:
    GroupMemberClient() = default;
    std::unique_ptr<Impl> d;
};

} // namespace kafdesk
