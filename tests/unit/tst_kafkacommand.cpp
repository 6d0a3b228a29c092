#include "commands/kafkacommand.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>

using namespace kafdesk;
using namespace kafdesk::commands;

namespace {

const Target b{QStringLiteral("B")};

CreateTopicRequest createRequest(const QString &name, int partitions, int replicationFactor,
                                 const QMap<QString, QString> &configs = {}, const QList<QList<int>> &assignment = {})
{
    CreateTopicRequest r;
    r.name = name;
    r.partitions = partitions;
    r.replicationFactor = replicationFactor;
    r.configs = configs;
    r.replicaAssignment = assignment;
    return r;
}

ResetOffsetsRequest resetRequest(ResetStrategy strategy, qint64 value = 0, const QList<int> &partitions = {},
                                 bool execute = false)
{
    ResetOffsetsRequest r;
    r.group = QStringLiteral("g");
    r.topic = QStringLiteral("t");
    r.partitions = partitions;
    r.strategy = strategy;
    r.value = value;
    r.execute = execute;
    return r;
}

ResetOffsetsRequest resetToTime(const QDateTime &dateTime)
{
    ResetOffsetsRequest r = resetRequest(ResetStrategy::DateTime);
    r.dateTime = dateTime;
    return r;
}

DeleteRecordsRequest deleteRecordsRequest()
{
    return DeleteRecordsRequest{QStringLiteral("t"), {{2, 5}, {0, 10}}};
}

} // namespace

class TestKafkaCommand : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const KafkaCommand &command, const QString &expected) {
            QTest::newRow(name) << command.line << expected;
        };

        // kafka-topics --create
        row("create",
            createTopic(b, createRequest(QStringLiteral("orders"), 6, 3,
                                         {{QStringLiteral("retention.ms"), QStringLiteral("86400000")}})),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --create --topic orders --partitions 6 "
                           "--replication-factor 3 --config retention.ms=86400000"));
        row("create, configs sorted by key",
            createTopic(b, createRequest(QStringLiteral("orders"), 1, 1,
                                         {{QStringLiteral("segment.ms"), QStringLiteral("3600000")},
                                          {QStringLiteral("cleanup.policy"), QStringLiteral("compact,delete")},
                                          {QStringLiteral("min.insync.replicas"), QStringLiteral("1")}})),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --create --topic orders --partitions 1 "
                           "--replication-factor 1 --config cleanup.policy=compact,delete --config "
                           "min.insync.replicas=1 "
                           "--config segment.ms=3600000"));
        row("create, broker default replication", createTopic(b, createRequest(QStringLiteral("orders.v1"), 3, -1)),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --create --topic orders.v1 --partitions 3"));
        row("create, explicit assignment",
            createTopic(b, createRequest(QStringLiteral("orders"), 6, 3, {}, {{1, 2, 3}, {2, 3, 1}})),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --create --topic orders "
                           "--replica-assignment 1:2:3,2:3:1"));
        row("create, config value with a space",
            createTopic(b,
                        createRequest(QStringLiteral("t"), 1, -1, {{QStringLiteral("x.note"), QStringLiteral("a b")}})),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --create --topic t --partitions 1 --config "
                           "'x.note=a b'"));

        // kafka-topics --delete / --alter
        row("delete one", deleteTopics(b, DeleteTopicsRequest{{QStringLiteral("a")}}),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --delete --topic a"));
        row("delete several, dots escaped",
            deleteTopics(b, DeleteTopicsRequest{{QStringLiteral("a"), QStringLiteral("orders.v1")}}),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --delete --topic a && "
                           "kafka-topics.sh --bootstrap-server B --delete --topic 'orders\\.v1'"));
        row("delete none", deleteTopics(b, DeleteTopicsRequest{}), QString());
        row("add partitions", addPartitions(b, AddPartitionsRequest{QStringLiteral("t"), 12}),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --alter --topic t --partitions 12"));
        row("add partitions, dotted topic", addPartitions(b, AddPartitionsRequest{QStringLiteral("a.b"), 3}),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --alter --topic 'a\\.b' --partitions 3"));

        // kafka-configs --alter
        row("alter configs",
            alterTopicConfigs(b, AlterTopicConfigsRequest{QStringLiteral("t"),
                                                          {{QStringLiteral("k2"), QStringLiteral("v2")},
                                                           {QStringLiteral("k1"), QStringLiteral("v1")}},
                                                          {QStringLiteral("k3")}}),
            QStringLiteral("kafka-configs.sh --bootstrap-server B --entity-type topics --entity-name t --alter "
                           "--add-config k1=v1,k2=v2 --delete-config k3"));
        row("alter configs, comma value in brackets",
            alterTopicConfigs(
                b, AlterTopicConfigsRequest{QStringLiteral("t"),
                                            {{QStringLiteral("cleanup.policy"), QStringLiteral("compact,delete")},
                                             {QStringLiteral("retention.ms"), QStringLiteral("1000")}},
                                            {}}),
            QStringLiteral("kafka-configs.sh --bootstrap-server B --entity-type topics --entity-name t --alter "
                           "--add-config 'cleanup.policy=[compact,delete],retention.ms=1000'"));
        row("alter configs, '=' in a value",
            alterTopicConfigs(
                b,
                AlterTopicConfigsRequest{QStringLiteral("t"), {{QStringLiteral("x.expr"), QStringLiteral("a=b")}}, {}}),
            QStringLiteral("kafka-configs.sh --bootstrap-server B --entity-type topics --entity-name t --alter "
                           "--add-config 'x.expr=[a=b]'"));
        row("alter configs, only removals, sorted",
            alterTopicConfigs(b,
                              AlterTopicConfigsRequest{QStringLiteral("orders.v1"),
                                                       {},
                                                       {QStringLiteral("segment.ms"), QStringLiteral("retention.ms")}}),
            QStringLiteral("kafka-configs.sh --bootstrap-server B --entity-type topics --entity-name orders.v1 --alter "
                           "--delete-config retention.ms,segment.ms"));

        // kafka-delete-records
        row("delete records", deleteRecords(b, deleteRecordsRequest()),
            QStringLiteral("kafka-delete-records.sh --bootstrap-server B --offset-json-file delete-records.json"));
        row("delete records, file with a space",
            deleteRecords(b, deleteRecordsRequest(), QStringLiteral("/tmp/my file.json")),
            QStringLiteral("kafka-delete-records.sh --bootstrap-server B --offset-json-file '/tmp/my file.json'"));

        // kafka-consumer-groups --reset-offsets
        row("reset to earliest, dry run", resetOffsets(b, resetRequest(ResetStrategy::Earliest)),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --group g --reset-offsets --topic t "
                           "--to-earliest --dry-run"));
        row("reset to latest, some partitions, execute",
            resetOffsets(b, resetRequest(ResetStrategy::Latest, 0, {1, 0}, true)),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --group g --reset-offsets --topic t:0,1 "
                           "--to-latest --execute"));
        row("reset to a time",
            resetOffsets(b, resetToTime(QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone::utc()))),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --group g --reset-offsets --topic t "
                           "--to-datetime 2026-12-01T10:00:00.000Z --dry-run"));
        row("reset to a time given in another zone",
            resetOffsets(b, resetToTime(QDateTime(QDate(2026, 12, 1), QTime(12, 0, 0, 250), QTimeZone(2 * 3600)))),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --group g --reset-offsets --topic t "
                           "--to-datetime 2026-12-01T10:00:00.250Z --dry-run"));
        row("reset to an offset", resetOffsets(b, resetRequest(ResetStrategy::Offset, 42, {3})),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --group g --reset-offsets --topic t:3 "
                           "--to-offset 42 --dry-run"));
        row("shift back", resetOffsets(b, resetRequest(ResetStrategy::ShiftBy, -5, {}, true)),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --group g --reset-offsets --topic t "
                           "--shift-by -5 --execute"));
        row("shift forward", resetOffsets(b, resetRequest(ResetStrategy::ShiftBy, 7)),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --group g --reset-offsets --topic t "
                           "--shift-by 7 --dry-run"));

        // kafka-consumer-groups --delete / --delete-offsets
        row("delete group", deleteGroup(b, DeleteGroupRequest{QStringLiteral("g")}),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --delete --group g"));
        row("delete group offsets",
            deleteGroupOffsets(b, DeleteGroupOffsetsRequest{QStringLiteral("g"), QStringLiteral("t")}),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --delete-offsets --group g --topic t"));
        row("delete a group with a quote and a space", deleteGroup(b, DeleteGroupRequest{QStringLiteral("ann's team")}),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --delete --group 'ann'\\''s team'"));

        // Reading
        row("list topics", listTopics(b), QStringLiteral("kafka-topics.sh --bootstrap-server B --list"));
        row("describe topic", describeTopic(b, QStringLiteral("t")),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --describe --topic t"));
        row("describe dotted topic", describeTopic(b, QStringLiteral("orders.eu.v1")),
            QStringLiteral("kafka-topics.sh --bootstrap-server B --describe --topic 'orders\\.eu\\.v1'"));
        row("describe topic configs", describeTopicConfigs(b, QStringLiteral("t")),
            QStringLiteral("kafka-configs.sh --bootstrap-server B --entity-type topics --entity-name t --describe"));
        row("describe all topic configs", describeTopicConfigs(b, QStringLiteral("t"), true),
            QStringLiteral("kafka-configs.sh --bootstrap-server B --entity-type topics --entity-name t "
                           "--describe --all"));
        row("describe broker configs", describeBrokerConfigs(b, 1),
            QStringLiteral("kafka-configs.sh --bootstrap-server B --entity-type brokers --entity-name 1 --describe"));
        row("describe all broker configs", describeBrokerConfigs(b, 2, true),
            QStringLiteral("kafka-configs.sh --bootstrap-server B --entity-type brokers --entity-name 2 "
                           "--describe --all"));
        row("describe cluster-wide broker defaults", describeBrokerConfigs(b, -1, true),
            QStringLiteral("kafka-configs.sh --bootstrap-server B --entity-type brokers --entity-default --describe"));
        row("list groups", listGroups(b), QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --list"));
        row("describe group", describeGroup(b, QStringLiteral("g")),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --describe --group g"));
        row("describe group members", describeGroup(b, QStringLiteral("g"), GroupView::Members),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --describe --group g --members"));
        row("describe group state", describeGroup(b, QStringLiteral("g"), GroupView::State),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --describe --group g --state"));

        // Targets
        const Target secured{QStringLiteral("h1:9092,h2:9092"), QStringLiteral("/etc/kafka/client.properties")};
        row("command config", listTopics(secured),
            QStringLiteral("kafka-topics.sh --bootstrap-server h1:9092,h2:9092 --command-config "
                           "/etc/kafka/client.properties --list"));
        row("command config on every line",
            deleteTopics(secured, DeleteTopicsRequest{{QStringLiteral("a"), QStringLiteral("b")}}),
            QStringLiteral("kafka-topics.sh --bootstrap-server h1:9092,h2:9092 --command-config "
                           "/etc/kafka/client.properties --delete --topic a && kafka-topics.sh --bootstrap-server "
                           "h1:9092,h2:9092 --command-config /etc/kafka/client.properties --delete --topic b"));
        const Target bare{QStringLiteral("B"), QString(), QString()};
        row("tools without .sh", describeGroup(bare, QStringLiteral("g")),
            QStringLiteral("kafka-consumer-groups --bootstrap-server B --describe --group g"));
        const Target spaced{QStringLiteral("B"), QStringLiteral("/home/me/kafka client.properties")};
        row("command config with a space", listGroups(spaced),
            QStringLiteral("kafka-consumer-groups.sh --bootstrap-server B --command-config "
                           "'/home/me/kafka client.properties' --list"));
    }

    void lines()
    {
        QFETCH(QString, line);
        QFETCH(QString, expected);
        QCOMPARE(line, expected);
    }

    void onlyDeleteRecordsNeedsAFile()
    {
        QVERIFY(!createTopic(b, createRequest(QStringLiteral("t"), 1, 1)).needsFile());
        QVERIFY(!resetOffsets(b, resetRequest(ResetStrategy::Earliest)).needsFile());
        const KafkaCommand plain = listTopics(b);
        QCOMPARE(plain.script(), plain.line);
        QVERIFY(deleteRecords(b, deleteRecordsRequest()).needsFile());
    }

    void deleteRecordsFile()
    {
        const KafkaCommand command = deleteRecords(b, deleteRecordsRequest());
        QCOMPARE(command.fileName, QStringLiteral("delete-records.json"));
        QCOMPARE(command.fileContent, QStringLiteral("{\n"
                                                     "  \"version\": 1,\n"
                                                     "  \"partitions\": [\n"
                                                     "    {\"topic\": \"t\", \"partition\": 0, \"offset\": 10},\n"
                                                     "    {\"topic\": \"t\", \"partition\": 2, \"offset\": 5}\n"
                                                     "  ]\n"
                                                     "}\n"));
        // What kafka-delete-records reads: version 1 and partitions of topic, partition, offset.
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(command.fileContent.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(doc.object().value(QStringLiteral("version")).toInt(), 1);
        const QJsonArray partitions = doc.object().value(QStringLiteral("partitions")).toArray();
        QCOMPARE(partitions.size(), 2);
        QCOMPARE(partitions.at(1).toObject().value(QStringLiteral("topic")).toString(), QStringLiteral("t"));
        QCOMPARE(partitions.at(1).toObject().value(QStringLiteral("partition")).toInt(), 2);
        QCOMPARE(partitions.at(1).toObject().value(QStringLiteral("offset")).toInteger(), 5);
    }

    void deleteRecordsFileHoldsLargeOffsets()
    {
        const KafkaCommand command =
            deleteRecords(b, DeleteRecordsRequest{QStringLiteral("t"), {{0, Q_INT64_C(9007199254740993)}}});
        QVERIFY(command.fileContent.contains(QStringLiteral("\"offset\": 9007199254740993}")));
    }

    void deleteRecordsScript()
    {
        const KafkaCommand command = deleteRecords(b, deleteRecordsRequest(), QStringLiteral("my offsets.json"));
        QCOMPARE(command.script(), QStringLiteral("cat > 'my offsets.json' <<'EOF'\n") + command.fileContent +
                                       QStringLiteral("EOF\n"
                                                      "kafka-delete-records.sh --bootstrap-server B --offset-json-file "
                                                      "'my offsets.json'"));
    }

    void shellQuote_data()
    {
        QTest::addColumn<QString>("argument");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QStringLiteral("''");
        QTest::newRow("plain") << QStringLiteral("orders") << QStringLiteral("orders");
        QTest::newRow("servers") << QStringLiteral("h1:9092,h2:9092") << QStringLiteral("h1:9092,h2:9092");
        QTest::newRow("key=value") << QStringLiteral("retention.ms=1000") << QStringLiteral("retention.ms=1000");
        QTest::newRow("path") << QStringLiteral("/tmp/a_b-c.json") << QStringLiteral("/tmp/a_b-c.json");
        QTest::newRow("negative number") << QStringLiteral("-5") << QStringLiteral("-5");
        QTest::newRow("at and percent") << QStringLiteral("user@host%1+2") << QStringLiteral("user@host%1+2");
        QTest::newRow("space") << QStringLiteral("a b") << QStringLiteral("'a b'");
        QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
        QTest::newRow("only a quote") << QStringLiteral("'") << QStringLiteral("''\\'''");
        QTest::newRow("dollar") << QStringLiteral("$HOME") << QStringLiteral("'$HOME'");
        QTest::newRow("backslash") << QStringLiteral("a\\.b") << QStringLiteral("'a\\.b'");
        QTest::newRow("brackets") << QStringLiteral("[x]") << QStringLiteral("'[x]'");
        QTest::newRow("star") << QStringLiteral("*") << QStringLiteral("'*'");
        QTest::newRow("tilde") << QStringLiteral("~me") << QStringLiteral("'~me'");
        QTest::newRow("backquote") << QStringLiteral("`id`") << QStringLiteral("'`id`'");
        QTest::newRow("semicolon") << QStringLiteral("a;b") << QStringLiteral("'a;b'");
        QTest::newRow("ampersand") << QStringLiteral("a&&b") << QStringLiteral("'a&&b'");
        QTest::newRow("double quote") << QStringLiteral("\"x\"") << QStringLiteral("'\"x\"'");
        QTest::newRow("bang") << QStringLiteral("hi!") << QStringLiteral("'hi!'");
        QTest::newRow("hash") << QStringLiteral("#x") << QStringLiteral("'#x'");
        QTest::newRow("non-ASCII") << QStringLiteral("équipe") << QStringLiteral("'équipe'");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("'a\nb'");
    }

    void shellQuote()
    {
        QFETCH(QString, argument);
        QFETCH(QString, expected);
        QCOMPARE(commands::shellQuote(argument), expected);
    }

    // The quoted form reaches a real POSIX shell's command as the very same argument.
    void shellReadsQuotedArgumentsBack()
    {
        const QStringList arguments{QString(),
                                    QStringLiteral("orders"),
                                    QStringLiteral("it's"),
                                    QStringLiteral("''"),
                                    QStringLiteral("$HOME `id` $(id) \\ \" * ? [a] ~ ; & | < > # !"),
                                    QStringLiteral("a\nb\tc"),
                                    QStringLiteral("équipe"),
                                    QStringLiteral("cleanup.policy=[compact,delete]"),
                                    QStringLiteral("orders\\.v1")};
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"), QStringLiteral("printf '%s\\0' ") + commands::shellJoin(arguments)});
        QVERIFY(sh.waitForFinished(10000));
        QCOMPARE(sh.exitCode(), 0);
        const QByteArray out = sh.readAllStandardOutput();
        QStringList back = QString::fromUtf8(out).split(QChar(u'\0'));
        QCOMPARE(back.takeLast(), QString());
        QCOMPARE(back, arguments);
    }

    void topicPatternMatchesOnlyTheTopic()
    {
        QCOMPARE(topicPattern(QStringLiteral("orders")), QStringLiteral("orders"));
        QCOMPARE(topicPattern(QStringLiteral("orders.v1")), QStringLiteral("orders\\.v1"));
        QCOMPARE(topicPattern(QStringLiteral("a-b_c")), QStringLiteral("a-b_c"));
        QCOMPARE(topicPattern(QStringLiteral("a+b*")), QStringLiteral("a\\+b\\*"));
        // Java and QRegularExpression agree on these escapes: the pattern matches the name and
        // not a name that a bare '.' would.
        const QRegularExpression pattern(
            QRegularExpression::anchoredPattern(topicPattern(QStringLiteral("orders.v1"))));
        QVERIFY(pattern.match(QStringLiteral("orders.v1")).hasMatch());
        QVERIFY(!pattern.match(QStringLiteral("ordersXv1")).hasMatch());
    }

    void resetDateTimeIsUtcWithMilliseconds()
    {
        QCOMPARE(resetDateTimeText(QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), QTimeZone::utc())),
                 QStringLiteral("2026-01-02T03:04:05.006Z"));
        QCOMPARE(resetDateTimeText(QDateTime(QDate(2026, 6, 30), QTime(23, 30), QTimeZone(-3600))),
                 QStringLiteral("2026-07-01T00:30:00.000Z"));
    }
};

QTEST_GUILESS_MAIN(TestKafkaCommand)
#include "tst_kafkacommand.moc"
