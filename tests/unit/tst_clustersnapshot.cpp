#include "cluster/clustersnapshot.h"

#include <QTest>

#include <algorithm>

using namespace kafdesk;

namespace {

const QDateTime fetchTime(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::UTC);

BrokerInfo brokerInfo(int id)
{
    return BrokerInfo{id, QStringLiteral("127.0.0.1"), static_cast<quint16>(21000 + id)};
}

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
        m.brokers << brokerInfo(id);
    m.topics = topics;
    m.fetchedAt = fetchTime;
    return m;
}

QList<int> brokerIdsOf(const ClusterSnapshot &s)
{
    QList<int> ids;
    for (const BrokerState &b : s.brokers)
        ids << b.id;
    return ids;
}

QStringList topicNamesOf(const ClusterSnapshot &s)
{
    QStringList names;
    for (const TopicState &t : s.topics)
        names << t.name;
    return names;
}

} // namespace

class TestClusterSnapshot : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void listedBrokersAreAliveAndSorted()
    {
        const ClusterSnapshot s = ClusterSnapshot::fromMetadata(metadata({3, 1, 2}));
        QCOMPARE(brokerIdsOf(s), (QList<int>{1, 2, 3}));
        for (const BrokerState &b : s.brokers)
            QVERIFY(b.alive);
        QCOMPARE(s.aliveBrokerIds(), (QList<int>{1, 2, 3}));
        QVERIFY(s.broker(2));
        QCOMPARE(s.broker(2)->address(), QStringLiteral("127.0.0.1:21002"));
        QVERIFY(!s.broker(4));
    }

    void missingBrokersAreRememberedAsDown()
    {
        const ClusterSnapshot first = ClusterSnapshot::fromMetadata(metadata({1, 2, 3}));
        const ClusterSnapshot second = ClusterSnapshot::fromMetadata(metadata({1, 3}), &first);
        QCOMPARE(brokerIdsOf(second), (QList<int>{1, 2, 3}));
        QCOMPARE(second.aliveBrokerIds(), (QList<int>{1, 3}));
        const BrokerState *down = second.broker(2);
        QVERIFY(down);
        QVERIFY(!down->alive);
        QCOMPARE(down->address(), QStringLiteral("127.0.0.1:21002")); // the last known address stays

        // Still down a poll later, and up again once listed.
        const ClusterSnapshot third = ClusterSnapshot::fromMetadata(metadata({1, 3}), &second);
        QCOMPARE(brokerIdsOf(third), (QList<int>{1, 2, 3}));
        QVERIFY(!third.broker(2)->alive);
        MetadataSnapshot back = metadata({1, 2, 3});
        back.brokers[1].port = 23002; // restarted on another port
        const ClusterSnapshot fourth = ClusterSnapshot::fromMetadata(back, &third);
        QCOMPARE(fourth.aliveBrokerIds(), (QList<int>{1, 2, 3}));
        QCOMPARE(fourth.broker(2)->port, quint16(23002));
        QCOMPARE(fourth.brokers.size(), 3);

        // Without a previous snapshot there is nothing to remember.
        QCOMPARE(brokerIdsOf(ClusterSnapshot::fromMetadata(metadata({1, 3}))), (QList<int>{1, 3}));
    }

    void replicaOnlyBrokersAreAddedAsDown()
    {
        const ClusterSnapshot s = ClusterSnapshot::fromMetadata(metadata(
            {1, 2}, {topicInfo(QStringLiteral("orders"), {partitionInfo(0, 1, {1, 2, 5}, {1, 2}),
                                                          partitionInfo(1, 2, {2, 5, 4}, {2})})}));
        QCOMPARE(brokerIdsOf(s), (QList<int>{1, 2, 4, 5}));
        QCOMPARE(s.aliveBrokerIds(), (QList<int>{1, 2}));
        const BrokerState *unknown = s.broker(5);
        QVERIFY(unknown);
        QVERIFY(!unknown->alive);
        QVERIFY(unknown->host.isEmpty());
        QCOMPARE(unknown->port, quint16(0));

        // A broker both remembered and holding replicas is listed once, with its known address.
        const ClusterSnapshot earlier = ClusterSnapshot::fromMetadata(metadata({1, 2, 5}));
        const ClusterSnapshot later = ClusterSnapshot::fromMetadata(
            metadata({1, 2}, {topicInfo(QStringLiteral("orders"), {partitionInfo(0, 1, {1, 2, 5}, {1, 2})})}),
            &earlier);
        QCOMPARE(brokerIdsOf(later), (QList<int>{1, 2, 5}));
        QCOMPARE(later.broker(5)->address(), QStringLiteral("127.0.0.1:21005"));
        QVERIFY(!later.broker(5)->alive);
    }

    void offlineReplicasAreOnBrokersNotAlive()
    {
        const ClusterSnapshot first = ClusterSnapshot::fromMetadata(metadata({1, 2, 3}));
        const ClusterSnapshot s = ClusterSnapshot::fromMetadata(
            metadata({1}, {topicInfo(QStringLiteral("orders"), {partitionInfo(0, 1, {3, 1, 2}, {1}),
                                                                partitionInfo(1, 1, {1}, {1}),
                                                                partitionInfo(2, -1, {2, 3}, {2})})}),
            &first);
        const TopicState *orders = s.topic(QStringLiteral("orders"));
        QVERIFY(orders);
        QCOMPARE(orders->partition(0)->offlineReplicas, (QList<int>{3, 2})); // in replica order
        QVERIFY(orders->partition(1)->offlineReplicas.isEmpty());
        QCOMPARE(orders->partition(2)->offlineReplicas, (QList<int>{2, 3}));
        QCOMPARE(s.offlineReplicaCount(), 4);
    }

    void countsPerTopicAndCluster()
    {
        const ClusterSnapshot s = ClusterSnapshot::fromMetadata(metadata(
            {1, 2}, {topicInfo(QStringLiteral("orders"), {partitionInfo(0, 1, {1, 2, 3}, {1, 2}),
                                                          partitionInfo(1, 2, {2, 3, 1}, {2, 1}),
                                                          partitionInfo(2, 1, {1, 2}, {1, 2})}),
                     topicInfo(QStringLiteral("logs"), {partitionInfo(0, -1, {3}, {3}), partitionInfo(1, 1, {1}, {1})}),
                     topicInfo(QStringLiteral("empty"), {})}));
        const TopicState *orders = s.topic(QStringLiteral("orders"));
        const TopicState *logs = s.topic(QStringLiteral("logs"));
        const TopicState *empty = s.topic(QStringLiteral("empty"));
        QVERIFY(orders && logs && empty);
        QCOMPARE(orders->underReplicatedCount(), 2);
        QCOMPARE(orders->offlineCount(), 0);
        QCOMPARE(logs->underReplicatedCount(), 0); // its ISR still names the dead leader
        QCOMPARE(logs->offlineCount(), 1);
        QVERIFY(logs->partition(0)->isOffline());
        QCOMPARE(empty->underReplicatedCount(), 0);
        QCOMPARE(s.partitionCount(), 5);
        QCOMPARE(s.underReplicatedCount(), 2);
        QCOMPARE(s.offlineCount(), 1);
        QCOMPARE(s.offlineReplicaCount(), 3);
        QCOMPARE(ClusterSnapshot().partitionCount(), 0);
    }

    void replicationFactor()
    {
        const ClusterSnapshot s = ClusterSnapshot::fromMetadata(metadata(
            {1, 2, 3}, {topicInfo(QStringLiteral("first-wins"),
                                  {partitionInfo(0, 1, {1, 2}, {1, 2}), partitionInfo(1, 2, {2, 3, 1}, {2, 3, 1})}),
                        topicInfo(QStringLiteral("no-zero"),
                                  {partitionInfo(2, 1, {1, 2, 3}, {1}), partitionInfo(1, 1, {1}, {1})}),
                        topicInfo(QStringLiteral("empty"), {})}));
        QCOMPARE(s.topic(QStringLiteral("first-wins"))->replicationFactor(), 2);
        QCOMPARE(s.topic(QStringLiteral("no-zero"))->replicationFactor(), 3);
        QCOMPARE(s.topic(QStringLiteral("empty"))->replicationFactor(), 0);
    }

    void internalTopics_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("internal");
        QTest::newRow("offsets") << QStringLiteral("__consumer_offsets") << true;
        QTest::newRow("transactions") << QStringLiteral("__transaction_state") << true;
        QTest::newRow("share groups") << QStringLiteral("__share_group_state") << true;
        QTest::newRow("one underscore") << QStringLiteral("_schemas") << false;
        QTest::newRow("plain") << QStringLiteral("orders") << false;
        QTest::newRow("inner underscores") << QStringLiteral("orders__v2") << false;
    }

    void internalTopics()
    {
        QFETCH(QString, name);
        QFETCH(bool, internal);
        const ClusterSnapshot s =
            ClusterSnapshot::fromMetadata(metadata({1}, {topicInfo(name, {partitionInfo(0, 1, {1}, {1})})}));
        QVERIFY(s.topic(name));
        QCOMPARE(s.topic(name)->internal, internal);
    }

    void topicsAndPartitionsAreSortedAndFound()
    {
        QList<TopicInfo> topics;
        for (int i = 1499; i >= 0; --i) {
            QList<PartitionInfo> partitions;
            for (int p = 2; p >= 0; --p)
                partitions << partitionInfo(p, 1, {1}, {1});
            topics << topicInfo(QStringLiteral("topic-%1").arg(i, 4, 10, QLatin1Char('0')), partitions);
        }
        std::rotate(topics.begin(), topics.begin() + 700, topics.end()); // neither sorted nor reversed
        const ClusterSnapshot s = ClusterSnapshot::fromMetadata(metadata({1}, topics));

        const QStringList names = topicNamesOf(s);
        QCOMPARE(names.size(), 1500);
        QVERIFY(std::is_sorted(names.cbegin(), names.cend()));
        QVERIFY(s.isNormalized());
        for (int i = 0; i < 1500; ++i) {
            const QString name = QStringLiteral("topic-%1").arg(i, 4, 10, QLatin1Char('0'));
            const TopicState *t = s.topic(name);
            QVERIFY2(t, qPrintable(name));
            QCOMPARE(t->name, name);
        }
        QVERIFY(!s.topic(QString()));
        QVERIFY(!s.topic(QStringLiteral("a")));
        QVERIFY(!s.topic(QStringLiteral("topic-0500x")));
        QVERIFY(!s.topic(QStringLiteral("zzz")));
        QVERIFY(!ClusterSnapshot().topic(QStringLiteral("orders")));

        const TopicState *t = s.topic(QStringLiteral("topic-0042"));
        QCOMPARE(t->partitions.size(), 3);
        for (int p = 0; p < 3; ++p) {
            QCOMPARE(t->partitions.at(p).id, p);
            QVERIFY(t->partition(p));
            QCOMPARE(t->partition(p)->id, p);
        }
        QVERIFY(!t->partition(-1));
        QVERIFY(!t->partition(3));
    }

    void partitionLookupWithGaps()
    {
        const ClusterSnapshot s = ClusterSnapshot::fromMetadata(metadata(
            {1}, {topicInfo(QStringLiteral("gaps"), {partitionInfo(7, 1, {1}, {1}), partitionInfo(1, 1, {1}, {1}),
                                                     partitionInfo(4, 1, {1}, {1})})}));
        const TopicState *t = s.topic(QStringLiteral("gaps"));
        QVERIFY(t->partition(1) && t->partition(4) && t->partition(7));
        QCOMPARE(t->partition(4)->id, 4);
        QVERIFY(!t->partition(0));
        QVERIFY(!t->partition(2));
        QVERIFY(!t->partition(8));
    }

    void fieldsAreCopied()
    {
        MetadataSnapshot m =
            metadata({1, 2}, {topicInfo(QStringLiteral("orders"), {partitionInfo(0, 2, {2, 1}, {2})})});
        m.topics[0].error = QStringLiteral("Local: Unknown partition");
        m.topics[0].partitions[0].error = QStringLiteral("REPLICA_NOT_AVAILABLE");
        const ClusterSnapshot s = ClusterSnapshot::fromMetadata(m);
        const TopicState *t = s.topic(QStringLiteral("orders"));
        QCOMPARE(t->error, QStringLiteral("Local: Unknown partition"));
        const PartitionState *p = t->partition(0);
        QCOMPARE(p->leader, 2);
        QCOMPARE(p->replicas, (QList<int>{2, 1}));
        QCOMPARE(p->isr, (QList<int>{2}));
        QCOMPARE(p->error, QStringLiteral("REPLICA_NOT_AVAILABLE"));
        QVERIFY(p->offlineReplicas.isEmpty());
        QVERIFY(p->isUnderReplicated());
    }

    void takenAtIsUtc()
    {
        MetadataSnapshot m = metadata({1});
        m.fetchedAt = QDateTime(QDate(2026, 12, 1), QTime(12, 0, 0), Qt::OffsetFromUTC, 2 * 3600);
        const ClusterSnapshot s = ClusterSnapshot::fromMetadata(m);
        QCOMPARE(s.takenAt.timeSpec(), Qt::UTC);
        QCOMPARE(s.takenAt, QDateTime(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::UTC));

        m.fetchedAt = QDateTime();
        const QDateTime start = QDateTime::currentDateTimeUtc();
        const ClusterSnapshot now = ClusterSnapshot::fromMetadata(m);
        QVERIFY(now.takenAt.isValid());
        QCOMPARE(now.takenAt.timeSpec(), Qt::UTC);
        QVERIFY(now.takenAt >= start);
    }

    void duplicatesKeepTheFirst()
    {
        MetadataSnapshot m = metadata({1, 2, 1}, {topicInfo(QStringLiteral("orders"), {partitionInfo(0, 1, {1}, {1}),
                                                                                       partitionInfo(0, 2, {2}, {2})}),
                                                  topicInfo(QStringLiteral("orders"), {})});
        m.brokers[2].port = 29999;
        const ClusterSnapshot s = ClusterSnapshot::fromMetadata(m);
        QCOMPARE(brokerIdsOf(s), (QList<int>{1, 2}));
        QCOMPARE(s.broker(1)->port, quint16(21001));
        QCOMPARE(topicNamesOf(s), QStringList{QStringLiteral("orders")});
        QCOMPARE(s.topic(QStringLiteral("orders"))->partitions.size(), 1);
        QCOMPARE(s.topic(QStringLiteral("orders"))->partition(0)->leader, 1);
    }

    void normalizeSortsHandBuiltSnapshots()
    {
        ClusterSnapshot s;
        s.brokers << BrokerState{3, {}, 0, true} << BrokerState{1, {}, 0, true} << BrokerState{3, {}, 0, false};
        TopicState b;
        b.name = QStringLiteral("b");
        PartitionState p1;
        p1.id = 1;
        PartitionState p0;
        p0.id = 0;
        b.partitions << p1 << p0;
        TopicState a;
        a.name = QStringLiteral("a");
        s.topics << b << a;
        QVERIFY(!s.isNormalized());

        s.normalize();
        QVERIFY(s.isNormalized());
        QCOMPARE(brokerIdsOf(s), (QList<int>{1, 3}));
        QVERIFY(s.broker(3)->alive);
        QCOMPARE(topicNamesOf(s), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(s.topic(QStringLiteral("b"))->partitions.at(0).id, 0);
        QVERIFY(ClusterSnapshot().isNormalized());
    }
};

QTEST_GUILESS_MAIN(TestClusterSnapshot)
#include "tst_clustersnapshot.moc"
