#include "util/jsonwriter.h"

#include <charconv>
#include <cstring>

namespace kafdesk {

namespace {
constexpr std::size_t sinkChunk = 64 * 1024;
}

JsonWriter::JsonWriter(Layout layout, std::FILE *sink) : m_layout(layout), m_sink(sink)
{
    m_out.reserve(sinkChunk + 4096);
}

void JsonWriter::flushToSink()
{
    std::fwrite(m_out.data(), 1, m_out.size(), m_sink);
    m_out.clear();
}

void JsonWriter::newline()
{
    if (m_layout == Layout::Compact)
        return;
    m_out += '\n';
    m_out.append(m_hasElement.size() * 4, ' ');
}

// A value goes after a key as it is; in an array, after a comma unless it is the first.
void JsonWriter::beforeValue()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_hasElement.empty())
        return;
    if (m_hasElement.back())
        m_out += ',';
    m_hasElement.back() = true;
    newline();
}

void JsonWriter::open(char bracket)
{
    if (m_sink && m_out.size() >= sinkChunk)
        flushToSink(); // between elements: a cheap place to check
    beforeValue();
    m_out += bracket;
    m_hasElement.push_back(false);
}

void JsonWriter::close(char bracket)
{
    const bool hadElement = !m_hasElement.empty() && m_hasElement.back();
    if (!m_hasElement.empty())
        m_hasElement.pop_back();
    if (hadElement)
        newline();
    m_out += bracket;
}

JsonWriter &JsonWriter::beginObject()
{
    open('{');
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    close('}');
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    open('[');
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    close(']');
    return *this;
}

JsonWriter &JsonWriter::key(const char *name, std::size_t length)
{
    beforeValue();
    appendEscaped(name, length);
    m_out += m_layout == Layout::Compact ? ":" : ": ";
    m_afterKey = true;
    return *this;
}

void JsonWriter::appendEscaped(const char *utf8, std::size_t size)
{
    static constexpr char hex[] = "0123456789abcdef";
    m_out += '"';
    std::size_t plainStart = 0;
    for (std::size_t i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue; // bytes of multi-byte UTF-8 sequences are >= 0x80 and pass through too
        m_out.append(utf8 + plainStart, i - plainStart);
        plainStart = i + 1;
        switch (c) {
        case '"': m_out += "\\\""; break;
        case '\\': m_out += "\\\\"; break;
        case '\n': m_out += "\\n"; break;
        case '\r': m_out += "\\r"; break;
        case '\t': m_out += "\\t"; break;
        case '\b': m_out += "\\b"; break;
        case '\f': m_out += "\\f"; break;
        default:
            m_out += "\\u00";
            m_out += hex[c >> 4];
            m_out += hex[c & 0xf];
        }
    }
    m_out.append(utf8 + plainStart, size - plainStart);
    m_out += '"';
}

JsonWriter &JsonWriter::value(const QString &text)
{
    beforeValue();
    const QByteArray utf8 = text.toUtf8();
    appendEscaped(utf8.constData(), static_cast<std::size_t>(utf8.size()));
    return *this;
}

JsonWriter &JsonWriter::value(const char *text)
{
    beforeValue();
    appendEscaped(text, std::strlen(text));
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    beforeValue();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    m_out.append(digits, static_cast<std::size_t>(end - digits));
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    beforeValue();
    m_out += flag ? "true" : "false";
    return *this;
}

JsonWriter &JsonWriter::null()
{
    beforeValue();
    m_out += "null";
    return *this;
}

QByteArray JsonWriter::finish()
{
    m_out += '\n';
    if (m_sink) {
        flushToSink();
        std::fflush(m_sink);
        return {};
    }
    QByteArray text(m_out.data(), static_cast<qsizetype>(m_out.size()));
    m_out.clear();
    return text;
}

} // namespace kafdesk
