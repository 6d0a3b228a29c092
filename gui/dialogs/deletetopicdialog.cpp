#include "dialogs/deletetopicdialog.h"

#include "admin/validation.h"
#include "dialogs/topicdialogmessage.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace kafdesk {

DeleteTopicDialog::DeleteTopicDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic)
    : TopicDialog(parent, session, log, tr("Delete Topic"))
    , m_topic(topic)
    , m_warning(new TopicDialogMessage(this))
    , m_confirm(new QLineEdit(this))
    , m_message(new TopicDialogMessage(this))
{
    setObjectName(QStringLiteral("deleteTopicDialog"));
    setWindowTitle(tr("Delete Topic — %1").arg(topic));
    m_warning->setObjectName(QStringLiteral("deleteWarning"));
    m_confirm->setObjectName(QStringLiteral("confirmName"));
    m_confirm->setPlaceholderText(topic);
    m_confirm->setMinimumWidth(m_confirm->fontMetrics().averageCharWidth() * 40);
    m_confirm->setAccessibleDescription(tr("Type the topic's name to enable Delete"));
    m_message->setObjectName(QStringLiteral("validationMessage"));

    auto *prompt = new QLabel(tr("To confirm, type the topic's name, <b>%1</b>:").arg(topic.toHtmlEscaped()), this);
    prompt->setTextFormat(Qt::RichText);
    prompt->setWordWrap(true);
    auto *nameLabel = new QLabel(tr("&Topic name:"), this);
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

    connect(m_confirm, &QLineEdit::textChanged, this, &DeleteTopicDialog::revalidate);
    setMinimumWidth(560);
    showSnapshot(latestSnapshot());
    m_confirm->setFocus();
}

QString DeleteTopicDialog::consequences(const TopicState *topic) const
{
    QString what;
    if (topic) {
        const int n = static_cast<int>(topic->partitions.size());
        what = n == 1 ? tr("Deleting topic \"%1\" removes its partition and every record in it from every broker.")
                            .arg(m_topic)
                      : tr("Deleting topic \"%1\" removes its %2 partitions and every record in them from every "
                           "broker.")
                            .arg(m_topic, QString::number(n));
    } else {
        what = tr("Deleting topic \"%1\" removes every record in it from every broker.").arg(m_topic);
    }
    return what + QLatin1Char(' ') + tr("This cannot be undone.");
}

void DeleteTopicDialog::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    const TopicState *topic = snapshot ? snapshot->topic(m_topic) : nullptr;
    m_missing = snapshot && !topic;
    QString detail = tr("Producers and consumers using it get errors, or re-create it if the brokers allow "
                        "auto.create.topics.enable.");
    if (topic && topic->internal)
        detail = tr("This is one of Kafka's internal topics: the cluster needs it to work.");
    m_warning->showMessage(TopicDialogMessage::Kind::Warning, consequences(topic), detail);
    revalidate();
}

void DeleteTopicDialog::revalidate()
{
    const bool typed = m_confirm->text() == m_topic;
    QString problem;
    if (m_missing)
        problem = tr("There is no topic named \"%1\" (any more).").arg(m_topic);
    else if (const Status s = validation::validate(request()); !s)
        problem = s.error().message;
    else if (!m_confirm->text().isEmpty() && !typed && !m_topic.startsWith(m_confirm->text()))
        problem = tr("That is not the topic's name: type \"%1\" exactly.").arg(m_topic);
    if (problem.isEmpty())
        m_message->clear();
    else
        m_message->showMessage(TopicDialogMessage::Kind::Error, problem);
    setCommand(commands::deleteTopics(commandTarget(), request()));
    if (!isReadOnly())
        actionButton()->setToolTip(typed ? QString() : tr("Type the topic's name first"));
    setSubmittable(typed && problem.isEmpty());
}

void DeleteTopicDialog::submit()
{
    const DeleteTopicsRequest r = request();
    runRequest<QMap<QString, std::optional<Error>>>(
        tr("Deleting topic %1…").arg(m_topic), [r](ClusterOperations &ops) { return ops.deleteTopics(r); },
        [this](const QMap<QString, std::optional<Error>> &results) {
            const std::optional<Error> failed = results.value(m_topic);
            if (failed) {
                showResult(*failed);
                return;
            }
            finishWithSuccess(tr("Deleted topic \"%1\".").arg(m_topic));
        });
}

} // namespace kafdesk
