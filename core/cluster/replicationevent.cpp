#include "cluster/replicationevent.h"

#include "local/clusterstate.h"

namespace kafdesk {

namespace {

using Kind = ReplicationEvent::Kind;

struct KindName {
    Kind kind;
    const char *name;
};
constexpr KindName kindNames[] = {{Kind::BrokerDown, "BrokerDown"},
                                  {Kind::BrokerUp, "BrokerUp"},
                                  {Kind::LeaderChanged, "LeaderChanged"},
                                  {Kind::PartitionOffline, "PartitionOffline"},
                                  {Kind::PartitionOnline, "PartitionOnline"},
                                  {Kind::IsrShrunk, "IsrShrunk"},
                                  {Kind::IsrExpanded, "IsrExpanded"},
                                  {Kind::UnderReplicatedStarted, "UnderReplicatedStarted"},
                                  {Kind::UnderReplicatedEnded, "UnderReplicatedEnded"},
                                  {Kind::TopicCreated, "TopicCreated"},
                                  {Kind::TopicDeleted, "TopicDeleted"},
                                  {Kind::PartitionsAdded, "PartitionsAdded"}};

// "[1, 2, 3]"
QString listText(const QList<int> &ids)
{
    return QLatin1Char('[') + joinedIds(ids) + QLatin1Char(']');
}

// "broker 3", or "no leader" for -1.
QString leaderText(int id)
{
    return id < 0 ? QStringLiteral("no leader") : QStringLiteral("broker %1").arg(id);
}

int firstOr(const QList<int> &ids, int fallback)
{
    return ids.isEmpty() ? fallback : ids.constFirst();
}

QString partitionsText(int count)
{
    return count == 1 ? QStringLiteral("1 partition") : QStringLiteral("%1 partitions").arg(count);
}

// "ISR of orders-2 shrank from [1, 2, 3] to [1, 3] (broker 2 left)"; "changed" when the ISR did
// not get smaller (or larger) overall because another replica joined (or left) at the same time.
QString isrText(const ReplicationEvent &e, bool shrunk)
{
    const bool sizeAgrees = shrunk ? e.after.size() < e.before.size() : e.after.size() > e.before.size();
    QString verb = shrunk ? QStringLiteral("shrank") : QStringLiteral("grew");
    if (!sizeAgrees)
        verb = QStringLiteral("changed");
    QString text = QStringLiteral("ISR of %1 %2 from %3 to %4")
                       .arg(e.partitionName(), verb, listText(e.before), listText(e.after));
    if (e.brokerId >= 0)
        text += (shrunk ? QStringLiteral(" (broker %1 left)") : QStringLiteral(" (broker %1 joined)")).arg(e.brokerId);
    return text;
}

} // namespace

QString ReplicationEvent::partitionName() const
{
    if (partition < 0)
        return topic;
    return topic + QLatin1Char('-') + QString::number(partition);
}

QString ReplicationEvent::description() const
{
    const QString where = partitionName();
    switch (kind) {
    case Kind::BrokerDown:
        return QStringLiteral("Broker %1 is down").arg(brokerId);
    case Kind::BrokerUp:
        return QStringLiteral("Broker %1 is up").arg(brokerId);
    case Kind::LeaderChanged:
        return QStringLiteral("Leader of %1 moved from %2 to %3")
            .arg(where, leaderText(firstOr(before, -1)), leaderText(firstOr(after, brokerId)));
    case Kind::PartitionOffline:
        return QStringLiteral("%1 is offline (no leader)").arg(where);
    case Kind::PartitionOnline:
        return QStringLiteral("%1 is back online, led by %2").arg(where, leaderText(firstOr(after, brokerId)));
    case Kind::IsrShrunk:
        return isrText(*this, true);
    case Kind::IsrExpanded:
        return isrText(*this, false);
    case Kind::UnderReplicatedStarted:
        return QStringLiteral("%1 is under-replicated (ISR %2)").arg(where, listText(after));
    case Kind::UnderReplicatedEnded:
        return QStringLiteral("%1 is fully replicated again (ISR %2)").arg(where, listText(after));
    case Kind::TopicCreated:
        if (after.isEmpty())
            return QStringLiteral("Topic %1 was created").arg(topic);
        return QStringLiteral("Topic %1 was created with %2").arg(topic, partitionsText(after.constFirst()));
    case Kind::TopicDeleted:
        return QStringLiteral("Topic %1 was deleted").arg(topic);
    case Kind::PartitionsAdded:
        return QStringLiteral("Topic %1 grew from %2 to %3")
            .arg(topic, partitionsText(firstOr(before, 0)), partitionsText(firstOr(after, 0)));
    }
    return {};
}

QString kindName(ReplicationEvent::Kind kind)
{
    for (const auto &n : kindNames)
        if (n.kind == kind)
            return QLatin1String(n.name);
    return {};
}

ReplicationEvent::Kind replicationEventKindFromName(const QString &name, bool *ok)
{
    for (const auto &n : kindNames) {
        if (name == QLatin1String(n.name)) {
            if (ok)
                *ok = true;
            return n.kind;
        }
    }
    if (ok)
        *ok = false;
    return Kind::BrokerDown;
}

QList<ReplicationEvent::Kind> allReplicationEventKinds()
{
    QList<Kind> kinds;
    for (const auto &n : kindNames)
        kinds << n.kind;
    return kinds;
}

} // namespace kafdesk
