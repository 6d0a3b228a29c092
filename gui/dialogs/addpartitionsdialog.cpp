#include "dialogs/addpartitionsdialog.h"

#include "admin/validation.h"
#include "dialogs/topicdialogmessage.h"

#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace kafdesk {

AddPartitionsDialog::AddPartitionsDialog(QWidget *parent, ClusterSession *session, MessageLog *log,
                                         const QString &topic)
    : TopicDialog(parent, session, log, tr("Add Partitions"))
    , m_topic(topic)
    , m_currentLabel(new QLabel(this))
    , m_total(new QSpinBox(this))
    , m_message(new TopicDialogMessage(this))
    , m_keyWarning(new TopicDialogMessage(this))
{
    setObjectName(QStringLiteral("addPartitionsDialog"));
    setWindowTitle(tr("Add Partitions — %1").arg(topic));

    auto *topicLabel = new QLabel(topic, this);
    topicLabel->setObjectName(QStringLiteral("topicName"));
    topicLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = topicLabel->font();
    bold.setBold(true);
    topicLabel->setFont(bold);
    m_currentLabel->setObjectName(QStringLiteral("currentPartitions"));
    m_total->setObjectName(QStringLiteral("totalPartitions"));
    m_total->setRange(1, validation::maxPartitionsPerRequest);
    m_total->setAccelerated(true);
    m_total->setMinimumWidth(m_total->fontMetrics().averageCharWidth() * 12);
    m_total->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_total->setToolTip(tr("The topic's new number of partitions, as kafka-topics --alter --partitions takes it"));
    m_message->setObjectName(QStringLiteral("validationMessage"));
    m_keyWarning->setObjectName(QStringLiteral("keyWarning"));
    m_keyWarning->showMessage(
        TopicDialogMessage::Kind::Warning,
        tr("Records with a key go to the partition the key hashes to, modulo the number of partitions. After the "
           "change most keys map to a different partition: a key's new records no longer follow its old ones in "
           "one partition, so per-key order across the change is lost, and compaction keeps the old values apart."),
        tr("Partitions cannot be removed again."));

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Topic:"), topicLabel);
    form->addRow(tr("Current partitions:"), m_currentLabel);
    auto *totalLabel = new QLabel(tr("&New total:"), this);
    totalLabel->setBuddy(m_total);
    form->addRow(totalLabel, m_total);
    m_message->addToForm(form);
    contentLayout()->addLayout(form);
    contentLayout()->addSpacing(6);
    contentLayout()->addWidget(m_keyWarning);
    contentLayout()->addStretch(1);

    connect(m_total, &QSpinBox::valueChanged, this, [this] {
        m_totalTouched = true;
        revalidate();
    });
    setMinimumWidth(560);
    showSnapshot(latestSnapshot());
    m_total->setFocus();
    m_total->selectAll();
}

AddPartitionsRequest AddPartitionsDialog::request() const
{
    return AddPartitionsRequest{m_topic, m_total->value()};
}

void AddPartitionsDialog::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    const TopicState *topic = snapshot ? snapshot->topic(m_topic) : nullptr;
    m_missing = snapshot && !topic;
    m_current = topic ? static_cast<int>(topic->partitions.size()) : -1;
    m_currentLabel->setText(topic ? QString::number(m_current) : snapshot ? tr("(no such topic)") : tr("(loading…)"));
    if (m_current >= 0) {
        const QSignalBlocker blocker(m_total);
        // Room for the largest request Kafdesk makes; the value itself is checked below, not clamped.
        const qint64 top = std::min<qint64>(std::numeric_limits<int>::max(),
                                            static_cast<qint64>(m_current) + validation::maxPartitionsPerRequest);
        m_total->setMaximum(static_cast<int>(top));
        if (!m_totalTouched)
            m_total->setValue(m_current + 1);
    }
    revalidate();
}

void AddPartitionsDialog::revalidate()
{
    const AddPartitionsRequest r = request();
    QString problem;
    if (m_missing)
        problem = tr("There is no topic named \"%1\" (any more).").arg(m_topic);
    else if (const Status s = validation::validate(r, m_current); !s)
        problem = s.error().message;
    if (problem.isEmpty())
        m_message->clear();
    else
        m_message->showMessage(TopicDialogMessage::Kind::Error, problem);
    setCommand(commands::addPartitions(commandTarget(), r));
    setSubmittable(problem.isEmpty() && m_current >= 0);
}

void AddPartitionsDialog::submit()
{
    const AddPartitionsRequest r = request();
    const int before = m_current;
    runRequest<Done>(
        tr("Adding partitions to %1…").arg(m_topic), [r](ClusterOperations &ops) { return ops.addPartitions(r); },
        [this, r, before](const Done &) {
            finishWithSuccess(tr("Topic \"%1\" now has %2 partitions (it had %3).")
                                  .arg(r.topic, QString::number(r.totalPartitions), QString::number(before)));
        });
}

} // namespace kafdesk
