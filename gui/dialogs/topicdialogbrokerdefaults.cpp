#include "dialogs/topicdialogbrokerdefaults.h"

namespace kafdesk {

QMap<QString, QString> topicDefaultsFromBroker(const QList<ConfigEntry> &brokerConfigs)
{
    QMap<QString, QString> broker;
    for (const ConfigEntry &e : brokerConfigs)
        if (!e.isValueNull && !e.sensitive && !e.value.isEmpty())
            broker.insert(e.name, e.value);

    QMap<QString, QString> topic;
    // The broker takes the most precise retention setting that is set.
    const struct {
        const char *key;
        qint64 factor;
    } retention[] = {{"log.retention.ms", 1}, {"log.retention.minutes", 60000}, {"log.retention.hours", 3600000}};
    for (const auto &r : retention) {
        bool ok = false;
        const qint64 v = broker.value(QLatin1String(r.key)).toLongLong(&ok);
        if (!ok)
            continue;
        topic.insert(QStringLiteral("retention.ms"), QString::number(v < 0 ? -1 : v * r.factor));
        break;
    }
    const struct {
        const char *topicKey;
        const char *brokerKey;
    } renamed[] = {{"cleanup.policy", "log.cleanup.policy"},
                   {"min.insync.replicas", "min.insync.replicas"},
                   {"max.message.bytes", "message.max.bytes"}};
    for (const auto &r : renamed)
        if (broker.contains(QLatin1String(r.brokerKey)))
            topic.insert(QLatin1String(r.topicKey), broker.value(QLatin1String(r.brokerKey)));
    return topic;
}

} // namespace kafdesk
