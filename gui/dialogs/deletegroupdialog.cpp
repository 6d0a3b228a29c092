#include "dialogs/deletegroupdialog.h"

#include "admin/validation.h"
#include "dialogs/topicdialogmessage.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace kafdesk {

namespace {

QString plural(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

} // namespace

DeleteGroupDialog::DeleteGroupDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &group,
                                     const std::optional<GroupLag> &known)
    : TopicDialog(parent, session, log, tr("Delete Group"))
    , m_group(group)
    , m_warning(new TopicDialogMessage(this))
    , m_confirm(new QLineEdit(this))
    , m_message(new TopicDialogMessage(this))
{
    setObjectName(QStringLiteral("deleteGroupDialog"));
    setWindowTitle(tr("Delete Consumer Group — %1").arg(group));
    m_warning->setObjectName(QStringLiteral("deleteWarning"));
    m_confirm->setObjectName(QStringLiteral("confirmName"));
    m_confirm->setPlaceholderText(group);
    m_confirm->setMinimumWidth(m_confirm->fontMetrics().averageCharWidth() * 40);
    m_confirm->setAccessibleDescription(tr("Type the group's name to enable Delete"));
    m_message->setObjectName(QStringLiteral("validationMessage"));

    QString what = tr("Deleting consumer group \"%1\" removes it and every offset it committed.").arg(group);
    QString detail;
    if (known) {
        QStringList topics;
        int committed = 0;
        for (const PartitionLag &p : known->partitions) {
            if (!p.committed)
                continue;
            ++committed;
            if (!topics.contains(p.topic))
                topics << p.topic;
        }
        if (committed > 0)
            what = tr("Deleting consumer group \"%1\" removes it and its committed offsets on %2 of %3: %4.")
                       .arg(group, plural(committed, tr("1 partition"), tr("%1 partitions")),
                            plural(static_cast<int>(topics.size()), tr("1 topic"), tr("%1 topics")),
                            topics.join(QStringLiteral(", ")));
        if (known->members > 0)
            detail = tr("The group has %1 now: the broker refuses to delete a group with members. Stop its "
                        "consumers first.")
                         .arg(plural(known->members, tr("1 member"), tr("%1 members")));
    }
    if (detail.isEmpty())
        detail = tr("Consumers that join the group again start where their auto.offset.reset says. This cannot be "
                    "undone.");
    m_warning->showMessage(TopicDialogMessage::Kind::Warning, what, detail);

    auto *prompt = new QLabel(tr("To confirm, type the group's name, <b>%1</b>:").arg(group.toHtmlEscaped()), this);
    prompt->setTextFormat(Qt::RichText);
    prompt->setWordWrap(true);
    auto *nameLabel = new QLabel(tr("&Group name:"), this);
    nameLabel->setBuddy(m_confirm);
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(nameLabel, m_confirm);
    m_message->addToForm(form);

    contentLayout()->addWidget(m_warning);
    contentLayout()->addSpacing(6);
    contentLayout()->addWidget(prompt);
    contentLayout()->addLayout(form);
    contentLayout()->addStretch(1);

    connect(m_confirm, &QLineEdit::textChanged, this, &DeleteGroupDialog::revalidate);
    setMinimumWidth(560);
    revalidate();
    m_confirm->setFocus();
}

void DeleteGroupDialog::revalidate()
{
    const bool typed = m_confirm->text() == m_group;
    QString problem;
    if (const Status s = validation::validate(request()); !s)
        problem = s.error().message;
    else if (!m_confirm->text().isEmpty() && !typed && !m_group.startsWith(m_confirm->text()))
        problem = tr("That is not the group's name: type \"%1\" exactly.").arg(m_group);
    if (problem.isEmpty())
        m_message->clear();
    else
        m_message->showMessage(TopicDialogMessage::Kind::Error, problem);
    setCommand(commands::deleteGroup(commandTarget(), request()));
    if (!isReadOnly())
        actionButton()->setToolTip(typed ? QString() : tr("Type the group's name first"));
    setSubmittable(typed && problem.isEmpty());
}

void DeleteGroupDialog::submit()
{
    const DeleteGroupRequest r = request();
    runRequest<Done>(tr("Deleting group %1…").arg(m_group), [r](ClusterOperations &ops) { return ops.deleteGroup(r); },
                     [this](const Done &) {
                         Q_EMIT groupDeleted(m_group);
                         finishWithSuccess(tr("Deleted consumer group \"%1\".").arg(m_group));
                     });
}

} // namespace kafdesk
