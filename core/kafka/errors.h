#pragma once

#include "util/result.h"

namespace kafdesk::kafkaerrors {

// A clear sentence for a librdkafka or broker error code (an rd_kafka_resp_err_t), keeping the
// broker's own text (or librdkafka's) as the detail. `what` names the operation, e.g.
// "Creating topic orders".
Error fromCode(int code, const QString &what, const QString &brokerText = {});

// Why no broker could be reached, as one of a few distinct sentences (bad address, nothing
// listening, timed out, authentication failed, TLS handshake failed, SASL mechanism not enabled),
// from librdkafka's error code and its own text (kept as the detail).
Error connectionError(int code, const QString &librdkafkaText, const QString &bootstrap, int timeoutMs);

// The error's symbolic name, e.g. TOPIC_ALREADY_EXISTS.
QString codeName(int code);

} // namespace kafdesk::kafkaerrors
