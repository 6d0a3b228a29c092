#include "dialogs/deletegroupoffsetsdialog.h"

#include "admin/validation.h"
#include "dialogs/topicdialogmessage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace kafdesk {

DeleteGroupOffsetsDialog::DeleteGroupOffsetsDialog(QWidget *parent, ClusterSession *session, MessageLog *log,
                                                   const QString &group, const QStringList &topics,
                                                   const QString &topic, const std::optional<GroupLag> &known)
    : TopicDialog(parent, session, log, tr("Delete Offsets"))
    , m_group(group)
    , m_known(known)
    , m_topic(new QComboBox(this))
    , m_warning(new TopicDialogMessage(this))
    , m_message(new TopicDialogMessage(this))
{
    setObjectName(QStringLiteral("deleteGroupOffsetsDialog"));
    setWindowTitle(tr("Delete Committed Offsets — %1").arg(group));
    m_topic->setObjectName(QStringLiteral("topicBox"));
    m_topic->addItems(topics);
    if (const int index = m_topic->findText(topic); index >= 0)
        m_topic->setCurrentIndex(index);
    m_warning->setObjectName(QStringLiteral("deleteWarning"));
    m_message->setObjectName(QStringLiteral("validationMessage"));

    auto *groupLabel = new QLabel(QStringLiteral("<b>%1</b>").arg(group.toHtmlEscaped()), this);
    auto *topicLabel = new QLabel(tr("&Topic:"), this);
    topicLabel->setBuddy(m_topic);
    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Group:"), groupLabel);
    form->addRow(topicLabel, m_topic);
    m_message->addToForm(form);

    contentLayout()->addLayout(form);
    contentLayout()->addSpacing(6);
    contentLayout()->addWidget(m_warning);
    contentLayout()->addStretch(1);

    connect(m_topic, &QComboBox::currentIndexChanged, this, &DeleteGroupOffsetsDialog::revalidate);
    setMinimumWidth(560);
    revalidate();
    m_topic->setFocus();
}

DeleteGroupOffsetsRequest DeleteGroupOffsetsDialog::request() const
{
    return DeleteGroupOffsetsRequest{m_group, m_topic->currentText()};
}

void DeleteGroupOffsetsDialog::revalidate()
{
    const QString topic = m_topic->currentText();
    QString problem;
    if (topic.isEmpty())
        problem = tr("The group has no topic with committed offsets.");
    else if (const Status s = validation::validate(request()); !s)
        problem = s.error().message;
    if (problem.isEmpty())
        m_message->clear();
    else
        m_message->showMessage(TopicDialogMessage::Kind::Error, problem);

    QStringList commits;
    bool subscribed = false;
    if (m_known) {
        for (const PartitionLag &p : m_known->partitions) {
            if (p.topic != topic)
                continue;
            if (p.committed)
                commits << tr("partition %1 at %2").arg(p.partition).arg(*p.committed);
            if (!p.ownerMemberId.isEmpty())
                subscribed = true;
        }
    }
    QString what = commits.isEmpty()
                       ? tr("Deleting removes every offset group \"%1\" committed on topic \"%2\".").arg(m_group, topic)
                       : tr("Deleting removes the offsets group \"%1\" committed on topic \"%2\": %3.")
                             .arg(m_group, topic, commits.join(QStringLiteral(", ")));
    const QString detail =
        subscribed ? tr("A member of the group consumes this topic now: the broker refuses while it is subscribed.")
                   : tr("The group's consumers start where their auto.offset.reset says on this topic when they next "
                        "join. Its offsets on other topics stay. This cannot be undone.");
    if (!topic.isEmpty())
        m_warning->showMessage(TopicDialogMessage::Kind::Warning, what, detail);
    else
        m_warning->clear();
    setCommand(topic.isEmpty() ? commands::KafkaCommand{} : commands::deleteGroupOffsets(commandTarget(), request()));
    setSubmittable(problem.isEmpty());
}

void DeleteGroupOffsetsDialog::submit()
{
    const DeleteGroupOffsetsRequest r = request();
    runRequest<Done>(tr("Deleting the offsets of %1 on %2…").arg(r.group, r.topic),
                     [r](ClusterOperations &ops) { return ops.deleteGroupOffsets(r); },
                     [this, r](const Done &) {
                         Q_EMIT offsetsDeleted(r.group, r.topic);
                         finishWithSuccess(
                             tr("Deleted the offsets of consumer group \"%1\" on topic \"%2\".").arg(r.group, r.topic));
                     });
}

} // namespace kafdesk
