#pragma once

#include "cluster/metatypes.h"
#include "cluster/replicationhistory.h"
#include "local/clusterstate.h"
#include "local/localclusterjob.h"

#include <QMap>
#include <QObject>
#include <QPointer>

#include <memory>

namespace kafdesk {

// Starts and stops the bundled local cluster for the window, one job at a time, off the GUI
// thread (LocalClusterJob). Remembers whether this run of Kafdesk started it: only then is it
// stopped at quit (unless the user asked to keep it running).
//
// Two kinds of job: whole-cluster ones (start, stop, reset), which the window follows on its
// status page and which end in started() or stopped(), and panel actions (one node's action, or
// starting the nodes that are down while connected), which the Local cluster page follows in
// place and which end in nodeActionFinished() or nodeActionFailed().
class LocalClusterController : public QObject {
    Q_OBJECT
public:
    LocalClusterController(QString clusterName, QString clustersRoot, int newClusterBrokers, QObject *parent = nullptr);
    ~LocalClusterController() override;

    const QString &clusterName() const { return m_name; }
    const QString &clustersRoot() const { return m_root; }
    bool isBusy() const { return m_job != nullptr; }
    bool isStopping() const;
    // The running job is a panel action: the window stays on the page it shows.
    bool isNodeAction() const;
    // The running job waits for something cancel() can give up.
    bool isCancellable() const;
    QString busyTitle() const;
    bool startedByUs() const { return *m_startedByUs; }
    // The librdkafka settings that reach the cluster last started or attached to (bootstrap.servers
    // and, on a secure cluster, its admin's SASL_SSL settings), read by the start job off the GUI
    // thread; empty before the first start.
    QMap<QString, QString> clientConfig() const { return *m_clientConfig; }

    void start(); // or attach, when it runs already
    void stop();
    void cancel();
    // Wipes every node's data under a fresh cluster id; restarts the cluster if it ran.
    void reset();
    // Removes the cluster (all of its data) and creates it afresh, secured (SASL_SSL, SCRAM users,
    // ACLs) or plaintext: a cluster's security is chosen when it is created.
    void recreate(bool secure);
    // Panel actions. `force` takes a node down even when that stalls the controller quorum (the
    // user confirmed it).
    void runNodeAction(kafdesk::NodeAction action, int nodeId, bool force);
    // Starts every node that is not running, while the window stays connected.
    void startStoppedNodes();

Q_SIGNALS:
    void busy(const QString &title);
    void progress(const QString &text);
    void started(const kafdesk::ClusterState &state);
    void stopped();
    void failed(const kafdesk::Error &error);
    void idle();
    void nodeActionFinished(const kafdesk::ClusterState &state);
    void nodeActionFailed(const kafdesk::Error &error);
    // A node or cluster action the user asked for, as it begins: a marker for the timeline.
    void actionPerformed(const kafdesk::TimelineMarker &marker);

private:
    enum class Kind { Cluster, Panel };
    void run(LocalClusterJob *job, Kind kind, bool cancellable);
    void runPanelJob(const QString &title, LocalClusterJob::Operation operation, bool cancellable);
    void mark(const QString &text, int brokerId);

    QString m_name;
    QString m_root;
    int m_newClusterBrokers;
    QPointer<LocalClusterJob> m_job;
    std::shared_ptr<bool> m_startedByUs = std::make_shared<bool>(false);
    std::shared_ptr<QMap<QString, QString>> m_clientConfig = std::make_shared<QMap<QString, QString>>();
};

} // namespace kafdesk
