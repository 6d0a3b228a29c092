#include "messages/decoders.h"

#include "messages/decodersformat.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QtEndian>

#include <bit>
#include <cstring>

namespace kafdesk {

using namespace decoding;

namespace {

constexpr char16_t returnSymbol = u'\u23ce'; // ⏎
constexpr char16_t ellipsis = u'\u2026';     // …

QString tr(const char *text)
{
    return QCoreApplication::translate("kafdesk::Decoders", text);
}

// Empty when the bytes are one JSON value (an object, an array or a scalar); else why not.
QString jsonError(QByteArrayView bytes, bool containersOnly)
{
    if (firstNonSpace(bytes) == '\0')
        return tr("Not JSON: the value is empty.");
    const char first = firstNonSpace(bytes);
    const bool container = first == '{' || first == '[';
    if (containersOnly && !container)
        return tr("Not a JSON object or array.");
    QJsonParseError error{};
    if (container) {
        QJsonDocument::fromJson(QByteArray::fromRawData(bytes.data(), bytes.size()), &error);
    } else {
        // QJsonDocument holds objects and arrays only: a scalar is checked as the one element of an array.
        QByteArray wrapped;
        wrapped.reserve(bytes.size() + 2);
        wrapped += '[';
        wrapped += bytes;
        wrapped += ']';
        const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
        if (error.error == QJsonParseError::NoError && doc.array().size() != 1)
            return tr("Not JSON: more than one value.");
        error.offset = std::max(0, error.offset - 1);
    }
    if (error.error == QJsonParseError::NoError)
        return {};
    return tr("Not JSON: %1 at byte %2.").arg(error.errorString()).arg(error.offset);
}

QString utf8Error(QByteArrayView bytes)
{
    qsizetype at = 0;
    if (isValidUtf8(bytes, &at))
        return {};
    return tr("Not valid UTF-8: byte %1 (0x%2) is not part of a character; shown as \u00ab\ufffd\u00bb.")
        .arg(at)
        .arg(static_cast<unsigned char>(bytes[at]), 2, 16, QLatin1Char('0'));
}

Decoded numberOf(QByteArrayView bytes, Decoder decoder)
{
    const qsizetype expected = decoder == Decoder::Int32 ? 4 : 8;
    if (bytes.size() != expected) {
        return {hexOf(bytes), decoder,
                tr("%1 bytes, not %2: not a big-endian %3.")
                    .arg(bytes.size())
                    .arg(expected)
                    .arg(decoder == Decoder::Int32   ? QStringLiteral("int32")
                         : decoder == Decoder::Int64 ? QStringLiteral("int64")
                                                     : QStringLiteral("float64"))};
    }
    switch (decoder) {
    case Decoder::Int32:
        return {QString::number(qFromBigEndian<qint32>(bytes.data())), decoder, {}};
    case Decoder::Int64:
        return {QString::number(qFromBigEndian<qint64>(bytes.data())), decoder, {}};
    default: {
        const double value = std::bit_cast<double>(qFromBigEndian<quint64>(bytes.data()));
        return {QString::number(value, 'g', QLocale::FloatingPointShortest), decoder, {}};
    }
    }
}

// One line: newlines as ⏎, tabs as spaces, other control characters as their Unicode pictures,
// at most maxChars characters with an ellipsis when anything was left out.
QString oneLine(const QString &text, int maxChars, bool truncated)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), maxChars) + 1);
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        if (out.size() >= maxChars) {
            truncated = true;
            break;
        }
        const char16_t c = text.at(i).unicode();
        if (c == u'\r') {
            if (i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                continue;
            out += QChar(returnSymbol);
        } else if (c == u'\n') {
            out += QChar(returnSymbol);
        } else if (c == u'\t') {
            out += QLatin1Char(' ');
        } else if (c < 0x20) {
            out += QChar(char16_t(0x2400 + c));
        } else if (c == 0x7f) {
            out += QChar(u'\u2421');
        } else {
            out += QChar(c);
        }
    }
    if (truncated) {
        if (out.size() >= maxChars)
            out.truncate(std::max(0, maxChars - 1));
        out += QChar(ellipsis);
    }
    return out;
}

QString hexPreview(QByteArrayView bytes, int maxChars)
{
    const qsizetype fit = std::max(1, (maxChars + 1) / 3);
    if (bytes.size() <= fit)
        return hexOf(bytes);
    return hexOf(bytes.first(std::max<qsizetype>(1, fit - 1))) + QChar(ellipsis);
}

QString textPreview(QByteArrayView bytes, int maxChars)
{
    const QByteArrayView head = utf8Prefix(bytes, qsizetype(maxChars) * 4);
    return oneLine(QString::fromUtf8(head), maxChars, head.size() < bytes.size());
}

// JSON in one compact line; a value longer than the preview reads is compacted from its start
// without being validated (validating it would mean reading all of it).
std::optional<QString> jsonPreview(QByteArrayView bytes, int maxChars, bool containersOnly)
{
    const qsizetype limit = qsizetype(maxChars) * 4;
    if (bytes.size() <= limit) {
        if (!jsonError(bytes, containersOnly).isEmpty())
            return std::nullopt;
        return oneLine(QString::fromUtf8(reformatJson(bytes, false)), maxChars, false);
    }
    const char first = firstNonSpace(bytes.first(limit));
    if (containersOnly && first != '{' && first != '[')
        return std::nullopt;
    const QByteArrayView head = utf8Prefix(bytes, limit);
    if (!isValidUtf8(head))
        return std::nullopt;
    return oneLine(QString::fromUtf8(reformatJson(head, false)), maxChars, true);
}

} // namespace

QList<Decoder> allDecoders()
{
    return {Decoder::Auto, Decoder::Text, Decoder::Json, Decoder::Hex, Decoder::Int32, Decoder::Int64, Decoder::Float64};
}

QString decoderName(Decoder decoder)
{
    switch (decoder) {
    case Decoder::Auto: return tr("Auto");
    case Decoder::Text: return tr("UTF-8 text");
    case Decoder::Json: return tr("JSON");
    case Decoder::Hex: return tr("Hex");
    case Decoder::Int32: return tr("Int32 (big-endian)");
    case Decoder::Int64: return tr("Int64 (big-endian)");
    case Decoder::Float64: return tr("Float64 (big-endian)");
    }
    return {};
}

QString decoderId(Decoder decoder)
{
    switch (decoder) {
    case Decoder::Auto: return QStringLiteral("auto");
    case Decoder::Text: return QStringLiteral("text");
    case Decoder::Json: return QStringLiteral("json");
    case Decoder::Hex: return QStringLiteral("hex");
    case Decoder::Int32: return QStringLiteral("int32");
    case Decoder::Int64: return QStringLiteral("int64");
    case Decoder::Float64: return QStringLiteral("float64");
    }
    return {};
}

std::optional<Decoder> decoderFromId(const QString &id)
{
    for (Decoder decoder : allDecoders())
        if (decoderId(decoder) == id)
            return decoder;
    return std::nullopt;
}

Decoded decode(QByteArrayView bytes, Decoder decoder, bool pretty)
{
    switch (decoder) {
    case Decoder::Auto: {
        if (jsonError(bytes, true).isEmpty())
            return {QString::fromUtf8(reformatJson(bytes, pretty)), Decoder::Json, {}};
        if (isValidUtf8(bytes) && isPrintable(bytes))
            return {QString::fromUtf8(bytes), Decoder::Text, {}};
        return {pretty ? hexDump(bytes) : hexOf(bytes), Decoder::Hex, {}};
    }
    case Decoder::Text:
        return {QString::fromUtf8(bytes), Decoder::Text, utf8Error(bytes)};
    case Decoder::Json: {
        const QString error = jsonError(bytes, false);
        if (error.isEmpty())
            return {QString::fromUtf8(reformatJson(bytes, pretty)), Decoder::Json, {}};
        // Not JSON: the text as it is (to see what is wrong with it), or the hex when it is not text.
        if (isValidUtf8(bytes))
            return {QString::fromUtf8(bytes), Decoder::Json, error};
        return {pretty ? hexDump(bytes) : hexOf(bytes), Decoder::Json, error};
    }
    case Decoder::Hex:
        return {pretty ? hexDump(bytes) : hexOf(bytes), Decoder::Hex, {}};
    case Decoder::Int32:
    case Decoder::Int64:
    case Decoder::Float64:
        return numberOf(bytes, decoder);
    }
    return {};
}

QString preview(QByteArrayView bytes, Decoder decoder, int maxChars)
{
    maxChars = std::max(maxChars, 4);
    switch (decoder) {
    case Decoder::Auto: {
        const char first = firstNonSpace(bytes.first(std::min<qsizetype>(bytes.size(), qsizetype(maxChars) * 4)));
        if (first == '{' || first == '[')
            if (auto json = jsonPreview(bytes, maxChars, true))
                return *json;
        const QByteArrayView head = utf8Prefix(bytes, qsizetype(maxChars) * 4);
        if (isValidUtf8(head) && isPrintable(head))
            return oneLine(QString::fromUtf8(head), maxChars, head.size() < bytes.size());
        return hexPreview(bytes, maxChars);
    }
    case Decoder::Text:
        return textPreview(bytes, maxChars);
    case Decoder::Json:
        if (auto json = jsonPreview(bytes, maxChars, false))
            return *json;
        return textPreview(bytes, maxChars);
    case Decoder::Hex:
        return hexPreview(bytes, maxChars);
    case Decoder::Int32:
    case Decoder::Int64:
    case Decoder::Float64: {
        const qsizetype expected = decoder == Decoder::Int32 ? 4 : 8;
        // Only the right size is decoded: numberOf() would write the hex of a wrong-sized value
        // whole, megabytes of it for a big message, before the cell cuts it to one line.
        if (bytes.size() == expected)
            return numberOf(bytes, decoder).text;
        return oneLine(tr("(%1 bytes, not %2) ").arg(bytes.size()).arg(expected) +
                           hexPreview(bytes, maxChars),
                       maxChars, false);
    }
    }
    return {};
}

} // namespace kafdesk
