#include "kafka/acltypes.h"

#include <algorithm>
#include <array>
#include <utility>

namespace kafdesk {

namespace {

// "Transactional-ID", "transactional_id", "TransactionalId" and "transactional id" all read
// "transactionalid": the forms kafka-acls.sh, Kafka's enums and people use.
QString normalized(const QString &text)
{
    QString out;
    for (const QChar c : text.trimmed())
        if (c != QLatin1Char('-') && c != QLatin1Char('_') && c != QLatin1Char(' '))
            out += c.toLower();
    return out;
}

template <typename Enum, std::size_t N>
std::optional<Enum> parseName(const QString &text, const std::array<std::pair<Enum, const char *>, N> &table)
{
    const QString key = normalized(text);
    for (const auto &[value, name] : table)
        if (normalized(QLatin1String(name)) == key)
            return value;
    return std::nullopt;
}

template <typename Enum, std::size_t N>
QString nameOf(Enum value, const std::array<std::pair<Enum, const char *>, N> &table)
{
    for (const auto &[v, name] : table)
        if (v == value)
            return QLatin1String(name);
    return QStringLiteral("Unknown");
}

constexpr std::array<std::pair<AclResourceType, const char *>, 6> resourceNames{{
    {AclResourceType::Any, "Any"},
    {AclResourceType::Topic, "Topic"},
    {AclResourceType::Group, "Group"},
    {AclResourceType::Cluster, "Cluster"},
    {AclResourceType::TransactionalId, "TransactionalId"},
    {AclResourceType::DelegationToken, "DelegationToken"},
}};

constexpr std::array<std::pair<AclPatternType, const char *>, 4> patternNames{{
    {AclPatternType::Any, "Any"},
    {AclPatternType::Match, "Match"},
    {AclPatternType::Literal, "Literal"},
    {AclPatternType::Prefixed, "Prefixed"},
}};

constexpr std::array<std::pair<AclOperation, const char *>, 12> operationNames{{
    {AclOperation::Any, "Any"},
    {AclOperation::All, "All"},
    {AclOperation::Read, "Read"},
    {AclOperation::Write, "Write"},
    {AclOperation::Create, "Create"},
    {AclOperation::Delete, "Delete"},
    {AclOperation::Alter, "Alter"},
    {AclOperation::Describe, "Describe"},
    {AclOperation::ClusterAction, "ClusterAction"},
    {AclOperation::DescribeConfigs, "DescribeConfigs"},
    {AclOperation::AlterConfigs, "AlterConfigs"},
    {AclOperation::IdempotentWrite, "IdempotentWrite"},
}};

constexpr std::array<std::pair<AclPermission, const char *>, 3> permissionNames{{
    {AclPermission::Any, "Any"},
    {AclPermission::Allow, "Allow"},
    {AclPermission::Deny, "Deny"},
}};

} // namespace

AclFilter AclFilter::exactly(const AclBinding &acl)
{
    return AclFilter{acl.resourceType, acl.resourceName, acl.patternType, acl.principal,
                     acl.host,         acl.operation,    acl.permission};
}

bool AclFilter::isExact() const
{
    return resourceType != AclResourceType::Any && !resourceName.isEmpty() &&
           (patternType == AclPatternType::Literal || patternType == AclPatternType::Prefixed) && !principal.isEmpty() &&
           !host.isEmpty() && operation != AclOperation::Any && permission != AclPermission::Any;
}

bool AclFilter::matchesEverything() const
{
    return resourceType == AclResourceType::Any && resourceName.isEmpty() && patternType == AclPatternType::Any &&
           principal.isEmpty() && host.isEmpty() && operation == AclOperation::Any && permission == AclPermission::Any;
}

namespace acl {

QString name(AclResourceType type) { return nameOf(type, resourceNames); }
QString name(AclPatternType type) { return nameOf(type, patternNames); }
QString name(AclOperation operation) { return nameOf(operation, operationNames); }
QString name(AclPermission permission) { return nameOf(permission, permissionNames); }

QString displayName(AclResourceType type)
{
    switch (type) {
    case AclResourceType::TransactionalId: return QStringLiteral("Transactional ID");
    case AclResourceType::DelegationToken: return QStringLiteral("Delegation token");
    default: return name(type);
    }
}

QString displayName(AclOperation operation)
{
    switch (operation) {
    case AclOperation::ClusterAction: return QStringLiteral("Cluster action");
    case AclOperation::DescribeConfigs: return QStringLiteral("Describe configs");
    case AclOperation::AlterConfigs: return QStringLiteral("Alter configs");
    case AclOperation::IdempotentWrite: return QStringLiteral("Idempotent write");
    default: return name(operation);
    }
}

std::optional<AclResourceType> parseResourceType(const QString &text) { return parseName(text, resourceNames); }
std::optional<AclPatternType> parsePatternType(const QString &text) { return parseName(text, patternNames); }
std::optional<AclOperation> parseOperation(const QString &text) { return parseName(text, operationNames); }
std::optional<AclPermission> parsePermission(const QString &text) { return parseName(text, permissionNames); }

QList<AclResourceType> resourceTypes()
{
    return {AclResourceType::Topic, AclResourceType::Group, AclResourceType::Cluster, AclResourceType::TransactionalId,
            AclResourceType::DelegationToken};
}

QList<AclOperation> operations()
{
    QList<AclOperation> out;
    for (const auto &[op, name] : operationNames)
        if (op != AclOperation::Any)
            out << op;
    return out;
}

QList<AclOperation> operationsFor(AclResourceType type)
{
    using O = AclOperation;
    // Kafka's AclCommand (ResourceType → supported operations), without the token operations of
    // the User resource type, which librdkafka 2.0.2 cannot name.
    switch (type) {
    case AclResourceType::Topic:
        return {O::All, O::Read, O::Write, O::Create, O::Delete, O::Alter, O::Describe, O::DescribeConfigs,
                O::AlterConfigs};
    case AclResourceType::Group: return {O::All, O::Read, O::Delete, O::Describe};
    case AclResourceType::Cluster:
        return {O::All, O::Create, O::Alter, O::Describe, O::ClusterAction, O::DescribeConfigs, O::AlterConfigs,
                O::IdempotentWrite};
    case AclResourceType::TransactionalId: return {O::All, O::Write, O::Describe};
    case AclResourceType::DelegationToken: return {O::All, O::Describe};
    default: return operations();
    }
}

QString names(const QList<AclOperation> &operations)
{
    QStringList out;
    for (const AclOperation op : operations)
        out << name(op);
    return out.join(QStringLiteral(", "));
}

QString names(const QList<AclResourceType> &types)
{
    QStringList out;
    for (const AclResourceType t : types)
        out << name(t);
    return out.join(QStringLiteral(", "));
}

QString resourceText(AclResourceType type, const QString &name, AclPatternType pattern)
{
    if (type == AclResourceType::Cluster)
        return QStringLiteral("the cluster");
    const QString one = displayName(type).toLower();
    const QString many = type == AclResourceType::Any ? QStringLiteral("resources") : one + QLatin1Char('s');
    if (name.isEmpty())
        return QStringLiteral("any %1").arg(type == AclResourceType::Any ? QStringLiteral("resource") : one);
    if (pattern == AclPatternType::Prefixed)
        return QStringLiteral("%1 starting with \"%2\"").arg(many, name);
    if (name == QLatin1String("*") && pattern == AclPatternType::Literal)
        return QStringLiteral("every %1").arg(one);
    if (pattern == AclPatternType::Match)
        return QStringLiteral("the ACLs that apply to %1 \"%2\"").arg(one, name);
    return QStringLiteral("%1 \"%2\"").arg(one, name);
}

QString sentence(const AclBinding &acl)
{
    const QString who = acl.principal == QLatin1String("User:*") ? QStringLiteral("every user") : acl.principal;
    const QString from = acl.host == QLatin1String("*") ? QStringLiteral("any host") : acl.host;
    const QString op = acl.operation == AclOperation::All ? QStringLiteral("do anything (All)")
                                                          : displayName(acl.operation);
    return QStringLiteral("%1 %2 to %3 on %4 from %5")
        .arg(name(acl.permission), who, op, resourceText(acl.resourceType, acl.resourceName, acl.patternType), from);
}

} // namespace acl
} // namespace kafdesk
