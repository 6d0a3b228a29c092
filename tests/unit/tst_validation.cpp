#include "admin/validation.h"

#include <QTest>
#include <QTimeZone>

using namespace kafdesk;
using namespace kafdesk::validation;

Q_DECLARE_METATYPE(kafdesk::CreateTopicRequest)
Q_DECLARE_METATYPE(kafdesk::DeleteTopicsRequest)
Q_DECLARE_METATYPE(kafdesk::AddPartitionsRequest)
Q_DECLARE_METATYPE(kafdesk::AlterTopicConfigsRequest)
Q_DECLARE_METATYPE(kafdesk::DeleteRecordsRequest)
Q_DECLARE_METATYPE(kafdesk::ResetOffsetsRequest)

namespace {

QString messageOf(const Status &status)
{
    return status.ok() ? QString() : status.error().message;
}

// A failure's message must hold the fragment and read as one sentence.
void verifyFailure(const Status &status, const QString &fragment)
{
    QVERIFY2(!status.ok(), qPrintable(QStringLiteral("passed, expected: ") + fragment));
    const QString message = status.error().message;
    QVERIFY2(message.contains(fragment), qPrintable(message));
    QVERIFY2(message.endsWith(QLatin1Char('.')), qPrintable(message));
}

void verifyPasses(const Status &status)
{
    QVERIFY2(status.ok(), qPrintable(messageOf(status)));
}

CreateTopicRequest createRequest(const QString &name, int partitions = 3, int replicationFactor = -1,
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

AlterTopicConfigsRequest alterRequest(const QString &topic, const QMap<QString, QString> &set,
                                      const QStringList &remove = {})
{
    AlterTopicConfigsRequest r;
    r.topic = topic;
    r.set = set;
    r.remove = remove;
    return r;
}

ResetOffsetsRequest resetRequest(ResetStrategy strategy, qint64 value = 0, const QList<int> &partitions = {},
                                 const QString &group = QStringLiteral("billing"),
                                 const QString &topic = QStringLiteral("orders"))
{
    ResetOffsetsRequest r;
    r.group = group;
    r.topic = topic;
    r.partitions = partitions;
    r.strategy = strategy;
    r.value = value;
    return r;
}

ResetOffsetsRequest resetToTime(const QDateTime &dateTime)
{
    ResetOffsetsRequest r = resetRequest(ResetStrategy::DateTime);
    r.dateTime = dateTime;
    return r;
}

const QStringList existing{QStringLiteral("orders"), QStringLiteral("orders_eu"), QStringLiteral("payments")};
const QList<int> brokerIds{3, 1, 2};

} // namespace

class TestValidation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // --- Topic names ---------------------------------------------------------------------------

    void badTopicNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << QString()
                               << QStringLiteral("Topic names have 1 to 249 characters; this one is empty.");
        QTest::newRow("dot") << QStringLiteral(".") << QStringLiteral("cannot be \".\" or \"..\"");
        QTest::newRow("dot dot") << QStringLiteral("..") << QStringLiteral("this one is \"..\".");
        QTest::newRow("250 characters") << QString(250, QLatin1Char('a'))
                                        << QStringLiteral("Topic names have at most 249 characters; this one has 250.");
        QTest::newRow("space") << QStringLiteral("my topic") << QStringLiteral("\"my topic\" has a space.");
        QTest::newRow("slash") << QStringLiteral("orders/eu") << QStringLiteral("\"orders/eu\" has '/'.");
        QTest::newRow("accent") << QStringLiteral("commandes-été") << QStringLiteral("has 'é'.");
        QTest::newRow("tab") << QStringLiteral("a\tb") << QStringLiteral("has the character U+0009.");
        QTest::newRow("colon") << QStringLiteral("orders:0")
                               << QStringLiteral("letters a-z and A-Z, digits, '.', '_' and '-'");
        QTest::newRow("star") << QStringLiteral("orders*") << QStringLiteral("has '*'.");
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("has ','.");
    }

    void badTopicNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, fragment);
        verifyFailure(validateTopicName(name), fragment);
    }

    void goodTopicNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("one letter") << QStringLiteral("a");
        QTest::newRow("digit") << QStringLiteral("0");
        QTest::newRow("dotted") << QStringLiteral("orders.v1");
        QTest::newRow("internal") << QStringLiteral("__consumer_offsets");
        QTest::newRow("every character") << QStringLiteral("aZ09._-");
        QTest::newRow("three dots") << QStringLiteral("...");
        QTest::newRow("249 characters") << QString(249, QLatin1Char('x'));
    }

    void goodTopicNames()
    {
        QFETCH(QString, name);
        verifyPasses(validateTopicName(name));
    }

    void collisionsFoldDotsAndUnderscores()
    {
        const QStringList topics{QStringLiteral("a_b"), QStringLiteral("a.b"), QStringLiteral("ab"),
                                 QStringLiteral("A.b")};
        QCOMPARE(collidingTopics(QStringLiteral("a.b"), topics), QStringList{QStringLiteral("a_b")});
        QCOMPARE(collidingTopics(QStringLiteral("a_b"), topics), QStringList{QStringLiteral("a.b")});
        QVERIFY(collidingTopics(QStringLiteral("ab"), topics).isEmpty());
        QVERIFY(!hasCollisionWarning(QStringLiteral("c.d"), topics));
        QVERIFY(hasCollisionWarning(QStringLiteral("a.b"), topics));
        QCOMPARE(collisionWarning(QStringLiteral("c.d"), topics), QString());
        QCOMPARE(collisionWarning(QStringLiteral("a.b"), topics),
                 QStringLiteral("Topic \"a.b\" collides with the existing topic \"a_b\": Kafka's metric names turn "
                                "'.' into '_', so it cannot tell them apart and refuses the new name."));
        const QStringList legacy{QStringLiteral("x.y_z"), QStringLiteral("x_y.z")};
        QVERIFY(collisionWarning(QStringLiteral("x_y_z"), legacy)
                    .contains(QStringLiteral("the existing topics \"x.y_z\" and \"x_y.z\"")));
    }

    // --- Configs -------------------------------------------------------------------------------

    void badConfigs_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("replicationFactor");
        QTest::addColumn<QString>("fragment");
        const auto row = [](const char *name, const char *key, const QString &value, int rf, const QString &fragment) {
            QTest::newRow(name) << QString::fromLatin1(key) << value << rf << fragment;
        };
        row("retention.ms 1d", "retention.ms", QStringLiteral("1d"), -1,
            QStringLiteral("retention.ms takes milliseconds as a whole number, such as 604800000 for 7 days; "
                           "\"1d\" is not one."));
        row("retention.ms below -1", "retention.ms", QStringLiteral("-2"), -1,
            QStringLiteral("retention.ms must be at least -1 (-1 keeps records forever); it is -2."));
        row("retention.ms decimal", "retention.ms", QStringLiteral("1.5"), -1, QStringLiteral("\"1.5\" is not one."));
        row("retention.ms empty", "retention.ms", QString(), -1, QStringLiteral("\"\" is not one."));
        row("retention.ms huge", "retention.ms", QStringLiteral("99999999999999999999"), -1,
            QStringLiteral("retention.ms must be at most 9223372036854775807; it is 99999999999999999999."));
        row("retention.ms hugely negative", "retention.ms", QStringLiteral("-99999999999999999999"), -1,
            QStringLiteral("must be at least -1"));
        row("retention.bytes 10MB", "retention.bytes", QStringLiteral("10MB"), -1,
            QStringLiteral("retention.bytes takes bytes as a whole number, such as 1073741824 for 1 GiB; "
                           "\"10MB\" is not one."));
        row("retention.bytes below -1", "retention.bytes", QStringLiteral("-5"), -1,
            QStringLiteral("retention.bytes must be at least -1 (-1 sets no size limit); it is -5."));
        row("segment.bytes 14", "segment.bytes", QStringLiteral("14"), -1,
            QStringLiteral("segment.bytes must be at least 1048576"));
        row("segment.bytes over int", "segment.bytes", QStringLiteral("3000000000"), -1,
            QStringLiteral("segment.bytes must be at most 2147483647; it is 3000000000."));
        row("segment.bytes 1GB", "segment.bytes", QStringLiteral("1GB"), -1,
            QStringLiteral("segment.bytes takes bytes"));
        row("segment.ms 0", "segment.ms", QStringLiteral("0"), -1,
            QStringLiteral("segment.ms must be at least 1; it is 0."));
        row("segment.ms 7d", "segment.ms", QStringLiteral("7d"), -1, QStringLiteral("such as 604800000 for 7 days"));
        row("segment.index.bytes 2", "segment.index.bytes", QStringLiteral("2"), -1,
            QStringLiteral("segment.index.bytes must be at least 4"));
        row("segment.jitter.ms negative", "segment.jitter.ms", QStringLiteral("-1"), -1,
            QStringLiteral("segment.jitter.ms must be at least 0"));
        row("max.message.bytes negative", "max.message.bytes", QStringLiteral("-1"), -1,
            QStringLiteral("max.message.bytes must be at least 0; it is -1."));
        row("max.message.bytes 1MB", "max.message.bytes", QStringLiteral("1MB"), -1,
            QStringLiteral("such as 1048576 for 1 MiB"));
        row("index.interval.bytes negative", "index.interval.bytes", QStringLiteral("-4096"), -1,
            QStringLiteral("index.interval.bytes must be at least 0"));
        row("min.insync.replicas 0", "min.insync.replicas", QStringLiteral("0"), -1,
            QStringLiteral("min.insync.replicas must be at least 1; it is 0."));
        row("min.insync.replicas above RF", "min.insync.replicas", QStringLiteral("3"), 2,
            QStringLiteral("min.insync.replicas 3 is more than the replication factor 2, so producers with acks=all "
                           "could never write."));
        row("min.insync.replicas word", "min.insync.replicas", QStringLiteral("two"), 3,
            QStringLiteral("takes a number of replicas as a whole number"));
        row("cleanup.policy unknown", "cleanup.policy", QStringLiteral("remove"), -1,
            QStringLiteral("cleanup.policy must be delete, compact or both (delete,compact); \"remove\" is neither."));
        row("cleanup.policy empty", "cleanup.policy", QString(), -1, QStringLiteral("; it is empty."));
        row("cleanup.policy empty item", "cleanup.policy", QStringLiteral("delete,,compact"), -1,
            QStringLiteral("\"\" is neither."));
        row("cleanup.policy capital", "cleanup.policy", QStringLiteral("Compact"), -1,
            QStringLiteral("\"Compact\" is neither."));
        row("compression.type brotli", "compression.type", QStringLiteral("brotli"), -1,
            QStringLiteral("compression.type must be one of uncompressed, zstd, lz4, snappy, gzip or producer; "
                           "\"brotli\" is none of them."));
        row("compression.type none", "compression.type", QStringLiteral("none"), -1,
            QStringLiteral("\"none\" is none of them."));
        row("message.timestamp.type lower case", "message.timestamp.type", QStringLiteral("createtime"), -1,
            QStringLiteral("message.timestamp.type must be CreateTime or LogAppendTime; \"createtime\" is neither."));
        row("unclean.leader.election.enable yes", "unclean.leader.election.enable", QStringLiteral("yes"), -1,
            QStringLiteral("unclean.leader.election.enable must be true or false; \"yes\" is neither."));
        row("preallocate 1", "preallocate", QStringLiteral("1"), -1,
            QStringLiteral("preallocate must be true or false"));
        row("remote.storage.enable on", "remote.storage.enable", QStringLiteral("on"), -1,
            QStringLiteral("remote.storage.enable must be true or false; \"on\" is neither."));
        row("min.compaction.lag.ms negative", "min.compaction.lag.ms", QStringLiteral("-1"), -1,
            QStringLiteral("min.compaction.lag.ms must be at least 0; it is -1."));
        row("max.compaction.lag.ms 0", "max.compaction.lag.ms", QStringLiteral("0"), -1,
            QStringLiteral("max.compaction.lag.ms must be at least 1"));
        row("delete.retention.ms 1h", "delete.retention.ms", QStringLiteral("1h"), -1,
            QStringLiteral("delete.retention.ms takes milliseconds as a whole number, such as 86400000 for 1 day"));
        row("file.delete.delay.ms word", "file.delete.delay.ms", QStringLiteral("soon"), -1,
            QStringLiteral("such as 60000 for 1 minute"));
        row("flush.messages 0", "flush.messages", QStringLiteral("0"), -1,
            QStringLiteral("flush.messages must be at least 1; it is 0."));
        row("message.timestamp.after.max.ms negative", "message.timestamp.after.max.ms", QStringLiteral("-1"), -1,
            QStringLiteral("message.timestamp.after.max.ms must be at least 0"));
        row("dirty ratio above 1", "min.cleanable.dirty.ratio", QStringLiteral("1.5"), -1,
            QStringLiteral("min.cleanable.dirty.ratio must be a number from 0 to 1, such as 0.5; \"1.5\" is not."));
        row("dirty ratio word", "min.cleanable.dirty.ratio", QStringLiteral("half"), -1,
            QStringLiteral("\"half\" is not."));
        row("dirty ratio nan", "min.cleanable.dirty.ratio", QStringLiteral("nan"), -1,
            QStringLiteral("\"nan\" is not."));
        row("local.retention.ms -3", "local.retention.ms", QStringLiteral("-3"), -1,
            QStringLiteral("local.retention.ms must be at least -2 (-2 follows retention.ms"));
        row("local.retention.bytes 5GB", "local.retention.bytes", QStringLiteral("5GB"), -1,
            QStringLiteral("local.retention.bytes takes bytes as a whole number"));
        row("gzip level 0", "compression.gzip.level", QStringLiteral("0"), -1,
            QStringLiteral("compression.gzip.level must be -1 (gzip's default) or from 1 to 9; it is 0."));
        row("gzip level 10", "compression.gzip.level", QStringLiteral("10"), -1,
            QStringLiteral("compression.gzip.level must be -1 (gzip's default) or from 1 to 9; it is 10."));
        row("lz4 level 0", "compression.lz4.level", QStringLiteral("0"), -1,
            QStringLiteral("compression.lz4.level must be at least 1"));
        row("zstd level 23", "compression.zstd.level", QStringLiteral("23"), -1,
            QStringLiteral("compression.zstd.level must be at most 22"));
        row("throttled replicas dash", "leader.replication.throttled.replicas", QStringLiteral("0-1"), -1,
            QStringLiteral("must be * or a list of partition:broker pairs, such as 0:1,1:2; \"0-1\" is neither."));
        row("throttled replicas half pair", "follower.replication.throttled.replicas", QStringLiteral("0:1,2"), -1,
            QStringLiteral("\"2\" is neither."));
        row("empty key", "", QStringLiteral("1"), -1, QStringLiteral("A config name cannot be empty."));
        row("key with a space", "retention ms", QStringLiteral("1"), -1,
            QStringLiteral("Config names have no spaces, '=' or ','; \"retention ms\" has a space."));
        row("key with a leading space", " retention.ms", QStringLiteral("1"), -1, QStringLiteral("has a space."));
        row("key with =", "a=b", QStringLiteral("1"), -1, QStringLiteral("\"a=b\" has '='."));
        row("key with ,", "a,b", QStringLiteral("1"), -1, QStringLiteral("\"a,b\" has ','."));
    }

    void badConfigs()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(int, replicationFactor);
        QFETCH(QString, fragment);
        verifyFailure(validateConfig(key, value, replicationFactor), fragment);
        // The same config inside a create request fails the same way.
        const CreateTopicRequest r = createRequest(QStringLiteral("t"), 1, replicationFactor, {{key, value}});
        verifyFailure(validate(r, 3, {}), fragment);
    }

    void goodConfigs_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("replicationFactor");
        const auto row = [](const char *key, const char *value, int rf = -1) {
            QTest::addRow("%s=%s", key, value) << QString::fromLatin1(key) << QString::fromLatin1(value) << rf;
        };
        row("retention.ms", "-1");
        row("retention.ms", "604800000");
        row("retention.ms", " 1000 "); // the broker trims
        row("retention.ms", "9223372036854775807");
        row("retention.bytes", "-1");
        row("segment.bytes", "1048576");
        row("segment.bytes", "2147483647");
        row("segment.ms", "1");
        row("cleanup.policy", "compact");
        row("cleanup.policy", "compact,delete");
        row("cleanup.policy", "delete, compact");
        row("compression.type", "producer");
        row("compression.type", "zstd");
        row("message.timestamp.type", "LogAppendTime");
        row("unclean.leader.election.enable", "TRUE");
        row("preallocate", "false");
        row("min.insync.replicas", "2", 3);
        row("min.insync.replicas", "3", 3);
        row("min.insync.replicas", "5", -1);
        row("min.cleanable.dirty.ratio", "0");
        row("min.cleanable.dirty.ratio", "0.5");
        row("min.cleanable.dirty.ratio", "1");
        row("leader.replication.throttled.replicas", "*");
        row("leader.replication.throttled.replicas", "0:1,1:2");
        row("follower.replication.throttled.replicas", "");
        row("local.retention.ms", "-2");
        row("local.retention.bytes", "-1");
        row("compression.gzip.level", "-1");
        row("compression.gzip.level", "9");
        row("compression.zstd.level", "-5");
        row("max.message.bytes", "0");
        row("some.future.config", "any value, at all");
    }

    void goodConfigs()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(int, replicationFactor);
        verifyPasses(validateConfig(key, value, replicationFactor));
    }

    void configSets_data()
    {
        QTest::addColumn<QStringList>("pairs");
        QTest::addColumn<QString>("fragment"); // empty: passes
        QTest::newRow("compaction lags crossed")
            << QStringList{QStringLiteral("min.compaction.lag.ms=7200000"),
                           QStringLiteral("max.compaction.lag.ms=3600000")}
            << QStringLiteral("min.compaction.lag.ms (7200000) must not be more than max.compaction.lag.ms (3600000).");
        QTest::newRow("tiered storage on a compacted topic")
            << QStringList{QStringLiteral("remote.storage.enable=true"),
                           QStringLiteral("cleanup.policy=compact,delete")}
            << QStringLiteral("works only with cleanup.policy=delete; this topic asks for \"compact,delete\".");
        QTest::newRow("local retention longer than retention")
            << QStringList{QStringLiteral("remote.storage.enable=true"), QStringLiteral("retention.ms=1000"),
                           QStringLiteral("local.retention.ms=2000")}
            << QStringLiteral("local.retention.ms (2000) must not be more than retention.ms (1000)");
        QTest::newRow("local retention unlimited under a limit")
            << QStringList{QStringLiteral("remote.storage.enable=true"), QStringLiteral("retention.bytes=1000"),
                           QStringLiteral("local.retention.bytes=-1")}
            << QStringLiteral("local.retention.bytes -1 (no limit) cannot exceed retention.bytes 1000");
        QTest::newRow("compaction lags in order")
            << QStringList{QStringLiteral("min.compaction.lag.ms=1000"), QStringLiteral("max.compaction.lag.ms=1000")}
            << QString();
        QTest::newRow("tiered storage following retention")
            << QStringList{QStringLiteral("remote.storage.enable=true"), QStringLiteral("retention.ms=1000"),
                           QStringLiteral("local.retention.ms=-2"), QStringLiteral("cleanup.policy=delete")}
            << QString();
        QTest::newRow("local retention without tiered storage")
            << QStringList{QStringLiteral("retention.ms=1000"), QStringLiteral("local.retention.ms=2000")} << QString();
    }

    void configSets()
    {
        QFETCH(QStringList, pairs);
        QFETCH(QString, fragment);
        QMap<QString, QString> configs;
        for (const QString &pair : pairs)
            configs.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        if (fragment.isEmpty())
            verifyPasses(validateConfigs(configs));
        else
            verifyFailure(validateConfigs(configs), fragment);
    }

    // --- Create topic --------------------------------------------------------------------------

    void badCreateRequests_data()
    {
        QTest::addColumn<CreateTopicRequest>("request");
        QTest::addColumn<int>("liveBrokers");
        QTest::addColumn<QList<int>>("ids");
        QTest::addColumn<QString>("fragment");
        const QList<int> none;
        QTest::newRow("bad name") << createRequest(QStringLiteral("new orders")) << 3 << none
                                  << QStringLiteral("\"new orders\" has a space.");
        QTest::newRow("exists") << createRequest(QStringLiteral("orders")) << 3 << none
                                << QStringLiteral("A topic named \"orders\" exists already.");
        QTest::newRow("collides") << createRequest(QStringLiteral("orders.eu")) << 3 << none
                                  << QStringLiteral(
                                         "Topic \"orders.eu\" collides with the existing topic \"orders_eu\"");
        QTest::newRow("no partitions") << createRequest(QStringLiteral("t"), 0) << 3 << none
                                       << QStringLiteral("A topic needs at least 1 partition; 0 were asked for.");
        QTest::newRow("negative partitions")
            << createRequest(QStringLiteral("t"), -4) << 3 << none << QStringLiteral("-4 were asked for.");
        QTest::newRow("too many partitions")
            << createRequest(QStringLiteral("t"), 20000) << 3 << none
            << QStringLiteral("Kafdesk creates at most 10000 partitions in one request; 20000 were asked for.");
        QTest::newRow("replication factor 0")
            << createRequest(QStringLiteral("t"), 3, 0) << 3 << none
            << QStringLiteral("Replication factor must be -1 (the broker's default) or from 1 to 32767; it is 0.");
        QTest::newRow("replication factor -2")
            << createRequest(QStringLiteral("t"), 3, -2) << 3 << none << QStringLiteral("; it is -2.");
        QTest::newRow("replication factor beyond int16") << createRequest(QStringLiteral("t"), 3, 40000) << -1 << none
                                                         << QStringLiteral("from 1 to 32767; it is 40000.");
        QTest::newRow("more replicas than brokers")
            << createRequest(QStringLiteral("t"), 3, 4) << 3 << none
            << QStringLiteral("Replication factor 4 needs 4 live brokers; 3 are alive.");
        QTest::newRow("one broker alive") << createRequest(QStringLiteral("t"), 3, 2) << 1 << none
                                          << QStringLiteral("Replication factor 2 needs 2 live brokers; 1 is alive.");
        QTest::newRow("no broker alive") << createRequest(QStringLiteral("t"), 3, 1) << 0 << none
                                         << QStringLiteral("Replication factor 1 needs 1 live broker; 0 are alive.");
        QTest::newRow("uneven assignment")
            << createRequest(QStringLiteral("t"), 1, -1, {}, {{1, 2}, {2}}) << 3 << brokerIds
            << QStringLiteral(
                   "Partition 1 has 1 replica and partition 0 has 2; every partition needs the same number.");
        QTest::newRow("duplicate broker in a partition")
            << createRequest(QStringLiteral("t"), 1, -1, {}, {{1, 2}, {3, 3}}) << 3 << brokerIds
            << QStringLiteral("Partition 1 lists broker 3 twice; a partition has at most one replica on each broker.");
        QTest::newRow("partition without replicas")
            << createRequest(QStringLiteral("t"), 1, -1, {}, {{}, {1}}) << 3 << brokerIds
            << QStringLiteral("Partition 0 has no replicas; list at least one broker for every partition.");
        QTest::newRow("unknown broker")
            << createRequest(QStringLiteral("t"), 1, -1, {}, {{1, 7}}) << 3 << brokerIds
            << QStringLiteral("Partition 0 names broker 7, which is not in the cluster (brokers 1, 2, 3).");
        QTest::newRow("negative broker id") << createRequest(QStringLiteral("t"), 1, -1, {}, {{-1}}) << 3 << none
                                            << QStringLiteral("Partition 0 names broker -1; broker ids are 0 or more.");
        QTest::newRow("assignment wider than the cluster")
            << createRequest(QStringLiteral("t"), 1, -1, {}, {{1, 2, 3, 4}}) << 3 << none
            << QStringLiteral("Each partition has 4 replicas but only 3 brokers are alive.");
        QTest::newRow("bad config") << createRequest(QStringLiteral("t"), 3, 3,
                                                     {{QStringLiteral("retention.ms"), QStringLiteral("1d")}})
                                    << 3 << none << QStringLiteral("retention.ms takes milliseconds as a whole number");
        QTest::newRow("min ISR above replication factor")
            << createRequest(QStringLiteral("t"), 3, 2, {{QStringLiteral("min.insync.replicas"), QStringLiteral("3")}})
            << 3 << none << QStringLiteral("min.insync.replicas 3 is more than the replication factor 2");
        QTest::newRow("min ISR above the assignment's replicas")
            << createRequest(QStringLiteral("t"), 1, -1, {{QStringLiteral("min.insync.replicas"), QStringLiteral("3")}},
                             {{1, 2}, {2, 3}})
            << 3 << brokerIds << QStringLiteral("more than the replication factor 2");
        QTest::newRow("empty config key")
            << createRequest(QStringLiteral("t"), 3, 3, {{QString(), QStringLiteral("x")}}) << 3 << none
            << QStringLiteral("A config name cannot be empty.");
    }

    void badCreateRequests()
    {
        QFETCH(CreateTopicRequest, request);
        QFETCH(int, liveBrokers);
        QFETCH(QList<int>, ids);
        QFETCH(QString, fragment);
        verifyFailure(validate(request, liveBrokers, existing, ids), fragment);
    }

    void goodCreateRequests_data()
    {
        QTest::addColumn<CreateTopicRequest>("request");
        QTest::addColumn<int>("liveBrokers");
        QTest::addColumn<QList<int>>("ids");
        QTest::newRow("plain") << createRequest(QStringLiteral("shipments"), 6, 3) << 3 << QList<int>();
        QTest::newRow("broker default replication")
            << createRequest(QStringLiteral("shipments"), 1, -1) << 0 << QList<int>();
        QTest::newRow("unknown broker count") << createRequest(QStringLiteral("shipments"), 1, 5) << -1 << QList<int>();
        QTest::newRow("dotted name beside an unrelated one")
            << createRequest(QStringLiteral("orders.v2")) << 3 << QList<int>();
        QTest::newRow("10000 partitions") << createRequest(QStringLiteral("wide"), 10000, 1) << 1 << QList<int>();
        QTest::newRow("assignment") << createRequest(QStringLiteral("placed"), 1, -1, {}, {{1, 2, 3}, {2, 3, 1}}) << 3
                                    << brokerIds;
        QTest::newRow("assignment, ids unknown")
            << createRequest(QStringLiteral("placed"), 1, -1, {}, {{1, 2}, {2, 3}}) << 3 << QList<int>();
        QTest::newRow("configs") << createRequest(QStringLiteral("compacted"), 3, 3,
                                                  {{QStringLiteral("cleanup.policy"), QStringLiteral("compact")},
                                                   {QStringLiteral("min.insync.replicas"), QStringLiteral("2")},
                                                   {QStringLiteral("retention.ms"), QStringLiteral("86400000")}})
                                 << 3 << QList<int>();
    }

    void goodCreateRequests()
    {
        QFETCH(CreateTopicRequest, request);
        QFETCH(int, liveBrokers);
        QFETCH(QList<int>, ids);
        verifyPasses(validate(request, liveBrokers, existing, ids));
    }

    // --- Delete topics, add partitions, alter configs ------------------------------------------

    void deleteTopics_data()
    {
        QTest::addColumn<DeleteTopicsRequest>("request");
        QTest::addColumn<QString>("fragment"); // empty: passes
        QTest::newRow("none") << DeleteTopicsRequest{} << QStringLiteral("Choose at least one topic to delete.");
        QTest::newRow("bad name") << DeleteTopicsRequest{{QStringLiteral("a"), QStringLiteral("b c")}}
                                  << QStringLiteral("\"b c\" has a space.");
        QTest::newRow("twice") << DeleteTopicsRequest{{QStringLiteral("a"), QStringLiteral("a")}}
                               << QStringLiteral("Topic \"a\" is listed twice.");
        QTest::newRow("two") << DeleteTopicsRequest{{QStringLiteral("a"), QStringLiteral("b.c")}} << QString();
    }

    void deleteTopics()
    {
        QFETCH(DeleteTopicsRequest, request);
        QFETCH(QString, fragment);
        if (fragment.isEmpty())
            verifyPasses(validate(request));
        else
            verifyFailure(validate(request), fragment);
    }

    void addPartitions_data()
    {
        QTest::addColumn<AddPartitionsRequest>("request");
        QTest::addColumn<int>("current");
        QTest::addColumn<QString>("fragment"); // empty: passes
        const QString orders = QStringLiteral("orders");
        QTest::newRow("no topic") << AddPartitionsRequest{QString(), 12} << 6 << QStringLiteral("this one is empty.");
        QTest::newRow("fewer") << AddPartitionsRequest{orders, 4} << 6
                               << QStringLiteral("Kafka cannot remove partitions: topic \"orders\" has 6, so the new "
                                                 "total must be more than 6, not 4.");
        QTest::newRow("same") << AddPartitionsRequest{orders, 6} << 6
                              << QStringLiteral("Topic \"orders\" has 6 partitions already; choose a larger total to "
                                                "add partitions.");
        QTest::newRow("same, one") << AddPartitionsRequest{orders, 1} << 1
                                   << QStringLiteral("has 1 partition already;");
        QTest::newRow("zero") << AddPartitionsRequest{orders, 0} << 6
                              << QStringLiteral("A topic needs at least 1 partition; 0 were asked for.");
        QTest::newRow("too many at once")
            << AddPartitionsRequest{orders, 20006} << 6
            << QStringLiteral(
                   "Kafdesk adds at most 10000 partitions in one request; going from 6 to 20006 adds 20000.");
        QTest::newRow("too many, current unknown")
            << AddPartitionsRequest{orders, 20000} << -1 << QStringLiteral("20000 were asked for.");
        QTest::newRow("double") << AddPartitionsRequest{orders, 12} << 6 << QString();
        QTest::newRow("current unknown") << AddPartitionsRequest{orders, 12} << -1 << QString();
    }

    void addPartitions()
    {
        QFETCH(AddPartitionsRequest, request);
        QFETCH(int, current);
        QFETCH(QString, fragment);
        if (fragment.isEmpty())
            verifyPasses(validate(request, current));
        else
            verifyFailure(validate(request, current), fragment);
    }

    void alterConfigs_data()
    {
        QTest::addColumn<AlterTopicConfigsRequest>("request");
        QTest::addColumn<int>("replicationFactor");
        QTest::addColumn<QString>("fragment"); // empty: passes
        const QString t = QStringLiteral("orders");
        const QString retention = QStringLiteral("retention.ms");
        QTest::newRow("bad topic") << alterRequest(QStringLiteral(".."), {{retention, QStringLiteral("1")}}) << 3
                                   << QStringLiteral("cannot be \".\" or \"..\"");
        QTest::newRow("nothing") << alterRequest(t, {}) << 3
                                 << QStringLiteral("The change to topic \"orders\" neither sets nor removes a config.");
        QTest::newRow("set and removed") << alterRequest(t, {{retention, QStringLiteral("1000")}}, {retention}) << 3
                                         << QStringLiteral("retention.ms is both set and removed; choose one.");
        QTest::newRow("empty key removed")
            << alterRequest(t, {}, {QString()}) << 3 << QStringLiteral("A config name cannot be empty.");
        QTest::newRow("removed twice") << alterRequest(t, {}, {retention, retention}) << 3
                                       << QStringLiteral("retention.ms is listed twice among the configs to remove.");
        QTest::newRow("bad value") << alterRequest(t, {{QStringLiteral("cleanup.policy"), QStringLiteral("nope")}}) << 3
                                   << QStringLiteral("\"nope\" is neither.");
        QTest::newRow("min ISR above RF")
            << alterRequest(t, {{QStringLiteral("min.insync.replicas"), QStringLiteral("4")}}) << 3
            << QStringLiteral("min.insync.replicas 4 is more than the replication factor 3");
        QTest::newRow("set and remove") << alterRequest(t, {{retention, QStringLiteral("1000")}},
                                                        {QStringLiteral("cleanup.policy")})
                                        << 3 << QString();
        QTest::newRow("remove only") << alterRequest(t, {}, {retention}) << -1 << QString();
    }

    void alterConfigs()
    {
        QFETCH(AlterTopicConfigsRequest, request);
        QFETCH(int, replicationFactor);
        QFETCH(QString, fragment);
        if (fragment.isEmpty())
            verifyPasses(validate(request, replicationFactor));
        else
            verifyFailure(validate(request, replicationFactor), fragment);
    }

    // --- Records and offsets -------------------------------------------------------------------

    void deleteRecords_data()
    {
        QTest::addColumn<DeleteRecordsRequest>("request");
        QTest::addColumn<QString>("fragment"); // empty: passes
        const QString t = QStringLiteral("orders");
        QTest::newRow("bad topic") << DeleteRecordsRequest{QStringLiteral("a/b"), {{0, 1}}}
                                   << QStringLiteral("has '/'.");
        QTest::newRow("no partition") << DeleteRecordsRequest{t, {}}
                                      << QStringLiteral("Choose at least one partition to delete records from.");
        QTest::newRow("negative partition")
            << DeleteRecordsRequest{t, {{-1, 5}}} << QStringLiteral("Partition numbers are 0 or more; -1 is not one.");
        QTest::newRow("negative offset") << DeleteRecordsRequest{t, {{0, 10}, {1, -5}}}
                                         << QStringLiteral("Records are deleted below an offset of 0 or more; "
                                                           "partition 1 has -5.");
        QTest::newRow("two partitions") << DeleteRecordsRequest{t, {{0, 10}, {1, 0}}} << QString();
    }

    void deleteRecords()
    {
        QFETCH(DeleteRecordsRequest, request);
        QFETCH(QString, fragment);
        if (fragment.isEmpty())
            verifyPasses(validate(request));
        else
            verifyFailure(validate(request), fragment);
    }

    void resetOffsets_data()
    {
        QTest::addColumn<ResetOffsetsRequest>("request");
        QTest::addColumn<QString>("fragment"); // empty: passes
        QTest::newRow("no group") << resetRequest(ResetStrategy::Earliest, 0, {}, QString())
                                  << QStringLiteral("A consumer group needs an id; this one is empty.");
        QTest::newRow("bad topic") << resetRequest(ResetStrategy::Earliest, 0, {}, QStringLiteral("g"),
                                                   QStringLiteral("a b"))
                                   << QStringLiteral("\"a b\" has a space.");
        QTest::newRow("negative partition") << resetRequest(ResetStrategy::Latest, 0, {0, -1})
                                            << QStringLiteral("Partition numbers are 0 or more; -1 is not one.");
        QTest::newRow("partition twice") << resetRequest(ResetStrategy::Latest, 0, {2, 1, 2})
                                         << QStringLiteral("Partition 2 is listed twice.");
        QTest::newRow("negative offset") << resetRequest(ResetStrategy::Offset, -3)
                                         << QStringLiteral("The offset to reset to must be 0 or more; it is -3.");
        QTest::newRow("shift by 0") << resetRequest(ResetStrategy::ShiftBy, 0)
                                    << QStringLiteral("A shift by 0 changes nothing");
        QTest::newRow("no date") << resetToTime(QDateTime())
                                 << QStringLiteral("Resetting to a date and time needs a valid one; none is set.");
        QTest::newRow("before 1970") << resetToTime(QDateTime(QDate(1960, 1, 1), QTime(0, 0), QTimeZone::utc()))
                                     << QStringLiteral(
                                            "from 1970-01-01T00:00:00Z on; 1960-01-01T00:00:00Z is earlier.");
        QTest::newRow("earliest") << resetRequest(ResetStrategy::Earliest) << QString();
        QTest::newRow("latest, two partitions") << resetRequest(ResetStrategy::Latest, 0, {0, 1}) << QString();
        QTest::newRow("offset 0") << resetRequest(ResetStrategy::Offset, 0) << QString();
        QTest::newRow("shift back") << resetRequest(ResetStrategy::ShiftBy, -10) << QString();
        QTest::newRow("date") << resetToTime(QDateTime(QDate(2026, 12, 1), QTime(10, 0), QTimeZone::utc()))
                              << QString();
    }

    void resetOffsets()
    {
        QFETCH(ResetOffsetsRequest, request);
        QFETCH(QString, fragment);
        if (fragment.isEmpty())
            verifyPasses(validate(request));
        else
            verifyFailure(validate(request), fragment);
    }

    // --- Groups --------------------------------------------------------------------------------

    void badGroupIds_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("empty") << QString() << QStringLiteral("A consumer group needs an id; this one is empty.");
        QTest::newRow("256 characters") << QString(256, QLatin1Char('g'))
                                        << QStringLiteral("Kafdesk accepts group ids of at most 255 characters; this "
                                                          "one has 256.");
        QTest::newRow("line break") << QStringLiteral("billing\nteam")
                                    << QStringLiteral(
                                           "control characters such as line breaks or tabs; this one has the "
                                           "character U+000A at position 8.");
    }

    void badGroupIds()
    {
        QFETCH(QString, group);
        QFETCH(QString, fragment);
        verifyFailure(validateGroupId(group), fragment);
        verifyFailure(validate(DeleteGroupRequest{group}), fragment);
        verifyFailure(validate(DeleteGroupOffsetsRequest{group, QStringLiteral("orders")}), fragment);
        verifyFailure(validate(resetRequest(ResetStrategy::Earliest, 0, {}, group)), fragment);
    }

    void goodGroupIds()
    {
        for (const QString &group : {QStringLiteral("billing"), QStringLiteral("my group, with spaces"),
                                     QStringLiteral("élan"), QString(255, QLatin1Char('g'))}) {
            verifyPasses(validateGroupId(group));
            verifyPasses(validate(DeleteGroupRequest{group}));
        }
    }

    void deleteGroupOffsetsChecksTheTopic()
    {
        verifyFailure(validate(DeleteGroupOffsetsRequest{QStringLiteral("billing"), QString()}),
                      QStringLiteral("Topic names have 1 to 249 characters; this one is empty."));
        verifyPasses(validate(DeleteGroupOffsetsRequest{QStringLiteral("billing"), QStringLiteral("orders")}));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
