#include "dialogs/createtopicdialog.h"

#include "admin/validation.h"
#include "dialogs/topicdialogbrokerdefaults.h"
#include "dialogs/topicdialogconfigtable.h"
#include "dialogs/topicdialogmessage.h"
#include "dialogs/topicdialogpresetfield.h"
#include "models/configunits.h"
#include "widgets/commandlinepreview.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTableWidget>

#include <algorithm>

namespace kafdesk {

namespace {

const QString retentionKey = QStringLiteral("retention.ms");
const QString cleanupKey = QStringLiteral("cleanup.policy");
const QString minInsyncKey = QStringLiteral("min.insync.replicas");
const QString maxMessageKey = QStringLiteral("max.message.bytes");

QSpinBox *defaultableSpinBox(const QString &objectName, int maximum, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, maximum);
    spin->setSpecialValueText(CreateTopicDialog::tr("Broker default"));
    spin->setAccelerated(true);
    return spin;
}

} // namespace

CreateTopicDialog::CreateTopicDialog(QWidget *parent, ClusterSession *session, MessageLog *log)
    : TopicDialog(parent, session, log, tr("Create Topic"))
{
    setObjectName(QStringLiteral("createTopicDialog"));
    if (session)
        setWindowTitle(tr("Create Topic — %1").arg(session->settings().name));
    else
        setWindowTitle(tr("Create Topic"));
    buildForm();
    setMinimumWidth(640);
    commandLine()->setVisibleLines(6); // tool, servers, topic, counts and a few configs
    showSnapshot(latestSnapshot());
    m_name->setFocus();
}

void CreateTopicDialog::buildForm()
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("topicName"));
    m_name->setPlaceholderText(tr("e.g. orders or payments-v2"));
    m_name->setMinimumWidth(m_name->fontMetrics().averageCharWidth() * 40);
    m_name->setClearButtonEnabled(true);
    m_nameMessage = new TopicDialogMessage(this);
    m_nameMessage->setObjectName(QStringLiteral("nameMessage"));

    m_partitions = new QSpinBox(this);
    m_partitions->setObjectName(QStringLiteral("partitions"));
    m_partitions->setRange(1, validation::maxPartitionsPerRequest);
    m_partitions->setValue(1);
    m_partitions->setAccelerated(true);
    m_partitions->setToolTip(tr("Partitions can be added later, never removed."));

    m_replication = defaultableSpinBox(QStringLiteral("replicationFactor"), validation::maxReplicationFactor, this);
    m_replication->setToolTip(tr("How many brokers keep a copy of each partition. At most the number of live "
                                 "brokers."));
    m_brokersHint = new QLabel(this);
    m_brokersHint->setObjectName(QStringLiteral("brokersHint"));
    auto *replicationRow = new QHBoxLayout;
    replicationRow->addWidget(m_replication);
    replicationRow->addWidget(m_brokersHint, 1);

    m_retention = new TopicDialogPresetField(retentionKey, QStringLiteral("retention"), this);
    m_retention->addBrokerDefault(tr("Broker default"));
    m_retention->addPreset(tr("1 hour"), QStringLiteral("3600000"));
    m_retention->addPreset(tr("1 day"), QStringLiteral("86400000"));
    m_retention->addPreset(tr("7 days"), QStringLiteral("604800000"));
    m_retention->addPreset(tr("30 days"), QStringLiteral("2592000000"));
    m_retention->addPreset(tr("Forever"), QStringLiteral("-1"));
    m_retention->addCustom(tr("Custom…"), tr("milliseconds"));
    m_retention->combo()->setToolTip(tr("retention.ms: how long records are kept before they may be deleted"));

    m_cleanup = new TopicDialogPresetField(cleanupKey, QStringLiteral("cleanupPolicy"), this);
    m_cleanup->addBrokerDefault(tr("Broker default"));
    m_cleanup->addPreset(tr("Delete old records (delete)"), QStringLiteral("delete"));
    m_cleanup->addPreset(tr("Keep the latest record per key (compact)"), QStringLiteral("compact"));
    m_cleanup->addPreset(tr("Compact, and delete old records (compact,delete)"), QStringLiteral("compact,delete"));
    m_cleanup->combo()->setToolTip(tr("cleanup.policy"));

    m_minInsync = defaultableSpinBox(QStringLiteral("minInsyncReplicas"), validation::maxReplicationFactor, this);
    m_minInsync->setToolTip(tr("min.insync.replicas: with acks=all, a write succeeds only once this many replicas "
                               "have it. At most the replication factor."));

    m_maxMessage = new TopicDialogPresetField(maxMessageKey, QStringLiteral("maxMessageBytes"), this);
    m_maxMessage->addBrokerDefault(tr("Broker default"));
    m_maxMessage->addPreset(tr("1 MiB"), QStringLiteral("1048576"));
    m_maxMessage->addPreset(tr("5 MiB"), QStringLiteral("5242880"));
    m_maxMessage->addPreset(tr("10 MiB"), QStringLiteral("10485760"));
    m_maxMessage->addCustom(tr("Custom…"), tr("bytes"));
    m_maxMessage->combo()->setToolTip(tr("max.message.bytes: the largest record batch the topic accepts"));

    m_others = new TopicDialogConfigTable(this);
    m_formMessage = new TopicDialogMessage(this);
    m_formMessage->setObjectName(QStringLiteral("validationMessage"));

    auto *form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    auto addLabelled = [this, form](const QString &text, QWidget *field, QLayout *fieldLayout = nullptr) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        if (fieldLayout)
            form->addRow(label, fieldLayout);
        else
            form->addRow(label, field);
    };
    addLabelled(tr("&Name:"), m_name);
    m_nameMessage->addToForm(form);
    addLabelled(tr("&Partitions:"), m_partitions);
    addLabelled(tr("&Replication factor:"), m_replication, replicationRow);
    auto addPreset = [this, form](const QString &text, TopicDialogPresetField *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field->combo());
        form->addRow(label, field);
    };
    addPreset(tr("Re&tention:"), m_retention);
    addPreset(tr("&Cleanup policy:"), m_cleanup);
    addLabelled(tr("&Min. in-sync replicas:"), m_minInsync);
    addPreset(tr("Max. &message size:"), m_maxMessage);
    {
        auto *label = new QLabel(tr("&Other configs:"), this);
        label->setBuddy(m_others->table());
        label->setAlignment(form->labelAlignment() | Qt::AlignTop);
        form->addRow(label, m_others);
    }
    m_formMessage->addToForm(form);
    contentLayout()->addLayout(form);

    equalizeSpinBoxes();

    setTabOrder(m_name, m_partitions);
    setTabOrder(m_partitions, m_replication);
    setTabOrder(m_replication, m_retention->combo());
    setTabOrder(m_retention->combo(), m_retention->customEdit());
    setTabOrder(m_retention->customEdit(), m_cleanup->combo());
    setTabOrder(m_cleanup->combo(), m_minInsync);
    setTabOrder(m_minInsync, m_maxMessage->combo());
    setTabOrder(m_maxMessage->combo(), m_maxMessage->customEdit());
    setTabOrder(m_maxMessage->customEdit(), m_others->table());

    connect(m_name, &QLineEdit::textChanged, this, &CreateTopicDialog::revalidate);
    connect(m_partitions, &QSpinBox::valueChanged, this, &CreateTopicDialog::revalidate);
    connect(m_replication, &QSpinBox::valueChanged, this, [this] {
        m_replicationTouched = true;
        revalidate();
    });
    connect(m_minInsync, &QSpinBox::valueChanged, this, &CreateTopicDialog::revalidate);
    for (TopicDialogPresetField *field : {m_retention, m_cleanup, m_maxMessage})
        connect(field, &TopicDialogPresetField::changed, this, &CreateTopicDialog::revalidate);
    connect(m_others, &TopicDialogConfigTable::changed, this, &CreateTopicDialog::revalidate);
}

void CreateTopicDialog::equalizeSpinBoxes()
{
    // As wide as the widest text ("Broker default: 2"), all alike, not stretched.
    int width = 0;
    for (QSpinBox *spin : {m_partitions, m_replication, m_minInsync}) {
        spin->setMinimumWidth(0);
        width = std::max(width, spin->sizeHint().width());
    }
    for (QSpinBox *spin : {m_partitions, m_replication, m_minInsync}) {
        spin->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
        spin->setMinimumWidth(width);
    }
}

void CreateTopicDialog::requestBrokerDefaults(const ClusterSnapshot &snapshot)
{
    const QList<int> alive = snapshot.aliveBrokerIds();
    if (m_defaultsRequested || alive.isEmpty() || !session())
        return;
    m_defaultsRequested = true;
    const int broker = alive.first();
    // A read in the background: the form works without it, the labels just say less.
    session()->submit<QList<ConfigEntry>>(
        [broker](ClusterOperations &ops) { return ops.topics().brokerConfigs(broker); }, this,
        [this](const Result<QList<ConfigEntry>> &configs) {
            if (configs)
                showBrokerDefaults(topicDefaultsFromBroker(configs.value()));
        });
}

void CreateTopicDialog::showBrokerDefaults(const QMap<QString, QString> &defaults)
{
    m_brokerDefaults = defaults;
    auto label = [&defaults](const QString &key) {
        const QString value = defaults.value(key);
        const QString human = humanConfigValue(key, value);
        return value.isEmpty() ? tr("Broker default") : tr("Broker default: %1").arg(human.isEmpty() ? value : human);
    };
    for (TopicDialogPresetField *field : {m_retention, m_cleanup, m_maxMessage})
        field->setBrokerDefaultLabel(label(field->configName()));
    m_minInsync->setSpecialValueText(label(minInsyncKey));
    equalizeSpinBoxes();
    revalidate();
}

CreateTopicRequest CreateTopicDialog::request() const
{
    CreateTopicRequest r;
    r.name = m_name->text();
    r.partitions = m_partitions->value();
    r.replicationFactor = m_replication->value() == 0 ? -1 : m_replication->value();
    for (const TopicDialogPresetField *field : {m_retention, m_cleanup, m_maxMessage})
        if (const auto value = field->value())
            r.configs.insert(field->configName(), *value);
    if (m_minInsync->value() > 0)
        r.configs.insert(minInsyncKey, QString::number(m_minInsync->value()));
    for (const auto &[name, value] : m_others->entries())
        if (!r.configs.contains(name))
            r.configs.insert(name, value);
    return r;
}

void CreateTopicDialog::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (snapshot) {
        m_existing.clear();
        for (const TopicState &t : snapshot->topics)
            m_existing << t.name;
        m_liveBrokers = static_cast<int>(snapshot->aliveBrokerIds().size());
        m_brokersHint->setText(m_liveBrokers == 1 ? tr("1 broker alive") : tr("%1 brokers alive").arg(m_liveBrokers));
        requestBrokerDefaults(*snapshot);
        if (!m_replicationTouched && m_liveBrokers > 0) {
            const QSignalBlocker blocker(m_replication);
            m_replication->setValue(std::min(3, m_liveBrokers)); // Kafka's advice: 3 copies where there are 3 brokers
        }
    } else {
        m_brokersHint->setText(tr("waiting for the cluster's broker list…"));
    }
    revalidate();
}

QString CreateTopicDialog::nameProblem(const QString &name, QString *warning) const
{
    if (const Status s = validation::validateTopicName(name); !s)
        return s.error().message;
    if (m_existing.contains(name))
        return tr("A topic named \"%1\" exists already.").arg(name);
    if (const QString collision = validation::collisionWarning(name, m_existing); !collision.isEmpty())
        return collision;
    const bool dot = name.contains(QLatin1Char('.'));
    const bool underscore = name.contains(QLatin1Char('_'));
    if (dot && underscore)
        *warning = tr("Kafka's metric names turn '.' into '_', so topics that differ only there collide: best use "
                      "one of the two, not both.");
    else if (dot || underscore)
        *warning = tr("Kafka's metric names turn '.' into '_': no other topic may differ from this one only there.");
    if (name.startsWith(QLatin1String("__")))
        *warning = tr("Names starting with \"__\" are, by convention, for Kafka's internal topics.");
    return {};
}

QString CreateTopicDialog::duplicateConfig() const
{
    QSet<QString> chosen;
    for (const TopicDialogPresetField *field : {m_retention, m_cleanup, m_maxMessage})
        if (field->value())
            chosen.insert(field->configName());
    if (m_minInsync->value() > 0)
        chosen.insert(minInsyncKey);
    QSet<QString> inTable;
    for (const auto &entry : m_others->entries()) {
        const QString &name = entry.first;
        if (chosen.contains(name))
            return tr("%1 is chosen above already; remove it from the table or leave its field at \"Broker default\".")
                .arg(name);
        if (inTable.contains(name) && !name.isEmpty())
            return tr("%1 is in the table twice.").arg(name);
        inTable.insert(name);
    }
    return {};
}

QString CreateTopicDialog::minInsyncWarning(const CreateTopicRequest &r) const
{
    // The brokers' own min.insync.replicas applies when the topic sets none.
    if (r.configs.contains(minInsyncKey) || r.replicationFactor < 1)
        return {};
    bool ok = false;
    const int brokerMin = m_brokerDefaults.value(minInsyncKey).toInt(&ok);
    if (!ok || brokerMin <= r.replicationFactor)
        return {};
    return tr("The brokers' default min.insync.replicas is %1, more than the replication factor %2: producers "
              "with acks=all could never write. Set min. in-sync replicas for this topic.")
        .arg(brokerMin)
        .arg(r.replicationFactor);
}

void CreateTopicDialog::revalidate()
{
    const CreateTopicRequest r = request();
    QString warning;
    const QString nameError = r.name.isEmpty() ? QString() : nameProblem(r.name, &warning);
    if (!nameError.isEmpty())
        m_nameMessage->showMessage(TopicDialogMessage::Kind::Error, nameError);
    else if (!warning.isEmpty())
        m_nameMessage->showMessage(TopicDialogMessage::Kind::Warning, warning);
    else
        m_nameMessage->clear();

    // The rest once the name is right: the core's own check, the one ClusterOperations applies
    // against live metadata before sending (counts, then configs).
    QString formError;
    if (!r.name.isEmpty() && nameError.isEmpty()) {
        formError = duplicateConfig();
        if (formError.isEmpty())
            if (const Status s = validation::validate(r, m_liveBrokers, m_existing); !s)
                formError = s.error().message;
    }
    if (!formError.isEmpty())
        m_formMessage->showMessage(TopicDialogMessage::Kind::Error, formError);
    else if (const QString w = minInsyncWarning(r); !w.isEmpty())
        m_formMessage->showMessage(TopicDialogMessage::Kind::Warning, w);
    else
        m_formMessage->clear();

    setCommand(commands::createTopic(commandTarget(), r));
    setSubmittable(!r.name.isEmpty() && nameError.isEmpty() && formError.isEmpty());
}

void CreateTopicDialog::submit()
{
    const CreateTopicRequest r = request();
    const QString partitions = r.partitions == 1 ? tr("1 partition") : tr("%1 partitions").arg(r.partitions);
    const QString replication = r.replicationFactor < 0 ? tr("the broker's default replication factor")
                                                        : tr("replication factor %1").arg(r.replicationFactor);
    runRequest<Done>(
        tr("Creating topic %1…").arg(r.name), [r](ClusterOperations &ops) { return ops.createTopic(r); },
        [this, r, partitions, replication](const Done &) {
            finishWithSuccess(tr("Created topic \"%1\" (%2, %3).").arg(r.name, partitions, replication));
        });
}

} // namespace kafdesk
