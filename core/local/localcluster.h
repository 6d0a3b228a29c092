#pragma once

#include "kafka/metadataclient.h"
#include "local/kafkadistribution.h"
#include "local/nodeconfig.h"
#include "local/clusterpaths.h"
#include "local/clusterstate.h"
#include "util/result.h"

#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>

namespace kafdesk {

// The bundled Apache Kafka cluster: 1 to 5 combined broker+controller KRaft nodes on 127.0.0.1,
// each a real `java kafka.Kafka` process. Every operation blocks until it is done (or fails), so
// call it from kafdesk-ctl or a worker thread, never the GUI thread. Its state lives on disk, so
// any process can act on a cluster another one started.
class LocalCluster {
public:
    using Progress = std::function<void(const QString &)>;

    static constexpr int maxNodes = 5;

    struct StartOptions {
        int brokers = 0;       // 0: the cluster's existing size, or 3 for a new one
        quint16 basePort = 0;  // 0: pick free ports; else brokers at base.., controllers after them
        std::chrono::milliseconds readyTimeout{std::chrono::seconds(120)};
        // A new cluster only: SASL_SSL with SCRAM-SHA-512 and ACLs (local/clustersecurity.h). An
        // existing cluster keeps what it was created with.
        bool secure = false;
    };

    // Exit codes kafdesk-ctl uses; NeedsForce marks a refusal that --force overrides.
    enum class Refusal { None, NeedsForce };

    explicit LocalCluster(QString name, QString clustersRoot = defaultClustersRoot());

    // $KAFDESK_CLUSTERS_DIR, else $XDG_DATA_HOME/kafdesk/clusters.
    static QString defaultClustersRoot();
    static Status validateName(const QString &name);
    static QStringList listNames(const QString &clustersRoot = defaultClustersRoot());

    const ClusterPaths &paths() const { return m_paths; }
    const QString &name() const { return m_paths.name(); }
    bool exists() const;

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    // Waits check this flag and return a "cancelled" error once it is set.
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }

    Result<ClusterState> state() const;
    Result<QList<NodeObservation>> observe() const;

    // Creates the cluster if needed, starts every node that is not running and waits until
    // librdkafka's metadata lists every node.
    Result<ClusterState> start(const StartOptions &options);
    Result<ClusterState> start();
    // Whole cluster: SIGTERM every node, SIGKILL what is left after a grace period.
    Status stop();
    Status restart();
    // Stops the cluster and removes its directory: nothing of it is left.
    Status down();
    // Wipes every node's data and formats fresh storage under a new cluster id; restarts it if it ran.
    Status reset();

    Status startNode(int id);
    Status stopNode(int id, bool force = false);
    Status killNode(int id, bool force = false);
    Status pauseNode(int id, bool force = false);
    Status resumeNode(int id);
    Status restartNode(int id);

    // Fails with a sentence when taking `goingDown` out of service leaves fewer running
    // controllers than the quorum needs (unless force).
    Status checkQuorum(const QList<int> &goingDown, bool force) const;
    Refusal lastRefusal() const { return m_lastRefusal; }

    // librdkafka settings that reach this cluster: bootstrap.servers, and on a secure cluster the
    // SASL_SSL settings of `user` (default: the admin) with its password and the cluster's CA.
    Result<QMap<QString, QString>> clientConfig(const QString &user = {}) const;
    // The --command-config file for Kafka's own tools (the admin's settings) on a secure
    // cluster; empty for a plaintext one.
    QString toolCommandConfig() const;

    // Waits until metadata lists exactly `expected` (sorted) as live brokers.
    Result<MetadataSnapshot> waitForBrokers(const QList<int> &expected, std::chrono::milliseconds timeout) const;

private:
    Result<ClusterState> create(const StartOptions &options);
    // The node configs of a new cluster, with its certificates and users when secure.
    Status writeNodeConfigs(const ClusterState &state, const QList<NodeSpec> &specs);
    // StorageTool format of every node (with the SCRAM users on a secure cluster).
    Status formatStorage(const KafkaDistribution &dist, const ClusterState &state);
    // The admin's settings (secure cluster) for `bootstrap`: LocalCluster's own checks.
    Result<QMap<QString, QString>> clientConfig(const ClusterState &state, const QString &bootstrap) const;
    Result<QMap<QString, QString>> clientConfigFor(const ClusterState &state, const QString &bootstrap,
                                                   const QString &user) const;
    Status launchNode(ClusterState &state, int id);
    Result<NodeState> requireNode(int id) const;
    Status saveState(const ClusterState &state) const;
    Status signalNode(int id, int signalNumber, NodeIntent intent, const QString &verb);
    // A node out of service (stop, kill, pause), guarded by the quorum check.
    Status takeDown(int id, bool force, int signalNumber, NodeIntent intent, const QString &verb);
    Status waitForNodeUp(int id, std::chrono::milliseconds timeout);
    QSet<quint16> portsOfOtherClusters() const;
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    void report(const QString &text) const;

    ClusterPaths m_paths;
    Progress m_progress;
    const std::atomic_bool *m_cancel = nullptr;
    mutable Refusal m_lastRefusal = Refusal::None;
};

} // namespace kafdesk
