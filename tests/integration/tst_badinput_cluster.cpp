// The bad-input catalogue, part 2 of 3: bad input that only the cluster can judge (live brokers,
// existing topics, current partitions and configs), through kafdesk-ctl as a process and through
// ClusterOperations, against the shared cluster. Each row asserts the sentence, the exit code, and
// that nothing changed, as independent peers see it: kcat -L for topics and partitions, Debian's
// python3-confluent-kafka for configs. See docs/bad-input-catalogue.md.

#include "admin/clusteroperations.h"
#include "support/pythonpeers.h"
#include "support/testsupport.h"

#include <QRegularExpression>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

// A topic's configs as confluent_kafka's AdminClient describes them: "key=value" lines.
const char *describeConfigsScript = R"(
import sys
from confluent_kafka.admin import AdminClient, ConfigResource
admin = AdminClient({'bootstrap.servers': sys.argv[1]})
resource = ConfigResource('topic', sys.argv[2])
for f in admin.describe_configs([resource]).values():
    for name, entry in sorted(f.result(timeout=30).items()):
        print('%s=%s' % (name, entry.value))
)";

} // namespace

class TestBadInputCluster : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    QString m_existing; // 3 partitions, retention.ms=86400000
    QString m_dotted;   // a name with '.', for the collision row
    QString m_group;    // a group with committed offsets on m_existing

    RunResult kcatList() const { return run(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-L")}); }

    bool kcatHasTopic(const QString &topic) const
    {
        return kcatList().out.contains(QStringLiteral("topic \"%1\" with").arg(topic));
    }

    int kcatPartitions(const QString &topic) const
    {
        const QRegularExpression re(QStringLiteral("topic \"%1\" with (\\d+) partitions").arg(QRegularExpression::escape(topic)));
        const auto m = re.match(kcatList().out);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

    QString pythonConfigs(const QString &topic) const
    {
        const RunResult r = run(QStringLiteral("/usr/bin/python3"),
                                {QStringLiteral("-c"), QString::fromLatin1(describeConfigsScript), m_bootstrap, topic});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return r.out;
    }

    RunResult ctlHere(QStringList args) const
    {
        args << QStringLiteral("--bootstrap") << m_bootstrap;
        return ctl(args);
    }

    QString committed() const
    {
        return kafkaTool(QStringLiteral("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"),
                         {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--describe"),
                          QStringLiteral("--group"), m_group})
            .out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        m_existing = uniqueName(QStringLiteral("bi-existing"));
        const RunResult made = ctlHere({QStringLiteral("topics"), QStringLiteral("create"), m_existing,
                                        QStringLiteral("--partitions"), QStringLiteral("3"),
                                        QStringLiteral("--replication-factor"), QStringLiteral("3"),
                                        QStringLiteral("--config"), QStringLiteral("retention.ms=86400000")});
        QVERIFY2(made.exitCode == 0, qPrintable(made.describe()));
        m_dotted = uniqueName(QStringLiteral("bi.dot"));
        QCOMPARE(ctlHere({QStringLiteral("topics"), QStringLiteral("create"), m_dotted}).exitCode, 0);
        QVERIFY(waitUntil([&] { return kcatPartitions(m_existing) == 3 && kcatHasTopic(m_dotted); }, 30s, 250) >= 0);
        m_group = uniqueName(QStringLiteral("bi-group"));
        const RunResult commit = commitOffsetsWithPython(
            m_bootstrap, m_group,
            {m_existing + QStringLiteral(":0:0"), m_existing + QStringLiteral(":1:0"), m_existing + QStringLiteral(":2:0")});
        QVERIFY2(commit.exitCode == 0, qPrintable(commit.describe()));
    }

    // kafdesk-ctl refuses; the row's check says what must be as it was. In args, NEW is replaced
    // by a fresh topic name, EXISTING by the 3-partition topic, DOTTED_ by the dotted one with
    // '.' turned into '_', GROUP by the group with commits.
    void ctlRefusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("check"); // absent, partitions, configs, exists, offsets
        const auto create = [](QStringList more) { return QStringList{QStringLiteral("topics"), QStringLiteral("create")} + more; };
        const QString N = QStringLiteral("NEW");
        const QString E = QStringLiteral("EXISTING");
        const QString p = QStringLiteral("--partitions");
        const QString c = QStringLiteral("--config");
        QTest::newRow("ctl create: 0 partitions") << create({N, p, QStringLiteral("0")}) << 2
                                                  << QStringLiteral("A topic needs at least 1 partition; 0 were asked for.")
                                                  << QStringLiteral("absent");
        QTest::newRow("ctl create: -1 partitions") << create({N, p, QStringLiteral("-1")}) << 2
                                                   << QStringLiteral("A topic needs at least 1 partition; -1 were asked for.")
                                                   << QStringLiteral("absent");
        QTest::newRow("ctl create: 20000 partitions")
            << create({N, p, QStringLiteral("20000")}) << 2
            << QStringLiteral("Kafdesk creates at most 10000 partitions in one request; 20000 were asked for.")
            << QStringLiteral("absent");
        QTest::newRow("ctl create: RF 4 on 3 brokers")
            << create({N, QStringLiteral("--replication-factor"), QStringLiteral("4")}) << 2
            << QStringLiteral("Replication factor 4 needs 4 live brokers; 3 are alive.") << QStringLiteral("absent");
        QTest::newRow("ctl create: RF 0") << create({N, QStringLiteral("--replication-factor"), QStringLiteral("0")}) << 2
                                          << QStringLiteral("Replication factor must be -1 (the broker's default) or from 1 "
                                                            "to 32767; it is 0.")
                                          << QStringLiteral("absent");
        QTest::newRow("ctl create: name of 250 characters")
            << create({QString(250, QLatin1Char('b'))}) << 2
            << QStringLiteral("Topic names have at most 249 characters; this one has 250.") << QStringLiteral("none");
        QTest::newRow("ctl create: empty name") << create({QString()}) << 2
                                                << QStringLiteral("Topic names have 1 to 249 characters; this one is empty.")
                                                << QStringLiteral("none");
        QTest::newRow("ctl create: name with a space") << create({QStringLiteral("bad name")}) << 2
                                                       << QStringLiteral("\"bad name\" has a space.") << QStringLiteral("none");
        QTest::newRow("ctl create: retention.ms abc")
            << create({N, c, QStringLiteral("retention.ms=abc")}) << 2
            << QStringLiteral("retention.ms takes milliseconds as a whole number") << QStringLiteral("absent");
        QTest::newRow("ctl create: one good config, one bad")
            << create({N, c, QStringLiteral("retention.ms=1000"), c, QStringLiteral("segment.bytes=10")}) << 2
            << QStringLiteral("segment.bytes must be at least 1048576") << QStringLiteral("absent");
        QTest::newRow("ctl create: unknown broker in assignment")
            << create({N, QStringLiteral("--replica-assignment"), QStringLiteral("1:9")}) << 2
            << QStringLiteral("Partition 0 names broker 9, which is not in the cluster") << QStringLiteral("absent");
        QTest::newRow("ctl create: assignment 1:x") << create({N, QStringLiteral("--replica-assignment"), QStringLiteral("1:x")})
                                                    << 2 << QStringLiteral("\"1:x\" is not a replica assignment")
                                                    << QStringLiteral("absent");
        QTest::newRow("ctl create: assignment lists a broker twice")
            << create({N, QStringLiteral("--replica-assignment"), QStringLiteral("1:1")}) << 2
            << QStringLiteral("Partition 0 lists broker 1 twice") << QStringLiteral("absent");
        QTest::newRow("ctl create: exists already") << create({E, p, QStringLiteral("5")}) << 2
                                                    << QStringLiteral("exists already.") << QStringLiteral("partitions");
        QTest::newRow("ctl create: collides with a dotted name")
            << create({QStringLiteral("DOTTED_")}) << 2
            << QStringLiteral("Kafka's metric names turn '.' into '_', so it cannot tell them apart")
            << QStringLiteral("collision");
        QTest::newRow("ctl create: config the broker refuses")
            << create({N, c, QStringLiteral("no.such.config=1")}) << 1 << QStringLiteral("no.such.config")
            << QStringLiteral("absent");
        QTest::newRow("ctl add-partitions: fewer") << QStringList{QStringLiteral("topics"), QStringLiteral("add-partitions"), E, p,
                                                                  QStringLiteral("2")}
                                                   << 2 << QStringLiteral("Kafka cannot remove partitions: topic")
                                                   << QStringLiteral("partitions");
        QTest::newRow("ctl add-partitions: the same") << QStringList{QStringLiteral("topics"), QStringLiteral("add-partitions"), E,
                                                                     p, QStringLiteral("3")}
                                                      << 2 << QStringLiteral("has 3 partitions already")
                                                      << QStringLiteral("partitions");
        QTest::newRow("ctl add-partitions: 20000 more")
            << QStringList{QStringLiteral("topics"), QStringLiteral("add-partitions"), E, p, QStringLiteral("20003")} << 2
            << QStringLiteral("Kafdesk adds at most 10000 partitions in one request; going from 3 to 20003")
            << QStringLiteral("partitions");
        QTest::newRow("ctl add-partitions: no such topic")
            << QStringList{QStringLiteral("topics"), QStringLiteral("add-partitions"), N, p, QStringLiteral("5")} << 1
            << QStringLiteral("There is no topic named") << QStringLiteral("absent");
        QTest::newRow("ctl alter: retention.ms abc")
            << QStringList{QStringLiteral("topics"), QStringLiteral("alter"), E, c, QStringLiteral("retention.ms=abc")} << 2
            << QStringLiteral("retention.ms takes milliseconds") << QStringLiteral("configs");
        QTest::newRow("ctl alter: one good config, min.insync 4 of RF 3")
            << QStringList{QStringLiteral("topics"), QStringLiteral("alter"), E, c, QStringLiteral("retention.ms=1000"), c,
                           QStringLiteral("min.insync.replicas=4")}
            << 2 << QStringLiteral("min.insync.replicas 4 is more than the replication factor 3")
            << QStringLiteral("configs");
        QTest::newRow("ctl alter: set and removed")
            << QStringList{QStringLiteral("topics"), QStringLiteral("alter"), E, c, QStringLiteral("retention.ms=1000"),
                           QStringLiteral("--delete-config"), QStringLiteral("retention.ms")}
            << 2 << QStringLiteral("retention.ms is both set and removed; choose one.") << QStringLiteral("configs");
        QTest::newRow("ctl alter: nothing to change")
            << QStringList{QStringLiteral("topics"), QStringLiteral("alter"), E} << 2
            << QStringLiteral("alter needs --config K=V or --delete-config K.") << QStringLiteral("configs");
        QTest::newRow("ctl alter: good config beside one the broker refuses")
            << QStringList{QStringLiteral("topics"), QStringLiteral("alter"), E, c, QStringLiteral("retention.ms=1000"), c,
                           QStringLiteral("no.such.config=1")}
            << 1 << QStringLiteral("no.such.config") << QStringLiteral("configs");
        QTest::newRow("ctl delete: listed twice")
            << QStringList{QStringLiteral("topics"), QStringLiteral("delete"), E, E, QStringLiteral("--yes")} << 2
            << QStringLiteral("is listed twice.") << QStringLiteral("exists");
        QTest::newRow("ctl delete: beside a bad name")
            << QStringList{QStringLiteral("topics"), QStringLiteral("delete"), E, QStringLiteral("bad name"), QStringLiteral("--yes")}
            << 2 << QStringLiteral("\"bad name\" has a space.") << QStringLiteral("exists");
        QTest::newRow("ctl describe: no such topic") << QStringList{QStringLiteral("topics"), QStringLiteral("describe"), N} << 1
                                                     << QStringLiteral("There is no topic named") << QStringLiteral("absent");
        QTest::newRow("ctl reset: offset -5")
            << QStringList{QStringLiteral("groups"), QStringLiteral("reset"), QStringLiteral("--group"), QStringLiteral("GROUP"),
                           QStringLiteral("--topic"), E, QStringLiteral("--to-offset"), QStringLiteral("-5"),
                           QStringLiteral("--execute")}
            << 2 << QStringLiteral("The offset to reset to must be 0 or more; it is -5.") << QStringLiteral("offsets");
        QTest::newRow("ctl reset: partition 99 of 3")
            << QStringList{QStringLiteral("groups"), QStringLiteral("reset"), QStringLiteral("--group"), QStringLiteral("GROUP"),
                           QStringLiteral("--topic"), E, QStringLiteral("--to-latest"), QStringLiteral("--partitions"),
                           QStringLiteral("99"), QStringLiteral("--execute")}
            << 1 << QStringLiteral("has no partition 99; its partitions are 0, 1, 2.") << QStringLiteral("offsets");
        QTest::newRow("ctl reset: datetime before 1970")
            << QStringList{QStringLiteral("groups"), QStringLiteral("reset"), QStringLiteral("--group"), QStringLiteral("GROUP"),
                           QStringLiteral("--topic"), E, QStringLiteral("--to-datetime"), QStringLiteral("1960-01-01T00:00:00Z"),
                           QStringLiteral("--execute")}
            << 2 << QStringLiteral("Kafka finds offsets by time from 1970-01-01T00:00:00Z on; ") << QStringLiteral("offsets");
        QTest::newRow("ctl reset: group id with a tab")
            << QStringList{QStringLiteral("groups"), QStringLiteral("reset"), QStringLiteral("--group"), QStringLiteral("a\tb"),
                           QStringLiteral("--topic"), E, QStringLiteral("--to-latest"), QStringLiteral("--execute")}
            << 2 << QStringLiteral("Group ids cannot hold control characters") << QStringLiteral("offsets");
        QTest::newRow("ctl groups delete: no such group")
            << QStringList{QStringLiteral("groups"), QStringLiteral("delete"), QStringLiteral("--group"), N, QStringLiteral("--yes")}
            << 1 << QStringLiteral("failed: the group does not exist.\nBroker: The group id does not exist (GROUP_ID_NOT_FOUND)")
            << QStringLiteral("offsets");
    }
    void ctlRefusals()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QFETCH(QString, check);
        const QString fresh = uniqueName(QStringLiteral("bi-new"));
        QString dottedCollision = m_dotted;
        dottedCollision.replace(QLatin1Char('.'), QLatin1Char('_'));
        for (QString &a : args) {
            if (a == QLatin1String("NEW"))
                a = fresh;
            else if (a == QLatin1String("EXISTING"))
                a = m_existing;
            else if (a == QLatin1String("DOTTED_"))
                a = dottedCollision;
            else if (a == QLatin1String("GROUP"))
                a = m_group;
        }
        const QString offsetsBefore = check == QLatin1String("offsets") ? committed() : QString();
        const RunResult r = ctlHere(args);
        QVERIFY2(r.started, qPrintable(r.describe()));
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
        QVERIFY2(!r.err.contains(QStringLiteral("Kafka equivalent")), qPrintable(r.describe()));

        // Nothing changed. A refused create is given a moment to show up if it slipped through.
        if (check == QLatin1String("absent") || check == QLatin1String("collision")) {
            QTest::qWait(1000);
            QVERIFY2(!kcatHasTopic(check == QLatin1String("absent") ? fresh : dottedCollision), qPrintable(kcatList().out));
        } else if (check == QLatin1String("partitions") || check == QLatin1String("exists")) {
            QTest::qWait(1000);
            QCOMPARE(kcatPartitions(m_existing), 3);
        } else if (check == QLatin1String("configs")) {
            const QString configs = pythonConfigs(m_existing);
            QVERIFY2(configs.contains(QStringLiteral("\nretention.ms=86400000\n")), qPrintable(configs));
            QVERIFY2(configs.contains(QStringLiteral("\nmin.insync.replicas=2\n")), qPrintable(configs));
        } else if (check == QLatin1String("offsets")) {
            QCOMPARE(committed(), offsetsBefore);
        }
    }

    // ClusterOperations itself (what the GUI's session calls), for requests kafdesk-ctl cannot send.
    void coreRefusals_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("message");
        QTest::newRow("core delete records: offset -1") << QStringLiteral("deleteRecordsNegative")
                                                        << QStringLiteral("Records are deleted below an offset of 0 or more; "
                                                                          "partition 0 has -1.");
        QTest::newRow("core delete records: partition -2") << QStringLiteral("deleteRecordsPartition")
                                                           << QStringLiteral("Partition numbers are 0 or more; -2 is not one.");
        QTest::newRow("core delete records: none chosen") << QStringLiteral("deleteRecordsEmpty")
                                                          << QStringLiteral("Choose at least one partition to delete records from.");
        QTest::newRow("core create: config name with =") << QStringLiteral("createConfigKey")
                                                         << QStringLiteral("Config names have no spaces, '=' or ','");
        QTest::newRow("core alter: removes a config twice") << QStringLiteral("alterRemoveTwice")
                                                            << QStringLiteral("retention.ms is listed twice among the configs "
                                                                              "to remove.");
        QTest::newRow("core delete group offsets: empty group") << QStringLiteral("deleteOffsetsEmptyGroup")
                                                                << QStringLiteral("A consumer group needs an id; this one is empty.");
    }
    void coreRefusals()
    {
        QFETCH(QString, operation);
        QFETCH(QString, message);
        auto ops = ClusterOperations::connect(ConnectionSettings::forBootstrap(m_bootstrap));
        QVERIFY(ops);
        ClusterOperations &o = *ops.value();
        const QString fresh = uniqueName(QStringLiteral("bi-core"));
        Error e;
        if (operation.startsWith(QLatin1String("deleteRecords"))) {
            DeleteRecordsRequest r{m_existing, {}};
            if (operation == QLatin1String("deleteRecordsNegative"))
                r.beforeOffset.insert(0, -1);
            else if (operation == QLatin1String("deleteRecordsPartition"))
                r.beforeOffset.insert(-2, 0);
            const auto result = o.deleteRecords(r);
            QVERIFY(!result);
            e = result.error();
        } else if (operation == QLatin1String("createConfigKey")) {
            const Status s = o.createTopic(CreateTopicRequest{fresh, 1, 1, {}, {{QStringLiteral("a=b"), QStringLiteral("1")}}});
            QVERIFY(!s);
            e = s.error();
        } else if (operation == QLatin1String("alterRemoveTwice")) {
            const Status s = o.alterTopicConfigs(
                AlterTopicConfigsRequest{m_existing, {}, {QStringLiteral("retention.ms"), QStringLiteral("retention.ms")}});
            QVERIFY(!s);
            e = s.error();
        } else {
            const Status s = o.deleteGroupOffsets(DeleteGroupOffsetsRequest{QString(), m_existing});
            QVERIFY(!s);
            e = s.error();
        }
        QVERIFY2(e.message.contains(message), qPrintable(e.fullText()));
        QVERIFY(e.badInput); // refused before anything was sent
        QVERIFY(!kcatHasTopic(fresh));
        QCOMPARE(kcatPartitions(m_existing), 3);
        const QString configs = pythonConfigs(m_existing);
        QVERIFY2(configs.contains(QStringLiteral("\nretention.ms=86400000\n")), qPrintable(configs));
    }

    void cleanupTestCase()
    {
        for (const QString &t : {m_existing, m_dotted})
            if (!t.isEmpty())
                ctlHere({QStringLiteral("topics"), QStringLiteral("delete"), t, QStringLiteral("--yes")});
    }
};

QTEST_GUILESS_MAIN(TestBadInputCluster)
#include "tst_badinput_cluster.moc"
