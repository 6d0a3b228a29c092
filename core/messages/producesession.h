#pragma once

#include "admin/clusteroperations.h"
#include "kafka/producer.h"
#include "messages/producerequest.h"

#include <QList>
#include <QMetaType>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class QThread;

namespace kafdesk {

// How far one send has come. A message counts as delivered only once its delivery report says so.
struct ProduceProgress {
    quint64 sendId = 0;
    int total = 0;     // copies asked for
    int delivered = 0; // acknowledged by the broker (as far as the acks setting asks)
    int failed = 0;    // reported as failed (refused, timed out, cancelled)
    bool finished = false;
    bool cancelled = false;
    std::optional<Error> error; // the send as a whole failed before producing (nothing was sent)
    int pending() const { return total - delivered - failed; }
};

// Produces messages on a worker thread of its own, with a producer handle of its own made from the
// connection's settings (the admin session's handles are not used). send() returns at once; the
// worker checks the topic and partition against the cluster, queues every copy and reports
// deliveries back here in batches (about every 50 ms) as values. One send at a time.
//
// Read-only connections are refused (by Producer::create, the single place). Create, use and
// destroy it on one thread: the destructor cancels what is running and returns within a few
// hundred milliseconds at most; the worker flushes and closes the handle on its own.
class ProduceSession : public QObject {
    Q_OBJECT
public:
    explicit ProduceSession(ConnectionSettings settings, QObject *parent = nullptr);
    ~ProduceSession() override;

    const ConnectionSettings &settings() const { return m_settings; }

    // Starts a send and returns its id, or refuses at once (badInput) when the request is not
    // valid or a send is running. The topic's existence and the partition are checked on the
    // worker against the cluster: a failure there ends the send with finished(error), before any
    // message is queued.
    Result<quint64> send(const ProduceRequest &request);
    // Stops queueing copies and drops the ones queued but not sent; their reports say so.
    void cancel();
    bool isBusy() const { return m_busy; }
    const ProduceProgress &progress() const { return m_progress; }

    // Reports are batched every this many milliseconds.
    static constexpr int batchIntervalMs = 50;

Q_SIGNALS:
    // New delivery reports of the send, in the order librdkafka reported them.
    void delivered(quint64 sendId, const QList<kafdesk::DeliveryReport> &reports);
    void progressChanged(const kafdesk::ProduceProgress &progress);
    // The send is over: every copy has its report, or it was cancelled, or it failed as a whole.
    void finished(const kafdesk::ProduceProgress &progress);

private:
    struct Gate;
    struct WorkerState;
    void onBatch(quint64 sendId, const QList<DeliveryReport> &reports, int deliveredCount, int failedCount);
    void onFinished(quint64 sendId, int deliveredCount, int failedCount, bool cancelled,
                    const std::optional<Error> &error);

    ConnectionSettings m_settings;
    QThread *m_thread = nullptr;
    QObject *m_worker = nullptr; // lives on m_thread: the context its jobs run in
    std::shared_ptr<Gate> m_gate;
    std::shared_ptr<WorkerState> m_state; // touched on the worker thread only
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_nextSendId = 1;
    bool m_busy = false;
    ProduceProgress m_progress;
};

} // namespace kafdesk

Q_DECLARE_METATYPE(kafdesk::ProduceProgress)
