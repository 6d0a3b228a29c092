#pragma once

#include "widgets/messagelog.h"

#include <QFrame>

class QLabel;
class QTimer;
class QToolButton;

namespace kafdesk {

// A non-modal strip above the page: the latest message of the log with its icon, the broker's
// own text on demand, and a close button. Transient messages hide by themselves after a while;
// errors stay until closed or replaced. Nothing here takes the focus.
class MessageBanner : public QFrame {
    Q_OBJECT
public:
    explicit MessageBanner(QWidget *parent = nullptr);

    void showMessage(const LogMessage &message);
    const LogMessage &current() const { return m_current; }

    static constexpr int transientMs = 6000;

Q_SIGNALS:
    // "Show log": the user wants the whole history.
    void logRequested();

private:
    void updateText();
    void paintEvent(QPaintEvent *event) override;

    LogMessage m_current;
    bool m_showDetail = false;
    QLabel *m_icon;
    QLabel *m_text;
    QToolButton *m_detailButton;
    QToolButton *m_logButton;
    QToolButton *m_closeButton;
    QTimer *m_hideTimer;
};

} // namespace kafdesk
