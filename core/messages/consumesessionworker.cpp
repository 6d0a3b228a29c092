#include "messages/consumesessionworker.h"

#include "kafka/consumer.h"
#include "kafka/offsetclient.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QThread>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <thread>
#include <vector>

namespace kafdesk::consumeworker {

namespace {

constexpr int offsetTimeoutMs = 15000;
constexpr int maxBatchesInFlight = 4;

// Workers still running (closing a group member can take seconds after its session is gone):
// the application waits a while for them on exit, so that no librdkafka thread outlives main().
std::mutex g_liveMutex;
std::condition_variable g_liveChanged;
int g_live = 0;

void waitForWorkers()
{
    std::unique_lock lock(g_liveMutex);
    g_liveChanged.wait_for(lock, std::chrono::seconds(10), [] { return g_live == 0; });
}

// Reading at full speed must never starve the owner's (GUI) thread: this thread, and librdkafka's
// threads, which inherit its priority when the handle is created here, yield to it on a busy machine.
void lowerPriority()
{
#ifdef Q_OS_LINUX
    const int nice = qEnvironmentVariableIsSet("KAFDESK_CONSUME_NICE") ? qEnvironmentVariableIntValue("KAFDESK_CONSUME_NICE") : 5;
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), nice);
#endif
}

QString partitionRange(int count)
{
    return count == 1 ? QStringLiteral("1 partition (0)") : QStringLiteral("%1 partitions (0-%2)").arg(count).arg(count - 1);
}

class Worker {
public:
    Worker(std::shared_ptr<Shared> shared, ConnectionSettings settings, ConsumeRequest request)
        : m_shared(std::move(shared)), m_settings(std::move(settings)), m_request(std::move(request))
    {
    }

    void run()
    {
        m_clock.start();
        if (prepare())
            readLoop();
        finish();
    }

private:
    bool fail(const Error &error)
    {
        Report r;
        r.kind = Report::Kind::Failed;
        r.error = error;
        m_shared->report(std::move(r));
        return false;
    }

    void warn(const QString &message)
    {
        // The same problem at most every few seconds: a dead cluster repeats itself.
        if (message == m_lastWarning && m_warned.isValid() && m_warned.elapsed() < 5000)
            return;
        m_lastWarning = message;
        m_warned.start();
        Report r;
        r.kind = Report::Kind::Warning;
        r.warning = message;
        m_shared->report(std::move(r));
    }

    bool prepare()
    {
        auto consumer = Consumer::create(m_settings.clientConfig, m_request.topic, m_request.groupId);
        if (!consumer)
            return fail(consumer.error());
        m_consumer = std::move(consumer).value();

        int count = -1;
        while (count < 0) {
            if (m_shared->stop)
                return false;
            bool unreachable = false;
            auto partitions = m_consumer->partitionCount(5000, &unreachable);
            if (partitions) {
                count = partitions.value();
            } else if (unreachable) {
                warn(QStringLiteral("No broker of %1 answers; still trying.")
                         .arg(m_settings.clientConfig.value(QStringLiteral("bootstrap.servers"))));
            } else {
                return fail(partitions.error());
            }
        }
        QList<int> partitions = m_request.partitions;
        if (partitions.isEmpty())
            for (int p = 0; p < count; ++p)
                partitions << p;
        for (int p : std::as_const(partitions))
            if (p >= count)
                return fail(Error{QStringLiteral("Partition %1 does not exist: topic %2 has %3.")
                                      .arg(p)
                                      .arg(m_request.topic, partitionRange(count)),
                                  {}, true});
        if (!resolveStarts(partitions))
            return false;
        if (m_shared->stop)
            return false;

        m_end.assign(size_t(count), 0);
        m_next.assign(size_t(count), -1);
        m_reading.assign(size_t(count), 0);
        m_done.assign(size_t(count), 0);
        m_dirty.assign(size_t(count), 0);
        for (int p : std::as_const(partitions))
            m_end[size_t(p)] = m_marks.value(p).high;

        if (!m_request.groupId.isEmpty() && m_request.partitions.isEmpty()) {
            const Status s = m_consumer->subscribe([this](const QList<int> &assigned) { return onAssigned(assigned); },
                                                   [this](const QList<int> &revoked) {
                                                       for (int p : revoked)
                                                           if (p >= 0 && size_t(p) < m_reading.size())
                                                               m_reading[size_t(p)] = 0;
                                                   });
            if (!s)
                return fail(s.error());
        } else {
            if (const Status s = m_consumer->assign(m_starts); !s)
                return fail(s.error());
            beginReading(m_starts);
        }
        return true;
    }

    // Start offsets per partition, from the watermarks (and offsets_for_times for a date-time).
    bool resolveStarts(const QList<int> &partitions)
    {
        auto client = OffsetClient::create(m_settings.clientConfig);
        if (!client)
            return fail(client.error());
        QList<OffsetClient::Partition> list;
        for (int p : partitions)
            list << OffsetClient::Partition{m_request.topic, p};
        auto marks = client.value()->watermarks(list, offsetTimeoutMs);
        if (!marks)
            return fail(marks.error());
        for (auto it = marks->cbegin(); it != marks->cend(); ++it)
            m_marks.insert(it.key().second, it.value());
        QMap<OffsetClient::Partition, qint64> atTime;
        const ConsumeStart &start = m_request.start;
        if (start.kind == ConsumeStart::Kind::DateTime) {
            auto found = client.value()->offsetsAt(list, start.dateTime.toMSecsSinceEpoch(), offsetTimeoutMs);
            if (!found)
                return fail(found.error());
            atTime = found.value();
        }
        for (int p : partitions) {
            const Watermarks w = m_marks.value(p);
            qint64 offset = w.low;
            switch (start.kind) {
            case ConsumeStart::Kind::Beginning:
                offset = w.low;
                break;
            case ConsumeStart::Kind::Latest:
                offset = w.high;
                break;
            case ConsumeStart::Kind::Offset:
                offset = start.offset;
                break;
            case ConsumeStart::Kind::DateTime:
                offset = atTime.value({m_request.topic, p}, w.high);
                break;
            case ConsumeStart::Kind::LastN:
                offset = w.high - start.lastN;
                break;
            }
            m_starts.insert(p, std::clamp(offset, w.low, std::max(w.low, w.high)));
        }
        return true;
    }

    // In a subscribed group (inside poll): committed offsets win, the start applies to the rest.
    QMap<int, qint64> onAssigned(const QList<int> &assigned)
    {
        QMap<int, qint64> starts;
        auto committed = m_consumer->committed(assigned, 10000);
        if (!committed)
            warn(committed.error().message);
        for (int p : assigned) {
            const qint64 c = committed ? committed->value(p, -1) : -1;
            starts.insert(p, c >= 0 ? c : m_starts.value(p, -1));
        }
        if (!m_started) {
            beginReading(starts);
        } else {
            for (auto it = starts.cbegin(); it != starts.cend(); ++it)
                markReading(it.key(), it.value());
            QStringList names;
            for (int p : assigned)
                names << QString::number(p);
            warn(QStringLiteral("The group %1 reassigned partitions: this member now reads %2.")
                     .arg(m_request.groupId, names.join(QStringLiteral(", "))));
        }
        return starts;
    }

    void markReading(int p, qint64 start)
    {
        if (p < 0 || size_t(p) >= m_reading.size())
            return;
        m_reading[size_t(p)] = 1;
        m_next[size_t(p)] = start;
        m_done[size_t(p)] = start >= m_end[size_t(p)] ? 1 : 0;
    }

    void beginReading(const QMap<int, qint64> &starts)
    {
        m_started = true;
        for (auto it = starts.cbegin(); it != starts.cend(); ++it)
            markReading(it.key(), it.value());
        Report r;
        r.kind = Report::Kind::Started;
        r.startOffsets = starts;
        m_shared->report(std::move(r));
    }

    bool atEnd() const
    {
        if (!m_request.stopAtEnd || !m_started)
            return false;
        bool any = false;
        for (size_t p = 0; p < m_reading.size(); ++p) {
            if (!m_reading[p])
                continue;
            any = true;
            if (!m_done[p])
                return false;
        }
        return any;
    }

    bool accept(int partition, qint64 offset)
    {
        if (partition < 0 || size_t(partition) >= m_end.size())
            return false;
        const size_t p = size_t(partition);
        if (m_request.stopAtEnd && offset >= m_end[p]) {
            m_done[p] = 1;
            return false;
        }
        if (m_request.maxMessages > 0 && m_delivered + m_batch.size() >= m_request.maxMessages)
            return false;
        m_next[p] = offset + 1;
        m_dirty[p] = 1;
        if (offset + 1 >= m_end[p])
            m_done[p] = 1;
        return true;
    }

    void emitBatch()
    {
        if (m_batch.isEmpty())
            return;
        m_batch.squeeze();
        const qsizetype count = m_batch.size();
        const qint64 payload = m_batch.payloadBytes();
        m_delivered += count;
        m_stats.messages += count;
        m_stats.bytes += payload;
        ++m_shared->batchesInFlight;
        Report r;
        r.kind = Report::Kind::Batch;
        r.batch = std::make_shared<const MessageBatch>(std::move(m_batch));
        m_shared->report(std::move(r));
        m_batch = MessageBatch();
        m_batch.reserve(count, qsizetype(payload + payload / 8 + 65536));
        // Delivered to the batch: only now are these messages consumed (committed next, in a group).
        if (m_consumer->inGroup()) {
            QMap<int, qint64> store;
            for (size_t p = 0; p < m_dirty.size(); ++p)
                if (m_dirty[p])
                    store.insert(int(p), m_next[p]);
            m_consumer->storeOffsets(store);
        }
        std::fill(m_dirty.begin(), m_dirty.end(), 0);
        m_sinceEmit.start();
    }

    void readLoop()
    {
        const Consumer::Accept accept = [this](int partition, qint64 offset) { return this->accept(partition, offset); };
        QList<ConsumerEvent> events;
        bool paused = false;
        m_sinceEmit.start();
        while (!m_shared->stop) {
            if (atEnd() || (m_request.maxMessages > 0 && m_delivered + m_batch.size() >= m_request.maxMessages))
                return;
            if (m_shared->paused != paused) {
                paused = m_shared->paused;
                const Status s = paused ? m_consumer->pause() : m_consumer->resume();
                if (!s)
                    warn(s.error().message);
            }
            if (m_shared->batchesInFlight >= maxBatchesInFlight) {
                QThread::msleep(2); // the owner is behind: let librdkafka buffer instead
                continue;
            }
            const int room = int(std::min<qsizetype>(ConsumeSession::maxBatchMessages - m_batch.size(), 10000));
            if (room <= 0) { // paused with a full batch: it waits for resume()
                QThread::msleep(10);
                continue;
            }
            const int timeout = m_batch.isEmpty()
                                    ? ConsumeSession::batchIntervalMs
                                    : int(std::clamp<qint64>(ConsumeSession::batchIntervalMs - m_sinceEmit.elapsed(), 0,
                                                             ConsumeSession::batchIntervalMs));
            events.clear();
            m_consumer->poll(m_batch, room, timeout, accept, events);
            for (const ConsumerEvent &e : std::as_const(events)) {
                if (e.kind == ConsumerEvent::Kind::EndOfPartition) {
                    if (e.partition >= 0 && size_t(e.partition) < m_done.size())
                        m_done[size_t(e.partition)] = 1;
                } else if (e.kind == ConsumerEvent::Kind::Warning) {
                    warn(e.error.message);
                } else {
                    fail(e.error);
                    return;
                }
            }
            if (!paused && (m_batch.size() >= ConsumeSession::maxBatchMessages ||
                            m_sinceEmit.elapsed() >= ConsumeSession::batchIntervalMs))
                emitBatch();
        }
    }

    void finish()
    {
        emitBatch();
        if (m_consumer && m_consumer->inGroup() && m_started) {
            if (const Status s = m_consumer->commit(); !s)
                warn(s.error().message);
        }
        m_stats.elapsedMs = m_clock.elapsed();
        Report r;
        r.kind = Report::Kind::Finished;
        r.stats = m_stats;
        m_shared->report(std::move(r));
        m_consumer.reset(); // leaves the group and closes: may take a while, nobody waits
    }

    std::shared_ptr<Shared> m_shared;
    ConnectionSettings m_settings;
    ConsumeRequest m_request;
    std::unique_ptr<Consumer> m_consumer;
    QMap<int, Watermarks> m_marks;
    QMap<int, qint64> m_starts;
    // Indexed by partition: the end at start, the next offset, read by this consumer, at the end,
    // consumed since the last batch.
    std::vector<qint64> m_end;
    std::vector<qint64> m_next;
    std::vector<char> m_reading;
    std::vector<char> m_done;
    std::vector<char> m_dirty;
    MessageBatch m_batch;
    qint64 m_delivered = 0;
    bool m_started = false;
    ConsumeStats m_stats;
    QElapsedTimer m_clock;
    QElapsedTimer m_sinceEmit;
    QElapsedTimer m_warned;
    QString m_lastWarning;
};

} // namespace

void Shared::setOwner(QObject *owner)
{
    std::lock_guard lock(m_mutex);
    m_owner = owner;
}

void Shared::report(Report report)
{
    std::lock_guard lock(m_mutex);
    if (!m_owner)
        return;
    // Posted events of a deleted object are discarded with it, and the owner cannot be deleted
    // while we hold the mutex (its destructor clears m_owner first).
    QMetaObject::invokeMethod(
        m_owner,
        [self = shared_from_this(), r = std::move(report)] {
            // A copy: the owner may be destroyed (and clear `deliver`) by a slot of its own signal.
            if (const auto handler = self->deliver)
                handler(r);
        },
        Qt::QueuedConnection);
}

void startWorker(std::shared_ptr<Shared> shared, ConnectionSettings settings, ConsumeRequest request)
{
    static std::once_flag exitHook;
    std::call_once(exitHook, [] { qAddPostRoutine(waitForWorkers); });
    {
        std::lock_guard lock(g_liveMutex);
        ++g_live;
    }
    std::thread([shared = std::move(shared), settings = std::move(settings), request = std::move(request)]() mutable {
        lowerPriority();
        {
            Worker worker(std::move(shared), std::move(settings), std::move(request));
            worker.run();
        }
        std::lock_guard lock(g_liveMutex);
        --g_live;
        g_liveChanged.notify_all();
    }).detach();
}

} // namespace kafdesk::consumeworker
