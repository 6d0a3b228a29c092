#pragma once

#include "util/result.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace kafdesk {

// The page shown instead of a cluster's views: nothing open yet, work in progress (with its
// steps and Cancel), or what went wrong (with the tool's own text and a way to try again).
class StatusPage : public QWidget {
    Q_OBJECT
public:
    explicit StatusPage(QWidget *parent = nullptr);

    // A message with up to two buttons (empty text: no button).
    void showMessage(const QString &title, const QString &text, const QString &primary, const QString &secondary = {});
    void showProgress(const QString &title, bool cancellable = true);
    void setProgressText(const QString &text);
    void showError(const Error &error, const QString &retryText);

    QString title() const;
    QString text() const;

Q_SIGNALS:
    void primaryClicked();
    void secondaryClicked();
    void cancelClicked();

private:
    enum class Mode { Message, Progress, Error };
    void setMode(Mode mode);

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_text;
    QProgressBar *m_progress;
    QPushButton *m_primary;
    QPushButton *m_secondary;
    QPushButton *m_cancel;
    Mode m_mode = Mode::Message;
};

} // namespace kafdesk
