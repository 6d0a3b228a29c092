#pragma once

// Writing consumed messages to a file, on any thread: JSON Lines or CSV (RFC 4180).
//
// JSON Lines: one object per message, in buffer order, fields in this order:
//   {"topic":"t","partition":0,"offset":42,"timestamp":1733061600000,"timestampType":"CreateTime",
//    "key":"user-7","value":"{\"a\":1}","headers":[{"name":"trace","value":"abc"}]}
// - timestamp: milliseconds since the epoch (UTC), null when the message has none; timestampType:
//   "CreateTime", "LogAppendTime" or null.
// - key, value, header value: the bytes as a JSON string when they are valid UTF-8; otherwise
//   base64 (RFC 4648, with padding) and a sibling "keyEncoding" / "valueEncoding" (for a header:
//   "valueEncoding" in the header object) set to "base64". No encoding field means UTF-8 text.
//   A null key, value or header value is JSON null (not the same as "").
// - header names are strings (Kafka defines them as UTF-8; bad bytes become U+FFFD).
// CSV: a header row, then one row per message, CRLF line ends, fields quoted when they hold a
// comma, a quote, CR or LF (quotes doubled):
//   topic,partition,offset,timestamp,timestampType,key,keyEncoding,value,valueEncoding,headers
// keyEncoding/valueEncoding: empty for UTF-8 text, "base64", or "null" for a null key/value;
// headers: the same JSON array as in JSON Lines.

#include "messages/message.h"
#include "util/result.h"

#include <QIODevice>
#include <QList>
#include <QString>

#include <functional>

namespace kafdesk {

enum class ExportFormat { JsonLines, Csv };

// The messages to write, as shared read-only batches (so a worker thread can write them while
// the GUI goes on consuming): the concatenation of every span, or only `rows` of it.
struct MessageSpan {
    MessageBatchPtr batch;
    qsizetype begin = 0; // first index in the batch
    qsizetype end = 0;   // one past the last
};

struct ExportSource {
    QString topic;
    QList<MessageSpan> spans;
    bool allRows = true;
    QList<qsizetype> rows; // ascending indices into the concatenated spans, when !allRows

    qsizetype totalSpanRows() const;
    qsizetype messageCount() const { return allRows ? totalSpanRows() : rows.size(); }
};

// One line / row (with its line end) for one message of a batch.
void appendJsonLine(QByteArray &out, const QString &topic, const MessageBatch &batch, qsizetype index);
void appendCsvRow(QByteArray &out, const QString &topic, const MessageBatch &batch, qsizetype index);
QByteArray csvHeaderRow();

struct ExportStats {
    qint64 messages = 0;
    qint64 bytes = 0;
};

// Writes every message of `source` to `device` (open for writing). progress(done, total) is called
// every few thousand messages; returning false from it cancels (the result is then cancelledError()).
Result<ExportStats> exportMessages(const ExportSource &source, ExportFormat format, QIODevice &device,
                                   const std::function<bool(qint64, qint64)> &progress = {});
// The same into a file, atomically (QSaveFile: a cancelled or failed export leaves no partial file).
Result<ExportStats> exportMessagesToFile(const ExportSource &source, ExportFormat format, const QString &path,
                                         const std::function<bool(qint64, qint64)> &progress = {});

} // namespace kafdesk
