// The cluster map's filter bar: topic text, broker, only problems, internal topics.

#include "views/clustermappage.h"

#include "models/clusterpartitionmapmodel.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

namespace kafdesk {

namespace {

constexpr int filterRole = Qt::UserRole;
constexpr int brokerRole = Qt::UserRole + 1;

} // namespace

QWidget *ClusterMapPage::buildFilterBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);

    m_topicEdit = new QLineEdit(bar);
    m_topicEdit->setObjectName(QStringLiteral("clusterMapTopicFilter"));
    m_topicEdit->setPlaceholderText(tr("Filter by topic name (Ctrl+F)"));
    m_topicEdit->setClearButtonEnabled(true);
    m_topicEdit->setMinimumWidth(m_topicEdit->fontMetrics().horizontalAdvance(m_topicEdit->placeholderText()) + 48);
    connect(m_topicEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setTopicText(text);
        updateState();
    });
    // Escape clears the filter; Down moves on to the map.
    auto *clear = new QAction(m_topicEdit);
    clear->setShortcut(Qt::Key_Escape);
    clear->setShortcutContext(Qt::WidgetShortcut);
    connect(clear, &QAction::triggered, m_topicEdit, &QLineEdit::clear);
    m_topicEdit->addAction(clear);
    auto *toMap = new QAction(m_topicEdit);
    toMap->setShortcut(Qt::Key_Down);
    toMap->setShortcutContext(Qt::WidgetShortcut);
    connect(toMap, &QAction::triggered, this, [this] {
        m_table->setFocus();
        if (!m_table->currentIndex().isValid() && m_filter->rowCount() > 0)
            m_table->setCurrentIndex(m_filter->index(0, 0));
    });
    m_topicEdit->addAction(toMap);
    row->addWidget(m_topicEdit, 2);

    m_brokerBox = new QComboBox(bar);
    m_brokerBox->setObjectName(QStringLiteral("clusterMapBrokerFilter"));
    m_brokerBox->setToolTip(tr("Only the partitions with a replica on a broker, or led by it"));
    m_brokerBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_brokerBox, &QComboBox::currentIndexChanged, this, &ClusterMapPage::applyBrokerBox);
    row->addWidget(m_brokerBox);

    m_problemsBox = new QCheckBox(tr("Only problems"), bar);
    m_problemsBox->setObjectName(QStringLiteral("clusterMapOnlyProblems"));
    m_problemsBox->setToolTip(tr("Only the partitions that are under-replicated (a replica out of the ISR) or offline "
                                 "(no leader)"));
    connect(m_problemsBox, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setOnlyProblems(on);
        updateState();
    });
    row->addWidget(m_problemsBox);

    m_internalBox = new QCheckBox(tr("Show internal topics"), bar);
    m_internalBox->setObjectName(QStringLiteral("clusterMapShowInternal"));
    m_internalBox->setToolTip(tr("Show the topics Kafka uses itself, such as __consumer_offsets"));
    connect(m_internalBox, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setShowInternal(on);
        updateTopicColumnWidth();
        updateState();
    });
    row->addWidget(m_internalBox);
    row->addStretch(1);

    updateBrokerBox();
    return bar;
}

// One list for both broker filters: the replicas on a broker, then the partitions it leads. Rebuilt
// only when the brokers themselves change; a broker going down or up only renames its entries.
void ClusterMapPage::updateBrokerBox()
{
    const QList<BrokerState> &brokers = m_model->brokers();
    QList<int> ids;
    for (const BrokerState &b : brokers)
        ids << b.id;
    const auto label = [](BrokerFilter filter, const BrokerState &b) {
        const QString text = filter == BrokerFilter::HasReplica ? tr("Replicas on broker %1").arg(b.id)
                                                                : tr("Led by broker %1").arg(b.id);
        return b.alive ? text : tr("%1 (down)").arg(text);
    };
    if (ids == m_brokerIds && m_brokerBox->count() > 0) {
        for (int i = 0; i < m_brokerBox->count(); ++i) {
            const int id = m_brokerBox->itemData(i, brokerRole).toInt();
            const auto filter = static_cast<BrokerFilter>(m_brokerBox->itemData(i, filterRole).toInt());
            const int column = m_model->columnOf(id);
            if (filter != BrokerFilter::Any && column >= 0)
                m_brokerBox->setItemText(i, label(filter, brokers.at(column - ClusterPartitionMapModel::FirstBrokerColumn)));
        }
        return;
    }
    m_brokerIds = ids;
    const BrokerFilter chosen = m_filter->brokerFilter();
    const int chosenId = m_filter->brokerId();
    const QSignalBlocker blocker(m_brokerBox);
    m_brokerBox->clear();
    const auto add = [this](const QString &text, BrokerFilter filter, int id) {
        m_brokerBox->addItem(text);
        m_brokerBox->setItemData(m_brokerBox->count() - 1, static_cast<int>(filter), filterRole);
        m_brokerBox->setItemData(m_brokerBox->count() - 1, id, brokerRole);
    };
    add(tr("Any broker"), BrokerFilter::Any, -1);
    for (const BrokerFilter filter : {BrokerFilter::HasReplica, BrokerFilter::Leads}) {
        m_brokerBox->insertSeparator(m_brokerBox->count());
        for (const BrokerState &b : brokers)
            add(label(filter, b), filter, b.id);
    }
    int current = 0;
    for (int i = 0; i < m_brokerBox->count(); ++i)
        if (m_brokerBox->itemData(i, filterRole).toInt() == static_cast<int>(chosen) &&
            m_brokerBox->itemData(i, brokerRole).toInt() == chosenId)
            current = i;
    m_brokerBox->setCurrentIndex(current);
    if (current == 0 && chosen != BrokerFilter::Any)
        m_filter->setBroker(BrokerFilter::Any); // that broker is gone (another cluster)
}

void ClusterMapPage::applyBrokerBox()
{
    const int i = m_brokerBox->currentIndex();
    const QVariant filter = m_brokerBox->itemData(i, filterRole);
    if (!filter.isValid())
        return; // a separator
    m_filter->setBroker(static_cast<BrokerFilter>(filter.toInt()), m_brokerBox->itemData(i, brokerRole).toInt());
    updateState();
}

void ClusterMapPage::focusFilter()
{
    m_topicEdit->setFocus(Qt::ShortcutFocusReason);
    m_topicEdit->selectAll();
}

void ClusterMapPage::setTopicFilter(const QString &text)
{
    m_topicEdit->setText(text);
}

void ClusterMapPage::setBrokerFilter(BrokerFilter filter, int brokerId)
{
    for (int i = 0; i < m_brokerBox->count(); ++i) {
        const QVariant f = m_brokerBox->itemData(i, filterRole);
        if (f.isValid() && f.toInt() == static_cast<int>(filter) &&
            (filter == BrokerFilter::Any || m_brokerBox->itemData(i, brokerRole).toInt() == brokerId)) {
            m_brokerBox->setCurrentIndex(i);
            return;
        }
    }
}

void ClusterMapPage::setOnlyProblems(bool only)
{
    m_problemsBox->setChecked(only);
}

void ClusterMapPage::setShowInternal(bool show)
{
    m_internalBox->setChecked(show);
}

void ClusterMapPage::clearFilters()
{
    m_topicEdit->clear();
    setBrokerFilter(BrokerFilter::Any);
    m_problemsBox->setChecked(false);
}

} // namespace kafdesk
