#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>
#include <string>
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
    // With a `sink`, the text goes there in pieces of about 64 KB as it is written (so a large
    // output never sits whole in memory), and finish() writes the rest and returns nothing.
    explicit JsonWriter(Layout layout = Layout::Compact, std::FILE *sink = nullptr);

    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    // Inside an object, before each value. Keys are ASCII literals in this code base.
    template <std::size_t N>
    JsonWriter &key(const char (&name)[N])
    {
        return key(name, N - 1);
    }
    JsonWriter &key(const char *name, std::size_t length);

    JsonWriter &value(const QString &text);
    JsonWriter &value(const char *text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(static_cast<qint64>(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &null();

    // The text so far (without a sink): complete once every object and array is closed. Ends with
    // a newline.
    QByteArray finish();

private:
    void beforeValue();
    void open(char bracket);
    void close(char bracket);
    void newline();
    void appendEscaped(const char *utf8, std::size_t size);
    void flushToSink();

    // A std::string while writing: appending single characters to a QByteArray went through its
    // general insert() and showed in profiles.
    std::string m_out;
    Layout m_layout;
    std::FILE *m_sink;
    // Per open container: whether it has an element yet (for the comma before the next).
    std::vector<bool> m_hasElement;
    bool m_afterKey = false;
};

} // namespace kafdesk
