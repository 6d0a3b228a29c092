#include "kafka/adminclientimpl.h"
#include "kafka/handle.h"

#include <QElapsedTimer>

namespace kafdesk {

using namespace admindetail;

namespace {

rd_kafka_ResourceType_t resourceType(ConfigResourceType type)
{
    return type == ConfigResourceType::Topic ? RD_KAFKA_RESOURCE_TOPIC : RD_KAFKA_RESOURCE_BROKER;
}

QString resourceWhat(ConfigResourceType type, const QString &name)
{
    return type == ConfigResourceType::Topic ? QStringLiteral("Topic %1").arg(name)
                                             : QStringLiteral("Broker %1").arg(name);
}

} // namespace

AdminClient::Impl::~Impl()
{
    if (queue)
        rd_kafka_queue_destroy(queue);
    if (rk)
        rd_kafka_destroy(rk);
}

namespace admindetail {

QString text(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

OptionsPtr options(rd_kafka_t *rk, rd_kafka_admin_op_t op, int timeoutMs, bool validateOnly)
{
    OptionsPtr o(rd_kafka_AdminOptions_new(rk, op));
    char errstr[256];
    rd_kafka_AdminOptions_set_request_timeout(o.get(), timeoutMs, errstr, sizeof errstr);
    if (op == RD_KAFKA_ADMIN_OP_CREATETOPICS || op == RD_KAFKA_ADMIN_OP_DELETETOPICS ||
        op == RD_KAFKA_ADMIN_OP_CREATEPARTITIONS || op == RD_KAFKA_ADMIN_OP_DELETERECORDS)
        rd_kafka_AdminOptions_set_operation_timeout(o.get(), timeoutMs, errstr, sizeof errstr);
    if (validateOnly)
        rd_kafka_AdminOptions_set_validate_only(o.get(), 1, errstr, sizeof errstr);
    return o;
}

Result<EventPtr> await(rd_kafka_queue_t *queue, int timeoutMs, const std::atomic_bool *cancel, const QString &what)
{
    QElapsedTimer timer;
    timer.start();
    // The request timeout is enforced by librdkafka; this wait is a safety net a little longer.
    const qint64 limit = timeoutMs + 2000;
    for (;;) {
        if (cancel && cancel->load())
            return cancelledError();
        EventPtr ev(rd_kafka_queue_poll(queue, 100));
        if (ev) {
            if (rd_kafka_event_error(ev.get()) != RD_KAFKA_RESP_ERR_NO_ERROR)
                return kafkaerrors::fromCode(rd_kafka_event_error(ev.get()), what,
                                             text(rd_kafka_event_error_string(ev.get())));
            return ev;
        }
        if (timer.elapsed() > limit)
            return kafkaerrors::fromCode(RD_KAFKA_RESP_ERR__TIMED_OUT, what);
    }
}

QList<TopicPartitionOffset> toOffsets(const rd_kafka_topic_partition_list_t *list)
{
    QList<TopicPartitionOffset> out;
    if (!list)
        return out;
    for (int i = 0; i < list->cnt; ++i) {
        const rd_kafka_topic_partition_t &p = list->elems[i];
        out << TopicPartitionOffset{text(p.topic), p.partition, p.offset,
                                    p.err ? kafkaerrors::codeName(p.err) : QString()};
    }
    return out;
}

std::optional<Error> firstTopicError(const rd_kafka_topic_result_t **results, size_t count, const QString &what)
{
    for (size_t i = 0; i < count; ++i)
        if (rd_kafka_topic_result_error(results[i]))
            return kafkaerrors::fromCode(rd_kafka_topic_result_error(results[i]), what,
                                         text(rd_kafka_topic_result_error_string(results[i])));
    return std::nullopt;
}

std::optional<Error> firstPartitionError(const rd_kafka_topic_partition_list_t *list, const QString &what)
{
    if (!list)
        return std::nullopt;
    for (int i = 0; i < list->cnt; ++i) {
        const rd_kafka_topic_partition_t &p = list->elems[i];
        if (p.err)
            return kafkaerrors::fromCode(p.err, QStringLiteral("%1 (%2-%3)").arg(what, text(p.topic)).arg(p.partition));
    }
    return std::nullopt;
}

} // namespace admindetail

namespace {

QMap<QString, QString> adminDefaults()
{
    return {{QStringLiteral("client.id"), QStringLiteral("kafdesk-admin")},
            {QStringLiteral("socket.timeout.ms"), QStringLiteral("10000")},
            {QStringLiteral("reconnect.backoff.max.ms"), QStringLiteral("1000")},
            {QStringLiteral("topic.metadata.refresh.interval.ms"), QStringLiteral("5000")}};
}

} // namespace

Result<std::unique_ptr<AdminClient>> AdminClient::create(const QMap<QString, QString> &config)
{
    if (const Status s = kafkahandle::checkConfig(adminDefaults(), config); !s)
        return s.error();
    std::unique_ptr<AdminClient> client(new AdminClient);
    client->m_impl = std::make_unique<Impl>();
    client->m_impl->config = config;
    return client;
}

Status AdminClient::Impl::ensureHandle()
{
    if (rk)
        return ok();
    auto created = kafkahandle::create(RD_KAFKA_PRODUCER, adminDefaults(), config);
    if (!created)
        return created.error();
    rk = created.value();
    queue = rd_kafka_queue_new(rk);
    return ok();
}

Result<EventPtr> AdminClient::Impl::call(
    rd_kafka_admin_op_t op, const QString &what, int timeoutMs, const std::atomic_bool *cancel, bool validateOnly,
    const std::function<void(rd_kafka_t *, rd_kafka_AdminOptions_t *, rd_kafka_queue_t *)> &send)
{
    if (const Status s = ensureHandle(); !s)
        return s.error();
    auto opts = options(rk, op, timeoutMs, validateOnly);
    send(rk, opts.get(), queue);
    return await(queue, timeoutMs, cancel, what);
}

AdminClient::~AdminClient() = default;

Status AdminClient::createTopic(const CreateTopicRequest &request, bool validateOnly)
{
    const QString what = QStringLiteral("Creating topic %1").arg(request.name);
    char errstr[512];
    const bool assigned = !request.replicaAssignment.isEmpty();
    const int partitions = assigned ? static_cast<int>(request.replicaAssignment.size()) : request.partitions;
    rd_kafka_NewTopic_t *topic = rd_kafka_NewTopic_new(request.name.toUtf8().constData(), partitions,
                                                       assigned ? -1 : request.replicationFactor, errstr, sizeof errstr);
    if (!topic)
        return failure(what + QStringLiteral(" failed: the request is not valid."), text(errstr));
    std::unique_ptr<rd_kafka_NewTopic_t, decltype(&rd_kafka_NewTopic_destroy)> owner(topic, rd_kafka_NewTopic_destroy);
    for (qsizetype p = 0; p < request.replicaAssignment.size(); ++p) {
        std::vector<int32_t> brokers(request.replicaAssignment[p].cbegin(), request.replicaAssignment[p].cend());
        if (rd_kafka_NewTopic_set_replica_assignment(topic, static_cast<int32_t>(p), brokers.data(), brokers.size(),
                                                     errstr, sizeof errstr))
            return failure(what + QStringLiteral(" failed: the replica assignment is not valid."), text(errstr));
    }
    for (auto it = request.configs.cbegin(); it != request.configs.cend(); ++it)
        rd_kafka_NewTopic_set_config(topic, it.key().toUtf8().constData(), it.value().toUtf8().constData());

    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_CREATETOPICS, what, m_timeoutMs, m_cancel, validateOnly,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_CreateTopics(rk, &topic, 1, o, q);
                           });
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_topic_result_t **results =
        rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev->get()), &count);
    if (auto e = firstTopicError(results, count, what))
        return *e;
    return ok();
}

Result<QMap<QString, std::optional<Error>>> AdminClient::deleteTopics(const QStringList &topics)
{
    std::vector<rd_kafka_DeleteTopic_t *> items;
    for (const QString &t : topics)
        items.push_back(rd_kafka_DeleteTopic_new(t.toUtf8().constData()));
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_DELETETOPICS, QStringLiteral("Deleting topics"), m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_DeleteTopics(rk, items.data(), items.size(), o, q);
                           });
    rd_kafka_DeleteTopic_destroy_array(items.data(), items.size());
    if (!ev)
        return ev.error();
    QMap<QString, std::optional<Error>> out;
    size_t count = 0;
    const rd_kafka_topic_result_t **results =
        rd_kafka_DeleteTopics_result_topics(rd_kafka_event_DeleteTopics_result(ev->get()), &count);
    for (size_t i = 0; i < count; ++i) {
        const QString name = text(rd_kafka_topic_result_name(results[i]));
        if (rd_kafka_topic_result_error(results[i]))
            out.insert(name, kafkaerrors::fromCode(rd_kafka_topic_result_error(results[i]),
                                                   QStringLiteral("Deleting topic %1").arg(name),
                                                   text(rd_kafka_topic_result_error_string(results[i]))));
        else
            out.insert(name, std::nullopt);
    }
    return out;
}

Status AdminClient::createPartitions(const AddPartitionsRequest &request, bool validateOnly)
{
    const QString what = QStringLiteral("Adding partitions to %1").arg(request.topic);
    char errstr[512];
    rd_kafka_NewPartitions_t *np = rd_kafka_NewPartitions_new(request.topic.toUtf8().constData(),
                                                              static_cast<size_t>(request.totalPartitions), errstr,
                                                              sizeof errstr);
    if (!np)
        return failure(what + QStringLiteral(" failed: the request is not valid."), text(errstr));
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_CREATEPARTITIONS, what, m_timeoutMs, m_cancel, validateOnly,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_CreatePartitions(rk, &np, 1, o, q);
                           });
    rd_kafka_NewPartitions_destroy(np);
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_topic_result_t **results =
        rd_kafka_CreatePartitions_result_topics(rd_kafka_event_CreatePartitions_result(ev->get()), &count);
    if (auto e = firstTopicError(results, count, what))
        return *e;
    return ok();
}

Result<QList<TopicPartitionOffset>> AdminClient::deleteRecords(const DeleteRecordsRequest &request)
{
    const QString what = QStringLiteral("Deleting records of %1").arg(request.topic);
    PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(request.beforeOffset.size())));
    for (auto it = request.beforeOffset.cbegin(); it != request.beforeOffset.cend(); ++it)
        rd_kafka_topic_partition_list_add(list.get(), request.topic.toUtf8().constData(), it.key())->offset = it.value();
    rd_kafka_DeleteRecords_t *del = rd_kafka_DeleteRecords_new(list.get());
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_DELETERECORDS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_DeleteRecords(rk, &del, 1, o, q);
                           });
    rd_kafka_DeleteRecords_destroy(del);
    if (!ev)
        return ev.error();
    const rd_kafka_topic_partition_list_t *offsets =
        rd_kafka_DeleteRecords_result_offsets(rd_kafka_event_DeleteRecords_result(ev->get()));
    if (auto e = firstPartitionError(offsets, what))
        return *e;
    return toOffsets(offsets); // each partition's new low watermark
}

Result<QList<ConfigEntry>> AdminClient::describeConfigs(ConfigResourceType type, const QString &name)
{
    const QString what = QStringLiteral("Reading the configs of ") + resourceWhat(type, name).toLower();
    rd_kafka_ConfigResource_t *res = rd_kafka_ConfigResource_new(resourceType(type), name.toUtf8().constData());
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_DescribeConfigs(rk, &res, 1, o, q);
                           });
    rd_kafka_ConfigResource_destroy(res);
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_ConfigResource_t **resources =
        rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(ev->get()), &count);
    QList<ConfigEntry> out;
    for (size_t i = 0; i < count; ++i) {
        if (rd_kafka_ConfigResource_error(resources[i]))
            return kafkaerrors::fromCode(rd_kafka_ConfigResource_error(resources[i]), what,
                                         text(rd_kafka_ConfigResource_error_string(resources[i])));
        size_t entryCount = 0;
        const rd_kafka_ConfigEntry_t **entries = rd_kafka_ConfigResource_configs(resources[i], &entryCount);
        for (size_t j = 0; j < entryCount; ++j) {
            const rd_kafka_ConfigEntry_t *e = entries[j];
            const char *value = rd_kafka_ConfigEntry_value(e);
            out << ConfigEntry{text(rd_kafka_ConfigEntry_name(e)),
                               text(value),
                               text(rd_kafka_ConfigSource_name(rd_kafka_ConfigEntry_source(e))),
                               rd_kafka_ConfigEntry_is_default(e) != 0,
                               rd_kafka_ConfigEntry_is_read_only(e) != 0,
                               rd_kafka_ConfigEntry_is_sensitive(e) != 0,
                               value == nullptr};
        }
    }
    std::sort(out.begin(), out.end(), [](const ConfigEntry &a, const ConfigEntry &b) { return a.name < b.name; });
    return out;
}

Status AdminClient::alterConfigs(ConfigResourceType type, const QString &name, const QMap<QString, QString> &entries)
{
    const QString what = QStringLiteral("Changing the configs of ") + resourceWhat(type, name).toLower();
    rd_kafka_ConfigResource_t *res = rd_kafka_ConfigResource_new(resourceType(type), name.toUtf8().constData());
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        rd_kafka_ConfigResource_set_config(res, it.key().toUtf8().constData(), it.value().toUtf8().constData());
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_ALTERCONFIGS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_AlterConfigs(rk, &res, 1, o, q);
                           });
    rd_kafka_ConfigResource_destroy(res);
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_ConfigResource_t **resources =
        rd_kafka_AlterConfigs_result_resources(rd_kafka_event_AlterConfigs_result(ev->get()), &count);
    for (size_t i = 0; i < count; ++i)
        if (rd_kafka_ConfigResource_error(resources[i]))
            return kafkaerrors::fromCode(rd_kafka_ConfigResource_error(resources[i]), what,
                                         text(rd_kafka_ConfigResource_error_string(resources[i])));
    return ok();
}

} // namespace kafdesk
