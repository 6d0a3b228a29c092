#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

namespace kafdesk {

// One message for the user: shown in the window's banner, kept in the message log.
struct LogMessage {
    enum class Severity { Info, Warning, Error };
    QDateTime at;       // local time it was posted
    Severity severity = Severity::Info;
    QString text;       // one clear sentence
    QString detail;     // the broker's or librdkafka's own text, when there is one
    bool transient = false; // the banner hides it by itself after a few seconds
};

// The window's messages, in the order posted (bounded). Pages and dialogs post here instead of
// opening message boxes: modal dialogs are for decisions only (ARCHITECTURE.md).
class MessageLog : public QObject {
    Q_OBJECT
public:
    explicit MessageLog(QObject *parent = nullptr);

    void post(LogMessage message);
    void info(const QString &text, bool transient = true);
    void warning(const QString &text, const QString &detail = {});
    // The error's sentence and detail; transient errors (a refresh that failed once) hide again.
    void error(const Error &error, bool transient = false);

    const QList<LogMessage> &messages() const { return m_messages; }
    void clear();

    static constexpr qsizetype maxMessages = 500;

Q_SIGNALS:
    void posted(const kafdesk::LogMessage &message);
    void cleared();

private:
    QList<LogMessage> m_messages;
};

} // namespace kafdesk
