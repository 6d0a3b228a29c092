#include "views/topicpartitionstab.h"

#include "cluster/clustersession.h"
#include "models/partitiontablemodel.h"
#include "views/datatableview.h"
#include "widgets/messagelog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace kafdesk {

TopicPartitionsTab::TopicPartitionsTab(QWidget *parent)
    : QWidget(parent), m_model(new PartitionTableModel(this)), m_proxy(new QSortFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(PartitionTableModel::SortRole);
    m_proxy->setDynamicSortFilter(true);

    auto *layout = new QVBoxLayout(this);
    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PartitionTableModel::PartitionColumn, Qt::AscendingOrder);
    setUpDataTable(m_table, QAbstractItemView::ExtendedSelection);
    QHeaderView *header = m_table->horizontalHeader();
    // Ids and id lists as wide as they need; the offsets share what is left.
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (const int column : {PartitionTableModel::LowWatermarkColumn, PartitionTableModel::HighWatermarkColumn,
                             PartitionTableModel::MessagesColumn})
        header->setSectionResizeMode(column, QHeaderView::Stretch);
    header->setMinimumSectionSize(m_table->fontMetrics().horizontalAdvance(QStringLiteral("000000000")));
    layout->addWidget(m_table, 1);

    auto *statusRow = new QHBoxLayout;
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedSize(64, m_busy->fontMetrics().height() / 2 + 4);
    m_busy->hide();
    statusRow->addWidget(m_busy);
    m_status = new QLabel(this);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusRow->addWidget(m_status, 1);
    layout->addLayout(statusRow);

    m_poll.setInterval(PollIntervalMs);
    connect(&m_poll, &QTimer::timeout, this, [this] {
        if (!isReading())
            startRead();
    });
    updateStatus();
}

void TopicPartitionsTab::setSession(ClusterSession *session, MessageLog *log)
{
    if (session != m_session) {
        ++m_generation; // a read for the other cluster's session is dropped
        m_request = 0;
        m_readAgain = false;
        m_model->clear();
        m_readAt = {};
        m_error.clear();
    }
    m_session = session;
    m_log = log;
    updateStatus();
}

void TopicPartitionsTab::setTopic(const QString &topic)
{
    if (topic == m_model->topic()) {
        refresh();
        return;
    }
    ++m_generation;
    if (m_request != 0 && m_session)
        m_session->cancel(m_request);
    m_request = 0;
    m_readAgain = false;
    m_readAt = {};
    m_error.clear();
    m_readPartitions.clear();
    m_model->setTopic(topic);
    if (m_session)
        m_model->setSnapshot(m_session->latestSnapshot());
    startRead();
    updateStatus();
}

void TopicPartitionsTab::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_model->setSnapshot(snapshot);
    // Partitions added, or a leader back: read at once rather than at the next tick (if shown;
    // showEvent() reads when the tab comes back).
    if (isVisible() && m_model->readablePartitions() != m_readPartitions)
        refresh();
    updateStatus();
}

void TopicPartitionsTab::refresh()
{
    if (isReading())
        m_readAgain = true;
    else
        startRead();
}

void TopicPartitionsTab::startRead()
{
    if (!m_session || !m_model->topicFound())
        return;
    const QString topic = m_model->topic();
    const QList<int> partitions = m_model->readablePartitions();
    m_readPartitions = partitions;
    m_readAgain = false;
    if (partitions.isEmpty()) { // no partition has a leader: nothing can be read
        m_model->clearWatermarks();
        updateStatus();
        return;
    }
    const quint64 generation = m_generation;
    m_request = m_session->submit<QMap<int, Watermarks>>(
        [topic, partitions](ClusterOperations &ops) -> Result<QMap<int, Watermarks>> {
            QList<OffsetClient::Partition> list;
            list.reserve(partitions.size());
            for (const int p : partitions)
                list << OffsetClient::Partition{topic, p};
            auto read = ops.offsets().watermarks(list, ReadTimeoutMs);
            if (!read)
                return read.error();
            QMap<int, Watermarks> byPartition;
            for (auto it = read->cbegin(); it != read->cend(); ++it)
                byPartition.insert(it.key().second, it.value());
            return byPartition;
        },
        this, [this, generation](const Result<QMap<int, Watermarks>> &result) { finishRead(generation, result); });
    updateStatus();
}

void TopicPartitionsTab::finishRead(quint64 generation, const Result<QMap<int, Watermarks>> &result)
{
    if (generation != m_generation)
        return; // read for another topic or cluster
    m_request = 0;
    if (result) {
        m_model->setWatermarks(result.value());
        m_readAt = QDateTime::currentDateTime();
        m_error.clear();
    } else {
        // Said once, not every few seconds while it keeps failing.
        if (m_log && result.error().message != m_error)
            m_log->error(Error{tr("Could not read the offsets of “%1”: %2").arg(m_model->topic(), result.error().message),
                               result.error().detail, false},
                         true);
        m_error = result.error().message;
    }
    ++m_completedReads;
    updateStatus();
    Q_EMIT readFinished(result.ok());
    if (m_readAgain)
        startRead();
}

QString TopicPartitionsTab::statusText() const
{
    return m_status->text();
}

void TopicPartitionsTab::updateStatus()
{
    const bool firstRead = isReading() && !m_readAt.isValid();
    m_busy->setVisible(firstRead);
    QStringList parts;
    if (!m_model->topicFound()) {
        m_status->clear();
        return;
    }
    if (firstRead)
        parts << tr("Reading offsets…");
    if (m_readAt.isValid()) {
        const qint64 total = m_model->totalMessages();
        if (total >= 0)
            parts << (total == 1 ? tr("1 message") : tr("%1 messages").arg(QLocale().toString(total)));
        parts << tr("offsets as of %1").arg(m_readAt.time().toString(QStringLiteral("HH:mm:ss")));
    }
    if (!m_error.isEmpty())
        parts << (m_readAt.isValid() ? tr("the last read failed: %1") : tr("Could not read the offsets: %1")).arg(m_error);
    const int offline = static_cast<int>(m_model->rows().size() - m_model->readablePartitions().size());
    if (offline > 0)
        parts << (offline == 1 ? tr("1 partition without a leader") : tr("%1 partitions without a leader").arg(offline));
    m_status->setText(parts.join(QStringLiteral("  ·  ")));
}

void TopicPartitionsTab::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_poll.start();
    if (!isReading() && (!m_readAt.isValid() || m_readAt.msecsTo(QDateTime::currentDateTime()) > PollIntervalMs))
        startRead();
}

void TopicPartitionsTab::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_poll.stop();
}

} // namespace kafdesk
