// ConsumePage: the consume session's life, the status line and the export.

#include "views/consumepage.h"

#include "charts/messageratechart.h"
#include "cluster/clustersession.h"
#include "models/messagefiltermodel.h"
#include "models/messagetablemodel.h"
#include "views/consumeexporter.h"
#include "views/consumefilterbar.h"
#include "views/consumeform.h"
#include "widgets/messagedetailview.h"
#include "widgets/messagelog.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableView>
#include <QToolButton>

namespace kafdesk {

void ConsumePage::attach(ClusterSession *newSession, MessageLog *log)
{
    const bool anotherCluster = newSession != session();
    ClusterPage::attach(newSession, log);
    if (anotherCluster) {
        // The messages and the session belong to the cluster left behind.
        discardSession();
        m_model->clear();
        m_detail->clear();
        m_chart->clear();
        m_read = 0;
        m_failure.clear();
        m_startInfo.clear();
        m_state = ConsumeSession::State::Idle;
        m_form->clearError();
        m_form->setSnapshot(newSession ? newSession->latestSnapshot() : nullptr);
    }
    m_form->setGroupAllowed(!isReadOnly(), isReadOnly() ? readOnlyReason() : QString());
    updateActions();
    updateStatus();
}

void ConsumePage::discardSession()
{
    if (!m_consume)
        return;
    // Nothing from it is wanted any more; stop() and deleting it never wait for librdkafka.
    disconnect(m_consume, nullptr, this, nullptr);
    m_consume->stop();
    m_consume->deleteLater();
    m_consume = nullptr;
    m_statusTimer.stop();
    m_chart->setActive(false);
}

void ConsumePage::start()
{
    m_form->clearError();
    if (!session()) {
        m_form->showError(tr("Connect to a cluster first."));
        return;
    }
    const Result<ConsumeRequest> request = m_form->request();
    if (!request) {
        m_form->showError(request.error().message);
        if (messageLog())
            messageLog()->error(request.error(), true);
        return;
    }
    discardSession();
    m_model->clear();
    m_detail->clear();
    m_chart->clear();
    m_read = 0;
    m_failure.clear();
    m_startInfo.clear();
    m_readingTopic = request->topic;

    m_consume = new ConsumeSession(session()->settings(), request.value(), this);
    connect(m_consume, &ConsumeSession::batchReady, this, &ConsumePage::onBatch);
    connect(m_consume, &ConsumeSession::stateChanged, this, &ConsumePage::onState);
    connect(m_consume, &ConsumeSession::started, this, &ConsumePage::onStarted);
    connect(m_consume, &ConsumeSession::failed, this, &ConsumePage::onFailed);
    connect(m_consume, &ConsumeSession::finished, this, &ConsumePage::onFinished);
    connect(m_consume, &ConsumeSession::warning, this, [this](const QString &text) {
        if (messageLog())
            messageLog()->warning(text);
    });
    m_state = ConsumeSession::State::Starting;
    m_chart->setActive(true);
    m_statusTimer.start();
    m_consume->start();
    updateActions();
    updateStatus();
    Q_EMIT stateChanged(m_state);
}

void ConsumePage::pauseOrResume()
{
    if (!m_consume)
        return;
    if (m_consume->state() == ConsumeSession::State::Paused)
        m_consume->resume();
    else
        m_consume->pause();
}

void ConsumePage::stop()
{
    if (m_consume)
        m_consume->stop();
}

ConsumeSession::State ConsumePage::state() const
{
    return m_state;
}

void ConsumePage::onBatch(const MessageBatchPtr &batch)
{
    if (!batch)
        return;
    QScrollBar *bar = m_table->verticalScrollBar();
    // Follow the newest messages while the view is at the bottom (as tail -f does).
    const bool follow = bar->value() >= bar->maximum() - 1;
    m_read += batch->size();
    m_chart->addMessages(batch->size());
    m_model->appendBatch(batch);
    if (follow && m_filterModel->rowCount() > 0)
        m_table->scrollToBottom();
}

void ConsumePage::onState(ConsumeSession::State newState)
{
    m_state = newState;
    const bool reading = newState == ConsumeSession::State::Starting || newState == ConsumeSession::State::Running;
    m_chart->setActive(reading);
    updateActions();
    updateStatus();
    Q_EMIT stateChanged(newState);
}

void ConsumePage::onStarted(const QMap<int, qint64> &startOffsets)
{
    QStringList parts;
    for (auto it = startOffsets.cbegin(); it != startOffsets.cend(); ++it)
        parts << QStringLiteral("%1@%2").arg(it.key()).arg(it.value());
    m_startInfo = startOffsets.size() == 1 ? tr("1 partition from partition@offset %1").arg(parts.join(QStringLiteral(", ")))
                                           : tr("%1 partitions from partition@offset %2")
                                                 .arg(startOffsets.size())
                                                 .arg(parts.join(QStringLiteral(", ")));
    updateStatus();
}

void ConsumePage::onFailed(const Error &error)
{
    m_failure = error.message;
    m_form->showError(error.detail.isEmpty() ? error.message : error.message + QLatin1Char(' ') + error.detail);
    if (messageLog())
        messageLog()->error(error);
    updateStatus();
}

void ConsumePage::onFinished(const ConsumeStats &stats)
{
    Q_UNUSED(stats)
    m_statusTimer.stop();
    m_chart->setActive(false);
    if (m_state != ConsumeSession::State::Failed)
        m_state = ConsumeSession::State::Finished;
    updateActions();
    updateStatus();
    Q_EMIT stateChanged(m_state);
}

void ConsumePage::updateActions()
{
    m_form->setSessionState(m_state, !m_consume.isNull());
    const bool exporting = m_exporter->isRunning();
    m_exportButton->setEnabled(!exporting && m_model->rowCount() > 0);
    m_filteredJson->setEnabled(m_filterModel->isFiltering());
    m_filteredCsv->setEnabled(m_filterModel->isFiltering());
}

QString ConsumePage::statusText() const
{
    return m_status->text();
}

QString ConsumePage::droppedText() const
{
    return m_dropped->isHidden() ? QString() : m_dropped->text();
}

void ConsumePage::updateStatus()
{
    const QLocale locale;
    const MessageStore &store = m_model->store();
    QString state;
    switch (m_state) {
    case ConsumeSession::State::Idle: state = tr("Not reading"); break;
    case ConsumeSession::State::Starting: state = tr("\u25cc Starting…"); break;
    case ConsumeSession::State::Running: state = tr("\u25cf Reading %1").arg(m_readingTopic); break;
    case ConsumeSession::State::Paused: state = tr("\u2016 Paused"); break;
    case ConsumeSession::State::Finished: state = tr("\u25a0 Stopped"); break;
    case ConsumeSession::State::Failed: state = tr("\u26a0 Failed: %1").arg(m_failure); break;
    }
    QStringList parts{state};
    if (m_state != ConsumeSession::State::Idle || m_read > 0) {
        parts << (m_read == 1 ? tr("1 message read") : tr("%1 messages read").arg(locale.toString(m_read)));
        if (m_state == ConsumeSession::State::Running || m_state == ConsumeSession::State::Starting)
            parts << tr("%1 msg/s").arg(locale.toString(qRound64(m_chart->currentRate())));
    }
    parts << tr("buffer %1 of %2 (%3)")
                 .arg(locale.toString(store.size()), locale.toString(store.capacity()),
                      locale.formattedDataSize(store.memoryBytes(), 1, QLocale::DataSizeSIFormat));
    parts << (store.droppedTotal() == 1 ? tr("1 dropped") : tr("%1 dropped").arg(locale.toString(store.droppedTotal())));
    m_status->setText(parts.join(QStringLiteral("  \u00b7  ")));
    QString tip = m_startInfo.isEmpty() ? QString() : tr("Reading %1.").arg(m_startInfo);
    if (store.size() > 0)
        tip += (tip.isEmpty() ? QString() : QStringLiteral("\n")) +
               tr("%1 bytes of memory per buffered message").arg(locale.toString(store.memoryBytes() / store.size()));
    m_status->setToolTip(tip);

    if (store.droppedTotal() > 0) {
        m_dropped->setText(tr("\u26a0 %1 older messages were dropped from the buffer, which keeps the newest %2. "
                              "Raise the buffer size below to keep more.")
                               .arg(locale.toString(store.droppedTotal()), locale.toString(store.capacity())));
        m_dropped->show();
    } else {
        m_dropped->hide();
    }
    updateCounts();
    if (m_exportButton->isEnabled() != (!m_exporter->isRunning() && m_model->rowCount() > 0))
        updateActions();
}

void ConsumePage::updateCounts()
{
    updateEmptyState();
    m_filterBar->setCounts(m_filterModel->rowCount(), m_filterModel->scannedCount(), m_model->rowCount(),
                           m_filterModel->isFiltering());
    const bool filtering = m_filterModel->isFiltering();
    if (m_filteredJson->isEnabled() != filtering) {
        m_filteredJson->setEnabled(filtering);
        m_filteredCsv->setEnabled(filtering);
    }
}

QString ConsumePage::emptyStateText() const
{
    return m_empty->isHidden() ? QString() : m_empty->text();
}

void ConsumePage::updateEmptyState()
{
    QString text;
    if (m_filterModel->rowCount() == 0) {
        using State = ConsumeSession::State;
        if (m_model->rowCount() > 0)
            text = m_filterModel->isScanning() ? tr("Filtering…") : tr("No buffered message matches the filter.");
        else if (!session())
            text = tr("Not connected to a cluster.");
        else if (m_state == State::Starting || m_state == State::Running)
            text = tr("Waiting for messages…");
        else if (m_state == State::Paused)
            text = tr("Paused.");
        else if (m_state == State::Idle)
            text = tr("Choose a topic and where to start, then press Start (or Enter).");
        else if (m_state == State::Failed)
            text = tr("Nothing was read: see the error above.");
        else
            text = tr("No messages: reading stopped before any arrived.");
    }
    m_empty->setText(text);
    m_empty->setVisible(!text.isEmpty());
}

bool ConsumePage::exportTo(const QString &path, ExportFormat format, bool filteredOnly)
{
    if (m_exporter->isRunning() || m_model->rowCount() == 0)
        return false;
    if (filteredOnly && m_filterModel->isScanning()) {
        if (messageLog())
            messageLog()->warning(tr("The filter is still being applied to the buffer: export the filtered rows when it is done."));
        return false;
    }
    ExportSource source;
    source.topic = m_readingTopic.isEmpty() ? topic() : m_readingTopic;
    source.spans = m_model->spans();
    if (filteredOnly && m_filterModel->isFiltering()) {
        source.allRows = false;
        source.rows = m_filterModel->sourceRows();
    }
    if (!m_exporter->start(std::move(source), format, path))
        return false;
    m_exportProgress->setValue(0);
    m_exportProgress->show();
    m_exportCancel->show();
    updateActions();
    return true;
}

void ConsumePage::chooseExportFile(ExportFormat format, bool filteredOnly)
{
    const bool json = format == ExportFormat::JsonLines;
    const QString name = (m_readingTopic.isEmpty() ? QStringLiteral("messages") : m_readingTopic) +
                         (json ? QStringLiteral(".jsonl") : QStringLiteral(".csv"));
    auto *dialog = new QFileDialog(this, filteredOnly ? tr("Export Filtered Rows") : tr("Export Buffer"),
                                   QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)).filePath(name),
                                   json ? tr("JSON Lines (*.jsonl *.ndjson);;All files (*)") : tr("CSV (*.csv);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(json ? QStringLiteral("jsonl") : QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, format, filteredOnly](const QString &path) {
        if (!exportTo(path, format, filteredOnly) && messageLog())
            messageLog()->warning(tr("Nothing was exported: another export is still running, or the buffer is empty."));
    });
    dialog->open();
}

} // namespace kafdesk
