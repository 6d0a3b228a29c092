#include "lessons/lessoncontext.h"

#include "kafka/producer.h"
#include "local/localcluster.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSet>
#include <QThread>

namespace kafdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kafdesk::LessonEngine", text);
}

constexpr int metadataTimeoutMs = 5000;

template <typename Condition>
bool waitFor(const LessonContext &context, Condition condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs || context.cancelled())
            return false;
        QThread::msleep(250);
    }
    return true;
}

Result<MetadataSnapshot> metadata(LessonContext &context)
{
    auto ops = context.operations();
    if (!ops)
        return ops.error();
    return ops.value()->metadata().fetch(metadataTimeoutMs);
}

Result<QString> createTopic(LessonContext &context, const LessonAction &action)
{
    auto ops = context.operations();
    if (!ops)
        return ops.error();
    CreateTopicRequest request;
    request.name = action.text(QStringLiteral("topic"));
    request.partitions = action.number(QStringLiteral("partitions"), 1);
    request.replicationFactor = action.number(QStringLiteral("replicationFactor"), -1);
    const QVariantMap configs = action.params.value(QStringLiteral("configs")).toMap();
    for (auto it = configs.cbegin(); it != configs.cend(); ++it)
        request.configs.insert(it.key(), it.value().toString());
    // A topic deleted a moment ago (the lesson's reset) can still be on its way out.
    Status created = ok();
    waitFor(context, [&] {
        created = ops.value()->createTopic(request);
        return created.ok() || !created.error().fullText().contains(QLatin1String("exist"), Qt::CaseInsensitive);
    }, 20000);
    if (!created)
        return created.error();
    // Wait until metadata shows it with a leader for every partition: the next step uses it.
    waitFor(context, [&] {
        auto md = metadata(context);
        const TopicInfo *t = md ? md->topic(request.name) : nullptr;
        return t && t->partitions.size() == request.partitions &&
               std::all_of(t->partitions.cbegin(), t->partitions.cend(), [](const PartitionInfo &p) { return p.leader >= 0; });
    }, 20000);
    if (request.partitions == 1)
        return tr("Created topic %1 with 1 partition.").arg(request.name);
    return tr("Created topic %1 with %2 partitions.").arg(request.name).arg(request.partitions);
}

Result<QString> produce(LessonContext &context, const LessonAction &action)
{
    const QString topic = action.text(QStringLiteral("topic"));
    const QStringList keys = action.params.value(QStringLiteral("keys")).toStringList();
    const int perKey = action.number(QStringLiteral("perKey"), 1);
    const int count = keys.isEmpty() ? action.number(QStringLiteral("count"), 1) : perKey * int(keys.size());
    ProducerConfig config;
    config.clientConfig = context.connection.clientConfig;
    config.connectionName = context.connection.name;
    config.readOnly = context.connection.readOnly;
    auto producer = Producer::create(config);
    if (!producer)
        return producer.error();
    if (auto partitions = producer.value()->partitionCount(topic, 10000); !partitions)
        return partitions.error();
    // Keys take turns, so messages of different keys interleave; each key counts its own values.
    QMap<QString, int> sequence;
    for (int i = 0; i < count; ++i) {
        std::optional<QByteArray> key;
        QString value = tr("message #%1").arg(i + 1);
        if (!keys.isEmpty()) {
            const QString k = keys.at(i % keys.size());
            key = k.toUtf8();
            value = QStringLiteral("%1 #%2").arg(k).arg(++sequence[k]);
        }
        for (;;) {
            const auto queued = producer.value()->produce(topic, -1, key, value.toUtf8(), {}, i);
            if (queued.error)
                return *queued.error;
            if (queued.queued)
                break;
            producer.value()->poll(100);
        }
    }
    // In slices, so that closing the window does not wait for a dead cluster's 30 seconds.
    bool flushed = false;
    waitFor(context, [&] { return flushed = producer.value()->flush(250); }, 30000);
    if (context.cancelled())
        return failure(tr("Cancelled."));
    if (!flushed)
        return failure(tr("Not every message was acknowledged within 30 seconds."));
    QMap<QString, QSet<int>> partitionsOfKey;
    int failed = 0;
    for (const DeliveryReport &r : producer.value()->takeReports()) {
        if (!r.ok()) {
            ++failed;
            continue;
        }
        partitionsOfKey[r.key ? QString::fromUtf8(*r.key) : QString()].insert(r.partition);
    }
    if (failed)
        return failure(tr("%1 of %2 messages were not written.").arg(failed).arg(count));
    QStringList placement;
    for (auto it = partitionsOfKey.cbegin(); it != partitionsOfKey.cend(); ++it) {
        if (it.key().isEmpty())
            continue;
        QList<int> ps = it.value().values();
        std::sort(ps.begin(), ps.end());
        QStringList names;
        for (int p : ps)
            names << QString::number(p);
        placement << tr("%1 → partition %2").arg(it.key(), names.join(QStringLiteral(", ")));
    }
    if (placement.isEmpty())
        return tr("Produced %1 messages to %2.").arg(count).arg(topic);
    return tr("Produced %1 messages to %2: %3.").arg(count).arg(topic, placement.join(QStringLiteral("; ")));
}

Result<QString> consume(LessonContext &context, const LessonAction &action)
{
    const QString topic = action.text(QStringLiteral("topic"));
    const bool fromBeginning = action.flag(QStringLiteral("fromBeginning"));
    const QString group = action.text(QStringLiteral("group"));
    auto messages = readTopic(context, topic, fromBeginning, group, 20000);
    if (!messages)
        return messages.error();
    context.consumed.insert(topic, int(messages->size()));
    context.consumedTotal[topic] += int(messages->size());
    if (!group.isEmpty())
        return tr("Group %1 read %2 messages and committed its offsets.").arg(group).arg(messages->size());
    if (fromBeginning)
        return tr("Read %1 messages from the beginning of %2.").arg(messages->size()).arg(topic);
    return tr("Read %1 messages: without --from-beginning a new consumer starts at the end and waits for new ones.")
        .arg(messages->size());
}

Result<QString> killLeader(LessonContext &context, const LessonAction &action)
{
    if (context.clusterName.isEmpty())
        return failure(tr("Killing a broker needs the bundled cluster."));
    const QString topic = action.text(QStringLiteral("topic"));
    const int partition = action.number(QStringLiteral("partition"));
    auto md = metadata(context);
    if (!md)
        return md.error();
    const TopicInfo *t = md->topic(topic);
    const PartitionInfo *p = t ? t->partition(partition) : nullptr;
    if (!p || p->leader < 0)
        return failure(tr("Partition %1 of %2 has no leader to kill: run the first step.").arg(partition).arg(topic));
    const int victim = p->leader;
    LocalCluster cluster(context.clusterName, context.clustersRoot.isEmpty() ? LocalCluster::defaultClustersRoot()
                                                                            : context.clustersRoot);
    cluster.setCancelFlag(context.cancel);
    if (const Status s = cluster.killNode(victim); !s)
        return s.error();
    context.killedNode = victim;
    context.restartedNode = -1;
    // The controller fences the dead broker after its session times out, then elects a new leader.
    int newLeader = -1;
    waitFor(context, [&] {
        auto now = metadata(context);
        const TopicInfo *nt = now ? now->topic(topic) : nullptr;
        const PartitionInfo *np = nt ? nt->partition(partition) : nullptr;
        newLeader = np && np->leader != victim ? np->leader : -1;
        return newLeader >= 0;
    }, 60000);
    if (newLeader < 0)
        return tr("Killed node %1; no new leader was elected within a minute.").arg(victim);
    return tr("Killed node %1, the leader of partition %2. Node %3 took over as leader.").arg(victim).arg(partition).arg(newLeader);
}

Result<QString> restartKilled(LessonContext &context)
{
    if (context.killedNode < 0)
        return failure(tr("No node was killed by this lesson: run the kill step first."));
    LocalCluster cluster(context.clusterName, context.clustersRoot.isEmpty() ? LocalCluster::defaultClustersRoot()
                                                                            : context.clustersRoot);
    cluster.setCancelFlag(context.cancel);
    if (const Status s = cluster.startNode(context.killedNode); !s)
        return s.error();
    const int node = context.killedNode;
    context.restartedNode = node;
    context.killedNode = -1;
    return tr("Node %1 runs again: it catches up as a follower and rejoins the ISR.").arg(node);
}

Result<QString> addPartitions(LessonContext &context, const LessonAction &action)
{
    auto ops = context.operations();
    if (!ops)
        return ops.error();
    AddPartitionsRequest request{action.text(QStringLiteral("topic")), action.number(QStringLiteral("partitions"))};
    if (const Status s = ops.value()->addPartitions(request); !s)
        return s.error();
    waitFor(context, [&] {
        auto md = metadata(context);
        const TopicInfo *t = md ? md->topic(request.topic) : nullptr;
        return t && t->partitions.size() == request.totalPartitions;
    }, 20000);
    return tr("%1 has %2 partitions now.").arg(request.topic).arg(request.totalPartitions);
}

Result<QString> quorumStatus(LessonContext &context)
{
    const QString bootstrap = context.connection.clientConfig.value(QStringLiteral("bootstrap.servers"));
    auto status = QuorumStatus::fetch(bootstrap, std::chrono::seconds(60), context.cancel);
    if (!status)
        return status.error();
    context.quorum = status.value();
    QStringList voters;
    for (int v : status->voters)
        voters << QString::number(v);
    return tr("Node %1 is the active controller (epoch %2); the voters are %3.")
        .arg(status->leaderId)
        .arg(status->leaderEpoch)
        .arg(voters.join(QStringLiteral(", ")));
}

Result<QString> resetOffsets(LessonContext &context, const LessonAction &action)
{
    auto ops = context.operations();
    if (!ops)
        return ops.error();
    ResetOffsetsRequest request;
    request.group = action.text(QStringLiteral("group"));
    request.topic = action.text(QStringLiteral("topic"));
    request.strategy = ResetStrategy::Earliest;
    request.execute = true;
    auto plan = ops.value()->planReset(request);
    if (!plan)
        return plan.error();
    if (!plan->refusal.isEmpty())
        return failure(plan->refusal);
    if (const Status s = ops.value()->executeReset(plan.value()); !s)
        return s.error();
    return tr("Group %1 now starts %2 at the earliest offsets again.").arg(request.group, request.topic);
}

} // namespace

Result<QString> resetLesson(LessonContext &context, const Lesson &lesson)
{
    auto ops = context.operations();
    if (!ops)
        return ops.error();
    context.consumed.clear();
    context.consumedTotal.clear();
    context.quorum.reset();
    if (context.killedNode >= 0)
        (void)restartKilled(context); // a node a previous run left down comes back first
    if (!lesson.topics.isEmpty()) {
        auto md = metadata(context);
        if (!md)
            return md.error();
        QStringList existing;
        for (const QString &t : lesson.topics)
            if (md->topic(t))
                existing << t;
        if (!existing.isEmpty()) {
            auto removed = ops.value()->deleteTopics({existing});
            if (!removed)
                return removed.error();
            waitFor(context, [&] {
                auto now = metadata(context);
                return now && std::none_of(existing.cbegin(), existing.cend(),
                                           [&](const QString &t) { return now->topic(t) != nullptr; });
            }, 30000);
        }
    }
    for (const QString &group : lesson.groups) {
        // Members of a lab stopped a moment ago may still be leaving: deleting waits for them.
        waitFor(context, [&] {
            auto listed = ops.value()->groups().list();
            if (!listed)
                return false;
            if (std::none_of(listed->cbegin(), listed->cend(), [&](const GroupListing &g) { return g.groupId == group; }))
                return true;
            (void)ops.value()->deleteGroup({group});
            return false;
        }, 30000);
    }
    return tr("Removed what an earlier run of this lesson left.");
}

Result<QString> runLessonAction(LessonContext &context, const LessonAction &action)
{
    const QString &kind = action.kind;
    Result<QString> result = failure(tr("The action %1 does not run on the worker.").arg(kind));
    if (kind == QLatin1String("createTopic"))
        result = createTopic(context, action);
    else if (kind == QLatin1String("produce"))
        result = produce(context, action);
    else if (kind == QLatin1String("consume"))
        result = consume(context, action);
    else if (kind == QLatin1String("killLeader"))
        result = killLeader(context, action);
    else if (kind == QLatin1String("restartKilled"))
        result = restartKilled(context);
    else if (kind == QLatin1String("addPartitions"))
        result = addPartitions(context, action);
    else if (kind == QLatin1String("quorumStatus"))
        result = quorumStatus(context);
    else if (kind == QLatin1String("resetOffsets"))
        result = resetOffsets(context, action);
    // A failed request may leave the clients in a bad state: the next action connects afresh.
    if (!result.ok())
        context.ops.reset();
    return result;
}

} // namespace kafdesk
