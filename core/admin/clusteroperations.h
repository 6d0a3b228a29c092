#pragma once

#include "admin/acladmin.h"
#include "admin/groupadmin.h"
#include "admin/requests.h"
#include "admin/topicadmin.h"
#include "kafka/adminclient.h"
#include "kafka/metadataclient.h"
#include "kafka/offsetclient.h"
#include "util/result.h"

#include <QMap>

#include <memory>

namespace kafdesk {

// How to reach one cluster: librdkafka properties (from a profile, or just bootstrap.servers)
// and whether the user may change anything there.
struct ConnectionSettings {
    QString name;                          // the profile's name, for messages
    QMap<QString, QString> clientConfig;   // bootstrap.servers, security.protocol, ...
    bool readOnly = false;

    static ConnectionSettings forBootstrap(const QString &bootstrap, const QString &name = {});
};

// Every operation on one cluster, on the clients it owns. The single place where read-only
// profiles are enforced: each mutating operation checks first, whichever front end calls it
// (the GUI through ClusterSession, or kafdesk-ctl directly). Use it on one thread.
class ClusterOperations {
public:
    static Result<std::unique_ptr<ClusterOperations>> connect(const ConnectionSettings &settings);

    const ConnectionSettings &settings() const { return m_settings; }
    MetadataClient &metadata() { return *m_metadata; }
    AdminClient &admin() { return *m_admin; }
    OffsetClient &offsets() { return *m_offsets; }
    TopicAdmin &topics() { return m_topics; }
    GroupAdmin &groups() { return m_groups; }
    AclAdmin &acls() { return m_acls; }

    // Refuses with a sentence naming the operation when the connection is read-only.
    Status allowMutation(const QString &operation) const;

    Status createTopic(const CreateTopicRequest &request);
    Result<QMap<QString, std::optional<Error>>> deleteTopics(const DeleteTopicsRequest &request);
    Status addPartitions(const AddPartitionsRequest &request);
    Status alterTopicConfigs(const AlterTopicConfigsRequest &request);
    Result<QList<TopicPartitionOffset>> deleteRecords(const DeleteRecordsRequest &request);

    // A reset's preview is a read; executing it, and deleting, are mutations.
    Result<ResetPlan> planReset(const ResetOffsetsRequest &request);
    Status executeReset(const ResetPlan &plan);
    Status deleteGroup(const DeleteGroupRequest &request);
    Status deleteGroupOffsets(const DeleteGroupOffsetsRequest &request);

    // ACLs, validated first: listing is a read; creating and deleting are mutations.
    Result<QList<AclBinding>> listAcls(const AclFilter &filter);
    Status createAcls(const QList<AclBinding> &acls);
    Result<QList<AclBinding>> deleteAcls(const QList<AclFilter> &filters);

private:
    ClusterOperations(ConnectionSettings settings, std::unique_ptr<MetadataClient> metadata,
                      std::unique_ptr<AdminClient> admin, std::unique_ptr<OffsetClient> offsets);

    // The topic as metadata shows it now, or "no such topic". Valid until the next call.
    Result<const TopicInfo *> currentTopic(const QString &topic);

    ConnectionSettings m_settings;
    MetadataSnapshot m_lastMetadata;
    std::unique_ptr<MetadataClient> m_metadata;
    std::unique_ptr<AdminClient> m_admin;
    std::unique_ptr<OffsetClient> m_offsets;
    TopicAdmin m_topics;
    GroupAdmin m_groups;
    AclAdmin m_acls;
};

} // namespace kafdesk
