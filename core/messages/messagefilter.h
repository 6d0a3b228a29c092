#pragma once

// Which buffered messages the consume pane shows: a substring or a regular expression, matched
// against the key, the value and/or the header names and values (bytes read as UTF-8). A regular
// expression is QRegularExpression's (PCRE2) syntax, matched, never run: no user code executes.

#include "messages/message.h"
#include "util/result.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QString>

namespace kafdesk {

struct MessageFilterSpec {
    enum Field { Key = 0x1, Value = 0x2, Headers = 0x4 };
    QString pattern;          // empty: every message matches
    bool regularExpression = false;
    bool caseSensitive = false;
    int fields = Key | Value; // Field flags
    friend bool operator==(const MessageFilterSpec &, const MessageFilterSpec &) = default;
};

// A compiled filter. Cheap to copy; matches() is const and may run on any thread.
class MessageFilter {
public:
    MessageFilter() = default; // matches everything

    // A clear sentence (with the position) for a regular expression that does not compile, or
    // for a filter that looks at no field at all.
    static Result<MessageFilter> create(const MessageFilterSpec &spec);

    const MessageFilterSpec &spec() const { return m_spec; }
    // True when the filter lets every message through (an empty pattern).
    bool isEmpty() const { return m_spec.pattern.isEmpty(); }

    bool matches(const MessageStore &store, qsizetype row) const;
    bool matches(const MessageBatch &batch, qsizetype index) const;
    bool matches(const Message &message) const;

    // Whether one field's bytes match (a null key or value never matches).
    bool matchesBytes(QByteArrayView bytes) const;

private:
    template <typename Source>
    bool matchesAt(const Source &source, qsizetype i) const;

    MessageFilterSpec m_spec;
    QRegularExpression m_regex;
    QByteArray m_needle;     // the pattern in UTF-8 (substring mode)
    bool m_asciiNeedle = true; // case-insensitive search on bytes works for an ASCII pattern
};

} // namespace kafdesk
