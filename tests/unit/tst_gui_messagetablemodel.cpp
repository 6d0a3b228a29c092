// The consume pane's models without a broker: MessageTableModel (columns, nulls, decoders,
// tooltips, one remove + one insert per batch, drop accounting with a small capacity, spans for
// export) and MessageFilterModel (matches, incremental scan of a big buffer, new batches, drops),
// both under QAbstractItemModelTester.

#include "messages/messagefilter.h"
#include "models/messagefiltermodel.h"
#include "models/messagetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace kafdesk;

namespace {

// `count` messages, numbered from `first`: key k<n>, value {"n":<n>} (every 5th key null, every
// 7th value null), partition n % 3, offset n / 3.
MessageBatchPtr makeBatch(int first, int count)
{
    auto batch = std::make_shared<MessageBatch>();
    for (int n = first; n < first + count; ++n) {
        Message m;
        m.partition = n % 3;
        m.offset = n / 3;
        m.timestampMs = 1733061600000 + n;
        m.timestampType = TimestampType::CreateTime;
        if (n % 5 != 0)
            m.key = QByteArray("k") + QByteArray::number(n);
        if (n % 7 != 0)
            m.value = QByteArray("{\"n\": ") + QByteArray::number(n) + QByteArray("}");
        if (n % 2 == 0)
            m.headers = {{QByteArray("h"), QByteArray::number(n)}};
        batch->append(m);
    }
    return batch;
}

QString cell(const QAbstractItemModel &model, int row, int column, int role = Qt::DisplayRole)
{
    return model.index(row, column).data(role).toString();
}

} // namespace

class TestMessageTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void columnsAndCells()
    {
        MessageTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.columnCount(), 6);
        QCOMPARE(model.headerData(MessageTableModel::ValueColumn, Qt::Horizontal).toString(), QStringLiteral("Value"));
        model.appendBatch(makeBatch(0, 10));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(cell(model, 4, MessageTableModel::PartitionColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, 4, MessageTableModel::OffsetColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, 4, MessageTableModel::KeyColumn), QStringLiteral("k4"));
        QCOMPARE(cell(model, 4, MessageTableModel::ValueColumn), QStringLiteral("{\"n\":4}")); // auto: compact JSON
        QCOMPARE(cell(model, 4, MessageTableModel::HeadersColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, 3, MessageTableModel::HeadersColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, 4, MessageTableModel::TimestampColumn),
                 QDateTime::fromMSecsSinceEpoch(1733061600004).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        QVERIFY(cell(model, 4, MessageTableModel::TimestampColumn, Qt::ToolTipRole).contains(QStringLiteral("create time")));
        // Nulls: "null", dimmed and italic, flagged; an empty key would not be.
        QCOMPARE(cell(model, 5, MessageTableModel::KeyColumn), QStringLiteral("null"));
        QVERIFY(model.index(5, MessageTableModel::KeyColumn).data(MessageTableModel::IsNullRole).toBool());
        QVERIFY(model.index(5, MessageTableModel::KeyColumn).data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(model.index(5, MessageTableModel::KeyColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(4, MessageTableModel::KeyColumn).data(MessageTableModel::IsNullRole).toBool());
        QCOMPARE(cell(model, 7, MessageTableModel::ValueColumn), QStringLiteral("null"));
        QVERIFY(cell(model, 7, MessageTableModel::ValueColumn, Qt::ToolTipRole).contains(QStringLiteral("tombstone")));
        // The tooltip shows the whole value, pretty.
        QCOMPARE(cell(model, 4, MessageTableModel::ValueColumn, Qt::ToolTipRole), QStringLiteral("{\n  \"n\": 4\n}"));
        QCOMPARE(model.index(4, 0).data(MessageTableModel::MessageRowRole).toLongLong(), 4);
        QCOMPARE(model.message(4).key, QByteArray("k4"));
    }

    void decodersRepaint()
    {
        MessageTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendBatch(makeBatch(1, 3));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setValueDecoder(Decoder::Hex);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().column(), int(MessageTableModel::ValueColumn));
        QCOMPARE(changed[0][1].toModelIndex().row(), 2);
        QCOMPARE(cell(model, 0, MessageTableModel::ValueColumn), QStringLiteral("7b 22 6e 22 3a 20 31 7d"));
        model.setKeyDecoder(Decoder::Int32); // "k1" is 2 bytes: said so, not a crash
        QVERIFY(cell(model, 0, MessageTableModel::KeyColumn).contains(QStringLiteral("2 bytes, not 4")));
        model.setValueDecoder(Decoder::Hex);
        QCOMPARE(changed.size(), 2); // unchanged decoder: no signal
    }

    void dropsOldestInOneRemoveAndOneInsert()
    {
        MessageTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(25);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy storeChanged(&model, &MessageTableModel::storeChanged);
        model.appendBatch(makeBatch(0, 10));
        model.appendBatch(makeBatch(10, 10));
        QCOMPARE(removed.size(), 0);
        model.appendBatch(makeBatch(20, 10)); // 30 > 25: the 5 oldest go
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed[0][1].toInt(), 0);
        QCOMPARE(removed[0][2].toInt(), 4);
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(inserted[2][1].toInt(), 15); // after the 5 removed
        QCOMPARE(inserted[2][2].toInt(), 24);
        QCOMPARE(model.rowCount(), 25);
        QCOMPARE(model.store().droppedTotal(), 5);
        QCOMPARE(model.firstMessageNumber(), 5);
        QCOMPARE(cell(model, 0, MessageTableModel::KeyColumn), QStringLiteral("null")); // message 5: a null key
        QCOMPARE(cell(model, 1, MessageTableModel::KeyColumn), QStringLiteral("k6"));
        QCOMPARE(model.message(0).offset, 5 / 3);
        QCOMPARE(model.message(24).key, QByteArray("k29"));
        QCOMPARE(model.index(0, 0).data(MessageTableModel::MessageNumberRole).toLongLong(), 5);
        QCOMPARE(storeChanged.size(), 3);

        // A batch larger than the whole buffer: every old row goes, and the batch's own oldest.
        model.appendBatch(makeBatch(30, 40));
        QCOMPARE(model.rowCount(), 25);
        QCOMPARE(model.store().droppedTotal(), 45);
        QCOMPARE(model.message(0).key, std::nullopt); // message 45
        QCOMPARE(model.message(1).key, QByteArray("k46"));
        QCOMPARE(model.message(0).offset, 45 / 3);
        QCOMPARE(model.message(24).offset, 69 / 3);

        // The spans cover exactly the buffered rows, in order.
        const QList<MessageSpan> spans = model.spans();
        qsizetype total = 0;
        for (const MessageSpan &s : spans)
            total += s.end - s.begin;
        QCOMPARE(total, 25);
        QCOMPARE(spans.first().batch->offset(spans.first().begin), 45 / 3);

        // A smaller capacity drops at once; clear() resets the accounting.
        model.setCapacity(10);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.store().droppedTotal(), 60);
        QCOMPARE(model.message(0).offset, 60 / 3);
        qsizetype spanRows = 0;
        for (const MessageSpan &s : model.spans())
            spanRows += s.end - s.begin;
        QCOMPARE(spanRows, 10);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.store().droppedTotal(), 0);
        QVERIFY(model.spans().isEmpty());
    }

    void filterProxy()
    {
        MessageTableModel model;
        MessageFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setMessageModel(&model);
        model.setCapacity(100);
        model.appendBatch(makeBatch(0, 50));
        QCOMPARE(proxy.rowCount(), 50); // no filter: everything
        QCOMPARE(proxy.headerData(MessageTableModel::KeyColumn, Qt::Horizontal).toString(), QStringLiteral("Key"));

        // Keys ending in 3: k3, k13, k23, k33, k43 (none of them null).
        auto filter = MessageFilter::create({QStringLiteral("3$"), true, false, MessageFilterSpec::Key});
        QVERIFY(filter);
        proxy.setFilter(*filter);
        QCOMPARE(proxy.isScanning(), false);
        QCOMPARE(proxy.rowCount(), 5);
        QCOMPARE(cell(proxy, 1, MessageTableModel::KeyColumn), QStringLiteral("k13"));
        QCOMPARE(proxy.mapToSource(proxy.index(1, 3)).row(), 13);
        QCOMPARE(proxy.mapFromSource(model.index(23, 2)).row(), 2);
        QVERIFY(!proxy.mapFromSource(model.index(24, 2)).isValid());

        // New batches are filtered as they come (on the next turn of the event loop).
        model.appendBatch(makeBatch(50, 50));
        QCOMPARE(proxy.rowCount(), 5);
        QVERIFY(proxy.isScanning());
        QTRY_COMPARE(proxy.rowCount(), 10);
        QCOMPARE(cell(proxy, 9, MessageTableModel::KeyColumn), QStringLiteral("k93"));
        // Dropped messages leave the filtered rows too: 30 oldest go, k3, k13, k23 with them.
        model.appendBatch(makeBatch(100, 30));
        QCOMPARE(model.store().droppedTotal(), 30);
        QCOMPARE(proxy.rowCount(), 7); // at once: k3, k13 and k23 left with the dropped messages
        QTRY_COMPARE(proxy.rowCount(), 7 + 3); // k33..k93 (7) + k103, k113, k123
        QCOMPARE(cell(proxy, 0, MessageTableModel::KeyColumn), QStringLiteral("k33"));
        QCOMPARE(proxy.sourceRows().first(), 3); // message 33 is store row 3
        QCOMPARE(proxy.mapToSource(proxy.index(0, 0)).row(), 3);

        // Headers: "h" = n for even n.
        proxy.setFilter(*MessageFilter::create({QStringLiteral("^12[0-9]$"), true, false, MessageFilterSpec::Headers}));
        QCOMPARE(proxy.rowCount(), 5); // 120, 122, ..., 128

        // Back to no filter; clear.
        proxy.setFilter(MessageFilter());
        QCOMPARE(proxy.rowCount(), 100);
        model.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }

    void scansABigBufferIncrementally()
    {
        MessageTableModel model;
        model.setCapacity(1000000);
        for (int i = 0; i < 50; ++i)
            model.appendBatch(makeBatch(i * 20000, 20000));
        QCOMPARE(model.rowCount(), 1000000);
        MessageFilterModel proxy;
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setMessageModel(&model);
        proxy.setSliceMs(5);
        auto filter = MessageFilter::create({QStringLiteral("k99999"), false, false, MessageFilterSpec::Key});
        QElapsedTimer timer;
        timer.start();
        proxy.setFilter(*filter);
        const qint64 firstSlice = timer.elapsed();
        QVERIFY2(firstSlice < 100, qPrintable(QString::number(firstSlice))); // returns long before the scan ends
        QVERIFY(proxy.isScanning());
        QVERIFY(proxy.scannedCount() < 1000000);
        // Meanwhile batches go on arriving and get scanned too.
        model.appendBatch(makeBatch(1000000, 100));
        QTRY_VERIFY_WITH_TIMEOUT(!proxy.isScanning(), 30000);
        qInfo("scan of 1,000,000 messages: %lld ms in slices", qint64(timer.elapsed()));
        QCOMPARE(proxy.scannedCount(), 1000000);
        // k99999 and k999990..k999999: 11 keys, minus the null ones (n % 5 == 0): 999990, 999995.
        QCOMPARE(proxy.rowCount(), 9);
        QCOMPARE(cell(proxy, 0, MessageTableModel::KeyColumn), QStringLiteral("k99999"));
    }
};

QTEST_MAIN(TestMessageTableModel)
#include "tst_gui_messagetablemodel.moc"
