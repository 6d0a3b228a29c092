// The partition-to-broker map of one topic: both models on hand-built snapshots, the view's empty
// state and flashing, and offscreen screenshots of both modes.

#include "models/partitionmapbrokermodel.h"
#include "models/partitionmapmodel.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/partitionmapview.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QHeaderView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace kafdesk;

using Cell = PartitionMapModel::ReplicaCell;
using Change = PartitionMapModel::CellChange;

namespace {

const QString topicName = QStringLiteral("orders");

BrokerState broker(int id, bool alive = true)
{
    return BrokerState{id, QStringLiteral("127.0.0.1"), static_cast<quint16>(19090 + id), alive};
}

PartitionState partition(int id, int leader, const QList<int> &replicas, const QList<int> &isr,
                         const QList<int> &offline = {})
{
    PartitionState p;
    p.id = id;
    p.leader = leader;
    p.replicas = replicas;
    p.isr = isr;
    p.offlineReplicas = offline;
    return p;
}

ClusterSnapshotPtr snapshotOf(const QList<BrokerState> &brokers, const QList<PartitionState> &partitions,
                              const QString &name = topicName)
{
    auto s = std::make_shared<ClusterSnapshot>();
    s->takenAt = QDateTime::currentDateTimeUtc();
    s->brokers = brokers;
    TopicState t;
    t.name = name;
    t.partitions = partitions;
    s->topics << t;
    s->normalize();
    return s;
}

// Six partitions, replication factor 3, on brokers 1-3; partition p is led by broker p % 3 + 1.
QList<PartitionState> healthyPartitions()
{
    QList<PartitionState> list;
    for (int p = 0; p < 6; ++p) {
        const int first = p % 3 + 1;
        const QList<int> replicas{first, first % 3 + 1, (first + 1) % 3 + 1};
        list << partition(p, first, replicas, replicas);
    }
    return list;
}

ClusterSnapshotPtr healthy()
{
    return snapshotOf({broker(1), broker(2), broker(3)}, healthyPartitions());
}

// Broker 3 killed: it leaves every ISR, and the partitions it led (2 and 5) are led by the next
// replica in line, broker 1.
ClusterSnapshotPtr brokerThreeDown()
{
    QList<PartitionState> list = healthyPartitions();
    for (PartitionState &p : list) {
        p.isr.removeAll(3);
        p.offlineReplicas = {3};
        if (p.leader == 3)
            p.leader = p.isr.first();
    }
    return snapshotOf({broker(1), broker(2), broker(3, false)}, list);
}

QList<Cell> row(const PartitionMapModel &model, int r)
{
    QList<Cell> cells;
    for (int c = 0; c < model.columnCount(); ++c)
        cells << static_cast<Cell>(model.index(r, c).data(PartitionMapModel::CellKindRole).toInt());
    return cells;
}

QStringList brokerColumn(const PartitionMapBrokerModel &model, int c)
{
    QStringList texts;
    for (int r = 0; r < model.rowCount(); ++r)
        texts << model.index(r, c).data().toString();
    return texts;
}


} // namespace

class TestPartitionMap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healthyTopic()
    {
        PartitionMapModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(healthy());
        QVERIFY(model.topicFound());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(row(model, 0), (QList<Cell>{Cell::Leader, Cell::InSyncFollower, Cell::InSyncFollower}));
        QCOMPARE(row(model, 1), (QList<Cell>{Cell::InSyncFollower, Cell::Leader, Cell::InSyncFollower}));
        QCOMPARE(row(model, 5), (QList<Cell>{Cell::InSyncFollower, Cell::InSyncFollower, Cell::Leader}));
        QVERIFY(model.changedCells().isEmpty()); // a first picture has nothing to compare with

        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Broker 1"));
        QCOMPARE(model.headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("Broker 3 at 127.0.0.1:19093 is alive"));
        QCOMPARE(model.headerData(4, Qt::Vertical).toString(), QStringLiteral("Partition 4"));
        QCOMPARE(model.index(3, 0).data().toString(), QStringLiteral("★"));
        QCOMPARE(model.index(3, 1).data().toString(), QStringLiteral("●"));
        QCOMPARE(model.index(3, 0).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Broker 1 leads partition 3 (in-sync replicas [1, 2, 3])"));
        QCOMPARE(model.index(3, 2).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Broker 3 follows broker 1, the leader of partition 3, and is in sync"));
        QCOMPARE(model.index(3, 2).data(PartitionMapModel::PartitionIdRole).toInt(), 3);
        QCOMPARE(model.index(3, 2).data(PartitionMapModel::BrokerIdRole).toInt(), 3);
        QCOMPARE(model.index(3, 0).data(Qt::TextAlignmentRole).value<Qt::Alignment>(), Qt::Alignment(Qt::AlignCenter));
    }

    void killedBrokerMergesWithoutReset()
    {
        PartitionMapModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(healthy());
        const QPersistentModelIndex cell(model.index(4, 2));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy structure(&model, &QAbstractItemModel::layoutChanged);
        QSignalSpy rowsIn(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy rowsOut(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy columnsIn(&model, &QAbstractItemModel::columnsInserted);
        QSignalSpy columnsOut(&model, &QAbstractItemModel::columnsRemoved);
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        QSignalSpy cells(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy kinds(&model, &PartitionMapModel::cellKindsChanged);
        model.setSnapshot(brokerThreeDown());

        QCOMPARE(resets.count(), 0);
        QCOMPARE(structure.count(), 0);
        QCOMPARE(rowsIn.count() + rowsOut.count() + columnsIn.count() + columnsOut.count(), 0);
        QVERIFY(cell.isValid());
        QCOMPARE(cell.row(), 4);
        QCOMPARE(cell.column(), 2);

        // The column's header changed, and the column's cells with it.
        bool sawColumnHeader = false;
        for (const QList<QVariant> &h : std::as_const(headers))
            sawColumnHeader |= h.at(0).value<Qt::Orientation>() == Qt::Horizontal && h.at(1).toInt() == 2
                && h.at(2).toInt() == 2;
        QVERIFY(sawColumnHeader);
        bool sawColumnCells = false;
        for (const QList<QVariant> &c : std::as_const(cells)) {
            const auto topLeft = c.at(0).toModelIndex();
            const auto bottomRight = c.at(1).toModelIndex();
            sawColumnCells |= topLeft.row() == 0 && bottomRight.row() == 5 && topLeft.column() <= 2
                && bottomRight.column() >= 2;
        }
        QVERIFY(sawColumnCells);
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Broker 3\n(down)"));
        QCOMPARE(model.headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("Broker 3 at 127.0.0.1:19093 is down"));

        for (int r = 0; r < 6; ++r)
            QCOMPARE(model.cellKind(r, 2), Cell::OnDownBroker);
        // Partitions 2 and 5 were led by broker 3; broker 1 leads them now.
        QCOMPARE(row(model, 2), (QList<Cell>{Cell::Leader, Cell::InSyncFollower, Cell::OnDownBroker}));
        QCOMPARE(row(model, 5), (QList<Cell>{Cell::Leader, Cell::InSyncFollower, Cell::OnDownBroker}));
        QCOMPARE(row(model, 0), (QList<Cell>{Cell::Leader, Cell::InSyncFollower, Cell::OnDownBroker}));
        QCOMPARE(model.index(1, 2).data().toString(), QStringLiteral("✕"));
        QCOMPARE(model.index(1, 2).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Broker 3 holds a replica of partition 1 but is down"));

        const QList<Change> expected{
            {0, 3, Cell::InSyncFollower, Cell::OnDownBroker}, {1, 3, Cell::InSyncFollower, Cell::OnDownBroker},
            {2, 1, Cell::InSyncFollower, Cell::Leader},       {2, 3, Cell::Leader, Cell::OnDownBroker},
            {3, 3, Cell::InSyncFollower, Cell::OnDownBroker}, {4, 3, Cell::InSyncFollower, Cell::OnDownBroker},
            {5, 1, Cell::InSyncFollower, Cell::Leader},       {5, 3, Cell::Leader, Cell::OnDownBroker},
        };
        QCOMPARE(model.changedCells(), expected);
        QCOMPARE(kinds.count(), 1);
        QCOMPARE(kinds.first().first().value<QList<Change>>(), expected);

        // The same picture again: nothing changes and nothing is signalled.
        cells.clear();
        headers.clear();
        model.setSnapshot(brokerThreeDown());
        QCOMPARE(cells.count(), 0);
        QCOMPARE(headers.count(), 0);
        QCOMPARE(kinds.count(), 1);
        QVERIFY(model.changedCells().isEmpty());

        // Broker 3 back, catching up: in the replica set, not yet in the ISR.
        QList<PartitionState> rejoining = brokerThreeDown()->topic(topicName)->partitions;
        for (PartitionState &p : rejoining)
            p.offlineReplicas.clear();
        model.setSnapshot(snapshotOf({broker(1), broker(2), broker(3)}, rejoining));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Broker 3"));
        for (int r = 0; r < 6; ++r)
            QCOMPARE(model.cellKind(r, 2), Cell::OutOfSyncFollower);
        QCOMPARE(model.changedCells().size(), 6);
        QCOMPARE(resets.count(), 0);
    }

    void outOfSyncFollower()
    {
        PartitionMapModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(snapshotOf({broker(1), broker(2), broker(3)},
                                     {partition(0, 1, {1, 2, 3}, {1, 2}), partition(1, 2, {2, 3}, {2, 3})}));
        QCOMPARE(row(model, 0), (QList<Cell>{Cell::Leader, Cell::InSyncFollower, Cell::OutOfSyncFollower}));
        QCOMPARE(row(model, 1), (QList<Cell>{Cell::None, Cell::Leader, Cell::InSyncFollower}));
        QCOMPARE(model.index(0, 2).data().toString(), QStringLiteral("○"));
        QCOMPARE(model.index(0, 2).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Broker 3 holds a replica of partition 0 but is out of sync: not in the ISR [1, 2]"));
        QCOMPARE(model.index(1, 0).data().toString(), QString());
        QVERIFY(!model.index(1, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(model.index(0, 2).data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Broker 1 holds no replica of partition 1"));
    }

    void leaderlessPartition()
    {
        PartitionMapModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(snapshotOf({broker(1), broker(2), broker(3, false)},
                                     {partition(0, 1, {1, 2}, {1, 2}), partition(1, -1, {2, 3}, {3}, {3})}));
        QCOMPARE(row(model, 1), (QList<Cell>{Cell::None, Cell::OfflineLeaderless, Cell::OnDownBroker}));
        QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("⊘"));
        QCOMPARE(model.index(1, 1).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("Partition 1 has no leader, so it is offline; broker 2 holds a replica of it"));
        QCOMPARE(model.headerData(1, Qt::Vertical, Qt::ToolTipRole).toString(),
                 QStringLiteral("Partition 1 has no leader: replicas [2, 3], in sync [3]"));
        QCOMPARE(model.headerData(0, Qt::Vertical, Qt::ToolTipRole).toString(),
                 QStringLiteral("Partition 0: leader broker 1, replicas [1, 2], in sync [1, 2]"));
    }

    void brokerOnlySeenAsReplicaIsADownColumn()
    {
        PartitionMapModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(snapshotOf({broker(1)}, {partition(0, 1, {1, 7}, {1})}));
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Broker 7\n(down)"));
        QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(),
                 QStringLiteral("Broker 7 is down (its address is not known)"));
        QCOMPARE(model.cellKind(0, 1), Cell::OnDownBroker);
    }

    void partitionsAndBrokersComeAndGo()
    {
        PartitionMapModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(snapshotOf({broker(1), broker(3)},
                                     {partition(0, 1, {1, 3}, {1, 3}), partition(2, 3, {3, 1}, {3, 1})}));
        const QPersistentModelIndex p2b3(model.index(1, 1));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy rowsIn(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy columnsIn(&model, &QAbstractItemModel::columnsInserted);
        QSignalSpy kinds(&model, &PartitionMapModel::cellKindsChanged);

        // Broker 2 joins and partitions 1 and 3 are added on it.
        model.setSnapshot(snapshotOf({broker(1), broker(2), broker(3)},
                                     {partition(0, 1, {1, 3}, {1, 3}), partition(1, 2, {2, 3}, {2, 3}),
                                      partition(2, 3, {3, 1}, {3, 1}), partition(3, 2, {2, 1}, {2, 1})}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(rowsIn.count(), 2);
        QCOMPARE(columnsIn.count(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), 3);
        QVERIFY(p2b3.isValid());
        QCOMPARE(p2b3.row(), 2);
        QCOMPARE(p2b3.column(), 2);
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Broker 2"));
        QCOMPARE(row(model, 1), (QList<Cell>{Cell::None, Cell::Leader, Cell::InSyncFollower}));
        // New cells that hold a replica count as changed (from nothing); empty new cells do not.
        const QList<Change> added{
            {1, 2, Cell::None, Cell::Leader},
            {1, 3, Cell::None, Cell::InSyncFollower},
            {3, 1, Cell::None, Cell::InSyncFollower},
            {3, 2, Cell::None, Cell::Leader},
        };
        QCOMPARE(model.changedCells(), added);

        // Broker 1 removed from the cluster, partition 1 deleted (not something Kafka does, but a
        // model must cope): rows and columns go, the rest stays put.
        QSignalSpy rowsOut(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy columnsOut(&model, &QAbstractItemModel::columnsRemoved);
        model.setSnapshot(snapshotOf({broker(2), broker(3)},
                                     {partition(0, 3, {3}, {3}), partition(2, 3, {3}, {3}), partition(3, 2, {2}, {2})}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(rowsOut.count(), 1);
        QCOMPARE(columnsOut.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(p2b3.row(), 1);
        QCOMPARE(p2b3.column(), 1);
        QCOMPARE(model.headerData(2, Qt::Vertical).toString(), QStringLiteral("Partition 3"));
        // Partition 0 moved its leadership to broker 3; cells of the removed broker are not listed.
        QCOMPARE(model.changedCells(), (QList<Change>{{0, 3, Cell::InSyncFollower, Cell::Leader}}));

        // The topic deleted: its rows go, the brokers stay.
        model.setSnapshot(snapshotOf({broker(2), broker(3)}, {}, QStringLiteral("other")));
        QVERIFY(!model.topicFound());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 2);
        QCOMPARE(resets.count(), 0);
    }

    void anotherTopicResets()
    {
        PartitionMapModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto s = std::make_shared<ClusterSnapshot>(*healthy());
        TopicState small;
        small.name = QStringLiteral("audit");
        small.partitions = {partition(0, 2, {2}, {2})};
        s->topics << small;
        s->normalize();
        model.setSnapshot(s);
        QCOMPARE(model.rowCount(), 0); // no topic chosen
        QCOMPARE(model.columnCount(), 3);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setTopic(topicName);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 6);
        model.setTopic(QStringLiteral("audit"));
        QCOMPARE(resets.count(), 2);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(row(model, 0), (QList<Cell>{Cell::None, Cell::Leader, Cell::None}));
        QVERIFY(model.changedCells().isEmpty());
        model.clear();
        QCOMPARE(resets.count(), 3);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), 0);
        QCOMPARE(model.topic(), QStringLiteral("audit"));
    }

    void brokerModelListsEachBrokersReplicas()
    {
        PartitionMapBrokerModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(healthy());
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(brokerColumn(model, 0), (QStringList{QStringLiteral("p0 ★"), QStringLiteral("p1 ●"),
                                                      QStringLiteral("p2 ●"), QStringLiteral("p3 ★"),
                                                      QStringLiteral("p4 ●"), QStringLiteral("p5 ●")}));
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Broker 1\n6 replicas · 2 leaders"));
        QCOMPARE(model.index(1, 0).data(PartitionMapModel::PartitionIdRole).toInt(), 1);
        QCOMPARE(model.index(1, 0).data(PartitionMapModel::BrokerIdRole).toInt(), 1);
        QCOMPARE(model.index(1, 0).data(PartitionMapModel::CellKindRole).toInt(), int(Cell::InSyncFollower));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy columnsOut(&model, &QAbstractItemModel::columnsRemoved);
        QSignalSpy headers(&model, &QAbstractItemModel::headerDataChanged);
        model.setSnapshot(brokerThreeDown());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(columnsOut.count(), 0);
        QCOMPARE(headers.count(), 3); // leaders moved to broker 1, broker 2's ISR changed, broker 3 down
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Broker 1\n6 replicas · 4 leaders"));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(),
                 QStringLiteral("Broker 3 (down)\n6 replicas · 0 leaders"));
        QCOMPARE(brokerColumn(model, 2).first(), QStringLiteral("p0 ✕"));
        QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("p2 ★"));

        // A topic whose replicas sit unevenly: rows are as many as the fullest broker needs.
        model.setSnapshot(snapshotOf({broker(1), broker(2), broker(3)},
                                     {partition(0, 1, {1, 2}, {1, 2}), partition(1, 1, {1}, {1}),
                                      partition(2, 1, {1, 2}, {1})}));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(brokerColumn(model, 1), (QStringList{QStringLiteral("p0 ●"), QStringLiteral("p2 ○"), QString()}));
        QCOMPARE(brokerColumn(model, 2), (QStringList{QString(), QString(), QString()}));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Broker 3\n0 replicas · 0 leaders"));
        QCOMPARE(model.index(2, 2).data(PartitionMapModel::CellKindRole).toInt(), int(Cell::None));
        QCOMPARE(resets.count(), 0);
        model.setTopic(QString());
        QCOMPARE(model.rowCount(), 0);
    }

    void viewShowsAnEmptyStateAndFlashesChanges()
    {
        PartitionMapView view;
        QAbstractItemModelTester tester1(view.partitionModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tester2(view.brokerModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(700, 420);
        view.show();
        QCOMPARE(view.emptyStateText(), QStringLiteral("Choose a topic to see where its partitions live"));
        QVERIFY(!view.partitionTable()->isVisible());
        view.setSnapshot(healthy());
        QVERIFY(!view.emptyStateText().isEmpty());
        view.setTopic(QStringLiteral("nope"));
        QCOMPARE(view.emptyStateText(), QStringLiteral("The cluster has no topic named “nope”"));
        view.setTopic(topicName);
        QVERIFY(view.emptyStateText().isEmpty());
        QVERIFY(view.partitionTable()->isVisible());
        QVERIFY(!view.isFlashing());

        view.setSnapshot(brokerThreeDown());
        QVERIFY(view.isFlashing());
        QVERIFY(view.flashLevel(2, 1) > 0.0); // broker 1 took over partition 2
        QVERIFY(view.flashLevel(0, 3) > 0.0); // broker 3 went down
        QCOMPARE(view.flashLevel(0, 1), 0.0);
        QTRY_VERIFY_WITH_TIMEOUT(!view.isFlashing(), PartitionMapView::FlashDurationMs + 1000);
        QCOMPARE(view.flashLevel(2, 1), 0.0);

        QSignalSpy modes(&view, &PartitionMapView::modeChanged);
        view.setMode(PartitionMapView::ByBroker);
        QCOMPARE(modes.count(), 1);
        QVERIFY(view.brokerTable()->isVisible());
        QVERIFY(!view.partitionTable()->isVisible());
        view.setTopic(QString());
        QCOMPARE(view.emptyStateText(), QStringLiteral("Choose a topic to see where its partitions live"));
    }

    void screenshots()
    {
        PartitionMapView view;
        view.setTopic(topicName);
        view.setSnapshot(healthy());
        view.resize(700, 420);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setSnapshot(brokerThreeDown());
        QTest::qWait(50);
        test::saveScreenshot(view, QStringLiteral("partitionmap-flash.png"));
        QTRY_VERIFY_WITH_TIMEOUT(!view.isFlashing(), PartitionMapView::FlashDurationMs + 1000);

        // Nothing is clipped: every column and row of the map is inside the view.
        const QTableView *table = view.partitionTable();
        QCOMPARE(table->horizontalScrollBar()->isVisible(), false);
        QCOMPARE(table->verticalScrollBar()->isVisible(), false);
        test::saveScreenshot(view, QStringLiteral("partitionmap.png"));

        view.setMode(PartitionMapView::ByBroker);
        QCOMPARE(view.brokerTable()->horizontalScrollBar()->isVisible(), false);
        QCOMPARE(view.brokerTable()->verticalScrollBar()->isVisible(), false);
        test::saveScreenshot(view, QStringLiteral("partitionmap-brokers.png"));
    }
};

QTEST_MAIN(TestPartitionMap)
#include "tst_gui_partitionmap.moc"
