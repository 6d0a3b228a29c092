#include "cluster/clustersession.h"

#include "cluster/snapshotdiff.h"

#include <QHash>
#include <QMutex>
#include <QTimer>

namespace kafdesk {

namespace {
constexpr int maxBackoffMs = 30000;
}

QString connectionStateName(ConnectionState state)
{
    switch (state) {
    case ConnectionState::Connecting:
        return QStringLiteral("connecting");
    case ConnectionState::Connected:
        return QStringLiteral("connected");
    case ConnectionState::Degraded:
        return QStringLiteral("degraded");
    case ConnectionState::Lost:
        return QStringLiteral("lost");
    }
    return {};
}

// Lives on the session thread: owns ClusterOperations, runs jobs, polls snapshots.
class ClusterSessionWorker : public QObject {
    Q_OBJECT
public:
    ClusterSessionWorker(ConnectionSettings settings, int intervalMs)
        : m_settings(std::move(settings))
        , m_intervalMs(intervalMs)
    {
    }

    void begin()
    {
        Q_ASSERT(QThread::currentThread() == thread());
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &ClusterSessionWorker::poll);
        connectIfNeeded();
        poll();
    }

    void run(const std::shared_ptr<std::atomic_bool> &cancel, const ClusterSession::Job &job)
    {
        Q_ASSERT(QThread::currentThread() == thread());
        if (cancel->load()) {
            const Error e = cancelledError();
            job(nullptr, &e);
            return;
        }
        connectIfNeeded();
        if (!m_ops) {
            job(nullptr, &m_connectError);
            return;
        }
        m_ops->admin().setCancelFlag(cancel.get());
        job(m_ops.get(), nullptr);
        m_ops->admin().setCancelFlag(nullptr);
    }

    void poll()
    {
        Q_ASSERT(QThread::currentThread() == thread());
        connectIfNeeded();
        if (!m_ops) {
            Q_EMIT pollFailed(m_connectError);
            schedule(false);
            return;
        }
        auto md = m_ops->metadata().fetch(std::min(m_intervalMs * 2, 5000), true);
        if (!md) {
            Q_EMIT pollFailed(md.error());
            schedule(false);
            return;
        }
        auto snap = std::make_shared<ClusterSnapshot>(ClusterSnapshot::fromMetadata(md.value(), m_last.get()));
        QList<ReplicationEvent> events;
        if (m_last)
            events = diffSnapshots(*m_last, *snap);
        m_last = snap;
        Q_EMIT snapshotReady(snap, events);
        schedule(true);
    }

    void setInterval(int ms)
    {
        m_intervalMs = ms;
        if (m_timer && m_timer->isActive())
            m_timer->start(ms);
    }

    void finish()
    {
        delete m_timer;
        m_timer = nullptr;
        m_ops.reset(); // librdkafka handles are destroyed on the thread that used them
    }

Q_SIGNALS:
    void snapshotReady(const kafdesk::ClusterSnapshotPtr &snapshot, const QList<kafdesk::ReplicationEvent> &events);
    void pollFailed(const kafdesk::Error &error);

private:
    void connectIfNeeded()
    {
        if (m_ops)
            return;
        auto ops = ClusterOperations::connect(m_settings);
        if (ops)
            m_ops = std::move(ops).value();
        else
            m_connectError = ops.error();
    }

    // Back-off after failures (interval, 2x, 4x ... 30 s); back to the interval on success.
    void schedule(bool succeeded)
    {
        m_backoffMs = succeeded ? 0 : std::min(maxBackoffMs, m_backoffMs ? m_backoffMs * 2 : m_intervalMs);
        if (m_timer)
            m_timer->start(succeeded ? m_intervalMs : m_backoffMs);
    }

    ConnectionSettings m_settings;
    int m_intervalMs;
    int m_backoffMs = 0;
    std::unique_ptr<ClusterOperations> m_ops;
    Error m_connectError;
    std::shared_ptr<const ClusterSnapshot> m_last;
    QTimer *m_timer = nullptr;
};

ClusterSession::ClusterSession(ConnectionSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_cancelFlags(std::make_shared<QHash<quint64, std::shared_ptr<std::atomic_bool>>>())
{
    // Requests and metadata polls run on threads of their own, each with its own clients: a
    // request stuck on a dead broker (until its timeout) must not hold back the snapshots that
    // show the broker is dead.
    m_worker = new ClusterSessionWorker(m_settings, 5000);
    m_thread.setObjectName(QStringLiteral("kafdesk-session"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_poller = new ClusterSessionWorker(m_settings, 5000);
    m_pollThread.setObjectName(QStringLiteral("kafdesk-poll"));
    m_poller->moveToThread(&m_pollThread);
    connect(&m_pollThread, &QThread::finished, m_poller, &QObject::deleteLater);
    connect(m_poller, &ClusterSessionWorker::snapshotReady, this,
            [this](const ClusterSnapshotPtr &snap, const QList<ReplicationEvent> &events) {
                onSnapshot(snap);
                if (!events.isEmpty())
                    Q_EMIT replicationEvents(events);
            },
            Qt::QueuedConnection);
    connect(m_poller, &ClusterSessionWorker::pollFailed, this, &ClusterSession::onPollFailed, Qt::QueuedConnection);
}

ClusterSession::~ClusterSession()
{
    for (const auto &flag : std::as_const(*m_cancelFlags))
        flag->store(true);
    const auto stop = [](QThread &thread, ClusterSessionWorker *worker) {
        if (thread.isRunning() && worker) {
            QMetaObject::invokeMethod(worker, &ClusterSessionWorker::finish, Qt::BlockingQueuedConnection);
            thread.quit();
            thread.wait();
        } else {
            delete worker;
        }
    };
    stop(m_pollThread, m_poller);
    stop(m_thread, m_worker);
}

void ClusterSession::retire(ClusterSession *session)
{
    if (!session)
        return;
    session->disconnect(); // nobody hears from it any more
    session->m_retired = true;
    session->setParent(nullptr);
    for (const auto &flag : std::as_const(*session->m_cancelFlags))
        flag->store(true);
    if (!session->m_thread.isRunning()) {
        delete session;
        return;
    }
    // Each worker is deleted when its thread finishes (the connections made in the constructor);
    // the session goes once both have.
    auto running = std::make_shared<int>(2);
    for (auto [thread, worker] : {std::pair{&session->m_thread, &session->m_worker},
                                  std::pair{&session->m_pollThread, &session->m_poller}}) {
        connect(thread, &QThread::finished, session, [session, worker = worker, running] {
            *worker = nullptr;
            if (--*running == 0)
                delete session;
        }, Qt::QueuedConnection);
        QMetaObject::invokeMethod(*worker, [w = *worker] {
            w->finish();
            QThread::currentThread()->quit();
        }, Qt::QueuedConnection);
    }
}

void ClusterSession::start()
{
    m_thread.start();
    m_pollThread.start();
    QMetaObject::invokeMethod(m_poller, &ClusterSessionWorker::begin, Qt::QueuedConnection);
}

void ClusterSession::setPollInterval(int ms)
{
    QMetaObject::invokeMethod(m_poller, [w = m_poller, ms] { w->setInterval(ms); }, Qt::QueuedConnection);
}

void ClusterSession::refreshNow()
{
    QMetaObject::invokeMethod(m_poller, &ClusterSessionWorker::poll, Qt::QueuedConnection);
}

void ClusterSession::post(quint64 id, Job job)
{
    auto flag = std::make_shared<std::atomic_bool>(false);
    m_cancelFlags->insert(id, flag);
    QPointer<ClusterSession> self(this);
    auto flags = m_cancelFlags;
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, flag, job = std::move(job), self, id] {
            w->run(flag, job);
            if (self)
                QMetaObject::invokeMethod(self.data(), [self, id] { self->m_cancelFlags->remove(id); },
                                          Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void ClusterSession::cancel(quint64 requestId)
{
    if (const auto flag = m_cancelFlags->value(requestId))
        flag->store(true);
}

void ClusterSession::onSnapshot(const ClusterSnapshotPtr &snapshot)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_latest = snapshot;
    const bool anyDown = std::any_of(snapshot->brokers.cbegin(), snapshot->brokers.cend(),
                                     [](const BrokerState &b) { return !b.alive; });
    const ConnectionState next = anyDown ? ConnectionState::Degraded : ConnectionState::Connected;
    if (next != m_state) {
        m_state = next;
        Q_EMIT stateChanged(m_state, Error{});
    }
    Q_EMIT snapshotReady(snapshot);
}

void ClusterSession::onPollFailed(const Error &error)
{
    Q_ASSERT(QThread::currentThread() == thread());
    // A first connection that fails counts as lost too once it was tried: each failure says why.
    m_state = ConnectionState::Lost;
    Q_EMIT stateChanged(m_state, error);
}

} // namespace kafdesk

#include "clustersession.moc"
