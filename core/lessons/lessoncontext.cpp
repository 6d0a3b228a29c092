#include "lessons/lessoncontext.h"

#include "kafka/consumer.h"

#include <QElapsedTimer>
#include <QSet>

namespace kafdesk {

namespace {
constexpr qint64 offsetBeginning = -2; // librdkafka's RD_KAFKA_OFFSET_BEGINNING
constexpr qint64 offsetEnd = -1;       // RD_KAFKA_OFFSET_END
constexpr qint64 offsetStored = -1000; // RD_KAFKA_OFFSET_STORED: the group's commit
} // namespace

Result<ClusterOperations *> LessonContext::operations()
{
    if (!ops) {
        auto connected = ClusterOperations::connect(connection);
        if (!connected)
            return connected.error();
        ops = std::move(connected).value();
    }
    return ops.get();
}

Result<QList<Message>> readTopic(LessonContext &context, const QString &topic, bool fromBeginning,
                                 const QString &group, int timeoutMs)
{
    auto consumer = Consumer::create(context.connection.clientConfig, topic, group);
    if (!consumer)
        return consumer.error();
    auto partitions = consumer.value()->partitionCount(10000);
    if (!partitions)
        return partitions.error();
    if (group.isEmpty()) {
        QMap<int, qint64> start;
        for (int p = 0; p < partitions.value(); ++p)
            start.insert(p, fromBeginning ? offsetBeginning : offsetEnd);
        if (const Status s = consumer.value()->assign(start); !s)
            return s.error();
    } else {
        const Status s = consumer.value()->subscribe(
            [](const QList<int> &assigned) {
                QMap<int, qint64> start;
                for (int p : assigned)
                    start.insert(p, offsetStored);
                return start;
            },
            [](const QList<int> &) {});
        if (!s)
            return s.error();
    }
    QList<Message> messages;
    QMap<int, qint64> next;
    QSet<int> atEnd;
    QElapsedTimer timer;
    timer.start();
    while (atEnd.size() < partitions.value() && timer.elapsed() < timeoutMs && !context.cancelled()) {
        MessageBatch batch;
        QList<ConsumerEvent> events;
        consumer.value()->poll(batch, 500, 200, {}, events);
        for (qsizetype i = 0; i < batch.size(); ++i) {
            messages << batch.message(i);
            next.insert(batch.partition(i), batch.offset(i) + 1);
            atEnd.remove(batch.partition(i));
        }
        for (const ConsumerEvent &e : events) {
            if (e.kind == ConsumerEvent::Kind::EndOfPartition)
                atEnd.insert(e.partition);
            else if (e.kind == ConsumerEvent::Kind::Fatal)
                return e.error;
        }
    }
    if (!group.isEmpty()) {
        consumer.value()->storeOffsets(next);
        if (const Status s = consumer.value()->commit(); !s && !next.isEmpty())
            return s.error();
    }
    consumer.value()->close();
    return messages;
}

} // namespace kafdesk
