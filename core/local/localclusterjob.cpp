#include "local/localclusterjob.h"

namespace kafdesk {

LocalClusterJob::LocalClusterJob(QString clusterName, QString clustersRoot, QString title, Operation operation,
                                 QObject *parent)
    : QObject(parent)
    , m_name(std::move(clusterName))
    , m_root(std::move(clustersRoot))
    , m_title(std::move(title))
    , m_operation(std::move(operation))
{
}

LocalClusterJob::~LocalClusterJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

void LocalClusterJob::start()
{
    Q_ASSERT(!m_thread);
    m_thread = QThread::create([this] {
        LocalCluster cluster(m_name, m_root);
        cluster.setCancelFlag(&m_cancel);
        cluster.setProgress([this](const QString &text) { Q_EMIT progress(text); });
        const Result<ClusterState> result = m_operation(cluster);
        if (result)
            Q_EMIT succeeded(result.value());
        else
            Q_EMIT failed(result.error());
    });
    m_thread->setObjectName(QStringLiteral("kafdesk-local-cluster"));
    // Signals emitted on the job thread reach receivers on their own threads (queued).
    connect(m_thread, &QThread::finished, this, &LocalClusterJob::finished, Qt::QueuedConnection);
    m_thread->start();
}

LocalClusterJob::Operation LocalClusterJob::startCluster(LocalCluster::StartOptions options)
{
    return [options](LocalCluster &c) { return c.start(options); };
}

LocalClusterJob::Operation LocalClusterJob::stopCluster()
{
    return [](LocalCluster &c) -> Result<ClusterState> {
        if (const Status s = c.stop(); !s)
            return s.error();
        return c.state();
    };
}

LocalClusterJob::Operation LocalClusterJob::resetCluster()
{
    return [](LocalCluster &c) -> Result<ClusterState> {
        if (const Status s = c.reset(); !s)
            return s.error();
        return c.state();
    };
}

LocalClusterJob::Operation LocalClusterJob::nodeAction(NodeAction action, int nodeId, bool force)
{
    return [action, nodeId, force](LocalCluster &c) -> Result<ClusterState> {
        Status done = ok();
        switch (action) {
        case NodeAction::Start: done = c.startNode(nodeId); break;
        case NodeAction::Stop: done = c.stopNode(nodeId, force); break;
        case NodeAction::Kill: done = c.killNode(nodeId, force); break;
        case NodeAction::Pause: done = c.pauseNode(nodeId, force); break;
        case NodeAction::Resume: done = c.resumeNode(nodeId); break;
        case NodeAction::Restart: done = c.restartNode(nodeId); break;
        }
        if (!done)
            return done.error();
        return c.state();
    };
}

bool LocalClusterJob::isCancellable(NodeAction action)
{
    // Stop, kill and pause wait for a process to exit or stop: giving that up half-way helps nobody.
    return action == NodeAction::Start || action == NodeAction::Resume || action == NodeAction::Restart;
}

} // namespace kafdesk
