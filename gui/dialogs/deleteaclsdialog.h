#pragma once

#include "dialogs/topicdialog.h"
#include "kafka/acltypes.h"

class QListWidget;

namespace kafdesk {

// Delete the chosen ACLs, which cannot be undone: the dialog lists each one as a sentence, and
// the kafka-acls.sh --remove lines that do the same. Each ACL is deleted by a filter that
// matches it exactly, so nothing else goes. The broker's refusal is shown in its own words.
class DeleteAclsDialog : public TopicDialog {
    Q_OBJECT
public:
    DeleteAclsDialog(QWidget *parent, ClusterSession *session, MessageLog *log, QList<AclBinding> acls);

    const QList<AclBinding> &acls() const { return m_acls; }
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void aclsDeleted(const QList<kafdesk::AclBinding> &deleted);

protected:
    void submit() override;

private:
    QList<AclBinding> m_acls;
    QListWidget *m_list = nullptr;
};

} // namespace kafdesk
