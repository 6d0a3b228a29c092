#include "messages/producesession.h"

#include "messages/producepayload.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>

namespace kafdesk {

// Lets the worker post to the session only while it exists: the destructor closes it first.
struct ProduceSession::Gate {
    QMutex mutex;
    ProduceSession *session = nullptr;
};

// The producer, kept across sends with the same settings (an idempotent producer's set-up costs a
// round trip). Worker thread only.
struct ProduceSession::WorkerState {
    std::unique_ptr<Producer> producer;

    void close()
    {
        if (!producer)
            return;
        producer->purge();
        producer->poll(0);
        producer->flush(500);
        producer.reset();
    }
};

namespace {

constexpr int metadataTimeoutMs = 10000;

ProducerConfig producerConfig(const ConnectionSettings &settings, const ProduceRequest &request)
{
    ProducerConfig config;
    config.clientConfig = settings.clientConfig;
    config.connectionName = settings.name;
    config.readOnly = settings.readOnly;
    config.acks = request.acks;
    config.idempotence = request.idempotence;
    config.compression = request.compression;
    return config;
}

} // namespace

ProduceSession::ProduceSession(ConnectionSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_thread(new QThread)
    , m_worker(new QObject)
    , m_gate(std::make_shared<Gate>())
    , m_state(std::make_shared<WorkerState>())
{
    m_gate->session = this;
    m_thread->setObjectName(QStringLiteral("kafdesk-produce"));
    m_worker->moveToThread(m_thread);
    m_thread->start();
}

ProduceSession::~ProduceSession()
{
    {
        QMutexLocker lock(&m_gate->mutex);
        m_gate->session = nullptr;
    }
    if (m_cancel)
        m_cancel->store(true);
    // The running send sees the cancel flag and ends; then the handle is closed on the worker,
    // the worker object is deleted when its thread ends, and the thread ends.
    QObject *worker = m_worker;
    QMetaObject::invokeMethod(
        worker,
        [state = m_state, worker] {
            state->close();
            worker->deleteLater();
            QThread::currentThread()->quit();
        },
        Qt::QueuedConnection);
    QThread *thread = m_thread;
    if (thread->wait(300)) {
        delete thread;
        return;
    }
    // Still closing (a broker that does not answer): let it finish on its own.
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    if (thread->isFinished())
        thread->deleteLater();
}

Result<quint64> ProduceSession::send(const ProduceRequest &request)
{
    if (m_busy)
        return Error{tr("A send is still running: wait for it or cancel it."), {}, true};
    auto plan = produce::ProducePlan::make(request);
    if (!plan)
        return plan.error();

    const quint64 sendId = m_nextSendId++;
    m_busy = true;
    m_progress = ProduceProgress{};
    m_progress.sendId = sendId;
    m_progress.total = request.copies;
    m_cancel = std::make_shared<std::atomic_bool>(false);

    const ProducerConfig config = producerConfig(m_settings, request);
    QMetaObject::invokeMethod(
        m_worker,
        [state = m_state, gate = m_gate, cancel = m_cancel, config, plan = std::move(plan).value(), sendId] {
            // Worker thread from here on.
            int delivered = 0;
            int failed = 0;
            QList<DeliveryReport> batch;
            QElapsedTimer sinceBatch;
            sinceBatch.start();
            auto take = [&](QList<DeliveryReport> reports) {
                for (const DeliveryReport &r : reports)
                    (r.ok() ? delivered : failed)++;
                batch.append(std::move(reports));
            };
            auto postBatch = [&](bool force) {
                if (batch.isEmpty() || (!force && sinceBatch.elapsed() < batchIntervalMs))
                    return;
                QMutexLocker lock(&gate->mutex);
                if (ProduceSession *session = gate->session)
                    QMetaObject::invokeMethod(
                        session,
                        [session, sendId, reports = std::exchange(batch, {}), delivered, failed] {
                            session->onBatch(sendId, reports, delivered, failed);
                        },
                        Qt::QueuedConnection);
                batch.clear();
                sinceBatch.restart();
            };
            auto finish = [&](bool cancelled, const std::optional<Error> &error) {
                postBatch(true);
                QMutexLocker lock(&gate->mutex);
                if (ProduceSession *session = gate->session)
                    QMetaObject::invokeMethod(
                        session,
                        [session, sendId, delivered, failed, cancelled, error] {
                            session->onFinished(sendId, delivered, failed, cancelled, error);
                        },
                        Qt::QueuedConnection);
            };

            if (!state->producer || !(state->producer->config() == config)) {
                state->close();
                auto created = Producer::create(config);
                if (!created)
                    return finish(false, created.error());
                state->producer = std::move(created).value();
            }
            Producer &producer = *state->producer;
            const QString topic = plan.request().topic;
            auto count = producer.partitionCount(topic, metadataTimeoutMs);
            if (!count)
                return finish(false, count.error());
            if (const Status s = produce::validate(plan.request(), produce::TopicInfo::withPartitions(count.value())); !s)
                return finish(false, s.error());

            bool cancelled = false;
            for (int i = 0; i < plan.copies(); ++i) {
                if (cancel->load()) {
                    cancelled = true;
                    break;
                }
                const produce::PlannedMessage m = plan.message(i);
                for (;;) {
                    const Producer::Queued q = producer.produce(topic, plan.partition(), m.key, m.value, plan.headers(), m.id);
                    if (q.queued)
                        break;
                    if (q.queueFull && !cancel->load()) {
                        producer.poll(10); // librdkafka's queue is full: let deliveries drain it
                        take(producer.takeReports());
                        postBatch(false);
                        continue;
                    }
                    DeliveryReport r;
                    r.id = m.id;
                    r.key = m.key;
                    r.error = q.error ? *q.error : cancelledError();
                    take({r});
                    break;
                }
                if (i % 256 == 0)
                    producer.poll(0);
                take(producer.takeReports());
                postBatch(false);
            }
            // Every queued message gets its report (message.timeout.ms bounds the wait).
            while (producer.outstanding() > 0) {
                if (cancel->load())
                    cancelled = true;
                if (cancelled) {
                    producer.purge();
                    producer.poll(0);
                    take(producer.takeReports());
                    if (!producer.flush(200))
                        break;
                }
                producer.poll(batchIntervalMs);
                take(producer.takeReports());
                postBatch(false);
            }
            take(producer.takeReports());
            // A producer that lost messages may be in a bad state (an idempotent producer's
            // sequence, a broker that went away): the next send starts with a new one.
            if (failed > 0 || cancelled)
                state->close();
            finish(cancelled, std::nullopt);
        },
        Qt::QueuedConnection);
    return sendId;
}

void ProduceSession::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void ProduceSession::onBatch(quint64 sendId, const QList<DeliveryReport> &reports, int deliveredCount, int failedCount)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (sendId != m_progress.sendId)
        return;
    m_progress.delivered = deliveredCount;
    m_progress.failed = failedCount;
    Q_EMIT delivered(sendId, reports);
    Q_EMIT progressChanged(m_progress);
}

void ProduceSession::onFinished(quint64 sendId, int deliveredCount, int failedCount, bool cancelled,
                                const std::optional<Error> &error)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (sendId != m_progress.sendId)
        return;
    m_progress.delivered = deliveredCount;
    m_progress.failed = failedCount;
    m_progress.cancelled = cancelled;
    m_progress.error = error;
    m_progress.finished = true;
    m_busy = false;
    Q_EMIT progressChanged(m_progress);
    Q_EMIT finished(m_progress);
}

} // namespace kafdesk
