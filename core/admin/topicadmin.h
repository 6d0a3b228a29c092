#pragma once

#include "admin/requests.h"
#include "kafka/admintypes.h"
#include "util/result.h"

#include <QMap>

#include <optional>

namespace kafdesk {

class AdminClient;
class OffsetClient;

// Topic and config operations over an AdminClient and an OffsetClient owned elsewhere (by one
// worker thread). Requests are expected to be validated already (admin/validation.h).
class TopicAdmin {
public:
    TopicAdmin(AdminClient &admin, OffsetClient &offsets) : m_admin(admin), m_offsets(offsets) {}

    Status create(const CreateTopicRequest &request);
    Result<QMap<QString, std::optional<Error>>> remove(const DeleteTopicsRequest &request);
    Status addPartitions(const AddPartitionsRequest &request);
    Result<QList<TopicPartitionOffset>> deleteRecords(const DeleteRecordsRequest &request);

    Result<QList<ConfigEntry>> topicConfigs(const QString &topic);
    Result<QList<ConfigEntry>> brokerConfigs(int brokerId);
    // The topic's current dynamic configs merged with the change, sent whole (legacy
    // AlterConfigs replaces the set: an untouched dynamic config left out would be reset).
    Status alterConfigs(const AlterTopicConfigsRequest &request);
    // The dynamic set alterConfigs would send, for a preview.
    static QMap<QString, QString> mergedDynamicConfigs(const QList<ConfigEntry> &current,
                                                       const AlterTopicConfigsRequest &request);

    // Per partition, the first offset at or after the timestamp (ms since the epoch).
    Result<QMap<int, qint64>> offsetsForTimestamp(const QString &topic, const QList<int> &partitions,
                                                  qint64 timestampMs);

private:
    AdminClient &m_admin;
    OffsetClient &m_offsets;
};

} // namespace kafdesk
