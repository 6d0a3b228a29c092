#include "admin/groupadmin.h"

#include "kafka/adminclient.h"
#include "kafka/metadataclient.h"
#include "kafka/offsetclient.h"

#include <QSet>

#include <algorithm>

namespace kafdesk {

namespace {

const QString deadState = QStringLiteral("Dead");
const QString notFound = QStringLiteral("GROUP_ID_NOT_FOUND");

// A group the coordinator does not describe: state Dead (classic DescribeGroups) or GROUP_ID_NOT_FOUND.
bool isMissing(const GroupDescription &d)
{
    return d.error == notFound || (d.error.isEmpty() && d.state == deadState && d.members.isEmpty());
}

QString newProtocolNote(const QString &groupId)
{
    return QStringLiteral("Group %1 uses the new consumer group protocol (KIP-848), which this Kafka client "
                          "(librdkafka 2.0.2) does not describe: its members and their assignments are not shown.")
        .arg(groupId);
}

struct Resolved {
    GroupDescription description;
    bool exists = true;
    QString note; // set for a group of the new consumer protocol, which librdkafka 2.0.2 cannot describe
};

// The groups in one DescribeConsumerGroups. librdkafka 2.0.2 speaks only the classic DescribeGroups,
// which answers Dead for a group of the new consumer protocol (KIP-848) as for a group that does
// not exist: those are looked up in ListGroups (once for all), where the former are listed.
Result<QMap<QString, Resolved>> resolveGroups(AdminClient &admin, const QStringList &unique)
{
    auto described = admin.describeGroups(unique);
    if (!described)
        return described.error();
    QMap<QString, Resolved> out;
    for (const QString &g : unique) {
        Resolved r;
        r.description.groupId = g;
        r.description.state = deadState;
        out.insert(g, r);
    }
    QStringList missing;
    for (const GroupDescription &d : described.value()) {
        if (!out.contains(d.groupId))
            continue;
        out[d.groupId].description = d;
    }
    for (auto it = out.begin(); it != out.end(); ++it)
        if (isMissing(it->description))
            missing << it.key();
    if (missing.isEmpty())
        return out;
    QMap<QString, QString> listedStates;
    if (auto listed = admin.listGroups()) // a failure here leaves them as not existing
        for (const GroupListing &l : listed.value())
            listedStates.insert(l.groupId, l.state);
    for (const QString &g : std::as_const(missing)) {
        Resolved &r = out[g];
        r.description.error.clear();
        r.description.members.clear();
        if (listedStates.contains(g)) {
            r.description.state = listedStates.value(g);
            r.note = newProtocolNote(g);
        } else {
            r.description.state = deadState;
            r.exists = false;
        }
    }
    return out;
}

Result<Resolved> resolveGroup(AdminClient &admin, const QString &groupId)
{
    auto all = resolveGroups(admin, {groupId});
    if (!all)
        return all.error();
    return all->value(groupId);
}

QString joinedInts(const QList<int> &values)
{
    QStringList out;
    for (const int v : values)
        out << QString::number(v);
    return out.join(QStringLiteral(", "));
}

} // namespace

Result<QList<GroupListing>> GroupAdmin::list()
{
    return m_admin.listGroups();
}

Result<GroupDescription> GroupAdmin::describe(const QString &groupId)
{
    auto r = resolveGroup(m_admin, groupId);
    if (!r)
        return r.error();
    if (!r->exists)
        return failure(QStringLiteral("Consumer group %1 does not exist.").arg(groupId));
    if (!r->note.isEmpty())
        return failure(r->note, QStringLiteral("The brokers list it in state %1.").arg(r->description.state));
    if (!r->description.error.isEmpty())
        return failure(QStringLiteral("Describing consumer group %1 failed.").arg(groupId), r->description.error);
    return r->description;
}

Result<GroupLag> GroupAdmin::lag(const QString &groupId)
{
    auto r = resolveGroup(m_admin, groupId);
    if (!r)
        return r.error();
    if (!r->exists)
        return failure(QStringLiteral("Consumer group %1 does not exist.").arg(groupId));
    if (!r->description.error.isEmpty())
        return failure(QStringLiteral("Describing consumer group %1 failed.").arg(groupId), r->description.error);
    auto lags = lagOf({groupId}, {{groupId, r.value().description}}, {{groupId, r->note}});
    if (!lags)
        return lags.error();
    return lags->first();
}

Result<QList<GroupLag>> GroupAdmin::lagOfGroups(const QStringList &groups)
{
    if (groups.isEmpty())
        return QList<GroupLag>{};
    // librdkafka refuses a group named twice in one DescribeConsumerGroups.
    QStringList unique = groups;
    unique.removeDuplicates();
    auto resolved = resolveGroups(m_admin, unique);
    if (!resolved)
        return resolved.error();
    QMap<QString, GroupDescription> descriptions;
    QMap<QString, QString> notes;
    for (auto it = resolved->cbegin(); it != resolved->cend(); ++it) {
        descriptions.insert(it.key(), it->description);
        if (!it->exists)
            notes.insert(it.key(), QStringLiteral("Consumer group %1 does not exist.").arg(it.key()));
        else if (!it->note.isEmpty())
            notes.insert(it.key(), it->note);
    }
    return lagOf(groups, descriptions, notes);
}

Result<QList<GroupLag>> GroupAdmin::lagOf(const QStringList &groups,
                                          const QMap<QString, GroupDescription> &descriptions,
                                          const QMap<QString, QString> &notes)
{
    QMap<QString, QList<TopicPartitionOffset>> committed;
    QSet<OffsetClient::Partition> seen;
    QList<OffsetClient::Partition> all;
    for (auto it = descriptions.cbegin(); it != descriptions.cend(); ++it) {
        const GroupDescription &d = it.value();
        // Nothing to read for a group that does not exist or that the coordinator refused.
        if (d.state == deadState || !d.error.isEmpty())
            continue;
        auto offsets = m_admin.listGroupOffsets(it.key()); // one OffsetFetch per group (librdkafka 2.0.2)
        if (!offsets)
            return offsets.error();
        committed.insert(it.key(), offsets.value());
        for (const OffsetClient::Partition &tp : lagPartitions(d, offsets.value())) {
            if (!seen.contains(tp)) {
                seen.insert(tp);
                all << tp;
            }
        }
    }

    // The log ends (and starts) of the union of every group's partitions, each in one batched lookup.
    QMap<OffsetClient::Partition, qint64> ends, starts;
    if (!all.isEmpty()) {
        std::sort(all.begin(), all.end());
        auto e = m_offsets.offsetsAt(all, OffsetClient::latest, m_admin.timeoutMs());
        if (!e)
            return e.error();
        auto s = m_offsets.offsetsAt(all, OffsetClient::earliest, m_admin.timeoutMs());
        if (!s)
            return s.error();
        ends = e.value();
        starts = s.value();
    }
    QList<GroupLag> out;
    for (const QString &g : groups) {
        GroupLag lag = computeLag(descriptions.value(g), committed.value(g), ends, starts);
        lag.note = notes.value(g);
        if (!lag.note.isEmpty() && lag.state != deadState)
            lag.members = -1; // a group of the new protocol: its members are not known here
        out << lag;
    }
    return out;
}

Result<QList<int>> GroupAdmin::topicPartitionIds(const QString &topic)
{
    if (!m_metadata)
        return failure(QStringLiteral("The partitions of topic %1 are not known here: name them, or give "
                                      "GroupAdmin a metadata client.")
                           .arg(topic));
    auto md = m_metadata->fetch(m_admin.timeoutMs());
    if (!md)
        return md.error();
    const TopicInfo *t = md->topic(topic);
    if (!t)
        return failure(QStringLiteral("Topic %1 does not exist.").arg(topic));
    QList<int> ids;
    for (const PartitionInfo &p : t->partitions)
        ids << p.id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

Result<ResetPlan> GroupAdmin::planReset(const ResetOffsetsRequest &request)
{
    if (!m_metadata && !request.partitions.isEmpty())
        return planReset(request, {});
    auto ids = topicPartitionIds(request.topic);
    if (!ids)
        return ids.error();
    return planReset(request, ids.value());
}

Result<ResetPlan> GroupAdmin::planReset(const ResetOffsetsRequest &request, const QList<int> &topicPartitions)
{
    QList<int> partitions = request.partitions.isEmpty() ? topicPartitions : request.partitions;
    if (partitions.isEmpty())
        return failure(QStringLiteral("Topic %1 has no partition to reset.").arg(request.topic));
    if (!topicPartitions.isEmpty()) {
        QList<int> unknown;
        for (const int p : std::as_const(partitions))
            if (!topicPartitions.contains(p))
                unknown << p;
        if (!unknown.isEmpty())
            return failure(QStringLiteral("Topic %1 has no partition %2; its partitions are %3.")
                               .arg(request.topic, joinedInts(unknown), joinedInts(topicPartitions)));
    }
    std::sort(partitions.begin(), partitions.end());
    partitions.erase(std::unique(partitions.begin(), partitions.end()), partitions.end());

    auto r = resolveGroup(m_admin, request.group);
    if (!r)
        return r.error();
    const GroupDescription &d = r->description;
    if (!d.error.isEmpty())
        return failure(QStringLiteral("Describing consumer group %1 failed.").arg(request.group), d.error);
    ResetPlan plan;
    plan.request = request;
    plan.request.partitions = partitions;
    plan.groupState = d.state;
    plan.activeMembers = static_cast<int>(d.members.size());
    plan.refusal = activeGroupRefusal(request.group, plan.groupState, plan.activeMembers).value_or(QString());

    QMap<int, qint64> committed;
    if (r->exists) {
        auto offsets = m_admin.listGroupOffsets(request.group);
        if (!offsets)
            return offsets.error();
        for (const TopicPartitionOffset &o : offsets.value())
            if (o.topic == request.topic && o.error.isEmpty() && o.offset >= 0)
                committed.insert(o.partition, o.offset);
    }

    QList<OffsetClient::Partition> tps;
    for (const int p : std::as_const(partitions))
        tps << OffsetClient::Partition{request.topic, p};
    auto marks = m_offsets.watermarks(tps, m_admin.timeoutMs());
    if (!marks)
        return marks.error();
    QMap<int, Watermarks> logs;
    for (auto it = marks->cbegin(); it != marks->cend(); ++it)
        logs.insert(it.key().second, it.value());

    QMap<int, qint64> atTime;
    if (request.strategy == ResetStrategy::DateTime) {
        if (!request.dateTime.isValid())
            return failure(QStringLiteral("Resetting to a date and time needs a valid date and time."));
        auto found = m_offsets.offsetsAt(tps, request.dateTime.toMSecsSinceEpoch(), m_admin.timeoutMs());
        if (!found)
            return found.error();
        for (auto it = found->cbegin(); it != found->cend(); ++it)
            atTime.insert(it.key().second, it.value());
    }

    auto computed = computeReset(plan.request, partitions, committed, logs, atTime);
    if (!computed)
        return computed.error();
    plan.partitions = computed.value();
    return plan;
}

Status GroupAdmin::executeReset(const ResetPlan &plan)
{
    const QString &group = plan.request.group;
    if (plan.partitions.isEmpty())
        return failure(QStringLiteral("The reset plan for group %1 has no partition.").arg(group));
    // The group may have come alive since the preview: check again, as Kafka's tool does.
    auto r = resolveGroup(m_admin, group);
    if (!r)
        return r.error();
    const GroupDescription &d = r->description;
    if (!d.error.isEmpty())
        return failure(QStringLiteral("Describing consumer group %1 failed.").arg(group), d.error);
    if (auto refusal = activeGroupRefusal(group, d.state, static_cast<int>(d.members.size())))
        return failure(*refusal);
    return m_admin.alterGroupOffsets(group, plan.newOffsets());
}

Status GroupAdmin::deleteGroup(const DeleteGroupRequest &request)
{
    auto result = m_admin.deleteGroups({request.group});
    if (!result)
        return result.error();
    const auto it = result->constFind(request.group);
    if (it != result->cend() && it.value())
        return *it.value();
    return ok();
}

Status GroupAdmin::deleteGroupOffsets(const DeleteGroupOffsetsRequest &request)
{
    auto committed = m_admin.listGroupOffsets(request.group);
    if (!committed)
        return committed.error();
    QList<int> partitions;
    for (const TopicPartitionOffset &o : committed.value())
        if (o.topic == request.topic)
            partitions << o.partition;
    if (partitions.isEmpty())
        return failure(
            QStringLiteral("Group %1 has no committed offsets for topic %2.").arg(request.group, request.topic));
    return m_admin.deleteGroupOffsets(request.group, request.topic, partitions);
}

} // namespace kafdesk
