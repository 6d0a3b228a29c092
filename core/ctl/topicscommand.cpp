#include "ctl/topicscommand.h"

#include "cluster/clustersnapshot.h"
#include "commands/kafkacommand.h"
#include "ctl/ctlsupport.h"
#include "util/jsonwriter.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace kafdesk::ctl {

namespace {

QString topicsUsage()
{
    return QStringLiteral("Usage: kafdesk-ctl topics VERB [TOPIC] [options]\n\n"
                          "Verbs:\n"
                          "  list                       topics with partitions, replication and health (--internal too)\n"
                          "  describe TOPIC             partitions (leader, replicas, ISR, offline) and configs\n"
                          "  create TOPIC               --partitions N --replication-factor R [--config K=V ...]\n"
                          "                             [--replica-assignment 1:2:3,2:3:1]\n"
                          "  delete TOPIC [TOPIC ...]   --yes (cannot be undone)\n"
                          "  alter TOPIC                --config K=V ... --delete-config K ...\n"
                          "  add-partitions TOPIC       --partitions N (the new total)\n\n") +
           connectionUsage();
}

void writeInts(JsonWriter &w, const QList<int> &values)
{
    w.beginArray();
    for (const int v : values)
        w.value(v);
    w.endArray();
}

// The members of a topic's object: name, health and every partition.
void writeTopicFields(JsonWriter &w, const TopicState &t)
{
    w.key("name").value(t.name).key("internal").value(t.internal)
        .key("replicationFactor").value(t.replicationFactor())
        .key("underReplicated").value(t.underReplicatedCount()).key("offline").value(t.offlineCount());
    w.key("partitions").beginArray();
    for (const PartitionState &p : t.partitions) {
        w.beginObject().key("partition").value(p.id).key("leader").value(p.leader);
        w.key("replicas");
        writeInts(w, p.replicas);
        w.key("isr");
        writeInts(w, p.isr);
        w.key("offlineReplicas");
        writeInts(w, p.offlineReplicas);
        w.key("error").value(p.error).endObject();
    }
    w.endArray();
}

// Written as it goes (util/jsonwriter.h): a snapshot of 10,000 partitions built as QJsonObjects
// first took longer than fetching it.
void writeSnapshotJson(const ClusterSnapshot &s, JsonWriter::Layout layout, std::FILE *sink)
{
    JsonWriter w(layout, sink);
    w.beginObject().key("takenAt").value(s.takenAt.toString(Qt::ISODateWithMs)).key("clusterId").value(s.clusterId);
    w.key("brokers").beginArray();
    for (const BrokerState &b : s.brokers)
        w.beginObject().key("id").value(b.id).key("host").value(b.host).key("port").value(int{b.port})
            .key("alive").value(b.alive).endObject();
    w.endArray().key("topics").beginArray();
    for (const TopicState &t : s.topics) {
        w.beginObject();
        writeTopicFields(w, t);
        w.endObject();
    }
    w.endArray()
        .key("partitions").value(s.partitionCount())
        .key("underReplicated").value(s.underReplicatedCount())
        .key("offline").value(s.offlineCount())
        .endObject();
    w.finish();
}

Result<ClusterSnapshot> takeSnapshot(ClusterOperations &ops)
{
    auto md = ops.metadata().fetch(ops.admin().timeoutMs(), true);
    if (!md)
        return md.error();
    return ClusterSnapshot::fromMetadata(md.value());
}

// Success: what happened, and the Kafka command line that does the same.
int reportDone(bool json, const QString &what, const commands::KafkaCommand &command)
{
    if (json) {
        printJson(QJsonObject{{QStringLiteral("ok"), true}, {QStringLiteral("message"), what},
                              {QStringLiteral("command"), command.script()}});
    } else {
        out() << what << '\n' << "Kafka equivalent: " << command.script() << '\n';
        out().flush();
    }
    return ExitOk;
}

Result<QMap<QString, QString>> parseConfigs(const QStringList &values)
{
    QMap<QString, QString> configs;
    for (const QString &kv : values) {
        const qsizetype eq = kv.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return failure(QStringLiteral("\"%1\" is not a config: write KEY=VALUE, such as retention.ms=86400000.").arg(kv));
        configs.insert(kv.left(eq).trimmed(), kv.mid(eq + 1).trimmed());
    }
    return configs;
}

Result<QList<QList<int>>> parseAssignment(const QString &text)
{
    QList<QList<int>> out;
    for (const QString &partition : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QList<int> brokers;
        for (const QString &b : partition.split(QLatin1Char(':'))) {
            bool ok = false;
            const int id = b.toInt(&ok);
            if (!ok)
                return failure(QStringLiteral("\"%1\" is not a replica assignment: write broker ids per partition, "
                                              "such as 1:2:3,2:3:1.")
                                   .arg(text));
            brokers << id;
        }
        out << brokers;
    }
    return out;
}

int printList(const ClusterSnapshot &snap, bool json, bool internal)
{
    QJsonArray array;
    QList<QStringList> rows{{QStringLiteral("TOPIC"), QStringLiteral("PARTITIONS"), QStringLiteral("RF"),
                             QStringLiteral("UNDER-REPLICATED"), QStringLiteral("OFFLINE")}};
    for (const TopicState &t : snap.topics) {
        if (t.internal && !internal)
            continue;
        array.append(QJsonObject{{QStringLiteral("name"), t.name},
                                 {QStringLiteral("partitions"), static_cast<int>(t.partitions.size())},
                                 {QStringLiteral("replicationFactor"), t.replicationFactor()},
                                 {QStringLiteral("underReplicated"), t.underReplicatedCount()},
                                 {QStringLiteral("offline"), t.offlineCount()},
                                 {QStringLiteral("internal"), t.internal}});
        rows << QStringList{t.name, QString::number(t.partitions.size()), QString::number(t.replicationFactor()),
                            QString::number(t.underReplicatedCount()), QString::number(t.offlineCount())};
    }
    if (json)
        printJson(array);
    else
        out() << formatTable(rows);
    return ExitOk;
}

int printTopic(ClusterOperations &ops, const ClusterSnapshot &snap, const QString &name, bool json)
{
    const TopicState *t = snap.topic(name);
    if (!t)
        return reportError(failure(QStringLiteral("There is no topic named \"%1\".").arg(name)));
    auto configs = ops.topics().topicConfigs(name);
    if (!configs)
        return reportError(configs.error());
    if (json) {
        JsonWriter w(jsonLayout());
        w.beginObject();
        writeTopicFields(w, *t);
        w.key("configs").beginArray();
        for (const ConfigEntry &e : configs.value()) {
            w.beginObject().key("name").value(e.name).key("value");
            if (e.sensitive)
                w.null();
            else
                w.value(e.value);
            w.key("source").value(e.source).key("readOnly").value(e.readOnly).key("sensitive").value(e.sensitive)
                .endObject();
        }
        w.endArray().endObject();
        printBytes(w.finish());
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("PARTITION"), QStringLiteral("LEADER"), QStringLiteral("REPLICAS"),
                             QStringLiteral("ISR"), QStringLiteral("OFFLINE")}};
    for (const PartitionState &p : t->partitions)
        rows << QStringList{QString::number(p.id), p.leader < 0 ? QStringLiteral("none") : QString::number(p.leader),
                            joinInts(p.replicas), joinInts(p.isr), joinInts(p.offlineReplicas)};
    out() << "Topic " << name << ": " << t->partitions.size() << " partitions, replication factor "
          << t->replicationFactor() << "\n\n"
          << formatTable(rows) << "\nConfigs set on the topic or broker:\n";
    QList<QStringList> configRows;
    for (const ConfigEntry &e : configs.value())
        if (!e.isDefault)
            configRows << QStringList{QStringLiteral("  ") + e.name, e.sensitive ? QStringLiteral("(sensitive)") : e.value,
                                      e.source};
    out() << (configRows.isEmpty() ? QStringLiteral("  (none: every value is Kafka's default)\n") : formatTable(configRows));
    return ExitOk;
}

} // namespace

namespace {

QString describeUsage()
{
    return QStringLiteral("Usage: kafdesk-ctl describe (--bootstrap B | --local NAME | --profile NAME) [--json]\n\n"
                          "The cluster's brokers (alive or down) and a summary of its topics and partitions\n"
                          "(under-replicated, offline); with --json, the whole snapshot: every topic and\n"
                          "partition with its leader, replicas and ISR.\n\n")
        + connectionUsage();
}

} // namespace

int runDescribeCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    ConnectionOptions connection;
    connection.addTo(parser);
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        out() << describeUsage();
        return ExitOk;
    }
    if (!parser.parse(QStringList{QStringLiteral("kafdesk-ctl")} + arguments))
        return reportUsage(parser.errorText() + QLatin1Char('.'), describeUsage());
    if (!parser.positionalArguments().isEmpty())
        return reportUsage(QStringLiteral("describe takes no arguments."), describeUsage());
    int code = 0;
    auto ops = connectFromOptions(parser, connection, &code, Probe::Skip);
    if (!ops)
        return code;
    auto snap = takeSnapshot(*ops);
    if (!snap)
        return reportError(snap.error());
    if (connection.json(parser)) {
        out().flush();
        writeSnapshotJson(snap.value(), jsonLayout(), stdout);
        return ExitOk;
    }
    QList<QStringList> rows{{QStringLiteral("BROKER"), QStringLiteral("ADDRESS"), QStringLiteral("STATE")}};
    for (const BrokerState &b : snap->brokers)
        rows << QStringList{QString::number(b.id), b.address(), b.alive ? QStringLiteral("alive") : QStringLiteral("down")};
    out() << formatTable(rows) << '\n'
          << snap->topics.size() << " topics, " << snap->partitionCount() << " partitions, "
          << snap->underReplicatedCount() << " under-replicated, " << snap->offlineCount() << " offline\n";
    return ExitOk;
}

int runTopicsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    ConnectionOptions connection;
    connection.addTo(parser);
    const QCommandLineOption partitionsOpt(QStringLiteral("partitions"), QStringLiteral("count"), QStringLiteral("N"));
    const QCommandLineOption rfOpt(QStringLiteral("replication-factor"), QStringLiteral("replicas"), QStringLiteral("R"));
    const QCommandLineOption configOpt(QStringLiteral("config"), QStringLiteral("config"), QStringLiteral("K=V"));
    const QCommandLineOption deleteConfigOpt(QStringLiteral("delete-config"), QStringLiteral("config"), QStringLiteral("K"));
    const QCommandLineOption assignmentOpt(QStringLiteral("replica-assignment"), QStringLiteral("assignment"),
                                           QStringLiteral("A"));
    const QCommandLineOption internalOpt(QStringLiteral("internal"), QStringLiteral("internal topics too"));
    const QCommandLineOption yesOpt(QStringLiteral("yes"), QStringLiteral("confirm"));
    parser.addOptions({partitionsOpt, rfOpt, configOpt, deleteConfigOpt, assignmentOpt, internalOpt, yesOpt});
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        out() << topicsUsage();
        return ExitOk;
    }
    if (!parser.parse(QStringList{QStringLiteral("kafdesk-ctl")} + arguments))
        return reportUsage(parser.errorText() + QLatin1Char('.'), topicsUsage());
    QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return reportUsage(QStringLiteral("Name a verb."), topicsUsage());
    const QString verb = positional.takeFirst();
    static const QStringList verbs{QStringLiteral("list"),   QStringLiteral("describe"), QStringLiteral("create"),
                                   QStringLiteral("delete"), QStringLiteral("alter"),    QStringLiteral("add-partitions")};
    if (!verbs.contains(verb))
        return reportUsage(QStringLiteral("Unknown verb \"%1\".").arg(verb), topicsUsage());
    if (verb == QLatin1String("list") ? !positional.isEmpty()
                                      : positional.isEmpty() || (verb != QLatin1String("delete") && positional.size() > 1))
        return reportUsage(verb == QLatin1String("list") ? QStringLiteral("list takes no topic.")
                                                         : QStringLiteral("%1 needs one topic.").arg(verb),
                           topicsUsage());
    const auto intOption = [&](const QCommandLineOption &o, int *value) {
        bool ok = false;
        *value = parser.value(o).toInt(&ok);
        return ok;
    };
    int partitions = 0;
    int replication = -1;
    if (parser.isSet(partitionsOpt) && !intOption(partitionsOpt, &partitions))
        return reportUsage(QStringLiteral("--partitions takes a whole number."), topicsUsage());
    if (parser.isSet(rfOpt) && !intOption(rfOpt, &replication))
        return reportUsage(QStringLiteral("--replication-factor takes a whole number."), topicsUsage());
    auto configs = parseConfigs(parser.values(configOpt));
    if (!configs)
        return reportError(configs.error(), ExitUsage);
    if (verb == QLatin1String("delete") && !parser.isSet(yesOpt))
        return reportUsage(QStringLiteral("Deleting topics cannot be undone: repeat with --yes."), topicsUsage());
    if (verb == QLatin1String("add-partitions") && !parser.isSet(partitionsOpt))
        return reportUsage(QStringLiteral("add-partitions needs --partitions N (the new total)."), topicsUsage());

    int code = 0;
    const bool readsSnapshotFirst = verb == QLatin1String("list") || verb == QLatin1String("describe");
    auto ops = connectFromOptions(parser, connection, &code, readsSnapshotFirst ? Probe::Skip : Probe::First);
    if (!ops)
        return code;
    const bool json = connection.json(parser);
    const commands::Target target{ops->settings().clientConfig.value(QStringLiteral("bootstrap.servers")), {}};

    if (verb == QLatin1String("list") || verb == QLatin1String("describe")) {
        auto snap = takeSnapshot(*ops);
        if (!snap)
            return reportError(snap.error());
        return verb == QLatin1String("list") ? printList(snap.value(), json, parser.isSet(internalOpt))
                                             : printTopic(*ops, snap.value(), positional.first(), json);
    }
    // Validation errors (bad input) exit 2; the cluster's refusals exit 1.
    const auto refused = [](const Error &e) { return reportError(e, e.badInput ? ExitUsage : ExitFailed); };
    if (verb == QLatin1String("create")) {
        CreateTopicRequest request{positional.first(), parser.isSet(partitionsOpt) ? partitions : 1, replication, {},
                                   configs.value()};
        if (parser.isSet(assignmentOpt)) {
            auto assignment = parseAssignment(parser.value(assignmentOpt));
            if (!assignment)
                return reportError(assignment.error(), ExitUsage);
            request.replicaAssignment = assignment.value();
        }
        if (const Status s = ops->createTopic(request); !s)
            return refused(s.error());
        return reportDone(json, QStringLiteral("Created topic %1.").arg(request.name), commands::createTopic(target, request));
    }
    if (verb == QLatin1String("delete")) {
        const DeleteTopicsRequest request{positional};
        auto result = ops->deleteTopics(request);
        if (!result)
            return refused(result.error());
        for (auto it = result->cbegin(); it != result->cend(); ++it)
            if (it.value())
                return reportError(*it.value());
        return reportDone(json, QStringLiteral("Deleted %1.").arg(positional.join(QStringLiteral(", "))),
                          commands::deleteTopics(target, request));
    }
    if (verb == QLatin1String("alter")) {
        const AlterTopicConfigsRequest request{positional.first(), configs.value(), parser.values(deleteConfigOpt)};
        if (request.set.isEmpty() && request.remove.isEmpty())
            return reportUsage(QStringLiteral("alter needs --config K=V or --delete-config K."), topicsUsage());
        if (const Status s = ops->alterTopicConfigs(request); !s)
            return refused(s.error());
        return reportDone(json, QStringLiteral("Changed the configs of %1.").arg(request.topic),
                          commands::alterTopicConfigs(target, request));
    }
    const AddPartitionsRequest request{positional.first(), partitions};
    if (const Status s = ops->addPartitions(request); !s)
        return refused(s.error());
    return reportDone(json, QStringLiteral("%1 now has %2 partitions.").arg(request.topic).arg(partitions),
                      commands::addPartitions(target, request));
}

} // namespace kafdesk::ctl
