// The consume pane's filter: substring (case-sensitive or not, ASCII and non-ASCII patterns) and
// regular expressions on key, value and headers; null fields; invalid patterns refused clearly.

#include "messages/messagefilter.h"

#include <QElapsedTimer>
#include <QTest>

using namespace kafdesk;

namespace {

MessageFilter make(const QString &pattern, bool regex = false, bool caseSensitive = false,
                   int fields = MessageFilterSpec::Key | MessageFilterSpec::Value)
{
    Result<MessageFilter> f = MessageFilter::create({pattern, regex, caseSensitive, fields});
    if (!f)
        qFatal("filter: %s", qPrintable(f.error().message));
    return f.value();
}

Message msg(std::optional<QByteArray> key, std::optional<QByteArray> value, QList<MessageHeader> headers = {})
{
    Message m;
    m.partition = 0;
    m.offset = 1;
    m.key = std::move(key);
    m.value = std::move(value);
    m.headers = std::move(headers);
    return m;
}

} // namespace

class TestMessageFilter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptyMatchesEverything()
    {
        const MessageFilter f;
        QVERIFY(f.isEmpty());
        QVERIFY(f.matches(msg(std::nullopt, std::nullopt)));
        QVERIFY(make(QString()).matches(msg(std::nullopt, std::nullopt)));
    }

    void substring_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("caseSensitive");
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<bool>("match");
        QTest::newRow("plain") << QStringLiteral("order") << false << QByteArray("{\"order\":1}") << true;
        QTest::newRow("absent") << QStringLiteral("invoice") << false << QByteArray("{\"order\":1}") << false;
        QTest::newRow("any case") << QStringLiteral("ORDER") << false << QByteArray("my order") << true;
        QTest::newRow("exact case miss") << QStringLiteral("ORDER") << true << QByteArray("my order") << false;
        QTest::newRow("exact case hit") << QStringLiteral("Order") << true << QByteArray("my Order") << true;
        QTest::newRow("non-ascii any case") << QString::fromUtf8("CAF\xc3\x89") << false << QByteArray("un caf\xc3\xa9 noir") << true;
        QTest::newRow("non-ascii exact") << QString::fromUtf8("caf\xc3\xa9") << true << QByteArray("un caf\xc3\xa9") << true;
        QTest::newRow("regex chars are literal") << QStringLiteral("a.c") << false << QByteArray("abc") << false;
        QTest::newRow("ascii vs high bytes") << QStringLiteral("a") << false << QByteArray("\xc3\x81") << false; // Á is not a
    }
    void substring()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, caseSensitive);
        QFETCH(QByteArray, value);
        QFETCH(bool, match);
        QCOMPARE(make(pattern, false, caseSensitive).matches(msg(QByteArray("k"), value)), match);
    }

    void regularExpression()
    {
        const MessageFilter f = make(QStringLiteral("^user-\\d{3}$"), true, false, MessageFilterSpec::Key);
        QVERIFY(f.matches(msg(QByteArray("user-042"), QByteArray("x"))));
        QVERIFY(f.matches(msg(QByteArray("USER-042"), QByteArray("x"))));
        QVERIFY(!f.matches(msg(QByteArray("user-0421"), QByteArray("user-042"))));
        QVERIFY(!make(QStringLiteral("^User"), true, true).matches(msg(QByteArray("user"), std::nullopt)));
        QVERIFY(make(QStringLiteral("\"amount\":\\s*[5-9]\\d"), true).matches(msg(std::nullopt, QByteArray("{\"amount\": 75}"))));
    }

    void invalidRegexIsRefused()
    {
        const Result<MessageFilter> f = MessageFilter::create({QStringLiteral("(unclosed"), true, false, MessageFilterSpec::Value});
        QVERIFY(!f);
        QVERIFY(f.error().badInput);
        QVERIFY2(f.error().message.startsWith(QStringLiteral("The regular expression is not valid")) &&
                     f.error().message.contains(QStringLiteral("at character")),
                 qPrintable(f.error().message));
        // The same text is a fine substring.
        QVERIFY(MessageFilter::create({QStringLiteral("(unclosed"), false, false, MessageFilterSpec::Value}));
        QVERIFY(!MessageFilter::create({QStringLiteral("x"), false, false, 0}));
    }

    void fields()
    {
        const Message m = msg(QByteArray("alpha"), QByteArray("beta"),
                              {{QByteArray("trace-id"), QByteArray("gamma")}, {QByteArray("empty"), std::nullopt}});
        QVERIFY(make(QStringLiteral("alpha"), false, false, MessageFilterSpec::Key).matches(m));
        QVERIFY(!make(QStringLiteral("alpha"), false, false, MessageFilterSpec::Value).matches(m));
        QVERIFY(make(QStringLiteral("beta"), false, false, MessageFilterSpec::Value).matches(m));
        QVERIFY(!make(QStringLiteral("gamma")).matches(m)); // headers are off by default
        QVERIFY(make(QStringLiteral("gamma"), false, false, MessageFilterSpec::Headers).matches(m));
        QVERIFY(make(QStringLiteral("trace"), false, false, MessageFilterSpec::Headers).matches(m)); // a name
        QVERIFY(make(QStringLiteral("empty"), false, false, MessageFilterSpec::Headers).matches(m));
        // Null fields never match, not even ".*".
        QVERIFY(!make(QStringLiteral(".*"), true).matches(msg(std::nullopt, std::nullopt)));
        QVERIFY(make(QStringLiteral("^$"), true).matches(msg(QByteArray(""), std::nullopt))); // empty is not null
    }

    void storeAndBatchAgree()
    {
        MessageBatch batch;
        for (int i = 0; i < 100; ++i) {
            Message m = msg(QByteArray::number(i), QByteArray("value-") + QByteArray::number(i * 7));
            m.offset = i;
            if (i % 10 == 0)
                m.headers = {{QByteArray("marker"), QByteArray("tenth")}};
            batch.append(m);
        }
        auto shared = std::make_shared<const MessageBatch>(std::move(batch));
        MessageStore store;
        QCOMPARE(store.append(shared), 0);
        const MessageFilter f = make(QStringLiteral("tenth|-7$"), true, false, MessageFilterSpec::Value | MessageFilterSpec::Headers);
        int matches = 0;
        for (qsizetype row = 0; row < store.size(); ++row) {
            QCOMPARE(f.matches(store, row), f.matches(*shared, row));
            QCOMPARE(f.matches(store, row), f.matches(store.message(row)));
            matches += f.matches(store, row);
        }
        QCOMPARE(matches, 11); // 10 tenths + value-7
    }

    void isFastEnough()
    {
        // A substring over 200,000 100-byte values: well under a second (the pane scans in chunks).
        MessageBatch batch;
        const QByteArray value(100, 'x');
        for (int i = 0; i < 200000; ++i)
            batch.append(0, i, 0, TimestampType::CreateTime, "k", 1, value.constData(), value.size());
        const MessageFilter f = make(QStringLiteral("needle"));
        QElapsedTimer timer;
        timer.start();
        int hits = 0;
        for (qsizetype i = 0; i < batch.size(); ++i)
            hits += f.matches(batch, i);
        QCOMPARE(hits, 0);
        qInfo("200,000 substring checks: %lld ms", qint64(timer.elapsed()));
        QVERIFY(timer.elapsed() < 2000);
    }
};

QTEST_GUILESS_MAIN(TestMessageFilter)
#include "tst_messagefilter.moc"
