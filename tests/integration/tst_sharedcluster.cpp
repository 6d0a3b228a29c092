// The shared bundled cluster, as librdkafka, kcat and Kafka's own tools see it.

#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <QFile>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

class TestSharedCluster : public QObject {
    Q_OBJECT
private:
    ClusterState m_state;

    QStringList nameArgs() const { return {QStringLiteral("--name"), sharedClusterName()}; }

private Q_SLOTS:
    void initTestCase()
    {
        m_state = sharedClusterState();
        QVERIFY2(!m_state.nodes.isEmpty(), "the shared cluster fixture did not start");
    }

    void librdkafkaSeesThreeBrokers()
    {
        MetadataClient client(m_state.bootstrapServers());
        auto md = client.fetch(10000);
        QVERIFY2(md.ok(), qPrintable(md.ok() ? QString() : md.error().fullText()));
        QCOMPARE(md->brokerIds(), (QList<int>{1, 2, 3}));
        for (const BrokerInfo &b : md->brokers) {
            QCOMPARE(b.host, QStringLiteral("127.0.0.1"));
            QCOMPARE(b.port, m_state.node(b.id)->brokerPort);
        }
    }

    void kcatSeesThreeBrokers()
    {
        QCOMPARE(kcatBrokerIds(m_state.bootstrapServers()), (QList<int>{1, 2, 3}));
    }

    void statusJsonDescribesEveryNode()
    {
        const RunResult r = ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("status"), QStringLiteral("--json")} +
                                nameArgs());
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(root.value(QStringLiteral("name")).toString(), sharedClusterName());
        QCOMPARE(root.value(QStringLiteral("bootstrap")).toString(), m_state.bootstrapServers());
        QCOMPARE(root.value(QStringLiteral("clusterId")).toString(), m_state.clusterId);
        QCOMPARE(root.value(QStringLiteral("reachable")).toBool(), true);
        const QJsonArray nodes = root.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 3);
        for (const QJsonValue &v : nodes) {
            const QJsonObject n = v.toObject();
            const int id = n.value(QStringLiteral("id")).toInt();
            QCOMPARE(n.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
            QCOMPARE(n.value(QStringLiteral("registered")).toBool(), true);
            QCOMPARE(n.value(QStringLiteral("brokerPort")).toInt(), m_state.node(id)->brokerPort);
            QCOMPARE(n.value(QStringLiteral("controllerPort")).toInt(), m_state.node(id)->controllerPort);
            const qint64 pid = n.value(QStringLiteral("pid")).toInteger();
            QVERIFY(pid > 0);
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            QVERIFY(cmdline.open(QIODevice::ReadOnly));
            QVERIFY(cmdline.readAll().contains("kafka.Kafka"));
        }
    }

    void statusTableIsReadable()
    {
        const RunResult r = ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("status")} + nameArgs());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("bootstrap=") + m_state.bootstrapServers()));
        QCOMPARE(r.out.count(QStringLiteral(" running ")), 3);
    }

    void startingARunningClusterAttaches()
    {
        const RunResult r = ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("start"), QStringLiteral("-q")} +
                                nameArgs());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("bootstrap=") + m_state.bootstrapServers() + QLatin1Char('\n'));
        // The nodes were not restarted.
        QCOMPARE(sharedClusterState().nodes, m_state.nodes);
    }

    void logsShowTheServerLog()
    {
        const RunResult r = ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("logs"), QStringLiteral("2"),
                                            QStringLiteral("-n"), QStringLiteral("400")} +
                                nameArgs());
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("Kafka Server started")) || r.out.contains(QStringLiteral("INFO")),
                 qPrintable(r.out.left(500)));
        QVERIFY(r.out.count(QLatin1Char('\n')) <= 401);
    }

    void unknownNodeNamesTheNodesThatExist()
    {
        for (const QString &verb : {QStringLiteral("kill"), QStringLiteral("stop"), QStringLiteral("logs")}) {
            const RunResult r = ctl(QStringList{QStringLiteral("cluster"), verb, QStringLiteral("7")} + nameArgs());
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(QStringLiteral("no node 7")), qPrintable(r.describe()));
        }
        const RunResult r = ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("kill"), QStringLiteral("7")} +
                                nameArgs());
        QVERIFY2(r.err.contains(QStringLiteral("its nodes are 1, 2, 3")), qPrintable(r.describe()));
    }

    void quorumGuardCountsRunningControllers()
    {
        LocalCluster cluster(sharedClusterName(), clustersDir());
        QVERIFY(cluster.checkQuorum({1}, false).ok());
        const Status two = cluster.checkQuorum({1, 2}, false);
        QVERIFY(!two.ok());
        QCOMPARE(cluster.lastRefusal(), LocalCluster::Refusal::NeedsForce);
        QVERIFY2(two.error().message.contains(QStringLiteral("leaves 1 of 3 controllers")),
                 qPrintable(two.error().message));
        QVERIFY(two.error().detail.contains(QStringLiteral("--force")));
        QVERIFY(cluster.checkQuorum({1, 2}, true).ok());
    }

    void durableDefaultsReachNewTopics()
    {
        // Kafka's own TopicCommand, with no partition count or replication factor given.
        const QString topic = uniqueName(QStringLiteral("defaults"));
        const RunResult created = kafkaTool(QStringLiteral("org.apache.kafka.tools.TopicCommand"),
                                            {QStringLiteral("--bootstrap-server"), m_state.bootstrapServers(),
                                             QStringLiteral("--create"), QStringLiteral("--topic"), topic});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        MetadataClient client(m_state.bootstrapServers());
        const qint64 took = waitUntil(
            [&] {
                auto md = client.fetch(5000);
                const TopicInfo *t = md ? md->topic(topic) : nullptr;
                if (!t || t->partitions.size() != 3)
                    return false;
                return std::all_of(t->partitions.cbegin(), t->partitions.cend(), [](const PartitionInfo &p) {
                    return p.replicas.size() == 3 && p.isr.size() == 3 && p.leader > 0;
                });
            },
            20s);
        QVERIFY2(took >= 0, "the topic did not get 3 partitions with 3 in-sync replicas each");
    }
};

QTEST_GUILESS_MAIN(TestSharedCluster)
#include "tst_sharedcluster.moc"
