#pragma once

#include "admin/clusteroperations.h"
#include "kafka/producer.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <memory>

namespace kafdesk {

// What the automatic schedule does to a node, and how it brings it back.
enum class DrillFault : quint8 {
    Kill,  // SIGKILL, as a crash or a power cut would; started again after the outage
    Pause, // SIGSTOP, as a long GC pause or a frozen VM would; resumed (SIGCONT) after the outage
    Stop,  // SIGTERM: a controlled shutdown (leaderships move first); started again after the outage
};

// "kill", "pause", "stop" (also the JSON report's words).
QString drillFaultName(DrillFault fault);

// A failure drill: a producer writes sequence-numbered messages to a topic while brokers are
// broken on purpose, a consumer reads them back, and the report says what became of each
// acknowledged message. The check is Kafka's own guarantee: every acknowledged value must be
// consumed, and (with idempotence) none twice.
struct DrillConfig {
    ConnectionSettings connection;
    QString topic;
    // Create the topic first (it must not exist yet); otherwise it must exist.
    bool createTopic = true;
    int partitions = 6;
    int replicationFactor = 3;
    int minInsyncReplicas = 2;
    Acks acks = Acks::All;     // All or Leader (acks=1)
    bool idempotence = true;   // only with acks=all
    int messagesPerSecond = 500;
    // The automatic schedule: kill the leader of partition 0 every killInterval, `kills` times,
    // restarting the node before the next kill. Needs the bundled cluster (clusterName). kills 0:
    // the user breaks brokers (or not) and finishes the drill after `duration`, or with finish().
    // `kills` counts every fault of the schedule, whatever its kind (see `faults`).
    int kills = 5;
    std::chrono::milliseconds killInterval{std::chrono::seconds(10)};
    // The kinds of fault, applied in turn: fault k is faults[k % size]. Empty: kills only.
    QList<DrillFault> faults;
    // Fault k's victim is the leader of partition k % partitions, so the faults chase leaders
    // across the topic (and its nodes); false: always the leader of partition 0.
    bool chasePartitions = false;
    // Before the next fault, every topic of the cluster must have its full ISR again, not only the
    // drill's: for traffic of others beside the drill, so that at most one node is ever out for them too.
    bool recoverAllTopics = false;
    std::chrono::milliseconds duration{std::chrono::seconds(60)}; // with kills 0 only
    QString clusterName;  // the bundled cluster to kill nodes of; empty: an external cluster
    QString clustersRoot; // empty: LocalCluster::defaultClustersRoot()
};

// A first check before anything is sent: a sentence per problem (empty when fine).
QStringList validateDrillConfig(const DrillConfig &config);

// One fault of the schedule (named for its first kind: a kill).
struct DrillKill {
    DrillFault fault = DrillFault::Kill;
    QDateTime killedAt; // UTC: when the node was killed, paused or stopped
    int node = -1;
    int partition = 0;  // the partition whose leader it was
    QDateTime restartedAt; // invalid: not restarted or resumed (yet)
    // Added by the engine: `partition`'s leader once metadata showed a new one (-1: not seen),
    // and the longest time any partition the node led went without a live leader after the kill
    // (ms, as seen by metadata polled about every 250 ms; -1: not measured).
    int newLeader = -1;
    qint64 leaderlessMs = -1;
    // When every partition of the topic had its full ISR again after the restart (invalid: not
    // seen). restartedAt is when the restarted node registered with the controller again.
    QDateTime recoveredAt;
};

struct DrillPartitionReport {
    int partition = -1;
    qint64 sent = 0;         // handed to the producer
    qint64 acknowledged = 0; // delivery reports without an error
    qint64 failed = 0;       // delivery reports with an error (not acknowledged, so not lost)
    qint64 consumed = 0;     // messages read back, duplicates included
    qint64 lost = 0;         // acknowledged but never consumed
    qint64 duplicated = 0;   // consumed more than once (each extra copy counts one)
    qint64 outOfOrder = 0;   // consumed after a higher sequence number of the same partition
    qint64 unacknowledgedButConsumed = 0; // failed or unanswered, yet written (allowed by Kafka)
};

struct DrillReport {
    DrillConfig config;
    QDateTime startedAt;  // UTC
    QDateTime finishedAt; // UTC
    QList<DrillPartitionReport> partitions; // by partition id
    DrillPartitionReport total;             // partition -1: the sums
    QList<DrillKill> kills;
    bool cancelled = false;
    // Added by the engine:
    QString runId;             // in every message's value and its kafdesk-drill-run header
    bool topicCreated = false; // the drill created the topic (else it used an existing one)
    bool drainedToEnd = true;  // the consumer reached every partition's end as of the last send
    QStringList notes;         // what went differently than planned, a sentence each
    int producerRenewals = 0;  // new producers after a fatal producer error (librdkafka 2.0.2, see notes)
    qint64 rereads = 0;        // messages the consumer read again at offsets it had read (not counted above)
    // Kafka's own check: nothing acknowledged was lost, and with idempotence nothing duplicated.
    bool guaranteeHeld() const;
    // What the settings promise held: acks=all promises nothing acknowledged is lost (acks=1 does
    // not, under a leader failure); idempotence promises no duplicates and no reordering.
    bool promiseHeld() const;
};

// The outcome in words a learner follows, a paragraph per point (why messages were lost or
// duplicated, or why none were, given acks and idempotence).
QStringList explainDrill(const DrillReport &report);

struct DrillProgress {
    enum class Phase { Preparing, Producing, Killing, Restarting, Draining, Verifying, Done };
    Phase phase = Phase::Preparing;
    QString text; // what is happening, one sentence
    qint64 sent = 0;
    qint64 acknowledged = 0;
    qint64 failed = 0;
    qint64 consumed = 0;
    int killsDone = 0;
    int killsPlanned = 0;
};

// "preparing", "producing", ... for progress lines.
QString drillPhaseName(DrillProgress::Phase phase);

// Runs one drill on worker threads of its own (producer, consumer, kill schedule); results come
// back as values through queued signals. Create, use and destroy it on one thread; destruction
// cancels and waits.
class FailureDrill : public QObject {
    Q_OBJECT
public:
    explicit FailureDrill(QObject *parent = nullptr);
    ~FailureDrill() override;

    bool isRunning() const;
    // Refused (a sentence) when a drill is running or the config is bad.
    Status start(const DrillConfig &config);
    // Ends the drill early but properly: stops producing, drains, verifies, reports.
    void finish();
    // Stops everything at once; finished() reports cancelled with what was counted.
    void cancel();

Q_SIGNALS:
    void progress(const kafdesk::DrillProgress &progress);
    // A node the schedule killed (killedAt set), and later the same kill once restarted.
    void nodeKilled(const kafdesk::DrillKill &kill);
    void nodeRestarted(const kafdesk::DrillKill &kill);
    void finished(const kafdesk::Result<kafdesk::DrillReport> &report);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kafdesk

Q_DECLARE_METATYPE(kafdesk::DrillProgress)
Q_DECLARE_METATYPE(kafdesk::DrillKill)
Q_DECLARE_METATYPE(kafdesk::Result<kafdesk::DrillReport>)
