#pragma once

#include "messages/consumesession.h"
#include "messages/messageexport.h"
#include "views/clusterpage.h"

#include <QPointer>
#include <QTimer>

class QAction;
class QLabel;
class QProgressBar;
class QSpinBox;
class QSplitter;
class QTableView;
class QToolButton;

namespace kafdesk {

class ConsumeExporter;
class ConsumeFilterBar;
class ConsumeForm;
class MessageDetailView;
class MessageFilterModel;
class MessageRateChart;
class MessageTableModel;

// Reading a topic into a bounded buffer: start position, assignment or group, decoders, filter,
// detail, rate chart, export. The page owns one ConsumeSession at a time (its batches go into the
// table model, about every 50 ms); a new start, a stop or another cluster ends it without waiting.
// The table only paints visible rows; the filter applies through an incremental proxy; the status
// line and the rate chart are redrawn on timers, never per batch. GUI thread only.
class ConsumePage : public ClusterPage {
    Q_OBJECT
public:
    static constexpr int statusIntervalMs = 250;

    explicit ConsumePage(QWidget *parent = nullptr);
    ~ConsumePage() override;

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void focusFilter() override;

    void setTopic(const QString &topic);
    QString topic() const;

    // Starts reading what the form says (after checking it); the buffer starts empty.
    void start();
    void pauseOrResume();
    void stop();
    // Writes the buffer (or only the rows the filter shows) to `path` on a worker thread; false
    // when it cannot start (another export runs, nothing to export).
    bool exportTo(const QString &path, ExportFormat format, bool filteredOnly);
    // Asks for the file (a non-blocking dialog), then exportTo().
    void chooseExportFile(ExportFormat format, bool filteredOnly);

    ConsumeSession::State state() const;
    QString statusText() const;
    QString droppedText() const; // empty when nothing was dropped
    QString emptyStateText() const; // what the empty table says, or empty when it shows rows
    qint64 messagesRead() const { return m_read; }

    ConsumeForm *form() const { return m_form; }
    ConsumeFilterBar *filterBar() const { return m_filterBar; }
    MessageTableModel *model() const { return m_model; }
    MessageFilterModel *filterModel() const { return m_filterModel; }
    QTableView *table() const { return m_table; }
    MessageDetailView *detailView() const { return m_detail; }
    MessageRateChart *rateChart() const { return m_chart; }
    QSpinBox *capacitySpin() const { return m_capacity; }
    ConsumeExporter *exporter() const { return m_exporter; }

Q_SIGNALS:
    // The session's state changed (or a new one began).
    void stateChanged(kafdesk::ConsumeSession::State state);
    void exportFinished(bool ok, const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildTableArea();
    QWidget *buildStatusRow();
    void discardSession();
    void onBatch(const MessageBatchPtr &batch);
    void onState(ConsumeSession::State state);
    void onStarted(const QMap<int, qint64> &startOffsets);
    void onFailed(const Error &error);
    void onFinished(const ConsumeStats &stats);
    void showCurrent();
    void showContextMenu(const QPoint &pos);
    // The current row's message, if the table has one.
    std::optional<Message> currentMessage() const;
    void updateStatus();
    void updateCounts();
    void updateEmptyState();
    void updateActions();
    void applyDecoders();
    void setCapacity(int capacity);

    ConsumeForm *m_form = nullptr;
    ConsumeFilterBar *m_filterBar = nullptr;
    MessageTableModel *m_model = nullptr;
    MessageFilterModel *m_filterModel = nullptr;
    QTableView *m_table = nullptr;
    MessageDetailView *m_detail = nullptr;
    MessageRateChart *m_chart = nullptr;
    QSplitter *m_split = nullptr;
    QLabel *m_dropped = nullptr;
    QLabel *m_empty = nullptr; // over the table while it shows no row
    QLabel *m_status = nullptr;
    QSpinBox *m_capacity = nullptr;
    QToolButton *m_exportButton = nullptr;
    QToolButton *m_clearButton = nullptr;
    QProgressBar *m_exportProgress = nullptr;
    QToolButton *m_exportCancel = nullptr;
    QAction *m_filteredJson = nullptr;
    QAction *m_filteredCsv = nullptr;
    QAction *m_copyValue = nullptr;
    QAction *m_copyKey = nullptr;
    QAction *m_copyJson = nullptr;
    ConsumeExporter *m_exporter = nullptr;

    QPointer<ConsumeSession> m_consume;
    ConsumeSession::State m_state = ConsumeSession::State::Idle;
    QString m_readingTopic;
    QString m_startInfo;
    QString m_failure;
    qint64 m_read = 0;
    QTimer m_statusTimer;
};

} // namespace kafdesk
