#include "views/brokerspage.h"

#include "cluster/clustersession.h"
#include "models/configtablemodel.h"
#include "widgets/messagelog.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

// The lower half of the brokers page: the selected broker's configs.

namespace kafdesk {

namespace {

enum ConfigStackPage { ConfigTablePage, ConfigStatePage };

// The configs as the lower half shows them: filtered by a substring of the name or value, Kafka's
// defaults hidden unless asked for, the value with its human units ("168 — 7 days (168 h)") and
// the source with the read-only and sensitive flags, so neither hides in a tooltip.
class ConfigDisplayProxy : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setFilterText(const QString &text)
    {
        m_needle = text.trimmed().toCaseFolded();
        invalidateFilter();
    }
    void setShowDefaults(bool show)
    {
        m_showDefaults = show;
        invalidateFilter();
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        const QVariant value = QSortFilterProxyModel::data(index, role);
        if (role == Qt::FontRole && !m_showDefaults) {
            // Every row listed is an override: bold would mark nothing.
            const bool noValue = index.data(ConfigTableModel::SensitiveRole).toBool()
                                 || index.data(ConfigTableModel::RawValueRole).toString().isEmpty();
            if (index.column() != ConfigTableModel::ValueColumn || !noValue)
                return {};
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        if (role != Qt::DisplayRole)
            return value;
        if (index.column() == ConfigTableModel::ValueColumn) {
            // "168 — 7 days (168 h)", "67108864 — 64 MiB"; not "30 — 30 s", which says nothing new.
            const QString human = index.data(ConfigTableModel::HumanValueRole).toString();
            const QString raw = value.toString();
            if (human.isEmpty() || human.startsWith(raw + QLatin1Char(' ')))
                return value;
            return tr("%1 — %2").arg(raw, human);
        }
        if (index.column() == ConfigTableModel::SourceColumn) {
            QStringList parts{value.toString()};
            if (index.data(ConfigTableModel::ReadOnlyRole).toBool())
                parts << tr("read-only");
            if (index.data(ConfigTableModel::SensitiveRole).toBool())
                parts << tr("sensitive");
            return parts.join(QStringLiteral(" · "));
        }
        return value;
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        if (!m_showDefaults && !index.data(ConfigTableModel::OverrideRole).toBool())
            return false;
        if (m_needle.isEmpty())
            return true;
        return index.data(ConfigTableModel::ConfigNameRole).toString().toCaseFolded().contains(m_needle)
               || index.data(ConfigTableModel::RawValueRole).toString().toCaseFolded().contains(m_needle);
    }

private:
    QString m_needle;
    bool m_showDefaults = false;
};

} // namespace

QWidget *BrokersPage::buildConfigPane()
{
    auto *pane = new QWidget(this);
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 6, 0, 0);
    m_configTitle = new QLabel(pane);
    QFont bold = m_configTitle->font();
    bold.setBold(true);
    m_configTitle->setFont(bold);
    layout->addWidget(m_configTitle);

    auto *row = new QHBoxLayout;
    m_configFilter = new QLineEdit(pane);
    m_configFilter->setPlaceholderText(tr("Filter configs by name or value"));
    m_configFilter->setClearButtonEnabled(true);
    m_showDefaults = new QCheckBox(tr("Show &defaults"), pane);
    m_showDefaults->setToolTip(tr("Also list the configs left at Kafka's default value."));
    m_configCount = new QLabel(pane);
    row->addWidget(m_configFilter, 1);
    row->addWidget(m_showDefaults);
    row->addWidget(m_configCount);
    layout->addLayout(row);

    auto *proxy = new ConfigDisplayProxy(this);
    proxy->setSourceModel(m_configs);
    m_configProxy = proxy;
    m_configStack = new QStackedWidget(pane);
    m_configTable = makeTable(m_configStack, m_configProxy);
    m_configTable->sortByColumn(ConfigTableModel::NameColumn, Qt::AscendingOrder);
    m_configTable->setTextElideMode(Qt::ElideMiddle);
    QHeaderView *header = m_configTable->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ConfigTableModel::ValueColumn, QHeaderView::Stretch);
    m_configTable->setColumnWidth(ConfigTableModel::NameColumn,
                                  header->fontMetrics().horizontalAdvance(QStringLiteral("log.cleaner.min.compaction.lag.ms")) + 24);
    m_configTable->setColumnWidth(ConfigTableModel::SourceColumn,
                                  header->fontMetrics().horizontalAdvance(tr("Broker properties file · read-only")) + 24);
    m_configStack->insertWidget(ConfigTablePage, m_configTable);

    auto *state = new QWidget(m_configStack);
    auto *stateLayout = new QVBoxLayout(state);
    m_configIcon = new QLabel(state);
    m_configIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
    m_configState = new QLabel(state);
    m_configState->setAlignment(Qt::AlignCenter);
    m_configState->setWordWrap(true);
    m_configState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *busy = new QProgressBar(state);
    busy->setRange(0, 0);
    busy->setTextVisible(false);
    busy->setMaximumWidth(240);
    m_configBusy = busy;
    stateLayout->addStretch();
    stateLayout->addWidget(m_configIcon, 0, Qt::AlignCenter);
    stateLayout->addWidget(m_configState);
    stateLayout->addWidget(busy, 0, Qt::AlignCenter);
    stateLayout->addStretch();
    m_configStack->insertWidget(ConfigStatePage, state);
    layout->addWidget(m_configStack, 1);

    connect(m_configFilter, &QLineEdit::textChanged, this, [this, proxy](const QString &text) {
        proxy->setFilterText(text);
        updateCounts();
    });
    connect(m_showDefaults, &QCheckBox::toggled, this, [this, proxy](bool show) {
        proxy->setShowDefaults(show);
        updateCounts();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_configProxy, signal, this, &BrokersPage::updateCounts);
    connect(m_configProxy, &QAbstractItemModel::modelReset, this, &BrokersPage::updateCounts);
    return pane;
}

// keepRows: a refresh of the broker shown, merged into the rows (selection and scroll survive);
// otherwise another broker, whose configs replace the old ones.
void BrokersPage::loadConfigs(int brokerId, bool keepRows)
{
    ClusterSession *s = session();
    if (!s)
        return;
    if (m_configRequest)
        s->cancel(m_configRequest);
    m_configRequest = 0;
    const quint64 generation = ++m_generation;
    if (brokerId != m_configBroker || !keepRows) {
        m_configs->clear();
        m_configsLoaded = false;
    }
    m_configBroker = brokerId;
    m_configTitle->setText(brokerLabel(brokerId));
    const bool lost = s->state() == ConnectionState::Lost;
    m_configRefused = lost || !isBrokerAlive(brokerId);
    if (m_configRefused) {
        // It cannot answer: asking would only hold the session's queue (and the metadata poll
        // behind it) until the timeout.
        const Error e = failure(lost ? tr("The cluster does not answer: the configs of broker %1 can be read once "
                                          "it does.")
                                           .arg(brokerId)
                                     : tr("Broker %1 is down: its configs can be read once it is back.").arg(brokerId));
        if (!m_configsLoaded)
            showConfigState(e.message, false);
        if (messageLog())
            messageLog()->error(e, true);
        updateCounts();
        return;
    }
    if (!m_configsLoaded)
        showConfigState(tr("Reading the configs of broker %1…").arg(brokerId), true);
    else
        m_configCount->setText(tr("refreshing…"));
    m_configRequest = s->submit<QList<ConfigEntry>>(
        [brokerId](ClusterOperations &ops) { return ops.topics().brokerConfigs(brokerId); }, this,
        [this, generation, brokerId](const Result<QList<ConfigEntry>> &result) {
            if (generation != m_generation)
                return; // another broker (or session) by now
            m_configRequest = 0;
            if (result) {
                const bool first = !m_configsLoaded;
                m_configs->setEntries(result.value());
                m_configsLoaded = true;
                m_configStack->setCurrentIndex(ConfigTablePage);
                if (first)
                    fitConfigColumns();
            } else {
                const bool wasLoaded = m_configsLoaded;
                if (!wasLoaded)
                    showConfigState(tr("Could not read the configs of broker %1.\n%2")
                                        .arg(brokerId)
                                        .arg(result.error().fullText()),
                                    false);
                if (messageLog())
                    messageLog()->error(result.error(), wasLoaded);
            }
            updateCounts();
        });
}

// Names and sources as wide as they are (a broker's set hardly changes), within reason; the
// value column takes the rest.
void BrokersPage::fitConfigColumns()
{
    const int limit = std::max(200, m_configTable->viewport()->width() * 2 / 5);
    for (const int c : {ConfigTableModel::NameColumn, ConfigTableModel::SourceColumn}) {
        m_configTable->resizeColumnToContents(c);
        m_configTable->setColumnWidth(c, std::min(limit, m_configTable->columnWidth(c) + 16));
    }
}

void BrokersPage::showConfigState(const QString &text, bool busy)
{
    m_configState->setText(text);
    m_configBusy->setVisible(busy);
    m_configIcon->setVisible(!busy && session() != nullptr);
    m_configStack->setCurrentIndex(ConfigStatePage);
}

QString BrokersPage::configStateText() const
{
    return m_configStack->currentIndex() == ConfigStatePage ? m_configState->text() : QString();
}

void BrokersPage::updateConfigCount()
{
    m_configFilter->setEnabled(m_configsLoaded);
    m_showDefaults->setEnabled(m_configsLoaded);
    if (!m_configsLoaded || isLoadingConfigs()) {
        if (!isLoadingConfigs())
            m_configCount->clear();
        return;
    }
    const int configs = m_configs->rowCount();
    const int overrides = m_configs->overrideCount();
    const int listed = m_configProxy->rowCount();
    const bool filtered = !m_configFilter->text().trimmed().isEmpty();
    if (m_showDefaults->isChecked())
        m_configCount->setText(filtered ? tr("%1 of %2 configs match").arg(listed).arg(configs)
                                        : tr("%1 configs, %2 set").arg(configs).arg(overrides));
    else if (filtered && listed == 0)
        m_configCount->setText(tr("no set config matches: tick Show defaults to search all %1").arg(configs));
    else
        m_configCount->setText(filtered ? tr("%1 of %2 set configs match").arg(listed).arg(overrides)
                                        : tr("%1 set, %2 at their default (hidden)").arg(overrides).arg(configs - overrides));
}

} // namespace kafdesk
