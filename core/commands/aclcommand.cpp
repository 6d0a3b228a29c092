#include "commands/aclcommand.h"

namespace kafdesk::commands {

namespace {

QStringList aclTool(const Target &target)
{
    QStringList args{QStringLiteral("kafka-acls") + target.toolSuffix, QStringLiteral("--bootstrap-server"),
                     target.bootstrapServers};
    if (!target.commandConfig.isEmpty())
        args << QStringLiteral("--command-config") << target.commandConfig;
    return args;
}

// The resource option; a cluster has no name on the command line. An empty name (a filter on
// the type alone) cannot be said: nothing is added then.
QStringList resourceArguments(AclResourceType type, const QString &name)
{
    switch (type) {
    case AclResourceType::Topic:
        return name.isEmpty() ? QStringList() : QStringList{QStringLiteral("--topic"), name};
    case AclResourceType::Group:
        return name.isEmpty() ? QStringList() : QStringList{QStringLiteral("--group"), name};
    case AclResourceType::Cluster: return {QStringLiteral("--cluster")};
    case AclResourceType::TransactionalId:
        return name.isEmpty() ? QStringList() : QStringList{QStringLiteral("--transactional-id"), name};
    case AclResourceType::DelegationToken:
        return name.isEmpty() ? QStringList() : QStringList{QStringLiteral("--delegation-token"), name};
    case AclResourceType::Any:
    case AclResourceType::Unknown: break;
    }
    return {};
}

QStringList patternArguments(AclPatternType type)
{
    if (type == AclPatternType::Unknown)
        return {};
    return {QStringLiteral("--resource-pattern-type"), acl::name(type).toLower()};
}

// --allow-principal P --allow-host H, or the deny forms.
QStringList whoArguments(const QString &principal, const QString &host, AclPermission permission)
{
    const bool deny = permission == AclPermission::Deny;
    return {deny ? QStringLiteral("--deny-principal") : QStringLiteral("--allow-principal"), principal,
            deny ? QStringLiteral("--deny-host") : QStringLiteral("--allow-host"), host.isEmpty() ? QStringLiteral("*") : host};
}

QStringList bindingArguments(const AclBinding &acl)
{
    return whoArguments(acl.principal, acl.host, acl.permission)
           << QStringLiteral("--operation") << acl::name(acl.operation)
           << resourceArguments(acl.resourceType, acl.resourceName) << patternArguments(acl.patternType);
}

KafkaCommand lineOf(const QStringList &arguments)
{
    KafkaCommand c;
    c.line = shellJoin(arguments);
    return c;
}

} // namespace

KafkaCommand createAcl(const Target &target, const AclBinding &acl)
{
    return lineOf(aclTool(target) << QStringLiteral("--add") << bindingArguments(acl));
}

KafkaCommand deleteAcl(const Target &target, const AclBinding &acl)
{
    return lineOf(aclTool(target) << QStringLiteral("--remove") << QStringLiteral("--force") << bindingArguments(acl));
}

KafkaCommand deleteAcls(const Target &target, const QList<AclBinding> &acls)
{
    QStringList lines;
    for (const AclBinding &a : acls)
        lines << deleteAcl(target, a).line;
    KafkaCommand c;
    c.line = lines.join(QStringLiteral(" && "));
    return c;
}

KafkaCommand deleteAcls(const Target &target, const AclFilter &filter)
{
    if (filter.isExact())
        return deleteAcl(target, AclBinding{filter.resourceType, filter.resourceName, filter.patternType,
                                            filter.principal, filter.host, filter.operation, filter.permission});
    const bool onlyResource = filter.principal.isEmpty() && filter.host.isEmpty() &&
                              filter.operation == AclOperation::Any && filter.permission == AclPermission::Any;
    const QStringList resource = resourceArguments(filter.resourceType, filter.resourceName);
    if (!onlyResource || resource.isEmpty())
        return {};
    return lineOf(aclTool(target) << QStringLiteral("--remove") << QStringLiteral("--force") << resource
                                  << patternArguments(filter.patternType));
}

KafkaCommand listAcls(const Target &target, const AclFilter &filter)
{
    QStringList args = aclTool(target) << QStringLiteral("--list");
    if (!filter.principal.isEmpty())
        args << QStringLiteral("--principal") << filter.principal;
    const QStringList resource = resourceArguments(filter.resourceType, filter.resourceName);
    args << resource;
    if (!resource.isEmpty() && filter.patternType != AclPatternType::Literal)
        args << patternArguments(filter.patternType);
    return lineOf(args);
}

QString listAclsCaveat(const AclFilter &filter)
{
    QStringList missing;
    if (filter.resourceType != AclResourceType::Any && filter.resourceType != AclResourceType::Cluster &&
        filter.resourceName.isEmpty())
        missing << QStringLiteral("a resource type without a name");
    if (filter.resourceType == AclResourceType::Any && !filter.resourceName.isEmpty())
        missing << QStringLiteral("a resource name without a type");
    if (!filter.host.isEmpty())
        missing << QStringLiteral("the host");
    if (filter.operation != AclOperation::Any)
        missing << QStringLiteral("the operation");
    if (filter.permission != AclPermission::Any)
        missing << QStringLiteral("allow or deny");
    if (missing.isEmpty())
        return {};
    return QStringLiteral("kafka-acls.sh --list cannot filter by %1: it lists more than this.")
        .arg(missing.join(QStringLiteral(", ")));
}

} // namespace kafdesk::commands
