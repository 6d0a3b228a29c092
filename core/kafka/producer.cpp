#include "kafka/producer.h"

#include "kafka/errors.h"
#include "kafka/handle.h"
#include "kafka/topicpropagation.h"

#include <librdkafka/rdkafka.h>


#include <cstdint>

namespace kafdesk {

QString acksValue(Acks acks)
{
    switch (acks) {
    case Acks::All:
        return QStringLiteral("all");
    case Acks::Leader:
        return QStringLiteral("1");
    case Acks::None:
        return QStringLiteral("0");
    }
    return QStringLiteral("all");
}

std::optional<Acks> acksFromValue(const QString &value)
{
    for (Acks a : {Acks::All, Acks::Leader, Acks::None})
        if (acksValue(a) == value)
            return a;
    if (value == QStringLiteral("-1"))
        return Acks::All;
    return std::nullopt;
}

QString compressionValue(Compression compression)
{
    switch (compression) {
    case Compression::None:
        return QStringLiteral("none");
    case Compression::Gzip:
        return QStringLiteral("gzip");
    case Compression::Snappy:
        return QStringLiteral("snappy");
    case Compression::Lz4:
        return QStringLiteral("lz4");
    case Compression::Zstd:
        return QStringLiteral("zstd");
    }
    return QStringLiteral("none");
}

std::optional<Compression> compressionFromValue(const QString &value)
{
    for (Compression c : {Compression::None, Compression::Gzip, Compression::Snappy, Compression::Lz4, Compression::Zstd})
        if (compressionValue(c) == value)
            return c;
    return std::nullopt;
}

struct Producer::Impl {
    ProducerConfig config;
    rd_kafka_t *rk = nullptr;
    QList<DeliveryReport> reports; // filled by the delivery callback, inside poll()/flush()

    ~Impl()
    {
        if (rk)
            rd_kafka_destroy(rk);
    }
};

namespace {

void *idToOpaque(qint64 id)
{
    return reinterpret_cast<void *>(static_cast<std::intptr_t>(id));
}

qint64 opaqueToId(void *opaque)
{
    return static_cast<qint64>(reinterpret_cast<std::intptr_t>(opaque));
}

Error deliveryError(rd_kafka_resp_err_t err, const QString &librdkafkaText)
{
    if (err == RD_KAFKA_RESP_ERR__PURGE_QUEUE)
        return failure(QStringLiteral("Cancelled before it was sent."), librdkafkaText);
    if (err == RD_KAFKA_RESP_ERR__PURGE_INFLIGHT)
        return failure(QStringLiteral("Cancelled while in flight: it may or may not have been written."), librdkafkaText);
    if (err == RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
        return failure(QStringLiteral("Not delivered: no broker acknowledged it within message.timeout.ms."),
                       librdkafkaText + QStringLiteral(" (") + kafkaerrors::codeName(err) + QLatin1Char(')'));
    return kafkaerrors::fromCode(err, QStringLiteral("Delivering the message"), librdkafkaText);
}

// Runs inside rd_kafka_poll()/rd_kafka_flush(), on the Producer's own thread.
void onDelivery(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque)
{
    auto *impl = static_cast<Producer::Impl *>(opaque);
    DeliveryReport report;
    report.id = opaqueToId(message->_private);
    report.partition = message->partition;
    if (message->key)
        report.key = QByteArray(static_cast<const char *>(message->key), static_cast<qsizetype>(message->key_len));
    rd_kafka_timestamp_type_t type = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE;
    report.timestampMs = rd_kafka_message_timestamp(message, &type);
    if (message->err) {
        // Not rd_kafka_message_errstr(): on a delivery report it returns the message's own value,
        // which has no terminating NUL (librdkafka says it must not be used with the producer;
        // ASan caught the overread).
        report.error = deliveryError(message->err, QString::fromUtf8(rd_kafka_err2str(message->err)));
    } else {
        report.offset = message->offset >= 0 ? message->offset : -1;
    }
    impl->reports.append(std::move(report));
}

} // namespace

Result<std::unique_ptr<Producer>> Producer::create(const ProducerConfig &config)
{
    if (config.readOnly)
        return Error{QStringLiteral("The connection \"%1\" is read-only: producing messages is not allowed.")
                         .arg(config.connectionName),
                     QStringLiteral("Clear \"read-only\" in the connection's settings to make changes."), true};
    if (config.idempotence && config.acks != Acks::All)
        return Error{QStringLiteral("An idempotent producer needs acks=all: choose acks \"all\" or turn idempotence off."),
                     {}, true};

    const QMap<QString, QString> defaults{
        {QStringLiteral("partitioner"), QStringLiteral("murmur2_random")},
        {QStringLiteral("allow.auto.create.topics"), QStringLiteral("false")},
        {QStringLiteral("message.timeout.ms"), QStringLiteral("30000")},
        {QStringLiteral("linger.ms"), QStringLiteral("5")},
    };
    QMap<QString, QString> settings = config.clientConfig;
    settings.insert(QStringLiteral("acks"), acksValue(config.acks));
    settings.insert(QStringLiteral("enable.idempotence"), config.idempotence ? QStringLiteral("true") : QStringLiteral("false"));
    settings.insert(QStringLiteral("compression.type"), compressionValue(config.compression));

    std::unique_ptr<Producer> producer(new Producer);
    producer->m_impl = std::make_unique<Impl>();
    producer->m_impl->config = config;
    Impl *impl = producer->m_impl.get();
    auto rk = kafkahandle::create(RD_KAFKA_PRODUCER, defaults, settings, [impl](rd_kafka_conf_t *conf) {
        rd_kafka_conf_set_opaque(conf, impl);
        rd_kafka_conf_set_dr_msg_cb(conf, onDelivery);
    });
    if (!rk)
        return rk.error();
    impl->rk = rk.value();
    return producer;
}

Producer::~Producer() = default;

const ProducerConfig &Producer::config() const
{
    return m_impl->config;
}

Result<int> Producer::describeTopic(const QString &topic, int timeoutMs)
{
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(m_impl->rk, topic.toUtf8().constData(), nullptr);
    if (!rkt)
        return kafkaerrors::fromCode(rd_kafka_last_error(), QStringLiteral("Looking up topic %1").arg(topic));
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(m_impl->rk, 0, rkt, &md, timeoutMs);
    rd_kafka_topic_destroy(rkt);
    if (err)
        return kafkaerrors::fromCode(err, QStringLiteral("Looking up topic %1").arg(topic));
    Result<int> result = failure(QStringLiteral("The cluster did not describe topic %1.").arg(topic));
    for (int i = 0; i < md->topic_cnt; ++i) {
        const rd_kafka_metadata_topic_t &t = md->topics[i];
        if (QString::fromUtf8(t.topic) != topic)
            continue;
        if (t.err == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART || (t.err == RD_KAFKA_RESP_ERR_NO_ERROR && t.partition_cnt == 0))
            result = Error{QStringLiteral("The topic %1 does not exist: create it first (Kafdesk never creates topics "
                                          "by producing to them).")
                               .arg(topic),
                           QString::fromUtf8(rd_kafka_err2str(t.err)) + QStringLiteral(" (") +
                               kafkaerrors::codeName(t.err) + QLatin1Char(')'),
                           true};
        else if (t.err)
            result = kafkaerrors::fromCode(t.err, QStringLiteral("Looking up topic %1").arg(topic));
        else
            result = t.partition_cnt;
    }
    rd_kafka_metadata_destroy(md);
    return result;
}

Result<int> Producer::partitionCount(const QString &topic, int timeoutMs)
{
    return askUntilTopicKnown([&] { return describeTopic(topic, timeoutMs); });
}

Producer::Queued Producer::produce(const QString &topic, int partition, const std::optional<QByteArray> &key,
                                   const QByteArray &value, const QList<QPair<QByteArray, QByteArray>> &headers, qint64 id)
{
    const QByteArray topicName = topic.toUtf8();
    rd_kafka_headers_t *hdrs = nullptr;
    if (!headers.isEmpty()) {
        hdrs = rd_kafka_headers_new(static_cast<size_t>(headers.size()));
        for (const auto &[name, headerValue] : headers)
            rd_kafka_header_add(hdrs, name.constData(), name.size(), headerValue.constData(), headerValue.size());
    }
    QList<rd_kafka_vu_t> vus;
    auto add = [&vus](rd_kafka_vtype_t type) -> rd_kafka_vu_t & {
        rd_kafka_vu_t vu{};
        vu.vtype = type;
        vus.append(vu);
        return vus.last();
    };
    add(RD_KAFKA_VTYPE_TOPIC).u.cstr = topicName.constData();
    add(RD_KAFKA_VTYPE_PARTITION).u.i32 = partition < 0 ? RD_KAFKA_PARTITION_UA : partition;
    add(RD_KAFKA_VTYPE_MSGFLAGS).u.i = RD_KAFKA_MSG_F_COPY;
    rd_kafka_vu_t &valueVu = add(RD_KAFKA_VTYPE_VALUE);
    valueVu.u.mem.ptr = const_cast<char *>(value.constData()); // copied (RD_KAFKA_MSG_F_COPY)
    valueVu.u.mem.size = static_cast<size_t>(value.size());
    if (key) {
        rd_kafka_vu_t &keyVu = add(RD_KAFKA_VTYPE_KEY);
        keyVu.u.mem.ptr = const_cast<char *>(key->constData()); // an empty key is a key, not null
        keyVu.u.mem.size = static_cast<size_t>(key->size());
    }
    if (hdrs)
        add(RD_KAFKA_VTYPE_HEADERS).u.headers = hdrs;
    add(RD_KAFKA_VTYPE_OPAQUE).u.ptr = idToOpaque(id);

    Queued queued;
    rd_kafka_error_t *error = rd_kafka_produceva(m_impl->rk, vus.constData(), static_cast<size_t>(vus.size()));
    if (!error) {
        queued.queued = true; // librdkafka owns hdrs now
        return queued;
    }
    if (hdrs)
        rd_kafka_headers_destroy(hdrs);
    const rd_kafka_resp_err_t code = rd_kafka_error_code(error);
    const QString text = QString::fromUtf8(rd_kafka_error_string(error));
    rd_kafka_error_destroy(error);
    if (code == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
        queued.queueFull = true;
        return queued;
    }
    if (code == RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE)
        queued.error = failure(QStringLiteral("The message is larger than the producer's message.max.bytes."), text);
    else if (code == RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION)
        queued.error = Error{QStringLiteral("Topic %1 has no partition %2.").arg(topic).arg(partition), text, true};
    else
        queued.error = kafkaerrors::fromCode(code, QStringLiteral("Queueing the message"), text);
    return queued;
}

int Producer::poll(int timeoutMs)
{
    return rd_kafka_poll(m_impl->rk, timeoutMs);
}

bool Producer::flush(int timeoutMs)
{
    return rd_kafka_flush(m_impl->rk, timeoutMs) == RD_KAFKA_RESP_ERR_NO_ERROR;
}

void Producer::purge()
{
    rd_kafka_purge(m_impl->rk, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
}

int Producer::outstanding() const
{
    return rd_kafka_outq_len(m_impl->rk);
}

QList<DeliveryReport> Producer::takeReports()
{
    return std::exchange(m_impl->reports, {});
}

} // namespace kafdesk
