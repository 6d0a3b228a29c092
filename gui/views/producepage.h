#pragma once

#include "messages/producesession.h"
#include "views/clusterpage.h"

#include <memory>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace kafdesk {

class CommandLinePreview;
class DeliveryTableModel;
class ProduceForm;

// Writing messages to a topic: key, value (text, JSON, hex, file), headers, partition, acks,
// idempotence, compression, N copies; each delivery report listed. Sending goes through a
// ProduceSession (a producer handle of its own, on its own thread) made from the attached
// session's connection settings; a message counts as sent only once its delivery report says so.
// Send is disabled, with the reason beside it, while the input is not valid or the connection is
// read-only. GUI thread only.
class ProducePage : public ClusterPage {
    Q_OBJECT
public:
    explicit ProducePage(QWidget *parent = nullptr);
    ~ProducePage() override;

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;

    void setTopic(const QString &topic);
    QString topic() const;

    // Validates and starts sending; false (with the reason shown) when nothing was sent.
    bool send();
    void cancel();
    bool isSending() const;

    // Why Send is disabled now (the text beside it), or empty when it is enabled.
    QString sendBlockedReason() const;
    // The error of the last send that failed as a whole (topic missing, broker refused), or empty.
    // Shown beside Send until the request is changed.
    QString lastError() const;

    ProduceForm *form() const { return m_form; }
    QPushButton *sendButton() const { return m_send; }
    QLabel *reasonLabel() const { return m_reason; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *summaryLabel() const { return m_summary; }
    DeliveryTableModel *deliveries() const { return m_deliveries; }
    QTableView *deliveriesView() const { return m_table; }
    CommandLinePreview *commandPreview() const { return m_command; }

private:
    QWidget *buildSendBar();
    QWidget *buildDeliveries();
    void updateState();
    void onDelivered(quint64 sendId, const QList<DeliveryReport> &reports);
    void onProgress(const ProduceProgress &progress);
    void onFinished(const ProduceProgress &progress);
    ProduceSession *producer();

    ProduceForm *m_form = nullptr;
    QPushButton *m_send = nullptr;
    QLabel *m_reason = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_clear = nullptr;
    CommandLinePreview *m_command = nullptr;
    DeliveryTableModel *m_deliveries = nullptr;
    QTableView *m_table = nullptr;
    std::unique_ptr<ProduceSession> m_producer;
    QString m_lastError;
    ProduceRequest m_lastErrorRequest; // what was being sent when m_lastError happened
    QString m_sendingTopic;
    ProduceRequest m_sendingRequest;
    std::optional<Error> m_firstFailure; // of the current send, for the log
};

} // namespace kafdesk
