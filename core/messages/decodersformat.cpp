#include "messages/decodersformat.h"

#include "messages/decoders.h"

#include <algorithm>

namespace kafdesk {

namespace {

constexpr int jsonIndent = 2;

} // namespace

namespace decoding {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char firstNonSpace(QByteArrayView bytes)
{
    for (char c : bytes)
        if (!isJsonSpace(c))
            return c;
    return '\0';
}

// Control characters other than tab, newline and carriage return make bytes "not text" for Auto.
bool isPrintable(QByteArrayView bytes)
{
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7f)
            return false;
    }
    return true;
}

// The longest prefix of at most maxBytes that does not end inside a UTF-8 sequence.
QByteArrayView utf8Prefix(QByteArrayView bytes, qsizetype maxBytes)
{
    if (bytes.size() <= maxBytes)
        return bytes;
    qsizetype end = maxBytes;
    // Back off over continuation bytes (at most 3) so the cut falls before a lead byte.
    for (int i = 0; i < 3 && end > 0 && (static_cast<unsigned char>(bytes[end]) & 0xc0) == 0x80; ++i)
        --end;
    return bytes.first(end);
}

QString hexOf(QByteArrayView bytes)
{
    static constexpr char digits[] = "0123456789abcdef";
    QString out;
    out.reserve(bytes.size() * 3);
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(' ');
        const auto u = static_cast<unsigned char>(bytes[i]);
        out += QLatin1Char(digits[u >> 4]);
        out += QLatin1Char(digits[u & 0xf]);
    }
    return out;
}

// A dump for the detail view: 16 bytes a line, an offset, two groups of 8, and the ASCII.
QString hexDump(QByteArrayView bytes)
{
    if (bytes.size() <= 16)
        return hexOf(bytes);
    QString out;
    out.reserve(bytes.size() / 16 * 80 + 80);
    for (qsizetype line = 0; line < bytes.size(); line += 16) {
        const QByteArrayView chunk = bytes.sliced(line, std::min<qsizetype>(16, bytes.size() - line));
        out += QStringLiteral("%1  ").arg(line, 8, 16, QLatin1Char('0'));
        QString hex = hexOf(chunk.first(std::min<qsizetype>(8, chunk.size())));
        if (chunk.size() > 8)
            hex += QLatin1String("  ") + hexOf(chunk.sliced(8));
        out += hex.leftJustified(16 * 3 + 1);
        out += QLatin1String("  |");
        for (char c : chunk) {
            const auto u = static_cast<unsigned char>(c);
            out += (u >= 0x20 && u < 0x7f) ? QLatin1Char(c) : QLatin1Char('.');
        }
        out += QLatin1String("|\n");
    }
    out.chop(1);
    return out;
}

// Re-indents (or compacts) JSON text byte by byte, keeping key order and number spelling as
// they are. The input is assumed valid (or a prefix of valid JSON, for previews).
QByteArray reformatJson(QByteArrayView json, bool pretty)
{
    QByteArray out;
    out.reserve(pretty ? json.size() * 2 : json.size());
    int depth = 0;
    bool inString = false;
    bool escape = false;
    auto newline = [&] {
        out += '\n';
        out.append(qsizetype(std::max(depth, 0)) * jsonIndent, ' ');
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (inString) {
            out += c;
            if (escape)
                escape = false;
            else if (c == '\\')
                escape = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case ' ': case '\t': case '\n': case '\r':
            break;
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            out += c;
            qsizetype next = i + 1;
            while (next < json.size() && isJsonSpace(json[next]))
                ++next;
            if (next < json.size() && (json[next] == '}' || json[next] == ']')) {
                out += json[next]; // an empty object or array stays on one line: {} []
                i = next;
            } else {
                ++depth;
                if (pretty)
                    newline();
            }
            break;
        }
        case '}':
        case ']':
            --depth;
            if (pretty)
                newline();
            out += c;
            break;
        case ',':
            out += c;
            if (pretty)
                newline();
            break;
        case ':':
            out += pretty ? QByteArrayView(": ") : QByteArrayView(":");
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace decoding

bool isValidUtf8(QByteArrayView bytes, qsizetype *errorAt)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    auto fail = [&](qsizetype at) {
        if (errorAt)
            *errorAt = at;
        return false;
    };
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80, high = 0xbf; // the allowed range of the second byte
        if (c >= 0xc2 && c <= 0xdf) {
            length = 2;
        } else if (c >= 0xe0 && c <= 0xef) {
            length = 3;
            if (c == 0xe0)
                low = 0xa0; // no overlong forms
            else if (c == 0xed)
                high = 0x9f; // no surrogates
        } else if (c >= 0xf0 && c <= 0xf4) {
            length = 4;
            if (c == 0xf0)
                low = 0x90;
            else if (c == 0xf4)
                high = 0x8f; // nothing past U+10FFFF
        } else {
            return fail(i);
        }
        if (i + length > n)
            return fail(i);
        if (p[i + 1] < low || p[i + 1] > high)
            return fail(i);
        for (int k = 2; k < length; ++k)
            if ((p[i + k] & 0xc0) != 0x80)
                return fail(i);
        i += length;
    }
    return true;
}


} // namespace kafdesk
