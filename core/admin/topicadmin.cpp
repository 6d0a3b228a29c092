#include "admin/topicadmin.h"

#include "kafka/adminclient.h"
#include "kafka/offsetclient.h"

namespace kafdesk {

Status TopicAdmin::create(const CreateTopicRequest &request)
{
    return m_admin.createTopic(request);
}

Result<QMap<QString, std::optional<Error>>> TopicAdmin::remove(const DeleteTopicsRequest &request)
{
    return m_admin.deleteTopics(request.topics);
}

Status TopicAdmin::addPartitions(const AddPartitionsRequest &request)
{
    return m_admin.createPartitions(request);
}

Result<QList<TopicPartitionOffset>> TopicAdmin::deleteRecords(const DeleteRecordsRequest &request)
{
    return m_admin.deleteRecords(request);
}

Result<QList<ConfigEntry>> TopicAdmin::topicConfigs(const QString &topic)
{
    return m_admin.describeConfigs(ConfigResourceType::Topic, topic);
}

Result<QList<ConfigEntry>> TopicAdmin::brokerConfigs(int brokerId)
{
    return m_admin.describeConfigs(ConfigResourceType::Broker, QString::number(brokerId));
}

QMap<QString, QString> TopicAdmin::mergedDynamicConfigs(const QList<ConfigEntry> &current,
                                                        const AlterTopicConfigsRequest &request)
{
    QMap<QString, QString> merged;
    for (const ConfigEntry &e : current)
        if (e.source == QLatin1String("DYNAMIC_TOPIC_CONFIG") && !e.isValueNull)
            merged.insert(e.name, e.value);
    for (auto it = request.set.cbegin(); it != request.set.cend(); ++it)
        merged.insert(it.key(), it.value());
    for (const QString &key : request.remove)
        merged.remove(key);
    return merged;
}

Status TopicAdmin::alterConfigs(const AlterTopicConfigsRequest &request)
{
    auto current = topicConfigs(request.topic);
    if (!current)
        return current.error();
    // A sensitive dynamic value cannot be read back, so it cannot be re-sent: refuse rather than reset it.
    for (const ConfigEntry &e : current.value())
        if (e.source == QLatin1String("DYNAMIC_TOPIC_CONFIG") && e.sensitive && !request.set.contains(e.name) &&
            !request.remove.contains(e.name))
            return failure(QStringLiteral("Topic %1 has a sensitive dynamic config (%2) that cannot be read back, so "
                                          "changing other configs would reset it.")
                               .arg(request.topic, e.name),
                           QStringLiteral("Set %1 again in the same change.").arg(e.name));
    return m_admin.alterConfigs(ConfigResourceType::Topic, request.topic, mergedDynamicConfigs(current.value(), request));
}

Result<QMap<int, qint64>> TopicAdmin::offsetsForTimestamp(const QString &topic, const QList<int> &partitions,
                                                          qint64 timestampMs)
{
    QList<OffsetClient::Partition> list;
    for (const int p : partitions)
        list.append({topic, p});
    auto found = m_offsets.offsetsAt(list, timestampMs, m_admin.timeoutMs());
    if (!found)
        return found.error();
    QMap<int, qint64> out;
    for (auto it = found->cbegin(); it != found->cend(); ++it)
        out.insert(it.key().second, it.value());
    return out;
}

} // namespace kafdesk
