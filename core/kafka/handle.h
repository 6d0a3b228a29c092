#pragma once

// Creating librdkafka handles, shared by the clients in core/kafka (included only there).

#include "util/result.h"

#include <QMap>

#include <librdkafka/rdkafka.h>

#include <functional>

namespace kafdesk::kafkahandle {

// A new handle of `type` with `defaults` overridden by `config`. `customize` may install
// callbacks on the configuration before the handle takes it. Log lines are dropped: errors
// reach callers as values.
Result<rd_kafka_t *> create(rd_kafka_type_t type, const QMap<QString, QString> &defaults,
                            const QMap<QString, QString> &config,
                            const std::function<void(rd_kafka_conf_t *)> &customize = {});

// Whether librdkafka takes every property of `defaults` overridden by `config` (names and
// values), without creating a handle: for clients that create theirs on first use.
Status checkConfig(const QMap<QString, QString> &defaults, const QMap<QString, QString> &config);

} // namespace kafdesk::kafkahandle
