#include "kafka/labproducer.h"

#include "kafka/errors.h"
#include "kafka/handle.h"

#include <librdkafka/rdkafka.h>

namespace kafdesk {

struct LabProducer::Impl {
    rd_kafka_t *rk = nullptr;
    rd_kafka_topic_t *topic = nullptr;
    QString topicName;
    qint64 next = 0;
    qint64 sent = 0;
    qint64 failed = 0;

    ~Impl()
    {
        if (topic)
            rd_kafka_topic_destroy(topic);
        if (rk) {
            rd_kafka_flush(rk, 1000);
            rd_kafka_destroy(rk);
        }
    }
};

Result<std::unique_ptr<LabProducer>> LabProducer::create(const QMap<QString, QString> &clientConfig,
                                                         const QString &topic)
{
    std::unique_ptr<LabProducer> producer(new LabProducer);
    producer->d = std::make_unique<Impl>();
    Impl *impl = producer->d.get();
    impl->topicName = topic;
    QMap<QString, QString> settings = clientConfig;
    settings.insert(QStringLiteral("client.id"), QStringLiteral("kafdesk-lab-producer"));
    settings.insert(QStringLiteral("partitioner"), QStringLiteral("murmur2_random"));
    settings.insert(QStringLiteral("linger.ms"), QStringLiteral("5"));
    auto created = kafkahandle::create(RD_KAFKA_PRODUCER, {}, settings, [impl](rd_kafka_conf_t *conf) {
        rd_kafka_conf_set_opaque(conf, impl);
        rd_kafka_conf_set_dr_msg_cb(conf, [](rd_kafka_t *, const rd_kafka_message_t *message, void *opaque) {
            auto *self = static_cast<Impl *>(opaque);
            if (message->err)
                ++self->failed;
            else
                ++self->sent;
        });
    });
    if (!created)
        return created.error();
    impl->rk = created.value();
    impl->topic = rd_kafka_topic_new(impl->rk, topic.toUtf8().constData(), nullptr);
    if (!impl->topic)
        return kafkaerrors::fromCode(rd_kafka_last_error(), QStringLiteral("Opening topic %1").arg(topic));
    return producer;
}

LabProducer::~LabProducer() = default;

Status LabProducer::send(int count, int pollMs)
{
    for (int i = 0; i < count; ++i) {
        const QByteArray key = "lab-" + QByteArray::number(d->next);
        const QByteArray value = "message " + QByteArray::number(d->next) + " from the consumer-group lab";
        ++d->next;
        if (rd_kafka_produce(d->topic, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, const_cast<char *>(value.constData()),
                             static_cast<size_t>(value.size()), key.constData(), static_cast<size_t>(key.size()),
                             nullptr) != 0)
            return kafkaerrors::fromCode(rd_kafka_last_error(), QStringLiteral("Producing to %1").arg(d->topicName));
    }
    rd_kafka_poll(d->rk, pollMs);
    return ok();
}

void LabProducer::flush(int timeoutMs)
{
    rd_kafka_flush(d->rk, timeoutMs);
}

qint64 LabProducer::sent() const
{
    return d->sent;
}

qint64 LabProducer::failed() const
{
    return d->failed;
}

} // namespace kafdesk
