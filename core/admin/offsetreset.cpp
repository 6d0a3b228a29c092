#include "admin/offsetreset.h"

#include <algorithm>

namespace kafdesk {

QStringList ResetPlan::notes() const
{
    QStringList out;
    for (const PartitionReset &p : partitions)
        if (!p.note.isEmpty())
            out << p.note;
    return out;
}

QList<TopicPartitionOffset> ResetPlan::newOffsets() const
{
    QList<TopicPartitionOffset> out;
    for (const PartitionReset &p : partitions)
        out << TopicPartitionOffset{p.topic, p.partition, p.newOffset, {}};
    return out;
}

std::optional<QString> activeGroupRefusal(const QString &groupId, const QString &state, int members)
{
    if (members > 0)
        return QStringLiteral("Group %1 has %2 active %3; Kafka only resets the offsets of an inactive group: "
                              "stop its consumers first.")
            .arg(groupId)
            .arg(members)
            .arg(members == 1 ? QStringLiteral("member") : QStringLiteral("members"));
    if (state != QLatin1String("Empty") && state != QLatin1String("Dead"))
        return QStringLiteral("Group %1 is %2; Kafka only resets the offsets of an inactive group (Empty): "
                              "stop its consumers first.")
            .arg(groupId, state.isEmpty() ? QStringLiteral("in an unknown state") : state);
    return std::nullopt;
}

qint64 clampToLog(const QString &topic, int partition, qint64 requested, qint64 logStart, qint64 logEnd, QString *note)
{
    // ConsumerGroupCommand checks the log end first, then the log start.
    if (requested > logEnd) {
        if (note)
            *note = QStringLiteral("New offset (%1) is higher than latest offset for topic partition %2-%3. "
                                   "Value will be set to %4.")
                        .arg(requested)
                        .arg(topic)
                        .arg(partition)
                        .arg(logEnd);
        return logEnd;
    }
    if (requested < logStart) {
        if (note)
            *note = QStringLiteral("New offset (%1) is lower than earliest offset for topic partition %2-%3. "
                                   "Value will be set to %4.")
                        .arg(requested)
                        .arg(topic)
                        .arg(partition)
                        .arg(logStart);
        return logStart;
    }
    return requested;
}

Result<QList<PartitionReset>> computeReset(const ResetOffsetsRequest &request, const QList<int> &partitions,
                                           const QMap<int, qint64> &committed, const QMap<int, Watermarks> &logs,
                                           const QMap<int, qint64> &offsetsAtTime)
{
    QList<int> sorted = partitions;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    if (sorted.isEmpty())
        return failure(QStringLiteral("No partition of topic %1 to reset.").arg(request.topic));

    if (request.strategy == ResetStrategy::ShiftBy) {
        QStringList missing;
        for (const int p : sorted)
            if (!committed.contains(p))
                missing << QStringLiteral("%1-%2").arg(request.topic).arg(p);
        if (!missing.isEmpty())
            return failure(QStringLiteral("Cannot shift the offset of %1: group %2 has no committed offset there.")
                               .arg(missing.join(QStringLiteral(", ")), request.group),
                           QStringLiteral("Kafka's ConsumerGroupCommand refuses it too (\"Cannot shift offset for "
                                          "partition %1 since there is no current committed offset\"). Choose "
                                          "the partitions that have a commit, or reset the others to an offset.")
                               .arg(missing.first()));
    }

    QList<PartitionReset> out;
    for (const int p : sorted) {
        if (!logs.contains(p))
            return failure(QStringLiteral("The offsets of %1-%2 are not known.").arg(request.topic).arg(p));
        PartitionReset r;
        r.topic = request.topic;
        r.partition = p;
        if (committed.contains(p))
            r.current = committed.value(p);
        r.logStart = logs.value(p).low;
        r.logEnd = logs.value(p).high;
        switch (request.strategy) {
        case ResetStrategy::Earliest:
            r.newOffset = r.logStart;
            break;
        case ResetStrategy::Latest:
            r.newOffset = r.logEnd;
            break;
        case ResetStrategy::Offset:
            r.newOffset = clampToLog(r.topic, p, request.value, r.logStart, r.logEnd, &r.note);
            break;
        case ResetStrategy::ShiftBy:
            r.newOffset = clampToLog(r.topic, p, *r.current + request.value, r.logStart, r.logEnd, &r.note);
            break;
        case ResetStrategy::DateTime: {
            if (!offsetsAtTime.contains(p))
                return failure(QStringLiteral("The offset of %1-%2 at %3 is not known.")
                                   .arg(r.topic)
                                   .arg(p)
                                   .arg(request.dateTime.toString(Qt::ISODateWithMs)));
            const qint64 at = offsetsAtTime.value(p);
            // No message at or after the time: the log end, as ConsumerGroupCommand falls back to.
            if (at < 0 || at >= r.logEnd) {
                r.newOffset = r.logEnd;
                r.note = QStringLiteral("Partition %1 from topic %2 has no message at or after %3: falling back "
                                        "to the latest offset (%4).")
                             .arg(p)
                             .arg(r.topic, request.dateTime.toString(Qt::ISODateWithMs))
                             .arg(r.logEnd);
            } else {
                r.newOffset = at;
            }
            break;
        }
        }
        out << r;
    }
    return out;
}

} // namespace kafdesk
