// Export of consumed messages: JSON Lines parsed back with QJsonDocument field by field (UTF-8 as
// strings, binary as base64 with its encoding field, nulls as null), CSV read back by an RFC 4180
// reader (quotes, commas, newlines), only chosen rows, cancellation, and atomic files.

#include "messages/messageexport.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;

namespace {

QList<Message> sampleMessages()
{
    QList<Message> out;
    Message a;
    a.partition = 2;
    a.offset = 41;
    a.timestampMs = 1733061600123;
    a.timestampType = TimestampType::CreateTime;
    a.key = QByteArray("user-7");
    a.value = QByteArray("{\"a\": 1, \"text\": \"line1\nline2, \\\"quoted\\\"\"}");
    a.headers = {{QByteArray("trace"), QByteArray("abc")}, {QByteArray("nullh"), std::nullopt},
                 {QByteArray("bin"), QByteArray("\x00\xff\x10", 3)}};
    out << a;
    Message b;
    b.partition = 0;
    b.offset = 7;
    b.timestampMs = 1733061600999;
    b.timestampType = TimestampType::LogAppendTime;
    b.key = std::nullopt;
    b.value = QByteArray("\x89PNG\r\n\x1a\n\x00\x01", 10); // binary
    out << b;
    Message c;
    c.partition = 1;
    c.offset = 0;
    c.key = QByteArray("");                      // empty, not null
    c.value = std::nullopt;                      // a tombstone
    out << c;
    Message d;
    d.partition = 1;
    d.offset = 1;
    d.timestampMs = 5;
    d.timestampType = TimestampType::CreateTime;
    d.key = QByteArray("comma,\"quote\"\r\nnewline");
    d.value = QByteArray("caf\xc3\xa9 \x01 tab\t");
    out << d;
    return out;
}

ExportSource sourceOf(const QList<Message> &messages, const QString &topic)
{
    // Two batches, the first one's first message left out (as after a drop from the buffer).
    auto first = std::make_shared<MessageBatch>();
    Message skipped;
    skipped.partition = 9;
    skipped.offset = 999;
    skipped.value = QByteArray("dropped");
    first->append(skipped);
    first->append(messages[0]);
    first->append(messages[1]);
    auto second = std::make_shared<MessageBatch>();
    for (qsizetype i = 2; i < messages.size(); ++i)
        second->append(messages[i]);
    ExportSource source;
    source.topic = topic;
    source.spans = {{first, 1, first->size()}, {second, 0, second->size()}};
    return source;
}

QByteArray fieldBytes(const QJsonObject &o, const QString &name)
{
    const QJsonValue v = o.value(name);
    if (o.value(name + QStringLiteral("Encoding")).toString() == QStringLiteral("base64"))
        return QByteArray::fromBase64(v.toString().toLatin1());
    return v.toString().toUtf8();
}

void compareJson(const QJsonObject &o, const Message &m, const QString &topic)
{
    QCOMPARE(o.value(QStringLiteral("topic")).toString(), topic);
    QCOMPARE(o.value(QStringLiteral("partition")).toInt(), m.partition);
    QCOMPARE(o.value(QStringLiteral("offset")).toInteger(), m.offset);
    if (m.timestampType == TimestampType::None) {
        QVERIFY(o.value(QStringLiteral("timestamp")).isNull());
        QVERIFY(o.value(QStringLiteral("timestampType")).isNull());
    } else {
        QCOMPARE(o.value(QStringLiteral("timestamp")).toInteger(), m.timestampMs);
        QCOMPARE(o.value(QStringLiteral("timestampType")).toString(),
                 m.timestampType == TimestampType::CreateTime ? QStringLiteral("CreateTime") : QStringLiteral("LogAppendTime"));
    }
    for (const auto &[name, bytes] : {std::pair{QStringLiteral("key"), m.key}, std::pair{QStringLiteral("value"), m.value}}) {
        QVERIFY2(o.contains(name), qPrintable(name));
        if (!bytes) {
            QVERIFY(o.value(name).isNull());
        } else {
            QVERIFY(o.value(name).isString());
            QCOMPARE(fieldBytes(o, name), *bytes);
        }
    }
    const QJsonArray headers = o.value(QStringLiteral("headers")).toArray();
    QCOMPARE(headers.size(), m.headers.size());
    for (qsizetype i = 0; i < headers.size(); ++i) {
        const QJsonObject h = headers[i].toObject();
        QCOMPARE(h.value(QStringLiteral("name")).toString().toUtf8(), m.headers[i].name);
        if (!m.headers[i].value)
            QVERIFY(h.value(QStringLiteral("value")).isNull());
        else
            QCOMPARE(fieldBytes(h, QStringLiteral("value")), *m.headers[i].value);
    }
}

// An RFC 4180 reader: fields, quoted fields with doubled quotes and line breaks, CRLF rows.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            field.clear();
            rows << row;
            row.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return rows;
}

} // namespace

class TestMessageExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonLinesRoundTrip()
    {
        const QList<Message> messages = sampleMessages();
        const QString topic = QString::fromUtf8("orders-\xc3\xa9\"x");
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const Result<ExportStats> stats = exportMessages(sourceOf(messages, topic), ExportFormat::JsonLines, buffer);
        QVERIFY(stats);
        QCOMPARE(stats->messages, messages.size());
        QCOMPARE(stats->bytes, buffer.data().size());
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.size(), messages.size() + 1);
        QVERIFY(lines.last().isEmpty()); // every line ends with \n, the last one too
        for (qsizetype i = 0; i < messages.size(); ++i) {
            QJsonParseError error{};
            const QJsonDocument doc = QJsonDocument::fromJson(lines[i], &error);
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + QString::fromUtf8(lines[i])));
            compareJson(doc.object(), messages[i], topic);
        }
        // Binary is base64, marked; text is not.
        const QJsonObject binary = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(binary.value(QStringLiteral("valueEncoding")).toString(), QStringLiteral("base64"));
        QCOMPARE(binary.value(QStringLiteral("value")).toString().toLatin1(), QByteArray("\x89PNG\r\n\x1a\n\x00\x01", 10).toBase64());
        QVERIFY(!QJsonDocument::fromJson(lines[0]).object().contains(QStringLiteral("valueEncoding")));
        // Field order as documented.
        QVERIFY(lines[0].startsWith("{\"topic\":\"orders-\xc3\xa9\\\"x\",\"partition\":2,\"offset\":41,\"timestamp\":1733061600123,"
                                    "\"timestampType\":\"CreateTime\",\"key\":\"user-7\",\"value\":"));
    }

    void csvRoundTrip()
    {
        const QList<Message> messages = sampleMessages();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(exportMessages(sourceOf(messages, QStringLiteral("t,1")), ExportFormat::Csv, buffer));
        const QList<QStringList> rows = parseCsv(buffer.data());
        QCOMPARE(rows.size(), messages.size() + 1);
        QCOMPARE(rows[0].join(QLatin1Char(',')),
                 QStringLiteral("topic,partition,offset,timestamp,timestampType,key,keyEncoding,value,valueEncoding,headers"));
        for (qsizetype i = 0; i < messages.size(); ++i) {
            const QStringList &r = rows[i + 1];
            const Message &m = messages[i];
            QCOMPARE(r.size(), 10);
            QCOMPARE(r[0], QStringLiteral("t,1"));
            QCOMPARE(r[1].toInt(), m.partition);
            QCOMPARE(r[2].toLongLong(), m.offset);
            if (m.timestampType == TimestampType::None) {
                QVERIFY(r[3].isEmpty() && r[4].isEmpty());
            } else {
                QCOMPARE(r[3].toLongLong(), m.timestampMs);
            }
            for (const auto &[text, encoding, bytes] : {std::tuple{r[5], r[6], m.key}, std::tuple{r[7], r[8], m.value}}) {
                if (!bytes) {
                    QCOMPARE(encoding, QStringLiteral("null"));
                    QVERIFY(text.isEmpty());
                } else if (encoding == QStringLiteral("base64")) {
                    QCOMPARE(QByteArray::fromBase64(text.toLatin1()), *bytes);
                } else {
                    QVERIFY(encoding.isEmpty());
                    QCOMPARE(text.toUtf8(), *bytes);
                }
            }
            const QJsonArray headers = QJsonDocument::fromJson(r[9].toUtf8()).array();
            QCOMPARE(headers.size(), m.headers.size());
        }
        QCOMPARE(rows[4][5], QStringLiteral("comma,\"quote\"\r\nnewline")); // quotes, comma, CRLF inside
        QCOMPARE(rows[2][8], QStringLiteral("base64"));
    }

    void chosenRowsOnly()
    {
        const QList<Message> messages = sampleMessages();
        ExportSource source = sourceOf(messages, QStringLiteral("t"));
        source.allRows = false;
        source.rows = {1, 3}; // across both spans
        QCOMPARE(source.messageCount(), 2);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY(exportMessages(source, ExportFormat::JsonLines, buffer));
        const QList<QByteArray> lines = buffer.data().split('\n');
        QCOMPARE(lines.size(), 3);
        compareJson(QJsonDocument::fromJson(lines[0]).object(), messages[1], QStringLiteral("t"));
        compareJson(QJsonDocument::fromJson(lines[1]).object(), messages[3], QStringLiteral("t"));
    }

    void bigExportReportsProgressAndCancels()
    {
        auto batch = std::make_shared<MessageBatch>();
        for (int i = 0; i < 50000; ++i)
            batch->append(i % 3, i, 1000 + i, TimestampType::CreateTime, "key", 3, "value-value-value", 17);
        ExportSource source;
        source.topic = QStringLiteral("big");
        source.spans = {{batch, 0, batch->size()}};
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.jsonl"));
        QList<qint64> seen;
        const Result<ExportStats> stats = exportMessagesToFile(source, ExportFormat::JsonLines, path, [&](qint64 done, qint64 total) {
            seen << done;
            return total == 50000;
        });
        QVERIFY(stats);
        QVERIFY(seen.size() >= 10);
        QCOMPARE(seen.last(), 50000);
        QVERIFY(std::is_sorted(seen.cbegin(), seen.cend()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 50000);

        // Cancelled: an error, and no file (not even a partial one).
        const QString cancelled = dir.filePath(QStringLiteral("cancelled.csv"));
        const Result<ExportStats> c = exportMessagesToFile(source, ExportFormat::Csv, cancelled,
                                                           [](qint64 done, qint64) { return done < 10000; });
        QVERIFY(!c);
        QCOMPARE(c.error().message, cancelledError().message);
        QVERIFY(!QFile::exists(cancelled));
        // A directory that does not exist: a clear error.
        const Result<ExportStats> bad = exportMessagesToFile(source, ExportFormat::Csv, dir.filePath(QStringLiteral("no/such/dir/x.csv")));
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.startsWith(QStringLiteral("Could not create")), qPrintable(bad.error().message));
    }
};

QTEST_GUILESS_MAIN(TestMessageExport)
#include "tst_messageexport.moc"
