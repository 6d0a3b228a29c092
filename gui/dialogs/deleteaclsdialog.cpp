#include "dialogs/deleteaclsdialog.h"

#include "commands/aclcommand.h"
#include "dialogs/topicdialogmessage.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

DeleteAclsDialog::DeleteAclsDialog(QWidget *parent, ClusterSession *session, MessageLog *log, QList<AclBinding> acls)
    : TopicDialog(parent, session, log,
                  acls.size() == 1 ? tr("Delete ACL") : tr("Delete %1 ACLs").arg(acls.size()))
    , m_acls(std::move(acls))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("deleteAclsDialog"));
    setWindowTitle(m_acls.size() == 1 ? tr("Delete ACL") : tr("Delete %1 ACLs").arg(m_acls.size()));
    auto *warning = new TopicDialogMessage(this);
    warning->setObjectName(QStringLiteral("deleteWarning"));
    warning->showMessage(TopicDialogMessage::Kind::Warning,
                         m_acls.size() == 1 ? tr("This ACL will be deleted:")
                                            : tr("These %1 ACLs will be deleted:").arg(m_acls.size()),
                         tr("What an allow granted is refused from then on, unless another ACL allows it; what a "
                            "deny refused is allowed again. This cannot be undone."));
    m_list->setObjectName(QStringLiteral("aclsToDelete"));
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setWordWrap(true);
    for (const AclBinding &a : m_acls)
        m_list->addItem(acl::sentence(a));
    const int rows = static_cast<int>(std::min<qsizetype>(m_acls.size(), 8));
    m_list->setMinimumHeight(m_list->fontMetrics().height() * rows + 2 * m_list->frameWidth() + 8);
    contentLayout()->addWidget(warning);
    contentLayout()->addWidget(m_list, 1);
    setCommand(commands::deleteAcls(commandTarget(), m_acls));
    setMinimumWidth(640);
    setSubmittable(!m_acls.isEmpty());
}

void DeleteAclsDialog::submit()
{
    QList<AclFilter> filters;
    for (const AclBinding &a : m_acls)
        filters << AclFilter::exactly(a);
    const qsizetype asked = m_acls.size();
    runRequest<QList<AclBinding>>(
        tr("Deleting…"), [filters](ClusterOperations &ops) { return ops.deleteAcls(filters); },
        [this, asked](const QList<AclBinding> &deleted) {
            Q_EMIT aclsDeleted(deleted);
            QString text = deleted.size() == 1 ? tr("Deleted 1 ACL.") : tr("Deleted %1 ACLs.").arg(deleted.size());
            if (deleted.size() < asked)
                text += QLatin1Char(' ') + tr("%1 of those chosen were gone already.").arg(asked - deleted.size());
            finishWithSuccess(text);
        });
}

} // namespace kafdesk
