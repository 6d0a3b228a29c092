#pragma once

// Turning message bytes into text for people: UTF-8 text, pretty JSON, hex, big-endian numbers,
// or the first of those that fits (auto). Pure functions, no I/O; nothing the user types is ever run.

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <optional>

namespace kafdesk {

enum class Decoder { Auto, Text, Json, Hex, Int32, Int64, Float64 };

QList<Decoder> allDecoders();
QString decoderName(Decoder decoder); // "Auto", "UTF-8 text", "JSON", "Hex", "Int32 (big-endian)", ...
QString decoderId(Decoder decoder);   // stable: auto, text, json, hex, int32, int64, float64
std::optional<Decoder> decoderFromId(const QString &id);

struct Decoded {
    QString text;         // what to show (on failure: the text as it is, or the hex when it is not text)
    Decoder used = Decoder::Text; // for Auto: the decoder that fitted
    QString error;        // why the chosen decoder did not fit (not UTF-8, not JSON at byte 12, 3 bytes not 4)
};

// The full text (the detail view; JSON indented when pretty). JSON keeps the message's own key
// order and number spelling (it is re-indented, not re-serialized); QJsonDocument validates it.
// Text that is not valid UTF-8 is shown with U+FFFD replacements and the error says where.
Decoded decode(QByteArrayView bytes, Decoder decoder, bool pretty = true);
// One line of at most maxChars characters for a table cell (newlines shown as ⏎, an ellipsis when cut).
// Cheap: reads at most maxChars * 4 bytes of the message, whatever its size.
QString preview(QByteArrayView bytes, Decoder decoder, int maxChars = 200);

// Whether the bytes are well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF). When not, *errorAt (if given) is the offset of the first bad byte.
bool isValidUtf8(QByteArrayView bytes, qsizetype *errorAt = nullptr);

} // namespace kafdesk
