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

QString LocalClusterController::busyTitle() const
{
    return m_job ? m_job->title() : QString();
}

void LocalClusterController::cancel()
{
    if (m_job && !isStopping()) // stopping half-way helps nobody
        m_job->cancel();
}

void LocalClusterController::run(LocalClusterJob *job)
{
    m_job = job;
    connect(job, &LocalClusterJob::progress, this, &LocalClusterController::progress);
    connect(job, &LocalClusterJob::finished, this, [this, job] {
        job->deleteLater();
        m_job = nullptr;
        Q_EMIT idle();
    });
    Q_EMIT busy(job->title());
    job->start();
}

void LocalClusterController::start()
{
    if (m_job)
        return;
    auto startedByUs = m_startedByUs;
    const int newClusterBrokers = m_newClusterBrokers;
    // Attaching to a cluster that already runs does not make it ours to stop at quit.
    auto operation = [startedByUs, newClusterBrokers](LocalCluster &c) -> Result<ClusterState> {
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
        return started;
    };
    auto *job = new LocalClusterJob(m_name, m_root, tr("Starting the local cluster"), operation, this);
    connect(job, &LocalClusterJob::succeeded, this, &LocalClusterController::started);
    connect(job, &LocalClusterJob::failed, this, &LocalClusterController::failed);
    run(job);
}

void LocalClusterController::stop()
{
    if (m_job)
        return;
    auto *job = new LocalClusterJob(m_name, m_root, tr("Stopping the local cluster"), LocalClusterJob::stopCluster(),
                                    this);
    job->setProperty("stopping", true);
    connect(job, &LocalClusterJob::succeeded, this, [this] {
        *m_startedByUs = false;
        Q_EMIT stopped();
    });
    connect(job, &LocalClusterJob::failed, this, &LocalClusterController::failed);
    run(job);
}

} // namespace kafdesk
