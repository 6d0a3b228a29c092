#include "cluster/snapshotdiff.h"

#include <QTest>

#include <algorithm>

using namespace kafdesk;

Q_DECLARE_METATYPE(kafdesk::ClusterSnapshot)

namespace {

const QDateTime startTime(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::UTC);

PartitionInfo partitionInfo(int id, int leader, const QList<int> &replicas, const QList<int> &isr)
{
    PartitionInfo p;
    p.id = id;
    p.leader = leader;
    p.replicas = replicas;
    p.isr = isr;
    return p;
}

TopicInfo topicInfo(const QString &name, const QList<PartitionInfo> &partitions)
{
    TopicInfo t;
    t.name = name;
    t.partitions = partitions;
    return t;
}

MetadataSnapshot metadata(const QList<int> &brokerIds, const QList<TopicInfo> &topics = {})
{
    MetadataSnapshot m;
    for (const int id : brokerIds)
        m.brokers << BrokerInfo{id, QStringLiteral("127.0.0.1"), static_cast<quint16>(21000 + id)};
    m.topics = topics;
    m.fetchedAt = startTime;
    return m;
}

// Three brokers; orders has three partitions on all of them, logs one replica on broker 3.
MetadataSnapshot healthy()
{
    return metadata({1, 2, 3}, {topicInfo(QStringLiteral("orders"), {partitionInfo(0, 1, {1, 2, 3}, {1, 2, 3}),
                                                                     partitionInfo(1, 2, {2, 3, 1}, {2, 3, 1}),
                                                                     partitionInfo(2, 3, {3, 1, 2}, {3, 1, 2})}),
                                topicInfo(QStringLiteral("logs"), {partitionInfo(0, 3, {3}, {3})})});
}

// Broker 3 killed and fenced: orders-2 moved to broker 1, logs-0 has no leader (its ISR keeps
// the last member, as Kafka does).
MetadataSnapshot withoutBroker3()
{
    return metadata({1, 2}, {topicInfo(QStringLiteral("orders"), {partitionInfo(0, 1, {1, 2, 3}, {1, 2}),
                                                                  partitionInfo(1, 2, {2, 3, 1}, {2, 1}),
                                                                  partitionInfo(2, 1, {3, 1, 2}, {1, 2})}),
                             topicInfo(QStringLiteral("logs"), {partitionInfo(0, -1, {3}, {3})})});
}

// Broker 3 back and caught up, before the preferred leader election.
MetadataSnapshot broker3Rejoined()
{
    return metadata({1, 2, 3}, {topicInfo(QStringLiteral("orders"), {partitionInfo(0, 1, {1, 2, 3}, {1, 2, 3}),
                                                                     partitionInfo(1, 2, {2, 3, 1}, {2, 1, 3}),
                                                                     partitionInfo(2, 1, {3, 1, 2}, {1, 2, 3})}),
                                topicInfo(QStringLiteral("logs"), {partitionInfo(0, 3, {3}, {3})})});
}

// The snapshot the next poll, five seconds later, builds from `m`.
ClusterSnapshot next(MetadataSnapshot m, const ClusterSnapshot &previous)
{
    m.fetchedAt = previous.takenAt.addSecs(5);
    return ClusterSnapshot::fromMetadata(m, &previous);
}

ClusterSnapshot first(const MetadataSnapshot &m)
{
    return ClusterSnapshot::fromMetadata(m);
}

PartitionInfo &partitionOf(MetadataSnapshot &m, const QString &topic, int id)
{
    for (TopicInfo &t : m.topics)
        if (t.name == topic)
            for (PartitionInfo &p : t.partitions)
                if (p.id == id)
                    return p;
    qFatal("no such partition");
}

void removeTopic(MetadataSnapshot &m, const QString &topic)
{
    m.topics.removeIf([&topic](const TopicInfo &t) { return t.name == topic; });
}

QStringList linesOf(const QList<ReplicationEvent> &events)
{
    QStringList lines;
    for (const ReplicationEvent &e : events)
        lines << kindName(e.kind) + QStringLiteral(": ") + e.description();
    return lines;
}

// The snapshot with every list reversed: what a hand-built, unsorted one may look like.
ClusterSnapshot reversed(ClusterSnapshot s)
{
    std::reverse(s.brokers.begin(), s.brokers.end());
    std::reverse(s.topics.begin(), s.topics.end());
    for (TopicState &t : s.topics)
        std::reverse(t.partitions.begin(), t.partitions.end());
    return s;
}

// 1,000 topics of 10 partitions on three brokers, the replicas rotated; without `deadBroker`,
// every partition it led moved to its next replica and it left every ISR.
MetadataSnapshot largeCluster(int deadBroker = -1)
{
    MetadataSnapshot m = metadata({1, 2, 3});
    m.brokers.removeIf([deadBroker](const BrokerInfo &b) { return b.id == deadBroker; });
    for (int t = 0; t < 1000; ++t) {
        TopicInfo topic;
        topic.name = QStringLiteral("topic-%1").arg(t, 4, 10, QLatin1Char('0'));
        for (int p = 0; p < 10; ++p) {
            const QList<int> replicas{p % 3 + 1, (p + 1) % 3 + 1, (p + 2) % 3 + 1};
            QList<int> isr = replicas;
            isr.removeAll(deadBroker);
            const int leader = replicas.at(0) == deadBroker ? replicas.at(1) : replicas.at(0);
            topic.partitions << partitionInfo(p, leader, replicas, isr);
        }
        m.topics << topic;
    }
    return m;
}

} // namespace

class TestSnapshotDiff : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void events_data()
    {
        QTest::addColumn<ClusterSnapshot>("before");
        QTest::addColumn<ClusterSnapshot>("after");
        QTest::addColumn<QStringList>("expected");

        const ClusterSnapshot start = first(healthy());
        const ClusterSnapshot killed = next(withoutBroker3(), start);
        const ClusterSnapshot rejoined = next(broker3Rejoined(), killed);
        const ClusterSnapshot balanced = next(healthy(), rejoined);

        QTest::newRow("no change") << start << next(healthy(), start) << QStringList();
        {
            MetadataSnapshot m = healthy();
            partitionOf(m, QStringLiteral("orders"), 0).isr = {3, 1, 2};
            QTest::newRow("ISR only reordered") << start << next(m, start) << QStringList();
        }

        QTest::newRow("broker killed")
            << start << killed
            << QStringList{
                   QStringLiteral("BrokerDown: Broker 3 is down"),
                   QStringLiteral("PartitionOffline: logs-0 is offline (no leader)"),
                   QStringLiteral("IsrShrunk: ISR of orders-0 shrank from [1, 2, 3] to [1, 2] (broker 3 left)"),
                   QStringLiteral("UnderReplicatedStarted: orders-0 is under-replicated (ISR [1, 2])"),
                   QStringLiteral("IsrShrunk: ISR of orders-1 shrank from [1, 2, 3] to [1, 2] (broker 3 left)"),
                   QStringLiteral("UnderReplicatedStarted: orders-1 is under-replicated (ISR [1, 2])"),
                   QStringLiteral("LeaderChanged: Leader of orders-2 moved from broker 3 to broker 1"),
                   QStringLiteral("IsrShrunk: ISR of orders-2 shrank from [1, 2, 3] to [1, 2] (broker 3 left)"),
                   QStringLiteral("UnderReplicatedStarted: orders-2 is under-replicated (ISR [1, 2])"),
               };

        QTest::newRow("broker restarted")
            << killed << rejoined
            << QStringList{
                   QStringLiteral("BrokerUp: Broker 3 is up"),
                   QStringLiteral("PartitionOnline: logs-0 is back online, led by broker 3"),
                   QStringLiteral("IsrExpanded: ISR of orders-0 grew from [1, 2] to [1, 2, 3] (broker 3 joined)"),
                   QStringLiteral("UnderReplicatedEnded: orders-0 is fully replicated again (ISR [1, 2, 3])"),
                   QStringLiteral("IsrExpanded: ISR of orders-1 grew from [1, 2] to [1, 2, 3] (broker 3 joined)"),
                   QStringLiteral("UnderReplicatedEnded: orders-1 is fully replicated again (ISR [1, 2, 3])"),
                   QStringLiteral("IsrExpanded: ISR of orders-2 grew from [1, 2] to [1, 2, 3] (broker 3 joined)"),
                   QStringLiteral("UnderReplicatedEnded: orders-2 is fully replicated again (ISR [1, 2, 3])"),
               };

        QTest::newRow("preferred leader elected")
            << rejoined << balanced
            << QStringList{QStringLiteral("LeaderChanged: Leader of orders-2 moved from broker 1 to broker 3")};

        QTest::newRow("two brokers killed at once")
            << start
            << next(metadata({1}, {topicInfo(QStringLiteral("orders"), {partitionInfo(0, 1, {1, 2, 3}, {1}),
                                                                        partitionInfo(1, 1, {2, 3, 1}, {1}),
                                                                        partitionInfo(2, 1, {3, 1, 2}, {1})}),
                                   topicInfo(QStringLiteral("logs"), {partitionInfo(0, -1, {3}, {3})})}),
                    start)
            << QStringList{
                   QStringLiteral("BrokerDown: Broker 2 is down"),
                   QStringLiteral("BrokerDown: Broker 3 is down"),
                   QStringLiteral("PartitionOffline: logs-0 is offline (no leader)"),
                   QStringLiteral("IsrShrunk: ISR of orders-0 shrank from [1, 2, 3] to [1] (broker 2 left)"),
                   QStringLiteral("IsrShrunk: ISR of orders-0 shrank from [1, 2, 3] to [1] (broker 3 left)"),
                   QStringLiteral("UnderReplicatedStarted: orders-0 is under-replicated (ISR [1])"),
                   QStringLiteral("LeaderChanged: Leader of orders-1 moved from broker 2 to broker 1"),
                   QStringLiteral("IsrShrunk: ISR of orders-1 shrank from [1, 2, 3] to [1] (broker 2 left)"),
                   QStringLiteral("IsrShrunk: ISR of orders-1 shrank from [1, 2, 3] to [1] (broker 3 left)"),
                   QStringLiteral("UnderReplicatedStarted: orders-1 is under-replicated (ISR [1])"),
                   QStringLiteral("LeaderChanged: Leader of orders-2 moved from broker 3 to broker 1"),
                   QStringLiteral("IsrShrunk: ISR of orders-2 shrank from [1, 2, 3] to [1] (broker 2 left)"),
                   QStringLiteral("IsrShrunk: ISR of orders-2 shrank from [1, 2, 3] to [1] (broker 3 left)"),
                   QStringLiteral("UnderReplicatedStarted: orders-2 is under-replicated (ISR [1])"),
               };

        {
            // A log directory failure: the broker stays, its only replica of logs-0 does not.
            MetadataSnapshot m = healthy();
            partitionOf(m, QStringLiteral("logs"), 0).leader = -1;
            const ClusterSnapshot offline = next(m, start);
            QTest::newRow("partition offline")
                << start << offline << QStringList{QStringLiteral("PartitionOffline: logs-0 is offline (no leader)")};
            QTest::newRow("partition back online")
                << offline << next(healthy(), offline)
                << QStringList{QStringLiteral("PartitionOnline: logs-0 is back online, led by broker 3")};
        }
        {
            // Back online under another leader (an unclean election): no LeaderChanged as well.
            MetadataSnapshot m = metadata({1, 2}, {topicInfo(QStringLiteral("payments"),
                                                             {partitionInfo(0, -1, {1, 2}, {1})})});
            const ClusterSnapshot offline = first(m);
            partitionOf(m, QStringLiteral("payments"), 0) = partitionInfo(0, 2, {1, 2}, {2});
            QTest::newRow("back online elsewhere")
                << offline << next(m, offline)
                << QStringList{
                       QStringLiteral("PartitionOnline: payments-0 is back online, led by broker 2"),
                       QStringLiteral("IsrShrunk: ISR of payments-0 changed from [1] to [2] (broker 1 left)"),
                       QStringLiteral("IsrExpanded: ISR of payments-0 changed from [1] to [2] (broker 2 joined)"),
                   };
        }

        {
            MetadataSnapshot m = healthy();
            QList<PartitionInfo> partitions;
            for (int p = 0; p < 6; ++p)
                partitions << partitionInfo(p, p % 3 + 1, {p % 3 + 1}, {}); // under-replicated, yet silent
            m.topics << topicInfo(QStringLiteral("payments"), partitions)
                     << topicInfo(QStringLiteral("single"), {partitionInfo(0, 1, {1}, {1})});
            QTest::newRow("topics created")
                << start << next(m, start)
                << QStringList{QStringLiteral("TopicCreated: Topic payments was created with 6 partitions"),
                               QStringLiteral("TopicCreated: Topic single was created with 1 partition")};
        }
        {
            MetadataSnapshot m = healthy();
            removeTopic(m, QStringLiteral("logs"));
            QTest::newRow("topic deleted")
                << start << next(m, start) << QStringList{QStringLiteral("TopicDeleted: Topic logs was deleted")};
        }
        {
            MetadataSnapshot m = healthy();
            removeTopic(m, QStringLiteral("logs"));
            m.topics << topicInfo(QStringLiteral("zeta"), {partitionInfo(0, 1, {1}, {1})})
                     << topicInfo(QStringLiteral("alpha"), {partitionInfo(0, 2, {2}, {2})});
            partitionOf(m, QStringLiteral("orders"), 0).leader = 2;
            QTest::newRow("topic events by name, before partition events")
                << start << next(m, start)
                << QStringList{QStringLiteral("TopicCreated: Topic alpha was created with 1 partition"),
                               QStringLiteral("TopicDeleted: Topic logs was deleted"),
                               QStringLiteral("TopicCreated: Topic zeta was created with 1 partition"),
                               QStringLiteral("LeaderChanged: Leader of orders-0 moved from broker 1 to broker 2")};
        }
        {
            MetadataSnapshot m = healthy();
            m.topics[0].partitions << partitionInfo(3, 1, {1, 2, 3}, {1, 2, 3}) << partitionInfo(4, 2, {2, 3, 1}, {2})
                                   << partitionInfo(5, -1, {3, 1, 2}, {});
            partitionOf(m, QStringLiteral("orders"), 1).leader = 3;
            partitionOf(m, QStringLiteral("logs"), 0).leader = -1;
            QTest::newRow("partitions added")
                << start << next(m, start)
                << QStringList{QStringLiteral("PartitionOffline: logs-0 is offline (no leader)"),
                               QStringLiteral("LeaderChanged: Leader of orders-1 moved from broker 2 to broker 3"),
                               QStringLiteral("PartitionsAdded: Topic orders grew from 3 partitions to 6 partitions")};
        }
        {
            // Reassigning onto broker 5, which is not running: it shows as a down broker, no event.
            MetadataSnapshot m = healthy();
            partitionOf(m, QStringLiteral("orders"), 0).replicas = {1, 2, 3, 5};
            const ClusterSnapshot after = next(m, start);
            QVERIFY(after.broker(5) && !after.broker(5)->alive);
            QTest::newRow("replica-only broker")
                << start << after
                << QStringList{QStringLiteral("UnderReplicatedStarted: orders-0 is under-replicated (ISR [1, 2, 3])")};
        }
        QTest::newRow("broker no longer listed, not remembered")
            << first(metadata({1, 2, 3})) << first(metadata({1, 2}))
            << QStringList{QStringLiteral("BrokerDown: Broker 3 is down")};
        QTest::newRow("new broker")
            << first(metadata({1, 2, 3})) << first(metadata({1, 2, 3, 4}))
            << QStringList{QStringLiteral("BrokerUp: Broker 4 is up")};
        QTest::newRow("from an empty snapshot")
            << ClusterSnapshot() << start
            << QStringList{QStringLiteral("BrokerUp: Broker 1 is up"), QStringLiteral("BrokerUp: Broker 2 is up"),
                           QStringLiteral("BrokerUp: Broker 3 is up"),
                           QStringLiteral("TopicCreated: Topic logs was created with 1 partition"),
                           QStringLiteral("TopicCreated: Topic orders was created with 3 partitions")};
        QTest::newRow("everything gone")
            << start << ClusterSnapshot()
            << QStringList{QStringLiteral("BrokerDown: Broker 1 is down"),
                           QStringLiteral("BrokerDown: Broker 2 is down"),
                           QStringLiteral("BrokerDown: Broker 3 is down"),
                           QStringLiteral("TopicDeleted: Topic logs was deleted"),
                           QStringLiteral("TopicDeleted: Topic orders was deleted")};
        {
            QStringList expected;
            for (const ReplicationEvent &e : diffSnapshots(start, killed))
                expected << kindName(e.kind) + QStringLiteral(": ") + e.description();
            QCOMPARE(expected.size(), 9);
            QTest::newRow("hand-built, unsorted") << reversed(start) << reversed(killed) << expected;
        }
    }

    void events()
    {
        QFETCH(ClusterSnapshot, before);
        QFETCH(ClusterSnapshot, after);
        QFETCH(QStringList, expected);
        const QList<ReplicationEvent> events = diffSnapshots(before, after);
        QCOMPARE(linesOf(events), expected);
        for (const ReplicationEvent &e : events)
            QCOMPARE(e.timestamp, after.takenAt);
    }

    void eventFieldsCarryTheChange()
    {
        const ClusterSnapshot start = first(healthy());
        const ClusterSnapshot killed = next(withoutBroker3(), start);
        const QList<ReplicationEvent> events = diffSnapshots(start, killed);
        QCOMPARE(events.size(), 9);

        const ReplicationEvent &down = events.at(0);
        QCOMPARE(down.kind, ReplicationEvent::Kind::BrokerDown);
        QCOMPARE(down.brokerId, 3);
        QVERIFY(down.topic.isEmpty());
        QCOMPARE(down.partition, -1);
        QVERIFY(down.before.isEmpty() && down.after.isEmpty());
        QCOMPARE(down.timestamp, startTime.addSecs(5));
        QCOMPARE(down.timestamp.timeSpec(), Qt::UTC);

        const ReplicationEvent &offline = events.at(1);
        QCOMPARE(offline.kind, ReplicationEvent::Kind::PartitionOffline);
        QCOMPARE(offline.brokerId, 3);
        QCOMPARE(offline.topic, QStringLiteral("logs"));
        QCOMPARE(offline.partition, 0);
        QCOMPARE(offline.before, QList<int>{3});
        QCOMPARE(offline.after, QList<int>{-1});

        const ReplicationEvent &shrunk = events.at(2);
        QCOMPARE(shrunk.kind, ReplicationEvent::Kind::IsrShrunk);
        QCOMPARE(shrunk.brokerId, 3);
        QCOMPARE(shrunk.partitionName(), QStringLiteral("orders-0"));
        QCOMPARE(shrunk.before, (QList<int>{1, 2, 3}));
        QCOMPARE(shrunk.after, (QList<int>{1, 2}));

        const ReplicationEvent &under = events.at(3);
        QCOMPARE(under.kind, ReplicationEvent::Kind::UnderReplicatedStarted);
        QCOMPARE(under.brokerId, -1);
        QCOMPARE(under.after, (QList<int>{1, 2}));

        const ReplicationEvent &moved = events.at(6);
        QCOMPARE(moved.kind, ReplicationEvent::Kind::LeaderChanged);
        QCOMPARE(moved.brokerId, 1);
        QCOMPARE(moved.topic, QStringLiteral("orders"));
        QCOMPARE(moved.partition, 2);
        QCOMPARE(moved.before, QList<int>{3});
        QCOMPARE(moved.after, QList<int>{1});

        const QList<ReplicationEvent> back = diffSnapshots(killed, next(broker3Rejoined(), killed));
        const ReplicationEvent &online = back.at(1);
        QCOMPARE(online.kind, ReplicationEvent::Kind::PartitionOnline);
        QCOMPARE(online.brokerId, 3);
        QCOMPARE(online.before, QList<int>{-1});
        QCOMPARE(online.after, QList<int>{3});
        for (const ReplicationEvent &e : back)
            QVERIFY(e.kind != ReplicationEvent::Kind::LeaderChanged);

        MetadataSnapshot grown = healthy();
        grown.topics[0].partitions << partitionInfo(3, 1, {1, 2, 3}, {1, 2, 3});
        const QList<ReplicationEvent> added = diffSnapshots(start, next(grown, start));
        QCOMPARE(added.size(), 1);
        QCOMPARE(added.at(0).kind, ReplicationEvent::Kind::PartitionsAdded);
        QCOMPARE(added.at(0).topic, QStringLiteral("orders"));
        QCOMPARE(added.at(0).partition, -1);
        QCOMPARE(added.at(0).brokerId, -1);
        QCOMPARE(added.at(0).before, QList<int>{3});
        QCOMPARE(added.at(0).after, QList<int>{4});
        QCOMPARE(added.at(0).partitionName(), QStringLiteral("orders"));
    }

    void kindNamesRoundTrip()
    {
        const QList<ReplicationEvent::Kind> kinds = allReplicationEventKinds();
        QCOMPARE(kinds.size(), 12);
        QStringList names;
        for (const ReplicationEvent::Kind kind : kinds) {
            const QString name = kindName(kind);
            QVERIFY(!name.isEmpty());
            QVERIFY2(!names.contains(name), qPrintable(name));
            names << name;
            bool ok = false;
            QCOMPARE(replicationEventKindFromName(name, &ok), kind);
            QVERIFY(ok);
        }
        QCOMPARE(kindName(ReplicationEvent::Kind::UnderReplicatedStarted), QStringLiteral("UnderReplicatedStarted"));
        for (const QString &bad : {QString(), QStringLiteral("brokerdown"), QStringLiteral("BrokerDown "),
                                   QStringLiteral("Sideways")}) {
            bool ok = true;
            replicationEventKindFromName(bad, &ok);
            QVERIFY2(!ok, qPrintable(bad));
        }
    }

    void everyKindDescribesItself()
    {
        for (const ReplicationEvent::Kind kind : allReplicationEventKinds()) {
            ReplicationEvent e;
            e.kind = kind;
            e.brokerId = 2;
            e.topic = QStringLiteral("orders");
            e.partition = 1;
            e.before = {1, 2};
            e.after = {1};
            const QString text = e.description();
            QVERIFY2(!text.isEmpty(), qPrintable(kindName(kind)));
            QVERIFY2(!text.contains(QLatin1Char('%')), qPrintable(text));
            const bool aboutBroker =
                kind == ReplicationEvent::Kind::BrokerDown || kind == ReplicationEvent::Kind::BrokerUp;
            QVERIFY2(text.contains(aboutBroker ? QStringLiteral("2") : QStringLiteral("orders")), qPrintable(text));
        }
        // Events read back from a file may lack the lists.
        ReplicationEvent bare;
        bare.kind = ReplicationEvent::Kind::TopicCreated;
        bare.topic = QStringLiteral("orders");
        QCOMPARE(bare.description(), QStringLiteral("Topic orders was created"));
        bare.kind = ReplicationEvent::Kind::LeaderChanged;
        bare.partition = 0;
        bare.brokerId = 4;
        QCOMPARE(bare.description(), QStringLiteral("Leader of orders-0 moved from no leader to broker 4"));
    }

    void largeClusterDiffsLinearly()
    {
        const ClusterSnapshot whole = first(largeCluster());
        QCOMPARE(whole.partitionCount(), 10000);
        QVERIFY(diffSnapshots(whole, next(largeCluster(), whole)).isEmpty());

        const ClusterSnapshot broken = next(largeCluster(3), whole);
        QCOMPARE(broken.underReplicatedCount(), 10000);
        // Broker 3 down; per partition an ISR shrink and under-replication; per topic three
        // partitions (2, 5, 8) that broker 3 led get a new leader.
        const QList<ReplicationEvent> events = diffSnapshots(whole, broken);
        QCOMPARE(events.size(), 1 + 1000 * (10 * 2 + 3));
        QCOMPARE(linesOf(events.mid(0, 3)),
                 (QStringList{QStringLiteral("BrokerDown: Broker 3 is down"),
                              QStringLiteral("IsrShrunk: ISR of topic-0000-0 shrank from [1, 2, 3] to [1, 2] "
                                             "(broker 3 left)"),
                              QStringLiteral("UnderReplicatedStarted: topic-0000-0 is under-replicated "
                                             "(ISR [1, 2])")}));
        QCOMPARE(events.constLast().partitionName(), QStringLiteral("topic-0999-9"));

        const QList<ReplicationEvent> healed = diffSnapshots(broken, next(largeCluster(), broken));
        QCOMPARE(healed.size(), 1 + 1000 * (10 * 2 + 3));
        QCOMPARE(healed.at(0).kind, ReplicationEvent::Kind::BrokerUp);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotDiff)
#include "tst_snapshotdiff.moc"
