// GroupsPage: its actions (open, reset offsets, delete), their toolbar and context menu.

#include "views/groupspage.h"

#include "cluster/clustersession.h"
#include "dialogs/deletegroupdialog.h"
#include "dialogs/resetoffsetsdialog.h"
#include "dialogs/topicdialogs.h"
#include "models/grouplistmodel.h"

#include "widgets/actionbutton.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>

namespace kafdesk {

void GroupsPage::buildActions()
{
    m_openAction = new QAction(tr("Open"), this);
    connect(m_openAction, &QAction::triggered, this, [this] {
        const QString group = selectedGroup();
        if (!group.isEmpty())
            Q_EMIT groupActivated(group);
    });
    m_resetAction = new QAction(tr("Reset Offsets…"), this);
    connect(m_resetAction, &QAction::triggered, this, &GroupsPage::resetOffsets);
    m_deleteAction = new QAction(tr("Delete Group…"), this);
    connect(m_deleteAction, &QAction::triggered, this, &GroupsPage::deleteGroup);
    m_copyAction = new QAction(tr("Copy Name"), this);
    connect(m_copyAction, &QAction::triggered, this, [this] {
        if (const QString group = selectedGroup(); !group.isEmpty())
            QApplication::clipboard()->setText(group);
    });
}

QWidget *GroupsPage::buildToolbar()
{
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {m_openAction, m_resetAction, m_deleteAction})
        layout->addWidget(textButtonFor(action, bar));
    layout->addStretch(1);
    return bar;
}

void GroupsPage::updateActions()
{
    const bool connected = session() != nullptr;
    const bool readOnly = isReadOnly();
    const QString group = selectedGroup();
    const QString noSelection = tr("Select a group first");
    m_openAction->setEnabled(!group.isEmpty());
    m_openAction->setToolTip(group.isEmpty() ? noSelection : tr("Show the members, offsets and lag of “%1” (Enter)").arg(group));
    m_copyAction->setEnabled(!group.isEmpty());
    const bool canChange = connected && !readOnly && !group.isEmpty();
    m_resetAction->setEnabled(canChange);
    m_resetAction->setToolTip(readOnly ? readOnlyReason()
                              : group.isEmpty() ? noSelection
                                                : tr("Move the committed offsets of “%1” (with a preview)").arg(group));
    m_deleteAction->setEnabled(canChange);
    m_deleteAction->setToolTip(readOnly ? readOnlyReason()
                               : group.isEmpty() ? noSelection
                                                 : tr("Delete “%1” and its committed offsets (Delete)").arg(group));
}

void GroupsPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    m_table->selectRow(index.row());
    QMenu menu(this);
    menu.addAction(m_openAction);
    menu.addAction(m_copyAction);
    menu.addSeparator();
    menu.addAction(m_resetAction);
    menu.addAction(m_deleteAction);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void GroupsPage::watch(QDialog *dialog)
{
    // What the dialog changed shows with the next listing: ask for it when it closes.
    if (dialog)
        connect(dialog, &QDialog::finished, this, [this] { load(); });
}

QDialog *GroupsPage::resetOffsets()
{
    const QString group = selectedGroup();
    if (!session() || isReadOnly() || group.isEmpty())
        return nullptr;
    const int row = m_groups->rowOf(group);
    const QStringList topics = row >= 0 ? m_groups->rows().at(row).topics : QStringList();
    auto *dialog = new ResetOffsetsDialog(this, session(), messageLog(), group, topics);
    connect(dialog, &ResetOffsetsDialog::resetExecuted, this, [this] { load(); });
    watch(dialog);
    return topicdialogs::showNonModal(dialog);
}

QDialog *GroupsPage::deleteGroup()
{
    const QString group = selectedGroup();
    if (!session() || isReadOnly() || group.isEmpty())
        return nullptr;
    auto *dialog = new DeleteGroupDialog(this, session(), messageLog(), group, lagOf(group));
    watch(dialog);
    return topicdialogs::showNonModal(dialog);
}

void GroupsPage::deleteSelected()
{
    deleteGroup();
}

} // namespace kafdesk
