// MessageBatch and MessageStore: what goes in comes out (null vs empty keys and values, headers
// with null values), dropping the oldest when full, and the memory a buffered message costs.

#include "messages/message.h"

#include <QTest>

using namespace kafdesk;

namespace {

Message sample(int partition, qint64 offset, std::optional<QByteArray> key, std::optional<QByteArray> value,
               QList<MessageHeader> headers = {})
{
    Message m;
    m.partition = partition;
    m.offset = offset;
    m.timestampMs = 1700000000000 + offset;
    m.timestampType = TimestampType::CreateTime;
    m.key = std::move(key);
    m.value = std::move(value);
    m.headers = std::move(headers);
    return m;
}

// A batch of `count` messages numbered from `first` (the offset is the number).
MessageBatchPtr numbered(qint64 first, qsizetype count, qsizetype valueSize = 8)
{
    auto batch = std::make_shared<MessageBatch>();
    const QByteArray value(valueSize, 'v');
    for (qsizetype i = 0; i < count; ++i)
        batch->append(int(i % 3), first + i, -1, TimestampType::None, nullptr, 0, value.constData(), value.size());
    batch->squeeze();
    return batch;
}

} // namespace

class TestMessageStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nullAndEmptyRoundTrip()
    {
        const QList<Message> in{
            sample(0, 10, std::nullopt, std::nullopt),
            sample(1, 11, QByteArray(), QByteArray()),
            sample(2, 12, QByteArray("k"), QByteArray("value")),
            sample(0, 13, std::nullopt, QByteArray("x"),
                   {{"trace", QByteArray("abc")}, {"null-header", std::nullopt}, {"empty", QByteArray()}, {"", QByteArray("no name")}}),
            sample(1, 14, QByteArray("key\0with nul", 12), std::nullopt, {{"h", std::nullopt}}),
        };
        MessageBatch batch;
        for (const Message &m : in)
            batch.append(m);
        QCOMPARE(batch.size(), in.size());
        for (qsizetype i = 0; i < in.size(); ++i)
            QCOMPARE(batch.message(i), in[i]);
        QVERIFY(batch.keyIsNull(0));
        QVERIFY(batch.valueIsNull(0));
        QVERIFY(!batch.keyIsNull(1));
        QVERIFY(!batch.valueIsNull(1));
        QCOMPARE(batch.key(1).size(), 0);
        QCOMPARE(batch.headerCount(3), 4);
        QCOMPARE(batch.headerCount(2), 0);
        QCOMPARE(batch.headers(3)[1].value, std::nullopt);
        QCOMPARE(batch.headers(3)[2].value, std::optional<QByteArray>(QByteArray()));
        QCOMPARE(batch.key(4), QByteArrayView("key\0with nul", 12));
        QCOMPARE(batch.timestampMs(2), 1700000000012);
        QCOMPARE(batch.timestampType(2), TimestampType::CreateTime);
        QCOMPARE(batch.payloadBytes(), qint64(0 + 0 + 1 + 5 + 1 + 12));

        // Through a store, after squeeze.
        batch.squeeze();
        MessageStore store;
        QCOMPARE(store.append(std::make_shared<MessageBatch>(std::move(batch))), 0);
        QCOMPARE(store.size(), in.size());
        for (qsizetype i = 0; i < in.size(); ++i)
            QCOMPARE(store.message(i), in[i]);
    }

    void noTimestamp()
    {
        MessageBatch batch;
        batch.append(0, 0, -1, TimestampType::None, "k", 1, "v", 1);
        batch.append(0, 1, 0, TimestampType::LogAppendTime, "k", 1, "v", 1);
        QCOMPARE(batch.timestampMs(0), -1);
        QCOMPARE(batch.timestampType(0), TimestampType::None);
        QCOMPARE(batch.timestampMs(1), 0);
        QCOMPARE(batch.timestampType(1), TimestampType::LogAppendTime);
    }

    void appendHeaderToLastMessage()
    {
        MessageBatch batch;
        batch.append(0, 0, -1, TimestampType::None, "k", 1, "v", 1);
        batch.append(0, 1, -1, TimestampType::None, nullptr, 0, "value", 5);
        batch.appendHeader("a", 1, "1", 1);
        batch.appendHeader("b", 1, nullptr, 0);
        QCOMPARE(batch.headerCount(0), 0);
        QCOMPARE(batch.headerCount(1), 2);
        QCOMPARE(batch.value(1), QByteArrayView("value"));
        const QList<MessageHeader> expected{{"a", QByteArray("1")}, {"b", std::nullopt}};
        QCOMPARE(batch.headers(1), expected);
    }

    void movedFromIsEmptyAndUsable()
    {
        MessageBatch a;
        a.append(0, 1, -1, TimestampType::None, "k", 1, "v", 1);
        MessageBatch b(std::move(a));
        QCOMPARE(b.size(), 1);
        QCOMPARE(a.size(), 0); // NOLINT(bugprone-use-after-move): moved-from batches are empty by contract
        a.append(2, 5, -1, TimestampType::None, nullptr, 0, "x", 1);
        QCOMPARE(a.size(), 1);
        QCOMPARE(a.partition(0), 2);
        MessageBatch c;
        c = std::move(b);
        QCOMPARE(c.offset(0), 1);
    }

    void dropsTheOldest()
    {
        MessageStore store(250);
        QCOMPARE(store.append(numbered(0, 100)), 0);
        QCOMPARE(store.append(numbered(100, 100)), 0);
        QCOMPARE(store.append(std::make_shared<MessageBatch>()), 0); // empty: nothing
        QCOMPARE(store.append(numbered(200, 100)), 50);
        QCOMPARE(store.size(), 250);
        QCOMPARE(store.droppedTotal(), 50);
        QCOMPARE(store.appendedTotal(), 300);
        // Row 0 is message number droppedTotal(), in every direction of access.
        QCOMPARE(store.offset(0), 50);
        QCOMPARE(store.offset(249), 299);
        QCOMPARE(store.offset(49), 99);
        QCOMPARE(store.offset(50), 100);
        QCOMPARE(store.offset(150), 200);
        QCOMPARE(store.offset(0), 50);
        for (qsizetype row = store.size() - 1; row >= 0; row -= 7)
            QCOMPARE(store.offset(row), 50 + row);

        // A batch bigger than the capacity keeps only its newest messages.
        QCOMPARE(store.append(numbered(300, 1000)), 1000);
        QCOMPARE(store.size(), 250);
        QCOMPARE(store.droppedTotal(), 1050);
        QCOMPARE(store.offset(0), 1050);
        QCOMPARE(store.offset(249), 1299);
    }

    void droppedBatchesAreFreed()
    {
        MessageStore store(100);
        store.append(numbered(0, 100, 100));
        const qint64 one = store.memoryBytes();
        for (int i = 1; i < 20; ++i)
            store.append(numbered(i * 100, 100, 100));
        // At most the batch that is partly kept and the newest: never the 20 appended.
        QVERIFY2(store.memoryBytes() < 3 * one, qPrintable(QString::number(store.memoryBytes())));
        QCOMPARE(store.offset(0), 1900);
    }

    void setCapacityShrinks()
    {
        MessageStore store(1000);
        for (int i = 0; i < 10; ++i)
            store.append(numbered(i * 100, 100));
        QCOMPARE(store.size(), 1000);
        const qint64 before = store.memoryBytes();
        store.setCapacity(150);
        QCOMPARE(store.capacity(), 150);
        QCOMPARE(store.size(), 150);
        QCOMPARE(store.droppedTotal(), 850);
        QCOMPARE(store.offset(0), 850);
        QCOMPARE(store.offset(149), 999);
        QVERIFY(store.memoryBytes() < before / 3);
        store.setCapacity(5000); // growing keeps what is there
        QCOMPARE(store.size(), 150);
        store.append(numbered(1000, 100));
        QCOMPARE(store.size(), 250);
        QCOMPARE(store.offset(150), 1000);

        store.clear();
        QCOMPARE(store.size(), 0);
        QCOMPARE(store.droppedTotal(), 0);
        QCOMPARE(store.appendedTotal(), 0);
        QCOMPARE(store.capacity(), 5000);
    }

    void memoryPerMessage()
    {
        // 1,000,000 values of 100 bytes arriving in batches of 20,000: payload plus at most ~40 bytes.
        MessageStore store(1000000);
        for (int i = 0; i < 50; ++i)
            store.append(numbered(i * 20000, 20000, 100));
        QCOMPARE(store.size(), 1000000);
        const double perMessage = double(store.memoryBytes()) / double(store.size());
        qInfo("memory per buffered 100-byte message: %.1f bytes", perMessage);
        QVERIFY2(perMessage >= 100 + 32, "memoryBytes must count the records and the payload");
        QVERIFY2(perMessage <= 140, qPrintable(QString::number(perMessage)));

        // Unsqueezed batches count their reserve: memoryBytes is honest.
        auto loose = std::make_shared<MessageBatch>();
        loose->reserve(10, 1 << 20);
        loose->append(0, 0, -1, TimestampType::None, nullptr, 0, "x", 1);
        QVERIFY(loose->memoryBytes() >= (1 << 20));
    }
};

QTEST_GUILESS_MAIN(TestMessageStore)
#include "tst_messagestore.moc"
