// The consumer group detail models (members, offsets), the reset preview model and the lag
// chart, without a broker: every model under QAbstractItemModelTester, refreshes that merge, the
// "no commit" rows, and the chart's bounded history and coalesced redraws.

#include "charts/lagchart.h"
#include "dialogs/resetoffsetspreviewmodel.h"
#include "models/groupmembermodel.h"
#include "models/groupoffsetmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace kafdesk;

namespace {

GroupMember member(const QString &id, const QString &client, const QList<QPair<QString, int>> &assignment)
{
    GroupMember m;
    m.memberId = id;
    m.clientId = client;
    m.host = QStringLiteral("/127.0.0.1");
    m.assignment = assignment;
    return m;
}

PartitionLag partition(const QString &topic, int p, std::optional<qint64> committed, qint64 end,
                       const QString &owner = {})
{
    PartitionLag l;
    l.topic = topic;
    l.partition = p;
    l.committed = committed;
    l.logEnd = end;
    l.logStart = 0;
    if (committed)
        l.lag = std::max<qint64>(0, end - *committed);
    l.committedBeyondEnd = committed && *committed > end;
    l.owner = owner;
    l.ownerMemberId = owner.isEmpty() ? QString() : owner + QStringLiteral("-id");
    l.ownerHost = owner.isEmpty() ? QString() : QStringLiteral("/10.0.0.1");
    return l;
}

PartitionReset reset(int p, std::optional<qint64> current, qint64 newOffset, const QString &note = {})
{
    PartitionReset r;
    r.topic = QStringLiteral("orders");
    r.partition = p;
    r.current = current;
    r.logStart = 0;
    r.logEnd = 10;
    r.newOffset = newOffset;
    r.note = note;
    return r;
}

} // namespace

class TestGroupModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void assignmentTextGroupsByTopic()
    {
        QCOMPARE(GroupMemberModel::assignmentText({{QStringLiteral("orders"), 2},
                                                   {QStringLiteral("orders"), 0},
                                                   {QStringLiteral("audit"), 4},
                                                   {QStringLiteral("orders"), 1}}),
                 QStringLiteral("audit: 4; orders: 0, 1, 2"));
        QCOMPARE(GroupMemberModel::assignmentText({}), QString());
    }

    void membersMergeByMemberId()
    {
        GroupMemberModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMembers({member(QStringLiteral("m-b"), QStringLiteral("c2"), {{QStringLiteral("orders"), 1}}),
                          member(QStringLiteral("m-a"), QStringLiteral("c1"), {{QStringLiteral("orders"), 0}})});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, GroupMemberModel::ClientColumn).data().toString(), QStringLiteral("c1"));
        QCOMPARE(model.index(0, GroupMemberModel::AssignmentColumn).data().toString(), QStringLiteral("orders: 0"));
        QCOMPARE(model.index(1, GroupMemberModel::MemberColumn).data().toString(), QStringLiteral("m-b"));
        const QPersistentModelIndex b = model.index(1, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        // m-a left; m-b got both partitions; m-c joined idle.
        model.setMembers({member(QStringLiteral("m-b"), QStringLiteral("c2"),
                                 {{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 1}}),
                          member(QStringLiteral("m-c"), QStringLiteral("c3"), {})});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1);
        QVERIFY(b.isValid());
        QCOMPARE(b.row(), 0);
        QCOMPARE(model.index(0, GroupMemberModel::AssignmentColumn).data().toString(), QStringLiteral("orders: 0, 1"));
        QCOMPARE(model.index(1, GroupMemberModel::AssignmentColumn).data().toString(), QStringLiteral("none (idle)"));
        QCOMPARE(model.index(1, 0).data(GroupMemberModel::PartitionCountRole).toInt(), 0);
        QCOMPARE(model.rowOf(QStringLiteral("m-c")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("m-a")), -1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void offsetsShowNoCommitAndMerge()
    {
        GroupOffsetModel model;
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(GroupOffsetModel::SortRole);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPartitions({partition(QStringLiteral("orders"), 1, std::nullopt, 7, QStringLiteral("c1")),
                             partition(QStringLiteral("orders"), 0, 3, 10, QStringLiteral("c1")),
                             partition(QStringLiteral("audit"), 0, 12, 9)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, GroupOffsetModel::TopicColumn).data().toString(), QStringLiteral("audit"));
        QCOMPARE(model.index(0, GroupOffsetModel::LagColumn).data().toString(), QStringLiteral("0 (commit past the end)"));
        QCOMPARE(model.index(0, GroupOffsetModel::OwnerColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(1, GroupOffsetModel::CommittedColumn).data(GroupOffsetModel::CommittedRole).toLongLong(), 3);
        QCOMPARE(model.index(1, GroupOffsetModel::LagColumn).data(GroupOffsetModel::LagRole).toLongLong(), 7);
        QCOMPARE(model.index(1, GroupOffsetModel::HostColumn).data().toString(), QStringLiteral("/10.0.0.1"));
        QCOMPARE(model.index(2, GroupOffsetModel::CommittedColumn).data().toString(), QStringLiteral("no commit"));
        QCOMPARE(model.index(2, GroupOffsetModel::LagColumn).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(2, GroupOffsetModel::CommittedColumn).data(GroupOffsetModel::CommittedRole).toLongLong(), -1);
        QCOMPARE(model.rowOf(QStringLiteral("orders"), 1), 2);
        QCOMPARE(model.rowOf(QStringLiteral("orders"), 5), -1);

        proxy.sort(GroupOffsetModel::LagColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, GroupOffsetModel::PartitionColumn).data().toInt(), 0);
        QCOMPARE(proxy.index(0, GroupOffsetModel::TopicColumn).data().toString(), QStringLiteral("orders"));

        const QPersistentModelIndex orders0 = model.index(1, 0);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.setPartitions({partition(QStringLiteral("orders"), 0, 10, 10, QStringLiteral("c1")),
                             partition(QStringLiteral("orders"), 1, std::nullopt, 7, QStringLiteral("c1"))});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 1);
        QVERIFY(orders0.isValid());
        QCOMPARE(orders0.row(), 0);
        QCOMPARE(model.index(0, GroupOffsetModel::LagColumn).data(GroupOffsetModel::LagRole).toLongLong(), 0);
    }

    void previewShowsChanges()
    {
        ResetOffsetsPreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPartitions({reset(2, std::nullopt, 0), reset(0, 5, 2), reset(1, 4, 4),
                             reset(3, 1, 10, QStringLiteral("clamped to the log end"))});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.changedCount(), 3);
        QCOMPARE(model.index(0, ResetOffsetsPreviewModel::ChangeColumn).data().toString(), QString(QChar(0x2212)) + QStringLiteral("3"));
        QCOMPARE(model.index(1, ResetOffsetsPreviewModel::ChangeColumn).data().toString(), QStringLiteral("unchanged"));
        QCOMPARE(model.index(2, ResetOffsetsPreviewModel::CurrentColumn).data().toString(), QStringLiteral("no commit"));
        QCOMPARE(model.index(2, ResetOffsetsPreviewModel::ChangeColumn).data().toString(), QStringLiteral("new"));
        QCOMPARE(model.index(3, ResetOffsetsPreviewModel::ChangeColumn).data().toString(), QStringLiteral("+9"));
        QCOMPARE(model.index(3, ResetOffsetsPreviewModel::NoteColumn).data().toString(), QStringLiteral("clamped to the log end"));
        QCOMPARE(model.index(3, 0).data(ResetOffsetsPreviewModel::NewOffsetRole).toLongLong(), 10);
        QCOMPARE(model.index(2, 0).data(ResetOffsetsPreviewModel::CurrentRole).toLongLong(), -1);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setPartitions({reset(0, 5, 0), reset(1, 4, 0)});
        QCOMPARE(resets.count(), 0);
        QCOMPARE(model.rowCount(), 2);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void chartKeepsABoundedHistory()
    {
        LagChart chart;
        const QDateTime start = QDateTime::currentDateTime();
        for (int i = 0; i < LagChart::maxPoints + 40; ++i)
            chart.addSample(start.addSecs(i), i, {{QStringLiteral("orders"), i / 2}, {QStringLiteral("audit"), 1}});
        QCOMPARE(chart.pointCount(), LagChart::maxPoints);
        QCOMPARE(chart.totalValues().first(), 40.0);
        QCOMPARE(chart.totalValues().last(), double(LagChart::maxPoints + 39));
        QCOMPARE(chart.topics(), (QStringList{QStringLiteral("audit"), QStringLiteral("orders")}));
        QCOMPARE(chart.topicValues(QStringLiteral("orders")).size(), LagChart::maxPoints);
        // Older than the history window goes too.
        chart.addSample(start.addSecs(LagChart::maxPoints + 40 + LagChart::historySeconds), 7, {});
        QCOMPARE(chart.pointCount(), 1);
        QVERIFY(chart.topics().isEmpty()); // no point of theirs left
        // A sample not after the last one is ignored.
        chart.addSample(start, 99, {});
        QCOMPARE(chart.totalValues(), QList<double>{7.0});
        chart.clear();
        QCOMPARE(chart.pointCount(), 0);
    }

    void chartRedrawsAreCoalesced()
    {
        LagChart chart;
        chart.resize(600, 300);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        QTRY_VERIFY(!chart.isReplotPending());
        QTest::qWait(LagChart::replotIntervalMs + 50);
        const int before = chart.replotCount();
        const QDateTime start = QDateTime::currentDateTime();
        for (int i = 0; i < 100; ++i)
            chart.addSample(start.addMSecs(i * 10), i, {{QStringLiteral("orders"), i}});
        QCOMPARE(chart.replotCount(), before); // nothing redrawn per point
        QVERIFY(chart.isReplotPending());
        QTRY_VERIFY_WITH_TIMEOUT(chart.replotCount() > before, 2000);
        QTest::qWait(LagChart::replotIntervalMs * 2);
        QCOMPARE(chart.replotCount(), before + 1); // one redraw for the hundred points
        QCOMPARE(chart.legendNames(), (QStringList{QStringLiteral("Total"), QStringLiteral("orders")}));
        QVERIFY(chart.toolTip().contains(QStringLiteral("Total lag: 99")));

        // A dark palette: the total follows the text colour, and the change is redrawn.
        QPalette dark = chart.palette();
        dark.setColor(QPalette::Window, QColor(40, 40, 40));
        dark.setColor(QPalette::Base, QColor(30, 30, 30));
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        const int beforeDark = chart.replotCount();
        chart.setPalette(dark);
        QCOMPARE(chart.totalColour(), QColor(230, 230, 230));
        QTRY_VERIFY_WITH_TIMEOUT(chart.replotCount() > beforeDark, 2000);
    }
};

QTEST_MAIN(TestGroupModels)
#include "tst_gui_groupmodels.moc"
