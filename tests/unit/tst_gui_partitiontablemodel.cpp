// The topic detail page's partition table: snapshots and watermarks merge by partition id (no
// reset, persistent indexes stay), message counts, partitions without a leader, and sorting.

#include "models/partitiontablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace kafdesk;

namespace {

const QString topicName = QStringLiteral("orders");

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

ClusterSnapshotPtr snapshotOf(const QList<PartitionState> &partitions, const QString &name = topicName)
{
    auto s = std::make_shared<ClusterSnapshot>();
    s->takenAt = QDateTime::currentDateTimeUtc();
    for (int b = 1; b <= 3; ++b)
        s->brokers << BrokerState{b, QStringLiteral("127.0.0.1"), static_cast<quint16>(19090 + b), true};
    TopicState t;
    t.name = name;
    t.partitions = partitions;
    s->topics << t;
    TopicState other;
    other.name = QStringLiteral("other");
    other.partitions = {partition(0, 1, {1}, {1})};
    s->topics << other;
    s->normalize();
    return s;
}

QList<PartitionState> threePartitions()
{
    return {partition(0, 1, {1, 2, 3}, {1, 2, 3}), partition(1, 2, {2, 3, 1}, {2, 3, 1}),
            partition(2, 3, {3, 1, 2}, {3, 1, 2})};
}

QString text(const PartitionTableModel &model, int row, int column)
{
    return model.index(row, column).data().toString();
}

} // namespace

class TestPartitionTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTheTopicsPartitions()
    {
        PartitionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        QVERIFY(!model.topicFound());
        model.setSnapshot(snapshotOf(threePartitions()));
        QVERIFY(model.topicFound());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(PartitionTableModel::ColumnCount));
        QCOMPARE(text(model, 1, PartitionTableModel::PartitionColumn), QStringLiteral("1"));
        QCOMPARE(text(model, 1, PartitionTableModel::LeaderColumn), QStringLiteral("2"));
        QCOMPARE(text(model, 1, PartitionTableModel::ReplicasColumn), QStringLiteral("2, 3, 1"));
        QCOMPARE(text(model, 1, PartitionTableModel::IsrColumn), QStringLiteral("2, 3, 1"));
        QCOMPARE(text(model, 1, PartitionTableModel::OfflineReplicasColumn), QString());
        // Not read yet: blank, not zero.
        QCOMPARE(text(model, 1, PartitionTableModel::MessagesColumn), QString());
        QCOMPARE(model.index(1, PartitionTableModel::MessagesColumn).data(PartitionTableModel::MessageCountRole).toLongLong(), -1);
        QCOMPARE(model.totalMessages(), -1);
        QCOMPARE(model.readablePartitions(), (QList<int>{0, 1, 2}));
        QCOMPARE(model.headerData(PartitionTableModel::HighWatermarkColumn, Qt::Horizontal).toString(),
                 QStringLiteral("High watermark"));
    }

    void watermarksGiveMessageCounts()
    {
        PartitionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(snapshotOf(threePartitions()));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setWatermarks({{0, Watermarks{2, 5}}, {1, Watermarks{0, 1234567}}, {2, Watermarks{0, 0}}});
        QCOMPARE(resets.count(), 0);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.rows().at(0).messages(), 3);
        QCOMPARE(model.index(0, 0).data(PartitionTableModel::LowWatermarkRole).toLongLong(), 2);
        QCOMPARE(model.index(0, 0).data(PartitionTableModel::HighWatermarkRole).toLongLong(), 5);
        QCOMPARE(text(model, 0, PartitionTableModel::MessagesColumn), QLocale().toString(3));
        QCOMPARE(text(model, 1, PartitionTableModel::HighWatermarkColumn), QLocale().toString(1234567));
        QCOMPARE(text(model, 2, PartitionTableModel::MessagesColumn), QStringLiteral("0"));
        QCOMPARE(model.totalMessages(), 3 + 1234567);

        // The same watermarks again change nothing and say nothing.
        changed.clear();
        model.setWatermarks({{0, Watermarks{2, 5}}, {1, Watermarks{0, 1234567}}, {2, Watermarks{0, 0}}});
        QCOMPARE(changed.count(), 0);
        // One partition moved on: one row changes.
        model.setWatermarks({{0, Watermarks{2, 9}}, {1, Watermarks{0, 1234567}}, {2, Watermarks{0, 0}}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex().row(), 0);
        QCOMPARE(changed.first().at(1).toModelIndex().row(), 0);
    }

    void snapshotsMergeByPartitionAndKeepWatermarks()
    {
        PartitionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(snapshotOf(threePartitions()));
        model.setWatermarks({{0, Watermarks{0, 10}}, {1, Watermarks{0, 20}}, {2, Watermarks{0, 30}}});
        const QPersistentModelIndex second(model.index(1, PartitionTableModel::IsrColumn));

        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        // Broker 3 down: it leaves the ISRs, partition 2 gets another leader; two partitions added.
        QList<PartitionState> next{partition(0, 1, {1, 2, 3}, {1, 2}, {3}), partition(1, 2, {2, 3, 1}, {2, 1}, {3}),
                                   partition(2, 1, {3, 1, 2}, {1, 2}, {3}), partition(3, 1, {1, 2}, {1, 2}),
                                   partition(4, 2, {2, 1}, {2, 1})};
        model.setSnapshot(snapshotOf(next));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(inserted.count(), 1); // one run: partitions 3 and 4
        QCOMPARE(inserted.first().at(1).toInt(), 3);
        QCOMPARE(inserted.first().at(2).toInt(), 4);
        QVERIFY(second.isValid());
        QCOMPARE(second.row(), 1);
        QCOMPARE(second.data().toString(), QStringLiteral("2, 1"));
        QCOMPARE(text(model, 2, PartitionTableModel::LeaderColumn), QStringLiteral("1"));
        QCOMPARE(text(model, 2, PartitionTableModel::OfflineReplicasColumn), QStringLiteral("3"));
        QVERIFY(!model.index(2, PartitionTableModel::IsrColumn).data(Qt::DecorationRole).isNull());
        QVERIFY(model.index(3, PartitionTableModel::IsrColumn).data(Qt::DecorationRole).isNull());
        // The watermarks of partitions that stayed are kept until the next read; new ones have none.
        QCOMPARE(model.rows().at(2).high, 30);
        QCOMPARE(model.rows().at(3).high, -1);
        QCOMPARE(model.totalMessages(), 60);
        QCOMPARE(model.rowOf(4), 4);
        QCOMPARE(model.rowOf(7), -1);

        // A read that did not cover a partition (it was new, or had no leader) leaves it blank.
        model.setWatermarks({{0, Watermarks{0, 11}}});
        QCOMPARE(model.rows().at(1).high, -1);
        QCOMPARE(model.totalMessages(), 11);
    }

    void partitionWithoutLeader()
    {
        PartitionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(snapshotOf({partition(0, 1, {1}, {1}), partition(1, -1, {2}, {}, {2})}));
        QCOMPARE(model.readablePartitions(), (QList<int>{0}));
        QCOMPARE(text(model, 1, PartitionTableModel::LeaderColumn), QStringLiteral("none"));
        QVERIFY(!model.index(1, PartitionTableModel::LeaderColumn).data(Qt::DecorationRole).isNull());
        QCOMPARE(text(model, 1, PartitionTableModel::HighWatermarkColumn), QStringLiteral("—"));
        QVERIFY(model.index(1, PartitionTableModel::MessagesColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("no leader")));
    }

    void anotherTopicResetsAndAGoneTopicEmpties()
    {
        PartitionTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        model.setSnapshot(snapshotOf(threePartitions()));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setTopic(QStringLiteral("other"));
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 0);
        model.setSnapshot(snapshotOf(threePartitions()));
        QCOMPARE(model.rowCount(), 1);

        model.setTopic(topicName);
        model.setSnapshot(snapshotOf(threePartitions()));
        QCOMPARE(model.rowCount(), 3);
        // The topic was deleted: its rows go, without a reset.
        resets.clear();
        model.setSnapshot(snapshotOf({}, QStringLiteral("something-else")));
        QVERIFY(!model.topicFound());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 0);
        model.setSnapshot(nullptr);
        QVERIFY(!model.topicFound());
    }

    void sortsByNumberNotText()
    {
        PartitionTableModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(PartitionTableModel::SortRole);
        proxy.setDynamicSortFilter(true);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTopic(topicName);
        QList<PartitionState> partitions;
        for (int id = 0; id < 12; ++id)
            partitions << partition(id, 1, {1}, {1});
        model.setSnapshot(snapshotOf(partitions));
        QMap<int, Watermarks> marks;
        for (int id = 0; id < 12; ++id)
            marks.insert(id, Watermarks{0, id == 3 ? 100 : id == 10 ? 9 : id});
        model.setWatermarks(marks);
        proxy.sort(PartitionTableModel::PartitionColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(PartitionTableModel::PartitionIdRole).toInt(), 11);
        QCOMPARE(proxy.index(1, 0).data(PartitionTableModel::PartitionIdRole).toInt(), 10);
        proxy.sort(PartitionTableModel::MessagesColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, 0).data(PartitionTableModel::PartitionIdRole).toInt(), 3); // 100 > 9, not "9" > "100"
        // A new read re-sorts the view.
        marks[5] = Watermarks{0, 1000};
        model.setWatermarks(marks);
        QCOMPARE(proxy.index(0, 0).data(PartitionTableModel::PartitionIdRole).toInt(), 5);
    }
};

QTEST_MAIN(TestPartitionTableModel)
#include "tst_gui_partitiontablemodel.moc"
