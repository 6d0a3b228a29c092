#include "ctl/groupscommand.h"

#include "commands/kafkacommand.h"
#include "ctl/ctlsupport.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace kafdesk::ctl {

namespace {

QString groupsUsage()
{
    return QStringLiteral("Usage: kafdesk-ctl groups VERB [options]\n\n"
                          "Verbs:\n"
                          "  list                       groups with their state\n"
                          "  describe --group G         state, coordinator, members and their partitions\n"
                          "  lag --group G | --all      committed and end offsets and lag per partition\n"
                          "  reset --group G --topic T  --to-earliest | --to-latest | --to-offset N |\n"
                          "                             --shift-by N | --to-datetime 2026-12-01T10:00:00Z\n"
                          "                             [--partitions 0,1] [--execute] (default: preview only)\n"
                          "  delete --group G [--topic T] --yes   the group, or its offsets for one topic\n\n") +
           connectionUsage();
}

QJsonValue optionalNumber(const std::optional<qint64> &v)
{
    return v ? QJsonValue(*v) : QJsonValue();
}

QString optionalText(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("-");
}

QJsonArray lagJson(const GroupLag &g)
{
    QJsonArray out;
    for (const PartitionLag &p : g.partitions)
        out.append(QJsonObject{{QStringLiteral("group"), g.groupId},
                               {QStringLiteral("topic"), p.topic},
                               {QStringLiteral("partition"), p.partition},
                               {QStringLiteral("committed"), optionalNumber(p.committed)},
                               {QStringLiteral("end"), p.logEnd},
                               {QStringLiteral("lag"), optionalNumber(p.lag)},
                               {QStringLiteral("owner"), p.owner.isEmpty() ? QJsonValue() : QJsonValue(p.owner)}});
    return out;
}

QString lagTable(const GroupLag &g)
{
    QList<QStringList> rows{{QStringLiteral("TOPIC"), QStringLiteral("PARTITION"), QStringLiteral("COMMITTED"),
                             QStringLiteral("END"), QStringLiteral("LAG"), QStringLiteral("OWNER")}};
    for (const PartitionLag &p : g.partitions)
        rows << QStringList{p.topic, QString::number(p.partition),
                            p.committed ? QString::number(*p.committed) : QStringLiteral("no commit"),
                            QString::number(p.logEnd), optionalText(p.lag), p.owner.isEmpty() ? QStringLiteral("-") : p.owner};
    const QString members = g.members < 0 ? QStringLiteral("members unknown") : QStringLiteral("%1 members").arg(g.members);
    QString text = QStringLiteral("Group %1 (%2, %3): total lag %4\n").arg(g.groupId, g.state, members).arg(g.totalLag);
    if (!g.note.isEmpty())
        text += QStringLiteral("Note: ") + g.note + QLatin1Char('\n');
    return text + formatTable(rows);
}

Result<ResetOffsetsRequest> resetRequest(const QCommandLineParser &parser, const QString &group, const QString &topic)
{
    ResetOffsetsRequest r;
    r.group = group;
    r.topic = topic;
    r.execute = parser.isSet(QStringLiteral("execute"));
    int chosen = 0;
    bool numberOk = true;
    if (parser.isSet(QStringLiteral("to-earliest"))) {
        r.strategy = ResetStrategy::Earliest;
        ++chosen;
    }
    if (parser.isSet(QStringLiteral("to-latest"))) {
        r.strategy = ResetStrategy::Latest;
        ++chosen;
    }
    if (parser.isSet(QStringLiteral("to-offset"))) {
        r.strategy = ResetStrategy::Offset;
        r.value = parser.value(QStringLiteral("to-offset")).toLongLong(&numberOk);
        ++chosen;
    }
    if (parser.isSet(QStringLiteral("shift-by"))) {
        r.strategy = ResetStrategy::ShiftBy;
        r.value = parser.value(QStringLiteral("shift-by")).toLongLong(&numberOk);
        ++chosen;
    }
    if (parser.isSet(QStringLiteral("to-datetime"))) {
        r.strategy = ResetStrategy::DateTime;
        r.dateTime = QDateTime::fromString(parser.value(QStringLiteral("to-datetime")), Qt::ISODateWithMs);
        if (!r.dateTime.isValid())
            return failure(QStringLiteral("--to-datetime takes an ISO 8601 time, such as 2026-12-01T10:00:00Z."));
        ++chosen;
    }
    if (!numberOk)
        return failure(QStringLiteral("--to-offset and --shift-by take a whole number."));
    if (chosen != 1)
        return failure(QStringLiteral("Choose exactly one of --to-earliest, --to-latest, --to-offset, --shift-by and "
                                      "--to-datetime."));
    for (const QString &p : parser.value(QStringLiteral("partitions")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        r.partitions << p.toInt(&ok);
        if (!ok)
            return failure(QStringLiteral("--partitions takes partition numbers, such as 0,1,2."));
    }
    return r;
}

int printReset(const ResetPlan &plan, const commands::KafkaCommand &command, bool json, bool executed)
{
    if (json) {
        QJsonArray parts;
        for (const PartitionReset &p : plan.partitions)
            parts.append(QJsonObject{{QStringLiteral("topic"), p.topic},
                                     {QStringLiteral("partition"), p.partition},
                                     {QStringLiteral("current"), optionalNumber(p.current)},
                                     {QStringLiteral("new"), p.newOffset},
                                     {QStringLiteral("note"), p.note}});
        printJson(QJsonObject{{QStringLiteral("group"), plan.request.group},
                              {QStringLiteral("executed"), executed},
                              {QStringLiteral("partitions"), parts},
                              {QStringLiteral("command"), command.script()}});
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("TOPIC"), QStringLiteral("PARTITION"), QStringLiteral("CURRENT"),
                             QStringLiteral("NEW"), QStringLiteral("NOTE")}};
    for (const PartitionReset &p : plan.partitions)
        rows << QStringList{p.topic, QString::number(p.partition), optionalText(p.current), QString::number(p.newOffset),
                            p.note};
    out() << (executed ? "Reset the offsets of group " : "Preview (nothing written) for group ") << plan.request.group
          << ":\n"
          << formatTable(rows) << "Kafka equivalent: " << command.script() << '\n';
    if (!executed && !plan.refusal.isEmpty())
        out() << "Executing would be refused: " << plan.refusal << '\n';
    return ExitOk;
}

} // namespace

int runGroupsCommand(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        out() << groupsUsage();
        return ExitOk;
    }
    QCommandLineParser parser;
    ConnectionOptions connection;
    connection.addTo(parser);
    parser.addOptions({{QStringLiteral("group"), QStringLiteral("group"), QStringLiteral("G")},
                       {QStringLiteral("topic"), QStringLiteral("topic"), QStringLiteral("T")},
                       {QStringLiteral("all"), QStringLiteral("every group")},
                       {QStringLiteral("to-earliest"), QStringLiteral("earliest")},
                       {QStringLiteral("to-latest"), QStringLiteral("latest")},
                       {QStringLiteral("to-offset"), QStringLiteral("offset"), QStringLiteral("N")},
                       {QStringLiteral("shift-by"), QStringLiteral("shift"), QStringLiteral("N")},
                       {QStringLiteral("to-datetime"), QStringLiteral("time"), QStringLiteral("T")},
                       {QStringLiteral("partitions"), QStringLiteral("partitions"), QStringLiteral("P")},
                       {QStringLiteral("execute"), QStringLiteral("write the new offsets")},
                       {QStringLiteral("yes"), QStringLiteral("confirm")}});
    if (!parser.parse(QStringList{QStringLiteral("kafdesk-ctl")} + arguments))
        return reportUsage(parser.errorText() + QLatin1Char('.'), groupsUsage());
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return reportUsage(positional.isEmpty() ? QStringLiteral("Name a verb.") : QStringLiteral("Too many arguments."),
                           groupsUsage());
    const QString verb = positional.first();
    static const QStringList verbs{QStringLiteral("list"), QStringLiteral("describe"), QStringLiteral("lag"),
                                   QStringLiteral("reset"), QStringLiteral("delete")};
    if (!verbs.contains(verb))
        return reportUsage(QStringLiteral("Unknown verb \"%1\".").arg(verb), groupsUsage());
    const QString group = parser.value(QStringLiteral("group"));
    const QString topic = parser.value(QStringLiteral("topic"));
    const bool all = parser.isSet(QStringLiteral("all"));
    if (verb != QLatin1String("list") && group.isEmpty() && !(verb == QLatin1String("lag") && all))
        return reportUsage(QStringLiteral("%1 needs --group G.").arg(verb), groupsUsage());
    if (verb == QLatin1String("reset") && topic.isEmpty())
        return reportUsage(QStringLiteral("reset needs --topic T."), groupsUsage());
    if (verb == QLatin1String("delete") && !parser.isSet(QStringLiteral("yes")))
        return reportUsage(QStringLiteral("Deleting cannot be undone: repeat with --yes."), groupsUsage());
    Result<ResetOffsetsRequest> reset = ResetOffsetsRequest{};
    if (verb == QLatin1String("reset")) {
        reset = resetRequest(parser, group, topic);
        if (!reset)
            return reportError(reset.error(), ExitUsage);
    }

    int code = 0;
    auto ops = connectFromOptions(parser, connection, &code);
    if (!ops)
        return code;
    const bool json = connection.json(parser);
    const commands::Target target{ops->settings().clientConfig.value(QStringLiteral("bootstrap.servers")), {}};
    const auto refused = [](const Error &e) { return reportError(e, e.badInput ? ExitUsage : ExitFailed); };

    if (verb == QLatin1String("list")) {
        auto groups = ops->groups().list();
        if (!groups)
            return refused(groups.error());
        QJsonArray array;
        QList<QStringList> rows{{QStringLiteral("GROUP"), QStringLiteral("STATE"), QStringLiteral("TYPE")}};
        for (const GroupListing &g : groups.value()) {
            array.append(QJsonObject{{QStringLiteral("group"), g.groupId}, {QStringLiteral("state"), g.state},
                                     {QStringLiteral("simple"), g.isSimpleConsumerGroup}});
            rows << QStringList{g.groupId, g.state, g.isSimpleConsumerGroup ? QStringLiteral("simple") : QStringLiteral("consumer")};
        }
        if (json)
            printJson(array);
        else
            out() << formatTable(rows);
        return ExitOk;
    }
    if (verb == QLatin1String("describe")) {
        auto d = ops->groups().describe(group);
        if (!d)
            return refused(d.error());
        QJsonArray members;
        QList<QStringList> rows{{QStringLiteral("CLIENT-ID"), QStringLiteral("HOST"), QStringLiteral("PARTITIONS")}};
        for (const GroupMember &m : d->members) {
            QStringList parts;
            for (const auto &[t, p] : m.assignment)
                parts << t + QLatin1Char('-') + QString::number(p);
            members.append(QJsonObject{{QStringLiteral("memberId"), m.memberId}, {QStringLiteral("clientId"), m.clientId},
                                       {QStringLiteral("host"), m.host},
                                       {QStringLiteral("assignment"), QJsonArray::fromStringList(parts)}});
            rows << QStringList{m.clientId, m.host, parts.join(QLatin1Char(','))};
        }
        if (json) {
            printJson(QJsonObject{{QStringLiteral("group"), d->groupId}, {QStringLiteral("state"), d->state},
                                  {QStringLiteral("coordinator"), d->coordinatorId},
                                  {QStringLiteral("assignor"), d->partitionAssignor}, {QStringLiteral("members"), members}});
        } else {
            out() << "Group " << d->groupId << ": " << d->state << ", coordinator broker " << d->coordinatorId << " ("
                  << d->coordinatorAddress << "), " << d->members.size() << " members\n"
                  << formatTable(rows);
        }
        return ExitOk;
    }
    if (verb == QLatin1String("lag")) {
        QStringList groups{group};
        if (all) {
            auto listed = ops->groups().list();
            if (!listed)
                return refused(listed.error());
            groups.clear();
            for (const GroupListing &g : listed.value())
                groups << g.groupId;
        }
        auto lags = ops->groups().lagOfGroups(groups);
        if (!lags)
            return refused(lags.error());
        QJsonArray array;
        for (const GroupLag &g : lags.value()) {
            for (const QJsonValue &v : lagJson(g))
                array.append(v);
            if (!json)
                out() << lagTable(g) << '\n';
        }
        if (json)
            printJson(array);
        return ExitOk;
    }
    if (verb == QLatin1String("reset")) {
        auto plan = ops->planReset(reset.value());
        if (!plan)
            return refused(plan.error());
        const auto command = commands::resetOffsets(target, reset.value());
        if (reset->execute) {
            if (const Status s = ops->executeReset(plan.value()); !s)
                return refused(s.error());
        }
        return printReset(plan.value(), command, json, reset->execute);
    }
    // delete
    if (!topic.isEmpty()) {
        const DeleteGroupOffsetsRequest request{group, topic};
        if (const Status s = ops->deleteGroupOffsets(request); !s)
            return refused(s.error());
        out() << "Deleted the offsets of group " << group << " for " << topic << ".\nKafka equivalent: "
              << commands::deleteGroupOffsets(target, request).script() << '\n';
        return ExitOk;
    }
    const DeleteGroupRequest request{group};
    if (const Status s = ops->deleteGroup(request); !s)
        return refused(s.error());
    out() << "Deleted group " << group << ".\nKafka equivalent: " << commands::deleteGroup(target, request).script() << '\n';
    return ExitOk;
}

} // namespace kafdesk::ctl
