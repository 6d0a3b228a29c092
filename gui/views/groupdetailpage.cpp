#include "views/groupdetailpage.h"

#include "charts/lagchart.h"
#include "models/groupmembermodel.h"
#include "models/grouplistmodel.h"
#include "models/groupoffsetmodel.h"
#include "views/datatableview.h"

#include <QAction>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

enum StackPage { TablePage, EmptyPage };

// Left-aligned text right after a right-aligned number column would touch it: indent it a little.
class IndentedTextDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->text.prepend(QStringLiteral("  "));
    }
};

QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

QLabel *emptyLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setAlignment(Qt::AlignCenter);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    label->setMargin(12);
    return label;
}

QLabel *caption(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    return label;
}

QTableView *sortedTable(QAbstractItemModel *model, int sortRole, QWidget *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(model);
    proxy->setSortRole(sortRole);
    proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    auto *table = new QTableView(parent);
    table->setModel(proxy);
    setUpDataTable(table, QAbstractItemView::SingleSelection);
    table->setSortingEnabled(true);
    table->sortByColumn(0, Qt::AscendingOrder);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return table;
}

} // namespace

GroupDetailPage::GroupDetailPage(QWidget *parent)
    : ClusterPage(parent)
    , m_members(new GroupMemberModel(this))
    , m_offsets(new GroupOffsetModel(this))
    , m_timer(new QTimer(this))
{
    m_refreshAction = new QAction(tr("Refresh"), this);
    m_refreshAction->setToolTip(tr("Ask for the group's offsets and lag now (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &GroupDetailPage::refresh);
    m_resetAction = new QAction(tr("Reset Offsets…"), this);
    connect(m_resetAction, &QAction::triggered, this, [this] { resetOffsets(selectedTopic()); });
    m_deleteOffsetsAction = new QAction(tr("Delete Offsets of Topic…"), this);
    connect(m_deleteOffsetsAction, &QAction::triggered, this, [this] { deleteOffsets(selectedTopic()); });
    m_deleteGroupAction = new QAction(tr("Delete Group…"), this);
    connect(m_deleteGroupAction, &QAction::triggered, this, &GroupDetailPage::deleteGroup);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader());
    layout->addWidget(buildToolbar());
    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("groupNotice"));
    m_notice->setWordWrap(true);
    m_notice->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_notice->setVisible(false);
    layout->addWidget(m_notice);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    m_chart = new LagChart(splitter);
    splitter->addWidget(m_chart);
    splitter->addWidget(buildTables());
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    m_timer->setInterval(defaultPollIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &GroupDetailPage::load);
    updateHeader();
    updateEmptyStates();
    updateActions();
}

QWidget *GroupDetailPage::buildHeader()
{
    auto *header = new QWidget(this);
    auto *grid = new QGridLayout(header);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(18);
    m_title = new QLabel(header);
    m_title->setObjectName(QStringLiteral("groupTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.35);
    big.setBold(true);
    m_title->setFont(big);
    grid->addWidget(m_title, 0, 0, 1, 10);
    int column = 0;
    auto field = [&](const QString &name) {
        auto *key = new QLabel(name, header);
        key->setForegroundRole(QPalette::PlaceholderText);
        auto *value = new QLabel(header);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(key, 1, column);
        grid->addWidget(value, 2, column);
        ++column;
        return value;
    };
    m_state = field(tr("State"));
    m_memberCount = field(tr("Members"));
    m_coordinator = field(tr("Coordinator"));
    m_assignor = field(tr("Assignor"));
    m_totalLag = field(tr("Total lag"));
    QFont bold = m_totalLag->font();
    bold.setBold(true);
    m_totalLag->setFont(bold);
    grid->setColumnStretch(column, 1);
    return header;
}

QWidget *GroupDetailPage::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 4, 0, 4);
    for (QAction *action : {m_resetAction, m_deleteOffsetsAction, m_deleteGroupAction})
        layout->addWidget(buttonFor(action, bar));
    layout->addStretch(1);
    layout->addWidget(buttonFor(m_refreshAction, bar));
    return bar;
}

QWidget *GroupDetailPage::buildTables()
{
    auto *tables = new QSplitter(Qt::Vertical, this);
    tables->setChildrenCollapsible(false);

    auto *offsets = new QWidget(tables);
    auto *offsetsLayout = new QVBoxLayout(offsets);
    offsetsLayout->setContentsMargins(0, 0, 0, 0);
    offsetsLayout->addWidget(caption(tr("Offsets per partition"), offsets));
    m_offsetStack = new QStackedWidget(offsets);
    m_offsetTable = sortedTable(m_offsets, GroupOffsetModel::SortRole, m_offsetStack);
    m_offsetTable->setObjectName(QStringLiteral("offsetTable"));
    const QFontMetrics fm = m_offsetTable->fontMetrics();
    m_offsetTable->setColumnWidth(GroupOffsetModel::TopicColumn, fm.horizontalAdvance(QLatin1Char('x')) * 28);
    for (const int c : {GroupOffsetModel::PartitionColumn, GroupOffsetModel::CommittedColumn,
                        GroupOffsetModel::LogEndColumn, GroupOffsetModel::LagColumn})
        m_offsetTable->setColumnWidth(c, fm.horizontalAdvance(QStringLiteral("no commit")) + 36);
    m_offsetTable->setColumnWidth(GroupOffsetModel::OwnerColumn, fm.horizontalAdvance(QLatin1Char('x')) * 32);
    m_offsetTable->setItemDelegateForColumn(GroupOffsetModel::OwnerColumn, new IndentedTextDelegate(m_offsetTable));
    m_offsetsEmpty = emptyLabel(m_offsetStack);
    m_offsetStack->insertWidget(TablePage, m_offsetTable);
    m_offsetStack->insertWidget(EmptyPage, m_offsetsEmpty);
    offsetsLayout->addWidget(m_offsetStack, 1);

    auto *members = new QWidget(tables);
    auto *membersLayout = new QVBoxLayout(members);
    membersLayout->setContentsMargins(0, 0, 0, 0);
    membersLayout->addWidget(caption(tr("Members"), members));
    m_memberStack = new QStackedWidget(members);
    m_memberTable = sortedTable(m_members, GroupMemberModel::SortRole, m_memberStack);
    m_memberTable->setObjectName(QStringLiteral("memberTable"));
    m_memberTable->setTextElideMode(Qt::ElideMiddle);
    m_memberTable->setColumnWidth(GroupMemberModel::ClientColumn, fm.horizontalAdvance(QLatin1Char('x')) * 30);
    m_memberTable->setColumnWidth(GroupMemberModel::HostColumn, fm.horizontalAdvance(QLatin1Char('x')) * 18);
    m_memberTable->setColumnWidth(GroupMemberModel::MemberColumn, fm.horizontalAdvance(QLatin1Char('x')) * 40);
    m_membersEmpty = emptyLabel(m_memberStack);
    m_memberStack->insertWidget(TablePage, m_memberTable);
    m_memberStack->insertWidget(EmptyPage, m_membersEmpty);
    membersLayout->addWidget(m_memberStack, 1);

    tables->addWidget(offsets);
    tables->addWidget(members);
    tables->setStretchFactor(0, 2);
    tables->setStretchFactor(1, 1);
    return tables;
}

void GroupDetailPage::setPollInterval(int ms)
{
    m_timer->setInterval(ms);
    m_chart->setMinimumSpan(12.0 * ms / 1000.0); // a dozen polls
}

int GroupDetailPage::pollInterval() const
{
    return m_timer->interval();
}

QString GroupDetailPage::headerText() const
{
    return tr("State: %1 · Members: %2 · Coordinator: %3 · Assignor: %4 · Total lag: %5")
        .arg(m_state->text(), m_memberCount->text(), m_coordinator->text(), m_assignor->text(), m_totalLag->text());
}

QString GroupDetailPage::noticeText() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

QString GroupDetailPage::offsetsEmptyText() const
{
    return m_offsetStack->currentIndex() == EmptyPage ? m_offsetsEmpty->text() : QString();
}

QString GroupDetailPage::membersEmptyText() const
{
    return m_memberStack->currentIndex() == EmptyPage ? m_membersEmpty->text() : QString();
}

void GroupDetailPage::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void GroupDetailPage::updateHeader()
{
    const QString none = QStringLiteral("—");
    m_title->setText(m_group.isEmpty() ? tr("No group chosen") : m_group);
    if (!m_lag || !m_exists) {
        for (QLabel *l : {m_state, m_memberCount, m_coordinator, m_assignor, m_totalLag})
            l->setText(none);
        if (m_loaded && !m_exists)
            m_state->setText(tr("does not exist"));
        return;
    }
    const GroupLag &lag = *m_lag;
    m_state->setText(GroupListModel::stateText(lag.state));
    m_memberCount->setText(lag.members < 0 ? none : QString::number(lag.members));
    const GroupDescription &d = m_description;
    m_coordinator->setText(d.coordinatorId < 0 ? none
                           : d.coordinatorAddress.isEmpty()
                               ? tr("broker %1").arg(d.coordinatorId)
                               : tr("broker %1 (%2)").arg(d.coordinatorId).arg(d.coordinatorAddress));
    m_assignor->setText(d.partitionAssignor.isEmpty() ? none : d.partitionAssignor);
    const bool anyCommit = std::any_of(lag.partitions.cbegin(), lag.partitions.cend(),
                                       [](const PartitionLag &p) { return p.committed.has_value(); });
    m_totalLag->setText(anyCommit ? QLocale().toString(lag.totalLag) : tr("no commit"));
}

void GroupDetailPage::updateEmptyStates()
{
    QString offsets;
    QString members;
    if (m_group.isEmpty()) {
        offsets = members = tr("Choose a group on the Consumer groups page.");
    } else if (!session()) {
        offsets = members = tr("Not connected to a cluster.");
    } else if (!m_loaded) {
        offsets = members = tr("Asking the cluster about group “%1”…").arg(m_group);
    } else if (!m_exists) {
        offsets = tr("Consumer group “%1” does not exist (any more): it has no committed offset and no member.")
                      .arg(m_group);
        members = tr("No member.");
    } else {
        if (m_offsets->rowCount() == 0)
            offsets = tr("Group “%1” has not committed any offset yet, and no member is assigned a partition. "
                         "Offsets show here once a consumer of the group commits.")
                          .arg(m_group);
        if (m_members->rowCount() == 0)
            members = tr("No member is connected: the group is %1. Its committed offsets stay until they expire "
                         "(offsets.retention.minutes).")
                          .arg(m_lag ? GroupListModel::stateText(m_lag->state) : tr("empty"));
    }
    m_offsetsEmpty->setText(offsets);
    m_membersEmpty->setText(members);
    m_offsetStack->setCurrentIndex(offsets.isEmpty() ? TablePage : EmptyPage);
    m_memberStack->setCurrentIndex(members.isEmpty() ? TablePage : EmptyPage);
}

QString GroupDetailPage::selectedTopic() const
{
    const QModelIndexList rows = m_offsetTable->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(GroupOffsetModel::TopicRole).toString();
}

QStringList GroupDetailPage::committedTopics() const
{
    QStringList topics;
    if (m_lag)
        for (const PartitionLag &p : m_lag->partitions)
            if (p.committed && !topics.contains(p.topic))
                topics << p.topic;
    return topics;
}

} // namespace kafdesk
