#include "local/localcluster.h"

#include "kafka/metadataclient.h"
#include "local/kafkadistribution.h"
#include "local/nodelauncher.h"
#include "local/portallocator.h"
#include "local/processtable.h"

#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <csignal>

// LocalCluster's operations on single nodes, and the waits and checks they share.

namespace kafdesk {

using namespace std::chrono_literals;

namespace {

constexpr auto stopGrace = 30s;
constexpr auto nodeReadyTimeout = 60s;

} // namespace

Status LocalCluster::launchNode(ClusterState &s, int id)
{
    NodeState *node = s.node(id);
    if (!node)
        return failure(QStringLiteral("Cluster \"%1\" has no node %2.").arg(name()).arg(id));
    auto dist = KafkaDistribution::locate();
    if (!dist)
        return dist.error();
    for (const quint16 port : {node->brokerPort, node->controllerPort}) {
        if (const QString why = PortAllocator::bindError(port); !why.isEmpty())
            return failure(QStringLiteral("Node %1 cannot start: port %2 on 127.0.0.1 cannot be bound (%3).")
                               .arg(id)
                               .arg(port)
                               .arg(why),
                           QStringLiteral("Something else listens there; stop it, or recreate the cluster with "
                                          "`kafdesk-ctl cluster down --name %1` and start it again.")
                               .arg(name()));
    }
    report(QStringLiteral("Starting node %1 on %2").arg(id).arg(node->brokerAddress()));
    auto pid = nodelauncher::launch(dist.value(), m_paths, id);
    if (!pid)
        return pid.error();
    node->pid = pid.value();
    node->intent = NodeIntent::Running;
    node->startedAt = QDateTime::currentDateTimeUtc();
    // Re-read before writing so that a concurrent action on another node is kept.
    auto fresh = state();
    ClusterState merged = fresh ? fresh.value() : s;
    if (NodeState *m = merged.node(id))
        *m = *node;
    return saveState(merged);
}

Result<MetadataSnapshot> LocalCluster::waitForBrokers(const QList<int> &expected,
                                                      std::chrono::milliseconds timeout) const
{
    auto s = state();
    if (!s)
        return s.error();
    // On a secure cluster as its admin: the ordinary user may not even describe the cluster.
    auto config = clientConfig(s.value(), s->bootstrapServers());
    if (!config)
        return config.error();
    MetadataClient client(s->bootstrapServers(), config.value());
    if (const Status v = client.valid(); !v)
        return v.error();
    QList<int> want = expected;
    std::sort(want.begin(), want.end());
    QElapsedTimer timer;
    timer.start();
    QString lastSeen = QStringLiteral("no broker answered");
    for (;;) {
        if (cancelled())
            return cancelledError();
        auto md = client.fetch(1500, false);
        if (md) {
            if (md->brokerIds() == want)
                return md;
            lastSeen = QStringLiteral("brokers %1 are registered").arg(joinedIds(md->brokerIds()));
        }
        // A node meant to come up that has exited will never register: say why at once.
        auto seen = observe();
        if (seen) {
            for (const NodeObservation &o : seen.value())
                if (want.contains(o.recorded.id) && o.status != NodeStatus::Running &&
                    o.recorded.intent == NodeIntent::Running)
                    return nodelauncher::explainEarlyExit(m_paths, o.recorded.id);
        }
        if (timer.elapsed() > timeout.count())
            return failure(QStringLiteral("The brokers %1 did not all register within %2 s (%3).")
                               .arg(joinedIds(want))
                               .arg(timeout.count() / 1000)
                               .arg(lastSeen));
        QThread::msleep(200);
    }
}

Status LocalCluster::waitForNodeUp(int id, std::chrono::milliseconds timeout)
{
    auto seen = observe();
    if (!seen)
        return seen.error();
    QList<int> up;
    for (const NodeObservation &o : seen.value())
        if (o.status == NodeStatus::Running)
            up << o.recorded.id;
    if (!up.contains(id))
        up << id;
    report(QStringLiteral("Waiting for node %1 to register").arg(id));
    QElapsedTimer timer;
    timer.start();
    auto md = waitForBrokers(up, timeout);
    if (!md)
        return md.error();
    // Right after a SIGKILL the cluster still lists the dead broker until its session times out,
    // so "listed" alone can be stale. The new process is up once it answers on its own listener.
    auto s = state();
    if (!s)
        return s.error();
    const NodeState *node = s->node(id);
    if (!node)
        return failure(QStringLiteral("Cluster \"%1\" has no node %2.").arg(name()).arg(id));
    auto config = clientConfig(s.value(), node->brokerAddress());
    if (!config)
        return config.error();
    for (;;) {
        if (cancelled())
            return cancelledError();
        // A fresh client knows only this address, so any answer comes from the new process
        // (librdkafka names a bootstrap broker -1, hence no check of the answering id).
        MetadataClient own(node->brokerAddress(), config.value());
        if (own.fetch(1500, false))
            return ok();
        if (timer.elapsed() > timeout.count())
            return failure(QStringLiteral("Node %1 did not answer on %2 within %3 s.")
                               .arg(id)
                               .arg(node->brokerAddress())
                               .arg(timeout.count() / 1000));
        QThread::msleep(250);
    }
}

Status LocalCluster::checkQuorum(const QList<int> &goingDown, bool force) const
{
    m_lastRefusal = Refusal::None;
    auto seen = observe();
    if (!seen)
        return seen.error();
    const qsizetype voters = seen->size();
    const qsizetype needed = voters / 2 + 1;
    qsizetype upAfter = 0;
    for (const NodeObservation &o : seen.value())
        if (o.status == NodeStatus::Running && !goingDown.contains(o.recorded.id))
            ++upAfter;
    if (upAfter >= needed || force)
        return ok();
    m_lastRefusal = Refusal::NeedsForce;
    return failure(QStringLiteral("This leaves %1 of %2 controllers running, but the controller quorum needs %3: the "
                                  "cluster will stall (no leader elections, no fencing) until a node comes back.")
                       .arg(upAfter)
                       .arg(voters)
                       .arg(needed),
                   QStringLiteral("Repeat with --force to do it anyway."));
}

Status LocalCluster::signalNode(int id, int signalNumber, NodeIntent intent, const QString &verb)
{
    auto node = requireNode(id);
    if (!node)
        return node.error();
    const QString marker = m_paths.processMarker(id);
    const auto before = processtable::stateOf(node->pid, marker);
    if (before == processtable::ProcessState::Gone)
        return failure(QStringLiteral("Node %1 is not running; there is nothing to %2.").arg(id).arg(verb));
    // A paused JVM cannot act on SIGTERM until it runs again.
    if (before == processtable::ProcessState::Stopped && signalNumber == SIGTERM)
        processtable::signal(node->pid, marker, SIGCONT);
    report(QStringLiteral("Node %1: %2 (pid %3)").arg(id).arg(verb).arg(node->pid));
    if (!processtable::signal(node->pid, marker, signalNumber))
        return failure(QStringLiteral("Could not signal node %1 (pid %2).").arg(id).arg(node->pid));

    if (signalNumber == SIGTERM && !processtable::waitForExit(node->pid, marker, stopGrace))
        return failure(QStringLiteral("Node %1 is still shutting down after %2 s.").arg(id).arg(stopGrace.count()),
                       QStringLiteral("Use `kafdesk-ctl cluster kill %1` to end it at once.").arg(id));
    if (signalNumber == SIGKILL)
        processtable::waitForExit(node->pid, marker, 10s);

    auto s = state();
    if (!s)
        return s.error();
    NodeState *n = s.value().node(id);
    n->intent = intent;
    if (intent != NodeIntent::Running && intent != NodeIntent::Paused)
        n->pid = 0;
    return saveState(s.value());
}

Status LocalCluster::startNode(int id)
{
    auto node = requireNode(id);
    if (!node)
        return node.error();
    const auto now = processtable::stateOf(node->pid, m_paths.processMarker(id));
    if (now == processtable::ProcessState::Stopped)
        return resumeNode(id);
    if (now == processtable::ProcessState::Running)
        return failure(QStringLiteral("Node %1 is already running (pid %2).").arg(id).arg(node->pid));
    auto s = state();
    if (!s)
        return s.error();
    if (const Status l = launchNode(s.value(), id); !l)
        return l;
    return waitForNodeUp(id, nodeReadyTimeout);
}

Status LocalCluster::takeDown(int id, bool force, int signalNumber, NodeIntent intent, const QString &verb)
{
    if (auto node = requireNode(id); !node)
        return node.error();
    if (const Status q = checkQuorum({id}, force); !q)
        return q;
    return signalNode(id, signalNumber, intent, verb);
}

Status LocalCluster::stopNode(int id, bool force)
{
    return takeDown(id, force, SIGTERM, NodeIntent::Stopped, QStringLiteral("controlled shutdown"));
}

Status LocalCluster::killNode(int id, bool force)
{
    return takeDown(id, force, SIGKILL, NodeIntent::Killed, QStringLiteral("kill"));
}

Status LocalCluster::pauseNode(int id, bool force)
{
    return takeDown(id, force, SIGSTOP, NodeIntent::Paused, QStringLiteral("pause"));
}

Status LocalCluster::resumeNode(int id)
{
    auto node = requireNode(id);
    if (!node)
        return node.error();
    if (processtable::stateOf(node->pid, m_paths.processMarker(id)) != processtable::ProcessState::Stopped)
        return failure(QStringLiteral("Node %1 is not paused.").arg(id));
    if (const Status s = signalNode(id, SIGCONT, NodeIntent::Running, QStringLiteral("resume")); !s)
        return s;
    return waitForNodeUp(id, nodeReadyTimeout);
}

Status LocalCluster::restartNode(int id)
{
    auto node = requireNode(id);
    if (!node)
        return node.error();
    if (processtable::isAlive(node->pid, m_paths.processMarker(id))) {
        if (const Status s = signalNode(id, SIGTERM, NodeIntent::Stopped, QStringLiteral("controlled shutdown")); !s)
            return s;
    }
    return startNode(id);
}

} // namespace kafdesk
