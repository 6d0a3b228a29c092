#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace kafdesk {

// Writes JSON text as it goes, without building a document first. For large outputs such as a
// snapshot of 10,000 partitions, where building QJsonObjects and serialising them through
// QJsonDocument took ten times as long as fetching the metadata. Strings are escaped as RFC 8259
// asks; the output parses with QJsonDocument (tests/unit/tst_jsonwriter.cpp).
//
//   JsonWriter w;
//   w.beginObject().key("id").value(1).key("tags").beginArray().value("a").endArray().endObject();
class JsonWriter {
public:
    enum class Layout { Compact, Indented };
    explicit JsonWriter(Layout layout = Layout::Compact);

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    // Inside an object, before each value. Keys are ASCII literals in this code base.
    JsonWriter &key(const char *name);

    JsonWriter &value(const QString &text);
    JsonWriter &value(const char *text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(static_cast<qint64>(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &null();

    // The text so far: complete once every object and array is closed. Ends with a newline.
    QByteArray finish();

private:
    void beforeValue();
    void open(char bracket);
    void close(char bracket);
    void newline();
    void appendEscaped(const char *utf8, qsizetype size);

    QByteArray m_out;
    Layout m_layout;
    // Per open container: whether it has an element yet (for the comma before the next).
    std::vector<bool> m_hasElement;
    bool m_afterKey = false;
};

} // namespace kafdesk
