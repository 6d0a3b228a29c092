// The streaming JSON writer: its output parses with QJsonDocument and means what was written,
// strings are escaped as RFC 8259 asks, and the sink mode writes exactly the same bytes.

#include "util/jsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>

using namespace kafdesk;

namespace {

QJsonValue parse(const QByteArray &text)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON (%s at %d): %s", qPrintable(error.errorString()), error.offset, text.constData());
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

void writeSample(JsonWriter &w, int repeat)
{
    w.beginObject().key("name").value(QStringLiteral("orders")).key("internal").value(false);
    w.key("none").null().key("empty").beginArray().endArray().key("nothing").beginObject().endObject();
    w.key("partitions").beginArray();
    for (int i = 0; i < repeat; ++i)
        w.beginObject().key("id").value(i).key("leader").value(-1).key("big").value(qint64{1} << 52)
            .key("replicas").beginArray().value(1).value(2).value(3).endArray().endObject();
    w.endArray().endObject();
}

} // namespace

class TestJsonWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void compactAndIndentedMeanTheSame_data()
    {
        QTest::addColumn<int>("layout");
        QTest::newRow("compact") << int(JsonWriter::Layout::Compact);
        QTest::newRow("indented") << int(JsonWriter::Layout::Indented);
    }

    void compactAndIndentedMeanTheSame()
    {
        QFETCH(int, layout);
        JsonWriter w(static_cast<JsonWriter::Layout>(layout));
        writeSample(w, 3);
        const QByteArray text = w.finish();
        QVERIFY(text.endsWith('\n'));
        QCOMPARE(text.count('\n') > 1, layout == int(JsonWriter::Layout::Indented));

        const QJsonObject o = parse(text).toObject();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("orders"));
        QCOMPARE(o.value(QStringLiteral("internal")), QJsonValue(false));
        QVERIFY(o.value(QStringLiteral("none")).isNull());
        QCOMPARE(o.value(QStringLiteral("empty")).toArray().size(), 0);
        QVERIFY(o.value(QStringLiteral("nothing")).toObject().isEmpty());
        const QJsonArray partitions = o.value(QStringLiteral("partitions")).toArray();
        QCOMPARE(partitions.size(), 3);
        QCOMPARE(partitions.at(2).toObject().value(QStringLiteral("id")).toInt(), 2);
        QCOMPARE(partitions.at(0).toObject().value(QStringLiteral("leader")).toInt(), -1);
        QCOMPARE(partitions.at(1).toObject().value(QStringLiteral("big")).toInteger(), qint64{1} << 52);
        QCOMPARE(partitions.at(1).toObject().value(QStringLiteral("replicas")).toArray(), (QJsonArray{1, 2, 3}));
    }

    void compactHasNoSpaces()
    {
        JsonWriter w;
        w.beginArray().value(1).beginObject().key("a").value("b").endObject().endArray();
        QCOMPARE(w.finish(), QByteArray("[1,{\"a\":\"b\"}]\n"));
    }

    void escapesStrings()
    {
        const QString nasty = QStringLiteral("quote \" backslash \\ slash / tab \t newline \n return \r") +
                              QChar(0x01) + QChar(0x1f) + QStringLiteral(" b\bf\f Grüße ✓ ") +
                              QString::fromUtf8("\xF0\x9F\x98\x80");
        JsonWriter w;
        w.beginArray().value(nasty).value("").endArray();
        const QByteArray text = w.finish();
        QVERIFY(text.contains("\\u0001"));
        QVERIFY(text.contains("\\u001f"));
        QVERIFY(text.contains("\\\""));
        QVERIFY(!text.contains('\t'));
        const QJsonArray a = parse(text).toArray();
        QCOMPARE(a.size(), 2);
        QCOMPARE(a.at(0).toString(), nasty);
        QCOMPARE(a.at(1).toString(), QString());
    }

    void aSinkGetsTheSameBytes()
    {
        JsonWriter inMemory;
        writeSample(inMemory, 5000); // well over the 64 KB pieces
        const QByteArray expected = inMemory.finish();
        QVERIFY(expected.size() > 3 * 64 * 1024);

        std::FILE *file = std::tmpfile();
        QVERIFY(file);
        JsonWriter streamed(JsonWriter::Layout::Compact, file);
        writeSample(streamed, 5000);
        QVERIFY(streamed.finish().isEmpty());
        std::rewind(file);
        QByteArray written(expected.size() + 16, '\0');
        const std::size_t n = std::fread(written.data(), 1, static_cast<std::size_t>(written.size()), file);
        std::fclose(file);
        written.truncate(static_cast<qsizetype>(n));
        QCOMPARE(written, expected);
        QCOMPARE(parse(written).toObject().value(QStringLiteral("partitions")).toArray().size(), 5000);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
