#include "views/clustermappage.h"

#include "cluster/clustersession.h"
#include "models/clusterpartitionmapmodel.h"
#include "views/datatableview.h"
#include "views/partitionmapdelegate.h"
#include "views/partitionmaplegend.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr int rowHeight = 30;
constexpr int widestTopicColumn = 420; // longer names are elided in the middle (the tooltip has them)

// Plural forms without a translator loaded: "1 partition", "3 partitions".
QString count(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(QLocale().toString(n));
}

// The topic column: a name repeated from the row above is greyed, so each topic's partitions read
// as a group while every row still names its topic (the rows above may be filtered out).
class TopicColumnDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const QModelIndex above = index.sibling(index.row() - 1, index.column());
        if (above.isValid() && above.data().toString() == option->text)
            option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
    }
};

} // namespace

ClusterMapPage::ClusterMapPage(QWidget *parent)
    : ClusterPage(parent)
    , m_model(new ClusterPartitionMapModel(this))
    , m_filter(new ClusterPartitionMapFilter(this))
    , m_flasher(new PartitionMapFlasher(this))
{
    setObjectName(QStringLiteral("clusterMapPage"));
    m_filter->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildFilterBar());
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("clusterMapSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("clusterMapTable"));
    setUpTable();
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(buildEmptyPage());
    layout->addWidget(m_stack, 1);

    m_legend = new PartitionMapLegend(this);
    layout->addWidget(m_legend);

    connect(m_model, &ClusterPartitionMapModel::cellKindsChanged, this,
            [this](const QList<ClusterPartitionMapModel::CellChange> &changes) {
                QList<PartitionMapFlasher::Key> keys;
                keys.reserve(changes.size());
                for (const auto &c : changes)
                    keys.append({c.topic, c.partition, c.broker});
                m_flasher->flash(keys);
            });
    connect(m_flasher, &PartitionMapFlasher::tick, m_table->viewport(), qOverload<>(&QWidget::update));
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &ClusterMapPage::updateState);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ClusterMapPage::updateState);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &ClusterMapPage::updateState);
    updateState();
}

void ClusterMapPage::setUpTable()
{
    m_table->setModel(m_filter);
    setUpDataTable(m_table, QAbstractItemView::SingleSelection);
    m_table->setTextElideMode(Qt::ElideMiddle); // long topic names differ at their ends
    m_table->verticalHeader()->setDefaultSectionSize(std::max(rowHeight, m_table->fontMetrics().height() + 12));
    // Only what is on screen is painted; cells are painted, not widgets: 10,000 rows cost nothing.
    auto *delegate = new PartitionMapDelegate(m_table);
    delegate->setTextScale(1.2);
    delegate->setMinimumCellSize(QSize(56, rowHeight));
    delegate->setFlashLevel([this](const QModelIndex &index) {
        const QVariant broker = index.data(ClusterPartitionMapModel::BrokerIdRole);
        if (!broker.isValid())
            return 0.0;
        return m_flasher->level({index.data(ClusterPartitionMapModel::TopicNameRole).toString(),
                                 index.data(ClusterPartitionMapModel::PartitionIdRole).toInt(), broker.toInt()});
    });
    m_table->setItemDelegate(delegate);
    m_table->setItemDelegateForColumn(ClusterPartitionMapModel::TopicColumn, new TopicColumnDelegate(m_table));

    // Fixed widths that do not depend on the rows: measuring 10,000 rows on every refresh would not
    // be smooth. A broker column fits its two-line header ("Broker 12 (down)" over "1,234 leaders").
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionsClickable(false);
    const QFontMetrics fm = header->fontMetrics();
    const int air = 2 * fm.horizontalAdvance(QLatin1Char('M'));
    const int brokerWidth = std::max(fm.horizontalAdvance(tr("Broker %1 (down)").arg(88)),
                                     fm.horizontalAdvance(tr("%1 leaders").arg(QLocale().toString(8888)))) +
                            16 + air / 2;
    header->setDefaultSectionSize(std::max(brokerWidth, 72));
    connect(m_filter, &QAbstractItemModel::columnsInserted, this, [this] {
        QHeaderView *h = m_table->horizontalHeader();
        const QFontMetrics metrics = h->fontMetrics();
        h->resizeSection(ClusterPartitionMapModel::PartitionColumn,
                         metrics.horizontalAdvance(tr("Partition")) + 16 + 2 * metrics.horizontalAdvance(QLatin1Char('M')));
        updateTopicColumnWidth();
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT topicActivated(index.data(ClusterPartitionMapModel::TopicNameRole).toString());
    });
}

QWidget *ClusterMapPage::buildEmptyPage()
{
    auto *page = new QWidget(this);
    auto *column = new QVBoxLayout(page);
    column->addStretch(1);
    m_emptyText = new QLabel(page);
    m_emptyText->setObjectName(QStringLiteral("clusterMapEmpty"));
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyText->setForegroundRole(QPalette::PlaceholderText);
    QFont font = m_emptyText->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_emptyText->setFont(font);
    column->addWidget(m_emptyText);
    m_clearButton = new QPushButton(tr("Clear Filters"), page);
    connect(m_clearButton, &QPushButton::clicked, this, &ClusterMapPage::clearFilters);
    column->addWidget(m_clearButton, 0, Qt::AlignHCenter);
    column->addStretch(2);
    return page;
}

void ClusterMapPage::attach(ClusterSession *newSession, MessageLog *log)
{
    const bool anotherCluster = newSession != session();
    ClusterPage::attach(newSession, log);
    if (anotherCluster) {
        m_snapshot.reset();
        m_flasher->clear();
        m_model->clear();
        updateBrokerBox();
    }
    if (newSession && newSession->latestSnapshot())
        showSnapshot(newSession->latestSnapshot());
    updateState();
}

void ClusterMapPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (!snapshot)
        return;
    const auto sameNames = [](const TopicState &a, const TopicState &b) { return a.name == b.name; };
    const bool topicsChanged = !m_snapshot || !std::equal(m_snapshot->topics.cbegin(), m_snapshot->topics.cend(),
                                                          snapshot->topics.cbegin(), snapshot->topics.cend(), sameNames);
    m_snapshot = snapshot;
    m_model->setSnapshot(snapshot);
    updateBrokerBox();
    if (topicsChanged)
        updateTopicColumnWidth();
    updateState();
}

void ClusterMapPage::refresh()
{
    if (session())
        session()->refreshNow();
}

// As wide as the longest name shown, within bounds; measured over the topics, not the rows.
void ClusterMapPage::updateTopicColumnWidth()
{
    if (m_model->columnCount() == 0)
        return;
    const QFontMetrics fm = m_table->fontMetrics();
    int widest = m_table->horizontalHeader()->fontMetrics().horizontalAdvance(tr("Topic"));
    if (m_snapshot)
        for (const TopicState &t : m_snapshot->topics)
            if (!t.internal || m_filter->showInternal())
                widest = std::max(widest, fm.horizontalAdvance(t.name));
    const int air = 2 * fm.horizontalAdvance(QLatin1Char('M'));
    m_table->horizontalHeader()->resizeSection(ClusterPartitionMapModel::TopicColumn,
                                               std::min(widest + air, widestTopicColumn));
}

QString ClusterMapPage::summaryText() const
{
    if (!m_snapshot)
        return {};
    int partitions = 0;
    int under = 0;
    int offline = 0;
    for (const ClusterPartitionMapModel::Row &r : m_model->rows()) {
        if (r.internal && !m_filter->showInternal())
            continue;
        ++partitions;
        under += r.partition.isUnderReplicated() ? 1 : 0;
        offline += r.partition.isOffline() ? 1 : 0;
    }
    const int topics = static_cast<int>(std::count_if(m_snapshot->topics.cbegin(), m_snapshot->topics.cend(),
                                                      [this](const TopicState &t) {
                                                          return !t.internal || m_filter->showInternal();
                                                      }));
    return tr("%1 of %2; %3 under-replicated, %4 offline; showing %5")
        .arg(count(partitions, tr("1 partition"), tr("%1 partitions")), count(topics, tr("1 topic"), tr("%1 topics")),
             QLocale().toString(under), QLocale().toString(offline), QLocale().toString(m_filter->rowCount()));
}

QString ClusterMapPage::emptyStateText() const
{
    if (!m_snapshot)
        return session() ? tr("Waiting for the cluster's metadata…")
                         : tr("Connect to a cluster to see where its partitions live");
    if (m_filter->rowCount() > 0)
        return {};
    const bool anyOwnTopic = std::any_of(m_snapshot->topics.cbegin(), m_snapshot->topics.cend(),
                                         [](const TopicState &t) { return !t.internal && !t.partitions.isEmpty(); });
    const bool anyTopic = m_snapshot->partitionCount() > 0;
    if (!anyTopic)
        return tr("The cluster has no topics yet");
    if (!anyOwnTopic && !m_filter->showInternal())
        return tr("The cluster has no topics yet besides its internal ones (shown with “Show internal topics”)");
    if (m_filter->onlyProblems() && m_filter->topicText().trimmed().isEmpty() &&
        m_filter->brokerFilter() == BrokerFilter::Any)
        return tr("No partition is under-replicated or offline: every replica is in sync");
    return tr("No partition matches the filter");
}

void ClusterMapPage::updateState()
{
    const QString empty = emptyStateText();
    m_emptyText->setText(empty);
    m_clearButton->setVisible(m_filter->isNarrowed() && m_snapshot && m_snapshot->partitionCount() > 0);
    m_stack->setCurrentIndex(empty.isEmpty() ? 0 : 1);
    m_legend->setVisible(empty.isEmpty());
    m_summary->setText(summaryText());
    m_summary->setVisible(!m_summary->text().isEmpty());
}

QModelIndex ClusterMapPage::indexOf(const QString &topic, int partition, int broker) const
{
    const int row = m_model->rowOf(topic, partition);
    const int column = broker < 0 ? ClusterPartitionMapModel::TopicColumn : m_model->columnOf(broker);
    if (row < 0 || column < 0)
        return {};
    return m_filter->mapFromSource(m_model->index(row, column));
}

PartitionMapModel::ReplicaCell ClusterMapPage::shownCell(const QString &topic, int partition, int broker) const
{
    const QModelIndex index = indexOf(topic, partition, broker);
    return index.isValid() ? static_cast<PartitionMapModel::ReplicaCell>(index.data(ClusterPartitionMapModel::CellKindRole).toInt())
                           : PartitionMapModel::None;
}

qreal ClusterMapPage::flashLevel(const QString &topic, int partition, int broker) const
{
    return m_flasher->level({topic, partition, broker});
}

bool ClusterMapPage::isFlashing() const
{
    return m_flasher->isFlashing();
}

} // namespace kafdesk
