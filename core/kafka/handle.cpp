#include "kafka/handle.h"

namespace kafdesk::kafkahandle {

namespace {
void dropLog(const rd_kafka_t *, int, const char *, const char *) {}
} // namespace

Result<rd_kafka_t *> create(rd_kafka_type_t type, const QMap<QString, QString> &defaults,
                            const QMap<QString, QString> &config, const std::function<void(rd_kafka_conf_t *)> &customize)
{
    char errstr[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    QMap<QString, QString> settings = defaults;
    for (auto it = config.cbegin(); it != config.cend(); ++it)
        settings.insert(it.key(), it.value());
    for (auto it = settings.cbegin(); it != settings.cend(); ++it) {
        if (rd_kafka_conf_set(conf, it.key().toUtf8().constData(), it.value().toUtf8().constData(), errstr,
                              sizeof errstr) != RD_KAFKA_CONF_OK) {
            rd_kafka_conf_destroy(conf);
            return failure(QStringLiteral("The client setting %1 was refused.").arg(it.key()), QString::fromUtf8(errstr));
        }
    }
    rd_kafka_conf_set_log_cb(conf, dropLog);
    if (customize)
        customize(conf);
    rd_kafka_t *rk = rd_kafka_new(type, conf, errstr, sizeof errstr);
    if (!rk) {
        rd_kafka_conf_destroy(conf); // rd_kafka_new takes conf only when it succeeds
        return failure(QStringLiteral("The Kafka client could not be created."), QString::fromUtf8(errstr));
    }
    return rk;
}

} // namespace kafdesk::kafkahandle
