#include "views/drillform.h"

#include "admin/validation.h"
#include "widgets/topiccombo.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>

namespace kafdesk {

namespace {

QSpinBox *spin(QWidget *parent, const QString &name, int min, int max, int value, const QString &suffix = {})
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(name);
    s->setRange(min, max);
    s->setValue(value);
    s->setSuffix(suffix);
    return s;
}

// A row of widgets without margins, to put in one grid cell.
QHBoxLayout *row(QWidget *holder)
{
    auto *r = new QHBoxLayout(holder);
    r->setContentsMargins(0, 0, 0, 0);
    return r;
}

} // namespace

DrillForm::DrillForm(QWidget *parent) : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    buildTopicRow(grid);
    buildProducerRow(grid);
    buildBreakRow(grid);
    renewTopicName();
    updateFields();
}

void DrillForm::buildTopicRow(QGridLayout *grid)
{
    m_newTopic = new QRadioButton(tr("New topic"), this);
    m_newTopic->setObjectName(QStringLiteral("drillNewTopic"));
    m_newTopic->setChecked(true);
    m_existingTopic = new QRadioButton(tr("Existing topic"), this);
    m_existingTopic->setObjectName(QStringLiteral("drillExistingTopic"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_newTopic);
    group->addButton(m_existingTopic);

    m_newFields = new QWidget(this);
    auto *fields = row(m_newFields);
    m_topicEdit = new QLineEdit(m_newFields);
    m_topicEdit->setObjectName(QStringLiteral("drillTopicName"));
    m_topicEdit->setMinimumWidth(180);
    m_partitions = spin(m_newFields, QStringLiteral("drillPartitions"), 1, 100, 6);
    m_replication = spin(m_newFields, QStringLiteral("drillReplication"), 1, 7, 3);
    m_minInsync = spin(m_newFields, QStringLiteral("drillMinInsync"), 1, 7, 2);
    m_minInsync->setToolTip(tr("With acks=all a write is acknowledged once this many replicas have it; with fewer "
                               "in sync the brokers refuse writes rather than risk them."));
    fields->addWidget(m_topicEdit, 1);
    fields->addWidget(new QLabel(tr("Partitions:"), m_newFields));
    fields->addWidget(m_partitions);
    fields->addWidget(new QLabel(tr("Replication factor:"), m_newFields));
    fields->addWidget(m_replication);
    fields->addWidget(new QLabel(tr("min.insync.replicas:"), m_newFields));
    fields->addWidget(m_minInsync);

    auto *existing = new QWidget(this);
    auto *existingRow = row(existing);
    m_existingCombo = new QComboBox(existing);
    m_existingCombo->setObjectName(QStringLiteral("drillExistingCombo"));
    m_existingCombo->setEditable(true);
    m_existingCombo->setInsertPolicy(QComboBox::NoInsert);
    m_existingCombo->setMinimumContentsLength(20);
    m_existingInfo = new QLabel(existing);
    existingRow->addWidget(m_existingCombo, 1);
    existingRow->addWidget(m_existingInfo, 1);

    grid->addWidget(new QLabel(tr("<b>Topic</b>"), this), 0, 0);
    grid->addWidget(m_newTopic, 0, 1);
    grid->addWidget(m_newFields, 0, 2);
    grid->addWidget(m_existingTopic, 1, 1);
    grid->addWidget(existing, 1, 2);
    grid->setColumnStretch(2, 1);
    grid->setColumnStretch(1, 0);

    connect(m_newTopic, &QRadioButton::toggled, this, &DrillForm::updateFields);
    connect(m_topicEdit, &QLineEdit::textEdited, this, [this] {
        m_nameTyped = true;
        Q_EMIT changed();
    });
    for (QSpinBox *s : {m_partitions, m_replication, m_minInsync})
        connect(s, &QSpinBox::valueChanged, this, &DrillForm::changed);
    connect(m_existingCombo, &QComboBox::currentTextChanged, this, &DrillForm::updateFields);
}

void DrillForm::buildProducerRow(QGridLayout *grid)
{
    auto *holder = new QWidget(this);
    auto *r = row(holder);
    m_acks = new QComboBox(holder);
    m_acks->setObjectName(QStringLiteral("drillAcks"));
    m_acks->addItem(tr("all (every in-sync replica)"), static_cast<int>(Acks::All));
    m_acks->addItem(tr("1 (the leader only)"), static_cast<int>(Acks::Leader));
    m_acks->setToolTip(tr("acks=all: a write is acknowledged once every in-sync replica has it, so a leader that "
                          "dies takes nothing acknowledged with it.\nacks=1: the leader alone acknowledges; if it "
                          "dies before a follower copied the write, that write is gone."));
    m_idempotence = new QCheckBox(tr("Idempotence"), holder);
    m_idempotence->setObjectName(QStringLiteral("drillIdempotence"));
    m_idempotence->setChecked(true);
    m_idempotenceReason = new QLabel(holder);
    m_idempotenceReason->setObjectName(QStringLiteral("drillIdempotenceReason"));
    m_idempotenceReason->setWordWrap(true);
    m_rate = spin(holder, QStringLiteral("drillRate"), 1, 20000, 500, tr(" messages/s"));
    r->addWidget(new QLabel(tr("acks:"), holder));
    r->addWidget(m_acks);
    r->addSpacing(12);
    r->addWidget(m_idempotence);
    r->addSpacing(12);
    r->addWidget(new QLabel(tr("Rate:"), holder));
    r->addWidget(m_rate);
    r->addSpacing(12);
    r->addWidget(m_idempotenceReason, 1);

    grid->addWidget(new QLabel(tr("<b>Producer</b>"), this), 2, 0);
    grid->addWidget(holder, 2, 1, 1, 2);
    connect(m_acks, &QComboBox::currentIndexChanged, this, &DrillForm::updateFields);
    connect(m_idempotence, &QCheckBox::clicked, this, [this](bool on) {
        m_idempotenceWanted = on;
        Q_EMIT changed();
    });
    connect(m_rate, &QSpinBox::valueChanged, this, &DrillForm::changed);
}

void DrillForm::buildBreakRow(QGridLayout *grid)
{
    auto *holder = new QWidget(this);
    auto *r = row(holder);
    m_schedule = new QWidget(holder);
    m_schedule->setObjectName(QStringLiteral("drillSchedule"));
    auto *s = row(m_schedule);
    m_interval = spin(m_schedule, QStringLiteral("drillInterval"), 3, 600, 10, tr(" s"));
    m_kills = spin(m_schedule, QStringLiteral("drillKills"), 0, 50, 5);
    m_kills->setSpecialValueText(tr("0 (none)"));
    m_kills->setToolTip(tr("0: no automatic kills. The drill runs for the duration; break brokers yourself, e.g. "
                           "on the Local cluster page."));
    s->addWidget(new QLabel(tr("Kill the leader of partition 0 every"), m_schedule));
    s->addWidget(m_interval);
    s->addWidget(new QLabel(tr("and restart it before the next,"), m_schedule));
    s->addWidget(m_kills);
    s->addWidget(new QLabel(tr("times"), m_schedule));
    m_durationBox = new QWidget(holder);
    auto *d = row(m_durationBox);
    m_duration = spin(m_durationBox, QStringLiteral("drillDuration"), 5, 3600, 60, tr(" s"));
    d->addWidget(new QLabel(tr("Run for"), m_durationBox));
    d->addWidget(m_duration);
    r->addWidget(m_schedule);
    r->addWidget(m_durationBox);
    r->addStretch(1);

    m_externalNote = new QLabel(this);
    m_externalNote->setObjectName(QStringLiteral("drillExternalNote"));
    m_externalNote->setWordWrap(true);

    grid->addWidget(new QLabel(tr("<b>Breaks</b>"), this), 3, 0);
    grid->addWidget(holder, 3, 1, 1, 2);
    grid->addWidget(m_externalNote, 4, 1, 1, 2);
    connect(m_kills, &QSpinBox::valueChanged, this, &DrillForm::updateFields);
    connect(m_interval, &QSpinBox::valueChanged, this, &DrillForm::changed);
    connect(m_duration, &QSpinBox::valueChanged, this, &DrillForm::updateFields);
}

void DrillForm::setExternal(bool external)
{
    m_external = external;
    updateFields();
}

void DrillForm::setAcks(Acks acks)
{
    const int i = m_acks->findData(static_cast<int>(acks));
    if (i >= 0)
        m_acks->setCurrentIndex(i);
}

void DrillForm::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    if (snapshot)
        fillTopicCombo(m_existingCombo, snapshot);
    updateFields();
}

void DrillForm::renewTopicName(bool force)
{
    if (m_nameTyped && !force)
        return;
    m_nameTyped = false;
    m_topicEdit->setText(QStringLiteral("drill-") + QDateTime::currentDateTime().toString(QStringLiteral("HHmmss")));
    Q_EMIT changed();
}

const TopicState *DrillForm::existingTopic() const
{
    return m_snapshot ? m_snapshot->topic(m_existingCombo->currentText().trimmed()) : nullptr;
}

void DrillForm::updateFields()
{
    const bool creating = m_newTopic->isChecked();
    m_newFields->setEnabled(creating);
    m_existingCombo->setEnabled(!creating);
    const TopicState *existing = existingTopic();
    m_existingInfo->setText(existing ? tr("%n partition(s), replication factor %1", nullptr,
                                          static_cast<int>(existing->partitions.size()))
                                           .arg(existing->replicationFactor())
                                     : QString());

    // Idempotence makes the broker drop a retried batch it already has; it rests on acks=all.
    const bool all = static_cast<Acks>(m_acks->currentData().toInt()) == Acks::All;
    m_idempotence->setEnabled(all);
    m_idempotence->setChecked(all && m_idempotenceWanted);
    const QString reason =
        all ? QString()
            : tr("Idempotence needs acks=all: the producer's de-duplication relies on every in-sync replica having "
                 "the write, so with acks=1 it is off.");
    m_idempotenceReason->setText(reason);
    m_idempotence->setToolTip(reason.isEmpty() ? tr("The brokers drop a batch the producer sends again after a "
                                                    "timeout, so a retry never writes a message twice.")
                                               : reason);

    // Only the bundled cluster's nodes are Kafdesk's to kill.
    m_schedule->setVisible(!m_external);
    m_durationBox->setVisible(m_external || m_kills->value() == 0);
    if (m_external) {
        m_externalNote->setText(tr("Kafdesk cannot break brokers of an external cluster: break them yourself while "
                                   "the drill runs; it ends after %n s or when you press Finish.",
                                   nullptr, m_duration->value()));
    } else if (m_kills->value() == 0) {
        m_externalNote->setText(tr("No automatic kills: break brokers yourself (on the Local cluster page) while the "
                                   "drill runs; it ends after %n s or when you press Finish.",
                                   nullptr, m_duration->value()));
    } else {
        m_externalNote->clear();
    }
    m_externalNote->setVisible(!m_externalNote->text().isEmpty());
    Q_EMIT changed();
}

DrillConfig DrillForm::config() const
{
    DrillConfig c;
    c.createTopic = m_newTopic->isChecked();
    c.topic = (c.createTopic ? m_topicEdit->text() : m_existingCombo->currentText()).trimmed();
    if (c.createTopic) {
        c.partitions = m_partitions->value();
        c.replicationFactor = m_replication->value();
        c.minInsyncReplicas = m_minInsync->value();
    } else if (const TopicState *t = existingTopic()) {
        c.partitions = static_cast<int>(t->partitions.size());
        c.replicationFactor = t->replicationFactor();
        c.minInsyncReplicas = 0; // the topic's own setting applies
    }
    c.acks = static_cast<Acks>(m_acks->currentData().toInt());
    c.idempotence = c.acks == Acks::All && m_idempotence->isChecked();
    c.messagesPerSecond = m_rate->value();
    c.kills = m_external ? 0 : m_kills->value();
    c.killInterval = std::chrono::seconds(m_interval->value());
    c.duration = std::chrono::seconds(m_duration->value());
    return c;
}

QStringList DrillForm::problems() const
{
    QStringList out;
    const DrillConfig c = config();
    const Status name = validation::validateTopicName(c.topic);
    if (c.topic.isEmpty())
        out << tr("Enter a name for the drill's topic.");
    else if (!name)
        out << name.error().message;
    else if (c.topic.startsWith(QStringLiteral("__")))
        out << tr("\"%1\" looks like one of Kafka's internal topics: a drill writes into its topic, so choose another.")
                   .arg(c.topic);
    const int alive = m_snapshot ? static_cast<int>(m_snapshot->aliveBrokerIds().size()) : -1;
    if (c.createTopic) {
        if (name && m_snapshot && m_snapshot->topic(c.topic))
            out << tr("A topic named \"%1\" exists already: choose another name, or pick it under Existing topic.")
                       .arg(c.topic);
        if (alive >= 0 && c.replicationFactor > alive)
            out << tr("Replication factor %1 needs %1 live brokers; the cluster has %n now.", nullptr, alive)
                       .arg(c.replicationFactor);
        if (c.minInsyncReplicas > c.replicationFactor)
            out << tr("min.insync.replicas (%1) cannot be more than the replication factor (%2): no write with "
                      "acks=all could ever be acknowledged.")
                       .arg(c.minInsyncReplicas)
                       .arg(c.replicationFactor);
    } else if (name && m_snapshot && !existingTopic()) {
        out << tr("The cluster has no topic \"%1\": choose one from the list, or create a new one.").arg(c.topic);
    }
    return out;
}

QStringList DrillForm::notes() const
{
    QStringList out;
    const DrillConfig c = config();
    if (c.kills <= 0)
        return out;
    if (c.createTopic && c.acks == Acks::All && c.minInsyncReplicas >= c.replicationFactor)
        out << tr("min.insync.replicas equals the replication factor: while a node is down, writes with acks=all are "
                  "refused (counted as failed, not lost).");
    return out;
}

} // namespace kafdesk
