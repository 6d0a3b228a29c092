#include "views/topicspage.h"

#include "cluster/clustersession.h"
#include "dialogs/topicdialogs.h"
#include "models/topicfilterproxymodel.h"
#include "models/topictablemodel.h"
#include "views/datatableview.h"
#include "views/topicnamedelegate.h"
#include "widgets/messagelog.h"

#include "widgets/actionbutton.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

// Plural forms without a translator loaded: "1 topic", "3 topics".
QString count(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace

TopicsPage::TopicsPage(QWidget *parent)
    : ClusterPage(parent), m_model(new TopicTableModel(this)), m_proxy(new TopicFilterProxyModel(this))
{
    m_proxy->setSourceModel(m_model);
    buildActions();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildToolbar());

    m_table = new QTableView(this);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TopicTableModel::NameColumn, Qt::AscendingOrder);
    setUpDataTable(m_table, QAbstractItemView::SingleSelection);
    m_table->setTextElideMode(Qt::ElideMiddle); // long topic names differ at their ends
    QHeaderView *header = m_table->horizontalHeader();
    // The name takes the room; the other columns fit their header with some air, so that a
    // right-aligned number does not run into the next column's text.
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(TopicTableModel::NameColumn, QHeaderView::Stretch);
    const int air = 2 * m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (int column = TopicTableModel::NameColumn + 1; column < TopicTableModel::ColumnCount; ++column)
        header->resizeSection(column, header->sectionSizeHint(column) + air);
    m_table->setItemDelegateForColumn(TopicTableModel::NameColumn, new TopicNameDelegate(m_table));
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QTableView::activated, this, &TopicsPage::activate);
    connect(m_table, &QWidget::customContextMenuRequested, this, &TopicsPage::showContextMenu);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TopicsPage::updateActions);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_table);
    m_stack->addWidget(buildEmptyPage());
    layout->addWidget(m_stack, 1);

    m_summary = new QLabel(this);
    m_summary->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_summary);

    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &TopicsPage::updateState);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &TopicsPage::updateState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &TopicsPage::updateState);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &TopicsPage::updateState);
    updateActions();
    updateState();
}

void TopicsPage::buildActions()
{
    m_newAction = new QAction(tr("New Topic…"), this);
    // Ctrl+N belongs to the window's New Topic action (one binding, or Qt calls it ambiguous).
    connect(m_newAction, &QAction::triggered, this, &TopicsPage::createTopic);
    m_addPartitionsAction = new QAction(tr("Add Partitions…"), this);
    connect(m_addPartitionsAction, &QAction::triggered, this, &TopicsPage::addPartitions);
    m_editConfigsAction = new QAction(tr("Edit Configs…"), this);
    connect(m_editConfigsAction, &QAction::triggered, this, &TopicsPage::editConfigs);
    m_deleteAction = new QAction(tr("Delete…"), this);
    connect(m_deleteAction, &QAction::triggered, this, &TopicsPage::deleteSelected);
    m_openAction = new QAction(tr("Open"), this);
    connect(m_openAction, &QAction::triggered, this, [this] {
        if (const QString topic = selectedTopic(); !topic.isEmpty())
            Q_EMIT topicActivated(topic);
    });
    m_copyNameAction = new QAction(tr("Copy Name"), this);
    connect(m_copyNameAction, &QAction::triggered, this, [this] {
        if (const QString topic = selectedTopic(); !topic.isEmpty())
            QApplication::clipboard()->setText(topic);
    });
    m_produceAction = new QAction(tr("Produce to Topic…"), this);
    connect(m_produceAction, &QAction::triggered, this, [this] { Q_EMIT produceRequested(selectedTopic()); });
    m_consumeAction = new QAction(tr("Consume Topic…"), this);
    connect(m_consumeAction, &QAction::triggered, this, [this] { Q_EMIT consumeRequested(selectedTopic()); });
    m_groupLabAction = new QAction(tr("Open in Group Lab…"), this);
    connect(m_groupLabAction, &QAction::triggered, this, [this] { Q_EMIT groupLabRequested(selectedTopic()); });
    addAction(m_newAction); // Ctrl+N anywhere on the page
}

QWidget *TopicsPage::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_filter = new QLineEdit(bar);
    m_filter->setPlaceholderText(tr("Filter topics by name (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(m_filter->fontMetrics().horizontalAdvance(m_filter->placeholderText()) + 48);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &TopicFilterProxyModel::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &TopicsPage::updateState);
    // Escape clears the filter; Down moves on to the list.
    auto *clearFilter = new QAction(m_filter);
    clearFilter->setShortcut(Qt::Key_Escape);
    clearFilter->setShortcutContext(Qt::WidgetShortcut);
    connect(clearFilter, &QAction::triggered, m_filter, &QLineEdit::clear);
    m_filter->addAction(clearFilter);
    auto *toList = new QAction(m_filter);
    toList->setShortcut(Qt::Key_Down);
    toList->setShortcutContext(Qt::WidgetShortcut);
    connect(toList, &QAction::triggered, this, [this] {
        m_table->setFocus();
        if (!m_table->currentIndex().isValid() && m_proxy->rowCount() > 0)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
    });
    m_filter->addAction(toList);
    row->addWidget(m_filter, 2);

    m_showInternal = new QCheckBox(tr("Show internal topics"), bar);
    m_showInternal->setToolTip(tr("Show the topics Kafka uses itself, such as __consumer_offsets"));
    connect(m_showInternal, &QCheckBox::toggled, m_proxy, &TopicFilterProxyModel::setShowInternal);
    connect(m_showInternal, &QCheckBox::toggled, this, &TopicsPage::updateState);
    row->addWidget(m_showInternal);
    row->addStretch(1);
    for (QAction *action : {m_newAction, m_addPartitionsAction, m_editConfigsAction, m_deleteAction})
        row->addWidget(textButtonFor(action, bar));
    return bar;
}

QWidget *TopicsPage::buildEmptyPage()
{
    auto *page = new QWidget(this);
    auto *column = new QVBoxLayout(page);
    column->addStretch(1);
    m_emptyText = new QLabel(page);
    m_emptyText->setAlignment(Qt::AlignCenter);
    m_emptyText->setWordWrap(true);
    m_emptyText->setForegroundRole(QPalette::PlaceholderText);
    QFont font = m_emptyText->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_emptyText->setFont(font);
    column->addWidget(m_emptyText);
    m_emptyButton = new QPushButton(page);
    connect(m_emptyButton, &QPushButton::clicked, this, [this] {
        if (!m_filter->text().isEmpty())
            m_filter->clear();
        else
            createTopic();
    });
    column->addWidget(m_emptyButton, 0, Qt::AlignHCenter);
    column->addStretch(2);
    return page;
}

void TopicsPage::attach(ClusterSession *newSession, MessageLog *log)
{
    const bool anotherCluster = newSession != session();
    ClusterPage::attach(newSession, log);
    if (anotherCluster) {
        m_snapshot.reset();
        m_model->clear();
    }
    if (newSession && newSession->latestSnapshot())
        showSnapshot(newSession->latestSnapshot());
    updateActions();
    updateState();
}

void TopicsPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (!snapshot)
        return;
    m_snapshot = snapshot;
    m_model->applySnapshot(snapshot);
    updateActions(); // the selected topic may have become internal-less, or gone
    updateState();
}

void TopicsPage::focusFilter()
{
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void TopicsPage::refresh()
{
    if (session())
        session()->refreshNow();
}

QString TopicsPage::selectedTopic() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(TopicTableModel::NameColumn);
    return rows.isEmpty() ? QString() : rows.first().data(TopicTableModel::TopicNameRole).toString();
}

bool TopicsPage::selectTopic(const QString &topic)
{
    const int sourceRow = m_model->rowOf(topic);
    if (sourceRow < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(index);
    return true;
}

void TopicsPage::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void TopicsPage::setShowInternal(bool show)
{
    m_showInternal->setChecked(show);
}

bool TopicsPage::selectedIsInternal() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows(TopicTableModel::NameColumn);
    return !rows.isEmpty() && rows.first().data(TopicTableModel::InternalRole).toBool();
}

void TopicsPage::watch(QDialog *dialog)
{
    // What the dialog changed shows up with the next snapshot: ask for it at once.
    if (dialog)
        connect(dialog, &QDialog::finished, this, [this] {
            if (session())
                session()->refreshNow();
        });
}

void TopicsPage::createTopic()
{
    if (session() && !isReadOnly())
        watch(topicdialogs::createTopic(this, session(), messageLog()));
}

void TopicsPage::addPartitions()
{
    const QString topic = selectedTopic();
    if (session() && !isReadOnly() && !topic.isEmpty() && !selectedIsInternal())
        watch(topicdialogs::addPartitions(this, session(), messageLog(), topic));
}

void TopicsPage::editConfigs()
{
    const QString topic = selectedTopic();
    if (session() && !isReadOnly() && !topic.isEmpty())
        watch(topicdialogs::editConfigs(this, session(), messageLog(), topic));
}

void TopicsPage::deleteSelected()
{
    const QString topic = selectedTopic();
    if (session() && !isReadOnly() && !topic.isEmpty() && !selectedIsInternal())
        watch(topicdialogs::deleteTopic(this, session(), messageLog(), topic));
}

void TopicsPage::activate(const QModelIndex &index)
{
    if (index.isValid())
        Q_EMIT topicActivated(index.data(TopicTableModel::TopicNameRole).toString());
}

void TopicsPage::updateActions()
{
    const bool connected = session() != nullptr;
    const bool readOnly = isReadOnly();
    const QString topic = selectedTopic();
    const bool internal = selectedIsInternal();
    const QString reason = readOnlyReason();
    const QString noSelection = tr("Select a topic first");
    const QString internalReason = tr("“%1” is an internal topic: Kafka itself depends on it").arg(topic);

    m_newAction->setEnabled(connected && !readOnly);
    m_newAction->setToolTip(readOnly ? reason : tr("Create a topic (Ctrl+N)"));
    m_editConfigsAction->setEnabled(connected && !readOnly && !topic.isEmpty());
    m_editConfigsAction->setToolTip(readOnly ? reason
                                    : topic.isEmpty() ? noSelection
                                                      : tr("Change the configs of “%1”").arg(topic));
    m_addPartitionsAction->setEnabled(connected && !readOnly && !topic.isEmpty() && !internal);
    m_addPartitionsAction->setToolTip(readOnly ? reason
                                      : topic.isEmpty() ? noSelection
                                      : internal ? internalReason
                                                 : tr("Add partitions to “%1”").arg(topic));
    m_deleteAction->setEnabled(connected && !readOnly && !topic.isEmpty() && !internal);
    m_deleteAction->setToolTip(readOnly ? reason
                               : topic.isEmpty() ? noSelection
                               : internal ? internalReason
                                          : tr("Delete “%1” and every message in it").arg(topic));
    m_openAction->setEnabled(!topic.isEmpty());
    m_copyNameAction->setEnabled(!topic.isEmpty());
    for (QAction *action : {m_produceAction, m_consumeAction, m_groupLabAction})
        action->setEnabled(!topic.isEmpty());
}

QString TopicsPage::emptyStateText() const
{
    if (!session())
        return tr("Not connected to a cluster.");
    if (!m_snapshot)
        return tr("Loading topics…");
    if (m_proxy->rowCount() > 0)
        return {};
    if (!m_proxy->filterText().trimmed().isEmpty())
        return tr("No topic matches “%1”.").arg(m_proxy->filterText().trimmed());
    return tr("No topics yet. Create one with New Topic (Ctrl+N).");
}

void TopicsPage::updateState()
{
    const QString empty = emptyStateText();
    m_stack->setCurrentIndex(empty.isEmpty() ? 0 : 1);
    const bool filtered = !m_proxy->filterText().trimmed().isEmpty();
    const auto &rows = m_model->rows();
    const int internal = static_cast<int>(std::count_if(rows.cbegin(), rows.cend(), [](const auto &r) { return r.internal; }));
    QString emptyText = empty;
    if (!empty.isEmpty() && !filtered && m_snapshot && internal > 0 && !m_showInternal->isChecked())
        emptyText += QLatin1Char('\n') +
                     count(internal, tr("(1 internal topic is hidden)"), tr("(%1 internal topics are hidden)"));
    m_emptyText->setText(emptyText);
    m_emptyButton->setVisible(m_snapshot && !empty.isEmpty() && (filtered || !isReadOnly()));
    m_emptyButton->setText(filtered ? tr("Clear Filter") : tr("New Topic…"));

    if (!m_snapshot) {
        m_summary->clear();
        return;
    }
    // Hidden internal topics are counted apart, not as filtered out.
    const int total = static_cast<int>(rows.size()) - (m_showInternal->isChecked() ? 0 : internal);
    const int shown = m_proxy->rowCount();
    const int problems = static_cast<int>(std::count_if(rows.cbegin(), rows.cend(), [](const auto &r) { return r.hasProblem(); }));
    QStringList parts;
    parts << (shown == total ? count(total, tr("1 topic"), tr("%1 topics"))
                             : tr("%1 of %2 topics shown").arg(shown).arg(total));
    if (problems > 0)
        parts << count(problems, tr("1 with problems"), tr("%1 with problems"));
    if (internal > 0 && !m_showInternal->isChecked())
        parts << count(internal, tr("1 internal topic hidden"), tr("%1 internal topics hidden"));
    m_summary->setText(parts.join(QStringLiteral("  ·  ")));
}

void TopicsPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (index.isValid())
        m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (index.isValid()) {
        menu->addAction(m_openAction);
        menu->addSeparator();
        menu->addAction(m_produceAction);
        menu->addAction(m_consumeAction);
        menu->addAction(m_groupLabAction);
        menu->addSeparator();
        menu->addAction(m_addPartitionsAction);
        menu->addAction(m_editConfigsAction);
        menu->addAction(m_deleteAction);
        menu->addSeparator();
        menu->addAction(m_copyNameAction);
    } else {
        menu->addAction(m_newAction);
    }
    menu->popup(m_table->viewport()->mapToGlobal(pos)); // no nested event loop
}

} // namespace kafdesk
