// AclsPage: its actions (create, delete, copy the command), their toolbar and context menu.

#include "views/aclspage.h"

#include "cluster/clustersession.h"
#include "dialogs/createacldialog.h"
#include "dialogs/deleteaclsdialog.h"
#include "dialogs/topicdialogs.h"
#include "widgets/actionbutton.h"
#include "widgets/commandlinepreview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QMenu>
#include <QTableView>
#include <QToolButton>

namespace kafdesk {

QWidget *AclsPage::buildToolbar()
{
    m_createAction = new QAction(tr("Create ACL…"), this);
    m_createAction->setObjectName(QStringLiteral("createAclAction"));
    connect(m_createAction, &QAction::triggered, this, &AclsPage::createAcl);
    m_deleteAction = new QAction(tr("Delete…"), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteAclsAction"));
    connect(m_deleteAction, &QAction::triggered, this, &AclsPage::deleteAcls);
    m_copyAction = new QAction(tr("Copy kafka-acls.sh Line"), this);
    connect(m_copyAction, &QAction::triggered, this, [this] {
        if (!m_command->command().isEmpty())
            QApplication::clipboard()->setText(m_command->command());
    });
    auto *bar = new QWidget(this);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QAction *action : {m_createAction, m_deleteAction})
        layout->addWidget(textButtonFor(action, bar));
    layout->addStretch(1);
    return bar;
}

void AclsPage::updateActions()
{
    const bool connected = session() != nullptr;
    const bool readOnly = isReadOnly();
    const int selected = static_cast<int>(selectedAcls().size());
    m_createAction->setEnabled(connected && !readOnly);
    m_createAction->setToolTip(!connected  ? tr("Not connected to a cluster")
                               : readOnly ? readOnlyReason()
                                          : tr("Allow or deny a principal an operation on a resource"));
    m_deleteAction->setEnabled(connected && !readOnly && selected > 0);
    m_deleteAction->setToolTip(readOnly        ? readOnlyReason()
                               : selected == 0 ? tr("Select the ACLs to delete first")
                               : selected == 1 ? tr("Delete the selected ACL (Delete)")
                                               : tr("Delete the %1 selected ACLs (Delete)").arg(selected));
    m_copyAction->setEnabled(connected);
}

void AclsPage::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_table->indexAt(pos);
    if (!index.isValid())
        return;
    if (!m_table->selectionModel()->isRowSelected(index.row(), {}))
        m_table->selectRow(index.row());
    QMenu menu(this);
    menu.addAction(m_copyAction);
    menu.addSeparator();
    menu.addAction(m_createAction);
    menu.addAction(m_deleteAction);
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

QDialog *AclsPage::createAcl()
{
    if (!session() || isReadOnly())
        return nullptr;
    auto *dialog = new CreateAclDialog(this, session(), messageLog());
    connect(dialog, &CreateAclDialog::aclCreated, this, [this](const AclBinding &acl) {
        load();
        Q_UNUSED(acl)
    });
    return topicdialogs::showNonModal(dialog);
}

QDialog *AclsPage::deleteAcls()
{
    const QList<AclBinding> selected = selectedAcls();
    if (!session() || isReadOnly() || selected.isEmpty())
        return nullptr;
    auto *dialog = new DeleteAclsDialog(this, session(), messageLog(), selected);
    connect(dialog, &DeleteAclsDialog::aclsDeleted, this, [this] { load(); });
    return topicdialogs::showNonModal(dialog);
}

void AclsPage::deleteSelected()
{
    deleteAcls();
}

} // namespace kafdesk
