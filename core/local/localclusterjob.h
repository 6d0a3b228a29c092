#pragma once

#include "cluster/metatypes.h"
#include "local/localcluster.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>

namespace kafdesk {

// What the local cluster panel does to one node.
enum class NodeAction { Start, Stop, Kill, Pause, Resume, Restart };

// Runs one blocking LocalCluster operation on a thread of its own and reports progress and the
// outcome through queued signals, so a GUI never waits on a JVM. Cancel() makes the operation's
// waits give up; the object may be destroyed only after finished() (or it waits for the thread).
class LocalClusterJob : public QObject {
    Q_OBJECT
public:
    // The operation gets a LocalCluster already wired to progress and cancellation.
    using Operation = std::function<Result<ClusterState>(LocalCluster &)>;

    LocalClusterJob(QString clusterName, QString clustersRoot, QString title, Operation operation,
                    QObject *parent = nullptr);
    ~LocalClusterJob() override;

    const QString &title() const { return m_title; }
    void start();
    void cancel() { m_cancel = true; }

    static Operation startCluster(LocalCluster::StartOptions options = {});
    static Operation stopCluster();
    // Wipes every node's data (LocalCluster::reset); the state after it.
    static Operation resetCluster();
    // One node's action; `force` takes it down even when that stalls the controller quorum.
    static Operation nodeAction(NodeAction action, int nodeId, bool force);
    // Whether the action waits for something that cancel() can give up (a node registering).
    static bool isCancellable(NodeAction action);

Q_SIGNALS:
    void progress(const QString &text);
    void succeeded(const kafdesk::ClusterState &state);
    void failed(const kafdesk::Error &error);
    void finished();

private:
    QString m_name;
    QString m_root;
    QString m_title;
    Operation m_operation;
    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
};

} // namespace kafdesk
