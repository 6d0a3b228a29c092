#pragma once

// The threads behind FailureDrill (drill/failuredrill.h), internal to it. One controller thread
// prepares the topic, runs the kill schedule (LocalCluster's blocking calls), then drains and
// analyzes; beside it a producer thread and a consumer thread, each owning its librdkafka handle
// from creation to destruction. They share only atomics and, once joined, their ledgers.

#include "drill/drillledger.h"
#include "drill/failuredrill.h"

#include <QElapsedTimer>
#include <QMutex>

#include <atomic>
#include <functional>
#include <optional>
#include <thread>

namespace kafdesk {

// Where the run's news goes. Called on the run's threads: each must only post (queued).
struct DrillCallbacks {
    std::function<void(const DrillProgress &)> progress;
    std::function<void(const DrillKill &)> killed;
    std::function<void(const DrillKill &)> restarted;
    std::function<void(const Result<DrillReport> &)> finished; // the last call of a run
};

class DrillRun {
public:
    DrillRun(DrillConfig config, DrillCallbacks callbacks);
    ~DrillRun(); // cancels and joins
    DrillRun(const DrillRun &) = delete;
    DrillRun &operator=(const DrillRun &) = delete;

    void start();
    void requestFinish() { m_finish = true; }
    void requestCancel() { m_cancel = true; }
    void join();

private:
    void control();
    Result<DrillReport> drive();
    Status prepare(DrillReport &report, ClusterOperations &ops, QMap<int, qint64> &startOffsets);
    void runSchedule(DrillReport &report, ClusterOperations &ops);
    void produceLoop();
    void consumeLoop(QMap<int, qint64> startOffsets);
    // A second read of every partition from `startOffsets` to m_targets with a fresh consumer, once
    // producing and the live consumer are done: each partition's seqs in log order. Empty when it
    // could not reach every end.
    std::optional<std::vector<std::vector<qint64>>> readBack(const QMap<int, qint64> &startOffsets);
    Result<QMap<int, qint64>> endOffsets(ClusterOperations &ops);

    // Sleeps up to `ms` in small steps; false as soon as the drill is asked to stop.
    bool pause(qint64 ms) const;
    bool stopping() const { return m_cancel || m_finish; }
    void setPhase(DrillProgress::Phase phase, const QString &text);
    void tickProgress();

    DrillConfig m_config;
    DrillCallbacks m_callbacks;
    QByteArray m_runId;
    int m_partitions = 0;
    QElapsedTimer m_clock;

    std::atomic_bool m_cancel{false};
    std::atomic_bool m_finish{false};
    std::atomic_bool m_stopProducing{false};
    std::atomic_bool m_producerDone{false};
    std::atomic_bool m_consumerDone{false};
    std::atomic<qint64> m_sent{0};
    std::atomic<qint64> m_acknowledged{0};
    std::atomic<qint64> m_failed{0};
    std::atomic<qint64> m_consumed{0};
    std::atomic<int> m_killsDone{0};
    std::atomic<qint64> m_lastProgressMs{-1000};

    QMutex m_phaseMutex; // guards the two below
    DrillProgress::Phase m_phase = DrillProgress::Phase::Preparing;
    QString m_phaseText;

    // Set by the controller before m_targetsSet; read by the consumer after it.
    QMap<int, qint64> m_targets;
    std::atomic_bool m_targetsSet{false};
    std::atomic<qint64> m_drainDeadlineMs{0}; // m_clock time after which the consumer gives up

    // Each owned by its thread while it runs; read by the controller after joining it.
    std::vector<DrillPartitionLedger> m_producerLedger;
    std::vector<std::vector<qint64>> m_consumedSeqs;
    QStringList m_producerNotes;
    QStringList m_consumerNotes;
    bool m_drainedToEnd = false;
    qint64 m_consumerRereads = 0;
    int m_producerRenewals = 0;

    std::thread m_controller;
    std::thread m_producer;
    std::thread m_consumer;
};

} // namespace kafdesk
