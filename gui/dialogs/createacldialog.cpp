#include "dialogs/createacldialog.h"

#include "commands/aclcommand.h"
#include "dialogs/topicdialogmessage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

using aclvalidation::Field;

CreateAclDialog::CreateAclDialog(QWidget *parent, ClusterSession *session, MessageLog *log)
    : TopicDialog(parent, session, log, tr("Create"))
    , m_principal(new QLineEdit(this))
    , m_host(new QLineEdit(QStringLiteral("*"), this))
    , m_resourceType(new QComboBox(this))
    , m_pattern(new QComboBox(this))
    , m_resource(new QLineEdit(this))
    , m_operation(new QComboBox(this))
    , m_permission(new QComboBox(this))
    , m_warning(new TopicDialogMessage(this))
{
    setObjectName(QStringLiteral("createAclDialog"));
    setWindowTitle(tr("Create ACL"));
    m_principal->setObjectName(QStringLiteral("principal"));
    m_principal->setPlaceholderText(tr("User:alice"));
    m_host->setObjectName(QStringLiteral("host"));
    m_host->setPlaceholderText(tr("* or an IP address"));
    m_host->setToolTip(tr("Kafka compares an ACL's host with the client's IP address, never with a host name."));
    m_resourceType->setObjectName(QStringLiteral("resourceType"));
    for (const AclResourceType t : acl::resourceTypes())
        m_resourceType->addItem(acl::displayName(t), static_cast<int>(t));
    m_pattern->setObjectName(QStringLiteral("patternType"));
    m_pattern->addItem(tr("Literal: this exact name (* for all)"), static_cast<int>(AclPatternType::Literal));
    m_pattern->addItem(tr("Prefixed: every name starting with it"), static_cast<int>(AclPatternType::Prefixed));
    m_resource->setObjectName(QStringLiteral("resourceName"));
    m_resource->setMinimumWidth(m_resource->fontMetrics().averageCharWidth() * 44);
    m_operation->setObjectName(QStringLiteral("operation"));
    m_permission->setObjectName(QStringLiteral("permission"));
    m_permission->addItem(tr("Allow"), static_cast<int>(AclPermission::Allow));
    m_permission->addItem(tr("Deny"), static_cast<int>(AclPermission::Deny));
    m_warning->setObjectName(QStringLiteral("aclWarning"));

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    const auto addRow = [&](const QString &label, QWidget *field, Field which) {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        form->addRow(l, field);
        auto *message = new TopicDialogMessage(this);
        message->setObjectName(QStringLiteral("message%1").arg(static_cast<int>(which)));
        message->addToForm(form);
        m_messages.insert(which, message);
    };
    addRow(tr("&Principal:"), m_principal, Field::Principal);
    addRow(tr("&Host:"), m_host, Field::Host);
    addRow(tr("Resource &type:"), m_resourceType, Field::ResourceType);
    addRow(tr("&Resource name:"), m_resource, Field::ResourceName);
    addRow(tr("P&attern type:"), m_pattern, Field::PatternType);
    addRow(tr("&Operation:"), m_operation, Field::Operation);
    addRow(tr("Per&mission:"), m_permission, Field::Permission);
    contentLayout()->addLayout(form);
    contentLayout()->addWidget(m_warning);
    contentLayout()->addStretch(1);

    for (QLineEdit *edit : {m_principal, m_host, m_resource})
        connect(edit, &QLineEdit::textChanged, this, &CreateAclDialog::revalidate);
    connect(m_resourceType, &QComboBox::currentIndexChanged, this, &CreateAclDialog::onResourceTypeChanged);
    for (QComboBox *combo : {m_pattern, m_operation, m_permission})
        connect(combo, &QComboBox::currentIndexChanged, this, &CreateAclDialog::revalidate);
    setMinimumWidth(680);
    onResourceTypeChanged();
    m_principal->setFocus();
}

AclBinding CreateAclDialog::acl() const
{
    AclBinding a;
    a.principal = m_principal->text().trimmed();
    a.host = m_host->text().trimmed();
    a.resourceType = static_cast<AclResourceType>(m_resourceType->currentData().toInt());
    a.resourceName = m_resource->text();
    a.patternType = static_cast<AclPatternType>(m_pattern->currentData().toInt());
    a.operation = m_operation->currentIndex() < 0 ? AclOperation::Any
                                                  : static_cast<AclOperation>(m_operation->currentData().toInt());
    a.permission = static_cast<AclPermission>(m_permission->currentData().toInt());
    return a;
}

void CreateAclDialog::setAcl(const AclBinding &a)
{
    m_principal->setText(a.principal);
    m_host->setText(a.host);
    m_resourceType->setCurrentIndex(m_resourceType->findData(static_cast<int>(a.resourceType)));
    m_resource->setText(a.resourceName);
    m_pattern->setCurrentIndex(m_pattern->findData(static_cast<int>(a.patternType)));
    m_operation->setCurrentIndex(m_operation->findData(static_cast<int>(a.operation)));
    m_permission->setCurrentIndex(m_permission->findData(static_cast<int>(a.permission)));
    revalidate();
}

void CreateAclDialog::onResourceTypeChanged()
{
    const auto type = static_cast<AclResourceType>(m_resourceType->currentData().toInt());
    // Only the operations Kafka defines for the type are offered; the choice stays when it applies.
    const QVariant previous = m_operation->currentData();
    {
        const QSignalBlocker blocker(m_operation);
        m_operation->clear();
        for (const AclOperation op : acl::operationsFor(type))
            m_operation->addItem(acl::displayName(op), static_cast<int>(op));
        const int again = previous.isValid() ? m_operation->findData(previous) : -1;
        m_operation->setCurrentIndex(again >= 0 ? again : 0);
    }
    // A cluster ACL has one name and one pattern type: shown, not asked.
    const bool cluster = type == AclResourceType::Cluster;
    {
        const QSignalBlocker blockResource(m_resource);
        const QSignalBlocker blockPattern(m_pattern);
        if (cluster) {
            if (m_resource->isEnabled())
                m_typedResource = m_resource->text();
            m_resource->setText(acl::clusterResourceName());
            m_pattern->setCurrentIndex(m_pattern->findData(static_cast<int>(AclPatternType::Literal)));
        } else if (!m_resource->isEnabled()) {
            m_resource->setText(m_typedResource);
        }
        m_resource->setEnabled(!cluster);
        m_pattern->setEnabled(!cluster);
    }
    m_resource->setPlaceholderText(type == AclResourceType::Group ? tr("a group id, or * for every group")
                                                                  : tr("a topic name, or * for every topic"));
    revalidate();
}

void CreateAclDialog::revalidate()
{
    const AclBinding a = acl();
    const QList<aclvalidation::Problem> problems = aclvalidation::problems(a);
    for (auto it = m_messages.cbegin(); it != m_messages.cend(); ++it) {
        const auto found = std::find_if(problems.cbegin(), problems.cend(),
                                        [&](const aclvalidation::Problem &p) { return p.field == it.key(); });
        // An empty field is not yet wrong: its sentence waits until something was typed there.
        const bool untouchedEmpty = (it.key() == Field::Principal && a.principal.isEmpty()) ||
                                    (it.key() == Field::ResourceName && a.resourceName.isEmpty());
        if (found == problems.cend() || untouchedEmpty)
            it.value()->clear();
        else
            it.value()->showMessage(TopicDialogMessage::Kind::Error, found->message);
    }
    if (a.permission == AclPermission::Deny && a.principal == QLatin1String("User:*"))
        m_warning->showMessage(TopicDialogMessage::Kind::Warning,
                               tr("A deny for every user (User:*) refuses this to every client, except super users."),
                               tr("A deny wins over every allow."));
    else if (a.permission == AclPermission::Deny)
        m_warning->showMessage(TopicDialogMessage::Kind::Warning,
                               tr("A deny wins over every allow: %1 loses this even where another ACL allows it.")
                                   .arg(a.principal.isEmpty() ? tr("the principal") : a.principal));
    else
        m_warning->clear();
    setCommand(commands::createAcl(commandTarget(), a));
    setSubmittable(problems.isEmpty());
}

void CreateAclDialog::submit()
{
    const AclBinding a = acl();
    runRequest<Done>(tr("Creating the ACL…"), [a](ClusterOperations &ops) { return ops.createAcls({a}); },
                     [this, a](const Done &) {
                         Q_EMIT aclCreated(a);
                         finishWithSuccess(tr("Created the ACL: %1.").arg(acl::sentence(a)));
                     });
}

} // namespace kafdesk
