#include "admin/clusteroperations.h"

#include "admin/validation.h"

namespace kafdesk {

ConnectionSettings ConnectionSettings::forBootstrap(const QString &bootstrap, const QString &name)
{
    return ConnectionSettings{name.isEmpty() ? bootstrap : name, {{QStringLiteral("bootstrap.servers"), bootstrap}}, false};
}

Result<std::unique_ptr<ClusterOperations>> ClusterOperations::connect(const ConnectionSettings &settings)
{
    if (settings.clientConfig.value(QStringLiteral("bootstrap.servers")).trimmed().isEmpty())
        return failure(QStringLiteral("No bootstrap servers are given."),
                       QStringLiteral("Name at least one broker as host:port."));
    auto metadata = std::make_unique<MetadataClient>(settings.clientConfig.value(QStringLiteral("bootstrap.servers")),
                                                     settings.clientConfig);
    if (const Status v = metadata->valid(); !v)
        return v.error();
    auto admin = AdminClient::create(settings.clientConfig);
    if (!admin)
        return admin.error();
    auto offsets = OffsetClient::create(settings.clientConfig);
    if (!offsets)
        return offsets.error();
    return std::unique_ptr<ClusterOperations>(new ClusterOperations(settings, std::move(metadata),
                                                                    std::move(admin).value(),
                                                                    std::move(offsets).value()));
}

ClusterOperations::ClusterOperations(ConnectionSettings settings, std::unique_ptr<MetadataClient> metadata,
                                     std::unique_ptr<AdminClient> admin, std::unique_ptr<OffsetClient> offsets)
    : m_settings(std::move(settings))
    , m_metadata(std::move(metadata))
    , m_admin(std::move(admin))
    , m_offsets(std::move(offsets))
    , m_topics(*m_admin, *m_offsets)
    , m_groups(*m_admin, *m_offsets, m_metadata.get())
    , m_acls(*m_admin)
{
}

namespace {

// A validation failure: the request is wrong, nothing was sent.
Error badInput(Error e)
{
    e.badInput = true;
    return e;
}

} // namespace

Status ClusterOperations::allowMutation(const QString &operation) const
{
    if (!m_settings.readOnly)
        return ok();
    return failure(QStringLiteral("The connection \"%1\" is read-only: %2 is not allowed.").arg(m_settings.name, operation),
                   QStringLiteral("Clear \"read-only\" in the connection's settings to make changes."));
}

Status ClusterOperations::createTopic(const CreateTopicRequest &request)
{
    if (const Status s = allowMutation(QStringLiteral("creating topics")); !s)
        return s;
    // Validated against the cluster as it is now: live brokers and existing topics.
    auto md = m_metadata->fetch(m_admin->timeoutMs());
    if (!md)
        return md.error();
    QStringList existing;
    for (const TopicInfo &t : md->topics)
        existing << t.name;
    if (const Status v = validation::validate(request, static_cast<int>(md->brokers.size()), existing, md->brokerIds()); !v)
        return badInput(v.error());
    return m_topics.create(request);
}

Result<const TopicInfo *> ClusterOperations::currentTopic(const QString &topic)
{
    auto md = m_metadata->fetch(m_admin->timeoutMs());
    if (!md)
        return md.error();
    m_lastMetadata = md.value();
    const TopicInfo *t = m_lastMetadata.topic(topic);
    if (!t || t->error == QLatin1String("UNKNOWN_TOPIC_OR_PART"))
        return failure(QStringLiteral("There is no topic named \"%1\".").arg(topic));
    return t;
}

Result<QMap<QString, std::optional<Error>>> ClusterOperations::deleteTopics(const DeleteTopicsRequest &request)
{
    if (const Status s = allowMutation(QStringLiteral("deleting topics")); !s)
        return s.error();
    if (const Status v = validation::validate(request); !v)
        return badInput(v.error());
    return m_topics.remove(request);
}

Status ClusterOperations::addPartitions(const AddPartitionsRequest &request)
{
    if (const Status s = allowMutation(QStringLiteral("adding partitions")); !s)
        return s;
    auto topic = currentTopic(request.topic);
    if (!topic)
        return topic.error();
    if (const Status v = validation::validate(request, static_cast<int>(topic.value()->partitions.size())); !v)
        return badInput(v.error());
    return m_topics.addPartitions(request);
}

Status ClusterOperations::alterTopicConfigs(const AlterTopicConfigsRequest &request)
{
    if (const Status s = allowMutation(QStringLiteral("changing topic configs")); !s)
        return s;
    auto topic = currentTopic(request.topic);
    if (!topic)
        return topic.error();
    const auto &partitions = topic.value()->partitions;
    const int replication = partitions.isEmpty() ? -1 : static_cast<int>(partitions.first().replicas.size());
    if (const Status v = validation::validate(request, replication); !v)
        return badInput(v.error());
    return m_topics.alterConfigs(request);
}

Result<QList<TopicPartitionOffset>> ClusterOperations::deleteRecords(const DeleteRecordsRequest &request)
{
    if (const Status s = allowMutation(QStringLiteral("deleting records")); !s)
        return s.error();
    if (const Status v = validation::validate(request); !v)
        return badInput(v.error());
    return m_topics.deleteRecords(request);
}

Result<ResetPlan> ClusterOperations::planReset(const ResetOffsetsRequest &request)
{
    if (const Status v = validation::validate(request); !v)
        return badInput(v.error());
    return m_groups.planReset(request);
}

Status ClusterOperations::executeReset(const ResetPlan &plan)
{
    if (const Status s = allowMutation(QStringLiteral("resetting offsets")); !s)
        return s;
    return m_groups.executeReset(plan);
}

Status ClusterOperations::deleteGroup(const DeleteGroupRequest &request)
{
    if (const Status s = allowMutation(QStringLiteral("deleting consumer groups")); !s)
        return s;
    if (const Status v = validation::validate(request); !v)
        return badInput(v.error());
    return m_groups.deleteGroup(request);
}

Status ClusterOperations::deleteGroupOffsets(const DeleteGroupOffsetsRequest &request)
{
    if (const Status s = allowMutation(QStringLiteral("deleting committed offsets")); !s)
        return s;
    if (const Status v = validation::validate(request); !v)
        return badInput(v.error());
    return m_groups.deleteGroupOffsets(request);
}

Result<QList<AclBinding>> ClusterOperations::listAcls(const AclFilter &filter)
{
    if (const Status v = aclvalidation::validate(filter, aclvalidation::Purpose::List); !v)
        return v.error();
    return m_acls.list(filter);
}

Status ClusterOperations::createAcls(const QList<AclBinding> &acls)
{
    if (const Status s = allowMutation(QStringLiteral("creating ACLs")); !s)
        return s;
    if (acls.isEmpty())
        return badInput(failure(QStringLiteral("No ACL to create.")));
    for (const AclBinding &acl : acls)
        if (const Status v = aclvalidation::validate(acl); !v)
            return v;
    return m_acls.create(acls);
}

Result<QList<AclBinding>> ClusterOperations::deleteAcls(const QList<AclFilter> &filters)
{
    if (const Status s = allowMutation(QStringLiteral("deleting ACLs")); !s)
        return s.error();
    if (filters.isEmpty())
        return badInput(failure(QStringLiteral("No ACL to delete.")));
    for (const AclFilter &filter : filters)
        if (const Status v = aclvalidation::validate(filter, aclvalidation::Purpose::Delete); !v)
            return v.error();
    return m_acls.remove(filters);
}

} // namespace kafdesk
