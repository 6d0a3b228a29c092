#pragma once

#include <QWidget>

class QTreeWidget;

namespace kafdesk {

class MessageLog;
struct LogMessage;

// Every message of the session, newest last: time, severity, text; the broker's own text in a
// second line and the tooltip. Lives in a dock of the main window.
class MessageLogView : public QWidget {
    Q_OBJECT
public:
    explicit MessageLogView(MessageLog *log, QWidget *parent = nullptr);
    int rowCount() const;

private:
    void append(const LogMessage &message);

    MessageLog *m_log;
    QTreeWidget *m_list;
};

} // namespace kafdesk
