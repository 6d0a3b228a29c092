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
