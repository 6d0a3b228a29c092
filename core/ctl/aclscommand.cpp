#include "ctl/aclscommand.h"

#include "admin/acladmin.h"
#include "commands/aclcommand.h"
#include "ctl/ctlsupport.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace kafdesk::ctl {

namespace {

QString aclsUsage()
{
    return QStringLiteral(
               "Usage: kafdesk-ctl acls VERB [options]\n\n"
               "Verbs:\n"
               "  list     the ACLs that match the filter (every ACL without one)\n"
               "  create   --principal User:NAME --resource-type T [--resource NAME] --operation OP\n"
               "           [--host IP|*] [--pattern-type literal|prefixed] [--deny]\n"
               "  delete   the ACLs that match the filter (at least one field): lists them, and deletes\n"
               "           them with --yes (cannot be undone)\n\n"
               "Filter and ACL fields:\n"
               "  --principal P       Type:name, such as User:alice (User:* is every user)\n"
               "  --host H            * (the default when creating) or an IP address\n"
               "  --resource-type T   topic, group, cluster (transactional-id and delegation-token only\n"
               "                      with --print-command: librdkafka 2.0.2 cannot send them)\n"
               "  --resource NAME     the topic or group name, * for all (a cluster is kafka-cluster)\n"
               "  --pattern-type P    literal, prefixed; match and any in filters (list: any, create and\n"
               "                      delete: literal when left out)\n"
               "  --operation OP      All, Read, Write, Create, Delete, Alter, Describe, ClusterAction,\n"
               "                      DescribeConfigs, AlterConfigs, IdempotentWrite\n"
               "  --permission P      allow or deny (--deny is short for --permission deny)\n"
               "  --print-command     print the kafka-acls.sh line only; nothing is sent\n"
               "  --yes               confirm a delete\n\n") +
           connectionUsage();
}

QJsonObject aclJson(const AclBinding &a, const commands::Target &target)
{
    return QJsonObject{{QStringLiteral("principal"), a.principal},
                       {QStringLiteral("host"), a.host},
                       {QStringLiteral("resourceType"), acl::name(a.resourceType)},
                       {QStringLiteral("resourceName"), a.resourceName},
                       {QStringLiteral("patternType"), acl::name(a.patternType)},
                       {QStringLiteral("operation"), acl::name(a.operation)},
                       {QStringLiteral("permission"), acl::name(a.permission)},
                       {QStringLiteral("command"), commands::createAcl(target, a).line}};
}

QJsonArray aclsJson(const QList<AclBinding> &acls, const commands::Target &target)
{
    QJsonArray out;
    for (const AclBinding &a : acls)
        out.append(aclJson(a, target));
    return out;
}

QString aclTable(const QList<AclBinding> &acls)
{
    QList<QStringList> rows{{QStringLiteral("PRINCIPAL"), QStringLiteral("HOST"), QStringLiteral("PERMISSION"),
                             QStringLiteral("OPERATION"), QStringLiteral("RESOURCE-TYPE"), QStringLiteral("PATTERN"),
                             QStringLiteral("RESOURCE")}};
    for (const AclBinding &a : acls)
        rows << QStringList{a.principal, a.host, acl::name(a.permission), acl::name(a.operation),
                            acl::name(a.resourceType), acl::name(a.patternType), a.resourceName};
    return formatTable(rows);
}

// The fields the options name, parsed; a word that is no known value is a usage error.
struct Fields {
    std::optional<AclResourceType> resourceType;
    std::optional<AclPatternType> patternType;
    std::optional<AclOperation> operation;
    std::optional<AclPermission> permission;
};

Result<Fields> parseFields(const QCommandLineParser &parser)
{
    Fields f;
    const auto bad = [](const QString &option, const QString &value, const QString &choices) {
        Error e = failure(QStringLiteral("%1 \"%2\" is not one of %3.").arg(option, value, choices));
        e.badInput = true;
        return e;
    };
    if (parser.isSet(QStringLiteral("resource-type"))) {
        const QString v = parser.value(QStringLiteral("resource-type"));
        f.resourceType = acl::parseResourceType(v);
        if (!f.resourceType || *f.resourceType == AclResourceType::Any)
            return bad(QStringLiteral("--resource-type"), v,
                       QStringLiteral("topic, group, cluster, transactional-id, delegation-token"));
    }
    if (parser.isSet(QStringLiteral("pattern-type"))) {
        const QString v = parser.value(QStringLiteral("pattern-type"));
        f.patternType = acl::parsePatternType(v);
        if (!f.patternType)
            return bad(QStringLiteral("--pattern-type"), v, QStringLiteral("literal, prefixed, match, any"));
    }
    if (parser.isSet(QStringLiteral("operation"))) {
        const QString v = parser.value(QStringLiteral("operation"));
        f.operation = acl::parseOperation(v);
        if (!f.operation || *f.operation == AclOperation::Any)
            return bad(QStringLiteral("--operation"), v, acl::names(acl::operations()));
    }
    if (parser.isSet(QStringLiteral("permission"))) {
        const QString v = parser.value(QStringLiteral("permission"));
        f.permission = acl::parsePermission(v);
        if (!f.permission || *f.permission == AclPermission::Any)
            return bad(QStringLiteral("--permission"), v, QStringLiteral("allow, deny"));
    }
    if (parser.isSet(QStringLiteral("deny"))) {
        if (f.permission && *f.permission != AclPermission::Deny) {
            Error e = failure(QStringLiteral("--deny and --permission allow contradict each other."));
            e.badInput = true;
            return e;
        }
        f.permission = AclPermission::Deny;
    }
    return f;
}

QString resourceName(const QCommandLineParser &parser, const Fields &f)
{
    const QString name = parser.value(QStringLiteral("resource"));
    if (name.isEmpty() && f.resourceType == AclResourceType::Cluster)
        return acl::clusterResourceName();
    return name;
}

AclBinding bindingOf(const QCommandLineParser &parser, const Fields &f)
{
    AclBinding a;
    a.principal = parser.value(QStringLiteral("principal"));
    a.host = parser.isSet(QStringLiteral("host")) ? parser.value(QStringLiteral("host")) : QStringLiteral("*");
    a.resourceType = f.resourceType.value_or(AclResourceType::Any);
    a.resourceName = resourceName(parser, f);
    a.patternType = f.patternType.value_or(AclPatternType::Literal);
    a.operation = f.operation.value_or(AclOperation::Any);
    a.permission = f.permission.value_or(AclPermission::Allow);
    return a;
}

AclFilter filterOf(const QCommandLineParser &parser, const Fields &f, AclPatternType defaultPattern)
{
    AclFilter filter;
    filter.principal = parser.value(QStringLiteral("principal"));
    filter.host = parser.value(QStringLiteral("host"));
    filter.resourceType = f.resourceType.value_or(AclResourceType::Any);
    filter.resourceName = resourceName(parser, f);
    // A pattern type alone would filter nothing useful: it applies once a resource is named.
    filter.patternType = f.patternType.value_or(filter.resourceName.isEmpty() ? AclPatternType::Any : defaultPattern);
    filter.operation = f.operation.value_or(AclOperation::Any);
    filter.permission = f.permission.value_or(AclPermission::Any);
    return filter;
}

int printCommand(bool json, const commands::KafkaCommand &command, const QString &note = {})
{
    if (json) {
        QJsonObject o{{QStringLiteral("command"), command.line}};
        if (!note.isEmpty())
            o.insert(QStringLiteral("note"), note);
        printJson(o);
    } else {
        out() << command.line << '\n';
        if (!note.isEmpty())
            out() << "Note: " << note << '\n';
    }
    return ExitOk;
}

} // namespace

int runAclsCommand(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        out() << aclsUsage();
        return ExitOk;
    }
    QCommandLineParser parser;
    ConnectionOptions connection;
    connection.addTo(parser);
    parser.addOptions({{QStringLiteral("principal"), QStringLiteral("principal"), QStringLiteral("P")},
                       {QStringLiteral("host"), QStringLiteral("host"), QStringLiteral("H")},
                       {QStringLiteral("resource-type"), QStringLiteral("resource type"), QStringLiteral("T")},
                       {QStringLiteral("resource"), QStringLiteral("resource name"), QStringLiteral("NAME")},
                       {QStringLiteral("pattern-type"), QStringLiteral("pattern type"), QStringLiteral("P")},
                       {QStringLiteral("operation"), QStringLiteral("operation"), QStringLiteral("OP")},
                       {QStringLiteral("permission"), QStringLiteral("allow or deny"), QStringLiteral("P")},
                       {QStringLiteral("deny"), QStringLiteral("deny")},
                       {QStringLiteral("print-command"), QStringLiteral("print the kafka-acls.sh line")},
                       {QStringLiteral("yes"), QStringLiteral("confirm")}});
    if (!parser.parse(QStringList{QStringLiteral("kafdesk-ctl")} + arguments))
        return reportUsage(parser.errorText() + QLatin1Char('.'), aclsUsage());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return reportUsage(positional.isEmpty() ? QStringLiteral("Name a verb.") : QStringLiteral("Too many arguments."),
                           aclsUsage());
    const QString verb = positional.first();
    static const QStringList verbs{QStringLiteral("list"), QStringLiteral("create"), QStringLiteral("delete")};
    if (!verbs.contains(verb))
        return reportUsage(QStringLiteral("Unknown verb \"%1\".").arg(verb), aclsUsage());
    auto fields = parseFields(parser);
    if (!fields)
        return reportUsage(fields.error().message, aclsUsage());
    const bool json = connection.json(parser);
    const bool printOnly = parser.isSet(QStringLiteral("print-command"));

    const AclBinding binding = bindingOf(parser, fields.value());
    const AclFilter filter = filterOf(parser, fields.value(),
                                      verb == QLatin1String("list") ? AclPatternType::Any : AclPatternType::Literal);
    // Checked before connecting: a bad field is said at once, and nothing is sent.
    if (verb == QLatin1String("create")) {
        if (!parser.isSet(QStringLiteral("principal")) || !fields->resourceType || !fields->operation)
            return reportUsage(QStringLiteral("create needs --principal, --resource-type and --operation."), aclsUsage());
        const auto problems = aclvalidation::problems(binding);
        // With --print-command only the fields matter, not what librdkafka can send.
        for (const aclvalidation::Problem &p : problems)
            if (!printOnly || p.field != aclvalidation::Field::ResourceType)
                return reportError(failure(p.message), ExitUsage);
    } else {
        const auto purpose = verb == QLatin1String("delete") ? aclvalidation::Purpose::Delete : aclvalidation::Purpose::List;
        for (const aclvalidation::Problem &p : aclvalidation::problems(filter, purpose))
            if (!printOnly || p.field != aclvalidation::Field::ResourceType)
                return reportError(failure(p.message), ExitUsage);
    }

    if (printOnly) {
        auto settings = connection.settings(parser);
        if (!settings)
            return reportError(settings.error(), ExitUsage);
        const commands::Target target{settings->clientConfig.value(QStringLiteral("bootstrap.servers")), {}};
        if (verb == QLatin1String("create"))
            return printCommand(json, commands::createAcl(target, binding));
        if (verb == QLatin1String("list"))
            return printCommand(json, commands::listAcls(target, filter), commands::listAclsCaveat(filter));
        const commands::KafkaCommand line = commands::deleteAcls(target, filter);
        if (line.line.isEmpty())
            return reportError(failure(QStringLiteral("kafka-acls.sh cannot delete by this filter in one line."),
                                       QStringLiteral("Run the delete without --print-command to see the matching "
                                                      "ACLs and one line for each.")),
                               ExitUsage);
        return printCommand(json, line);
    }

    int code = 0;
    auto ops = connectFromOptions(parser, connection, &code);
    if (!ops)
        return code;
    const commands::Target target{ops->settings().clientConfig.value(QStringLiteral("bootstrap.servers")), {}};
    const auto refused = [](const Error &e) { return reportError(e, e.badInput ? ExitUsage : ExitFailed); };

    if (verb == QLatin1String("list")) {
        auto acls = ops->listAcls(filter);
        if (!acls)
            return refused(acls.error());
        if (json) {
            printJson(aclsJson(acls.value(), target));
            return ExitOk;
        }
        if (acls->isEmpty())
            out() << (filter.matchesEverything() ? "No ACLs.\n" : "No ACL matches.\n");
        else
            out() << aclTable(acls.value());
        out() << "Kafka equivalent: " << commands::listAcls(target, filter).line << '\n';
        if (const QString caveat = commands::listAclsCaveat(filter); !caveat.isEmpty())
            out() << "Note: " << caveat << '\n';
        return ExitOk;
    }
    if (verb == QLatin1String("create")) {
        if (const Status s = ops->createAcls({binding}); !s)
            return refused(s.error());
        const commands::KafkaCommand command = commands::createAcl(target, binding);
        if (json) {
            printJson(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("acl"), aclJson(binding, target)},
                                  {QStringLiteral("command"), command.line}});
        } else {
            out() << "Created the ACL: " << acl::sentence(binding) << ".\nKafka equivalent: " << command.line << '\n';
        }
        return ExitOk;
    }
    // delete: first what the filter matches, so that what goes is said before it goes.
    auto matching = ops->listAcls(filter);
    if (!matching)
        return refused(matching.error());
    commands::KafkaCommand command = commands::deleteAcls(target, filter);
    if (command.line.isEmpty())
        command = commands::deleteAcls(target, matching.value());
    if (!parser.isSet(QStringLiteral("yes"))) {
        if (json) {
            printJson(QJsonObject{{QStringLiteral("deleted"), QJsonArray()},
                                  {QStringLiteral("matching"), aclsJson(matching.value(), target)},
                                  {QStringLiteral("command"), command.line}});
        } else if (matching->isEmpty()) {
            out() << "No ACL matches: nothing would be deleted.\n";
        } else {
            out() << (matching->size() == 1 ? QStringLiteral("This ACL would be deleted:\n")
                                            : QStringLiteral("These %1 ACLs would be deleted:\n").arg(matching->size()))
                  << aclTable(matching.value()) << "Kafka equivalent: " << command.line << '\n';
        }
        out().flush();
        return reportError(failure(QStringLiteral("Nothing was deleted: deleting ACLs cannot be undone, repeat with --yes.")),
                           ExitUsage);
    }
    auto deleted = ops->deleteAcls({filter});
    if (!deleted)
        return refused(deleted.error());
    if (json) {
        printJson(QJsonObject{{QStringLiteral("deleted"), aclsJson(deleted.value(), target)},
                              {QStringLiteral("command"), command.line}});
        return ExitOk;
    }
    if (deleted->isEmpty()) {
        out() << "No ACL matched: nothing was deleted.\n";
        return ExitOk;
    }
    out() << (deleted->size() == 1 ? QStringLiteral("Deleted 1 ACL:\n") : QStringLiteral("Deleted %1 ACLs:\n").arg(deleted->size()))
          << aclTable(deleted.value()) << "Kafka equivalent: " << command.line << '\n';
    return ExitOk;
}

} // namespace kafdesk::ctl
