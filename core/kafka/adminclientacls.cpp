// AdminClient: ACLs (CreateAcls, DescribeAcls, DeleteAcls). The brokers need an authorizer;
// without one they answer SECURITY_DISABLED, which comes back as the error with their text.

#include "kafka/adminclientimpl.h"

#include <algorithm>
#include <tuple>
#include <vector>

namespace kafdesk {

using namespace admindetail;

namespace {

// Kafka's wire codes, which librdkafka passes through (it names 4 BROKER; Kafka calls it CLUSTER).
// librdkafka 2.0.2 refuses 5 and 6 when building a binding or a filter: AclBinding_new says so.
int resourceCode(AclResourceType t)
{
    switch (t) {
    case AclResourceType::Any: return RD_KAFKA_RESOURCE_ANY;
    case AclResourceType::Topic: return RD_KAFKA_RESOURCE_TOPIC;
    case AclResourceType::Group: return RD_KAFKA_RESOURCE_GROUP;
    case AclResourceType::Cluster: return RD_KAFKA_RESOURCE_BROKER;
    case AclResourceType::TransactionalId: return 5;
    case AclResourceType::DelegationToken: return 6;
    case AclResourceType::Unknown: break;
    }
    return RD_KAFKA_RESOURCE_UNKNOWN;
}

AclResourceType resourceOf(int code)
{
    switch (code) {
    case RD_KAFKA_RESOURCE_ANY: return AclResourceType::Any;
    case RD_KAFKA_RESOURCE_TOPIC: return AclResourceType::Topic;
    case RD_KAFKA_RESOURCE_GROUP: return AclResourceType::Group;
    case RD_KAFKA_RESOURCE_BROKER: return AclResourceType::Cluster;
    case 5: return AclResourceType::TransactionalId;
    case 6: return AclResourceType::DelegationToken;
    default: return AclResourceType::Unknown;
    }
}

rd_kafka_ResourcePatternType_t patternCode(AclPatternType t)
{
    switch (t) {
    case AclPatternType::Any: return RD_KAFKA_RESOURCE_PATTERN_ANY;
    case AclPatternType::Match: return RD_KAFKA_RESOURCE_PATTERN_MATCH;
    case AclPatternType::Literal: return RD_KAFKA_RESOURCE_PATTERN_LITERAL;
    case AclPatternType::Prefixed: return RD_KAFKA_RESOURCE_PATTERN_PREFIXED;
    case AclPatternType::Unknown: break;
    }
    return RD_KAFKA_RESOURCE_PATTERN_UNKNOWN;
}

AclPatternType patternOf(rd_kafka_ResourcePatternType_t code)
{
    switch (code) {
    case RD_KAFKA_RESOURCE_PATTERN_ANY: return AclPatternType::Any;
    case RD_KAFKA_RESOURCE_PATTERN_MATCH: return AclPatternType::Match;
    case RD_KAFKA_RESOURCE_PATTERN_LITERAL: return AclPatternType::Literal;
    case RD_KAFKA_RESOURCE_PATTERN_PREFIXED: return AclPatternType::Prefixed;
    default: return AclPatternType::Unknown;
    }
}

// Our operations are declared in the order of Kafka's codes, Any (1) first.
rd_kafka_AclOperation_t operationCode(AclOperation op)
{
    if (op == AclOperation::Unknown)
        return RD_KAFKA_ACL_OPERATION_UNKNOWN;
    return static_cast<rd_kafka_AclOperation_t>(static_cast<int>(op) + RD_KAFKA_ACL_OPERATION_ANY);
}

AclOperation operationOf(rd_kafka_AclOperation_t code)
{
    if (code < RD_KAFKA_ACL_OPERATION_ANY || code > RD_KAFKA_ACL_OPERATION_IDEMPOTENT_WRITE)
        return AclOperation::Unknown;
    return static_cast<AclOperation>(static_cast<int>(code) - RD_KAFKA_ACL_OPERATION_ANY);
}

static_assert(static_cast<int>(AclOperation::IdempotentWrite) + RD_KAFKA_ACL_OPERATION_ANY ==
              RD_KAFKA_ACL_OPERATION_IDEMPOTENT_WRITE);

rd_kafka_AclPermissionType_t permissionCode(AclPermission p)
{
    switch (p) {
    case AclPermission::Any: return RD_KAFKA_ACL_PERMISSION_TYPE_ANY;
    case AclPermission::Allow: return RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW;
    case AclPermission::Deny: return RD_KAFKA_ACL_PERMISSION_TYPE_DENY;
    case AclPermission::Unknown: break;
    }
    return RD_KAFKA_ACL_PERMISSION_TYPE_UNKNOWN;
}

AclPermission permissionOf(rd_kafka_AclPermissionType_t code)
{
    switch (code) {
    case RD_KAFKA_ACL_PERMISSION_TYPE_ANY: return AclPermission::Any;
    case RD_KAFKA_ACL_PERMISSION_TYPE_ALLOW: return AclPermission::Allow;
    case RD_KAFKA_ACL_PERMISSION_TYPE_DENY: return AclPermission::Deny;
    default: return AclPermission::Unknown;
    }
}

AclBinding bindingOf(const rd_kafka_AclBinding_t *b)
{
    return AclBinding{resourceOf(rd_kafka_AclBinding_restype(b)),
                      text(rd_kafka_AclBinding_name(b)),
                      patternOf(rd_kafka_AclBinding_resource_pattern_type(b)),
                      text(rd_kafka_AclBinding_principal(b)),
                      text(rd_kafka_AclBinding_host(b)),
                      operationOf(rd_kafka_AclBinding_operation(b)),
                      permissionOf(rd_kafka_AclBinding_permission_type(b))};
}

struct BindingDeleter {
    void operator()(rd_kafka_AclBinding_t *b) const { rd_kafka_AclBinding_destroy(b); }
};
using BindingPtr = std::unique_ptr<rd_kafka_AclBinding_t, BindingDeleter>;

QByteArray utf8OrNull(const QString &s, const char **pointer)
{
    QByteArray bytes = s.toUtf8();
    *pointer = s.isEmpty() ? nullptr : bytes.constData();
    return bytes;
}

// librdkafka checks the values itself (and refuses resource types it does not know).
Result<BindingPtr> newBinding(const AclBinding &acl)
{
    char errstr[512] = {};
    rd_kafka_AclBinding_t *b = rd_kafka_AclBinding_new(
        static_cast<rd_kafka_ResourceType_t>(resourceCode(acl.resourceType)), acl.resourceName.toUtf8().constData(),
        patternCode(acl.patternType), acl.principal.toUtf8().constData(), acl.host.toUtf8().constData(),
        operationCode(acl.operation), permissionCode(acl.permission), errstr, sizeof errstr);
    if (!b)
        return failure(QStringLiteral("librdkafka cannot send this ACL."), text(errstr));
    return BindingPtr(b);
}

Result<BindingPtr> newFilter(const AclFilter &f)
{
    char errstr[512] = {};
    const char *name = nullptr;
    const char *principal = nullptr;
    const char *host = nullptr;
    const QByteArray n = utf8OrNull(f.resourceName, &name);
    const QByteArray p = utf8OrNull(f.principal, &principal);
    const QByteArray h = utf8OrNull(f.host, &host);
    rd_kafka_AclBindingFilter_t *b = rd_kafka_AclBindingFilter_new(
        static_cast<rd_kafka_ResourceType_t>(resourceCode(f.resourceType)), name, patternCode(f.patternType), principal,
        host, operationCode(f.operation), permissionCode(f.permission), errstr, sizeof errstr);
    if (!b)
        return failure(QStringLiteral("librdkafka cannot send this ACL filter."), text(errstr));
    return BindingPtr(b);
}

std::optional<Error> errorOf(const rd_kafka_error_t *err, const QString &what)
{
    if (!err || rd_kafka_error_code(err) == RD_KAFKA_RESP_ERR_NO_ERROR)
        return std::nullopt;
    return kafkaerrors::fromCode(rd_kafka_error_code(err), what, text(rd_kafka_error_string(err)));
}

void sortBindings(QList<AclBinding> &acls)
{
    std::sort(acls.begin(), acls.end(), [](const AclBinding &a, const AclBinding &b) {
        const auto key = [](const AclBinding &x) {
            return std::make_tuple(x.principal, static_cast<int>(x.resourceType), x.resourceName,
                                   static_cast<int>(x.patternType), static_cast<int>(x.operation),
                                   static_cast<int>(x.permission), x.host);
        };
        return key(a) < key(b);
    });
}

} // namespace

Result<QList<AclBinding>> AdminClient::describeAcls(const AclFilter &filter)
{
    const QString what = QStringLiteral("Listing ACLs");
    auto f = newFilter(filter);
    if (!f)
        return f.error();
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_DESCRIBEACLS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_DescribeAcls(rk, f->get(), o, q);
                           });
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_AclBinding_t **acls = rd_kafka_DescribeAcls_result_acls(rd_kafka_event_DescribeAcls_result(ev->get()), &count);
    QList<AclBinding> out;
    for (size_t i = 0; i < count; ++i)
        out << bindingOf(acls[i]);
    sortBindings(out);
    return out;
}

Result<QList<std::optional<Error>>> AdminClient::createAcls(const QList<AclBinding> &acls)
{
    const QString what = QStringLiteral("Creating ACLs");
    std::vector<BindingPtr> owned;
    std::vector<rd_kafka_AclBinding_t *> items;
    for (const AclBinding &acl : acls) {
        auto b = newBinding(acl);
        if (!b)
            return b.error();
        items.push_back(b->get());
        owned.push_back(std::move(b).value());
    }
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_CREATEACLS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_CreateAcls(rk, items.data(), items.size(), o, q);
                           });
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_acl_result_t **results = rd_kafka_CreateAcls_result_acls(rd_kafka_event_CreateAcls_result(ev->get()), &count);
    QList<std::optional<Error>> out;
    for (size_t i = 0; i < count; ++i)
        out << errorOf(rd_kafka_acl_result_error(results[i]), QStringLiteral("Creating an ACL"));
    return out;
}

Result<QList<AclBinding>> AdminClient::deleteAcls(const QList<AclFilter> &filters)
{
    const QString what = QStringLiteral("Deleting ACLs");
    std::vector<BindingPtr> owned;
    std::vector<rd_kafka_AclBindingFilter_t *> items;
    for (const AclFilter &filter : filters) {
        auto f = newFilter(filter);
        if (!f)
            return f.error();
        items.push_back(f->get());
        owned.push_back(std::move(f).value());
    }
    auto ev = m_impl->call(RD_KAFKA_ADMIN_OP_DELETEACLS, what, m_timeoutMs, m_cancel, false,
                           [&](rd_kafka_t *rk, rd_kafka_AdminOptions_t *o, rd_kafka_queue_t *q) {
                               rd_kafka_DeleteAcls(rk, items.data(), items.size(), o, q);
                           });
    if (!ev)
        return ev.error();
    size_t count = 0;
    const rd_kafka_DeleteAcls_result_response_t **responses =
        rd_kafka_DeleteAcls_result_responses(rd_kafka_event_DeleteAcls_result(ev->get()), &count);
    QList<AclBinding> deleted;
    for (size_t i = 0; i < count; ++i) {
        if (auto e = errorOf(rd_kafka_DeleteAcls_result_response_error(responses[i]), what))
            return *e;
        size_t matching = 0;
        const rd_kafka_AclBinding_t **acls = rd_kafka_DeleteAcls_result_response_matching_acls(responses[i], &matching);
        for (size_t j = 0; j < matching; ++j) {
            // One ACL the broker matched but could not delete fails the whole call: a caller
            // told "deleted" must be able to rely on it.
            if (auto e = errorOf(rd_kafka_AclBinding_error(acls[j]), what))
                return *e;
            deleted << bindingOf(acls[j]);
        }
    }
    sortBindings(deleted);
    return deleted;
}

} // namespace kafdesk
