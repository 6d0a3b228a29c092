#include "views/groupspage.h"

#include "cluster/clustersession.h"
#include "models/grouplistmodel.h"
#include "views/datatableview.h"
#include "widgets/messagelog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

enum StackPage { TablePage, StatePage };

// What one poll brings: the rows, and each group's lag for the dialogs.
struct Listing {
    QList<GroupListModel::Row> rows;
    QList<GroupLag> lags;
};

} // namespace

GroupsPage::GroupsPage(QWidget *parent) : ClusterPage(parent), m_groups(new GroupListModel(this))
{
    buildActions();
    auto *layout = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter groups by id, state, type or topic (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    row->addWidget(m_filter, 1);
    row->addWidget(m_count);
    layout->addWidget(buildToolbar());
    layout->addLayout(row);

    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_groups);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(GroupListModel::SortRole);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_stack = new QStackedWidget(this);
    m_table = new QTableView(m_stack);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(GroupListModel::GroupColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    setUpDataTable(m_table, QAbstractItemView::SingleSelection);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(GroupListModel::GroupColumn, QHeaderView::Stretch);
    const QFontMetrics fm = header->fontMetrics();
    m_table->setColumnWidth(GroupListModel::StateColumn, fm.horizontalAdvance(tr("Rebalancing (completing)")) + 24);
    m_table->setColumnWidth(GroupListModel::TypeColumn, fm.horizontalAdvance(QStringLiteral("consumer")) + 40);
    m_table->setColumnWidth(GroupListModel::MembersColumn, fm.horizontalAdvance(tr("Members")) + 40);
    m_table->setColumnWidth(GroupListModel::CoordinatorColumn, fm.horizontalAdvance(tr("Coordinator")) + 40);
    m_table->setColumnWidth(GroupListModel::TopicsColumn, fm.horizontalAdvance(QLatin1Char('x')) * 36);
    m_table->setColumnWidth(GroupListModel::LagColumn, fm.horizontalAdvance(tr("no commit")) + 60);
    m_stack->insertWidget(TablePage, m_table);

    auto *state = new QWidget(m_stack);
    auto *stateLayout = new QVBoxLayout(state);
    m_state = new QLabel(state);
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont larger = m_state->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.15);
    m_state->setFont(larger);
    m_hint = new QLabel(state);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    auto *busy = new QProgressBar(state);
    busy->setRange(0, 0);
    busy->setTextVisible(false);
    busy->setMaximumWidth(240);
    m_busy = busy;
    stateLayout->addStretch();
    stateLayout->addWidget(m_state);
    stateLayout->addWidget(m_hint);
    stateLayout->addWidget(busy, 0, Qt::AlignCenter);
    stateLayout->addStretch();
    m_stack->insertWidget(StatePage, state);
    layout->addWidget(m_stack, 1);

    m_timer = new QTimer(this);
    m_timer->setInterval(refreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &GroupsPage::load);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text.trimmed());
        updateView();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &GroupsPage::updateView);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &GroupsPage::updateView);
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            Q_EMIT groupActivated(index.data(GroupListModel::GroupIdRole).toString());
    });
    connect(m_table, &QWidget::customContextMenuRequested, this, &GroupsPage::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &GroupsPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::dataChanged, this, &GroupsPage::updateActions);
    setRefreshInterval(refreshIntervalMs);
    updateActions();

    showState(tr("Not connected to a cluster."), false);
}

void GroupsPage::attach(ClusterSession *session, MessageLog *log)
{
    ClusterPage::attach(session, log);
    ++m_generation;
    m_request = 0;
    m_again = false;
    m_loaded = false;
    m_failing = false;
    m_sinceLoad.invalidate();
    m_groups->clear();
    m_lags.clear();
    updateActions();
    if (!session) {
        m_timer->stop();
        showState(tr("Not connected to a cluster."), false);
        return;
    }
    if (isVisible())
        m_timer->start();
    showState(tr("Waiting for the cluster's metadata…"), true);
    load(); // asks only once the cluster answered: see load()
}

void GroupsPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (snapshot && !m_loaded && !isLoading())
        load(); // the first answer (or the first after a failed listing)
}

void GroupsPage::showEvent(QShowEvent *event)
{
    ClusterPage::showEvent(event);
    if (session()) {
        m_timer->start();
        // What was listed before the page was hidden may be old; but switching pages back and
        // forth asks no more often than the timer would.
        if (!isLoading() && (!m_sinceLoad.isValid() || m_sinceLoad.elapsed() >= m_timer->interval()))
            load();
    }
}

void GroupsPage::hideEvent(QHideEvent *event)
{
    ClusterPage::hideEvent(event);
    m_timer->stop();
}

void GroupsPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void GroupsPage::refresh()
{
    load();
}

void GroupsPage::load()
{
    ClusterSession *s = session();
    // Not before the cluster answered once, nor while it does not: requests run one at a time on
    // the session's thread, and one that waits for its timeout would hold back the metadata poll
    // that tells the window the cluster is (back) up.
    if (!s || !s->latestSnapshot() || s->state() == ConnectionState::Lost)
        return;
    if (m_request) {
        m_again = true;
        return;
    }
    if (!m_loaded && !m_failing)
        showState(tr("Listing the consumer groups…"), true);
    const quint64 generation = m_generation;
    m_sinceLoad.start();
    m_request = s->submit<Listing>(
        [](ClusterOperations &ops) -> Result<Listing> {
            auto listed = ops.groups().list();
            if (!listed)
                return listed.error();
            QList<GroupDescription> described;
            QList<GroupLag> lags;
            if (!listed->isEmpty() && listed->size() <= maxDescribedGroups) {
                QStringList ids;
                for (const GroupListing &g : listed.value())
                    ids << g.groupId;
                // Details are a bonus: a describe or a lag that fails leaves the listing as it is.
                // (GroupLag has no coordinator, hence the describe of its own.)
                if (auto d = ops.admin().describeGroups(ids))
                    described = std::move(d).value();
                if (ids.size() <= maxLaggedGroups) {
                    if (auto l = ops.groups().lagOfGroups(ids))
                        lags = std::move(l).value();
                }
            }
            return Listing{GroupListModel::rowsOf(listed.value(), described, lags), lags};
        },
        this,
        [this, generation](const Result<Listing> &result) {
            if (generation != m_generation)
                return; // another session by now
            m_request = 0;
            if (result) {
                m_failing = false;
                m_loaded = true;
                m_lags.clear();
                for (const GroupLag &lag : result->lags)
                    m_lags.insert(lag.groupId, lag);
                m_groups->setRows(result->rows);
                updateView();
                updateActions();
            } else if (result.error().message != cancelledError().message) {
                if (!m_failing && messageLog())
                    messageLog()->error(result.error(), m_loaded); // a refresh that failed is transient
                m_failing = true;
                if (!m_loaded)
                    showState(tr("Could not list the consumer groups.\n%1").arg(result.error().fullText()), false);
                else
                    m_count->setText(tr("refresh failed: %1").arg(result.error().message));
            }
            if (m_again) {
                m_again = false;
                load();
            }
        });
}

void GroupsPage::showState(const QString &text, bool busy)
{
    m_state->setText(text);
    m_busy->setVisible(busy);
    m_hint->hide();
    m_stack->setCurrentIndex(StatePage);
    m_count->clear();
    m_filter->setEnabled(false);
}

void GroupsPage::updateView()
{
    if (!m_loaded)
        return;
    const int total = m_groups->rowCount();
    if (total == 0) {
        showState(tr("No consumer groups yet — groups appear when a consumer commits offsets."), false);
        m_hint->show();
        return;
    }
    m_stack->setCurrentIndex(TablePage);
    m_filter->setEnabled(true);
    const int shown = m_proxy->rowCount();
    // No translator is loaded, so English plurals are spelled out rather than left to %n.
    if (shown < total)
        m_count->setText(tr("%1 of %2 shown").arg(shown).arg(total));
    else
        m_count->setText(total == 1 ? tr("1 group") : tr("%1 groups").arg(total));
}

QString GroupsPage::emptyStateText() const
{
    return m_stack->currentIndex() == StatePage ? m_state->text() : QString();
}

QString GroupsPage::selectedGroup() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(GroupListModel::GroupIdRole).toString();
}

bool GroupsPage::selectGroup(const QString &group)
{
    const int row = m_groups->rowOf(group);
    if (row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_groups->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
    return true;
}

std::optional<GroupLag> GroupsPage::lagOf(const QString &group) const
{
    const auto it = m_lags.constFind(group);
    return it == m_lags.cend() ? std::nullopt : std::optional<GroupLag>(*it);
}

void GroupsPage::setRefreshInterval(int ms)
{
    m_timer->setInterval(ms);
    m_hint->setText(tr("The list refreshes every %1 s while shown; F5 refreshes it now.").arg(std::max(1, ms / 1000)));
}

int GroupsPage::refreshInterval() const
{
    return m_timer->interval();
}

} // namespace kafdesk
