#include "lessons/lessoncontext.h"

#include <QCoreApplication>
#include <QSet>

namespace kafdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kafdesk::LessonEngine", text);
}

LessonOutcome passed(const QString &text) { return {true, text}; }
LessonOutcome notYet(const QString &text) { return {false, text}; }

QString idList(QList<int> ids)
{
    std::sort(ids.begin(), ids.end());
    QStringList out;
    for (int id : ids)
        out << QString::number(id);
    return out.join(QStringLiteral(", "));
}

Result<const TopicInfo *> topicOf(LessonContext &context, MetadataSnapshot &md, const QString &topic)
{
    auto ops = context.operations();
    if (!ops)
        return ops.error();
    auto fetched = ops.value()->metadata().fetch(5000);
    if (!fetched)
        return fetched.error();
    md = fetched.value();
    return md.topic(topic);
}

Result<LessonOutcome> topicLayout(LessonContext &context, const LessonAction &check)
{
    const QString topic = check.text(QStringLiteral("topic"));
    const int partitions = check.number(QStringLiteral("partitions"));
    const int rf = check.number(QStringLiteral("replicationFactor"));
    MetadataSnapshot md;
    auto t = topicOf(context, md, topic);
    if (!t)
        return t.error();
    if (!t.value())
        return notYet(tr("There is no topic %1 yet.").arg(topic));
    if (t.value()->partitions.size() != partitions)
        return notYet(tr("%1 has %2 partitions, not %3.").arg(topic).arg(t.value()->partitions.size()).arg(partitions));
    for (const PartitionInfo &p : t.value()->partitions) {
        if (p.replicas.size() != rf || p.isr.size() != rf)
            return notYet(tr("Partition %1 has %2 replicas and %3 in sync, not %4.")
                              .arg(p.id).arg(p.replicas.size()).arg(p.isr.size()).arg(rf));
    }
    QStringList leaders;
    for (const PartitionInfo &p : t.value()->partitions)
        leaders << tr("partition %1 led by node %2").arg(p.id).arg(p.leader);
    return passed(tr("%1 has %2 partitions, each with %3 replicas in sync (%4).")
                      .arg(topic).arg(partitions).arg(rf).arg(leaders.join(QStringLiteral(", "))));
}

Result<LessonOutcome> keyInOnePartition(LessonContext &context, const LessonAction &check)
{
    const QString topic = check.text(QStringLiteral("topic"));
    const QByteArray key = check.text(QStringLiteral("key")).toUtf8();
    const int count = check.number(QStringLiteral("count"));
    auto messages = readTopic(context, topic, true, {}, 20000);
    if (!messages)
        return messages.error();
    QSet<int> partitions;
    QList<int> sequence; // each value's number, in the order the partition holds them
    for (const Message &m : messages.value()) {
        if (m.key != key)
            continue;
        partitions.insert(m.partition);
        const QByteArray value = m.value.value_or(QByteArray());
        sequence << value.mid(value.lastIndexOf('#') + 1).toInt();
    }
    const QString k = QString::fromUtf8(key);
    if (sequence.size() != count)
        return notYet(tr("Found %1 messages with key %2, not %3.").arg(sequence.size()).arg(k).arg(count));
    if (partitions.size() != 1)
        return notYet(tr("Messages with key %1 are in partitions %2.").arg(k, idList(partitions.values())));
    if (!std::is_sorted(sequence.cbegin(), sequence.cend()))
        return notYet(tr("The messages with key %1 are not in the order they were sent.").arg(k));
    return passed(tr("All %1 messages with key %2 are in partition %3, in order.")
                      .arg(count).arg(k).arg(*partitions.cbegin()));
}

Result<LessonOutcome> consumedCount(LessonContext &context, const LessonAction &check)
{
    const QString topic = check.text(QStringLiteral("topic"));
    const int count = check.number(QStringLiteral("count"));
    if (!context.consumed.contains(topic))
        return notYet(tr("Nothing was consumed from %1 yet.").arg(topic));
    const int read = context.consumed.value(topic);
    if (read != count)
        return notYet(tr("The last consumer read %1 messages, not %2.").arg(read).arg(count));
    return passed(tr("The consumer read all %1 messages that were already in %2.").arg(count).arg(topic));
}

Result<LessonOutcome> groupOwnership(LessonContext &context, const LessonAction &check)
{
    auto ops = context.operations();
    if (!ops)
        return ops.error();
    const QString group = check.text(QStringLiteral("group"));
    const QString topic = check.text(QStringLiteral("topic"));
    const int members = check.number(QStringLiteral("members"));
    auto description = ops.value()->groups().describe(group);
    if (!description)
        return notYet(description.error().message);
    if (description->members.size() != members)
        return notYet(tr("Group %1 has %2 members, not %3.").arg(group).arg(description->members.size()).arg(members));
    QSet<int> owned;
    QStringList lines;
    for (const GroupMember &m : description->members) {
        QList<int> mine;
        for (const auto &tp : m.assignment)
            if (tp.first == topic)
                mine << tp.second;
        if (mine.size() != 1)
            return notYet(tr("Member %1 owns %2 partitions; the group is still rebalancing.").arg(m.clientId).arg(mine.size()));
        if (owned.contains(mine.first()))
            return notYet(tr("Partition %1 is owned twice.").arg(mine.first()));
        owned.insert(mine.first());
        lines << tr("%1 reads partition %2").arg(m.clientId).arg(mine.first());
    }
    lines.sort();
    return passed(tr("Each of the %1 members owns exactly one partition: %2.").arg(members).arg(lines.join(QStringLiteral(", "))));
}

Result<LessonOutcome> leaderMoved(LessonContext &context, const LessonAction &check)
{
    const QString topic = check.text(QStringLiteral("topic"));
    const int partition = check.number(QStringLiteral("partition"));
    MetadataSnapshot md;
    auto t = topicOf(context, md, topic);
    if (!t)
        return t.error();
    const PartitionInfo *p = t.value() ? t.value()->partition(partition) : nullptr;
    if (!p)
        return notYet(tr("There is no topic %1 yet.").arg(topic));
    if (context.killedNode >= 0) {
        const int dead = context.killedNode;
        if (p->leader < 0 || p->leader == dead)
            return notYet(tr("Partition %1 has no new leader yet.").arg(partition));
        if (p->isr.contains(dead))
            return notYet(tr("Node %1 is still in the ISR: the controller has not fenced it yet.").arg(dead));
        return passed(tr("Node %1 is down: node %2 leads partition %3 now, and the ISR shrank to %4.")
                          .arg(dead).arg(p->leader).arg(partition).arg(idList(p->isr)));
    }
    if (context.restartedNode >= 0) {
        const int back = context.restartedNode;
        if (!p->isr.contains(back))
            return notYet(tr("Node %1 is catching up; it is not in the ISR (%2) yet.").arg(back).arg(idList(p->isr)));
        return passed(tr("Node %1 caught up and is in the ISR again (%2); node %3 leads partition %4.")
                          .arg(back).arg(idList(p->isr)).arg(p->leader).arg(partition));
    }
    return notYet(tr("No node was killed yet."));
}

Result<LessonOutcome> quorumHealthy(LessonContext &context, const LessonAction &check)
{
    if (!context.quorum)
        return notYet(tr("Show the quorum's status first."));
    const int voters = check.number(QStringLiteral("voters"), 3);
    if (context.quorum->leaderId < 0)
        return notYet(tr("The quorum has no active controller."));
    if (context.quorum->voters.size() != voters)
        return notYet(tr("The quorum has %1 voters, not %2.").arg(context.quorum->voters.size()).arg(voters));
    return passed(tr("Node %1 is the active controller; %2 voters keep the metadata log, so one of them may fail.")
                      .arg(context.quorum->leaderId).arg(voters));
}

Result<LessonOutcome> topicConfig(LessonContext &context, const LessonAction &check)
{
    auto ops = context.operations();
    if (!ops)
        return ops.error();
    const QString topic = check.text(QStringLiteral("topic"));
    const QString name = check.text(QStringLiteral("name"));
    const QString value = check.text(QStringLiteral("value"));
    auto configs = ops.value()->topics().topicConfigs(topic);
    if (!configs)
        return notYet(configs.error().message);
    for (const ConfigEntry &e : configs.value()) {
        if (e.name != name)
            continue;
        if (e.value != value)
            return notYet(tr("%1 is %2, not %3.").arg(name, e.value, value));
        QString text = tr("%1 of %2 is %3 (%4).").arg(name, topic, e.value, e.source);
        if (name == QLatin1String("retention.ms"))
            text += QLatin1Char(' ') + tr("That is %1 hours: messages older than that are deleted, read or not.")
                                           .arg(e.value.toLongLong() / 3600000);
        return passed(text);
    }
    return notYet(tr("The topic has no config %1.").arg(name));
}

Result<LessonOutcome> committedOffsets(LessonContext &context, const LessonAction &check)
{
    auto ops = context.operations();
    if (!ops)
        return ops.error();
    const QString group = check.text(QStringLiteral("group"));
    const QString topic = check.text(QStringLiteral("topic"));
    const int total = check.number(QStringLiteral("total"));
    auto lag = ops.value()->groups().lag(group);
    if (!lag)
        return notYet(lag.error().message);
    qint64 sum = 0;
    QStringList parts;
    for (const PartitionLag &p : lag->partitions) {
        if (p.topic != topic || !p.committed)
            continue;
        sum += *p.committed;
        parts << tr("partition %1 at %2").arg(p.partition).arg(*p.committed);
    }
    if (sum != total)
        return notYet(tr("Group %1 committed %2 messages' worth of offsets, not %3.").arg(group).arg(sum).arg(total));
    // Optionally: the group's consume steps together read this many (a reset made it read again).
    if (const int read = check.number(QStringLiteral("consumedTotal"), -1); read >= 0 && context.consumedTotal.value(topic) != read)
        return notYet(tr("The consume steps read %1 messages in all, not %2: was the reset run between them?")
                          .arg(context.consumedTotal.value(topic)).arg(read));
    QString text = tr("Group %1 committed offsets adding up to %2 (%3): it resumes there after a restart.")
                       .arg(group).arg(total).arg(parts.join(QStringLiteral(", ")));
    if (context.consumedTotal.value(topic) > total)
        text += QLatin1Char(' ') + tr("After the reset it read every message again (%1 reads in all).")
                                       .arg(context.consumedTotal.value(topic));
    return passed(text);
}

Result<LessonOutcome> partitionCount(LessonContext &context, const LessonAction &check)
{
    const QString topic = check.text(QStringLiteral("topic"));
    const int partitions = check.number(QStringLiteral("partitions"));
    MetadataSnapshot md;
    auto t = topicOf(context, md, topic);
    if (!t)
        return t.error();
    if (!t.value() || t.value()->partitions.size() != partitions)
        return notYet(tr("%1 does not have %2 partitions yet.").arg(topic).arg(partitions));
    // Where each key's messages went, before and after the partitions were added.
    auto messages = readTopic(context, topic, true, {}, 20000);
    if (!messages)
        return messages.error();
    QMap<QString, QList<int>> placement;
    for (const Message &m : messages.value()) {
        const QString key = QString::fromUtf8(m.key.value_or(QByteArray()));
        if (!placement[key].contains(m.partition))
            placement[key] << m.partition;
    }
    QStringList moved;
    for (auto it = placement.cbegin(); it != placement.cend(); ++it)
        if (it.value().size() > 1)
            moved << it.key();
    const QString text = tr("%1 has %2 partitions.").arg(topic).arg(partitions);
    if (moved.isEmpty())
        return passed(text + QLatin1Char(' ') + tr("No key changed partition this time (each key's hash happened to land the same)."));
    return passed(text + QLatin1Char(' ') +
                  tr("Keys %1 now land in another partition than before: their order across the change is lost.")
                      .arg(moved.join(QStringLiteral(", "))));
}

} // namespace

Result<LessonOutcome> runLessonCheck(LessonContext &context, const LessonAction &check)
{
    const QString &kind = check.kind;
    Result<LessonOutcome> result = failure(tr("The check %1 does not run on the worker.").arg(kind));
    if (kind == QLatin1String("topicLayout"))
        result = topicLayout(context, check);
    else if (kind == QLatin1String("keyInOnePartition"))
        result = keyInOnePartition(context, check);
    else if (kind == QLatin1String("consumedCount"))
        result = consumedCount(context, check);
    else if (kind == QLatin1String("groupOwnership"))
        result = groupOwnership(context, check);
    else if (kind == QLatin1String("leaderMoved"))
        result = leaderMoved(context, check);
    else if (kind == QLatin1String("quorumHealthy"))
        result = quorumHealthy(context, check);
    else if (kind == QLatin1String("topicConfig"))
        result = topicConfig(context, check);
    else if (kind == QLatin1String("committedOffsets"))
        result = committedOffsets(context, check);
    else if (kind == QLatin1String("partitionCount"))
        result = partitionCount(context, check);
    if (!result.ok())
        context.ops.reset();
    return result;
}

} // namespace kafdesk
