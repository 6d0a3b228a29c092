// The drill's automatic schedule: kill (or pause, or stop) the leader of partition 0 (or of each
// partition in turn), bring it back, again (drill/drillworker.h). Runs on the controller thread:
// LocalCluster's calls block.

#include "drill/drillworker.h"

#include "admin/clusteroperations.h"
#include "local/localcluster.h"

#include <QCoreApplication>
#include <QThread>

#include <algorithm>

namespace kafdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kafdesk::FailureDrill", text);
}

constexpr qint64 tailMs = 3000;             // producing after the last restart
constexpr qint64 recoveryTimeoutMs = 90000; // a restarted node back in metadata with full ISRs
constexpr qint64 watchStepMs = 250;
constexpr qint64 fencingLimitMs = 30000; // beyond half the interval, for the kill to be seen

// Watches, after a kill, for the partitions the killed node led to get a live leader again.
class LeaderWatch {
public:
    LeaderWatch(const QString &topic, int killed, int partition, const MetadataSnapshot &before)
        : m_topic(topic), m_killed(killed), m_partition(partition)
    {
        if (const TopicInfo *t = before.topic(topic))
            for (const PartitionInfo &p : t->partitions)
                if (p.leader == killed)
                    m_waiting.insert(p.id);
        m_clock.start();
    }
    // Looks at fresh metadata; records when each waiting partition got another live leader.
    void observe(const MetadataSnapshot &md, DrillKill &kill)
    {
        const TopicInfo *t = md.topic(m_topic);
        if (!t)
            return;
        const QList<int> live = md.brokerIds();
        for (const PartitionInfo &p : t->partitions) {
            const bool led = p.leader >= 0 && p.leader != m_killed && live.contains(p.leader);
            if (p.id == m_partition && led && kill.newLeader < 0)
                kill.newLeader = p.leader;
            if (led && m_waiting.remove(p.id))
                kill.leaderlessMs = std::max(kill.leaderlessMs, m_clock.elapsed());
        }
    }
    bool done() const { return m_waiting.isEmpty(); }

private:
    QString m_topic;
    int m_killed;
    int m_partition; // whose new leader the kill records
    QSet<int> m_waiting;
    QElapsedTimer m_clock;
};

bool fullIsrs(const TopicInfo &t, const QList<int> &live)
{
    return std::all_of(t.partitions.cbegin(), t.partitions.cend(), [&](const PartitionInfo &p) {
        return p.leader >= 0 && live.contains(p.leader) && p.isr.size() == p.replicas.size();
    });
}

// The node is back and the topic (or, with allTopics, every topic) has a live leader and its full
// ISR on every partition.
bool recovered(const MetadataSnapshot &md, const QString &topic, int node, bool allTopics)
{
    const QList<int> live = md.brokerIds();
    const TopicInfo *t = md.topic(topic);
    if (!live.contains(node) || !t || t->partitions.isEmpty() || !fullIsrs(*t, live))
        return false;
    return !allTopics || std::all_of(md.topics.cbegin(), md.topics.cend(),
                                     [&](const TopicInfo &other) { return fullIsrs(other, live); });
}

DrillFault faultOf(const DrillConfig &c, int k)
{
    return c.faults.isEmpty() ? DrillFault::Kill : c.faults.at(k % c.faults.size());
}

Status takeDown(LocalCluster &cluster, DrillFault fault, int node)
{
    switch (fault) {
    case DrillFault::Pause:
        return cluster.pauseNode(node);
    case DrillFault::Stop:
        return cluster.stopNode(node);
    case DrillFault::Kill:
        break;
    }
    return cluster.killNode(node);
}

Status bringBack(LocalCluster &cluster, DrillFault fault, int node)
{
    return fault == DrillFault::Pause ? cluster.resumeNode(node) : cluster.startNode(node);
}

QString takingDownText(DrillFault fault, int node, int partition)
{
    switch (fault) {
    case DrillFault::Pause:
        return tr("Pausing node %1 (SIGSTOP), the leader of partition %2.").arg(node).arg(partition);
    case DrillFault::Stop:
        return tr("Stopping node %1 (a controlled shutdown), the leader of partition %2.").arg(node).arg(partition);
    case DrillFault::Kill:
        break;
    }
    return tr("Killing node %1, the leader of partition %2.").arg(node).arg(partition);
}

QString notTakenDownText(DrillFault fault, int node, const QString &why)
{
    switch (fault) {
    case DrillFault::Pause:
        return tr("Node %1 could not be paused: %2").arg(node).arg(why);
    case DrillFault::Stop:
        return tr("Node %1 could not be stopped: %2").arg(node).arg(why);
    case DrillFault::Kill:
        break;
    }
    return tr("Node %1 could not be killed: %2").arg(node).arg(why);
}

} // namespace

void DrillRun::runSchedule(DrillReport &report, ClusterOperations &ops)
{
    const bool automatic = m_config.kills > 0 && !m_config.clusterName.isEmpty();
    if (!automatic) {
        // The user breaks brokers (or not); the drill ends after `duration` or on finish().
        pause(m_config.duration.count());
        return;
    }
    LocalCluster cluster(m_config.clusterName,
                         m_config.clustersRoot.isEmpty() ? LocalCluster::defaultClustersRoot() : m_config.clustersRoot);
    cluster.setCancelFlag(&m_cancel);
    const qint64 interval = std::max<qint64>(2000, m_config.killInterval.count());
    // Traffic flows for half an interval before the first kill; then one kill per interval, each
    // only once the previous node is back with full ISRs.
    QElapsedTimer sinceKill;
    qint64 wait = interval / 2;
    for (int k = 0; k < m_config.kills; ++k) {
        if (!pause(sinceKill.isValid() ? std::max<qint64>(1000, wait - sinceKill.elapsed()) : wait))
            break;
        wait = interval;
        const DrillFault fault = faultOf(m_config, k);
        const int partition = m_config.chasePartitions && m_partitions > 0 ? k % m_partitions : 0;
        auto md = ops.metadata().fetch(5000);
        const TopicInfo *t = md ? md->topic(m_config.topic) : nullptr;
        const PartitionInfo *target = t ? t->partition(partition) : nullptr;
        if (!target || target->leader < 0) {
            report.notes << (fault == DrillFault::Kill
                                 ? tr("Kill %1 was skipped: partition %2 had no leader to kill.").arg(k + 1).arg(partition)
                                 : tr("Fault %1 (%2) was skipped: partition %3 had no leader.")
                                       .arg(k + 1).arg(drillFaultName(fault)).arg(partition));
            continue;
        }
        DrillKill kill;
        kill.fault = fault;
        kill.node = target->leader;
        kill.partition = partition;
        setPhase(DrillProgress::Phase::Killing, takingDownText(fault, kill.node, partition));
        LeaderWatch watch(m_config.topic, kill.node, partition, md.value());
        if (const Status s = takeDown(cluster, fault, kill.node); !s) {
            report.notes << notTakenDownText(fault, kill.node, s.error().fullText());
            break;
        }
        kill.killedAt = QDateTime::currentDateTimeUtc();
        sinceKill.start();
        report.kills.append(kill);
        m_killsDone = static_cast<int>(report.kills.size());
        if (m_callbacks.killed)
            m_callbacks.killed(kill);

        // Down for about half the interval, and in any case until the controller has fenced the
        // node and moved its leaderships: restarted sooner, the node would come back before the
        // cluster noticed it had gone (and metadata, still listing it, could not tell "back" from
        // "never seen gone").
        bool fenced = false;
        while (!m_cancel && sinceKill.elapsed() < interval / 2 + fencingLimitMs) {
            if (auto now = ops.metadata().fetch(2000)) {
                watch.observe(now.value(), kill);
                fenced = fenced || (!now->brokerIds().contains(kill.node) && watch.done());
            }
            if (fenced && (sinceKill.elapsed() >= interval / 2 || m_finish))
                break;
            QThread::msleep(watchStepMs);
        }
        if (!fenced && !m_cancel)
            report.notes << tr("Metadata never showed node %1 gone and its leaderships moved within %2 s of the kill.")
                                .arg(kill.node).arg((interval / 2 + fencingLimitMs) / 1000);
        report.kills.last() = kill;
        if (m_cancel)
            break; // at once: the node stays down, its kill without restartedAt
        const bool pausing = fault == DrillFault::Pause;
        setPhase(DrillProgress::Phase::Restarting,
                 pausing ? tr("Resuming node %1.").arg(kill.node) : tr("Restarting node %1.").arg(kill.node));
        if (const Status s = bringBack(cluster, fault, kill.node); !s) {
            report.kills.last() = kill;
            report.notes << (pausing ? tr("Node %1 could not be resumed: %2") : tr("Node %1 could not be restarted: %2"))
                                .arg(kill.node).arg(s.error().fullText());
            break;
        }
        kill.restartedAt = QDateTime::currentDateTimeUtc(); // registered with the controller again
        QElapsedTimer recovering;
        recovering.start();
        bool back = false;
        while (!m_cancel && recovering.elapsed() < recoveryTimeoutMs) {
            if (auto now = ops.metadata().fetch(2000)) {
                watch.observe(now.value(), kill);
                if (recovered(now.value(), m_config.topic, kill.node, m_config.recoverAllTopics)) {
                    back = true;
                    break;
                }
            }
            QThread::msleep(watchStepMs);
        }
        report.kills.last() = kill;
        if (m_cancel)
            break;
        if (back)
            kill.recoveredAt = QDateTime::currentDateTimeUtc();
        report.kills.last() = kill;
        if (!back)
            report.notes << tr("After node %1 restarted, not every partition had its full ISR again within %2 s.")
                                .arg(kill.node).arg(recoveryTimeoutMs / 1000);
        if (m_callbacks.restarted)
            m_callbacks.restarted(kill);
        setPhase(DrillProgress::Phase::Producing, tr("Producing; node %1 is back.").arg(kill.node));
        if (m_finish)
            break;
    }
    if (!stopping())
        pause(tailMs);
}

} // namespace kafdesk
