// Breaking brokers of a cluster of the test's own, beside the shared one: kill, restart, pause,
// resume and controlled shutdown, each seen through librdkafka (and kcat) as Kafka reports it.

#include "cluster/clustersession.h"
#include "local/processtable.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

#include <QDir>
#include <QRegularExpression>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

// broker.session.timeout.ms of the bundled cluster, and what fencing may take beyond it on a
// loaded two-core machine (the controller checks sessions periodically, metadata propagates).
constexpr auto sessionTimeout = 3000ms;
constexpr auto fencingMargin = 3000ms;
// When the broken node is also the active controller, the other voters elect a new one first
// (controller.quorum.election.timeout.ms and fetch timeout at their defaults: about 2 to 3 s).
constexpr auto controllerElection = 3000ms;

bool anyLedBy(const TopicInfo &t, int broker)
{
    return std::any_of(t.partitions.cbegin(), t.partitions.cend(), [&](const PartitionInfo &p) { return p.leader == broker; });
}

bool allIsrsFull(const TopicInfo &t, int size)
{
    return !t.partitions.isEmpty() && std::all_of(t.partitions.cbegin(), t.partitions.cend(), [&](const PartitionInfo &p) {
        return p.isr.size() == size && p.leader > 0;
    });
}

} // namespace

class TestFailover : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<OwnCluster> m_own;
    std::unique_ptr<MetadataClient> m_client;
    std::unique_ptr<ClusterSession> m_session;
    QList<ReplicationEvent> m_events;

    // Whether the session reported an event of `kind` (for `broker`, or any when -1) since the last clear.
    bool sawEvent(ReplicationEvent::Kind kind, int broker = -1) const
    {
        return std::any_of(m_events.cbegin(), m_events.cend(), [&](const ReplicationEvent &e) {
            return e.kind == kind && (broker < 0 || e.brokerId == broker) && (e.topic.isEmpty() || e.topic == m_topic ||
                                                                              kind == ReplicationEvent::Kind::BrokerDown ||
                                                                              kind == ReplicationEvent::Kind::BrokerUp);
        });
    }
    QString m_topic = uniqueName(QStringLiteral("failover"));

    QStringList nameArgs() const { return {QStringLiteral("--name"), m_own->name()}; }

    RunResult ctlVerb(const QString &verb, int node, const QStringList &extra = {})
    {
        QStringList args{QStringLiteral("cluster"), verb};
        if (node > 0)
            args << QString::number(node);
        return ctl(args + nameArgs() + extra + QStringList{QStringLiteral("-q")});
    }

    std::optional<MetadataSnapshot> metadata()
    {
        auto md = m_client->fetch(2000);
        if (!md)
            return std::nullopt;
        return md.value();
    }

    // How long until metadata lists exactly `ids`, or -1.
    qint64 waitForBrokerIds(const QList<int> &ids, std::chrono::milliseconds timeout)
    {
        return waitUntil(
            [&] {
                const auto md = metadata();
                return md && md->brokerIds() == ids;
            },
            timeout, 25);
    }

    std::optional<TopicInfo> topic()
    {
        const auto md = metadata();
        const TopicInfo *t = md ? md->topic(m_topic) : nullptr;
        if (!t)
            return std::nullopt;
        return *t;
    }

    // The active controller, as Kafka's own MetadataQuorumCommand reports it (librdkafka 2.0.2's
    // controller id is a random broker on KRaft).
    int activeController()
    {
        const RunResult r = kafkaTool(QStringLiteral("org.apache.kafka.tools.MetadataQuorumCommand"),
                                      {QStringLiteral("--bootstrap-server"), m_own->bootstrap(),
                                       QStringLiteral("describe"), QStringLiteral("--status")});
        static const QRegularExpression leader(QStringLiteral("LeaderId:\\s+(\\d+)"));
        const auto m = leader.match(r.out);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

    // How long fencing `node` may take: the session timeout, an election if it leads the quorum,
    // and a margin.
    std::chrono::milliseconds fencingLimit(int node)
    {
        const int controller = activeController();
        qInfo("active controller: node %d", controller);
        return sessionTimeout + fencingMargin + (controller == node ? controllerElection : 0ms);
    }

    QString nodeState(int id)
    {
        const RunResult r = ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("status"), QStringLiteral("--json")} +
                                nameArgs());
        const QJsonArray nodes = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QStringLiteral("nodes")).toArray();
        for (const QJsonValue &n : nodes)
            if (n.toObject().value(QStringLiteral("id")).toInt() == id)
                return n.toObject().value(QStringLiteral("state")).toString();
        return {};
    }

private Q_SLOTS:
    // Each step starts from a whole cluster, so one failure does not cascade into the next.
    void init()
    {
        if (!m_own || !m_own->cluster().exists())
            return;
        auto seen = m_own->cluster().observe();
        QVERIFY(seen.ok());
        for (const NodeObservation &o : seen.value()) {
            Status s = ok();
            if (o.status == NodeStatus::Paused)
                s = m_own->cluster().resumeNode(o.recorded.id);
            else if (o.status != NodeStatus::Running)
                s = m_own->cluster().startNode(o.recorded.id);
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().fullText()));
        }
    }

    void initTestCase()
    {
        m_own = std::make_unique<OwnCluster>(QStringLiteral("failover"));
        const RunResult started = ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("start"),
                                                  QStringLiteral("-q")} + nameArgs());
        QVERIFY2(started.exitCode == 0, qPrintable(started.describe()));
        QVERIFY(started.out.startsWith(QStringLiteral("bootstrap=127.0.0.1:")));
        m_client = std::make_unique<MetadataClient>(m_own->bootstrap());
        const RunResult created = kafkaTool(QStringLiteral("org.apache.kafka.tools.TopicCommand"),
                                            {QStringLiteral("--bootstrap-server"), m_own->bootstrap(),
                                             QStringLiteral("--create"), QStringLiteral("--topic"), m_topic,
                                             QStringLiteral("--partitions"), QStringLiteral("6"),
                                             QStringLiteral("--replication-factor"), QStringLiteral("3")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        QVERIFY(waitUntil([&] { const auto t = topic(); return t && allIsrsFull(*t, 3); }, 20s) >= 0);

        // The session that turns snapshots into replication events, as the GUI's timeline will.
        m_session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(m_own->bootstrap()));
        m_session->setPollInterval(500);
        connect(m_session.get(), &ClusterSession::replicationEvents, this,
                [this](const QList<ReplicationEvent> &events) { m_events += events; });
        QSignalSpy first(m_session.get(), &ClusterSession::snapshotReady);
        m_session->start();
        QVERIFY(first.wait(15000));
    }

    void twoClustersSideBySide()
    {
        const ClusterState shared = sharedClusterState();
        auto own = m_own->cluster().state();
        QVERIFY(own.ok());
        QSet<quint16> sharedPorts;
        for (const NodeState &n : shared.nodes)
            sharedPorts << n.brokerPort << n.controllerPort;
        for (const NodeState &n : own->nodes) {
            QVERIFY(!sharedPorts.contains(n.brokerPort));
            QVERIFY(!sharedPorts.contains(n.controllerPort));
        }
        QVERIFY(shared.clusterId != own->clusterId);
        QCOMPARE(kcatBrokerIds(shared.bootstrapServers()), (QList<int>{1, 2, 3}));
        QCOMPARE(kcatBrokerIds(own->bootstrapServers()), (QList<int>{1, 2, 3}));
        // Each answers as its own cluster: the other's brokers are not listed.
        MetadataClient sharedClient(shared.bootstrapServers());
        auto sharedMd = sharedClient.fetch(5000);
        QVERIFY(sharedMd.ok());
        QVERIFY(!sharedMd->topic(m_topic));
    }

    void killIsFencedWithinTheSessionTimeout()
    {
        QCOMPARE(waitForBrokerIds({1, 2, 3}, 10s) >= 0, true);
        const auto limit = fencingLimit(3);
        QTest::qWait(600);
        m_events.clear();
        const auto led = topic();
        const bool anyLedByBefore3 = led && anyLedBy(*led, 3);
        QVERIFY2(anyLedByBefore3, "broker 3 leads no partition of the test topic");
        QElapsedTimer sinceKill;
        sinceKill.start();
        const RunResult killed = ctlVerb(QStringLiteral("kill"), 3);
        QVERIFY2(killed.exitCode == 0, qPrintable(killed.describe()));
        const qint64 fencedAfter = waitForBrokerIds({1, 2}, limit);
        QVERIFY2(fencedAfter >= 0, "metadata still lists broker 3 after the session timeout and margin");
        qInfo("SIGKILL to 2 brokers in metadata: %lld ms", sinceKill.elapsed());
        QCOMPARE(kcatBrokerIds(m_own->bootstrap()), (QList<int>{1, 2}));
        QCOMPARE(nodeState(3), QStringLiteral("killed"));

        // Leaders move off the dead broker and it leaves every ISR; it stays a replica.
        QVERIFY(waitUntil([&] {
                    const auto t = topic();
                    return t && !anyLedBy(*t, 3) && allIsrsFull(*t, 2);
                }, 10s) >= 0);
        const auto t = topic();
        for (const PartitionInfo &p : t->partitions) {
            QVERIFY(p.replicas.contains(3));
            QVERIFY(!p.isr.contains(3));
        }
        // SnapshotDiff saw it happen: the broker went down, leaders moved off it, ISRs shrank.
        QTRY_VERIFY_WITH_TIMEOUT(sawEvent(ReplicationEvent::Kind::BrokerDown, 3), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(sawEvent(ReplicationEvent::Kind::IsrShrunk, 3), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(sawEvent(ReplicationEvent::Kind::UnderReplicatedStarted), 10000);
        if (anyLedByBefore3)
            QTRY_VERIFY_WITH_TIMEOUT(sawEvent(ReplicationEvent::Kind::LeaderChanged), 10000);
    }

    void restartRejoinsAndIsrsReexpand()
    {
        m_events.clear();
        const RunResult restarted = ctlVerb(QStringLiteral("restart"), 3);
        QVERIFY2(restarted.exitCode == 0, qPrintable(restarted.describe()));
        QVERIFY(waitForBrokerIds({1, 2, 3}, 5s) >= 0);
        QCOMPARE(kcatBrokerIds(m_own->bootstrap()), (QList<int>{1, 2, 3}));
        QCOMPARE(nodeState(3), QStringLiteral("running"));
        const qint64 reexpanded = waitUntil([&] { const auto t = topic(); return t && allIsrsFull(*t, 3); }, 40s, 200);
        QVERIFY2(reexpanded >= 0, "the ISRs did not grow back to 3");
        QTRY_VERIFY_WITH_TIMEOUT(sawEvent(ReplicationEvent::Kind::BrokerUp, 3), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(sawEvent(ReplicationEvent::Kind::IsrExpanded, 3), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(sawEvent(ReplicationEvent::Kind::UnderReplicatedEnded), 10000);
        qInfo("ISRs back to 3 replicas %lld ms after the restart returned", reexpanded);
    }

    void pausedNodeIsFencedAndReturnsOnResume()
    {
        const auto limit = fencingLimit(2);
        QElapsedTimer sincePause;
        sincePause.start();
        const RunResult paused = ctlVerb(QStringLiteral("pause"), 2);
        QVERIFY2(paused.exitCode == 0, qPrintable(paused.describe()));
        QCOMPARE(nodeState(2), QStringLiteral("paused"));
        QVERIFY2(waitForBrokerIds({1, 3}, limit) >= 0, "the paused broker was not fenced");
        qInfo("SIGSTOP to fenced: %lld ms", sincePause.elapsed());
        // Its process is still there, only frozen.
        QVERIFY(waitUntil([&] { const auto t = topic(); return t && !anyLedBy(*t, 2); }, 10s) >= 0);

        const RunResult resumed = ctlVerb(QStringLiteral("resume"), 2);
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.describe()));
        QVERIFY(waitForBrokerIds({1, 2, 3}, 5s) >= 0);
        QCOMPARE(nodeState(2), QStringLiteral("running"));
        QVERIFY(waitUntil([&] { const auto t = topic(); return t && allIsrsFull(*t, 3); }, 40s, 200) >= 0);
    }

    void controlledShutdownMovesLeadershipAtOnce()
    {
        QVERIFY2(waitUntil([&] { const auto t = topic(); return t && anyLedBy(*t, 1); }, 40s, 200) >= 0,
                 "broker 1 leads no partition to move");
        QElapsedTimer sinceStop;
        sinceStop.start();
        const RunResult stopped = ctlVerb(QStringLiteral("stop"), 1);
        QVERIFY2(stopped.exitCode == 0, qPrintable(stopped.describe()));
        const qint64 stopTook = sinceStop.elapsed();
        // No session timeout to wait for: by the time the process is gone, it leads nothing.
        const auto t = topic();
        QVERIFY(t.has_value());
        QVERIFY2(!anyLedBy(*t, 1), "broker 1 still leads a partition after its controlled shutdown");
        QVERIFY(std::all_of(t->partitions.cbegin(), t->partitions.cend(),
                            [](const PartitionInfo &p) { return p.leader > 0 && !p.isr.contains(1); }));
        QCOMPARE(metadata()->brokerIds(), (QList<int>{2, 3}));
        qInfo("controlled shutdown of broker 1 took %lld ms", stopTook);
        QCOMPARE(nodeState(1), QStringLiteral("stopped"));
    }

    void majorityLossNeedsForce()
    {
        // With node 1 stopped, taking node 2 too would leave 1 of 3 controllers.
        const RunResult first = ctlVerb(QStringLiteral("stop"), 1);
        QVERIFY2(first.exitCode == 0, qPrintable(first.describe()));
        const RunResult refused = ctlVerb(QStringLiteral("kill"), 2);
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains(QStringLiteral("controller quorum needs 2")), qPrintable(refused.describe()));
        QVERIFY(refused.err.contains(QStringLiteral("--force")));
        QCOMPARE(nodeState(2), QStringLiteral("running"));
        const RunResult pauseRefused = ctlVerb(QStringLiteral("pause"), 3);
        QCOMPARE(pauseRefused.exitCode, 3);

        const RunResult started = ctlVerb(QStringLiteral("start"), 1);
        QVERIFY2(started.exitCode == 0, qPrintable(started.describe()));
        QVERIFY(waitForBrokerIds({1, 2, 3}, 5s) >= 0);
    }

    void resetWipesEverything()
    {
        const QString before = m_own->cluster().state()->clusterId;
        const RunResult reset = ctlVerb(QStringLiteral("reset"), 0);
        QVERIFY2(reset.exitCode == 0, qPrintable(reset.describe()));
        auto after = m_own->cluster().state();
        QVERIFY(after.ok());
        QVERIFY(after->clusterId != before);
        // It ran before, so it runs again: fresh, without the test's topic.
        QVERIFY(waitForBrokerIds({1, 2, 3}, 10s) >= 0);
        const auto md = metadata();
        QVERIFY(md.has_value());
        QVERIFY(!md->topic(m_topic));
    }

    void downLeavesNoProcess()
    {
        m_session.reset();
        const QString marker = m_own->cluster().paths().clusterMarker();
        QCOMPARE(processtable::findByMarker(marker).size(), 3);
        m_client.reset();
        const RunResult down = ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("down"), QStringLiteral("-q")} +
                                   nameArgs());
        QVERIFY2(down.exitCode == 0, qPrintable(down.describe()));
        QVERIFY(processtable::findByMarker(marker).isEmpty());
        QVERIFY(!QDir(m_own->cluster().paths().dir()).exists());
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_client.reset();
        m_own.reset();
    }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"
