#include "widgets/messagelog.h"

namespace kafdesk {

MessageLog::MessageLog(QObject *parent) : QObject(parent) {}

void MessageLog::post(LogMessage message)
{
    if (!message.at.isValid())
        message.at = QDateTime::currentDateTime();
    if (m_messages.size() >= maxMessages)
        m_messages.removeFirst();
    m_messages.append(message);
    Q_EMIT posted(message);
}

void MessageLog::info(const QString &text, bool transient)
{
    post(LogMessage{{}, LogMessage::Severity::Info, text, {}, transient});
}

void MessageLog::warning(const QString &text, const QString &detail)
{
    post(LogMessage{{}, LogMessage::Severity::Warning, text, detail, false});
}

void MessageLog::error(const Error &error, bool transient)
{
    post(LogMessage{{}, LogMessage::Severity::Error, error.message, error.detail, transient});
}

void MessageLog::clear()
{
    m_messages.clear();
    Q_EMIT cleared();
}

} // namespace kafdesk
