#include "models/topicfilterproxymodel.h"
#include "models/topictablemodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace kafdesk;

namespace {

// A topic on brokers 1..replication; the first `offline` partitions have no leader (and an empty
// ISR), the next `underReplicated` ones lost one replica from their ISR.
TopicState topic(const QString &name, int partitions, int replication = 3, int underReplicated = 0, int offline = 0,
                 bool internal = false)
{
    TopicState t;
    t.name = name;
    t.internal = internal;
    for (int id = 0; id < partitions; ++id) {
        PartitionState p;
        p.id = id;
        for (int b = 1; b <= replication; ++b)
            p.replicas << b;
        p.leader = id < offline ? -1 : p.replicas.value(id % replication, 1);
        if (id < offline)
            p.isr = {};
        else if (id < offline + underReplicated)
            p.isr = p.replicas.mid(0, replication - 1);
        else
            p.isr = p.replicas;
        t.partitions << p;
    }
    return t;
}

ClusterSnapshot snapshotOf(const QList<TopicState> &topics)
{
    ClusterSnapshot s;
    s.takenAt = QDateTime::currentDateTimeUtc();
    s.brokers = {BrokerState{1, QStringLiteral("127.0.0.1"), 21001, true},
                 BrokerState{2, QStringLiteral("127.0.0.1"), 21002, true},
                 BrokerState{3, QStringLiteral("127.0.0.1"), 21003, true}};
    s.topics = topics;
    s.normalize();
    return s;
}

ClusterSnapshot manyTopics(int count)
{
    QList<TopicState> topics;
    for (int i = 0; i < count; ++i)
        topics << topic(QStringLiteral("topic-%1").arg(i, 5, 10, QLatin1Char('0')), 1 + i % 12);
    return snapshotOf(topics);
}

QStringList namesIn(const QAbstractItemModel &model)
{
    QStringList names;
    for (int r = 0; r < model.rowCount(); ++r)
        names << model.index(r, TopicTableModel::NameColumn).data().toString();
    return names;
}

int proxyRowOf(const QAbstractItemModel &model, const QString &name)
{
    for (int r = 0; r < model.rowCount(); ++r)
        if (model.index(r, 0).data(TopicTableModel::TopicNameRole).toString() == name)
            return r;
    return -1;
}

// Every signal by which a model tells a view that something changed.
class SignalRecorder {
public:
    explicit SignalRecorder(const QAbstractItemModel *model)
    {
        m_spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::dataChanged));
        m_spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::headerDataChanged));
        m_spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::rowsInserted));
        m_spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::rowsRemoved));
        m_spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::rowsMoved));
        m_spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::columnsInserted));
        m_spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::columnsRemoved));
        m_spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::layoutChanged));
        m_spies.push_back(std::make_unique<QSignalSpy>(model, &QAbstractItemModel::modelReset));
    }
    qsizetype total() const
    {
        qsizetype n = 0;
        for (const auto &spy : m_spies)
            n += spy->count();
        return n;
    }

private:
    std::vector<std::unique_ptr<QSignalSpy>> m_spies;
};

} // namespace

class TestTopicTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void columnsAndRoles()
    {
        TopicTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshotOf({topic(QStringLiteral("payments"), 6, 3, 2),
                                        topic(QStringLiteral("__consumer_offsets"), 50, 3, 0, 0, true),
                                        topic(QStringLiteral("orders"), 12, 2, 0, 1)}));
        QCOMPARE(namesIn(model), (QStringList{QStringLiteral("__consumer_offsets"), QStringLiteral("orders"),
                                              QStringLiteral("payments")}));
        QCOMPARE(model.columnCount(), int(TopicTableModel::ColumnCount));
        QCOMPARE(model.headerData(TopicTableModel::ReplicationFactorColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Replication factor"));

        const int payments = model.rowOf(QStringLiteral("payments"));
        QCOMPARE(payments, 2);
        QCOMPARE(model.index(payments, TopicTableModel::PartitionsColumn).data().toInt(), 6);
        QCOMPARE(model.index(payments, TopicTableModel::ReplicationFactorColumn).data().toInt(), 3);
        QCOMPARE(model.index(payments, TopicTableModel::UnderReplicatedColumn).data().toInt(), 2);
        QCOMPARE(model.index(payments, TopicTableModel::OfflineColumn).data().toInt(), 0);
        QCOMPARE(model.index(payments, TopicTableModel::InternalColumn).data().toString(), QStringLiteral("no"));
        QCOMPARE(model.index(payments, TopicTableModel::OfflineColumn).data(TopicTableModel::UnderReplicatedRole).toInt(),
                 2);
        QCOMPARE(model.index(payments, TopicTableModel::OfflineColumn).data(TopicTableModel::TopicNameRole).toString(),
                 QStringLiteral("payments"));

        const int offsets = model.rowOf(QStringLiteral("__consumer_offsets"));
        QCOMPARE(model.index(offsets, TopicTableModel::InternalColumn).data().toString(), QStringLiteral("yes"));
        QCOMPARE(model.index(offsets, 0).data(TopicTableModel::InternalRole).toBool(), true);

        const int orders = model.rowOf(QStringLiteral("orders"));
        QCOMPARE(model.index(orders, TopicTableModel::OfflineColumn).data().toInt(), 1);
        QCOMPARE(model.index(orders, 0).data(TopicTableModel::OfflineRole).toInt(), 1);
        QCOMPARE(model.index(orders, TopicTableModel::ReplicationFactorColumn).data().toInt(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("missing")), -1);
    }

    void problemRowsAreMarked()
    {
        TopicTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshotOf({topic(QStringLiteral("healthy"), 3), topic(QStringLiteral("lagging"), 3, 3, 1),
                                        topic(QStringLiteral("offline"), 3, 3, 0, 3)}));
        const QModelIndex healthy = model.index(model.rowOf(QStringLiteral("healthy")), 0);
        const QModelIndex lagging = model.index(model.rowOf(QStringLiteral("lagging")), 0);
        const QModelIndex offline = model.index(model.rowOf(QStringLiteral("offline")), 0);
        QVERIFY(!healthy.data(Qt::DecorationRole).isValid());
        QVERIFY(!healthy.data(Qt::ToolTipRole).isValid());
        QVERIFY(!qvariant_cast<QIcon>(lagging.data(Qt::DecorationRole)).isNull());
        QVERIFY(!qvariant_cast<QIcon>(offline.data(Qt::DecorationRole)).isNull());
        QVERIFY(lagging.data(Qt::ToolTipRole).toString().contains(QStringLiteral("1 partition is under-replicated")));
        QVERIFY(offline.data(Qt::ToolTipRole).toString().contains(QStringLiteral("3 partitions have no leader")));
        // Only the name column carries the indicator.
        QVERIFY(!model.index(lagging.row(), TopicTableModel::PartitionsColumn).data(Qt::DecorationRole).isValid());
    }

    void identicalSnapshotEmitsNothing()
    {
        TopicTableModel model;
        TopicFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(TopicTableModel::PartitionsColumn, Qt::DescendingOrder);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ClusterSnapshot snapshot = manyTopics(5000);
        model.applySnapshot(snapshot);
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(proxy.rowCount(), 5000);

        const SignalRecorder modelSignals(&model);
        const SignalRecorder proxySignals(&proxy);
        ClusterSnapshot again = manyTopics(5000); // equal, not the same object
        again.takenAt = again.takenAt.addSecs(5);
        model.applySnapshot(again);
        model.applySnapshot(std::make_shared<const ClusterSnapshot>(snapshot));
        QCOMPARE(modelSignals.total(), 0);
        QCOMPARE(proxySignals.total(), 0);
    }

    void mergeSignalsOnlyWhatChanged()
    {
        TopicTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto names = [](const QStringList &list) {
            QList<TopicState> topics;
            for (const QString &n : list)
                topics << topic(n, 3);
            return topics;
        };
        model.applySnapshot(snapshotOf(names({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                              QStringLiteral("d"), QStringLiteral("e"), QStringLiteral("f")})));
        const QPersistentModelIndex d = model.index(model.rowOf(QStringLiteral("d")), 0);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QList<TopicState> next = names({QStringLiteral("a"), QStringLiteral("ba"), QStringLiteral("bb"),
                                        QStringLiteral("bc"), QStringLiteral("c"), QStringLiteral("d"),
                                        QStringLiteral("f")});
        next[5] = topic(QStringLiteral("d"), 3, 3, 1); // d became under-replicated; b and e went away
        model.applySnapshot(snapshotOf(next));

        QCOMPARE(namesIn(model), (QStringList{QStringLiteral("a"), QStringLiteral("ba"), QStringLiteral("bb"),
                                              QStringLiteral("bc"), QStringLiteral("c"), QStringLiteral("d"),
                                              QStringLiteral("f")}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 2); // b, e
        QCOMPARE(inserted.count(), 1); // ba..bc, one run
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 3);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 5);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 5);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().column(), TopicTableModel::ColumnCount - 1);
        QVERIFY(d.isValid());
        QCOMPARE(d.row(), 5);
        QCOMPARE(d.data(TopicTableModel::UnderReplicatedRole).toInt(), 1);
    }

    void mostRowsChangedIsOneRange()
    {
        TopicTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<TopicState> topics;
        for (int i = 0; i < 10; ++i)
            topics << topic(QStringLiteral("t%1").arg(i), 3);
        model.applySnapshot(snapshotOf(topics));
        for (const int i : {1, 2, 4, 6, 7, 8})
            topics[i] = topic(topics[i].name, 3, 3, 0, 1);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.applySnapshot(snapshotOf(topics));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(changed.at(0).at(1).value<QModelIndex>().row(), 8);

        for (const int i : {0, 5})
            topics[i] = topic(topics[i].name, 4);
        model.applySnapshot(snapshotOf(topics)); // two rows of ten: one range each
        QCOMPARE(changed.count(), 3);
    }

    void selectionSurvivesRefresh_data()
    {
        QTest::addColumn<int>("sortColumn");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::newRow("by name") << int(TopicTableModel::NameColumn) << Qt::AscendingOrder;
        QTest::newRow("by partitions, descending") << int(TopicTableModel::PartitionsColumn) << Qt::DescendingOrder;
    }

    void selectionSurvivesRefresh()
    {
        QFETCH(int, sortColumn);
        QFETCH(Qt::SortOrder, order);
        TopicTableModel model;
        TopicFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(sortColumn, order);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QItemSelectionModel selection(&proxy);

        model.applySnapshot(snapshotOf({topic(QStringLiteral("audit"), 1), topic(QStringLiteral("inventory"), 4),
                                        topic(QStringLiteral("orders"), 8), topic(QStringLiteral("payments"), 16),
                                        topic(QStringLiteral("users"), 2)}));
        const int row = proxyRowOf(proxy, QStringLiteral("orders"));
        QVERIFY(row >= 0);
        selection.setCurrentIndex(proxy.index(row, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);
        // Topics come and go around it, and the selected one itself changes.
        model.applySnapshot(snapshotOf({topic(QStringLiteral("aaa-first"), 32), topic(QStringLiteral("audit"), 1),
                                        topic(QStringLiteral("orders"), 8, 3, 2),
                                        topic(QStringLiteral("orders-archive"), 9), topic(QStringLiteral("users"), 2),
                                        topic(QStringLiteral("zzz-last"), 3)}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(proxy.rowCount(), 6);
        const QModelIndexList selected = selection.selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data(TopicTableModel::TopicNameRole).toString(), QStringLiteral("orders"));
        QCOMPARE(selection.currentIndex().data(TopicTableModel::TopicNameRole).toString(), QStringLiteral("orders"));
        QCOMPARE(selected.first().row(), proxyRowOf(proxy, QStringLiteral("orders")));
        QCOMPARE(proxy.index(selected.first().row(), TopicTableModel::UnderReplicatedColumn).data().toInt(), 2);
    }

    void filter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("showInternal");
        QTest::addColumn<QStringList>("expected");
        const QString offsets = QStringLiteral("__consumer_offsets");
        const QString transactions = QStringLiteral("__transaction_state");
        const QString schemas = QStringLiteral("_schemas");
        const QString audit = QStringLiteral("audit.orders");
        const QString orders = QStringLiteral("orders");
        const QString ordersEu = QStringLiteral("Orders-EU");
        const QString payments = QStringLiteral("payments");
        QTest::newRow("none, internal hidden") << QString() << false
                                               << QStringList{schemas, audit, orders, ordersEu, payments};
        QTest::newRow("none, internal shown")
            << QString() << true << QStringList{offsets, transactions, schemas, audit, orders, ordersEu, payments};
        QTest::newRow("substring") << QStringLiteral("order") << false << QStringList{audit, orders, ordersEu};
        QTest::newRow("any case") << QStringLiteral("ORD") << false << QStringList{audit, orders, ordersEu};
        QTest::newRow("blanks ignored") << QStringLiteral("  orders-eu ") << false << QStringList{ordersEu};
        QTest::newRow("internal hidden") << QStringLiteral("consumer") << false << QStringList{};
        QTest::newRow("internal shown") << QStringLiteral("consumer") << true << QStringList{offsets};
        QTest::newRow("underscore") << QStringLiteral("_") << false << QStringList{schemas};
        QTest::newRow("underscore, internal") << QStringLiteral("_s") << true << QStringList{transactions, schemas};
        QTest::newRow("no match") << QStringLiteral("xyz") << true << QStringList{};
        QTest::newRow("dot is no wildcard") << QStringLiteral("t.o") << false << QStringList{audit};
        QTest::newRow("no regex") << QStringLiteral("or.*s") << false << QStringList{};
    }

    void filter()
    {
        QFETCH(QString, text);
        QFETCH(bool, showInternal);
        QFETCH(QStringList, expected);
        TopicTableModel model;
        TopicFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(TopicTableModel::NameColumn);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(proxy.showInternal(), false);
        model.applySnapshot(snapshotOf(
            {topic(QStringLiteral("orders"), 3), topic(QStringLiteral("Orders-EU"), 3),
             topic(QStringLiteral("payments"), 3), topic(QStringLiteral("audit.orders"), 3),
             topic(QStringLiteral("__consumer_offsets"), 50, 3, 0, 0, true),
             topic(QStringLiteral("__transaction_state"), 50, 3, 0, 0, true), topic(QStringLiteral("_schemas"), 1)}));
        proxy.setShowInternal(showInternal);
        proxy.setFilterText(text);
        QCOMPARE(proxy.filterText(), text);
        QCOMPARE(namesIn(proxy), expected);

        proxy.setFilterText(QString()); // and back
        proxy.setShowInternal(true);
        QCOMPARE(proxy.rowCount(), 7);
    }

    void unchangedFilterDoesNothing()
    {
        TopicTableModel model;
        TopicFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(TopicTableModel::NameColumn);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(manyTopics(100));
        proxy.setFilterText(QStringLiteral("topic-0001"));
        QCOMPARE(proxy.rowCount(), 10);
        const SignalRecorder proxySignals(&proxy);
        proxy.setFilterText(QStringLiteral("TOPIC-0001 "));
        proxy.setShowInternal(false);
        QCOMPARE(proxySignals.total(), 0);
    }

    void newTopicsFollowTheFilter()
    {
        TopicTableModel model;
        TopicFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.sort(TopicTableModel::NameColumn);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setFilterText(QStringLiteral("ord"));
        model.applySnapshot(snapshotOf({topic(QStringLiteral("orders"), 3), topic(QStringLiteral("misc"), 3)}));
        QCOMPARE(namesIn(proxy), QStringList{QStringLiteral("orders")});
        model.applySnapshot(snapshotOf({topic(QStringLiteral("orders"), 3), topic(QStringLiteral("misc"), 3),
                                        topic(QStringLiteral("new-orders"), 3), topic(QStringLiteral("zeta"), 3)}));
        QCOMPARE(namesIn(proxy), (QStringList{QStringLiteral("new-orders"), QStringLiteral("orders")}));
        model.applySnapshot(snapshotOf({topic(QStringLiteral("misc"), 3)}));
        QCOMPARE(proxy.rowCount(), 0);
    }

    void sortsNumberColumnsAsNumbers_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("partitions, ascending")
            << int(TopicTableModel::PartitionsColumn) << Qt::AscendingOrder
            << QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("nine-a"),
                           QStringLiteral("Nine-b"), QStringLiteral("ten"), QStringLiteral("hundred")};
        QTest::newRow("partitions, descending")
            << int(TopicTableModel::PartitionsColumn) << Qt::DescendingOrder
            << QStringList{QStringLiteral("hundred"), QStringLiteral("ten"), QStringLiteral("Nine-b"),
                           QStringLiteral("nine-a"), QStringLiteral("two"), QStringLiteral("one")};
        QTest::newRow("name, any case")
            << int(TopicTableModel::NameColumn) << Qt::AscendingOrder
            << QStringList{QStringLiteral("hundred"), QStringLiteral("nine-a"), QStringLiteral("Nine-b"),
                           QStringLiteral("one"), QStringLiteral("ten"), QStringLiteral("two")};
        QTest::newRow("under-replicated")
            << int(TopicTableModel::UnderReplicatedColumn) << Qt::DescendingOrder
            << QStringList{QStringLiteral("ten"), QStringLiteral("two"), QStringLiteral("one"),
                           QStringLiteral("Nine-b"), QStringLiteral("nine-a"), QStringLiteral("hundred")};
    }

    void sortsNumberColumnsAsNumbers()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        QFETCH(QStringList, expected);
        TopicTableModel model;
        TopicFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.applySnapshot(snapshotOf({topic(QStringLiteral("ten"), 10, 3, 10), topic(QStringLiteral("two"), 2, 3, 2),
                                        topic(QStringLiteral("hundred"), 100), topic(QStringLiteral("Nine-b"), 9),
                                        topic(QStringLiteral("nine-a"), 9), topic(QStringLiteral("one"), 1)}));
        proxy.sort(column, order);
        QCOMPARE(namesIn(proxy), expected);
    }

    void unsortedSnapshotsAndEmptyOnes()
    {
        TopicTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ClusterSnapshot s;
        s.topics = {topic(QStringLiteral("c"), 1), topic(QStringLiteral("a"), 1), topic(QStringLiteral("b"), 1),
                    topic(QStringLiteral("a"), 2)}; // not normalized: unsorted, a duplicate
        model.applySnapshot(s);
        QCOMPARE(namesIn(model), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
        QCOMPARE(model.index(0, TopicTableModel::PartitionsColumn).data().toInt(), 1); // the first one stays

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.applySnapshot(ClusterSnapshotPtr());
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(resets.count(), 0);

        model.applySnapshot(std::make_shared<const ClusterSnapshot>(snapshotOf({topic(QStringLiteral("x"), 1)})));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 1);
    }
};

QTEST_MAIN(TestTopicTableModel)
#include "tst_gui_topictablemodel.moc"
