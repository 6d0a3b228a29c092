#pragma once

// Resetting a group's committed offsets, as values: the plan (a preview, like
// kafka-consumer-groups.sh --reset-offsets --dry-run) and the rules Kafka applies to it.

#include "admin/requests.h"
#include "kafka/admintypes.h"
#include "util/result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace kafdesk {

struct PartitionReset {
    QString topic;
    int partition = -1;
    std::optional<qint64> current; // the group's committed offset now; nullopt: no commit
    qint64 logStart = -1;
    qint64 logEnd = -1;
    qint64 newOffset = -1;
    // Why the new offset is not the one asked for (clamped into the log, or no message at or
    // after the time), in Kafka's words; empty when it is exactly what was asked.
    QString note;
    friend bool operator==(const PartitionReset &, const PartitionReset &) = default;
};

struct ResetPlan {
    ResetOffsetsRequest request;
    QString groupState; // when planned; executeReset checks again
    int activeMembers = 0;
    QList<PartitionReset> partitions; // sorted by partition
    // Executing is refused when the group is active: the sentence saying so, else empty.
    QString refusal;

    QStringList notes() const;
    // What executing commits.
    QList<TopicPartitionOffset> newOffsets() const;
};

// Kafka's own rule (ConsumerGroupCommand, and the coordinator): offsets are reset only for an
// inactive group, state Empty or Dead (a group that does not exist yet), with no members.
// The sentence that refuses it, or nothing.
std::optional<QString> activeGroupRefusal(const QString &groupId, const QString &state, int members);

// Kafka's clamp for --to-offset and --shift-by: below the log start goes to the log start,
// above the log end to the log end, with the warning ConsumerGroupCommand logs.
qint64 clampToLog(const QString &topic, int partition, qint64 requested, qint64 logStart, qint64 logEnd, QString *note);

// The plan for `partitions` of request.topic from what the cluster reported: the group's
// committed offsets, each partition's log start and end, and (DateTime only) the offset at the
// request's time (OffsetClient::offsetsAt: the log end when no message is at or after it).
// Matches ConsumerGroupCommand: Earliest and Latest take the log start / end; Offset and ShiftBy
// are clamped into [logStart, logEnd]; DateTime is not clamped; ShiftBy needs a commit on every
// partition (Kafka refuses "Cannot shift offset for partition t-2 since there is no current
// committed offset", and so does this).
Result<QList<PartitionReset>> computeReset(const ResetOffsetsRequest &request, const QList<int> &partitions,
                                           const QMap<int, qint64> &committed, const QMap<int, Watermarks> &logs,
                                           const QMap<int, qint64> &offsetsAtTime = {});

} // namespace kafdesk
