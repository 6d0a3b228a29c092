#include "admin/acladmin.h"

#include "kafka/adminclient.h"

#include <QHostAddress>
#include <QRegularExpression>

#include <algorithm>

namespace kafdesk {

namespace aclvalidation {

namespace {

using P = QList<Problem>;

bool hasControlCharacters(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

// Topic names as Kafka allows them (Topic.validate), and the literal wildcard.
std::optional<QString> topicNameProblem(const QString &name, AclPatternType pattern)
{
    if (name == QLatin1String("*"))
        return std::nullopt;
    static const QRegularExpression legal(QStringLiteral("^[A-Za-z0-9._-]+$"));
    if (!legal.match(name).hasMatch())
        return QStringLiteral("The topic name \"%1\" has characters a topic name cannot have: use letters, digits, "
                              "'.', '_' and '-', or * for every topic.")
            .arg(name);
    if (name.size() > 249)
        return QStringLiteral("The topic name is %1 characters long: a topic name has at most 249.").arg(name.size());
    Q_UNUSED(pattern)
    return std::nullopt;
}

std::optional<QString> resourceTypeProblem(AclResourceType type, bool filter)
{
    switch (type) {
    case AclResourceType::Topic:
    case AclResourceType::Group:
    case AclResourceType::Cluster: return std::nullopt;
    case AclResourceType::Any:
        if (filter)
            return std::nullopt;
        return QStringLiteral("Choose a resource type: topic, group or cluster.");
    case AclResourceType::TransactionalId:
    case AclResourceType::DelegationToken:
        return QStringLiteral("Kafdesk cannot send ACLs on %1s (librdkafka 2.0.2 lacks that resource type): run "
                              "the kafka-acls.sh line.")
            .arg(acl::displayName(type).toLower());
    case AclResourceType::Unknown: break;
    }
    return QStringLiteral("The resource type is not one Kafka knows.");
}

std::optional<QString> resourceNameProblem(AclResourceType type, const QString &name, AclPatternType pattern, bool filter)
{
    if (name.isEmpty()) {
        if (filter || type == AclResourceType::Cluster)
            return std::nullopt;
        return type == AclResourceType::Group ? QStringLiteral("Name the group (or * for every group).")
                                              : QStringLiteral("Name the topic (or * for every topic).");
    }
    if (hasControlCharacters(name))
        return QStringLiteral("The resource name has control characters (such as a line break or a tab).");
    if (name.trimmed() != name)
        return QStringLiteral("The resource name starts or ends with a space: remove it, Kafka would keep it.");
    if (type == AclResourceType::Cluster && name != acl::clusterResourceName())
        return QStringLiteral("A cluster ACL's resource is always named %1, not \"%2\".").arg(acl::clusterResourceName(), name);
    if (!filter && name == QLatin1String("*") && pattern == AclPatternType::Prefixed)
        return QStringLiteral("* is a wildcard only with the literal pattern type: choose literal for every %1.")
            .arg(type == AclResourceType::Group ? QStringLiteral("group") : QStringLiteral("topic"));
    if (type == AclResourceType::Topic && !filter)
        return topicNameProblem(name, pattern);
    return std::nullopt;
}

} // namespace

std::optional<QString> principalProblem(const QString &principal)
{
    if (principal.trimmed().isEmpty())
        return QStringLiteral("Name a principal, such as User:alice.");
    if (hasControlCharacters(principal) || principal.trimmed() != principal)
        return QStringLiteral("The principal \"%1\" has spaces or control characters around it.").arg(principal.trimmed());
    const qsizetype colon = principal.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return QStringLiteral("The principal \"%1\" has no type: write it as Type:name, such as User:%1.").arg(principal);
    const QString type = principal.left(colon);
    const QString name = principal.mid(colon + 1);
    static const QRegularExpression typeRule(QStringLiteral("^[A-Za-z][A-Za-z0-9]*$"));
    if (type.isEmpty() || !typeRule.match(type).hasMatch())
        return QStringLiteral("The principal \"%1\" has no valid type before the ':': write it as Type:name, such as "
                              "User:alice.")
            .arg(principal);
    if (name.isEmpty())
        return QStringLiteral("The principal \"%1\" has no name after the ':': write it as Type:name, such as "
                              "User:alice (User:* for every user).")
            .arg(principal);
    return std::nullopt;
}

std::optional<QString> hostProblem(const QString &host)
{
    if (host.isEmpty())
        return QStringLiteral("Name a host: * for every host, or an IP address.");
    if (host == QLatin1String("*"))
        return std::nullopt;
    QHostAddress address;
    if (!address.setAddress(host))
        // Kafka compares an ACL's host with the client's IP address, never with a host name.
        return QStringLiteral("The host \"%1\" is not an IP address: give one (192.0.2.10) or * for any host.").arg(host);
    return std::nullopt;
}

QList<Problem> problems(const AclBinding &acl)
{
    P out;
    if (auto p = principalProblem(acl.principal))
        out << Problem{Field::Principal, *p};
    if (auto p = hostProblem(acl.host))
        out << Problem{Field::Host, *p};
    const auto typeProblem = resourceTypeProblem(acl.resourceType, false);
    if (typeProblem)
        out << Problem{Field::ResourceType, *typeProblem};
    if (auto p = resourceNameProblem(acl.resourceType, acl.resourceName, acl.patternType, false))
        out << Problem{Field::ResourceName, *p};
    if (acl.patternType != AclPatternType::Literal && acl.patternType != AclPatternType::Prefixed)
        out << Problem{Field::PatternType, QStringLiteral("An ACL's pattern type is literal or prefixed: match and any "
                                                          "only filter ACLs.")};
    else if (acl.resourceType == AclResourceType::Cluster && acl.patternType != AclPatternType::Literal)
        out << Problem{Field::PatternType, QStringLiteral("A cluster ACL is always literal.")};
    if (acl.operation == AclOperation::Any || acl.operation == AclOperation::Unknown)
        out << Problem{Field::Operation, QStringLiteral("Choose an operation, such as Read or Write.")};
    else if (!typeProblem && !acl::operationsFor(acl.resourceType).contains(acl.operation))
        out << Problem{Field::Operation, QStringLiteral("%1 does not apply to %2 resources: choose one of %3.")
                                             .arg(acl::name(acl.operation), acl::displayName(acl.resourceType).toLower(),
                                                  acl::names(acl::operationsFor(acl.resourceType)))};
    if (acl.permission != AclPermission::Allow && acl.permission != AclPermission::Deny)
        out << Problem{Field::Permission, QStringLiteral("Choose allow or deny.")};
    return out;
}

QList<Problem> problems(const AclFilter &filter, Purpose purpose)
{
    P out;
    if (!filter.principal.isEmpty())
        if (auto p = principalProblem(filter.principal))
            out << Problem{Field::Principal, *p};
    if (!filter.host.isEmpty())
        if (auto p = hostProblem(filter.host))
            out << Problem{Field::Host, *p};
    if (auto p = resourceTypeProblem(filter.resourceType, true))
        out << Problem{Field::ResourceType, *p};
    if (auto p = resourceNameProblem(filter.resourceType, filter.resourceName, filter.patternType, true))
        out << Problem{Field::ResourceName, *p};
    if (filter.patternType == AclPatternType::Unknown)
        out << Problem{Field::PatternType, QStringLiteral("The pattern type is literal, prefixed, match or any.")};
    if (filter.operation == AclOperation::Unknown)
        out << Problem{Field::Operation, QStringLiteral("The operation is not one Kafka knows.")};
    if (filter.permission == AclPermission::Unknown)
        out << Problem{Field::Permission, QStringLiteral("The permission is allow, deny or any.")};
    if (purpose == Purpose::Delete && filter.matchesEverything())
        out << Problem{Field::Filter, QStringLiteral("Name at least one thing to delete by (principal, resource, "
                                                     "operation...): a filter with every field open would delete every "
                                                     "ACL of the cluster.")};
    return out;
}

namespace {

Status firstOf(const QList<Problem> &found)
{
    if (found.isEmpty())
        return ok();
    Error e = failure(found.first().message);
    e.badInput = true;
    return e;
}

} // namespace

Status validate(const AclBinding &acl) { return firstOf(problems(acl)); }
Status validate(const AclFilter &filter, Purpose purpose) { return firstOf(problems(filter, purpose)); }

} // namespace aclvalidation

Result<QList<AclBinding>> AclAdmin::list(const AclFilter &filter)
{
    return m_admin.describeAcls(filter);
}

Status AclAdmin::create(const QList<AclBinding> &acls)
{
    auto results = m_admin.createAcls(acls);
    if (!results)
        return results.error();
    for (const std::optional<Error> &e : results.value())
        if (e)
            return *e;
    return ok();
}

Result<QList<AclBinding>> AclAdmin::remove(const QList<AclFilter> &filters)
{
    return m_admin.deleteAcls(filters);
}

} // namespace kafdesk
