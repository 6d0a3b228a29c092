#include "local/localcluster.h"

#include "local/kafkadistribution.h"
#include "local/nodeconfig.h"
#include "local/nodelauncher.h"
#include "local/portallocator.h"
#include "local/processtable.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <csignal>

namespace kafdesk {

using namespace std::chrono_literals;

namespace {

constexpr auto clusterStopGrace = 20s;

bool copyResource(const QString &resource, const QString &target)
{
    QFile in(resource);
    QSaveFile out(target);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly))
        return false;
    out.write(in.readAll());
    return out.commit();
}

} // namespace

namespace {
// A node is recognised in the process table by its config file's path on the JVM's command line,
// so the same cluster reached through a symlinked root must name the same path.
QString canonicalRoot(const QString &root)
{
    const QString canonical = QFileInfo(root).canonicalFilePath();
    return canonical.isEmpty() ? root : canonical;
}
} // namespace

LocalCluster::LocalCluster(QString name, QString clustersRoot)
    : m_paths(canonicalRoot(clustersRoot), std::move(name))
{
}

QString LocalCluster::defaultClustersRoot()
{
    if (const QString env = qEnvironmentVariable("KAFDESK_CLUSTERS_DIR"); !env.isEmpty())
        return env;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/kafdesk/clusters");
}

Status LocalCluster::validateName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"));
    if (!valid.match(name).hasMatch())
        return failure(QStringLiteral("\"%1\" is not a valid cluster name: use up to 64 letters, digits, '.', '_' or "
                                      "'-', starting with a letter or digit.")
                           .arg(name));
    return ok();
}

QStringList LocalCluster::listNames(const QString &clustersRoot)
{
    QStringList names;
    const QStringList dirs = QDir(clustersRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &d : dirs)
        if (QFile::exists(ClusterPaths(clustersRoot, d).stateFile()))
            names << d;
    return names;
}

bool LocalCluster::exists() const
{
    return QFile::exists(m_paths.stateFile());
}

void LocalCluster::report(const QString &text) const
{
    if (m_progress)
        m_progress(text);
}

Result<ClusterState> LocalCluster::state() const
{
    QFile f(m_paths.stateFile());
    if (!f.open(QIODevice::ReadOnly)) {
        const QStringList known = listNames(m_paths.root());
        return failure(QStringLiteral("There is no local cluster named \"%1\".").arg(name()),
                       known.isEmpty() ? QStringLiteral("Create one with `kafdesk-ctl cluster start --name %1`.").arg(name())
                                       : QStringLiteral("Known clusters: %1.").arg(known.join(QStringLiteral(", "))));
    }
    auto parsed = ClusterState::fromJson(f.readAll());
    if (!parsed)
        return failure(parsed.error().message + QStringLiteral(" (%1)").arg(m_paths.stateFile()), parsed.error().detail);
    return parsed;
}

Status LocalCluster::saveState(const ClusterState &s) const
{
    QSaveFile f(m_paths.stateFile());
    if (!f.open(QIODevice::WriteOnly) || f.write(s.toJson()) < 0 || !f.commit())
        return failure(QStringLiteral("Could not write %1.").arg(m_paths.stateFile()), f.errorString());
    return ok();
}

Result<QList<NodeObservation>> LocalCluster::observe() const
{
    auto s = state();
    if (!s)
        return s.error();
    QList<NodeObservation> out;
    for (const NodeState &n : s->nodes) {
        NodeObservation o{n, NodeStatus::Stopped};
        switch (processtable::stateOf(n.pid, m_paths.processMarker(n.id))) {
        case processtable::ProcessState::Running:
            o.status = NodeStatus::Running;
            break;
        case processtable::ProcessState::Stopped:
            o.status = NodeStatus::Paused;
            break;
        case processtable::ProcessState::Gone:
            o.status = n.intent == NodeIntent::Killed    ? NodeStatus::Killed
                       : n.intent == NodeIntent::Stopped ? NodeStatus::Stopped
                                                         : NodeStatus::Exited;
            o.recorded.pid = 0;
            break;
        }
        out << o;
    }
    return out;
}

Result<NodeState> LocalCluster::requireNode(int id) const
{
    auto s = state();
    if (!s)
        return s.error();
    if (const NodeState *n = s->node(id))
        return *n;
    return failure(QStringLiteral("Cluster \"%1\" has no node %2; its nodes are %3.").arg(name()).arg(id).arg(
        joinedIds(s->nodeIds())));
}

QSet<quint16> LocalCluster::portsOfOtherClusters() const
{
    QSet<quint16> ports;
    for (const QString &other : listNames(m_paths.root())) {
        if (other == name())
            continue;
        auto s = LocalCluster(other, m_paths.root()).state();
        if (!s)
            continue;
        for (const NodeState &n : s->nodes)
            ports << n.brokerPort << n.controllerPort;
    }
    return ports;
}

Result<ClusterState> LocalCluster::create(const StartOptions &options)
{
    const int count = options.brokers > 0 ? options.brokers : 3;
    if (count < 1 || count > maxNodes)
        return failure(QStringLiteral("A local cluster has 1 to %1 brokers; %2 were asked for.").arg(maxNodes).arg(count));
    auto dist = KafkaDistribution::locate();
    if (!dist)
        return dist.error();
    auto ports = PortAllocator::allocate(2 * count, portsOfOtherClusters(), options.basePort);
    if (!ports)
        return ports.error();

    ClusterState s;
    s.name = name();
    s.clusterId = nodelauncher::generateClusterId();
    s.kafkaVersion = KafkaDistribution::kafkaVersion();
    s.createdAt = QDateTime::currentDateTimeUtc();
    s.secure = options.secure;
    QList<NodeSpec> specs;
    for (int i = 0; i < count; ++i) {
        const int id = i + 1;
        const NodeSpec spec{id, ports->at(i), ports->at(count + i), m_paths.nodeDataDir(id)};
        specs << spec;
        s.nodes << NodeState{id, spec.brokerPort, spec.controllerPort, 0, NodeIntent::Stopped, {}};
    }

    report(QStringLiteral("Creating %1cluster \"%2\" with %3 nodes in %4")
               .arg(s.secure ? QStringLiteral("secure ") : QString(), name())
               .arg(count)
               .arg(m_paths.dir()));
    if (!QDir().mkpath(m_paths.dir()))
        return failure(QStringLiteral("Could not create %1.").arg(m_paths.dir()));
    const auto abandon = [this](Error e) -> Result<ClusterState> {
        QDir(m_paths.dir()).removeRecursively();
        return e;
    };
    if (!copyResource(QStringLiteral(":/kafdesk/kafka/log4j2.properties"), m_paths.log4jConfig()))
        return abandon(failure(QStringLiteral("Could not write %1.").arg(m_paths.log4jConfig())));
    if (const Status w = writeNodeConfigs(s, specs); !w)
        return abandon(w.error());
    report(QStringLiteral("Formatting storage with Kafka's StorageTool (cluster id %1)").arg(s.clusterId));
    if (const Status f = formatStorage(dist.value(), s); !f)
        return abandon(f.error());
    if (const Status w = saveState(s); !w)
        return abandon(w.error());
    return s;
}

Result<ClusterState> LocalCluster::start(const StartOptions &options)
{
    if (const Status v = validateName(name()); !v)
        return v.error();
    QDir().mkpath(m_paths.root());
    QLockFile creating(m_paths.root() + QStringLiteral("/.") + name() + QStringLiteral(".create-lock"));
    creating.setStaleLockTime(0);
    if (!creating.tryLock(5 * 60 * 1000))
        return failure(QStringLiteral("Another process is creating cluster \"%1\".").arg(name()));

    Result<ClusterState> loaded = exists() ? state() : create(options);
    if (!loaded)
        return loaded.error();
    ClusterState s = loaded.value();
    if (options.secure && !s.secure)
        return failure(QStringLiteral("Cluster \"%1\" already exists without security; a cluster is made secure only "
                                      "when it is created.")
                           .arg(name()),
                       QStringLiteral("Remove it first with `kafdesk-ctl cluster down --name %1`, or pick another "
                                      "--name.")
                           .arg(name()));
    if (options.brokers > 0 && options.brokers != s.nodes.size())
        return failure(QStringLiteral("Cluster \"%1\" already has %2 nodes, not %3.")
                           .arg(name())
                           .arg(s.nodes.size())
                           .arg(options.brokers),
                       QStringLiteral("Remove it first with `kafdesk-ctl cluster down --name %1`.").arg(name()));

    auto seen = observe();
    if (!seen)
        return seen.error();
    for (const NodeObservation &o : seen.value()) {
        if (cancelled())
            return cancelledError();
        if (o.status == NodeStatus::Paused) {
            if (const Status r = resumeNode(o.recorded.id); !r)
                return r.error();
        } else if (o.status != NodeStatus::Running) {
            if (const Status l = launchNode(s, o.recorded.id); !l)
                return l.error();
        }
    }
    creating.unlock();

    report(QStringLiteral("Waiting for %1 brokers to register").arg(s.nodes.size()));
    auto md = waitForBrokers(s.nodeIds(), options.readyTimeout);
    if (!md)
        return md.error();
    return state();
}

Result<ClusterState> LocalCluster::start()
{
    return start(StartOptions{});
}

Status LocalCluster::stop()
{
    auto seen = observe();
    if (!seen)
        return seen.error();
    QList<NodeState> running;
    for (const NodeObservation &o : seen.value()) {
        if (o.status == NodeStatus::Running || o.status == NodeStatus::Paused) {
            processtable::signal(o.recorded.pid, m_paths.processMarker(o.recorded.id), SIGCONT);
            running << o.recorded;
        }
    }
    if (!running.isEmpty())
        report(QStringLiteral("Stopping %1 nodes").arg(running.size()));
    // A broker's controlled shutdown waits for the controller quorum to acknowledge it. Nodes go one
    // at a time while a majority would remain; the last majority goes together, while it can still
    // commit all of their shutdowns. Whatever hangs past the grace period is killed.
    const qsizetype majority = seen->size() / 2 + 1;
    while (running.size() > majority) {
        const NodeState n = running.takeFirst();
        const QString marker = m_paths.processMarker(n.id);
        processtable::signal(n.pid, marker, SIGTERM);
        if (!processtable::waitForExit(n.pid, marker, clusterStopGrace)) {
            processtable::signal(n.pid, marker, SIGKILL);
            processtable::waitForExit(n.pid, marker, 10s);
        }
    }
    for (const NodeState &n : std::as_const(running))
        processtable::signal(n.pid, m_paths.processMarker(n.id), SIGTERM);
    QElapsedTimer timer;
    timer.start();
    for (const NodeState &n : std::as_const(running)) {
        const auto left = std::max<qint64>(0, std::chrono::milliseconds(clusterStopGrace).count() - timer.elapsed());
        const QString marker = m_paths.processMarker(n.id);
        if (!processtable::waitForExit(n.pid, marker, std::chrono::milliseconds(left))) {
            report(QStringLiteral("Node %1 did not finish its shutdown in time; killing it").arg(n.id));
            processtable::signal(n.pid, marker, SIGKILL);
            processtable::waitForExit(n.pid, marker, 10s);
        }
    }
    auto s = state();
    if (!s)
        return s.error();
    for (NodeState &n : s.value().nodes) {
        if (n.intent == NodeIntent::Running || n.intent == NodeIntent::Paused)
            n.intent = NodeIntent::Stopped;
        n.pid = 0;
    }
    return saveState(s.value());
}

Status LocalCluster::restart()
{
    if (const Status s = stop(); !s)
        return s;
    auto started = start();
    if (!started)
        return started.error();
    return ok();
}

Status LocalCluster::down()
{
    if (!QDir(m_paths.dir()).exists())
        return failure(QStringLiteral("There is no local cluster named \"%1\".").arg(name()));
    if (exists()) {
        if (const Status s = stop(); !s)
            return s;
    }
    // Anything of this cluster still alive (a stray from an interrupted start) goes too.
    for (const qint64 pid : processtable::findByMarker(m_paths.clusterMarker())) {
        processtable::signal(pid, m_paths.clusterMarker(), SIGKILL);
        processtable::waitForExit(pid, m_paths.clusterMarker(), 10s);
    }
    report(QStringLiteral("Removing %1").arg(m_paths.dir()));
    if (!QDir(m_paths.dir()).removeRecursively())
        return failure(QStringLiteral("Could not remove %1 completely.").arg(m_paths.dir()));
    return ok();
}

Status LocalCluster::reset()
{
    auto seen = observe();
    if (!seen)
        return seen.error();
    const bool wasRunning = std::any_of(seen->cbegin(), seen->cend(),
                                        [](const NodeObservation &o) { return o.status == NodeStatus::Running; });
    if (const Status s = stop(); !s)
        return s;
    auto dist = KafkaDistribution::locate();
    if (!dist)
        return dist.error();
    auto s = state();
    if (!s)
        return s.error();
    report(QStringLiteral("Wiping the data of %1 nodes").arg(s->nodes.size()));
    for (const NodeState &n : s->nodes) {
        QDir(m_paths.nodeDataDir(n.id)).removeRecursively();
        QDir(m_paths.nodeLogDir(n.id)).removeRecursively();
        QFile::remove(m_paths.stdoutLog(n.id));
        QDir().mkpath(m_paths.nodeDataDir(n.id));
        QDir().mkpath(m_paths.nodeLogDir(n.id));
    }
    ClusterState fresh = s.value();
    fresh.clusterId = nodelauncher::generateClusterId();
    fresh.createdAt = QDateTime::currentDateTimeUtc();
    for (NodeState &n : fresh.nodes) {
        n.intent = NodeIntent::Stopped;
        n.pid = 0;
        n.startedAt = {};
    }
    report(QStringLiteral("Formatting fresh storage (cluster id %1)").arg(fresh.clusterId));
    if (const Status f = formatStorage(dist.value(), fresh); !f)
        return f;
    if (const Status w = saveState(fresh); !w)
        return w;
    if (!wasRunning)
        return ok();
    auto started = start();
    if (!started)
        return started.error();
    return ok();
}

} // namespace kafdesk
