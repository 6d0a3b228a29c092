#pragma once

#include "admin/requests.h"
#include "kafka/acltypes.h"
#include "kafka/admintypes.h"
#include "util/result.h"

#include <QMap>
#include <QString>

#include <atomic>
#include <memory>

namespace kafdesk {

// One librdkafka handle used for Admin API calls, with its own result queue. Every call blocks
// until the cluster answers, the timeout passes or the cancel flag is set: use it on one worker
// thread only (ClusterSession's). Nothing outside core/kafka sees librdkafka.
class AdminClient {
public:
    static Result<std::unique_ptr<AdminClient>> create(const QMap<QString, QString> &config);
    ~AdminClient();
    AdminClient(const AdminClient &) = delete;
    AdminClient &operator=(const AdminClient &) = delete;

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }

    // Topics.
    Status createTopic(const CreateTopicRequest &request, bool validateOnly = false);
    // Per topic: an empty optional when it was deleted, else why not.
    Result<QMap<QString, std::optional<Error>>> deleteTopics(const QStringList &topics);
    Status createPartitions(const AddPartitionsRequest &request, bool validateOnly = false);
    Result<QList<TopicPartitionOffset>> deleteRecords(const DeleteRecordsRequest &request);

    // Configs. describeConfigs lists every entry with its source; alterConfigs REPLACES the
    // resource's whole dynamic set with `entries` (librdkafka 2.0.2 has only legacy AlterConfigs).
    Result<QList<ConfigEntry>> describeConfigs(ConfigResourceType type, const QString &name);
    Status alterConfigs(ConfigResourceType type, const QString &name, const QMap<QString, QString> &entries);

    // Consumer groups.
    Result<QList<GroupListing>> listGroups();
    Result<QList<GroupDescription>> describeGroups(const QStringList &groupIds);
    // Committed offsets of a group (every partition it has committed).
    Result<QList<TopicPartitionOffset>> listGroupOffsets(const QString &groupId);
    Status alterGroupOffsets(const QString &groupId, const QList<TopicPartitionOffset> &offsets);
    Result<QMap<QString, std::optional<Error>>> deleteGroups(const QStringList &groupIds);
    Status deleteGroupOffsets(const QString &groupId, const QString &topic, const QList<int> &partitions);

    // ACLs (adminclientacls.cpp); the brokers need an authorizer. Sorted by principal, resource.
    Result<QList<AclBinding>> describeAcls(const AclFilter &filter);
    // Per ACL, in order: an empty optional when it was created, else the broker's refusal.
    Result<QList<std::optional<Error>>> createAcls(const QList<AclBinding> &acls);
    // The ACLs the filters matched and the brokers deleted.
    Result<QList<AclBinding>> deleteAcls(const QList<AclFilter> &filters);

private:
    AdminClient() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    int m_timeoutMs = 15000;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace kafdesk
