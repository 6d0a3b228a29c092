#pragma once

#include "cluster/clustersession.h"
#include "commands/kafkacommand.h"
#include "widgets/messagelog.h"

#include <QDialog>
#include <QPointer>

#include <functional>

class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace kafdesk {

class CommandLinePreview;
class TopicDialogMessage;

// What the four topic dialogs share: the session and the log, a read-only notice, the live
// command line, the action and Close buttons, the busy state while a request runs (inputs and
// action disabled, Close becomes Cancel and calls session->cancel), and the result or the
// broker's refusal shown inside the dialog. Non-modal; a subclass fills contentLayout(), keeps
// the command and submittable() up to date as its fields change, and runs its request with
// runRequest() from submit(). GUI thread only.
class TopicDialog : public QDialog {
    Q_OBJECT
public:
    ~TopicDialog() override;

    ClusterSession *session() const { return m_session; }
    MessageLog *messageLog() const { return m_log; }
    bool isBusy() const { return m_running; }
    // The connection does not allow changes: the action is disabled and says why.
    bool isReadOnly() const;
    QString readOnlyReason() const;

    QPushButton *actionButton() const { return m_action; }
    QPushButton *closeButton() const { return m_close; }
    CommandLinePreview *commandLine() const { return m_command; }
    TopicDialogMessage *resultMessage() const { return m_result; }

    // Esc and the window's close button: while a request runs they cancel it (the dialog stays
    // open to show how it ended), otherwise they close the dialog.
    void reject() override;

protected:
    // Follows the layout's minimum height back down when a message goes away, unless the user
    // made the dialog taller: a dialog grows for a message and would otherwise keep the gap.
    bool event(QEvent *event) override;
    // Enter submits (the action is the default button), except in a table: there Enter belongs to
    // the table (ending a cell's edit, choosing a row), so a half-filled row is never sent.
    void keyPressEvent(QKeyEvent *event) override;

    TopicDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &actionText);

    // Where the subclass puts its form.
    QVBoxLayout *contentLayout() const { return m_contentLayout; }
    // Where the tools connect: the session's bootstrap servers, and a client.properties file for
    // --command-config when the connection needs more than plain bootstrap.servers.
    commands::Target commandTarget() const;
    void setCommand(const commands::KafkaCommand &command);
    void setCommandPlaceholder(const QString &text);
    // Whether the form as it is now can be sent; the action is enabled only then (and when
    // connected, writable and idle).
    void setSubmittable(bool submittable);
    ClusterSnapshotPtr latestSnapshot() const;

    // Called with every snapshot the session takes; the subclass refreshes what it checks against.
    virtual void showSnapshot(const ClusterSnapshotPtr &snapshot) { Q_UNUSED(snapshot) }
    // The action button was clicked (only when submittable).
    virtual void submit() = 0;

    // Runs `work` on the session thread with the dialog busy; on success calls onSuccess with the
    // value, on failure shows the error (message and the broker's detail) in the dialog.
    template <typename T>
    void runRequest(const QString &busyText, std::function<Result<T>(ClusterOperations &)> work,
                    std::function<void(const T &)> onSuccess);

    void showResult(const Error &error);
    void clearResult();
    // Posts `logText` to the message log as an info and closes the dialog.
    void finishWithSuccess(const QString &logText);

private:
    void setBusy(const QString &text);
    void setIdle();
    void updateAction();
    void onActionClicked();
    void onRequestFinished(const Error *error);

    QPointer<ClusterSession> m_session;
    QPointer<MessageLog> m_log;
    TopicDialogMessage *m_readOnlyNotice = nullptr;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_contentLayout = nullptr;
    CommandLinePreview *m_command = nullptr;
    TopicDialogMessage *m_result = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_busyText = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_action = nullptr;
    QPushButton *m_close = nullptr;
    QString m_closeText;
    bool m_submittable = false;
    bool m_running = false;
    bool m_cancelRequested = false;
    quint64 m_requestId = 0;
    int m_minimumHeight = 0; // the layout's minimum as of the last layout pass
};

template <typename T>
void TopicDialog::runRequest(const QString &busyText, std::function<Result<T>(ClusterOperations &)> work,
                             std::function<void(const T &)> onSuccess)
{
    if (!m_session || isBusy())
        return;
    clearResult();
    setBusy(busyText);
    m_requestId =
        m_session->submit<T>(std::move(work), this, [this, onSuccess = std::move(onSuccess)](const Result<T> &r) {
            if (!r) {
                onRequestFinished(&r.error());
                return;
            }
            onRequestFinished(nullptr);
            onSuccess(r.value());
        });
}

} // namespace kafdesk
