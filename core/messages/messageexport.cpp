#include "messages/messageexport.h"

#include "messages/decoders.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace kafdesk {

namespace {

constexpr qsizetype flushBytes = 1 << 20;
constexpr qint64 progressEvery = 4096;

QString tr(const char *text)
{
    return QCoreApplication::translate("kafdesk::MessageExport", text);
}

// The bytes of valid UTF-8 as the inside of a JSON string.
void appendJsonEscaped(QByteArray &out, QByteArrayView bytes)
{
    static constexpr char hex[] = "0123456789abcdef";
    for (char c : bytes) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += hex[(c >> 4) & 0xf];
                out += hex[c & 0xf];
            } else {
                out += c;
            }
        }
    }
}

void appendJsonString(QByteArray &out, QByteArrayView utf8)
{
    out += '"';
    appendJsonEscaped(out, utf8);
    out += '"';
}

QByteArray base64(QByteArrayView bytes)
{
    return QByteArray::fromRawData(bytes.data(), bytes.size()).toBase64();
}

// "name":"text" or "name":"base64…","nameEncoding":"base64" or "name":null.
void appendBytesField(QByteArray &out, const char *name, bool isNull, QByteArrayView bytes)
{
    out += '"';
    out += name;
    out += "\":";
    if (isNull) {
        out += "null";
    } else if (isValidUtf8(bytes)) {
        appendJsonString(out, bytes);
    } else {
        appendJsonString(out, base64(bytes));
        out += ",\"";
        out += name;
        out += "Encoding\":\"base64\"";
    }
}

void appendHeadersJson(QByteArray &out, const QList<MessageHeader> &headers)
{
    out += '[';
    bool first = true;
    for (const MessageHeader &header : headers) {
        if (!first)
            out += ',';
        first = false;
        out += "{\"name\":";
        appendJsonString(out, isValidUtf8(header.name) ? header.name : QString::fromUtf8(header.name).toUtf8());
        out += ',';
        appendBytesField(out, "value", !header.value.has_value(), header.value ? QByteArrayView(*header.value) : QByteArrayView());
        out += '}';
    }
    out += ']';
}

QByteArrayView timestampTypeName(TimestampType type)
{
    switch (type) {
    case TimestampType::CreateTime: return "CreateTime";
    case TimestampType::LogAppendTime: return "LogAppendTime";
    case TimestampType::None: break;
    }
    return {};
}

void appendJsonLineEscapedTopic(QByteArray &out, QByteArrayView topicJson, const MessageBatch &batch, qsizetype i)
{
    out += "{\"topic\":";
    out += topicJson;
    out += ",\"partition\":";
    out += QByteArray::number(batch.partition(i));
    out += ",\"offset\":";
    out += QByteArray::number(batch.offset(i));
    const TimestampType type = batch.timestampType(i);
    const bool hasTime = type != TimestampType::None && batch.timestampMs(i) >= 0;
    out += ",\"timestamp\":";
    out += hasTime ? QByteArray::number(batch.timestampMs(i)) : QByteArray("null");
    out += ",\"timestampType\":";
    if (hasTime) {
        out += '"';
        out += timestampTypeName(type);
        out += '"';
    } else {
        out += "null";
    }
    out += ',';
    appendBytesField(out, "key", batch.keyIsNull(i), batch.key(i));
    out += ',';
    appendBytesField(out, "value", batch.valueIsNull(i), batch.value(i));
    out += ",\"headers\":";
    if (batch.headerCount(i) == 0)
        out += "[]";
    else
        appendHeadersJson(out, batch.headers(i));
    out += "}\n";
}

// One CSV field, quoted when it must be (RFC 4180).
void appendCsvField(QByteArray &out, QByteArrayView field)
{
    const bool quote = field.contains(',') || field.contains('"') || field.contains('\n') || field.contains('\r');
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

// The text and encoding columns of a key or value.
void appendCsvBytes(QByteArray &out, bool isNull, QByteArrayView bytes)
{
    if (isNull) {
        out += ",null";
    } else if (isValidUtf8(bytes)) {
        appendCsvField(out, bytes);
        out += ',';
    } else {
        out += base64(bytes);
        out += ",base64";
    }
}

void appendCsvRowTopic(QByteArray &out, QByteArrayView topicCsv, const MessageBatch &batch, qsizetype i)
{
    out += topicCsv;
    out += ',';
    out += QByteArray::number(batch.partition(i));
    out += ',';
    out += QByteArray::number(batch.offset(i));
    out += ',';
    const TimestampType type = batch.timestampType(i);
    if (type != TimestampType::None && batch.timestampMs(i) >= 0) {
        out += QByteArray::number(batch.timestampMs(i));
        out += ',';
        out += timestampTypeName(type);
    } else {
        out += ',';
    }
    out += ',';
    appendCsvBytes(out, batch.keyIsNull(i), batch.key(i));
    out += ',';
    appendCsvBytes(out, batch.valueIsNull(i), batch.value(i));
    out += ',';
    if (batch.headerCount(i) == 0) {
        out += "[]";
    } else {
        QByteArray headers;
        appendHeadersJson(headers, batch.headers(i));
        appendCsvField(out, headers);
    }
    out += "\r\n";
}

QByteArray topicJson(const QString &topic)
{
    QByteArray out;
    appendJsonString(out, topic.toUtf8());
    return out;
}

QByteArray topicCsv(const QString &topic)
{
    QByteArray out;
    appendCsvField(out, topic.toUtf8());
    return out;
}

} // namespace

qsizetype ExportSource::totalSpanRows() const
{
    qsizetype n = 0;
    for (const MessageSpan &span : spans)
        n += span.end - span.begin;
    return n;
}

void appendJsonLine(QByteArray &out, const QString &topic, const MessageBatch &batch, qsizetype index)
{
    appendJsonLineEscapedTopic(out, topicJson(topic), batch, index);
}

void appendCsvRow(QByteArray &out, const QString &topic, const MessageBatch &batch, qsizetype index)
{
    appendCsvRowTopic(out, topicCsv(topic), batch, index);
}

QByteArray csvHeaderRow()
{
    return QByteArrayLiteral("topic,partition,offset,timestamp,timestampType,key,keyEncoding,value,valueEncoding,headers\r\n");
}

Result<ExportStats> exportMessages(const ExportSource &source, ExportFormat format, QIODevice &device,
                                   const std::function<bool(qint64, qint64)> &progress)
{
    const QByteArray topic = format == ExportFormat::JsonLines ? topicJson(source.topic) : topicCsv(source.topic);
    const qint64 total = source.messageCount();
    ExportStats stats;
    QByteArray buffer;
    buffer.reserve(flushBytes + 64 * 1024);
    auto flush = [&]() -> bool {
        if (buffer.isEmpty())
            return true;
        if (device.write(buffer) != buffer.size())
            return false;
        stats.bytes += buffer.size();
        buffer.clear();
        return true;
    };
    auto writeError = [&] {
        return failure(tr("Could not write the export file."), device.errorString());
    };
    if (format == ExportFormat::Csv)
        buffer += csvHeaderRow();

    auto writeOne = [&](const MessageBatch &batch, qsizetype i) -> std::optional<Error> {
        if (format == ExportFormat::JsonLines)
            appendJsonLineEscapedTopic(buffer, topic, batch, i);
        else
            appendCsvRowTopic(buffer, topic, batch, i);
        ++stats.messages;
        if (buffer.size() >= flushBytes && !flush())
            return writeError();
        if (progress && stats.messages % progressEvery == 0 && !progress(stats.messages, total))
            return cancelledError();
        return std::nullopt;
    };

    if (source.allRows) {
        for (const MessageSpan &span : source.spans)
            for (qsizetype i = span.begin; i < span.end; ++i)
                if (auto error = writeOne(*span.batch, i))
                    return *error;
    } else {
        qsizetype spanIndex = 0;
        qsizetype spanStart = 0; // the concatenated index of the current span's first message
        for (qsizetype row : source.rows) {
            while (spanIndex < source.spans.size() &&
                   row >= spanStart + (source.spans[spanIndex].end - source.spans[spanIndex].begin)) {
                spanStart += source.spans[spanIndex].end - source.spans[spanIndex].begin;
                ++spanIndex;
            }
            if (spanIndex >= source.spans.size() || row < spanStart)
                return failure(tr("The rows to export are not in the buffer (internal error)."));
            const MessageSpan &span = source.spans[spanIndex];
            if (auto error = writeOne(*span.batch, span.begin + (row - spanStart)))
                return *error;
        }
    }
    if (!flush())
        return writeError();
    if (progress)
        progress(stats.messages, total);
    return stats;
}

Result<ExportStats> exportMessagesToFile(const ExportSource &source, ExportFormat format, const QString &path,
                                         const std::function<bool(qint64, qint64)> &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(tr("Could not create \"%1\".").arg(path), file.errorString());
    Result<ExportStats> result = exportMessages(source, format, file, progress);
    if (!result) {
        file.cancelWriting();
        return result;
    }
    if (!file.commit())
        return failure(tr("Could not write \"%1\".").arg(path), file.errorString());
    return result;
}

} // namespace kafdesk
