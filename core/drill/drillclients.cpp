// The drill's producer and consumer threads (drill/drillworker.h).

#include "drill/drillworker.h"

#include "kafka/consumer.h"
#include "kafka/producer.h"

#include <QCoreApplication>

#include <algorithm>

namespace kafdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kafdesk::FailureDrill", text);
}

// Client settings for failover: reconnect soon after a broker comes back, and notice a moved
// leader quickly (KAFKA-NOTES: librdkafka 2.0.2 keeps asking a stale leader until the next refresh).
QMap<QString, QString> failoverConfig(QMap<QString, QString> config)
{
    config.insert(QStringLiteral("reconnect.backoff.max.ms"), QStringLiteral("1000"));
    config.insert(QStringLiteral("topic.metadata.refresh.interval.ms"), QStringLiteral("2000"));
    return config;
}

// How long the producer may take to settle every message after the last send: its
// message.timeout.ms (30 s, the Producer's default) and a margin for a loaded machine.
constexpr qint64 flushLimitMs = 45000;
// How long the second read (readBack) may take to reach every partition's end.
constexpr qint64 readBackLimitMs = 60000;
// New producers after a fatal error, at most.
constexpr int maxRenewals = 10;

// Where reading is in each partition of the drill's topic: the next offset to read.
class ReadPositions {
public:
    ReadPositions(int partitions, const QMap<int, qint64> &startOffsets) : m_next(static_cast<size_t>(partitions), 0)
    {
        for (auto it = startOffsets.cbegin(); it != startOffsets.cend(); ++it)
            if (contains(it.key()))
                m_next[static_cast<size_t>(it.key())] = std::max<qint64>(0, it.value());
    }
    bool contains(int partition) const { return partition >= 0 && static_cast<size_t>(partition) < m_next.size(); }
    qint64 &next(int partition) { return m_next[static_cast<size_t>(partition)]; }
    // An end-of-partition event: everything before `offset` is read.
    void reachedEnd(int partition, qint64 offset)
    {
        if (contains(partition))
            next(partition) = std::max(next(partition), offset);
    }
    bool reached(const QMap<int, qint64> &targets) const
    {
        for (auto it = targets.cbegin(); it != targets.cend(); ++it)
            if (contains(it.key()) && m_next[static_cast<size_t>(it.key())] < it.value())
                return false;
        return true;
    }

private:
    std::vector<qint64> m_next;
};

} // namespace

void DrillRun::produceLoop()
{
    const int partitions = m_partitions;
    m_producerLedger.assign(static_cast<size_t>(partitions), {});
    ProducerConfig pc;
    pc.clientConfig = failoverConfig(m_config.connection.clientConfig);
    pc.clientConfig.insert(QStringLiteral("client.id"), QStringLiteral("kafdesk-drill-producer"));
    pc.connectionName = m_config.connection.name;
    pc.readOnly = m_config.connection.readOnly;
    pc.acks = m_config.acks;
    pc.idempotence = m_config.idempotence;
    auto created = Producer::create(pc);
    if (!created) {
        m_producerNotes << tr("The producer could not be created: %1").arg(created.error().fullText());
        m_producerDone = true;
        return;
    }
    std::unique_ptr<Producer> producer = std::move(created).value();
    const QList<QPair<QByteArray, QByteArray>> headers{{QByteArray(drillRunHeader), m_runId}};
    const QString topic = m_config.topic;

    // Why sends failed, and how often; with the librdkafka text of the first of each kind.
    QMap<QString, qint64> failures;
    QMap<QString, QString> failureDetail;
    const auto take = [&] {
        for (const DeliveryReport &r : producer->takeReports()) {
            if (r.id < 0)
                continue;
            const auto p = static_cast<size_t>(r.id % partitions);
            const auto seq = static_cast<size_t>(r.id / partitions);
            auto &outcomes = m_producerLedger[p].outcomes;
            if (seq >= outcomes.size() || outcomes[seq] != DrillOutcome::Unanswered)
                continue;
            outcomes[seq] = r.ok() ? DrillOutcome::Acknowledged : DrillOutcome::Failed;
            (r.ok() ? m_acknowledged : m_failed)++;
            if (!r.ok() && ++failures[r.error->message] == 1)
                failureDetail.insert(r.error->message, r.error->detail);
        }
    };

    int renewals = 0;
    const auto noteFailures = [&] {
        for (auto it = failures.cbegin(); it != failures.cend(); ++it) {
            const QString detail = failureDetail.value(it.key());
            m_producerNotes << (detail.isEmpty() ? tr("%1 sends failed: %2").arg(it.value()).arg(it.key())
                                                 : tr("%1 sends failed: %2 (the first: %3)")
                                                       .arg(it.value())
                                                       .arg(it.key(), detail));
        }
    };
    QElapsedTimer pace;
    pace.start();
    qint64 next = 0; // the next message number: partition next % partitions, seq next / partitions
    const qint64 rate = std::max(1, m_config.messagesPerSecond);
    while (!m_stopProducing && !m_cancel && producer) {
        const qint64 due = pace.elapsed() * rate / 1000 + 1;
        int burst = 0;
        while (next < due && burst < 1000 && !m_cancel) {
            const int p = static_cast<int>(next % partitions);
            const qint64 seq = next / partitions;
            const Producer::Queued q = producer->produce(topic, p, std::nullopt, drillValue(m_runId, p, seq), headers, next);
            if (q.queueFull)
                break; // poll below makes room; the same number goes again
            if (!q.queued && renewals < maxRenewals) {
                // librdkafka 2.0.2's idempotent producer can stop for good after a leader change
                // ("fatal error ... rewound sequence number", fixed in librdkafka 2.3.0, #4438):
                // every later send is refused. Its outstanding messages fail; a new producer
                // (a new producer id) carries on with the same message number.
                ++renewals;
                m_producerNotes << tr("The producer stopped with a fatal error and a new one took over (the "
                                      "messages in flight failed): %1")
                                       .arg(q.error ? q.error->fullText() : QString());
                producer->purge();
                producer->flush(2000);
                take();
                producer.reset();
                auto again = Producer::create(pc);
                if (!again) {
                    m_producerNotes << tr("The producer could not be created again: %1").arg(again.error().fullText());
                    break;
                }
                producer = std::move(again).value();
                break;
            }
            m_producerLedger[static_cast<size_t>(p)].outcomes.push_back(DrillOutcome::Unanswered);
            ++m_sent;
            if (!q.queued) {
                // Refused before it was sent (not a delivery failure): still sent and failed, so the
                // numbers stay dense.
                m_producerLedger[static_cast<size_t>(p)].outcomes.back() = DrillOutcome::Failed;
                ++m_failed;
                if (m_producerNotes.size() < 5 && q.error)
                    m_producerNotes << tr("A message was refused by the producer: %1").arg(q.error->fullText());
            }
            ++next;
            ++burst;
        }
        if (!producer)
            break;
        producer->poll(5);
        take();
        tickProgress();
    }
    m_producerRenewals = renewals;

    if (!producer) {
        m_producerDone = true; // the note says why
        return;
    }
    if (m_cancel) {
        producer->purge();
        producer->flush(2000);
        take();
        noteFailures();
        m_producerDone = true;
        return;
    }
    // Every sent message gets its answer (or its timeout) before the drain starts.
    QElapsedTimer flushing;
    flushing.start();
    while (producer->outstanding() > 0 && flushing.elapsed() < flushLimitMs && !m_cancel) {
        producer->flush(200);
        take();
        tickProgress();
    }
    if (producer->outstanding() > 0) {
        m_producerNotes << tr("%1 messages were still unanswered when the producer stopped waiting.")
                               .arg(producer->outstanding());
        producer->purge();
        producer->flush(2000);
    }
    take();
    noteFailures();
    m_producerDone = true;
}

void DrillRun::consumeLoop(QMap<int, qint64> startOffsets)
{
    const int partitions = m_partitions;
    m_consumedSeqs.assign(static_cast<size_t>(partitions), {});
    QMap<QString, QString> config = failoverConfig(m_config.connection.clientConfig);
    config.insert(QStringLiteral("client.id"), QStringLiteral("kafdesk-drill-consumer"));
    auto created = Consumer::create(config, m_config.topic, QString());
    if (!created) {
        m_consumerNotes << tr("The consumer could not be created: %1").arg(created.error().fullText());
        m_consumerDone = true;
        return;
    }
    Consumer &consumer = *created.value();
    if (const Status a = consumer.assign(startOffsets); !a) {
        m_consumerNotes << tr("The consumer could not be assigned the partitions: %1").arg(a.error().fullText());
        m_consumerDone = true;
        return;
    }
    ReadPositions position(partitions, startOffsets);

    QList<ConsumerEvent> events;
    while (!m_cancel) {
        if (m_targetsSet) {
            if (position.reached(m_targets)) {
                m_drainedToEnd = true;
                break;
            }
            if (m_clock.elapsed() > m_drainDeadlineMs) {
                m_consumerNotes << tr("The consumer stopped before reaching the end of every partition.");
                break;
            }
        }
        MessageBatch batch;
        events.clear();
        consumer.poll(batch, 2000, 100, {}, events);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const int p = batch.partition(i);
            if (p < 0 || p >= partitions)
                continue;
            qint64 &pos = position.next(p);
            // An offset below the position was read already: the consumer fetched it again (after
            // a leader change, e.g. an offset reset on a new leader whose high watermark lagged).
            // That is no copy in the log, so it is counted apart, not as a duplicate.
            const bool again = batch.offset(i) < pos;
            pos = std::max(pos, batch.offset(i) + 1);
            int valuePartition = -1;
            qint64 seq = -1;
            // Another run's messages on the same topic, or anything else, are not counted.
            if (!parseDrillValue(m_runId, batch.value(i), &valuePartition, &seq) || valuePartition != p)
                continue;
            if (again) {
                ++m_consumerRereads;
                continue;
            }
            m_consumedSeqs[static_cast<size_t>(p)].push_back(seq);
            ++m_consumed;
        }
        for (const ConsumerEvent &e : events) {
            if (e.kind == ConsumerEvent::Kind::EndOfPartition)
                position.reachedEnd(e.partition, e.offset);
            else if (e.kind == ConsumerEvent::Kind::Fatal && m_consumerNotes.size() < 3)
                m_consumerNotes << tr("The consumer met an error: %1").arg(e.error.fullText());
        }
        tickProgress();
    }
    m_consumerDone = true;
}

std::optional<std::vector<std::vector<qint64>>> DrillRun::readBack(const QMap<int, qint64> &startOffsets)
{
    const int partitions = m_partitions;
    QMap<QString, QString> config = failoverConfig(m_config.connection.clientConfig);
    config.insert(QStringLiteral("client.id"), QStringLiteral("kafdesk-drill-verifier"));
    auto created = Consumer::create(config, m_config.topic, QString());
    if (!created || !created.value()->assign(startOffsets))
        return std::nullopt;
    Consumer &consumer = *created.value();
    std::vector<std::vector<qint64>> seqs(static_cast<size_t>(partitions));
    ReadPositions position(partitions, startOffsets);
    const qint64 deadline = m_clock.elapsed() + readBackLimitMs;
    QList<ConsumerEvent> events;
    while (!position.reached(m_targets)) {
        if (m_cancel || m_clock.elapsed() > deadline)
            return std::nullopt;
        MessageBatch batch;
        events.clear();
        consumer.poll(batch, 2000, 100, {}, events);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const int p = batch.partition(i);
            if (!position.contains(p) || batch.offset(i) < position.next(p))
                continue; // outside the topic's partitions, or a fetch repeated
            position.next(p) = batch.offset(i) + 1;
            int valuePartition = -1;
            qint64 seq = -1;
            if (parseDrillValue(m_runId, batch.value(i), &valuePartition, &seq) && valuePartition == p)
                seqs[static_cast<size_t>(p)].push_back(seq);
        }
        for (const ConsumerEvent &e : events)
            if (e.kind == ConsumerEvent::Kind::EndOfPartition)
                position.reachedEnd(e.partition, e.offset);
    }
    consumer.close();
    return seqs;
}

} // namespace kafdesk
