#include "kafka/metadataclient.h"

#include "kafka/errors.h"
#include "kafka/handle.h"

#include <librdkafka/rdkafka.h>

#include <QElapsedTimer>

#include <algorithm>

namespace kafdesk {

namespace {

struct LastError {
    int code = 0;
    QString text;
    bool allDown = false; // librdkafka said every broker is down (since the fetch began)
};

// Served by rd_kafka_poll() on the owning thread: keeps the latest connection-level error.
void rememberError(rd_kafka_t *, int err, const char *reason, void *opaque)
{
    auto *last = static_cast<LastError *>(opaque);
    // "1/1 brokers are down" follows the reason each broker gave (refused, TLS, ...): keep that.
    if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN) {
        last->allDown = true;
        if (last->code)
            return;
    }
    last->code = err;
    last->text = QString::fromUtf8(reason);
}

} // namespace

struct MetadataClient::Handle {
    rd_kafka_t *rk = nullptr;
    LastError lastError;
    ~Handle()
    {
        if (rk)
            rd_kafka_destroy(rk);
    }
};

const PartitionInfo *TopicInfo::partition(int id) const
{
    for (const PartitionInfo &p : partitions)
        if (p.id == id)
            return &p;
    return nullptr;
}

QList<int> MetadataSnapshot::brokerIds() const
{
    QList<int> ids;
    for (const BrokerInfo &b : brokers)
        ids << b.id;
    std::sort(ids.begin(), ids.end());
    return ids;
}

const TopicInfo *MetadataSnapshot::topic(const QString &name) const
{
    for (const TopicInfo &t : topics)
        if (t.name == name)
            return &t;
    return nullptr;
}

MetadataClient::MetadataClient(const QString &bootstrapServers, const QMap<QString, QString> &extraConfig)
{
    auto handle = std::make_unique<Handle>();
    auto rk = kafkahandle::create(RD_KAFKA_PRODUCER,
                                  {{QStringLiteral("bootstrap.servers"), bootstrapServers},
                                   {QStringLiteral("client.id"), QStringLiteral("kafdesk-metadata")},
                                   {QStringLiteral("socket.timeout.ms"), QStringLiteral("3000")},
                                   {QStringLiteral("reconnect.backoff.max.ms"), QStringLiteral("1000")},
                                   {QStringLiteral("topic.metadata.refresh.interval.ms"), QStringLiteral("2000")}},
                                  extraConfig, [&handle](rd_kafka_conf_t *conf) {
                                      rd_kafka_conf_set_error_cb(conf, rememberError);
                                      rd_kafka_conf_set_opaque(conf, &handle->lastError);
                                  });
    if (!rk) {
        m_createError = rk.error();
        return;
    }
    m_handle = std::move(handle);
    m_handle->rk = rk.value();
    m_bootstrap = bootstrapServers;
}

MetadataClient::~MetadataClient() = default;

Status MetadataClient::valid() const
{
    if (m_handle)
        return ok();
    return m_createError;
}

Result<MetadataSnapshot> MetadataClient::fetch(int timeoutMs, bool allTopics)
{
    if (!m_handle)
        return m_createError;
    const rd_kafka_metadata_t *md = nullptr;
    // A request sent to a broker that has just died waits there until the timeout (librdkafka
    // keeps it for that broker's reconnect) although other brokers would answer at once. So the
    // first try gets half the time, and a timed-out try is repeated once with what is left: by
    // then librdkafka knows that broker is down and asks another. (One broker killed had made the
    // whole cluster look unreachable for a poll.)
    QElapsedTimer timer;
    timer.start();
    const int firstTry = std::min(timeoutMs, std::max(1000, timeoutMs / 2));
    m_handle->lastError.allDown = false;
    rd_kafka_resp_err_t err = rd_kafka_metadata(m_handle->rk, allTopics ? 1 : 0, nullptr, &md, firstTry);
    rd_kafka_poll(m_handle->rk, 0); // serve the error callbacks: was it one broker or all?
    if (err == RD_KAFKA_RESP_ERR__TIMED_OUT && !m_handle->lastError.allDown && timeoutMs - timer.elapsed() > 100)
        err = rd_kafka_metadata(m_handle->rk, allTopics ? 1 : 0, nullptr, &md,
                                static_cast<int>(timeoutMs - timer.elapsed()));
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        rd_kafka_poll(m_handle->rk, 0); // serve the error callbacks that say why
        const LastError &last = m_handle->lastError;
        return kafkaerrors::connectionError(last.code ? last.code : err, last.text, m_bootstrap, timeoutMs);
    }

    MetadataSnapshot snap;
    snap.fetchedAt = QDateTime::currentDateTimeUtc();
    snap.originBrokerId = md->orig_broker_id;
    if (char *id = rd_kafka_clusterid(m_handle->rk, 0)) { // cached by the answer just read
        snap.clusterId = QString::fromUtf8(id);
        rd_kafka_mem_free(m_handle->rk, id);
    }
    for (int i = 0; i < md->broker_cnt; ++i) {
        const rd_kafka_metadata_broker_t &b = md->brokers[i];
        snap.brokers.append(BrokerInfo{b.id, QString::fromUtf8(b.host), static_cast<quint16>(b.port)});
    }
    std::sort(snap.brokers.begin(), snap.brokers.end(),
              [](const BrokerInfo &a, const BrokerInfo &b) { return a.id < b.id; });
    snap.topics.reserve(md->topic_cnt);
    for (int t = 0; t < md->topic_cnt; ++t) {
        const rd_kafka_metadata_topic_t &mt = md->topics[t];
        TopicInfo topic;
        topic.partitions.reserve(mt.partition_cnt);
        topic.name = QString::fromUtf8(mt.topic);
        if (mt.err != RD_KAFKA_RESP_ERR_NO_ERROR)
            topic.error = QString::fromUtf8(rd_kafka_err2name(mt.err));
        for (int p = 0; p < mt.partition_cnt; ++p) {
            const rd_kafka_metadata_partition_t &mp = mt.partitions[p];
            PartitionInfo part;
            part.id = mp.id;
            part.leader = mp.leader;
            part.replicas = QList<int>(mp.replicas, mp.replicas + mp.replica_cnt);
            part.isr = QList<int>(mp.isrs, mp.isrs + mp.isr_cnt);
            if (mp.err != RD_KAFKA_RESP_ERR_NO_ERROR)
                part.error = QString::fromUtf8(rd_kafka_err2name(mp.err));
            topic.partitions << std::move(part);
        }
        std::sort(topic.partitions.begin(), topic.partitions.end(),
                  [](const PartitionInfo &a, const PartitionInfo &b) { return a.id < b.id; });
        snap.topics << std::move(topic);
    }
    rd_kafka_metadata_destroy(md);
    return snap;
}

} // namespace kafdesk
