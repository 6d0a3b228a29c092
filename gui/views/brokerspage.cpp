#include "views/brokerspage.h"

#include "cluster/clustersession.h"
#include "models/brokertablemodel.h"
#include "models/configtablemodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

QTableView *BrokersPage::makeTable(QWidget *parent, QAbstractItemModel *model)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    // Fixed rows: sizing each row to its contents costs a pass over every row.
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 6);
    table->horizontalHeader()->setHighlightSections(false);
    return table;
}


BrokersPage::BrokersPage(QWidget *parent)
    : ClusterPage(parent)
    , m_brokers(new BrokerTableModel(this))
    , m_configs(new ConfigTableModel(this))
{
    auto *layout = new QVBoxLayout(this);
    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(buildBrokerPane());
    m_splitter->addWidget(buildConfigPane());
    // The brokers keep their height (fitted to the rows once they are known); the configs get the rest.
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    layout->addWidget(m_splitter);
    updateCounts();
    showConfigState(tr("Not connected to a cluster."), false);
}

QWidget *BrokersPage::buildBrokerPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    m_filter = new QLineEdit(pane);
    m_filter->setPlaceholderText(tr("Filter brokers by id, address or state (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_brokerCount = new QLabel(pane);
    row->addWidget(m_filter, 1);
    row->addWidget(m_brokerCount);
    layout->addLayout(row);

    m_brokerProxy = new QSortFilterProxyModel(this);
    m_brokerProxy->setSourceModel(m_brokers);
    m_brokerProxy->setFilterKeyColumn(-1);
    m_brokerProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_brokerTable = makeTable(pane, m_brokerProxy);
    m_brokerTable->sortByColumn(BrokerTableModel::IdColumn, Qt::AscendingOrder);
    QHeaderView *header = m_brokerTable->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics fm = header->fontMetrics();
    const int numberWidth = fm.horizontalAdvance(tr("Replicas")) + 40;
    for (const int c : {BrokerTableModel::IdColumn, BrokerTableModel::LeadersColumn, BrokerTableModel::ReplicasColumn})
        m_brokerTable->setColumnWidth(c, numberWidth);
    m_brokerTable->setColumnWidth(BrokerTableModel::AddressColumn, fm.horizontalAdvance(QStringLiteral("255.255.255.255:65535")) + 32);
    m_brokerTable->setColumnWidth(BrokerTableModel::StateColumn, fm.horizontalAdvance(tr("alive")) + 64);
    layout->addWidget(m_brokerTable);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_brokerProxy->setFilterFixedString(text.trimmed());
        // The broker whose configs are shown gets its selection back once the filter lets it through.
        if (selectedBrokerId() < 0 && m_configBroker >= 0)
            selectBroker(m_configBroker);
        updateCounts();
    });
    connect(m_brokerTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BrokersPage::onSelectionChanged);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_brokerProxy, signal, this, &BrokersPage::updateCounts);
    connect(m_brokerProxy, &QAbstractItemModel::modelReset, this, &BrokersPage::updateCounts);
    connect(m_brokers, &QAbstractItemModel::dataChanged, this, &BrokersPage::updateCounts);
    return pane;
}

void BrokersPage::attach(ClusterSession *session, MessageLog *log)
{
    ClusterPage::attach(session, log);
    ++m_generation;
    m_configRequest = 0;
    m_configBroker = -1;
    m_configsLoaded = false;
    m_configRefused = false;
    m_snapshot.reset();
    m_brokers->clear();
    m_configs->clear();
    m_configTitle->clear();
    showConfigState(session ? tr("Waiting for the cluster's metadata…") : tr("Not connected to a cluster."),
                    session != nullptr);
    updateCounts();
}

void BrokersPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (!snapshot || !session())
        return;
    const bool wasAlive = m_configBroker >= 0 && isBrokerAlive(m_configBroker);
    m_snapshot = snapshot;
    const bool firstRows = m_brokers->rowCount() == 0;
    m_brokers->applySnapshot(snapshot);
    if (firstRows && m_brokers->rowCount() > 0)
        fitBrokerPane();
    if (selectedBrokerId() < 0 && m_configBroker < 0 && m_brokerProxy->rowCount() > 0) {
        // First picture: show the first broker's configs rather than an empty half.
        selectBroker(m_brokerProxy->index(0, 0).data(BrokerTableModel::BrokerIdRole).toInt());
        return;
    }
    if (m_configBroker < 0)
        return;
    const bool alive = isBrokerAlive(m_configBroker);
    m_configTitle->setText(brokerLabel(m_configBroker));
    if (m_configRefused && alive && session()->state() != ConnectionState::Lost)
        loadConfigs(m_configBroker, m_configsLoaded); // back up: the configs can be read now
    else if (!alive && wasAlive && m_configsLoaded)
        m_configCount->setText(tr("broker down: values as last read"));
}

void BrokersPage::fitBrokerPane()
{
    m_brokerTable->resizeColumnToContents(BrokerTableModel::AddressColumn);
    m_brokerTable->setColumnWidth(BrokerTableModel::AddressColumn,
                                  m_brokerTable->columnWidth(BrokerTableModel::AddressColumn) + 24);
    const int rows = std::clamp(m_brokers->rowCount(), 3, 10);
    const int rowHeight = m_brokerTable->verticalHeader()->defaultSectionSize();
    const int table = m_brokerTable->horizontalHeader()->sizeHint().height() + rows * rowHeight
                      + 2 * m_brokerTable->frameWidth() + 2;
    const int pane = table + rowHeight + m_filter->sizeHint().height() + 6; // one row spare: the list ends here
    m_splitter->setSizes({pane, std::max(m_splitter->height() - pane, 240)});
}

int BrokersPage::selectedBrokerId() const
{
    const QModelIndexList rows = m_brokerTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().data(BrokerTableModel::BrokerIdRole).toInt();
}

void BrokersPage::selectBroker(int id)
{
    const int row = m_brokers->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_brokerProxy->mapFromSource(m_brokers->index(row, 0));
    if (!index.isValid())
        return;
    m_brokerTable->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_brokerTable->scrollTo(index);
}

void BrokersPage::onSelectionChanged()
{
    const int id = selectedBrokerId();
    // A filter that hides the selected broker leaves its configs in place.
    if (id >= 0 && id != m_configBroker)
        loadConfigs(id, false);
}

void BrokersPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void BrokersPage::refresh()
{
    if (m_configBroker >= 0)
        loadConfigs(m_configBroker, m_configsLoaded);
}

bool BrokersPage::isBrokerAlive(int id) const
{
    const BrokerState *b = m_snapshot ? m_snapshot->broker(id) : nullptr;
    return b && b->alive;
}

QString BrokersPage::brokerLabel(int id) const
{
    const BrokerState *b = m_snapshot ? m_snapshot->broker(id) : nullptr;
    if (!b || b->host.isEmpty())
        return tr("Configs of broker %1").arg(id);
    return tr("Configs of broker %1 (%2)%3").arg(id).arg(b->address(), b->alive ? QString() : tr(", down"));
}

void BrokersPage::updateCounts()
{
    const int total = m_brokers->rowCount();
    const int shown = m_brokerProxy->rowCount();
    const int alive = m_brokers->aliveCount();
    // No translator is loaded, so English plurals are spelled out rather than left to %n.
    if (total == 0)
        m_brokerCount->setText(session() ? tr("no broker yet") : QString());
    else if (shown < total)
        m_brokerCount->setText(tr("%1 of %2 shown").arg(shown).arg(total));
    else
        m_brokerCount->setText(total == 1 ? tr("1 broker, %1 alive").arg(alive)
                                          : tr("%1 brokers, %2 alive").arg(total).arg(alive));
    updateConfigCount();
}

} // namespace kafdesk
