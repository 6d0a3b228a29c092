#include "views/produceform.h"

#include "kafka/partitioner.h"
#include "messages/producepayload.h"
#include "settings.h"
#include "widgets/topiccombo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

const SettingValue<QString> &acksSetting()
{
    static const SettingValue<QString> s(QStringLiteral("produce/acks"), QStringLiteral("all"));
    return s;
}

const SettingValue<QString> &compressionSetting()
{
    static const SettingValue<QString> s(QStringLiteral("produce/compression"), QStringLiteral("none"));
    return s;
}

const SettingValue<QString> &formatSetting()
{
    static const SettingValue<QString> s(QStringLiteral("produce/format"), QStringLiteral("text"));
    return s;
}

const SettingValue<bool> &idempotenceSetting()
{
    static const SettingValue<bool> s(QStringLiteral("produce/idempotence"), true);
    return s;
}

void selectData(QComboBox *combo, const QString &value)
{
    const int i = combo->findData(value);
    if (i >= 0)
        combo->setCurrentIndex(i);
}

} // namespace

ProduceForm::ProduceForm(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buildMessageBox(), 5);
    m_side = new QVBoxLayout;
    m_side->addWidget(buildOptionsBox());
    layout->addLayout(m_side, 4);

    selectData(m_format, formatSetting().get());
    selectData(m_acks, acksSetting().get());
    selectData(m_compression, compressionSetting().get());
    m_idempotence->setChecked(idempotenceSetting().get() && m_acks->currentData().toString() == acksValue(Acks::All));
    onAcksChanged();
    updateFormat();
    updateHints();

    auto edited = [this] {
        updateHints();
        Q_EMIT changed();
    };
    connect(m_topic, &QComboBox::currentTextChanged, this, [this, edited] {
        updatePartitionLimit();
        edited();
    });
    connect(m_automatic, &QRadioButton::toggled, this, [this, edited] {
        m_partition->setEnabled(m_chosen->isChecked());
        edited();
    });
    connect(m_partition, &QSpinBox::valueChanged, this, [this, edited] {
        updatePartitionLimit();
        edited();
    });
    connect(m_key, &QLineEdit::textChanged, this, edited);
    connect(m_nullKey, &QCheckBox::toggled, this, [this, edited](bool null) {
        m_key->setEnabled(!null);
        edited();
    });
    connect(m_format, &QComboBox::currentIndexChanged, this, [this, edited] {
        updateFormat();
        save();
        edited();
    });
    connect(m_value, &QPlainTextEdit::textChanged, this, edited);
    connect(m_file, &QLineEdit::textChanged, this, edited);
    connect(m_headers, &QTableWidget::itemChanged, this, edited);
    connect(m_headers, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeHeader->setEnabled(!m_headers->selectedItems().isEmpty()); });
    connect(m_addHeader, &QPushButton::clicked, this, [this, edited] {
        const int row = addHeader();
        m_headers->setCurrentCell(row, 0);
        m_headers->editItem(m_headers->item(row, 0));
        edited();
    });
    connect(m_removeHeader, &QPushButton::clicked, this, [this, edited] {
        QList<int> rows;
        for (const QTableWidgetItem *item : m_headers->selectedItems())
            if (!rows.contains(item->row()))
                rows << item->row();
        std::sort(rows.rbegin(), rows.rend());
        for (int row : rows)
            m_headers->removeRow(row);
        edited();
    });
    connect(m_copies, &QSpinBox::valueChanged, this, edited);
    connect(m_acks, &QComboBox::currentIndexChanged, this, [this, edited] {
        onAcksChanged();
        save();
        edited();
    });
    connect(m_idempotence, &QCheckBox::toggled, this, [this, edited] {
        if (m_idempotence->isChecked())
            m_note->clear();
        save();
        edited();
    });
    connect(m_compression, &QComboBox::currentIndexChanged, this, [this, edited] {
        save();
        edited();
    });
}

void ProduceForm::onAcksChanged()
{
    const bool all = m_acks->currentData().toString() == acksValue(Acks::All);
    if (!all && m_idempotence->isChecked()) {
        // Kafka allows idempotence only with acks=all: turn it off and say so.
        const QSignalBlocker blocker(m_idempotence);
        m_idempotence->setChecked(false);
        m_note->setText(tr("Idempotence turned off: it needs acks=all."));
    }
    m_idempotence->setEnabled(all);
    m_idempotence->setToolTip(all ? tr("enable.idempotence: on by default here, as in Kafka's Java client "
                                       "(librdkafka's own default is off).")
                                  : tr("Idempotence needs acks=all."));
}

void ProduceForm::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Send a File as the Value"), m_file->text());
    if (!path.isEmpty())
        m_file->setText(path);
}

void ProduceForm::updateFormat()
{
    const auto format = valueFormatFromValue(m_format->currentData().toString()).value_or(ValueFormat::Text);
    m_fileRow->setVisible(format == ValueFormat::File);
    m_value->setVisible(format != ValueFormat::File);
    switch (format) {
    case ValueFormat::Text:
        m_value->setPlaceholderText(tr("The value, as text. {i} is replaced by the copy's number."));
        break;
    case ValueFormat::Json:
        m_value->setPlaceholderText(tr("{\"id\": {i}, \"event\": \"signup\"}"));
        break;
    case ValueFormat::Hex:
        m_value->setPlaceholderText(tr("Hex bytes, e.g. de ad be ef"));
        break;
    case ValueFormat::File:
        break;
    }
}

int ProduceForm::addHeader(const QString &name, const QString &value)
{
    const QSignalBlocker blocker(m_headers);
    const int row = m_headers->rowCount();
    m_headers->insertRow(row);
    m_headers->setItem(row, 0, new QTableWidgetItem(name));
    m_headers->setItem(row, 1, new QTableWidgetItem(value));
    return row;
}

ProduceRequest ProduceForm::request() const
{
    ProduceRequest r;
    r.topic = m_topic->currentText().trimmed();
    r.partition = m_chosen->isChecked() ? m_partition->value() : -1;
    if (!m_nullKey->isChecked())
        r.key = m_key->text();
    r.format = valueFormatFromValue(m_format->currentData().toString()).value_or(ValueFormat::Text);
    r.value = r.format == ValueFormat::File ? m_file->text() : m_value->toPlainText();
    for (int row = 0; row < m_headers->rowCount(); ++row) {
        const QTableWidgetItem *name = m_headers->item(row, 0);
        const QTableWidgetItem *value = m_headers->item(row, 1);
        r.headers.append({name ? name->text() : QString(), value ? value->text() : QString()});
    }
    r.copies = m_copies->value();
    r.acks = acksFromValue(m_acks->currentData().toString()).value_or(Acks::All);
    r.idempotence = m_idempotence->isChecked();
    r.compression = compressionFromValue(m_compression->currentData().toString()).value_or(Compression::None);
    return r;
}

void ProduceForm::setTopic(const QString &topic)
{
    m_topic->setCurrentText(topic);
}

QString ProduceForm::topic() const
{
    return m_topic->currentText().trimmed();
}

void ProduceForm::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    fillTopicCombo(m_topic, snapshot);
    updatePartitionLimit();
    updateHints();
    Q_EMIT changed();
}

produce::TopicInfo ProduceForm::topicInfo() const
{
    if (!m_snapshot)
        return produce::TopicInfo::unknown();
    const TopicState *t = m_snapshot->topic(topic());
    if (!t)
        return produce::TopicInfo::missing();
    return produce::TopicInfo::withPartitions(static_cast<int>(t->partitions.size()));
}

void ProduceForm::updatePartitionLimit()
{
    const produce::TopicInfo info = topicInfo();
    const int limit = info.known == produce::TopicInfo::Known::Exists ? std::max(0, info.partitionCount - 1) : 9999;
    // Never move the user's choice silently: a partition the topic does not have stays, and the
    // form says so, until the user lowers it.
    const QSignalBlocker blocker(m_partition);
    m_partition->setMaximum(std::max(limit, m_partition->value()));
    m_partition->setToolTip(info.known == produce::TopicInfo::Known::Exists
                                ? tr("Partitions 0 to %1 of %2").arg(info.partitionCount - 1).arg(topic())
                                : QString());
}

QString ProduceForm::partitionHint() const
{
    return m_hint->text();
}

QString ProduceForm::valueStatus() const
{
    return m_valueStatus->text();
}

void ProduceForm::updateHints()
{
    const produce::TopicInfo info = topicInfo();
    const bool exists = info.known == produce::TopicInfo::Known::Exists;
    QString hint;
    if (m_chosen->isChecked())
        hint = tr("→ partition %1 (chosen)").arg(m_partition->value());
    else if (m_nullKey->isChecked())
        hint = tr("→ a partition chosen at random for each message (null key)");
    else if (exists) {
        const QString key = m_key->text();
        QString first = key;
        first.replace(QStringLiteral("{i}"), QString::number(produce::firstCounter));
        const int p = javaPartitionForKey(first.toUtf8(), info.partitionCount);
        hint = m_key->text().contains(QStringLiteral("{i}"))
                   ? tr("→ varies with {i}; copy 1 → partition %1 (murmur2, as Kafka's Java client)").arg(p)
                   : tr("→ partition %1 (murmur2, as Kafka's Java client)").arg(p);
    }
    m_hint->setText(hint);

    const ProduceRequest r = request();
    QString status;
    if (r.format == ValueFormat::Json && !r.value.trimmed().isEmpty()) {
        const Status s = produce::checkJson(r.value);
        status = s ? tr("✓ Valid JSON") : tr("✗ %1").arg(s.error().message);
    } else if (r.format == ValueFormat::Hex && !r.value.trimmed().isEmpty()) {
        const auto bytes = produce::parseHex(r.value);
        status = !bytes ? tr("✗ %1").arg(bytes.error().message)
                 : bytes->size() == 1 ? tr("1 byte")
                                      : tr("%1 bytes").arg(produce::groupedNumber(bytes->size()));
    }
    m_valueStatus->setText(status);
    m_valueStatus->setVisible(!status.isEmpty());
}

void ProduceForm::save() const
{
    acksSetting().set(m_acks->currentData().toString());
    compressionSetting().set(m_compression->currentData().toString());
    formatSetting().set(m_format->currentData().toString());
    idempotenceSetting().set(m_idempotence->isChecked());
}

} // namespace kafdesk
