// The decoders: UTF-8 text (with the position of bad bytes), JSON kept in its own key order,
// hex, big-endian numbers with clear length errors, Auto's choice, and bounded one-line previews.

#include "messages/decoders.h"

#include <QTest>
#include <QtEndian>

#include <bit>

using namespace kafdesk;

namespace {

QByteArray bigEndian32(qint32 v)
{
    QByteArray out(4, '\0');
    qToBigEndian(v, out.data());
    return out;
}

QByteArray bigEndian64(quint64 v)
{
    QByteArray out(8, '\0');
    qToBigEndian(v, out.data());
    return out;
}

} // namespace

class TestDecoders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ids()
    {
        for (Decoder d : allDecoders()) {
            QVERIFY(!decoderName(d).isEmpty());
            QCOMPARE(decoderFromId(decoderId(d)), d);
        }
        QCOMPARE(decoderFromId(QStringLiteral("nope")), std::nullopt);
        QCOMPARE(decoderId(Decoder::Int64), QStringLiteral("int64"));
    }

    void utf8Validation_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qsizetype>("errorAt");
        QTest::newRow("ascii") << QByteArray("hello") << true << qsizetype(-1);
        QTest::newRow("two-byte") << QByteArray("caf\xc3\xa9") << true << qsizetype(-1);
        QTest::newRow("emoji") << QByteArray("\xf0\x9f\x98\x80!") << true << qsizetype(-1);
        QTest::newRow("lone continuation") << QByteArray("ab\x80") << false << qsizetype(2);
        QTest::newRow("overlong") << QByteArray("x\xc0\xaf") << false << qsizetype(1);
        QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80") << false << qsizetype(0);
        QTest::newRow("truncated") << QByteArray("ok\xe2\x82") << false << qsizetype(2);
        QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false << qsizetype(0);
        QTest::newRow("0xff") << QByteArray("hello\xff") << false << qsizetype(5);
    }
    void utf8Validation()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QFETCH(qsizetype, errorAt);
        qsizetype at = -1;
        QCOMPARE(isValidUtf8(bytes, &at), valid);
        if (!valid)
            QCOMPARE(at, errorAt);
    }

    void text()
    {
        Decoded d = decode("caf\xc3\xa9", Decoder::Text);
        QCOMPARE(d.text, QString::fromUtf8("caf\xc3\xa9"));
        QVERIFY(d.error.isEmpty());
        d = decode(QByteArrayView("ab\xff" "cd"), Decoder::Text);
        QCOMPARE(d.text, QString(QStringLiteral("ab") + QChar(0xfffd) + QStringLiteral("cd")));
        QVERIFY2(d.error.contains(QStringLiteral("UTF-8")) && d.error.contains(QStringLiteral("byte 2")), qPrintable(d.error));
        QVERIFY(decode("", Decoder::Text).error.isEmpty());
    }

    void jsonKeepsOrderAndNumbers()
    {
        const QByteArray json = "{\"b\":1,\"a\":[1, 2.50,{}],\"big\":12345678901234567890,\"s\":\"x,{y}:\\\"z\"}";
        const Decoded d = decode(json, Decoder::Json);
        QVERIFY2(d.error.isEmpty(), qPrintable(d.error));
        QCOMPARE(d.used, Decoder::Json);
        QCOMPARE(d.text, QStringLiteral("{\n  \"b\": 1,\n  \"a\": [\n    1,\n    2.50,\n    {}\n  ],\n"
                                        "  \"big\": 12345678901234567890,\n  \"s\": \"x,{y}:\\\"z\"\n}"));
        QCOMPARE(decode(json, Decoder::Json, false).text,
                 QStringLiteral("{\"b\":1,\"a\":[1,2.50,{}],\"big\":12345678901234567890,\"s\":\"x,{y}:\\\"z\"}"));
    }

    void jsonScalarsAndErrors()
    {
        QCOMPARE(decode("  42 ", Decoder::Json).text, QStringLiteral("42"));
        QCOMPARE(decode("\"hi\"", Decoder::Json).text, QStringLiteral("\"hi\""));
        QCOMPARE(decode("null", Decoder::Json).text, QStringLiteral("null"));
        QVERIFY(decode("true", Decoder::Json).error.isEmpty());

        Decoded bad = decode("{\"a\": 1,}", Decoder::Json);
        QVERIFY2(bad.error.startsWith(QStringLiteral("Not JSON")) && bad.error.contains(QStringLiteral("byte")),
                 qPrintable(bad.error));
        QCOMPARE(bad.text, QStringLiteral("{\"a\": 1,}")); // shown as it is
        QVERIFY(decode("1 2", Decoder::Json).error.contains(QStringLiteral("Not JSON")));
        QVERIFY(decode("", Decoder::Json).error.contains(QStringLiteral("empty")));
        QVERIFY(!decode("{\"a\":\"\xff\"}", Decoder::Json).error.isEmpty());
        QVERIFY(!decode("hello", Decoder::Json).error.isEmpty());
    }

    void hex()
    {
        QCOMPARE(decode("hello", Decoder::Hex).text, QStringLiteral("68 65 6c 6c 6f"));
        QCOMPARE(decode("hello", Decoder::Hex, false).text, QStringLiteral("68 65 6c 6c 6f"));
        QCOMPARE(decode(QByteArrayView("\x00\xff", 2), Decoder::Hex).text, QStringLiteral("00 ff"));
        const Decoded dump = decode("0123456789abcdefXYZ", Decoder::Hex);
        const QStringList lines = dump.text.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].startsWith(QStringLiteral("00000000  30 31 32 33 34 35 36 37  38 39 61 62")), qPrintable(lines[0]));
        QVERIFY(lines[0].endsWith(QStringLiteral("|0123456789abcdef|")));
        QVERIFY2(lines[1].startsWith(QStringLiteral("00000010  58 59 5a ")) && lines[1].endsWith(QStringLiteral("|XYZ|")),
                 qPrintable(lines[1]));
        QCOMPARE(lines[0].indexOf(QLatin1Char('|')), lines[1].indexOf(QLatin1Char('|'))); // aligned
        QCOMPARE(decode("", Decoder::Hex).text, QString());
    }

    void numbers()
    {
        QCOMPARE(decode(bigEndian32(-2), Decoder::Int32).text, QStringLiteral("-2"));
        QCOMPARE(decode(bigEndian32(305419896), Decoder::Int32).text, QStringLiteral("305419896"));
        QCOMPARE(decode(bigEndian64(quint64(-1234567890123LL)), Decoder::Int64).text, QStringLiteral("-1234567890123"));
        QCOMPARE(decode(bigEndian64(std::bit_cast<quint64>(3.25)), Decoder::Float64).text, QStringLiteral("3.25"));
        QCOMPARE(decode(bigEndian64(std::bit_cast<quint64>(0.1)), Decoder::Float64).text, QStringLiteral("0.1"));
        QVERIFY(decode(bigEndian64(std::bit_cast<quint64>(0.1)), Decoder::Float64).error.isEmpty());

        const Decoded shortInt = decode("abc", Decoder::Int32);
        QCOMPARE(shortInt.error, QStringLiteral("3 bytes, not 4: not a big-endian int32."));
        QCOMPARE(shortInt.text, QStringLiteral("61 62 63"));
        QVERIFY(decode(bigEndian32(1), Decoder::Int64).error.contains(QStringLiteral("4 bytes, not 8")));
        QVERIFY(decode("", Decoder::Float64).error.contains(QStringLiteral("0 bytes, not 8")));
        QVERIFY(preview("abc", Decoder::Int32).contains(QStringLiteral("3 bytes, not 4")));
        QCOMPARE(preview(bigEndian32(7), Decoder::Int32), QStringLiteral("7"));
    }

    void autoChooses()
    {
        QCOMPARE(decode("{\"a\":1}", Decoder::Auto).used, Decoder::Json);
        QCOMPARE(decode("[1,2]", Decoder::Auto).used, Decoder::Json);
        QCOMPARE(decode("42", Decoder::Auto).used, Decoder::Text); // a scalar reads as text
        QCOMPARE(decode("{not json", Decoder::Auto).used, Decoder::Text);
        QCOMPARE(decode("line 1\nline 2\ttab", Decoder::Auto).used, Decoder::Text);
        QCOMPARE(decode(QByteArrayView("\x00\x01\x02", 3), Decoder::Auto).used, Decoder::Hex);
        QCOMPARE(decode("ab\xff", Decoder::Auto).used, Decoder::Hex);
        for (const char *bytes : {"{\"a\":1}", "x", "\xff"})
            QVERIFY(decode(bytes, Decoder::Auto).error.isEmpty());
        QCOMPARE(decode("", Decoder::Auto).text, QString());
    }

    void previews()
    {
        QCOMPARE(preview("{ \"a\" : 1,\n  \"b\": [1, 2] }", Decoder::Auto), QStringLiteral("{\"a\":1,\"b\":[1,2]}"));
        QCOMPARE(preview("one\ntwo\r\nthree\tx", Decoder::Text), QString::fromUtf8("one\xe2\x8f\x8etwo\xe2\x8f\x8ethree x"));
        QCOMPARE(preview(QByteArrayView("a\x01z", 3), Decoder::Text), QString::fromUtf8("a\xe2\x90\x81z"));
        QCOMPARE(preview("hello", Decoder::Hex), QStringLiteral("68 65 6c 6c 6f"));
        QCOMPARE(preview("hello", Decoder::Hex, 8), QString::fromUtf8("68 65\xe2\x80\xa6")); // 6 of 8

        const QString cut = preview(QByteArray(500, 'x'), Decoder::Text, 20);
        QCOMPARE(cut.size(), 20);
        QVERIFY(cut.endsWith(QChar(0x2026)));
        QCOMPARE(preview(QByteArray(20, 'x'), Decoder::Text, 20), QString(20, QLatin1Char('x')));

        // A cut never splits a character; bad bytes become replacements, not hex, for Text.
        QByteArray accents;
        for (int i = 0; i < 100; ++i)
            accents += "\xc3\xa9";
        const QString p = preview(accents, Decoder::Text, 10);
        QCOMPARE(p, QString(9, QChar(0xe9)) + QChar(0x2026));
        QVERIFY(!preview("ab\xff", Decoder::Text).contains(QStringLiteral("61")));

        // A large JSON value is previewed from its start only, still compact.
        QByteArray big = "{\"items\": [";
        for (int i = 0; i < 100000; ++i)
            big += "1, ";
        big += "1]}";
        const QString bigPreview = preview(big, Decoder::Auto, 30);
        QCOMPARE(bigPreview.size(), 30);
        QVERIFY2(bigPreview.startsWith(QStringLiteral("{\"items\":[1,1,1")), qPrintable(bigPreview));
    }

    void previewIsCheap()
    {
        // 50 MB of text: a preview reads only its head, so 10,000 previews take well under a second.
        const QByteArray huge(50 * 1024 * 1024, 'a');
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 10000; ++i)
            QCOMPARE(preview(huge, Decoder::Auto, 100).size(), 100);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestDecoders)
#include "tst_decoders.moc"
