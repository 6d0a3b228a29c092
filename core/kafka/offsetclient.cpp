#include "kafka/offsetclient.h"

#include "kafka/errors.h"
#include "kafka/handle.h"
#include "kafka/topicpropagation.h"

#include <QElapsedTimer>
#include <QThread>

#include <librdkafka/rdkafka.h>

namespace kafdesk {

namespace {

struct ListDeleter {
    void operator()(rd_kafka_topic_partition_list_t *l) const { rd_kafka_topic_partition_list_destroy(l); }
};

// Errors that pass once metadata catches up with a leader change.
bool isTransient(rd_kafka_resp_err_t err)
{
    return err == RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION || err == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE ||
           err == RD_KAFKA_RESP_ERR_UNKNOWN_LEADER_EPOCH || err == RD_KAFKA_RESP_ERR_FENCED_LEADER_EPOCH ||
           err == RD_KAFKA_RESP_ERR__TRANSPORT || err == RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT ||
           err == RD_KAFKA_RESP_ERR_OFFSET_NOT_AVAILABLE;
}

QMap<QString, QString> offsetDefaults()
{
    // read_uncommitted: the log end offset is the high watermark, as Kafka's own tools report it.
    return {{QStringLiteral("client.id"), QStringLiteral("kafdesk-offsets")},
            {QStringLiteral("isolation.level"), QStringLiteral("read_uncommitted")},
            {QStringLiteral("enable.auto.commit"), QStringLiteral("false")},
            {QStringLiteral("socket.timeout.ms"), QStringLiteral("10000")},
            {QStringLiteral("reconnect.backoff.max.ms"), QStringLiteral("1000")},
            {QStringLiteral("topic.metadata.refresh.interval.ms"), QStringLiteral("2000")}};
}

} // namespace

// Created on first use, like the admin client's (kafka/adminclientimpl.h says why).
struct OffsetClient::Impl {
    QMap<QString, QString> config;
    rd_kafka_t *rk = nullptr;
    ~Impl()
    {
        if (rk)
            rd_kafka_destroy(rk);
    }
    Result<rd_kafka_t *> handle()
    {
        if (!rk) {
            auto created = kafkahandle::create(RD_KAFKA_CONSUMER, offsetDefaults(), config);
            if (!created)
                return created.error();
            rk = created.value();
        }
        return rk;
    }
};

Result<std::unique_ptr<OffsetClient>> OffsetClient::create(const QMap<QString, QString> &config)
{
    if (const Status s = kafkahandle::checkConfig(offsetDefaults(), config); !s)
        return s.error();
    std::unique_ptr<OffsetClient> client(new OffsetClient);
    client->m_impl = std::make_unique<Impl>();
    client->m_impl->config = config;
    return client;
}

OffsetClient::~OffsetClient() = default;

Result<QMap<OffsetClient::Partition, qint64>> OffsetClient::offsetsAt(const QList<Partition> &partitions,
                                                                      qint64 timestampMs, int timeoutMs)
{
    QMap<Partition, qint64> out;
    if (partitions.isEmpty())
        return out;
    auto rk = m_impl->handle();
    if (!rk)
        return rk.error();
    QElapsedTimer timer;
    timer.start();
    for (int attempt = 0;; ++attempt) {
        std::unique_ptr<rd_kafka_topic_partition_list_t, ListDeleter> list(
            rd_kafka_topic_partition_list_new(static_cast<int>(partitions.size())));
        for (const Partition &p : partitions)
            rd_kafka_topic_partition_list_add(list.get(), p.first.toUtf8().constData(), p.second)->offset = timestampMs;
        const int left = std::max<int>(500, timeoutMs - static_cast<int>(timer.elapsed()));
        rd_kafka_resp_err_t err = rd_kafka_offsets_for_times(rk.value(), list.get(), left);
        // Any partition's error fails the whole call: look for the first one.
        rd_kafka_resp_err_t partitionErr = RD_KAFKA_RESP_ERR_NO_ERROR;
        QString failedAt;
        for (int i = 0; i < list->cnt && err == RD_KAFKA_RESP_ERR_NO_ERROR; ++i) {
            if (list->elems[i].err) {
                partitionErr = list->elems[i].err;
                failedAt = QStringLiteral("%1-%2").arg(QString::fromUtf8(list->elems[i].topic)).arg(list->elems[i].partition);
                break;
            }
        }
        const rd_kafka_resp_err_t problem = err ? err : partitionErr;
        if (problem == RD_KAFKA_RESP_ERR_NO_ERROR) {
            // For a timestamp with no message at or after it, the broker answers -1 (which reads
            // as `latest`): look those partitions' log end up, as promised, in one more batch.
            QList<Partition> noMessage;
            for (int i = 0; i < list->cnt; ++i) {
                const Partition p{QString::fromUtf8(list->elems[i].topic), list->elems[i].partition};
                if (timestampMs >= 0 && list->elems[i].offset < 0)
                    noMessage << p;
                else
                    out.insert(p, list->elems[i].offset);
            }
            if (!noMessage.isEmpty()) {
                auto ends = offsetsAt(noMessage, latest, std::max<int>(500, timeoutMs - static_cast<int>(timer.elapsed())));
                if (!ends)
                    return ends.error();
                out.insert(ends.value());
            }
            return out;
        }
        // A topic just created reaches the brokers one after another: "unknown" is believed
        // only after topicPropagationMs (kafka/topicpropagation.h).
        const bool unknown = problem == RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION ||
                             problem == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART || problem == RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC;
        const bool askAgain = isTransient(problem) || (unknown && timer.elapsed() < topicPropagationMs);
        if (!askAgain || timer.elapsed() >= timeoutMs)
            return kafkaerrors::fromCode(problem, failedAt.isEmpty() ? QStringLiteral("Reading offsets")
                                                                     : QStringLiteral("Reading the offsets of ") + failedAt);
        QThread::msleep(std::min(100 * (attempt + 1), 1000)); // leadership is moving: let metadata catch up
    }
}

Result<QMap<OffsetClient::Partition, Watermarks>> OffsetClient::watermarks(const QList<Partition> &partitions,
                                                                           int timeoutMs)
{
    auto low = offsetsAt(partitions, earliest, timeoutMs);
    if (!low)
        return low.error();
    auto high = offsetsAt(partitions, latest, timeoutMs);
    if (!high)
        return high.error();
    QMap<Partition, Watermarks> out;
    for (auto it = low->cbegin(); it != low->cend(); ++it)
        out.insert(it.key(), Watermarks{it.value(), high->value(it.key(), -1)});
    return out;
}

} // namespace kafdesk
