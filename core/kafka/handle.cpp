#include "kafka/handle.h"

namespace kafdesk::kafkahandle {

namespace {
void dropLog(const rd_kafka_t *, int, const char *, const char *) {}
} // namespace

namespace {

// A configuration with every setting applied, or the first one librdkafka refused.
Result<rd_kafka_conf_t *> buildConf(const QMap<QString, QString> &defaults, const QMap<QString, QString> &config)
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
    return conf;
}

} // namespace

Status checkConfig(const QMap<QString, QString> &defaults, const QMap<QString, QString> &config)
{
    auto conf = buildConf(defaults, config);
    if (!conf)
        return conf.error();
    rd_kafka_conf_destroy(conf.value());
    return ok();
}

Result<rd_kafka_t *> create(rd_kafka_type_t type, const QMap<QString, QString> &defaults,
                            const QMap<QString, QString> &config, const std::function<void(rd_kafka_conf_t *)> &customize)
{
    auto built = buildConf(defaults, config);
    if (!built)
        return built.error();
    rd_kafka_conf_t *conf = built.value();
    rd_kafka_conf_set_log_cb(conf, dropLog);
    if (customize)
        customize(conf);
    char errstr[512];
    rd_kafka_t *rk = rd_kafka_new(type, conf, errstr, sizeof errstr);
    if (!rk) {
        rd_kafka_conf_destroy(conf); // rd_kafka_new takes conf only when it succeeds
        return failure(QStringLiteral("The Kafka client could not be created."), QString::fromUtf8(errstr));
    }
    return rk;
}

} // namespace kafdesk::kafkahandle
