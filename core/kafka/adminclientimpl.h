#pragma once

// Internals shared by the AdminClient source files: the handle, the result queue, and the
// wait for one admin result event. Included only inside core/kafka.

#include "kafka/adminclient.h"
#include "kafka/errors.h"

#include <librdkafka/rdkafka.h>

#include <functional>
#include <memory>

namespace kafdesk {

struct EventDeleter {
    void operator()(rd_kafka_event_t *e) const { rd_kafka_event_destroy(e); }
};
using EventPtr = std::unique_ptr<rd_kafka_event_t, EventDeleter>;

struct OptionsDeleter {
    void operator()(rd_kafka_AdminOptions_t *o) const { rd_kafka_AdminOptions_destroy(o); }
};
using OptionsPtr = std::unique_ptr<rd_kafka_AdminOptions_t, OptionsDeleter>;

struct PartitionListDeleter {
    void operator()(rd_kafka_topic_partition_list_t *l) const { rd_kafka_topic_partition_list_destroy(l); }
};
using PartitionListPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, PartitionListDeleter>;

// The handle is created on the first request, not with the client: a command that never asks
// the admin API (kafdesk-ctl describe) then costs no extra connection, no extra metadata
// request to the brokers and no threads. The configuration is checked when the client is made.
struct AdminClient::Impl {
    QMap<QString, QString> config;
    rd_kafka_t *rk = nullptr;
    rd_kafka_queue_t *queue = nullptr;
    ~Impl();

    Status ensureHandle();
    // One admin request: options with the timeouts, `send` (which calls the rd_kafka_* function
    // with the handle, the options and the result queue), and the wait for its result event.
    Result<EventPtr> call(rd_kafka_admin_op_t op, const QString &what, int timeoutMs, const std::atomic_bool *cancel,
                          bool validateOnly,
                          const std::function<void(rd_kafka_t *, rd_kafka_AdminOptions_t *, rd_kafka_queue_t *)> &send);
};

namespace admindetail {

OptionsPtr options(rd_kafka_t *rk, rd_kafka_admin_op_t op, int timeoutMs, bool validateOnly = false);
// Waits for the result event of the call just made; fails on timeout, cancel or a request-level error.
Result<EventPtr> await(rd_kafka_queue_t *queue, int timeoutMs, const std::atomic_bool *cancel, const QString &what);
QList<TopicPartitionOffset> toOffsets(const rd_kafka_topic_partition_list_t *list);
// The first topic-level error of a topic result list, as an Error, or nothing.
std::optional<Error> firstTopicError(const rd_kafka_topic_result_t **results, size_t count, const QString &what);
// The first partition-level error of a list, as an Error, or nothing.
std::optional<Error> firstPartitionError(const rd_kafka_topic_partition_list_t *list, const QString &what);
QString text(const char *s);

} // namespace admindetail
} // namespace kafdesk
