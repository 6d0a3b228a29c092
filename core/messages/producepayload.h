#pragma once

// Turning a ProduceRequest into the bytes of each copy: value parsing (hex, JSON with the
// position of an error, a file) and the {i} expansion, as pure functions.

#include "messages/producerequest.h"

#include <QByteArray>
#include <QList>
#include <QPair>

#include <optional>

namespace kafdesk::produce {

// 1,000,000: digits grouped by three with commas, as the messages show numbers.
QString groupedNumber(qint64 n);

// 1-based line and column (in characters) of a byte offset into UTF-8 text.
struct TextPosition {
    int line = 1;
    int column = 1;
    friend bool operator==(const TextPosition &, const TextPosition &) = default;
};
TextPosition positionAt(const QByteArray &utf8, qsizetype offset);

// Hex digits to bytes. Whitespace between bytes is ignored ("de ad be ef"); an odd number of
// digits or a character that is not a hex digit is an Error naming it and its position.
Result<QByteArray> parseHex(const QString &text);
// Whether `text` is one JSON value (an object, array, string, number, true, false or null);
// an Error with the line:column of the problem if not. {i} counts as a number.
Status checkJson(const QString &text);

// One message of a plan: what copy `index` (0-based) sends.
struct PlannedMessage {
    qint64 id = 0; // the copy's counter: index + firstCounter
    std::optional<QByteArray> key;
    QByteArray value;
};

// A validated request with its value loaded (a file is read once): expands copy by copy, so a
// million copies cost no memory up front. A value type: copy it to the producing thread.
class ProducePlan {
public:
    ProducePlan() = default;
    // validate() first, then the value's bytes.
    static Result<ProducePlan> make(const ProduceRequest &request, const TopicInfo &topic = TopicInfo::unknown());

    const ProduceRequest &request() const { return m_request; }
    int copies() const { return m_request.copies; }
    int partition() const { return m_request.partition; }
    const QList<QPair<QByteArray, QByteArray>> &headers() const { return m_headers; }
    bool keyHasCounter() const { return m_keyHasCounter; }
    bool valueHasCounter() const { return m_valueHasCounter; }

    // Copy `index` (0 <= index < copies()): {i} replaced by index + firstCounter in the key and,
    // for Text and JSON, in the value.
    PlannedMessage message(int index) const;
    // Every copy, for tests and small sends.
    QList<PlannedMessage> messages() const;

private:
    ProduceRequest m_request;
    std::optional<QByteArray> m_key;
    QByteArray m_value;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    bool m_keyHasCounter = false;
    bool m_valueHasCounter = false;
};

// Whether the file exists, is at most maxValueBytes and opens for reading, without reading it.
Status checkFile(const QString &path);
// The bytes of the value for its format (a file is read): what validate() checks, as bytes.
Result<QByteArray> valueBytes(ValueFormat format, const QString &value);

} // namespace kafdesk::produce
