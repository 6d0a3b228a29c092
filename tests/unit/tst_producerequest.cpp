// ProduceRequest validation (one sentence per bad input), value parsing (JSON error positions,
// hex), the {i} expansion, and the Java-compatible key partitioner, without a broker.

#include "kafka/partitioner.h"
#include "messages/producecommand.h"
#include "messages/producepayload.h"
#include "messages/producerequest.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::produce;

namespace {

ProduceRequest good()
{
    ProduceRequest r;
    r.topic = QStringLiteral("orders");
    r.key = QStringLiteral("user-42");
    r.value = QStringLiteral("hello");
    return r;
}

void verifyRefused(const Status &status, const QString &fragment)
{
    QVERIFY2(!status.ok(), qPrintable(QStringLiteral("passed, expected: ") + fragment));
    const Error &e = status.error();
    QVERIFY2(e.message.contains(fragment), qPrintable(e.message));
    QVERIFY2(e.message.endsWith(QLatin1Char('.')), qPrintable(e.message));
    QVERIFY(e.badInput);
}

} // namespace

class TestProduceRequest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validRequestsPass()
    {
        QVERIFY(validate(good()).ok());
        ProduceRequest r = good();
        r.key.reset();
        r.partition = 2;
        r.copies = maxCopies;
        r.headers = {{QStringLiteral("trace"), QString()}};
        QVERIFY(validate(r, TopicInfo::withPartitions(3)).ok());
        r.format = ValueFormat::Json;
        r.value = QStringLiteral("{\"n\": {i}, \"s\": \"x{i}\"}");
        const Status json = validate(r);
        QVERIFY2(json.ok(), qPrintable(json.ok() ? QString() : json.error().message));
        r.idempotence = false;
        r.acks = Acks::None;
        QVERIFY(validate(r).ok());
    }

    void catalogue_data()
    {
        QTest::addColumn<ProduceRequest>("request");
        QTest::addColumn<int>("partitions"); // -1: not known, 0: the topic is missing
        QTest::addColumn<QString>("fragment");

        ProduceRequest r = good();
        r.topic.clear();
        QTest::newRow("no topic") << r << -1 << QStringLiteral("Choose the topic");
        r = good();
        r.topic = QStringLiteral("bad topic!");
        QTest::newRow("invalid topic") << r << -1 << QStringLiteral("Topic names use only");
        QTest::newRow("missing topic") << good() << 0 << QStringLiteral("The topic orders does not exist");
        r = good();
        r.partition = 3;
        QTest::newRow("partition out of range") << r << 3 << QStringLiteral("has 3 partition(s), 0 to 2: there is no partition 3");
        r.partition = -2;
        QTest::newRow("negative partition") << r << -1 << QStringLiteral("Partition -2 is not a partition");
        r = good();
        r.copies = 0;
        QTest::newRow("no copies") << r << -1 << QStringLiteral("Copies must be between 1 and 1,000,000");
        r.copies = maxCopies + 1;
        QTest::newRow("too many copies") << r << -1 << QStringLiteral("Copies must be between 1 and 1,000,000");
        r = good();
        r.headers = {{QStringLiteral("a"), QStringLiteral("1")}, {QString(), QStringLiteral("2")}};
        QTest::newRow("header without a name") << r << -1 << QStringLiteral("Header 2 has no name");
        r = good();
        r.acks = Acks::Leader;
        QTest::newRow("idempotence without acks=all") << r << -1 << QStringLiteral("idempotent producer needs acks=all");
        r = good();
        r.format = ValueFormat::Json;
        r.value = QStringLiteral("{\"a\": 1,\n  \"b\": }");
        QTest::newRow("invalid JSON") << r << -1 << QStringLiteral("not valid at line 2, column 8");
        r.value = QStringLiteral("  ");
        QTest::newRow("empty JSON") << r << -1 << QStringLiteral("The JSON value is empty");
        r.value = QStringLiteral("1, 2");
        QTest::newRow("two JSON values") << r << -1 << QStringLiteral("holds 2 values");
        r = good();
        r.format = ValueFormat::Hex;
        r.value = QStringLiteral("dea dbee");
        QTest::newRow("lone hex digit") << r << -1 << QStringLiteral("lone digit before position 4");
        r.value = QStringLiteral("deadbee");
        QTest::newRow("odd hex digits") << r << -1 << QStringLiteral("odd number of digits (7)");
        r.value = QStringLiteral("de:ad");
        QTest::newRow("non-hex") << r << -1 << QStringLiteral("has ':' at position 3, which is not a hex digit");
        r = good();
        r.format = ValueFormat::File;
        r.value = QStringLiteral("/nonexistent/kafdesk/value.bin");
        QTest::newRow("missing file") << r << -1 << QStringLiteral("does not exist");
        r.value.clear();
        QTest::newRow("no file") << r << -1 << QStringLiteral("Choose a file");
        r = good();
        r.value = QString(maxValueBytes + 1, QLatin1Char('x'));
        QTest::newRow("value too large") << r << -1 << QStringLiteral("has 1,000,001 bytes: at most 1,000,000 bytes");
    }

    void catalogue()
    {
        QFETCH(ProduceRequest, request);
        QFETCH(int, partitions);
        QFETCH(QString, fragment);
        const TopicInfo info = partitions < 0    ? TopicInfo::unknown()
                               : partitions == 0 ? TopicInfo::missing()
                                                 : TopicInfo::withPartitions(partitions);
        verifyRefused(validate(request, info), fragment);
        QVERIFY(!ProducePlan::make(request, info).ok());
    }

    void fileValues()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString small = dir.filePath(QStringLiteral("small.bin"));
        QFile f(small);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("\x00\x01\xff{i}", 6));
        f.close();
        ProduceRequest r = good();
        r.format = ValueFormat::File;
        r.value = small;
        r.copies = 2;
        auto plan = ProducePlan::make(r);
        QVERIFY(plan.ok());
        // A file is sent byte for byte: {i} is not replaced in it.
        QCOMPARE(plan->message(1).value, QByteArray("\x00\x01\xff{i}", 6));

        const QString big = dir.filePath(QStringLiteral("big.bin"));
        QFile b(big);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(QByteArray(maxValueBytes + 10, 'x'));
        b.close();
        r.value = big;
        verifyRefused(validate(r), QStringLiteral("has 1,000,010 bytes: at most 1,000,000 bytes"));
        r.value = dir.path();
        verifyRefused(validate(r), QStringLiteral("is not a file"));
    }

    void jsonPositions_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("missing value") << QStringLiteral("{\"a\": }") << 1 << 7;
        QTest::newRow("second line") << QStringLiteral("{\n  \"a\" 1\n}") << 2 << 7;
        QTest::newRow("after unicode") << QStringLiteral("[\"héllo\" 2]") << 1 << 10;
        QTest::newRow("unterminated") << QStringLiteral("{\"a\": [1, 2") << 1 << 12;
    }

    void jsonPositions()
    {
        QFETCH(QString, json);
        QFETCH(int, line);
        QFETCH(int, column);
        const Status s = checkJson(json);
        QVERIFY(!s.ok());
        const QString where = QStringLiteral("line %1, column %2:").arg(line).arg(column);
        QVERIFY2(s.error().message.contains(where), qPrintable(s.error().message + QStringLiteral(" / want ") + where));
    }

    void jsonAcceptsEveryValue()
    {
        for (const char *json : {"{}", "[]", "\"text\"", "42", "-1.5e3", "true", "null", " {\"k\": [1, {\"x\": null}]} "})
            QVERIFY2(checkJson(QString::fromUtf8(json)).ok(), json);
    }

    void positionAtCountsCharacters()
    {
        const QByteArray text = QStringLiteral("ab\nçd\nx").toUtf8();
        QCOMPARE(positionAt(text, 0), (TextPosition{1, 1}));
        QCOMPARE(positionAt(text, 3), (TextPosition{2, 1}));
        QCOMPARE(positionAt(text, 5), (TextPosition{2, 2})); // after the two bytes of ç
        QCOMPARE(positionAt(text, 100), (TextPosition{3, 2}));
    }

    void hexParsing()
    {
        QCOMPARE(parseHex(QStringLiteral("deadBEEF")).value(), QByteArray("\xde\xad\xbe\xef"));
        QCOMPARE(parseHex(QStringLiteral(" de ad\n be ef ")).value(), QByteArray("\xde\xad\xbe\xef"));
        QCOMPARE(parseHex(QStringLiteral("00ff")).value(), QByteArray("\x00\xff", 2));
        QCOMPARE(parseHex(QString()).value(), QByteArray());
        QVERIFY(!parseHex(QStringLiteral("0g")).ok());
        QVERIFY(!parseHex(QStringLiteral("abc")).ok());
    }

    void counterExpansion()
    {
        ProduceRequest r = good();
        r.key = QStringLiteral("user-{i}");
        r.value = QStringLiteral("message {i} of 3, {i} again");
        r.headers = {{QStringLiteral("h"), QStringLiteral("{i}")}};
        r.copies = 3;
        auto plan = ProducePlan::make(r);
        QVERIFY(plan.ok());
        QVERIFY(plan->keyHasCounter());
        QVERIFY(plan->valueHasCounter());
        const QList<PlannedMessage> messages = plan->messages();
        QCOMPARE(messages.size(), 3);
        // Copies count from 1 (firstCounter).
        QCOMPARE(firstCounter, 1);
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(messages.at(i).id, i + 1);
            QCOMPARE(*messages.at(i).key, QStringLiteral("user-%1").arg(i + 1).toUtf8());
            QCOMPARE(messages.at(i).value, QStringLiteral("message %1 of 3, %1 again").arg(i + 1).toUtf8());
        }
        // Headers are sent as typed.
        QCOMPARE(plan->headers(), (QList<QPair<QByteArray, QByteArray>>{{"h", "{i}"}}));

        // No {i}: every copy is the same; a null key stays null; an empty key is a key.
        r.key.reset();
        r.value = QStringLiteral("same");
        plan = ProducePlan::make(r);
        QVERIFY(plan.ok());
        QVERIFY(!plan->message(2).key.has_value());
        QCOMPARE(plan->message(2).value, QByteArray("same"));
        r.key = QString();
        plan = ProducePlan::make(r);
        QVERIFY(plan->message(0).key.has_value());
        QVERIFY(plan->message(0).key->isEmpty());

        // Hex values have no counter; JSON values do.
        r.format = ValueFormat::Json;
        r.value = QStringLiteral("{\"n\": {i}}");
        plan = ProducePlan::make(r);
        QVERIFY(plan.ok());
        QCOMPARE(plan->message(1).value, QByteArray("{\"n\": 2}"));
    }

    void settingsValuesRoundTrip()
    {
        for (Acks a : {Acks::All, Acks::Leader, Acks::None})
            QCOMPARE(acksFromValue(acksValue(a)), a);
        QCOMPARE(acksValue(Acks::Leader), QStringLiteral("1"));
        for (Compression c : {Compression::None, Compression::Gzip, Compression::Snappy, Compression::Lz4, Compression::Zstd})
            QCOMPARE(compressionFromValue(compressionValue(c)), c);
        for (ValueFormat f : {ValueFormat::Text, ValueFormat::Json, ValueFormat::Hex, ValueFormat::File})
            QCOMPARE(valueFormatFromValue(valueFormatValue(f)), f);
        QVERIFY(!acksFromValue(QStringLiteral("2")));
    }

    void kcatLines()
    {
        const QMap<QString, QString> config{{QStringLiteral("bootstrap.servers"), QStringLiteral("b1:9092,b2:9092")},
                                            {QStringLiteral("security.protocol"), QStringLiteral("SASL_SSL")},
                                            {QStringLiteral("sasl.password"), QStringLiteral("hunter2")}};
        ProduceRequest r = good();
        QCOMPARE(kcatCommand(r, config),
                 QStringLiteral("printf '%s\\n' user-42:hello | kcat -P -b b1:9092,b2:9092 -t orders -K : "
                                "-X partitioner=murmur2_random -X acks=all -X enable.idempotence=true "
                                "-X 'sasl.password=<password>' -X security.protocol=SASL_SSL"));
        QVERIFY(!kcatCommand(r, config).contains(QStringLiteral("hunter2")));

        r.key.reset();
        r.partition = 2;
        r.copies = 5;
        r.acks = Acks::None;
        r.idempotence = false;
        r.compression = Compression::Zstd;
        r.headers = {{QStringLiteral("trace id"), QStringLiteral("a b")}};
        QCOMPARE(kcatCommand(r, {}), QStringLiteral("yes hello | head -n 5 | kcat -P -b '' -t orders -p 2 -H 'trace id=a b' "
                                                    "-X partitioner=murmur2_random -X acks=0 -X enable.idempotence=false "
                                                    "-X compression.type=zstd"));
        r = good();
        r.key = QStringLiteral("a:b");
        r.value = QStringLiteral("n={i}");
        r.copies = 3;
        QVERIFY2(kcatCommand(r, {}).startsWith(QStringLiteral("seq 1 3 | while read -r i; do printf '%s\\n' 'a:b|n='\"$i\"; done | ")),
                 qPrintable(kcatCommand(r, {})));
        QVERIFY(kcatCommand(r, {}).contains(QStringLiteral(" -K '|' ")));

        r = good();
        r.format = ValueFormat::Hex;
        r.value = QStringLiteral("de ad");
        QVERIFY2(kcatCommand(r, {}).startsWith(QStringLiteral("printf '%s' 'de ad' | xxd -r -p > value.bin && kcat -P")),
                 qPrintable(kcatCommand(r, {})));
        QVERIFY(kcatCommand(r, {}).endsWith(QStringLiteral(" value.bin")));
        QVERIFY(kcatCommand(r, {}).contains(QStringLiteral(" -k user-42 ")));
        r.format = ValueFormat::File;
        r.value = QStringLiteral("/tmp/my file.json");
        r.copies = 2;
        QVERIFY2(kcatCommand(r, {}).endsWith(QStringLiteral(" $(yes '/tmp/my file.json' | head -n 2)")), qPrintable(kcatCommand(r, {})));
    }

    void javaPartitioner_data()
    {
        // Computed with Kafka 4.1.2's own org.apache.kafka.common.utils.Utils:
        // toPositive(murmur2(key.getBytes(UTF_8))) % n. The integration test checks the same
        // against Kafka's console producer on a real topic.
        QTest::addColumn<QString>("key");
        QTest::addColumn<QList<int>>("partitions"); // for 1, 3, 6, 12 and 100 partitions
        QTest::newRow("user-42") << QStringLiteral("user-42") << QList<int>{0, 1, 4, 4, 60};
        QTest::newRow("user-1") << QStringLiteral("user-1") << QList<int>{0, 2, 2, 8, 28};
        QTest::newRow("order-7") << QStringLiteral("order-7") << QList<int>{0, 1, 1, 1, 57};
        QTest::newRow("empty") << QString() << QList<int>{0, 0, 3, 9, 81};
        QTest::newRow("a") << QStringLiteral("a") << QList<int>{0, 1, 4, 4, 24};
        QTest::newRow("kafka") << QStringLiteral("kafka") << QList<int>{0, 1, 4, 4, 80};
        QTest::newRow("héllo") << QStringLiteral("héllo") << QList<int>{0, 0, 0, 6, 2};
        QTest::newRow("20 bytes") << QStringLiteral("0123456789abcdef0123") << QList<int>{0, 1, 4, 4, 8};
    }

    void javaPartitioner()
    {
        QFETCH(QString, key);
        QFETCH(QList<int>, partitions);
        const QByteArray bytes = key.toUtf8();
        const QList<int> counts{1, 3, 6, 12, 100};
        for (qsizetype i = 0; i < counts.size(); ++i)
            QCOMPARE(javaPartitionForKey(bytes, counts.at(i)), partitions.at(i));
        QCOMPARE(javaPartitionForKey(bytes, 0), -1);
    }
};

QTEST_GUILESS_MAIN(TestProduceRequest)
#include "tst_producerequest.moc"
