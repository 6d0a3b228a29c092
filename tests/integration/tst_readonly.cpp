// Read-only connections refuse every mutating operation, one row per operation: through core
// (ClusterOperations, Producer, GroupLab, FailureDrill: what the GUI's session and pages call)
// and through kafdesk-ctl with a saved read-only profile. Each row asserts the refusal sentence
// and that nothing reached the broker, as kcat, python3-confluent-kafka and Kafka's own
// ConsumerGroupCommand see the cluster.

#include "admin/clusteroperations.h"
#include "drill/failuredrill.h"
#include "kafka/producer.h"
#include "messages/grouplab.h"
#include "profiles/profilestore.h"
#include "support/groupcommand.h"
#include "support/pythonpeers.h"
#include "support/testsupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

const QString roName = QStringLiteral("ro-shared");

QString refusal(const QString &operation)
{
    return QStringLiteral("The connection \"%1\" is read-only: %2 is not allowed.").arg(roName, operation);
}

const char *describeConfigsScript = R"(
import sys
from confluent_kafka.admin import AdminClient, ConfigResource
admin = AdminClient({'bootstrap.servers': sys.argv[1]})
for f in admin.describe_configs([ConfigResource('topic', sys.argv[2])]).values():
    for name, entry in sorted(f.result(timeout=30).items()):
        print('%s=%s' % (name, entry.value))
)";

} // namespace

class TestReadOnly : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    QString m_topic; // 3 partitions, retention.ms=86400000, 2 messages in each partition
    QString m_group; // committed offset 1 on each partition of m_topic
    QString m_principal;
    QTemporaryDir m_config; // XDG_CONFIG_HOME for kafdesk-ctl: one read-only profile
    std::unique_ptr<ClusterOperations> m_ro;
    std::unique_ptr<ClusterOperations> m_rw;

    ConnectionSettings roSettings() const
    {
        ConnectionSettings s = ConnectionSettings::forBootstrap(m_bootstrap, roName);
        s.readOnly = true;
        return s;
    }

    QString kcatList() const
    {
        return run(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-L")}).out;
    }
    bool topicExists(const QString &topic) const { return kcatList().contains(QStringLiteral("topic \"%1\" with").arg(topic)); }
    int partitions(const QString &topic) const
    {
        const QRegularExpression re(QStringLiteral("topic \"%1\" with (\\d+) partitions").arg(QRegularExpression::escape(topic)));
        const auto m = re.match(kcatList());
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }
    // Every message of the topic as kcat reads it: "partition:offset" lines, sorted.
    QStringList messages() const
    {
        const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-C"),
                                                         QStringLiteral("-t"), m_topic, QStringLiteral("-o"),
                                                         QStringLiteral("beginning"), QStringLiteral("-e"), QStringLiteral("-q"),
                                                         QStringLiteral("-f"), QStringLiteral("%p:%o\\n")},
                                {}, 30000);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        lines.sort();
        return lines;
    }
    QString configs() const
    {
        return run(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral("-c"), QString::fromLatin1(describeConfigsScript), m_bootstrap, m_topic})
            .out;
    }
    // The group's committed offsets as "topic:partition:offset", from ConsumerGroupCommand.
    QStringList committed(const QString &group) const
    {
        const RunResult r = kafkaTool(groupCommand, {QStringLiteral("--bootstrap-server"), m_bootstrap,
                                                     QStringLiteral("--describe"), QStringLiteral("--group"), group});
        QStringList out;
        for (const DescribedRow &row : parseDescribe(r.out))
            out << QStringLiteral("%1:%2:%3").arg(row.topic).arg(row.partition).arg(row.current);
        if (out.isEmpty())
            out << r.err.trimmed().section(QLatin1Char('\n'), 0, 0);
        return out;
    }
    bool groupListed(const QString &group) const
    {
        const RunResult r = kafkaTool(groupCommand, {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--list")});
        return r.out.split(QLatin1Char('\n')).contains(group);
    }
    AclBinding testAcl() const
    {
        AclBinding acl;
        acl.resourceType = AclResourceType::Topic;
        acl.resourceName = m_topic;
        acl.principal = m_principal;
        acl.operation = AclOperation::Read;
        return acl;
    }
    // The ACLs for the test's principal as a writable connection lists them, or the reason it cannot.
    QString aclsOfPrincipal() const
    {
        AclFilter f;
        f.principal = m_principal;
        const auto listed = m_rw->listAcls(f);
        if (!listed)
            return QStringLiteral("cannot list: ") + listed.error().message;
        return QString::number(listed->size());
    }

    // What the row's operation leaves behind, to compare before and after.
    QString state(const QString &check, const QString &fresh) const
    {
        if (check == QLatin1String("absent"))
            return topicExists(fresh) ? QStringLiteral("exists") : QStringLiteral("absent");
        if (check == QLatin1String("topic"))
            return QStringLiteral("%1 partitions").arg(partitions(m_topic));
        if (check == QLatin1String("configs")) {
            const QString c = configs();
            return c.contains(QStringLiteral("\nretention.ms=86400000\n")) ? QStringLiteral("retention 1 day") : c;
        }
        if (check == QLatin1String("messages"))
            return messages().join(QLatin1Char(','));
        if (check == QLatin1String("offsets"))
            return committed(m_group).join(QLatin1Char(','));
        if (check == QLatin1String("group"))
            return groupListed(m_group) ? QStringLiteral("listed") : QStringLiteral("gone");
        if (check == QLatin1String("labgroup"))
            return groupListed(fresh) ? QStringLiteral("listed") : QStringLiteral("absent");
        if (check == QLatin1String("acls"))
            return aclsOfPrincipal();
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        m_topic = uniqueName(QStringLiteral("ro-topic"));
        m_group = uniqueName(QStringLiteral("ro-group"));
        m_principal = QStringLiteral("User:") + uniqueName(QStringLiteral("ro-user"));
        const RunResult made = ctl({QStringLiteral("topics"), QStringLiteral("create"), m_topic, QStringLiteral("--partitions"),
                                    QStringLiteral("3"), QStringLiteral("--replication-factor"), QStringLiteral("3"),
                                    QStringLiteral("--config"), QStringLiteral("retention.ms=86400000"),
                                    QStringLiteral("--bootstrap"), m_bootstrap});
        QVERIFY2(made.exitCode == 0, qPrintable(made.describe()));
        QVERIFY(waitUntil([&] { return partitions(m_topic) == 3; }, 30s, 250) >= 0);
        // Two messages per partition, written by kcat.
        QTemporaryDir input;
        const QString file = input.filePath(QStringLiteral("m.txt"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("a\nb\n");
        f.close();
        for (int p = 0; p < 3; ++p) {
            const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-P"),
                                                             QStringLiteral("-t"), m_topic, QStringLiteral("-p"),
                                                             QString::number(p), QStringLiteral("-l"), file});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        }
        QTRY_COMPARE_WITH_TIMEOUT(messages().size(), 6, 30000);
        const RunResult commit = commitOffsetsWithPython(
            m_bootstrap, m_group,
            {m_topic + QStringLiteral(":0:1"), m_topic + QStringLiteral(":1:1"), m_topic + QStringLiteral(":2:1")});
        QVERIFY2(commit.exitCode == 0, qPrintable(commit.describe()));

        auto ro = ClusterOperations::connect(roSettings());
        QVERIFY(ro);
        m_ro = std::move(ro).value();
        auto rw = ClusterOperations::connect(ConnectionSettings::forBootstrap(m_bootstrap));
        QVERIFY(rw);
        m_rw = std::move(rw).value();

        // One ACL of the test's principal, so that a refused delete has something to leave alone.
        if (const Status s = m_rw->createAcls({testAcl()}); !s)
            QFAIL(qPrintable(s.error().fullText()));
        QTRY_COMPARE_WITH_TIMEOUT(aclsOfPrincipal(), QStringLiteral("1"), 20000);

        // kafdesk-ctl reads its profiles from $XDG_CONFIG_HOME/kafdesk/kafdesk.conf.
        QVERIFY(QDir().mkpath(m_config.filePath(QStringLiteral("kafdesk"))));
        ProfileStore store(m_config.filePath(QStringLiteral("kafdesk/kafdesk.conf")));
        ConnectionProfile p;
        p.name = roName;
        p.bootstrapServers = m_bootstrap;
        p.readOnly = true;
        QVERIFY(store.save(p).ok());
    }

    // One row per mutating operation.
    void coreRefuses_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("check");
        QTest::newRow("create topic") << QStringLiteral("createTopic") << refusal(QStringLiteral("creating topics"))
                                      << QStringLiteral("absent");
        QTest::newRow("delete topic") << QStringLiteral("deleteTopics") << refusal(QStringLiteral("deleting topics"))
                                      << QStringLiteral("topic");
        QTest::newRow("add partitions") << QStringLiteral("addPartitions") << refusal(QStringLiteral("adding partitions"))
                                        << QStringLiteral("topic");
        QTest::newRow("alter configs") << QStringLiteral("alterTopicConfigs")
                                       << refusal(QStringLiteral("changing topic configs")) << QStringLiteral("configs");
        QTest::newRow("delete records") << QStringLiteral("deleteRecords") << refusal(QStringLiteral("deleting records"))
                                        << QStringLiteral("messages");
        QTest::newRow("reset offsets") << QStringLiteral("executeReset") << refusal(QStringLiteral("resetting offsets"))
                                       << QStringLiteral("offsets");
        QTest::newRow("delete group") << QStringLiteral("deleteGroup")
                                      << refusal(QStringLiteral("deleting consumer groups")) << QStringLiteral("group");
        QTest::newRow("delete group offsets") << QStringLiteral("deleteGroupOffsets")
                                              << refusal(QStringLiteral("deleting committed offsets"))
                                              << QStringLiteral("offsets");
        QTest::newRow("produce") << QStringLiteral("produce")
                                 << QStringLiteral("The connection \"%1\" is read-only: producing messages is not allowed.")
                                        .arg(roName)
                                 << QStringLiteral("messages");
        QTest::newRow("group lab start") << QStringLiteral("groupLab")
                                         << QStringLiteral("The connection %1 is read-only: the lab's members would join")
                                         << QStringLiteral("labgroup");
        QTest::newRow("drill start") << QStringLiteral("drill")
                                     << QStringLiteral("The connection \"%1\" is read-only: a drill produces messages.").arg(roName)
                                     << QStringLiteral("absent");
        QTest::newRow("ACL create") << QStringLiteral("createAcls") << refusal(QStringLiteral("creating ACLs"))
                                    << QStringLiteral("acls");
        QTest::newRow("ACL delete") << QStringLiteral("deleteAcls") << refusal(QStringLiteral("deleting ACLs"))
                                    << QStringLiteral("acls");
    }
    void coreRefuses()
    {
        QFETCH(QString, operation);
        QFETCH(QString, message);
        QFETCH(QString, check);
        const QString fresh = uniqueName(QStringLiteral("ro-fresh"));
        const QString before = state(check, fresh);
        Error e;
        const auto take = [&e](const auto &result) {
            if (!result.ok())
                e = result.error();
            return !result.ok();
        };
        bool refused = false;
        if (operation == QLatin1String("createTopic")) {
            refused = take(m_ro->createTopic(CreateTopicRequest{fresh, 1, 1, {}, {}}));
        } else if (operation == QLatin1String("deleteTopics")) {
            refused = take(m_ro->deleteTopics(DeleteTopicsRequest{{m_topic}}));
        } else if (operation == QLatin1String("addPartitions")) {
            refused = take(m_ro->addPartitions(AddPartitionsRequest{m_topic, 6}));
        } else if (operation == QLatin1String("alterTopicConfigs")) {
            refused = take(m_ro->alterTopicConfigs(
                AlterTopicConfigsRequest{m_topic, {{QStringLiteral("retention.ms"), QStringLiteral("1000")}}, {}}));
        } else if (operation == QLatin1String("deleteRecords")) {
            refused = take(m_ro->deleteRecords(DeleteRecordsRequest{m_topic, {{0, 2}, {1, 2}, {2, 2}}}));
        } else if (operation == QLatin1String("executeReset")) {
            // The preview is a read and is allowed; executing it is not.
            ResetOffsetsRequest r;
            r.group = m_group;
            r.topic = m_topic;
            r.strategy = ResetStrategy::Latest;
            r.execute = true;
            const auto plan = m_ro->planReset(r);
            QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().fullText()));
            refused = take(m_ro->executeReset(plan.value()));
        } else if (operation == QLatin1String("deleteGroup")) {
            refused = take(m_ro->deleteGroup(DeleteGroupRequest{m_group}));
        } else if (operation == QLatin1String("deleteGroupOffsets")) {
            refused = take(m_ro->deleteGroupOffsets(DeleteGroupOffsetsRequest{m_group, m_topic}));
        } else if (operation == QLatin1String("produce")) {
            ProducerConfig config;
            config.clientConfig = roSettings().clientConfig;
            config.connectionName = roName;
            config.readOnly = true;
            refused = take(Producer::create(config));
        } else if (operation == QLatin1String("groupLab")) {
            GroupLab lab(roSettings());
            LabSettings s;
            s.topic = m_topic;
            s.groupId = fresh;
            refused = take(lab.start(s, 2));
            QTest::qWait(2000); // a member that slipped through would have joined by now
        } else if (operation == QLatin1String("drill")) {
            DrillConfig config;
            config.connection = roSettings();
            config.topic = fresh;
            config.kills = 0;
            config.duration = 5s;
            QVERIFY2(validateDrillConfig(config).contains(message), qPrintable(validateDrillConfig(config).join(QLatin1Char('\n'))));
            FailureDrill drill;
            refused = take(drill.start(config));
            QTest::qWait(1000);
        } else if (operation == QLatin1String("createAcls")) {
            AclBinding write = testAcl();
            write.operation = AclOperation::Write;
            refused = take(m_ro->createAcls({write}));
            QTest::qWait(1000); // an ACL that slipped through would be listed by now
        } else if (operation == QLatin1String("deleteAcls")) {
            refused = take(m_ro->deleteAcls({AclFilter::exactly(testAcl())}));
        } else {
            QFAIL(qPrintable(operation));
        }
        QVERIFY2(refused, qPrintable(operation));
        const QString expected = operation == QLatin1String("groupLab") ? message.arg(roName) : message;
        QVERIFY2(e.message.contains(expected), qPrintable(e.fullText()));
        if (operation != QLatin1String("groupLab") && operation != QLatin1String("drill"))
            QVERIFY2(e.detail.contains(QStringLiteral("Clear \"read-only\"")), qPrintable(e.fullText()));
        QCOMPARE(state(check, fresh), before);
    }

    // kafdesk-ctl with the saved read-only profile: the same sentence, exit 1, nothing changed.
    void ctlRefuses_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("check");
        const QString T = QStringLiteral("TOPIC");
        QTest::newRow("ctl create topic") << QStringList{QStringLiteral("topics"), QStringLiteral("create"), QStringLiteral("NEW")}
                                          << refusal(QStringLiteral("creating topics")) << QStringLiteral("absent");
        QTest::newRow("ctl delete topic") << QStringList{QStringLiteral("topics"), QStringLiteral("delete"), T, QStringLiteral("--yes")}
                                          << refusal(QStringLiteral("deleting topics")) << QStringLiteral("topic");
        QTest::newRow("ctl add partitions")
            << QStringList{QStringLiteral("topics"), QStringLiteral("add-partitions"), T, QStringLiteral("--partitions"),
                           QStringLiteral("6")}
            << refusal(QStringLiteral("adding partitions")) << QStringLiteral("topic");
        QTest::newRow("ctl alter configs")
            << QStringList{QStringLiteral("topics"), QStringLiteral("alter"), T, QStringLiteral("--config"),
                           QStringLiteral("retention.ms=1000")}
            << refusal(QStringLiteral("changing topic configs")) << QStringLiteral("configs");
        QTest::newRow("ctl reset offsets")
            << QStringList{QStringLiteral("groups"), QStringLiteral("reset"), QStringLiteral("--group"), QStringLiteral("GROUP"),
                           QStringLiteral("--topic"), T, QStringLiteral("--to-latest"), QStringLiteral("--execute")}
            << refusal(QStringLiteral("resetting offsets")) << QStringLiteral("offsets");
        QTest::newRow("ctl delete group")
            << QStringList{QStringLiteral("groups"), QStringLiteral("delete"), QStringLiteral("--group"), QStringLiteral("GROUP"),
                           QStringLiteral("--yes")}
            << refusal(QStringLiteral("deleting consumer groups")) << QStringLiteral("group");
        QTest::newRow("ctl delete group offsets")
            << QStringList{QStringLiteral("groups"), QStringLiteral("delete"), QStringLiteral("--group"), QStringLiteral("GROUP"),
                           QStringLiteral("--topic"), T, QStringLiteral("--yes")}
            << refusal(QStringLiteral("deleting committed offsets")) << QStringLiteral("offsets");
    }
    void ctlRefuses()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QFETCH(QString, check);
        const QString fresh = uniqueName(QStringLiteral("ro-ctl"));
        for (QString &a : args) {
            if (a == QLatin1String("NEW"))
                a = fresh;
            else if (a == QLatin1String("TOPIC"))
                a = m_topic;
            else if (a == QLatin1String("GROUP"))
                a = m_group;
        }
        const QString before = state(check, fresh);
        const RunResult r = ctl(args + QStringList{QStringLiteral("--profile"), roName},
                                {{QStringLiteral("XDG_CONFIG_HOME"), m_config.path()}});
        QVERIFY2(r.started, qPrintable(r.describe()));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
        QVERIFY(!r.out.contains(QStringLiteral("Kafka equivalent")));
        QCOMPARE(state(check, fresh), before);
    }

    // Reads still work on the same read-only profile: the refusals above are not a broken connection.
    void readsStillWork()
    {
        const RunResult r = ctl({QStringLiteral("topics"), QStringLiteral("describe"), m_topic, QStringLiteral("--profile"), roName},
                                {{QStringLiteral("XDG_CONFIG_HOME"), m_config.path()}});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("3 partitions, replication factor 3")));
    }

    void cleanupTestCase()
    {
        if (m_rw)
            (void)m_rw->deleteAcls({AclFilter::exactly(testAcl())});
        m_ro.reset();
        m_rw.reset();
        if (!m_topic.isEmpty())
            ctl({QStringLiteral("topics"), QStringLiteral("delete"), m_topic, QStringLiteral("--yes"), QStringLiteral("--bootstrap"),
                 m_bootstrap});
    }
};

QTEST_GUILESS_MAIN(TestReadOnly)
#include "tst_readonly.moc"
