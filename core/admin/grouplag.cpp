#include "admin/grouplag.h"

#include <QSet>

#include <algorithm>

namespace kafdesk {

namespace {

bool isCommit(const TopicPartitionOffset &o)
{
    return o.error.isEmpty() && o.offset >= 0;
}

} // namespace

const PartitionLag *GroupLag::partition(const QString &topic, int id) const
{
    for (const PartitionLag &p : partitions)
        if (p.topic == topic && p.partition == id)
            return &p;
    return nullptr;
}

QList<OffsetClient::Partition> lagPartitions(const GroupDescription &description,
                                             const QList<TopicPartitionOffset> &committedOffsets)
{
    QSet<OffsetClient::Partition> seen;
    QList<OffsetClient::Partition> out;
    const auto add = [&](const OffsetClient::Partition &p) {
        if (!seen.contains(p)) {
            seen.insert(p);
            out << p;
        }
    };
    for (const TopicPartitionOffset &o : committedOffsets)
        if (isCommit(o))
            add({o.topic, o.partition});
    for (const GroupMember &m : description.members)
        for (const auto &p : m.assignment)
            add(p);
    std::sort(out.begin(), out.end());
    return out;
}

GroupLag computeLag(const GroupDescription &description, const QList<TopicPartitionOffset> &committedOffsets,
                    const QMap<OffsetClient::Partition, qint64> &endOffsets,
                    const QMap<OffsetClient::Partition, qint64> &startOffsets)
{
    GroupLag g;
    g.groupId = description.groupId;
    g.state = description.state;
    g.members = static_cast<int>(description.members.size());
    g.error = description.error;

    QMap<OffsetClient::Partition, qint64> committed;
    for (const TopicPartitionOffset &o : committedOffsets)
        if (isCommit(o))
            committed.insert({o.topic, o.partition}, o.offset);
    QMap<OffsetClient::Partition, const GroupMember *> owners;
    for (const GroupMember &m : description.members)
        for (const auto &p : m.assignment)
            owners.insert(p, &m);

    for (const OffsetClient::Partition &tp : lagPartitions(description, committedOffsets)) {
        PartitionLag p;
        p.topic = tp.first;
        p.partition = tp.second;
        p.logEnd = endOffsets.value(tp, -1);
        p.logStart = startOffsets.value(tp, -1);
        if (committed.contains(tp))
            p.committed = committed.value(tp);
        if (const GroupMember *m = owners.value(tp, nullptr)) {
            p.owner = m->clientId.isEmpty() ? m->memberId : m->clientId;
            p.ownerMemberId = m->memberId;
            p.ownerHost = m->host;
        }
        if (!g.lagPerTopic.contains(p.topic))
            g.lagPerTopic.insert(p.topic, 0);
        if (!p.committed) {
            ++g.partitionsWithoutCommit;
        } else if (p.logEnd >= 0) {
            const qint64 raw = p.logEnd - *p.committed;
            p.committedBeyondEnd = raw < 0;
            p.lag = std::max<qint64>(0, raw);
            g.totalLag += *p.lag;
            g.lagPerTopic[p.topic] += *p.lag;
        }
        g.partitions << p;
    }
    return g;
}

} // namespace kafdesk
