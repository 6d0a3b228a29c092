#pragma once

#include "kafka/admintypes.h"

#include <QList>
#include <QMap>
#include <QString>

namespace kafdesk {

// What a new topic gets for the configs a create dialog leaves at "Broker default", from one
// broker's configs, keyed by the topic config's name (retention.ms, cleanup.policy,
// min.insync.replicas, max.message.bytes). Kafka names the broker settings differently
// (log.retention.ms, or .minutes, or .hours; message.max.bytes); missing ones are left out.
QMap<QString, QString> topicDefaultsFromBroker(const QList<ConfigEntry> &brokerConfigs);

} // namespace kafdesk
