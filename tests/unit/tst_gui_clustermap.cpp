// The cluster-wide partition map on hand-built snapshots: the model's merge (no reset, precise
// signals, cell changes keyed by topic, partition and broker), the filter, and the page's summary,
// empty states, flashing and what survives a refresh, up to ten thousand partitions.

#include "models/clusterpartitionmapfilter.h"
#include "models/clusterpartitionmapmodel.h"
#include "support/screenshot.h"
#include "views/clustermappage.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace kafdesk;

using Cell = PartitionMapModel::ReplicaCell;
using Model = ClusterPartitionMapModel;
using Filter = ClusterPartitionMapFilter;

namespace {

BrokerState broker(int id, bool alive = true)
{
    return BrokerState{id, QStringLiteral("127.0.0.1"), static_cast<quint16>(19090 + id), alive};
}

// `count` partitions, replication factor `rf` over brokers 1-3; partition p led by p % 3 + 1.
TopicState topic(const QString &name, int count, int rf = 3)
{
    TopicState t;
    t.name = name;
    t.internal = name.startsWith(QStringLiteral("__"));
    for (int p = 0; p < count; ++p) {
        PartitionState s;
        s.id = p;
        const int first = p % 3 + 1;
        for (int r = 0; r < rf; ++r)
            s.replicas << (first + r - 1) % 3 + 1;
        s.isr = s.replicas;
        s.leader = first;
        t.partitions << s;
    }
    return t;
}

ClusterSnapshotPtr snapshotOf(const QList<BrokerState> &brokers, const QList<TopicState> &topics)
{
    auto s = std::make_shared<ClusterSnapshot>();
    s->takenAt = QDateTime::currentDateTimeUtc();
    s->brokers = brokers;
    s->topics = topics;
    s->normalize();
    return s;
}

QList<TopicState> healthyTopics()
{
    return {topic(QStringLiteral("orders"), 6), topic(QStringLiteral("Payments"), 3, 1),
            topic(QStringLiteral("__consumer_offsets"), 3)};
}

ClusterSnapshotPtr healthy()
{
    return snapshotOf({broker(1), broker(2), broker(3)}, healthyTopics());
}

// Broker 3 killed: it leaves every ISR; the partitions it led move to the next replica in sync,
// except the single-replica ones, which go offline.
ClusterSnapshotPtr brokerThreeDown()
{
    QList<TopicState> topics = healthyTopics();
    for (TopicState &t : topics) {
        for (PartitionState &p : t.partitions) {
            if (!p.replicas.contains(3))
                continue;
            p.isr.removeAll(3);
            p.offlineReplicas = {3};
            if (p.leader == 3)
                p.leader = p.isr.isEmpty() ? -1 : p.isr.first();
        }
    }
    return snapshotOf({broker(1), broker(2), broker(3, false)}, topics);
}

QList<Cell> rowCells(const QAbstractItemModel &model, int row)
{
    QList<Cell> cells;
    for (int c = Model::FirstBrokerColumn; c < model.columnCount(); ++c)
        cells << static_cast<Cell>(model.index(row, c).data(Model::CellKindRole).toInt());
    return cells;
}

QStringList shownRows(const QAbstractItemModel &model)
{
    QStringList rows;
    for (int r = 0; r < model.rowCount(); ++r)
        rows << QStringLiteral("%1/%2").arg(model.index(r, 0).data(Model::TopicNameRole).toString(),
                                          model.index(r, 0).data(Model::PartitionIdRole).toString());
    return rows;
}

// `topics` topics of `partitions` partitions each, over `brokers` brokers, replication factor 3.
ClusterSnapshotPtr big(int topics, int partitions, int brokers, int downBroker = -1)
{
    auto s = std::make_shared<ClusterSnapshot>();
    for (int b = 1; b <= brokers; ++b)
        s->brokers << broker(b, b != downBroker);
    for (int t = 0; t < topics; ++t) {
        TopicState ts;
        ts.name = QStringLiteral("topic-%1").arg(t, 4, 10, QLatin1Char('0'));
        for (int p = 0; p < partitions; ++p) {
            PartitionState ps;
            ps.id = p;
            for (int r = 0; r < 3; ++r)
                ps.replicas << (t + p + r) % brokers + 1;
            ps.isr = ps.replicas;
            if (downBroker > 0 && ps.replicas.contains(downBroker)) {
                ps.isr.removeAll(downBroker);
                ps.offlineReplicas = {downBroker};
            }
            ps.leader = ps.isr.first();
            ts.partitions << ps;
        }
        s->topics << ts;
    }
    s->normalize();
    return s;
}

} // namespace

class TestClusterMap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsAreEveryPartitionByTopic()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(healthy());
        // QString's order: capitals and "_" before lower case, as the snapshot sorts.
        QCOMPARE(shownRows(model), (QStringList{QStringLiteral("Payments/0"), QStringLiteral("Payments/1"),
                                                QStringLiteral("Payments/2"), QStringLiteral("__consumer_offsets/0"),
                                                QStringLiteral("__consumer_offsets/1"),
                                                QStringLiteral("__consumer_offsets/2"), QStringLiteral("orders/0"),
                                                QStringLiteral("orders/1"), QStringLiteral("orders/2"),
                                                QStringLiteral("orders/3"), QStringLiteral("orders/4"),
                                                QStringLiteral("orders/5")}));
        QCOMPARE(model.columnCount(), Model::FirstBrokerColumn + 3);
        const int orders1 = model.rowOf(QStringLiteral("orders"), 1);
        QCOMPARE(orders1, 7);
        QCOMPARE(rowCells(model, orders1), (QList<Cell>{Cell::InSyncFollower, Cell::Leader, Cell::InSyncFollower}));
        QCOMPARE(rowCells(model, 0), (QList<Cell>{Cell::Leader, Cell::None, Cell::None}));
        QCOMPARE(model.index(orders1, Model::TopicColumn).data().toString(), QStringLiteral("orders"));
        QCOMPARE(model.index(orders1, Model::PartitionColumn).data().toInt(), 1);
        QVERIFY(!model.index(orders1, Model::TopicColumn).data(Model::CellKindRole).isValid());
        QCOMPARE(model.index(orders1, Model::FirstBrokerColumn + 1).data().toString(), QStringLiteral("★"));
        QCOMPARE(model.headerData(Model::FirstBrokerColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Broker 1\n4 leaders")); // orders 0 and 3, Payments 0, offsets 0
        QCOMPARE(model.leaderCount(2), 4);
        QCOMPARE(model.rowOf(QStringLiteral("orders"), 6), -1);
        QCOMPARE(model.columnOf(3), Model::FirstBrokerColumn + 2);
        QVERIFY(model.changedCells().isEmpty()); // the first picture
    }

    void killedBrokerMergesWithoutReset()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(healthy());
        QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &Model::cellKindsChanged);
        const QPersistentModelIndex orders2(model.index(model.rowOf(QStringLiteral("orders"), 2), 0));

        model.setSnapshot(brokerThreeDown());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(removed.count(), 0);
        QVERIFY(orders2.isValid());
        QCOMPARE(orders2.data(Model::PartitionIdRole).toInt(), 2);
        QCOMPARE(rowCells(model, orders2.row()), (QList<Cell>{Cell::Leader, Cell::InSyncFollower, Cell::OnDownBroker}));
        const int payments2 = model.rowOf(QStringLiteral("Payments"), 2);
        QCOMPARE(rowCells(model, payments2), (QList<Cell>{Cell::None, Cell::None, Cell::OnDownBroker}));
        QVERIFY(model.index(payments2, 0).data(Model::ProblemRole).toBool());
        QCOMPARE(model.headerData(Model::FirstBrokerColumn + 2, Qt::Horizontal).toString(),
                 QStringLiteral("Broker 3 (down)\n0 leaders"));

        QCOMPARE(changed.count(), 1);
        const QList<Model::CellChange> &cells = model.changedCells();
        // Every replica on broker 3 went down (6 + 1 + 3), and broker 1 took over orders 2 and 5 and offsets 2.
        QCOMPARE(cells.size(), 13);
        QVERIFY(cells.contains(Model::CellChange{QStringLiteral("orders"), 2, 1, Cell::InSyncFollower, Cell::Leader}));
        QVERIFY(cells.contains(Model::CellChange{QStringLiteral("orders"), 2, 3, Cell::Leader, Cell::OnDownBroker}));
        QVERIFY(cells.contains(Model::CellChange{QStringLiteral("Payments"), 2, 3, Cell::Leader, Cell::OnDownBroker}));
        QVERIFY(!cells.contains(Model::CellChange{QStringLiteral("orders"), 2, 2, Cell::InSyncFollower,
                                                  Cell::InSyncFollower}));

        // The same picture again changes nothing.
        model.setSnapshot(brokerThreeDown());
        QVERIFY(model.changedCells().isEmpty());
        QCOMPARE(changed.count(), 1);
    }

    void topicsAndBrokersComeAndGo()
    {
        Model model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(healthy());
        QList<TopicState> topics = healthyTopics();
        topics.removeAt(1); // Payments deleted
        topics << topic(QStringLiteral("new"), 2);
        model.setSnapshot(snapshotOf({broker(1), broker(2), broker(3), broker(4)}, topics));
        QCOMPARE(model.rowCount(), 11);
        QCOMPARE(model.rowOf(QStringLiteral("Payments"), 0), -1);
        QCOMPARE(model.columnCount(), Model::FirstBrokerColumn + 4);
        QCOMPARE(model.headerData(Model::FirstBrokerColumn + 3, Qt::Horizontal).toString(),
                 QStringLiteral("Broker 4\n0 leaders"));
        // A new topic's cells count as changed (they flash); the ones of a deleted one do not.
        QVERIFY(model.changedCells().contains(Model::CellChange{QStringLiteral("new"), 1, 2, Cell::None, Cell::Leader}));
        for (const auto &c : model.changedCells())
            QVERIFY(c.topic == QStringLiteral("new"));
        // A replica on a broker no snapshot lists is a down column of its own.
        TopicState odd = topic(QStringLiteral("odd"), 1);
        odd.partitions[0].replicas = {1, 7};
        model.setSnapshot(snapshotOf({broker(1), broker(2), broker(3)}, {odd}));
        QCOMPARE(model.columnCount(), Model::FirstBrokerColumn + 4);
        QCOMPARE(model.brokers().last().id, 7);
        QCOMPARE(rowCells(model, 0).last(), Cell::OnDownBroker);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.columnCount(), Model::FirstBrokerColumn);
    }

    void filterByTopicBrokerAndProblems()
    {
        Model model;
        Filter filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(healthy());
        QCOMPARE(filter.rowCount(), 9); // the internal topic is hidden
        filter.setShowInternal(true);
        QCOMPARE(filter.rowCount(), 12);
        filter.setShowInternal(false);

        filter.setTopicText(QStringLiteral("  PAY "));
        QCOMPARE(shownRows(filter), (QStringList{QStringLiteral("Payments/0"), QStringLiteral("Payments/1"),
                                                 QStringLiteral("Payments/2")}));
        QVERIFY(filter.isNarrowed());
        filter.setTopicText(QStringLiteral("r"));
        QCOMPARE(filter.rowCount(), 6); // "orders"; "__consumer_offsets" is hidden
        filter.setTopicText(QString());

        filter.setBroker(Filter::BrokerFilter::HasReplica, 2);
        QCOMPARE(shownRows(filter), (QStringList{QStringLiteral("Payments/1"), QStringLiteral("orders/0"),
                                                 QStringLiteral("orders/1"), QStringLiteral("orders/2"),
                                                 QStringLiteral("orders/3"), QStringLiteral("orders/4"),
                                                 QStringLiteral("orders/5")}));
        filter.setBroker(Filter::BrokerFilter::Leads, 2);
        QCOMPARE(shownRows(filter), (QStringList{QStringLiteral("Payments/1"), QStringLiteral("orders/1"),
                                                 QStringLiteral("orders/4")}));
        filter.setBroker(Filter::BrokerFilter::Any, 2);
        QCOMPARE(filter.brokerId(), -1);
        QCOMPARE(filter.rowCount(), 9);

        // Only problems follows the snapshots: rows come and go as partitions break and heal.
        filter.setOnlyProblems(true);
        QCOMPARE(filter.rowCount(), 0);
        model.setSnapshot(brokerThreeDown());
        QCOMPARE(filter.rowCount(), 7); // every orders partition and Payments 2
        filter.setBroker(Filter::BrokerFilter::Leads, 1);
        QCOMPARE(shownRows(filter), (QStringList{QStringLiteral("orders/0"), QStringLiteral("orders/2"),
                                                 QStringLiteral("orders/3"), QStringLiteral("orders/5")}));
        filter.setBroker(Filter::BrokerFilter::Any);
        model.setSnapshot(healthy());
        QCOMPARE(filter.rowCount(), 0);
    }

    void pageSummaryEmptyStatesAndFlash()
    {
        ClusterMapPage page;
        page.resize(900, 600);
        page.show();
        QCOMPARE(page.emptyStateText(), QStringLiteral("Connect to a cluster to see where its partitions live"));
        page.showSnapshot(snapshotOf({broker(1), broker(2), broker(3)}, {}));
        QCOMPARE(page.emptyStateText(), QStringLiteral("The cluster has no topics yet"));
        page.showSnapshot(snapshotOf({broker(1), broker(2), broker(3)}, {topic(QStringLiteral("__consumer_offsets"), 3)}));
        QVERIFY(page.emptyStateText().startsWith(QStringLiteral("The cluster has no topics yet besides its internal")));
        page.setShowInternal(true);
        QVERIFY(page.emptyStateText().isEmpty());
        page.setShowInternal(false);

        page.showSnapshot(healthy());
        QVERIFY(page.emptyStateText().isEmpty());
        QVERIFY(page.table()->isVisible());
        QCOMPARE(page.summaryText(),
                 QStringLiteral("9 partitions of 2 topics; 0 under-replicated, 0 offline; showing 9"));
        page.setTopicFilter(QStringLiteral("nothing-like-it"));
        QCOMPARE(page.emptyStateText(), QStringLiteral("No partition matches the filter"));
        QVERIFY(!page.table()->isVisible());
        page.clearFilters();
        QVERIFY(page.topicFilterEdit()->text().isEmpty());
        page.setOnlyProblems(true);
        QCOMPARE(page.emptyStateText(), QStringLiteral("No partition is under-replicated or offline: every replica is in sync"));

        // Broker 3 goes down: the cells it changed flash, the rows in trouble show up. (The topics
        // that came with the last snapshots flash too: let that pass first.)
        QTRY_VERIFY_WITH_TIMEOUT(!page.isFlashing(), ClusterMapPage::FlashDurationMs + 1000);
        page.showSnapshot(brokerThreeDown());
        QVERIFY(page.isFlashing());
        QVERIFY(page.flashLevel(QStringLiteral("orders"), 2, 1) > 0.0);    // the new leader
        QVERIFY(page.flashLevel(QStringLiteral("Payments"), 2, 3) > 0.0);  // offline now
        QCOMPARE(page.flashLevel(QStringLiteral("orders"), 0, 1), 0.0);    // still leader
        QCOMPARE(page.flashLevel(QStringLiteral("Payments"), 2, 1), 0.0);  // another topic's key
        QCOMPARE(page.summaryText(),
                 QStringLiteral("9 partitions of 2 topics; 7 under-replicated, 1 offline; showing 7"));
        QCOMPARE(page.shownCell(QStringLiteral("orders"), 2, 1), Cell::Leader);
        QCOMPARE(page.shownCell(QStringLiteral("orders"), 2, 3), Cell::OnDownBroker);
        QCOMPARE(page.shownCell(QStringLiteral("Payments"), 0, 1), Cell::None); // filtered out
        QVERIFY(page.brokerFilterBox()->findText(QStringLiteral("Led by broker 3 (down)")) > 0);
        QTest::qWait(50);
        test::saveScreenshot(page, QStringLiteral("clustermap-unit-flash.png"));
        QTRY_VERIFY_WITH_TIMEOUT(!page.isFlashing(), ClusterMapPage::FlashDurationMs + 1000);
        QCOMPARE(page.flashLevel(QStringLiteral("orders"), 2, 1), 0.0);

        page.setOnlyProblems(false);
        page.setBrokerFilter(ClusterMapPage::BrokerFilter::Leads, 2);
        QCOMPARE(page.filter()->brokerFilter(), ClusterMapPage::BrokerFilter::Leads);
        QCOMPARE(page.filter()->rowCount(), 3);
        page.setBrokerFilter(ClusterMapPage::BrokerFilter::HasReplica, 3);
        QCOMPARE(page.filter()->rowCount(), 7);
        page.clearFilters();
        QCOMPARE(page.filter()->rowCount(), 9);

        // A double click opens the row's topic.
        QSignalSpy opened(&page, &ClusterPage::topicActivated);
        const QModelIndex orders = page.indexOf(QStringLiteral("orders"), 4, 2);
        const QRect cell = page.table()->visualRect(orders);
        QTest::mouseClick(page.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(page.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), QStringLiteral("orders"));

        // Ctrl+F lands in the topic filter.
        page.focusFilter();
        QVERIFY(page.topicFilterEdit()->hasFocus() || !page.isActiveWindow());
    }

    void tenThousandPartitionsKeepSelectionAndScroll()
    {
        ClusterMapPage page;
        page.resize(1000, 700);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QElapsedTimer timer;
        timer.start();
        page.showSnapshot(big(500, 20, 6));
        const qint64 first = timer.restart();
        QCOMPARE(page.model()->rowCount(), 10000);
        QCOMPARE(page.filter()->rowCount(), 10000);

        const QModelIndex target = page.indexOf(QStringLiteral("topic-0250"), 7);
        page.table()->selectionModel()->setCurrentIndex(target, QItemSelectionModel::ClearAndSelect |
                                                                    QItemSelectionModel::Rows);
        page.table()->scrollTo(target, QAbstractItemView::PositionAtTop);
        QCoreApplication::processEvents();
        const int scroll = page.table()->verticalScrollBar()->value();
        QVERIFY(scroll > 0);

        timer.restart();
        page.showSnapshot(big(500, 20, 6, 4)); // broker 4 down: half the rows change
        const qint64 merge = timer.restart();
        QCoreApplication::processEvents();
        const qint64 paint = timer.elapsed();
        qInfo("10,000 partitions x 6 brokers: first fill %lld ms, merge of a broker going down %lld ms, "
              "repaint %lld ms",
              first, merge, paint);
        timer.restart();
        const ClusterSnapshotPtr down = big(500, 20, 6, 4);
        const qint64 build = timer.restart();
        page.showSnapshot(down); // the same picture again: what every second costs in a steady state
        qInfo("the same 10,000 partitions again: %lld ms (%lld ms building the snapshot)", timer.elapsed(), build);
        QVERIFY(page.isFlashing());
        QCOMPARE(page.table()->verticalScrollBar()->value(), scroll);
        const QModelIndexList selected = page.table()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(Model::TopicNameRole).toString(), QStringLiteral("topic-0250"));
        QCOMPARE(selected.first().data(Model::PartitionIdRole).toInt(), 7);
        const QString under = QLocale().toString(down->underReplicatedCount());
        QVERIFY(down->underReplicatedCount() > 4000);
        QCOMPARE(page.summaryText(), QStringLiteral("%1 partitions of 500 topics; %2 under-replicated, 0 offline; showing %1")
                                         .arg(QLocale().toString(10000), under));
        test::saveScreenshot(page, QStringLiteral("clustermap-unit-10000.png"));

        // A keystroke in the filter stays cheap.
        timer.restart();
        page.setTopicFilter(QStringLiteral("topic-02"));
        qInfo("filtering 10,000 rows: %lld ms", timer.elapsed());
        QCOMPARE(page.filter()->rowCount(), 100 * 20);
    }
};

QTEST_MAIN(TestClusterMap)
#include "tst_gui_clustermap.moc"
