#include "kafka/consumer.h"

#include "kafka/errors.h"
#include "kafka/topicpropagation.h"
#include "kafka/handle.h"

#include <QUuid>

#include <librdkafka/rdkafka.h>

#include <cstring>
#include <vector>

namespace kafdesk {

namespace {

struct ListDeleter {
    void operator()(rd_kafka_topic_partition_list_t *l) const { rd_kafka_topic_partition_list_destroy(l); }
};
using ListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, ListDeleter>;

QMap<QString, QString> consumerDefaults(bool inGroup)
{
    // Fetch settings tuned for reading a log quickly: large per-partition fetches, a deep
    // prefetch queue, and short waits once caught up (what arrives shows up soon).
    return {{QStringLiteral("client.id"), QStringLiteral("kafdesk-consume")},
            {QStringLiteral("enable.auto.commit"), inGroup ? QStringLiteral("true") : QStringLiteral("false")},
            {QStringLiteral("auto.commit.interval.ms"), QStringLiteral("1000")},
            {QStringLiteral("enable.auto.offset.store"), QStringLiteral("false")},
            {QStringLiteral("enable.partition.eof"), QStringLiteral("true")},
            {QStringLiteral("auto.offset.reset"), QStringLiteral("earliest")},
            {QStringLiteral("allow.auto.create.topics"), QStringLiteral("false")},
            {QStringLiteral("fetch.wait.max.ms"), QStringLiteral("100")},
            {QStringLiteral("fetch.message.max.bytes"), QStringLiteral("4194304")},
            {QStringLiteral("fetch.max.bytes"), QStringLiteral("67108864")},
            {QStringLiteral("queued.min.messages"), QStringLiteral("200000")},
            {QStringLiteral("queued.max.messages.kbytes"), QStringLiteral("131072")},
            {QStringLiteral("reconnect.backoff.max.ms"), QStringLiteral("2000")},
            {QStringLiteral("socket.timeout.ms"), QStringLiteral("10000")}};
}

bool isFatal(rd_kafka_resp_err_t err)
{
    switch (err) {
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
    case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR__AUTHENTICATION:
    case RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED:
    case RD_KAFKA_RESP_ERR__FATAL:
    case RD_KAFKA_RESP_ERR_INVALID_GROUP_ID:
    case RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION:
    case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
        return true;
    default:
        return false;
    }
}

TimestampType timestampTypeOf(rd_kafka_timestamp_type_t t)
{
    switch (t) {
    case RD_KAFKA_TIMESTAMP_CREATE_TIME:
        return TimestampType::CreateTime;
    case RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME:
        return TimestampType::LogAppendTime;
    default:
        return TimestampType::None;
    }
}

} // namespace

struct Consumer::Impl {
    rd_kafka_t *rk = nullptr;
    rd_kafka_queue_t *queue = nullptr;
    QString topic;
    QByteArray topicUtf8;
    bool inGroup = false;
    bool closed = false;
    AssignHandler onAssign;
    RevokeHandler onRevoke;
    std::vector<rd_kafka_message_t *> messages;

    ~Impl()
    {
        close();
        if (rk)
            rd_kafka_destroy(rk);
    }

    void close()
    {
        if (closed || !rk)
            return;
        closed = true;
        if (queue) {
            rd_kafka_queue_destroy(queue);
            queue = nullptr;
        }
        rd_kafka_consumer_close(rk);
    }

    ListPtr listOf(const QMap<int, qint64> &offsets) const
    {
        ListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(offsets.size())));
        for (auto it = offsets.cbegin(); it != offsets.cend(); ++it)
            rd_kafka_topic_partition_list_add(list.get(), topicUtf8.constData(), it.key())->offset = it.value();
        return list;
    }

    // On the polling thread, from inside poll().
    void rebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *parts)
    {
        const bool cooperative = std::strcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0;
        QList<int> partitions;
        for (int i = 0; i < parts->cnt; ++i)
            partitions << parts->elems[i].partition;
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
            const QMap<int, qint64> starts = onAssign ? onAssign(partitions) : QMap<int, qint64>{};
            for (int i = 0; i < parts->cnt; ++i) {
                const qint64 start = starts.value(parts->elems[i].partition, -1);
                parts->elems[i].offset = start >= 0 ? start : RD_KAFKA_OFFSET_STORED;
            }
            if (cooperative)
                rd_kafka_error_destroy(rd_kafka_incremental_assign(rk, parts));
            else
                rd_kafka_assign(rk, parts);
        } else {
            if (onRevoke)
                onRevoke(partitions);
            if (cooperative)
                rd_kafka_error_destroy(rd_kafka_incremental_unassign(rk, parts));
            else
                rd_kafka_assign(rk, nullptr);
        }
    }
};

Result<std::unique_ptr<Consumer>> Consumer::create(const QMap<QString, QString> &clientConfig, const QString &topic,
                                                   const QString &groupId)
{
    std::unique_ptr<Consumer> consumer(new Consumer);
    consumer->m_impl = std::make_unique<Impl>();
    Impl *impl = consumer->m_impl.get();
    impl->topic = topic;
    impl->topicUtf8 = topic.toUtf8();
    impl->inGroup = !groupId.isEmpty();
    QMap<QString, QString> config = clientConfig;
    // Reading by assignment needs a group id for librdkafka's consumer, but never commits to it.
    config.insert(QStringLiteral("group.id"),
                  impl->inGroup ? groupId
                                : QStringLiteral("kafdesk-assign-") + QUuid::createUuid().toString(QUuid::Id128));
    if (!impl->inGroup)
        config.insert(QStringLiteral("enable.auto.commit"), QStringLiteral("false"));
    config.insert(QStringLiteral("enable.auto.offset.store"), QStringLiteral("false"));
    auto rk = kafkahandle::create(RD_KAFKA_CONSUMER, consumerDefaults(impl->inGroup), config,
                                  [impl](rd_kafka_conf_t *conf) {
                                      rd_kafka_conf_set_opaque(conf, impl);
                                      // Runs inside poll(), on the polling thread.
                                      rd_kafka_conf_set_rebalance_cb(
                                          conf, [](rd_kafka_t *, rd_kafka_resp_err_t err,
                                                   rd_kafka_topic_partition_list_t *parts, void *opaque) {
                                              static_cast<Impl *>(opaque)->rebalance(err, parts);
                                          });
                                  });
    if (!rk)
        return rk.error();
    impl->rk = rk.value();
    rd_kafka_poll_set_consumer(impl->rk);
    impl->queue = rd_kafka_queue_get_consumer(impl->rk);
    return consumer;
}

Consumer::~Consumer() = default;

const QString &Consumer::topic() const { return m_impl->topic; }
bool Consumer::inGroup() const { return m_impl->inGroup; }

Result<int> Consumer::partitionCount(int timeoutMs, bool *unreachable)
{
    return askUntilTopicKnown([&] { return describePartitions(timeoutMs, unreachable); });
}

Result<int> Consumer::describePartitions(int timeoutMs, bool *unreachable)
{
    if (unreachable)
        *unreachable = false;
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(m_impl->rk, m_impl->topicUtf8.constData(), nullptr);
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_impl->rk, 0, rkt, &md, timeoutMs);
    rd_kafka_topic_destroy(rkt);
    if (err) {
        if (unreachable)
            *unreachable = err == RD_KAFKA_RESP_ERR__TIMED_OUT || err == RD_KAFKA_RESP_ERR__TRANSPORT ||
                           err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN;
        return kafkaerrors::fromCode(err, QStringLiteral("Reading the partitions of topic %1").arg(m_impl->topic));
    }
    std::unique_ptr<const rd_kafka_metadata_t, void (*)(const rd_kafka_metadata_t *)> owner(md, rd_kafka_metadata_destroy);
    if (md->topic_cnt < 1)
        return failure(QStringLiteral("Topic %1 does not exist.").arg(m_impl->topic));
    const rd_kafka_metadata_topic_t &t = md->topics[0];
    if (t.err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART || (t.err == RD_KAFKA_RESP_ERR_NO_ERROR && t.partition_cnt == 0))
        return Error{QStringLiteral("Topic %1 does not exist.").arg(m_impl->topic),
                     QString::fromUtf8(rd_kafka_err2str(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)), true};
    if (t.err == RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED)
        return failure(QStringLiteral("Reading topic %1 is not allowed: an ACL denies this client.").arg(m_impl->topic),
                       QString::fromUtf8(rd_kafka_err2str(t.err)));
    if (t.err && t.err != RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE)
        return kafkaerrors::fromCode(t.err, QStringLiteral("Reading the partitions of topic %1").arg(m_impl->topic));
    return t.partition_cnt;
}

Result<QMap<int, qint64>> Consumer::committed(const QList<int> &partitions, int timeoutMs)
{
    QMap<int, qint64> request;
    for (int p : partitions)
        request.insert(p, RD_KAFKA_OFFSET_INVALID);
    ListPtr list = m_impl->listOf(request);
    if (const rd_kafka_resp_err_t err = rd_kafka_committed(m_impl->rk, list.get(), timeoutMs))
        return kafkaerrors::fromCode(err, QStringLiteral("Reading the group's committed offsets"));
    QMap<int, qint64> out;
    for (int i = 0; i < list->cnt; ++i)
        out.insert(list->elems[i].partition, list->elems[i].err ? -1 : std::max<qint64>(list->elems[i].offset, -1));
    return out;
}

Status Consumer::assign(const QMap<int, qint64> &startOffsets)
{
    ListPtr list = m_impl->listOf(startOffsets);
    if (const rd_kafka_resp_err_t err = rd_kafka_assign(m_impl->rk, list.get()))
        return kafkaerrors::fromCode(err, QStringLiteral("Assigning the partitions of %1").arg(m_impl->topic));
    return ok();
}

Status Consumer::subscribe(AssignHandler onAssign, RevokeHandler onRevoke)
{
    if (!m_impl->inGroup)
        return failure(QStringLiteral("Subscribing needs a group id."));
    m_impl->onAssign = std::move(onAssign);
    m_impl->onRevoke = std::move(onRevoke);
    ListPtr list(rd_kafka_topic_partition_list_new(1));
    rd_kafka_topic_partition_list_add(list.get(), m_impl->topicUtf8.constData(), RD_KAFKA_PARTITION_UA);
    if (const rd_kafka_resp_err_t err = rd_kafka_subscribe(m_impl->rk, list.get()))
        return kafkaerrors::fromCode(err, QStringLiteral("Joining group for topic %1").arg(m_impl->topic));
    return ok();
}

QList<int> Consumer::assignment() const
{
    QList<int> out;
    rd_kafka_topic_partition_list_t *list = nullptr;
    if (rd_kafka_assignment(m_impl->rk, &list) == RD_KAFKA_RESP_ERR_NO_ERROR && list) {
        for (int i = 0; i < list->cnt; ++i)
            out << list->elems[i].partition;
        rd_kafka_topic_partition_list_destroy(list);
    }
    return out;
}

int Consumer::poll(MessageBatch &batch, int maxMessages, int timeoutMs, const Accept &accept,
                   QList<ConsumerEvent> &events)
{
    auto &buffer = m_impl->messages;
    if (buffer.size() < size_t(maxMessages))
        buffer.resize(size_t(maxMessages));
    const ssize_t n = rd_kafka_consume_batch_queue(m_impl->queue, timeoutMs, buffer.data(), size_t(maxMessages));
    int appended = 0;
    for (ssize_t i = 0; i < n; ++i) {
        rd_kafka_message_t *m = buffer[size_t(i)];
        if (m->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
            if (!accept || accept(m->partition, m->offset)) {
                rd_kafka_timestamp_type_t tsType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
                const qint64 ts = rd_kafka_message_timestamp(m, &tsType);
                batch.append(m->partition, m->offset, ts, timestampTypeOf(tsType), static_cast<const char *>(m->key),
                             qsizetype(m->key_len), static_cast<const char *>(m->payload), qsizetype(m->len));
                rd_kafka_headers_t *headers = nullptr;
                if (rd_kafka_message_headers(m, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR && headers) {
                    const char *name = nullptr;
                    const void *value = nullptr;
                    size_t size = 0;
                    for (size_t h = 0; rd_kafka_header_get_all(headers, h, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR; ++h)
                        batch.appendHeader(name, qsizetype(std::strlen(name)), static_cast<const char *>(value),
                                           qsizetype(size));
                }
                ++appended;
            }
        } else if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            events.append(ConsumerEvent{ConsumerEvent::Kind::EndOfPartition, m->partition, m->offset, {}});
        } else {
            const QString text = QString::fromUtf8(rd_kafka_message_errstr(m));
            const bool fatal = isFatal(m->err) || rd_kafka_fatal_error(m_impl->rk, nullptr, 0);
            Error error;
            if (m->err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN || m->err == RD_KAFKA_RESP_ERR__TRANSPORT)
                error = failure(QStringLiteral("No broker of the cluster can be reached; still trying."), text);
            else if (m->err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART || m->err == RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC)
                error = failure(QStringLiteral("Topic %1 does not exist (any more).").arg(m_impl->topic), text);
            else
                error = kafkaerrors::fromCode(m->err, QStringLiteral("Reading topic %1").arg(m_impl->topic), text);
            events.append(ConsumerEvent{fatal ? ConsumerEvent::Kind::Fatal : ConsumerEvent::Kind::Warning, m->partition,
                                        m->offset, error});
        }
        rd_kafka_message_destroy(m);
    }
    return appended;
}

Status Consumer::pause()
{
    rd_kafka_topic_partition_list_t *list = nullptr;
    if (rd_kafka_assignment(m_impl->rk, &list) != RD_KAFKA_RESP_ERR_NO_ERROR || !list)
        return ok();
    ListPtr owner(list);
    if (const rd_kafka_resp_err_t err = rd_kafka_pause_partitions(m_impl->rk, list))
        return kafkaerrors::fromCode(err, QStringLiteral("Pausing"));
    return ok();
}

Status Consumer::resume()
{
    rd_kafka_topic_partition_list_t *list = nullptr;
    if (rd_kafka_assignment(m_impl->rk, &list) != RD_KAFKA_RESP_ERR_NO_ERROR || !list)
        return ok();
    ListPtr owner(list);
    if (const rd_kafka_resp_err_t err = rd_kafka_resume_partitions(m_impl->rk, list))
        return kafkaerrors::fromCode(err, QStringLiteral("Resuming"));
    return ok();
}

void Consumer::storeOffsets(const QMap<int, qint64> &nextOffsets)
{
    if (!m_impl->inGroup || nextOffsets.isEmpty())
        return;
    ListPtr list = m_impl->listOf(nextOffsets);
    rd_kafka_offsets_store(m_impl->rk, list.get());
}

Status Consumer::commit()
{
    if (!m_impl->inGroup)
        return ok();
    const rd_kafka_resp_err_t err = rd_kafka_commit(m_impl->rk, nullptr, 0);
    if (err && err != RD_KAFKA_RESP_ERR__NO_OFFSET)
        return kafkaerrors::fromCode(err, QStringLiteral("Committing the group's offsets"));
    return ok();
}

void Consumer::close() { m_impl->close(); }

} // namespace kafdesk
