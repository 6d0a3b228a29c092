#pragma once

#include "messages/message.h"
#include "util/result.h"

#include <QList>
#include <QMap>

#include <functional>
#include <memory>

namespace kafdesk {

// What a poll saw besides messages: a partition reached its end, or an error (fatal for the
// reading, or one to show while reading goes on, such as every broker being down).
struct ConsumerEvent {
    enum class Kind { EndOfPartition, Warning, Fatal };
    Kind kind = Kind::Warning;
    int partition = -1;
    qint64 offset = -1; // EndOfPartition: the position reached
    Error error;        // Warning, Fatal
};

// One librdkafka consumer handle reading one topic, owned and used on one thread. Without a group
// id it reads by assignment with a throwaway group id and commits nothing. With one it commits
// (automatically, every second, the offsets stored with storeOffsets(), and synchronously in
// commit()), either as a subscribed member of the group or, with assign(), on the partitions
// it is given. The destructor closes the handle (leaving the group can take a while).
class Consumer {
public:
    // Called on the polling thread when the group hands this member partitions: the offset to
    // start each at (a negative value: the group's committed offset, else auto.offset.reset).
    using AssignHandler = std::function<QMap<int, qint64>(const QList<int> &partitions)>;
    using RevokeHandler = std::function<void(const QList<int> &partitions)>;
    // Per message before it is stored: false skips it.
    using Accept = std::function<bool(int partition, qint64 offset)>;

    static Result<std::unique_ptr<Consumer>> create(const QMap<QString, QString> &clientConfig, const QString &topic,
                                                    const QString &groupId);
    ~Consumer();
    Consumer(const Consumer &) = delete;
    Consumer &operator=(const Consumer &) = delete;

    const QString &topic() const;
    bool inGroup() const;

    // The topic's partition count. Errors: no such topic (after asking again for
    // topicPropagationMs: a topic just created reaches the brokers one after another),
    // authorization; `unreachable` is set when no broker answered (worth retrying).
    Result<int> partitionCount(int timeoutMs, bool *unreachable = nullptr);
    // The group's committed offsets for `partitions` (-1: none).
    Result<QMap<int, qint64>> committed(const QList<int> &partitions, int timeoutMs);

    // Reads these partitions from these offsets (no group membership).
    Status assign(const QMap<int, qint64> &startOffsets);
    // Joins the group (only with a group id); partitions come through `onAssign`.
    Status subscribe(AssignHandler onAssign, RevokeHandler onRevoke);
    QList<int> assignment() const;

    // Waits at most timeoutMs for up to maxMessages messages and appends the accepted ones to
    // `batch`; returns how many were appended. Events go to `events`.
    int poll(MessageBatch &batch, int maxMessages, int timeoutMs, const Accept &accept, QList<ConsumerEvent> &events);

    Status pause();
    Status resume();
    // Marks messages up to (excluding) these offsets as consumed: committed next (group only).
    void storeOffsets(const QMap<int, qint64> &nextOffsets);
    Status commit();
    // Leaves the group and closes the handle (also done by the destructor).
    void close();

private:
    Consumer() = default;
    Result<int> describePartitions(int timeoutMs, bool *unreachable);
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kafdesk
