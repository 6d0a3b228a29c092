#include "models/brokertablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace kafdesk;

namespace {

MetadataSnapshot snapshotOf(const QList<int> &ids)
{
    MetadataSnapshot s;
    for (const int id : ids)
        s.brokers << BrokerInfo{id, QStringLiteral("127.0.0.1"), static_cast<quint16>(21000 + id)};
    return s;
}

// Brokers 1..3 alive unless listed in `down`, and one topic whose partitions are given as
// (leader, replicas...) lists.
ClusterSnapshot clusterOf(const QList<QList<int>> &partitions, const QList<int> &down = {})
{
    ClusterSnapshot s;
    for (int id = 1; id <= 3; ++id)
        s.brokers << BrokerState{id, QStringLiteral("127.0.0.1"), static_cast<quint16>(21000 + id), !down.contains(id)};
    TopicState t{QStringLiteral("t"), false, {}, {}};
    for (int p = 0; p < partitions.size(); ++p) {
        PartitionState ps;
        ps.id = p;
        ps.leader = partitions.at(p).first();
        ps.replicas = partitions.at(p).mid(1);
        ps.isr = ps.replicas;
        t.partitions << ps;
    }
    s.topics << t;
    return s;
}

QList<int> column(const BrokerTableModel &model, int c)
{
    QList<int> values;
    for (int r = 0; r < model.rowCount(); ++r)
        values << model.index(r, c).data().toInt();
    return values;
}

} // namespace

class TestBrokerTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void expectedBrokersStartDown()
    {
        BrokerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExpectedBrokers(snapshotOf({3, 1, 2}).brokers);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.aliveCount(), 0);
        QCOMPARE(model.index(0, BrokerTableModel::IdColumn).data().toInt(), 1);
        QCOMPARE(model.index(2, BrokerTableModel::AddressColumn).data().toString(), QStringLiteral("127.0.0.1:21003"));
        QCOMPARE(model.index(0, BrokerTableModel::StateColumn).data().toString(), QStringLiteral("down"));
    }

    void snapshotsMergeWithoutReset()
    {
        BrokerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExpectedBrokers(snapshotOf({1, 2, 3}).brokers);
        model.applySnapshot(snapshotOf({1, 2, 3}));
        QCOMPARE(model.aliveCount(), 3);

        const QPersistentModelIndex third = model.index(2, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applySnapshot(snapshotOf({1, 2})); // broker 3 killed: it stays, marked down
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.aliveCount(), 2);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(changed.count(), 1);
        QVERIFY(third.isValid());
        QCOMPARE(third.row(), 2);
        QCOMPARE(model.index(2, BrokerTableModel::StateColumn).data().toString(), QStringLiteral("down"));
        QCOMPARE(model.index(2, 0).data(BrokerTableModel::AliveRole).toBool(), false);

        model.applySnapshot(snapshotOf({1, 2, 3}));
        QCOMPARE(model.aliveCount(), 3);
        QCOMPARE(changed.count(), 2);
        model.applySnapshot(snapshotOf({1, 2, 3})); // nothing changed, nothing signalled
        QCOMPARE(changed.count(), 2);
    }

    void newBrokersAreInsertedInOrder()
    {
        BrokerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshotOf({1, 4}));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.applySnapshot(snapshotOf({1, 2, 4, 5}));
        QCOMPARE(inserted.count(), 2);
        QList<int> ids;
        for (int r = 0; r < model.rowCount(); ++r)
            ids << model.index(r, 0).data().toInt();
        QCOMPARE(ids, (QList<int>{1, 2, 4, 5}));
    }

    void countsLeadersAndReplicasPerBroker_data()
    {
        QTest::addColumn<QList<QList<int>>>("partitions");
        QTest::addColumn<QList<int>>("leaders");
        QTest::addColumn<QList<int>>("replicas");
        QTest::newRow("balanced") << QList<QList<int>>{{1, 1, 2, 3}, {2, 2, 3, 1}, {3, 3, 1, 2}}
                                  << QList<int>{1, 1, 1} << QList<int>{3, 3, 3};
        QTest::newRow("everything on broker 1")
            << QList<QList<int>>{{1, 1}, {1, 1}, {1, 1, 2}} << QList<int>{3, 0, 0} << QList<int>{3, 1, 0};
        QTest::newRow("offline partition") << QList<QList<int>>{{-1, 2}, {3, 3, 1}} << QList<int>{0, 0, 1}
                                           << QList<int>{1, 1, 1};
        QTest::newRow("no partition") << QList<QList<int>>{} << QList<int>{0, 0, 0} << QList<int>{0, 0, 0};
    }

    void countsLeadersAndReplicasPerBroker()
    {
        QFETCH(QList<QList<int>>, partitions);
        QFETCH(QList<int>, leaders);
        QFETCH(QList<int>, replicas);
        BrokerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(clusterOf(partitions));
        QCOMPARE(column(model, BrokerTableModel::IdColumn), (QList<int>{1, 2, 3}));
        QCOMPARE(column(model, BrokerTableModel::LeadersColumn), leaders);
        QCOMPARE(column(model, BrokerTableModel::ReplicasColumn), replicas);
        const auto rows = BrokerTableModel::rowsOf(clusterOf(partitions));
        QCOMPARE(rows, model.rows());
    }

    void clusterSnapshotsMergeByBrokerId()
    {
        BrokerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(clusterOf({{1, 1, 2}, {2, 2, 3}}));
        const QPersistentModelIndex second = model.index(1, BrokerTableModel::AddressColumn);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // Broker 3 goes down and broker 2 takes over its leadership: two rows change in place.
        model.applySnapshot(clusterOf({{1, 1, 2}, {2, 2, 3}, {2, 3, 2}}, {3}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QVERIFY(changed.count() >= 1);
        QVERIFY(second.isValid());
        QCOMPARE(second.row(), 1);
        QCOMPARE(column(model, BrokerTableModel::LeadersColumn), (QList<int>{1, 2, 0}));
        QCOMPARE(column(model, BrokerTableModel::ReplicasColumn), (QList<int>{1, 3, 2}));
        QCOMPARE(model.index(2, BrokerTableModel::StateColumn).data().toString(), QStringLiteral("down"));
        QCOMPARE(model.aliveCount(), 2);

        changed.clear();
        model.applySnapshot(clusterOf({{1, 1, 2}, {2, 2, 3}, {2, 3, 2}}, {3})); // the same figures
        QCOMPARE(changed.count(), 0);

        // A broker that only shows up as a replica gets a row of its own, down and without address.
        model.applySnapshot(clusterOf({{1, 1, 7}}));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(column(model, BrokerTableModel::IdColumn), (QList<int>{1, 2, 3, 7}));
        const int row = model.rowOf(7);
        QCOMPARE(row, 3);
        QCOMPARE(model.index(row, 0).data(BrokerTableModel::AliveRole).toBool(), false);
        QCOMPARE(model.rows().at(row).replicas, 1);
        QVERIFY(model.rows().at(row).address.isEmpty());
        QCOMPARE(model.rowOf(5), -1);
    }

    void expectedBrokersStayWithClusterSnapshots()
    {
        BrokerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setExpectedBrokers(snapshotOf({1, 2, 3, 4}).brokers);
        model.applySnapshot(clusterOf({{1, 1, 2, 3}}));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.aliveCount(), 3);
        QCOMPARE(model.index(3, BrokerTableModel::AddressColumn).data().toString(), QStringLiteral("127.0.0.1:21004"));
        QCOMPARE(model.index(3, 0).data(BrokerTableModel::AliveRole).toBool(), false);
        model.applySnapshot(ClusterSnapshotPtr()); // no snapshot: only the expected brokers, down
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.aliveCount(), 0);
    }

    void lostClusterMarksEveryBrokerDown()
    {
        BrokerTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshotOf({1, 2, 3}));
        model.markAllDown();
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.aliveCount(), 0);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestBrokerTableModel)
#include "tst_gui_brokertablemodel.moc"
