#pragma once

#include "admin/acladmin.h"
#include "dialogs/topicdialog.h"

#include <QMap>

class QComboBox;
class QLineEdit;

namespace kafdesk {

// Create one ACL: principal, host, resource type, pattern type, resource name, operation and
// allow/deny. Each field is checked as it is typed (aclvalidation), with its sentence under it;
// Create stays disabled until every field is right. The kafka-acls.sh --add line follows the
// form live. The broker's refusal (no authorizer, not authorized) is shown in its own words.
class CreateAclDialog : public TopicDialog {
    Q_OBJECT
public:
    CreateAclDialog(QWidget *parent, ClusterSession *session, MessageLog *log);

    // The ACL as the form says now.
    AclBinding acl() const;
    void setAcl(const AclBinding &acl);

    QLineEdit *principalEdit() const { return m_principal; }
    QLineEdit *hostEdit() const { return m_host; }
    QComboBox *resourceTypeCombo() const { return m_resourceType; }
    QComboBox *patternCombo() const { return m_pattern; }
    QLineEdit *resourceEdit() const { return m_resource; }
    QComboBox *operationCombo() const { return m_operation; }
    QComboBox *permissionCombo() const { return m_permission; }
    // The message under a field (empty when the field is right).
    TopicDialogMessage *messageFor(aclvalidation::Field field) const { return m_messages.value(field); }
    TopicDialogMessage *warning() const { return m_warning; }

Q_SIGNALS:
    void aclCreated(const kafdesk::AclBinding &acl);

protected:
    void submit() override;

private:
    void onResourceTypeChanged();
    void revalidate();

    QLineEdit *m_principal = nullptr;
    QLineEdit *m_host = nullptr;
    QComboBox *m_resourceType = nullptr;
    QComboBox *m_pattern = nullptr;
    QLineEdit *m_resource = nullptr;
    QComboBox *m_operation = nullptr;
    QComboBox *m_permission = nullptr;
    TopicDialogMessage *m_warning = nullptr;
    QMap<aclvalidation::Field, TopicDialogMessage *> m_messages;
    QString m_typedResource; // what the user typed before choosing Cluster (which fixes the name)
};

} // namespace kafdesk
