#pragma once

// The byte-level helpers behind the decoders (decoders.cpp): hex, JSON re-indenting, text checks.
// Internal to core/messages; pure functions.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace kafdesk::decoding {

bool isJsonSpace(char c);
// The first byte that is not JSON white space, or '\0'.
char firstNonSpace(QByteArrayView bytes);
// No control characters other than tab, newline and carriage return.
bool isPrintable(QByteArrayView bytes);
// The longest prefix of at most maxBytes that does not end inside a UTF-8 sequence.
QByteArrayView utf8Prefix(QByteArrayView bytes, qsizetype maxBytes);
// "68 65 6c 6c 6f"
QString hexOf(QByteArrayView bytes);
// 16 bytes a line with offsets and ASCII (hexOf() for 16 bytes or fewer).
QString hexDump(QByteArrayView bytes);
// Re-indents (pretty) or compacts JSON text, keeping key order and number spelling.
QByteArray reformatJson(QByteArrayView json, bool pretty);

} // namespace kafdesk::decoding
