#include "messages/messagefilter.h"

#include <QCoreApplication>
#include <QLatin1StringView>

#include <algorithm>

namespace kafdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kafdesk::MessageFilter", text);
}

} // namespace

Result<MessageFilter> MessageFilter::create(const MessageFilterSpec &spec)
{
    MessageFilter filter;
    filter.m_spec = spec;
    if (spec.pattern.isEmpty())
        return filter;
    if ((spec.fields & (MessageFilterSpec::Key | MessageFilterSpec::Value | MessageFilterSpec::Headers)) == 0) {
        Error error = failure(tr("Choose at least one of key, value and headers to filter on."));
        error.badInput = true;
        return error;
    }
    if (spec.regularExpression) {
        QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
        if (!spec.caseSensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        filter.m_regex = QRegularExpression(spec.pattern, options);
        if (!filter.m_regex.isValid()) {
            Error error = failure(tr("The regular expression is not valid: %1 at character %2.")
                                      .arg(filter.m_regex.errorString())
                                      .arg(filter.m_regex.patternErrorOffset()));
            error.badInput = true;
            return error;
        }
        filter.m_regex.optimize();
    } else {
        filter.m_needle = spec.pattern.toUtf8();
        filter.m_asciiNeedle = std::all_of(filter.m_needle.cbegin(), filter.m_needle.cend(),
                                           [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    }
    return filter;
}

bool MessageFilter::matchesBytes(QByteArrayView bytes) const
{
    if (m_spec.regularExpression)
        return m_regex.match(QString::fromUtf8(bytes)).hasMatch();
    if (m_spec.caseSensitive)
        return bytes.indexOf(QByteArrayView(m_needle)) >= 0;
    if (m_asciiNeedle) {
        // Latin-1 case folding never turns a byte of a multi-byte UTF-8 sequence into ASCII, so
        // an ASCII pattern is found in the raw bytes without decoding them.
        return QLatin1StringView(bytes.data(), bytes.size())
                   .indexOf(QLatin1StringView(m_needle.constData(), m_needle.size()), 0, Qt::CaseInsensitive) >= 0;
    }
    return QString::fromUtf8(bytes).contains(m_spec.pattern, Qt::CaseInsensitive);
}

template <typename Source>
bool MessageFilter::matchesAt(const Source &source, qsizetype i) const
{
    if (isEmpty())
        return true;
    if ((m_spec.fields & MessageFilterSpec::Key) && !source.keyIsNull(i) && matchesBytes(source.key(i)))
        return true;
    if ((m_spec.fields & MessageFilterSpec::Value) && !source.valueIsNull(i) && matchesBytes(source.value(i)))
        return true;
    if ((m_spec.fields & MessageFilterSpec::Headers) && source.headerCount(i) > 0) {
        for (const MessageHeader &header : source.headers(i)) {
            if (matchesBytes(header.name) || (header.value && matchesBytes(*header.value)))
                return true;
        }
    }
    return false;
}

bool MessageFilter::matches(const MessageStore &store, qsizetype row) const
{
    return matchesAt(store, row);
}

bool MessageFilter::matches(const MessageBatch &batch, qsizetype index) const
{
    return matchesAt(batch, index);
}

bool MessageFilter::matches(const Message &message) const
{
    if (isEmpty())
        return true;
    if ((m_spec.fields & MessageFilterSpec::Key) && message.key && matchesBytes(*message.key))
        return true;
    if ((m_spec.fields & MessageFilterSpec::Value) && message.value && matchesBytes(*message.value))
        return true;
    if (m_spec.fields & MessageFilterSpec::Headers) {
        for (const MessageHeader &header : message.headers)
            if (matchesBytes(header.name) || (header.value && matchesBytes(*header.value)))
                return true;
    }
    return false;
}

} // namespace kafdesk
