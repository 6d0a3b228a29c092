#include "messages/producepayload.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace kafdesk::produce {

namespace {

Error bad(const QString &message, const QString &detail = {})
{
    return Error{message, detail, true};
}

} // namespace

QString groupedNumber(qint64 n)
{
    QString digits = QString::number(n < 0 ? -n : n);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3)
        digits.insert(i, QLatin1Char(','));
    return n < 0 ? QLatin1Char('-') + digits : digits;
}

namespace {

QString bytesText(qint64 bytes)
{
    return groupedNumber(bytes);
}

QByteArray substitute(const QByteArray &text, qint64 counter)
{
    QByteArray out = text;
    return out.replace(QByteArrayLiteral("{i}"), QByteArray::number(counter));
}

// Reads the file, or (checkOnly) only opens it: validation runs on every keystroke.
Result<QByteArray> readFile(const QString &path, bool checkOnly = false)
{
    if (path.trimmed().isEmpty())
        return bad(QStringLiteral("Choose a file to send as the value."));
    const QFileInfo info(path);
    if (!info.exists())
        return bad(QStringLiteral("The file %1 does not exist.").arg(path));
    if (!info.isFile())
        return bad(QStringLiteral("%1 is not a file.").arg(path));
    if (info.size() > maxValueBytes)
        return bad(QStringLiteral("The file %1 has %2 bytes: at most %3 bytes (librdkafka's message.max.bytes) fit in "
                                  "one message.")
                       .arg(path, bytesText(info.size()), bytesText(maxValueBytes)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return bad(QStringLiteral("The file %1 cannot be read.").arg(path), file.errorString());
    if (checkOnly)
        return QByteArray();
    QByteArray data = file.read(maxValueBytes + 1);
    if (data.size() > maxValueBytes) // grew since it was looked at
        return bad(QStringLiteral("The file %1 has more than %2 bytes: at most that fits in one message.")
                       .arg(path, bytesText(maxValueBytes)));
    return data;
}

} // namespace

TextPosition positionAt(const QByteArray &utf8, qsizetype offset)
{
    offset = std::clamp<qsizetype>(offset, 0, utf8.size());
    const QByteArrayView before(utf8.constData(), offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    TextPosition pos;
    pos.line = static_cast<int>(before.count('\n')) + 1;
    pos.column = static_cast<int>(QString::fromUtf8(before.sliced(lineStart)).size()) + 1;
    return pos;
}

Result<QByteArray> parseHex(const QString &text)
{
    QByteArray out;
    out.reserve(text.size() / 2);
    int digits = 0;
    int high = -1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace()) {
            if (high >= 0)
                return bad(QStringLiteral("The hex value has a lone digit before position %1: each byte takes two "
                                          "digits.")
                               .arg(i + 1));
            continue;
        }
        const char16_t u = c.unicode();
        const int v = (u >= u'0' && u <= u'9')   ? u - u'0'
                      : (u >= u'a' && u <= u'f') ? u - u'a' + 10
                      : (u >= u'A' && u <= u'F') ? u - u'A' + 10
                                                 : -1;
        if (v < 0)
            return bad(QStringLiteral("The hex value has '%1' at position %2, which is not a hex digit (0-9, a-f).")
                           .arg(c)
                           .arg(i + 1));
        ++digits;
        if (high < 0) {
            high = v;
        } else {
            out.append(static_cast<char>((high << 4) | v));
            high = -1;
        }
    }
    if (high >= 0)
        return bad(QStringLiteral("The hex value has an odd number of digits (%1): each byte takes two.").arg(digits));
    return out;
}

Status checkJson(const QString &text)
{
    QByteArray utf8 = text.toUtf8();
    if (utf8.trimmed().isEmpty())
        return bad(QStringLiteral("The JSON value is empty: type a JSON value, e.g. {} or \"text\"."));
    // {i} becomes a number of the same length, so positions stay where the user typed them.
    utf8.replace(QByteArrayLiteral("{i}"), QByteArrayLiteral("1  "));
    // QJsonDocument takes only objects and arrays: wrap the value in [ ] to accept any value.
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson('[' + utf8 + '\n' + ']', &error);
    if (error.error != QJsonParseError::NoError) {
        // The offset is where the parser stopped, one past the character it could not take, in
        // the wrapped text (one '[' before the value).
        const TextPosition pos = positionAt(utf8, error.offset - 2);
        return bad(QStringLiteral("The JSON value is not valid at line %1, column %2: %3.")
                       .arg(pos.line)
                       .arg(pos.column)
                       .arg(error.errorString()));
    }
    if (doc.array().size() != 1)
        return bad(QStringLiteral("The JSON value holds %1 values separated by commas: send one value (wrap them in "
                                  "[ ] for an array).")
                       .arg(doc.array().size()));
    return ok();
}

Status checkFile(const QString &path)
{
    auto checked = readFile(path, true);
    if (!checked)
        return checked.error();
    return ok();
}

Result<QByteArray> valueBytes(ValueFormat format, const QString &value)
{
    QByteArray bytes;
    switch (format) {
    case ValueFormat::Text:
        bytes = value.toUtf8();
        break;
    case ValueFormat::Json:
        if (const Status s = checkJson(value); !s)
            return s.error();
        bytes = value.toUtf8();
        break;
    case ValueFormat::Hex: {
        auto parsed = parseHex(value);
        if (!parsed)
            return parsed.error();
        bytes = std::move(parsed).value();
        break;
    }
    case ValueFormat::File:
        return readFile(value);
    }
    if (bytes.size() > maxValueBytes)
        return bad(QStringLiteral("The value has %1 bytes: at most %2 bytes (librdkafka's message.max.bytes) fit in one "
                                  "message.")
                       .arg(bytesText(bytes.size()), bytesText(maxValueBytes)));
    return bytes;
}

Result<ProducePlan> ProducePlan::make(const ProduceRequest &request, const TopicInfo &topic)
{
    if (const Status s = validate(request, topic); !s)
        return s.error();
    auto bytes = valueBytes(request.format, request.value);
    if (!bytes)
        return bytes.error();
    ProducePlan plan;
    plan.m_request = request;
    plan.m_value = std::move(bytes).value();
    if (request.key)
        plan.m_key = request.key->toUtf8();
    for (const ProduceHeader &h : request.headers)
        plan.m_headers.append({h.name.toUtf8(), h.value.toUtf8()});
    plan.m_keyHasCounter = plan.m_key && plan.m_key->contains(counterPlaceholder);
    plan.m_valueHasCounter = (request.format == ValueFormat::Text || request.format == ValueFormat::Json) &&
                             plan.m_value.contains(counterPlaceholder);
    return plan;
}

PlannedMessage ProducePlan::message(int index) const
{
    PlannedMessage m;
    m.id = index + firstCounter;
    if (m_key)
        m.key = m_keyHasCounter ? substitute(*m_key, m.id) : *m_key;
    m.value = m_valueHasCounter ? substitute(m_value, m.id) : m_value;
    return m;
}

QList<PlannedMessage> ProducePlan::messages() const
{
    QList<PlannedMessage> out;
    out.reserve(copies());
    for (int i = 0; i < copies(); ++i)
        out.append(message(i));
    return out;
}

} // namespace kafdesk::produce
