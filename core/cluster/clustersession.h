#pragma once

#include "admin/clusteroperations.h"
#include "cluster/clustersnapshot.h"
#include "cluster/metatypes.h"
#include "cluster/replicationevent.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace kafdesk {

enum class ConnectionState { Connecting, Connected, Degraded, Lost };
QString connectionStateName(ConnectionState state);

class ClusterSessionWorker;

// One per connected cluster. Its worker thread owns every librdkafka handle (through
// ClusterOperations); requests run there one after another, in the order submitted, and their
// results come back as values on the thread that owns the session. It polls a ClusterSnapshot
// on an interval, turns each change into ReplicationEvents, and tracks the connection state
// with automatic reconnect and back-off. Create, use and destroy it on one thread.
class ClusterSession : public QObject {
    Q_OBJECT
public:
    explicit ClusterSession(ConnectionSettings settings, QObject *parent = nullptr);
    // Waits for the request in progress (a metadata fetch from a dead cluster can take seconds):
    // a GUI that switches clusters uses retire() instead.
    ~ClusterSession() override;

    // Takes the session over and returns at once: it sends no more signals, cancels what is
    // queued, lets the request in progress end on the worker thread, and deletes itself then.
    static void retire(ClusterSession *session);

    const ConnectionSettings &settings() const { return m_settings; }
    ConnectionState state() const { return m_state; }
    ClusterSnapshotPtr latestSnapshot() const { return m_latest; }

    void start();
    void setPollInterval(int ms);
    void refreshNow();

    // Runs `work` on the session thread after every request submitted before it. `done` is called
    // on this session's thread with the result, unless `context` is gone by then (or the request
    // was cancelled: then it gets the "Cancelled." error). Returns an id for cancel().
    template <typename T>
    quint64 submit(std::function<Result<T>(ClusterOperations &)> work, QObject *context,
                   std::function<void(const Result<T> &)> done);
    // Stops a queued request, or makes a running one's waits give up.
    void cancel(quint64 requestId);

Q_SIGNALS:
    void snapshotReady(const kafdesk::ClusterSnapshotPtr &snapshot);
    void replicationEvents(const QList<kafdesk::ReplicationEvent> &events);
    void stateChanged(kafdesk::ConnectionState state, const kafdesk::Error &error);

private:
    using Job = std::function<void(ClusterOperations *, const Error *)>;
    void post(quint64 id, Job job);
    void onSnapshot(const ClusterSnapshotPtr &snapshot);
    void onPollFailed(const Error &error);

    ConnectionSettings m_settings;
    QThread m_thread;
    ClusterSessionWorker *m_worker = nullptr; // lives on m_thread: runs the submitted requests
    QThread m_pollThread;
    ClusterSessionWorker *m_poller = nullptr; // lives on m_pollThread: polls the snapshots
    ConnectionState m_state = ConnectionState::Connecting;
    ClusterSnapshotPtr m_latest;
    quint64 m_nextId = 1;
    bool m_retired = false; // results of a retired session reach nobody
    std::shared_ptr<QHash<quint64, std::shared_ptr<std::atomic_bool>>> m_cancelFlags;
    friend class ClusterSessionWorker;
};

template <typename T>
quint64 ClusterSession::submit(std::function<Result<T>(ClusterOperations &)> work, QObject *context,
                               std::function<void(const Result<T> &)> done)
{
    const quint64 id = m_nextId++;
    QPointer<QObject> receiver(context);
    QPointer<ClusterSession> self(this);
    post(id, [work = std::move(work), done = std::move(done), receiver, self](ClusterOperations *ops,
                                                                             const Error *unavailable) {
        // Runs on the worker thread; the result crosses back as a value.
        auto result = std::make_shared<Result<T>>(ops ? work(*ops) : Result<T>(*unavailable));
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, receiver, done, result] {
                if (receiver && !self->m_retired)
                    done(*result);
            },
            Qt::QueuedConnection);
    });
    return id;
}

} // namespace kafdesk

Q_DECLARE_METATYPE(kafdesk::ConnectionState)
