// Topic and config operations through ClusterOperations, checked with Kafka's own tools and kcat.

#include "admin/clusteroperations.h"
#include "support/testsupport.h"

#include <QProcess>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

QString configValue(const QList<ConfigEntry> &entries, const QString &name, QString *source = nullptr)
{
    for (const ConfigEntry &e : entries)
        if (e.name == name) {
            if (source)
                *source = e.source;
            return e.value;
        }
    return {};
}

} // namespace

class TestTopicOperations : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<ClusterOperations> m_ops;
    QString m_bootstrap;

    const TopicInfo *waitForTopic(const QString &name, int partitions, MetadataSnapshot &holder)
    {
        const qint64 took = waitUntil(
            [&] {
                auto md = m_ops->metadata().fetch(3000);
                if (!md)
                    return false;
                holder = md.value();
                const TopicInfo *t = holder.topic(name);
                return t && t->partitions.size() == partitions &&
                       std::all_of(t->partitions.cbegin(), t->partitions.cend(),
                                   [](const PartitionInfo &p) { return p.leader > 0; });
            },
            20s, 100);
        return took >= 0 ? holder.topic(name) : nullptr;
    }

    void produce(const QString &topic, int partition, int count)
    {
        QProcess kcat;
        kcat.start(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-P"), QStringLiteral("-t"),
                                            topic, QStringLiteral("-p"), QString::number(partition)});
        QVERIFY(kcat.waitForStarted());
        for (int i = 0; i < count; ++i)
            kcat.write(QByteArray("message ") + QByteArray::number(i) + '\n');
        kcat.closeWriteChannel();
        QVERIFY(kcat.waitForFinished(30000));
        QCOMPARE(kcat.exitCode(), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        auto ops = ClusterOperations::connect(ConnectionSettings::forBootstrap(m_bootstrap));
        QVERIFY(ops.ok());
        m_ops = std::move(ops).value();
    }

    void createWithConfigsAndAssignment()
    {
        const QString name = uniqueName(QStringLiteral("created"));
        CreateTopicRequest request{name, 4, 3, {}, {{QStringLiteral("retention.ms"), QStringLiteral("3600000")}}};
        const Status created = m_ops->createTopic(request);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().fullText()));
        MetadataSnapshot md;
        const TopicInfo *t = waitForTopic(name, 4, md);
        QVERIFY(t);
        for (const PartitionInfo &p : t->partitions)
            QCOMPARE(p.replicas.size(), 3);
        // kcat, an independent client, sees the same partitions.
        const RunResult kcat = run(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-L"),
                                                             QStringLiteral("-t"), name});
        QVERIFY(kcat.out.contains(QStringLiteral("with 4 partitions")));
        // Kafka's ConfigCommand reads the dynamic config back.
        const RunResult described = kafkaTool(QStringLiteral("kafka.admin.ConfigCommand"),
                                              {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--describe"),
                                               QStringLiteral("--entity-type"), QStringLiteral("topics"),
                                               QStringLiteral("--entity-name"), name});
        QVERIFY2(described.out.contains(QStringLiteral("retention.ms=3600000")), qPrintable(described.describe()));

        const QString assigned = uniqueName(QStringLiteral("assigned"));
        const Status manual = m_ops->createTopic(CreateTopicRequest{assigned, 0, 0, {{1, 2}, {2, 3}, {3, 1}}, {}});
        QVERIFY2(manual.ok(), qPrintable(manual.ok() ? QString() : manual.error().fullText()));
        const TopicInfo *a = waitForTopic(assigned, 3, md);
        QVERIFY(a);
        QCOMPARE(a->partition(0)->replicas, (QList<int>{1, 2}));
        QCOMPARE(a->partition(1)->replicas, (QList<int>{2, 3}));
        QCOMPARE(a->partition(2)->replicas, (QList<int>{3, 1}));
    }

    void badRequestsAreRefusedBeforeSending()
    {
        const Status tooMany = m_ops->createTopic(CreateTopicRequest{uniqueName(QStringLiteral("rf")), 1, 5, {}, {}});
        QVERIFY(!tooMany.ok());
        QVERIFY2(tooMany.error().message.contains(QStringLiteral("3 are alive")), qPrintable(tooMany.error().fullText()));
        const Status badPolicy = m_ops->createTopic(CreateTopicRequest{
            uniqueName(QStringLiteral("cfg")), 1, 3, {}, {{QStringLiteral("cleanup.policy"), QStringLiteral("shred")}}});
        QVERIFY(!badPolicy.ok());
        QVERIFY2(badPolicy.error().message.contains(QStringLiteral("shred")), qPrintable(badPolicy.error().fullText()));
        const Status noTopic = m_ops->addPartitions(AddPartitionsRequest{QStringLiteral("no-such-topic-at-all"), 4});
        QVERIFY(!noTopic.ok());
        QVERIFY2(noTopic.error().message.contains(QStringLiteral("no topic named")), qPrintable(noTopic.error().message));
    }

    void brokerRefusalsKeepTheBrokersText()
    {
        // Valid as far as Kafdesk can tell; only the broker knows it has no such config.
        const Status unknown = m_ops->createTopic(CreateTopicRequest{
            uniqueName(QStringLiteral("cfg")), 1, 3, {}, {{QStringLiteral("no.such.config"), QStringLiteral("1")}}});
        QVERIFY(!unknown.ok());
        QVERIFY2(unknown.error().message.contains(QStringLiteral("refused a configuration")),
                 qPrintable(unknown.error().fullText()));
        QVERIFY2(unknown.error().detail.contains(QStringLiteral("no.such.config")), qPrintable(unknown.error().fullText()));
    }

    void alteringOneConfigKeepsTheOthers()
    {
        const QString name = uniqueName(QStringLiteral("alter"));
        QVERIFY(m_ops->createTopic(CreateTopicRequest{name, 1, 3, {}, {{QStringLiteral("retention.ms"), QStringLiteral("7200000")},
                                                                        {QStringLiteral("max.message.bytes"), QStringLiteral("200000")}}})
                    .ok());
        MetadataSnapshot md;
        QVERIFY(waitForTopic(name, 1, md));
        const Status altered = m_ops->alterTopicConfigs(
            AlterTopicConfigsRequest{name, {{QStringLiteral("cleanup.policy"), QStringLiteral("compact")}}, {QStringLiteral("max.message.bytes")}});
        QVERIFY2(altered.ok(), qPrintable(altered.ok() ? QString() : altered.error().fullText()));
        QList<ConfigEntry> configs;
        QVERIFY(waitUntil(
                    [&] {
                        auto c = m_ops->topics().topicConfigs(name);
                        configs = c ? c.value() : QList<ConfigEntry>{};
                        return configValue(configs, QStringLiteral("cleanup.policy")) == QLatin1String("compact");
                    },
                    10s, 200) >= 0);
        QString source;
        // The untouched dynamic config survived the legacy replace-all AlterConfigs.
        QCOMPARE(configValue(configs, QStringLiteral("retention.ms"), &source), QStringLiteral("7200000"));
        QCOMPARE(source, QStringLiteral("DYNAMIC_TOPIC_CONFIG"));
        // The removed one is back to its default.
        configValue(configs, QStringLiteral("max.message.bytes"), &source);
        QVERIFY(source != QLatin1String("DYNAMIC_TOPIC_CONFIG"));
    }

    void addPartitionsAndBrokerConfigs()
    {
        const QString name = uniqueName(QStringLiteral("grow"));
        QVERIFY(m_ops->createTopic(CreateTopicRequest{name, 2, 3, {}, {}}).ok());
        MetadataSnapshot md;
        QVERIFY(waitForTopic(name, 2, md));
        const Status grown = m_ops->addPartitions(AddPartitionsRequest{name, 5});
        QVERIFY2(grown.ok(), qPrintable(grown.ok() ? QString() : grown.error().fullText()));
        QVERIFY(waitForTopic(name, 5, md));
        const Status shrink = m_ops->addPartitions(AddPartitionsRequest{name, 3});
        QVERIFY(!shrink.ok());
        QVERIFY2(shrink.error().message.contains(QStringLiteral("5")), qPrintable(shrink.error().message));

        auto broker = m_ops->topics().brokerConfigs(1);
        QVERIFY(broker.ok());
        QString source;
        QCOMPARE(configValue(broker.value(), QStringLiteral("broker.session.timeout.ms"), &source), QStringLiteral("3000"));
        QCOMPARE(source, QStringLiteral("STATIC_BROKER_CONFIG"));
    }

    void deleteRecordsAndOffsetsForTimes()
    {
        const QString name = uniqueName(QStringLiteral("records"));
        QVERIFY(m_ops->createTopic(CreateTopicRequest{name, 1, 3, {}, {}}).ok());
        MetadataSnapshot md;
        QVERIFY(waitForTopic(name, 1, md));
        const qint64 before = QDateTime::currentMSecsSinceEpoch();
        produce(name, 0, 10);
        auto at = m_ops->topics().offsetsForTimestamp(name, {0}, before - 60000);
        QVERIFY2(at.ok(), qPrintable(at.ok() ? QString() : at.error().fullText()));
        QCOMPARE(at->value(0), 0);
        auto future = m_ops->topics().offsetsForTimestamp(name, {0}, QDateTime::currentMSecsSinceEpoch() + 3600000);
        QVERIFY(future.ok());
        QCOMPARE(future->value(0), 10); // no record that late: the log end offset

        auto deleted = m_ops->deleteRecords(DeleteRecordsRequest{name, {{0, 4}}});
        QVERIFY2(deleted.ok(), qPrintable(deleted.ok() ? QString() : deleted.error().fullText()));
        QCOMPARE(deleted->first().offset, 4);
        auto marks = m_ops->offsets().watermarks({{name, 0}}, 10000);
        QVERIFY(marks.ok());
        QCOMPARE(marks->value({name, 0}).low, 4);
        QCOMPARE(marks->value({name, 0}).high, 10);
    }

    void deleteTopics()
    {
        const QString name = uniqueName(QStringLiteral("doomed"));
        QVERIFY(m_ops->createTopic(CreateTopicRequest{name, 1, 3, {}, {}}).ok());
        MetadataSnapshot md;
        QVERIFY(waitForTopic(name, 1, md));
        auto result = m_ops->deleteTopics(DeleteTopicsRequest{{name, QStringLiteral("no-such-topic-here")}});
        QVERIFY(result.ok());
        QVERIFY(!result->value(name).has_value());
        QVERIFY(result->value(QStringLiteral("no-such-topic-here")).has_value());
        QVERIFY(result->value(QStringLiteral("no-such-topic-here"))->message.contains(QStringLiteral("does not exist")));
        QVERIFY(waitUntil([&] { auto m = m_ops->metadata().fetch(3000); return m && !m->topic(name); }, 20s, 200) >= 0);
    }

    void readOnlyRefusesEveryMutation()
    {
        ConnectionSettings settings = ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("prod"));
        settings.readOnly = true;
        auto ro = ClusterOperations::connect(settings);
        QVERIFY(ro.ok());
        const QString topic = uniqueName(QStringLiteral("ro"));
        QList<QPair<QString, Error>> refusals;
        auto collect = [&](const QString &what, const Status &s) {
            QVERIFY2(!s.ok(), qPrintable(what));
            refusals.append({what, s.error()});
        };
        collect(QStringLiteral("create"), ro.value()->createTopic(CreateTopicRequest{topic, 1, 1, {}, {}}));
        collect(QStringLiteral("add partitions"), ro.value()->addPartitions(AddPartitionsRequest{topic, 2}));
        collect(QStringLiteral("alter"), ro.value()->alterTopicConfigs(AlterTopicConfigsRequest{topic, {}, {}}));
        auto del = ro.value()->deleteTopics(DeleteTopicsRequest{{topic}});
        QVERIFY(!del.ok());
        refusals.append({QStringLiteral("delete"), del.error()});
        auto records = ro.value()->deleteRecords(DeleteRecordsRequest{topic, {{0, 1}}});
        QVERIFY(!records.ok());
        refusals.append({QStringLiteral("delete records"), records.error()});
        ResetPlan plan;
        plan.request = ResetOffsetsRequest{QStringLiteral("g"), topic, {}, ResetStrategy::Earliest, 0, {}, true};
        collect(QStringLiteral("reset offsets"), ro.value()->executeReset(plan));
        collect(QStringLiteral("delete group"), ro.value()->deleteGroup(DeleteGroupRequest{QStringLiteral("g")}));
        collect(QStringLiteral("delete group offsets"),
                ro.value()->deleteGroupOffsets(DeleteGroupOffsetsRequest{QStringLiteral("g"), topic}));
        // Reading stays allowed: a reset preview is not a change.
        QVERIFY(ro.value()->groups().list().ok());
        QCOMPARE(refusals.size(), 8);
        for (const auto &[what, e] : std::as_const(refusals))
            QVERIFY2(e.message.contains(QStringLiteral("\"prod\" is read-only")), qPrintable(what + e.message));
    }
};

QTEST_GUILESS_MAIN(TestTopicOperations)
#include "tst_topicoperations.moc"
