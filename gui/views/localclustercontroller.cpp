#include "views/localclustercontroller.h"

#include "local/localcluster.h"
#include "local/localclusterjob.h"

#include <algorithm>

namespace kafdesk {

LocalClusterController::LocalClusterController(QString clusterName, QString clustersRoot, int newClusterBrokers,
                                               QObject *parent)
    : QObject(parent)
    , m_name(std::move(clusterName))
    , m_root(clustersRoot.isEmpty() ? LocalCluster::defaultClustersRoot() : std::move(clustersRoot))
    , m_newClusterBrokers(newClusterBrokers)
{
}

LocalClusterController::~LocalClusterController()
{
    delete m_job; // waits for a job that is still running
}

bool LocalClusterController::isStopping() const
{
    return m_job && m_job->property("stopping").toBool();
}

bool LocalClusterController::isNodeAction() const
{
    return m_job && m_job->property("panel").toBool();
}

bool LocalClusterController::isCancellable() const
{
    return m_job && m_job->property("cancellable").toBool();
}

QString LocalClusterController::busyTitle() const
{
    return m_job ? m_job->title() : QString();
}

void LocalClusterController::cancel()
{
    if (m_job && !isStopping() && isCancellable()) // stopping half-way helps nobody
        m_job->cancel();
}

void LocalClusterController::run(LocalClusterJob *job, Kind kind, bool cancellable)
{
    m_job = job;
    job->setProperty("panel", kind == Kind::Panel);
    job->setProperty("cancellable", cancellable);
    connect(job, &LocalClusterJob::progress, this, &LocalClusterController::progress);
    connect(job, &LocalClusterJob::finished, this, [this, job] {
        job->deleteLater();
        m_job = nullptr;
        Q_EMIT idle();
    });
    Q_EMIT busy(job->title());
    job->start();
}

namespace {

// The settings that reach a started cluster, read on the job's thread for the window to connect with.
Result<ClusterState> keepClientConfig(LocalCluster &c, Result<ClusterState> started,
                                      const std::shared_ptr<QMap<QString, QString>> &clientConfig)
{
    if (!started)
        return started;
    auto config = c.clientConfig();
    if (!config)
        return config.error();
    *clientConfig = config.value();
    return started;
}

} // namespace

void LocalClusterController::start()
{
    if (m_job)
        return;
    auto startedByUs = m_startedByUs;
    auto clientConfig = m_clientConfig;
    const int newClusterBrokers = m_newClusterBrokers;
    // Attaching to a cluster that already runs does not make it ours to stop at quit.
    auto operation = [startedByUs, clientConfig, newClusterBrokers](LocalCluster &c) -> Result<ClusterState> {
        LocalCluster::StartOptions options;
        bool allRunning = false;
        if (!c.exists()) {
            options.brokers = newClusterBrokers;
        } else if (auto seen = c.observe(); seen) {
            allRunning = std::all_of(seen->cbegin(), seen->cend(),
                                     [](const NodeObservation &o) { return o.status == NodeStatus::Running; });
        }
        auto started = c.start(options);
        if (started && !allRunning)
            *startedByUs = true;
        return keepClientConfig(c, std::move(started), clientConfig);
    };
    auto *job = new LocalClusterJob(m_name, m_root, tr("Starting the local cluster"), operation, this);
    connect(job, &LocalClusterJob::succeeded, this, &LocalClusterController::started);
    connect(job, &LocalClusterJob::failed, this, &LocalClusterController::failed);
    run(job, Kind::Cluster, true);
}

void LocalClusterController::stop()
{
    if (m_job)
        return;
    mark(tr("Stopped the cluster"), -1);
    auto *job = new LocalClusterJob(m_name, m_root, tr("Stopping the local cluster"), LocalClusterJob::stopCluster(),
                                    this);
    job->setProperty("stopping", true);
    connect(job, &LocalClusterJob::succeeded, this, [this] {
        *m_startedByUs = false;
        Q_EMIT stopped();
    });
    connect(job, &LocalClusterJob::failed, this, &LocalClusterController::failed);
    run(job, Kind::Cluster, false);
}

void LocalClusterController::reset()
{
    if (m_job)
        return;
    mark(tr("Reset the cluster (every node's data wiped)"), -1);
    auto *job = new LocalClusterJob(m_name, m_root, tr("Resetting the local cluster"), LocalClusterJob::resetCluster(),
                                    this);
    job->setProperty("stopping", true); // wiping half-way would leave a cluster that cannot start
    // A cluster that ran runs again, as a new cluster (new id, no topics): the window connects
    // afresh. One that did not run stays stopped.
    connect(job, &LocalClusterJob::succeeded, this, [this](const ClusterState &state) {
        const bool running = std::any_of(state.nodes.cbegin(), state.nodes.cend(),
                                [](const NodeState &n) { return n.intent == NodeIntent::Running; });
        if (running)
            Q_EMIT started(state);
        else
            Q_EMIT stopped();
    });
    connect(job, &LocalClusterJob::failed, this, &LocalClusterController::failed);
    run(job, Kind::Cluster, false);
}

void LocalClusterController::recreate(bool secure)
{
    if (m_job)
        return;
    mark(secure ? tr("Recreated the cluster, secured (SASL_SSL, ACLs)") : tr("Recreated the cluster, plaintext"), -1);
    auto startedByUs = m_startedByUs;
    auto clientConfig = m_clientConfig;
    const int fallbackBrokers = m_newClusterBrokers;
    auto operation = [startedByUs, clientConfig, fallbackBrokers, secure](LocalCluster &c) -> Result<ClusterState> {
        int brokers = fallbackBrokers; // the same size as before
        if (auto old = c.state(); old && !old->nodes.isEmpty())
            brokers = static_cast<int>(old->nodes.size());
        if (c.exists()) {
            if (const Status s = c.down(); !s)
                return s.error();
        }
        LocalCluster::StartOptions options;
        options.brokers = brokers;
        options.secure = secure;
        auto started = c.start(options);
        if (started)
            *startedByUs = true;
        return keepClientConfig(c, std::move(started), clientConfig);
    };
    auto *job = new LocalClusterJob(m_name, m_root,
                                    secure ? tr("Recreating the local cluster, secured")
                                           : tr("Recreating the local cluster, plaintext"),
                                    operation, this);
    job->setProperty("stopping", true); // removing half-way would leave nothing to start
    connect(job, &LocalClusterJob::succeeded, this, &LocalClusterController::started);
    connect(job, &LocalClusterJob::failed, this, &LocalClusterController::failed);
    run(job, Kind::Cluster, false);
}

void LocalClusterController::runNodeAction(NodeAction action, int nodeId, bool force)
{
    if (m_job)
        return;
    QString title;
    QString marker;
    switch (action) {
    case NodeAction::Start:
        title = tr("Starting node %1").arg(nodeId);
        marker = tr("Started node %1").arg(nodeId);
        break;
    case NodeAction::Stop:
        title = tr("Stopping node %1 (controlled shutdown)").arg(nodeId);
        marker = tr("Stopped node %1 (controlled shutdown)").arg(nodeId);
        break;
    case NodeAction::Kill:
        title = tr("Killing node %1").arg(nodeId);
        marker = tr("Killed node %1 (SIGKILL)").arg(nodeId);
        break;
    case NodeAction::Pause:
        title = tr("Pausing node %1").arg(nodeId);
        marker = tr("Paused node %1 (SIGSTOP)").arg(nodeId);
        break;
    case NodeAction::Resume:
        title = tr("Resuming node %1").arg(nodeId);
        marker = tr("Resumed node %1 (SIGCONT)").arg(nodeId);
        break;
    case NodeAction::Restart:
        title = tr("Restarting node %1").arg(nodeId);
        marker = tr("Restarted node %1").arg(nodeId);
        break;
    }
    mark(marker, nodeId);
    runPanelJob(title, LocalClusterJob::nodeAction(action, nodeId, force), LocalClusterJob::isCancellable(action));
}

void LocalClusterController::startStoppedNodes()
{
    if (m_job)
        return;
    mark(tr("Started the cluster"), -1);
    runPanelJob(tr("Starting the nodes that are down"), LocalClusterJob::startCluster(), true);
}

void LocalClusterController::runPanelJob(const QString &title, LocalClusterJob::Operation operation, bool cancellable)
{
    auto *job = new LocalClusterJob(m_name, m_root, title, std::move(operation), this);
    connect(job, &LocalClusterJob::succeeded, this, &LocalClusterController::nodeActionFinished);
    connect(job, &LocalClusterJob::failed, this, &LocalClusterController::nodeActionFailed);
    run(job, Kind::Panel, cancellable);
}

void LocalClusterController::mark(const QString &text, int brokerId)
{
    TimelineMarker marker;
    marker.timestamp = QDateTime::currentDateTimeUtc();
    marker.text = text;
    marker.brokerId = brokerId;
    marker.source = TimelineMarker::Source::User;
    Q_EMIT actionPerformed(marker);
}

} // namespace kafdesk
