#pragma once

#include "admin/grouplag.h"
#include "admin/offsetreset.h"
#include "admin/requests.h"
#include "kafka/admintypes.h"
#include "util/result.h"

#include <QList>
#include <QStringList>

namespace kafdesk {

class AdminClient;
class MetadataClient;
class OffsetClient;

// Consumer groups over clients owned elsewhere (by one worker thread, like ClusterOperations'):
// listing, describing, lag, offset resets with a preview, deletion. Requests are expected to be
// validated already (admin/validation.h). The metadata client is optional: it is only needed to
// find a topic's partitions when a reset names none (see planReset).
class GroupAdmin {
public:
    GroupAdmin(AdminClient &admin, OffsetClient &offsets, MetadataClient *metadata = nullptr)
        : m_admin(admin)
        , m_offsets(offsets)
        , m_metadata(metadata)
    {
    }

    // Every group the brokers know, sorted by id (one ListGroups request per broker).
    Result<QList<GroupListing>> list();
    // One group. A group that does not exist is an error saying so; so is a group of the new
    // consumer protocol (KIP-848), which librdkafka 2.0.2 cannot describe (the brokers answer it
    // as Dead; ListGroups tells the two apart), with its listed state in the detail.
    Result<GroupDescription> describe(const QString &groupId);

    // The lag of one group: DescribeConsumerGroups, OffsetFetch, then the log end and log start
    // offsets of its partitions (committed or assigned) in one batched lookup each. A group that
    // does not exist is an error. A group of the new consumer protocol gets the lag of its commits,
    // its listed state, members -1 and a note saying why owners are missing.
    Result<GroupLag> lag(const QString &groupId);
    // The lag of several groups without a round trip per partition: one DescribeConsumerGroups for
    // all of them, one OffsetFetch per group (librdkafka 2.0.2 takes one group per
    // ListConsumerGroupOffsets), then one OffsetClient::offsetsAt for the log ends of the union of
    // every group's partitions (and one for the log starts), which librdkafka sends as one
    // ListOffsets per leader broker. In the order asked (a group named twice comes twice); a group
    // that does not exist comes back with state Dead, no partition and a note, not as an error.
    Result<QList<GroupLag>> lagOfGroups(const QStringList &groups);

    // The preview of a reset: for each partition, the commit now and the new offset, as
    // ConsumerGroupCommand --reset-offsets --dry-run computes it (offsetreset.h). Partitions:
    // request.partitions, or every partition of the topic when it is empty. `topicPartitions`
    // lists the topic's partition ids as the caller knows them (from its metadata snapshot);
    // a requested partition outside them is refused. The plan carries `refusal` when the group
    // is active (the preview is still computed; Kafka's dry run refuses outright).
    Result<ResetPlan> planReset(const ResetOffsetsRequest &request, const QList<int> &topicPartitions);
    // The same, finding the topic's partitions with the metadata client given to the constructor
    // (one Metadata request). Without one it fails, unless request.partitions names them, which
    // are then used unchecked (an unknown partition fails the offset lookup).
    Result<ResetPlan> planReset(const ResetOffsetsRequest &request);
    // Commits the plan's new offsets, after checking the group again: refused with a clear
    // sentence while the group has members or is not Empty/Dead (Kafka's own rule).
    Status executeReset(const ResetPlan &plan);

    // Deletes a group with its offsets; refused by the broker while it has members (the
    // broker's text is in the error's detail).
    Status deleteGroup(const DeleteGroupRequest &request);
    // Deletes the group's committed offsets for one topic (every partition it committed there);
    // refused by the broker while a member is subscribed to the topic.
    Status deleteGroupOffsets(const DeleteGroupOffsetsRequest &request);

private:
    Result<QList<int>> topicPartitionIds(const QString &topic);
    // The lag of described groups: one OffsetFetch per live group, then the batched offset lookups.
    Result<QList<GroupLag>> lagOf(const QStringList &groups, const QMap<QString, GroupDescription> &descriptions,
                                  const QMap<QString, QString> &notes);

    AdminClient &m_admin;
    OffsetClient &m_offsets;
    MetadataClient *m_metadata = nullptr;
};

} // namespace kafdesk
