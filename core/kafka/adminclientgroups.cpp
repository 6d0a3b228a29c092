// AdminClient: consumer groups and their committed offsets.

#include "kafka/adminclientimpl.h"

#include <vector>

namespace kafdesk {

using namespace admindetail;

namespace {

// The outcome of one group in a group_result list, as an Error or nothing.
std::optional<Error> groupError(const rd_kafka_group_result_t *result, const QString &what)
{
    if (const rd_kafka_error_t *err = rd_kafka_group_result_error(result))
        return kafkaerrors::fromCode(rd_kafka_error_code(err), what, text(rd_kafka_error_string(err)));
    return firstPartitionError(rd_kafka_group_result_partitions(result), what);
}

PartitionListPtr partitionList(const QString &topic, const QList<int> &partitions)
{
    PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(partitions.size())));
    for (const int p : partitions)
        rd_kafka_topic_partition_list_add(list.get(), topic.toUtf8().constData(), p);
    return list;
}

} // namespace

Result<QList<GroupListing>> AdminClient::listGroups()
{
    const QString what = QStringLiteral("Listing consumer groups");
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_ListConsumerGroups(rk, o, q);
                           });
    if (!ev)
        return ev.error();
    const rd_kafka_ListConsumerGroups_result_t *res = rd_kafka_event_ListConsumerGroups_result(ev->get());
    size_t errorCount = 0;
    const rd_kafka_error_t **errors = rd_kafka_ListConsumerGroups_result_errors(res, &errorCount);
    size_t count = 0;
    const rd_kafka_ConsumerGroupListing_t **groups = rd_kafka_ListConsumerGroups_result_valid(res, &count);
    // A broker that did not answer makes the list partial: say so rather than show a short list.
    if (errorCount > 0 && count == 0)
        return kafkaerrors::fromCode(rd_kafka_error_code(errors[0]), what, text(rd_kafka_error_string(errors[0])));
    if (errorCount > 0)
        return kafkaerrors::fromCode(rd_kafka_error_code(errors[0]), what + QStringLiteral(" from every broker"),
                                     text(rd_kafka_error_string(errors[0])));
    QList<GroupListing> out;
    for (size_t i = 0; i < count; ++i)
        out << GroupListing{text(rd_kafka_ConsumerGroupListing_group_id(groups[i])),
                            text(rd_kafka_consumer_group_state_name(rd_kafka_ConsumerGroupListing_state(groups[i]))),
                            rd_kafka_ConsumerGroupListing_is_simple_consumer_group(groups[i]) != 0};
    std::sort(out.begin(), out.end(), [](const GroupListing &a, const GroupListing &b) { return a.groupId < b.groupId; });
    return out;
}

Result<QList<GroupDescription>> AdminClient::describeGroups(const QStringList &groupIds)
{
    const QString what = QStringLiteral("Describing consumer groups");
    std::vector<QByteArray> names;
    std::vector<const char *> pointers;
    for (const QString &g : groupIds)
        names.push_back(g.toUtf8());
    for (const QByteArray &n : names)
        pointers.push_back(n.constData());
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_DESCRIBECONSUMERGROUPS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_DescribeConsumerGroups(rk, pointers.data(), pointers.size(), o, q);
                           });
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_ConsumerGroupDescription_t **groups =
        rd_kafka_DescribeConsumerGroups_result_groups(rd_kafka_event_DescribeConsumerGroups_result(ev->get()), &count);
    QList<GroupDescription> out;
    for (size_t i = 0; i < count; ++i) {
        const rd_kafka_ConsumerGroupDescription_t *g = groups[i];
        GroupDescription d;
        d.groupId = text(rd_kafka_ConsumerGroupDescription_group_id(g));
        d.state = text(rd_kafka_consumer_group_state_name(rd_kafka_ConsumerGroupDescription_state(g)));
        d.partitionAssignor = text(rd_kafka_ConsumerGroupDescription_partition_assignor(g));
        d.protocolType = rd_kafka_ConsumerGroupDescription_is_simple_consumer_group(g) ? QString()
                                                                                        : QStringLiteral("consumer");
        if (const rd_kafka_Node_t *node = rd_kafka_ConsumerGroupDescription_coordinator(g)) {
            d.coordinatorId = rd_kafka_Node_id(node);
            d.coordinatorAddress = text(rd_kafka_Node_host(node)) + QLatin1Char(':') +
                                   QString::number(rd_kafka_Node_port(node));
        }
        if (const rd_kafka_error_t *err = rd_kafka_ConsumerGroupDescription_error(g))
            d.error = text(rd_kafka_error_name(err));
        const size_t members = rd_kafka_ConsumerGroupDescription_member_count(g);
        for (size_t m = 0; m < members; ++m) {
            const rd_kafka_MemberDescription_t *md = rd_kafka_ConsumerGroupDescription_member(g, m);
            GroupMember member{text(rd_kafka_MemberDescription_consumer_id(md)),
                               text(rd_kafka_MemberDescription_client_id(md)),
                               text(rd_kafka_MemberDescription_host(md)),
                               text(rd_kafka_MemberDescription_group_instance_id(md)),
                               {}};
            const rd_kafka_topic_partition_list_t *assigned =
                rd_kafka_MemberAssignment_partitions(rd_kafka_MemberDescription_assignment(md));
            for (int p = 0; assigned && p < assigned->cnt; ++p)
                member.assignment.append({text(assigned->elems[p].topic), assigned->elems[p].partition});
            d.members << member;
        }
        out << d;
    }
    return out;
}

Result<QList<TopicPartitionOffset>> AdminClient::listGroupOffsets(const QString &groupId)
{
    const QString what = QStringLiteral("Reading the committed offsets of group %1").arg(groupId);
    rd_kafka_ListConsumerGroupOffsets_t *req = rd_kafka_ListConsumerGroupOffsets_new(groupId.toUtf8().constData(), nullptr);
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_ListConsumerGroupOffsets(rk, &req, 1, o, q);
                           });
    rd_kafka_ListConsumerGroupOffsets_destroy(req);
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_group_result_t **groups =
        rd_kafka_ListConsumerGroupOffsets_result_groups(rd_kafka_event_ListConsumerGroupOffsets_result(ev->get()), &count);
    if (count == 0)
        return QList<TopicPartitionOffset>{};
    if (const rd_kafka_error_t *err = rd_kafka_group_result_error(groups[0]))
        return kafkaerrors::fromCode(rd_kafka_error_code(err), what, text(rd_kafka_error_string(err)));
    QList<TopicPartitionOffset> out = toOffsets(rd_kafka_group_result_partitions(groups[0]));
    std::sort(out.begin(), out.end(), [](const TopicPartitionOffset &a, const TopicPartitionOffset &b) {
        return a.topic != b.topic ? a.topic < b.topic : a.partition < b.partition;
    });
    return out;
}

Status AdminClient::alterGroupOffsets(const QString &groupId, const QList<TopicPartitionOffset> &offsets)
{
    const QString what = QStringLiteral("Committing new offsets for group %1").arg(groupId);
    PartitionListPtr list(rd_kafka_topic_partition_list_new(static_cast<int>(offsets.size())));
    for (const TopicPartitionOffset &o : offsets)
        rd_kafka_topic_partition_list_add(list.get(), o.topic.toUtf8().constData(), o.partition)->offset = o.offset;
    rd_kafka_AlterConsumerGroupOffsets_t *req =
        rd_kafka_AlterConsumerGroupOffsets_new(groupId.toUtf8().constData(), list.get());
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_ALTERCONSUMERGROUPOFFSETS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_AlterConsumerGroupOffsets(rk, &req, 1, o, q);
                           });
    rd_kafka_AlterConsumerGroupOffsets_destroy(req);
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_group_result_t **groups = rd_kafka_AlterConsumerGroupOffsets_result_groups(
        rd_kafka_event_AlterConsumerGroupOffsets_result(ev->get()), &count);
    for (size_t i = 0; i < count; ++i)
        if (auto e = groupError(groups[i], what))
            return *e;
    return ok();
}

Result<QMap<QString, std::optional<Error>>> AdminClient::deleteGroups(const QStringList &groupIds)
{
    std::vector<rd_kafka_DeleteGroup_t *> items;
    for (const QString &g : groupIds)
        items.push_back(rd_kafka_DeleteGroup_new(g.toUtf8().constData()));
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_DELETEGROUPS, QStringLiteral("Deleting groups"), m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_DeleteGroups(rk, items.data(), items.size(), o, q);
                           });
    rd_kafka_DeleteGroup_destroy_array(items.data(), items.size());
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_group_result_t **groups =
        rd_kafka_DeleteGroups_result_groups(rd_kafka_event_DeleteGroups_result(ev->get()), &count);
    QMap<QString, std::optional<Error>> out;
    for (size_t i = 0; i < count; ++i) {
        const QString name = text(rd_kafka_group_result_name(groups[i]));
        out.insert(name, groupError(groups[i], QStringLiteral("Deleting group %1").arg(name)));
    }
    return out;
}

Status AdminClient::deleteGroupOffsets(const QString &groupId, const QString &topic, const QList<int> &partitions)
{
    const QString what = QStringLiteral("Deleting the offsets of group %1 for %2").arg(groupId, topic);
    PartitionListPtr list = partitionList(topic, partitions);
    rd_kafka_DeleteConsumerGroupOffsets_t *req =
        rd_kafka_DeleteConsumerGroupOffsets_new(groupId.toUtf8().constData(), list.get());
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_DELETECONSUMERGROUPOFFSETS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_DeleteConsumerGroupOffsets(rk, &req, 1, o, q);
                           });
    rd_kafka_DeleteConsumerGroupOffsets_destroy(req);
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_group_result_t **groups = rd_kafka_DeleteConsumerGroupOffsets_result_groups(
        rd_kafka_event_DeleteConsumerGroupOffsets_result(ev->get()), &count);
    for (size_t i = 0; i < count; ++i)
        if (auto e = groupError(groups[i], what))
            return *e;
    return ok();
}

} // namespace kafdesk
