#include "commands/kafkacommand.h"

#include <QDateTime>

#include <algorithm>

namespace kafdesk::commands {

namespace {

bool isShellSafe(QChar c)
{
    const char16_t u = c.unicode();
    if ((u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9'))
        return true;
    return QStringView(u"_@%+=:,./-").contains(c);
}

// The tool's name and the connection options every line starts with.
QStringList toolArguments(const Target &target, const char *tool)
{
    QStringList args{QLatin1String(tool) + target.toolSuffix, QStringLiteral("--bootstrap-server"),
                     target.bootstrapServers};
    if (!target.commandConfig.isEmpty())
        args << QStringLiteral("--command-config") << target.commandConfig;
    return args;
}

KafkaCommand commandOf(const QStringList &arguments)
{
    KafkaCommand command;
    command.line = shellJoin(arguments);
    return command;
}

QString jsonString(const QString &text)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (c == QLatin1Char('"'))
            out += QStringLiteral("\\\"");
        else if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (u < 0x20)
            out += QStringLiteral("\\u%1").arg(QString::number(u, 16), 4, QLatin1Char('0'));
        else
            out += c;
    }
    out += QLatin1Char('"');
    return out;
}

// kafka-configs --add-config splits at ',' and '=' outside [ ], and strips the brackets.
QString addConfigValue(const QString &value)
{
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('=')))
        return QLatin1Char('[') + value + QLatin1Char(']');
    return value;
}

QString replicaAssignment(const QList<QList<int>> &assignment)
{
    QStringList partitions;
    for (const QList<int> &brokers : assignment) {
        QStringList ids;
        for (const int id : brokers)
            ids << QString::number(id);
        partitions << ids.join(QLatin1Char(':'));
    }
    return partitions.join(QLatin1Char(','));
}

} // namespace

QString KafkaCommand::script() const
{
    if (!needsFile())
        return line;
    QString content = fileContent;
    if (!content.endsWith(QLatin1Char('\n')))
        content += QLatin1Char('\n');
    return QStringLiteral("cat > ") + shellQuote(fileName) + QStringLiteral(" <<'EOF'\n") + content +
           QStringLiteral("EOF\n") + line;
}

QString shellQuote(const QString &argument)
{
    if (argument.isEmpty())
        return QStringLiteral("''");
    if (std::all_of(argument.cbegin(), argument.cend(), isShellSafe))
        return argument;
    QString out = QStringLiteral("'");
    for (const QChar c : argument) {
        if (c == QLatin1Char('\''))
            out += QStringLiteral("'\\''");
        else
            out += c;
    }
    out += QLatin1Char('\'');
    return out;
}

QString shellJoin(const QStringList &arguments)
{
    QStringList quoted;
    quoted.reserve(arguments.size());
    for (const QString &a : arguments)
        quoted << shellQuote(a);
    return quoted.join(QLatin1Char(' '));
}

QString topicPattern(const QString &topic)
{
    QString out;
    out.reserve(topic.size() * 2);
    for (const QChar c : topic) {
        if (QStringView(u"\\.[]{}()*+?^$|").contains(c))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

QString resetDateTimeText(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

// --- Changing things ---------------------------------------------------------------------------

KafkaCommand createTopic(const Target &target, const CreateTopicRequest &request)
{
    QStringList args = toolArguments(target, "kafka-topics");
    args << QStringLiteral("--create") << QStringLiteral("--topic") << request.name;
    if (!request.replicaAssignment.isEmpty()) {
        // kafka-topics refuses --partitions and --replication-factor next to an assignment.
        args << QStringLiteral("--replica-assignment") << replicaAssignment(request.replicaAssignment);
    } else {
        args << QStringLiteral("--partitions") << QString::number(request.partitions);
        if (request.replicationFactor != -1)
            args << QStringLiteral("--replication-factor") << QString::number(request.replicationFactor);
    }
    for (auto it = request.configs.constBegin(); it != request.configs.constEnd(); ++it)
        args << QStringLiteral("--config") << it.key() + QLatin1Char('=') + it.value();
    return commandOf(args);
}

KafkaCommand deleteTopics(const Target &target, const DeleteTopicsRequest &request)
{
    QStringList lines;
    for (const QString &topic : request.topics) {
        QStringList args = toolArguments(target, "kafka-topics");
        args << QStringLiteral("--delete") << QStringLiteral("--topic") << topicPattern(topic);
        lines << shellJoin(args);
    }
    KafkaCommand command;
    command.line = lines.join(QStringLiteral(" && "));
    return command;
}

KafkaCommand addPartitions(const Target &target, const AddPartitionsRequest &request)
{
    QStringList args = toolArguments(target, "kafka-topics");
    args << QStringLiteral("--alter") << QStringLiteral("--topic") << topicPattern(request.topic)
         << QStringLiteral("--partitions") << QString::number(request.totalPartitions);
    return commandOf(args);
}

KafkaCommand alterTopicConfigs(const Target &target, const AlterTopicConfigsRequest &request)
{
    QStringList args = toolArguments(target, "kafka-configs");
    args << QStringLiteral("--entity-type") << QStringLiteral("topics") << QStringLiteral("--entity-name")
         << request.topic << QStringLiteral("--alter");
    if (!request.set.isEmpty()) {
        QStringList pairs;
        for (auto it = request.set.constBegin(); it != request.set.constEnd(); ++it)
            pairs << it.key() + QLatin1Char('=') + addConfigValue(it.value());
        args << QStringLiteral("--add-config") << pairs.join(QLatin1Char(','));
    }
    if (!request.remove.isEmpty()) {
        QStringList keys = request.remove;
        keys.sort();
        keys.removeDuplicates();
        args << QStringLiteral("--delete-config") << keys.join(QLatin1Char(','));
    }
    return commandOf(args);
}

KafkaCommand deleteRecords(const Target &target, const DeleteRecordsRequest &request, const QString &offsetJsonFile)
{
    QStringList entries;
    for (auto it = request.beforeOffset.constBegin(); it != request.beforeOffset.constEnd(); ++it)
        entries << QStringLiteral("    {\"topic\": %1, \"partition\": %2, \"offset\": %3}")
                       .arg(jsonString(request.topic), QString::number(it.key()), QString::number(it.value()));

    QStringList args = toolArguments(target, "kafka-delete-records");
    args << QStringLiteral("--offset-json-file") << offsetJsonFile;
    KafkaCommand command = commandOf(args);
    command.fileName = offsetJsonFile;
    command.fileContent = QStringLiteral("{\n  \"version\": 1,\n  \"partitions\": [\n") +
                          entries.join(QStringLiteral(",\n")) + QStringLiteral("\n  ]\n}\n");
    return command;
}

KafkaCommand resetOffsets(const Target &target, const ResetOffsetsRequest &request)
{
    QString topic = request.topic;
    if (!request.partitions.isEmpty()) {
        QList<int> partitions = request.partitions;
        std::sort(partitions.begin(), partitions.end());
        QStringList numbers;
        for (const int p : partitions)
            numbers << QString::number(p);
        topic += QLatin1Char(':') + numbers.join(QLatin1Char(','));
    }
    QStringList args = toolArguments(target, "kafka-consumer-groups");
    args << QStringLiteral("--group") << request.group << QStringLiteral("--reset-offsets") << QStringLiteral("--topic")
         << topic;
    switch (request.strategy) {
    case ResetStrategy::Earliest:
        args << QStringLiteral("--to-earliest");
        break;
    case ResetStrategy::Latest:
        args << QStringLiteral("--to-latest");
        break;
    case ResetStrategy::DateTime:
        args << QStringLiteral("--to-datetime") << resetDateTimeText(request.dateTime);
        break;
    case ResetStrategy::Offset:
        args << QStringLiteral("--to-offset") << QString::number(request.value);
        break;
    case ResetStrategy::ShiftBy:
        args << QStringLiteral("--shift-by") << QString::number(request.value);
        break;
    }
    args << (request.execute ? QStringLiteral("--execute") : QStringLiteral("--dry-run"));
    return commandOf(args);
}

KafkaCommand deleteGroup(const Target &target, const DeleteGroupRequest &request)
{
    QStringList args = toolArguments(target, "kafka-consumer-groups");
    args << QStringLiteral("--delete") << QStringLiteral("--group") << request.group;
    return commandOf(args);
}

KafkaCommand deleteGroupOffsets(const Target &target, const DeleteGroupOffsetsRequest &request)
{
    QStringList args = toolArguments(target, "kafka-consumer-groups");
    args << QStringLiteral("--delete-offsets") << QStringLiteral("--group") << request.group
         << QStringLiteral("--topic") << request.topic;
    return commandOf(args);
}

// --- Reading things ----------------------------------------------------------------------------

KafkaCommand listTopics(const Target &target)
{
    return commandOf(toolArguments(target, "kafka-topics") << QStringLiteral("--list"));
}

KafkaCommand describeTopic(const Target &target, const QString &topic)
{
    QStringList args = toolArguments(target, "kafka-topics");
    args << QStringLiteral("--describe") << QStringLiteral("--topic") << topicPattern(topic);
    return commandOf(args);
}

KafkaCommand describeTopicConfigs(const Target &target, const QString &topic, bool includeDefaults)
{
    QStringList args = toolArguments(target, "kafka-configs");
    args << QStringLiteral("--entity-type") << QStringLiteral("topics") << QStringLiteral("--entity-name") << topic
         << QStringLiteral("--describe");
    if (includeDefaults)
        args << QStringLiteral("--all");
    return commandOf(args);
}

KafkaCommand describeBrokerConfigs(const Target &target, int brokerId, bool includeDefaults)
{
    QStringList args = toolArguments(target, "kafka-configs");
    args << QStringLiteral("--entity-type") << QStringLiteral("brokers");
    if (brokerId < 0)
        args << QStringLiteral("--entity-default") << QStringLiteral("--describe");
    else
        args << QStringLiteral("--entity-name") << QString::number(brokerId) << QStringLiteral("--describe");
    if (includeDefaults && brokerId >= 0)
        args << QStringLiteral("--all");
    return commandOf(args);
}

KafkaCommand listGroups(const Target &target)
{
    return commandOf(toolArguments(target, "kafka-consumer-groups") << QStringLiteral("--list"));
}

KafkaCommand describeGroup(const Target &target, const QString &group, GroupView view)
{
    QStringList args = toolArguments(target, "kafka-consumer-groups");
    args << QStringLiteral("--describe") << QStringLiteral("--group") << group;
    switch (view) {
    case GroupView::Offsets:
        break;
    case GroupView::Members:
        args << QStringLiteral("--members");
        break;
    case GroupView::State:
        args << QStringLiteral("--state");
        break;
    }
    return commandOf(args);
}

} // namespace kafdesk::commands
