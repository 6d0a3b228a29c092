#include "models/grouplistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace kafdesk;

namespace {

GroupListing listing(const QString &id, const QString &state, bool simple = false)
{
    return GroupListing{id, state, simple};
}

GroupDescription description(const QString &id, int members, int coordinator, const QString &error = {})
{
    GroupDescription d;
    d.groupId = id;
    d.state = QStringLiteral("Stable");
    d.protocolType = QStringLiteral("consumer");
    d.coordinatorId = coordinator;
    for (int m = 0; m < members; ++m)
        d.members << GroupMember{QStringLiteral("member-%1").arg(m), QStringLiteral("client"), {}, {}, {}};
    d.error = error;
    return d;
}

QStringList ids(const QAbstractItemModel &model)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, GroupListModel::GroupColumn).data().toString();
    return out;
}

} // namespace

class TestGroupListModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsCombineListingAndDescription()
    {
        const auto rows = GroupListModel::rowsOf(
            {listing(QStringLiteral("b"), QStringLiteral("Stable")), listing(QStringLiteral("a"), QStringLiteral("Empty"), true),
             listing(QStringLiteral("c"), QStringLiteral("Dead")), listing(QStringLiteral("b"), QStringLiteral("Stable"))},
            {description(QStringLiteral("b"), 2, 3), description(QStringLiteral("c"), 0, 1, QStringLiteral("GROUP_ID_NOT_FOUND"))});
        QCOMPARE(rows.size(), 3); // sorted, the duplicate dropped
        QCOMPARE(rows.at(0).groupId, QStringLiteral("a"));
        QVERIFY(rows.at(0).simple);
        QCOMPARE(rows.at(0).members, -1);
        QCOMPARE(rows.at(1).groupId, QStringLiteral("b"));
        QCOMPARE(rows.at(1).state, QStringLiteral("Stable"));
        QCOMPARE(rows.at(1).members, 2);
        QCOMPARE(rows.at(1).coordinatorId, 3);
        QCOMPARE(rows.at(1).protocolType, QStringLiteral("consumer"));
        QCOMPARE(rows.at(2).members, -1); // the description failed: ignored
        QCOMPARE(rows.at(2).state, QStringLiteral("Dead"));
    }

    void displaysWhatIsKnown()
    {
        GroupListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(GroupListModel::rowsOf({listing(QStringLiteral("a"), QStringLiteral("PreparingRebalance")),
                                              listing(QStringLiteral("s"), QStringLiteral("Empty"), true)},
                                             {description(QStringLiteral("a"), 4, 2)}));
        QCOMPARE(model.index(0, GroupListModel::StateColumn).data().toString(), QStringLiteral("Rebalancing (preparing)"));
        QCOMPARE(model.index(0, GroupListModel::StateColumn).data(GroupListModel::StateRole).toString(),
                 QStringLiteral("PreparingRebalance"));
        QCOMPARE(model.index(0, GroupListModel::MembersColumn).data().toInt(), 4);
        QCOMPARE(model.index(0, GroupListModel::CoordinatorColumn).data().toInt(), 2);
        QCOMPARE(model.index(0, GroupListModel::TypeColumn).data().toString(), QStringLiteral("consumer"));
        QCOMPARE(model.index(1, GroupListModel::TypeColumn).data().toString(), QStringLiteral("simple"));
        QCOMPARE(model.index(1, GroupListModel::MembersColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(1, GroupListModel::MembersColumn).data(GroupListModel::SortRole).toInt(), -1);
        QCOMPARE(model.index(1, GroupListModel::GroupColumn).data(GroupListModel::GroupIdRole).toString(), QStringLiteral("s"));
        QVERIFY(!model.index(0, GroupListModel::StateColumn).data(Qt::ToolTipRole).toString().isEmpty());
    }

    void refreshesMergeByGroupId()
    {
        GroupListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(GroupListModel::rowsOf({listing(QStringLiteral("a"), QStringLiteral("Stable")),
                                              listing(QStringLiteral("b"), QStringLiteral("Stable")),
                                              listing(QStringLiteral("c"), QStringLiteral("Stable"))}));
        const QPersistentModelIndex c = model.index(2, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // b deleted, d created, c became Empty.
        model.setRows(GroupListModel::rowsOf({listing(QStringLiteral("a"), QStringLiteral("Stable")),
                                              listing(QStringLiteral("c"), QStringLiteral("Empty")),
                                              listing(QStringLiteral("d"), QStringLiteral("Stable"))}));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        QVERIFY(c.isValid());
        QCOMPARE(c.data().toString(), QStringLiteral("c"));
        QCOMPARE(ids(model), (QStringList{QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("d")}));
        QCOMPARE(model.rowOf(QStringLiteral("d")), 2);
        QCOMPARE(model.rowOf(QStringLiteral("b")), -1);

        model.setRows(model.rows()); // nothing changed, nothing signalled
        QCOMPARE(changed.count(), 1);
        QCOMPARE(inserted.count(), 1);

        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void showsTopicsAndTotalLag()
    {
        auto part = [](const QString &topic, int p, std::optional<qint64> committed, qint64 end) {
            PartitionLag l;
            l.topic = topic;
            l.partition = p;
            l.committed = committed;
            l.logEnd = end;
            if (committed)
                l.lag = end - *committed;
            return l;
        };
        GroupLag a;
        a.groupId = QStringLiteral("a");
        a.state = QStringLiteral("Empty");
        a.partitions = {part(QStringLiteral("audit"), 0, 1, 4), part(QStringLiteral("orders"), 0, 2, 10),
                        part(QStringLiteral("orders"), 1, std::nullopt, 3)};
        a.totalLag = 11;
        GroupLag b; // assigned, never committed
        b.groupId = QStringLiteral("b");
        b.state = QStringLiteral("Stable");
        b.members = 1;
        b.partitions = {part(QStringLiteral("orders"), 0, std::nullopt, 10)};
        GroupListModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(GroupListModel::SortRole);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(GroupListModel::rowsOf({listing(QStringLiteral("a"), QStringLiteral("Empty")),
                                              listing(QStringLiteral("b"), QStringLiteral("Stable")),
                                              listing(QStringLiteral("c"), QStringLiteral("Empty"))},
                                             {}, {a, b}));
        QCOMPARE(model.index(0, GroupListModel::TopicsColumn).data().toString(), QStringLiteral("audit, orders"));
        QCOMPARE(model.index(0, GroupListModel::TopicsColumn).data(GroupListModel::TopicsRole).toStringList(),
                 (QStringList{QStringLiteral("audit"), QStringLiteral("orders")}));
        QCOMPARE(model.index(0, GroupListModel::LagColumn).data().toString(), QStringLiteral("11"));
        QCOMPARE(model.index(0, GroupListModel::LagColumn).data(GroupListModel::TotalLagRole).toLongLong(), 11);
        QCOMPARE(model.index(1, GroupListModel::LagColumn).data().toString(), QStringLiteral("no commit"));
        QCOMPARE(model.index(1, GroupListModel::MembersColumn).data().toInt(), 1); // from the lag, not described
        QCOMPARE(model.index(2, GroupListModel::LagColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(2, GroupListModel::TopicsColumn).data().toString(), QStringLiteral("—"));
        proxy.sort(GroupListModel::LagColumn, Qt::DescendingOrder);
        QCOMPARE(ids(proxy), (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));

        // The lag moves: one dataChanged, no reset.
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        a.totalLag = 3;
        model.setRows(GroupListModel::rowsOf({listing(QStringLiteral("a"), QStringLiteral("Empty")),
                                              listing(QStringLiteral("b"), QStringLiteral("Stable")),
                                              listing(QStringLiteral("c"), QStringLiteral("Empty"))},
                                             {}, {a, b}));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.index(0, GroupListModel::LagColumn).data(GroupListModel::TotalLagRole).toLongLong(), 3);
    }

    void sortsNumbersAsNumbersThroughAProxy()
    {
        GroupListModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(GroupListModel::SortRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(GroupListModel::rowsOf(
            {listing(QStringLiteral("x"), QStringLiteral("Stable")), listing(QStringLiteral("y"), QStringLiteral("Stable")),
             listing(QStringLiteral("z"), QStringLiteral("Empty"))},
            {description(QStringLiteral("x"), 10, 1), description(QStringLiteral("y"), 9, 1)}));
        proxy.sort(GroupListModel::MembersColumn, Qt::AscendingOrder);
        QCOMPARE(ids(proxy), (QStringList{QStringLiteral("z"), QStringLiteral("y"), QStringLiteral("x")}));
    }
};

QTEST_MAIN(TestGroupListModel)
#include "tst_gui_grouplistmodel.moc"
