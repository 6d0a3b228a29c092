// ProduceForm's widgets and their layout (the behaviour is in produceform.cpp).

#include "views/produceform.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
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

QLabel *hintLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

QWidget *ProduceForm::buildMessageBox()
{
    auto *box = new QGroupBox(tr("Message"), this);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_topic = new QComboBox(box);
    m_topic->setEditable(true);
    m_topic->setInsertPolicy(QComboBox::NoInsert);
    m_topic->lineEdit()->setPlaceholderText(tr("Choose or type a topic"));
    m_topic->setAccessibleName(tr("Topic"));
    form->addRow(tr("&Topic:"), m_topic);

    auto *partitionRow = new QHBoxLayout;
    m_automatic = new QRadioButton(tr("&Automatic (by key)"), box);
    m_chosen = new QRadioButton(tr("Partition"), box);
    auto *group = new QButtonGroup(box);
    group->addButton(m_automatic);
    group->addButton(m_chosen);
    m_automatic->setChecked(true);
    m_partition = new QSpinBox(box);
    m_partition->setRange(0, 0);
    m_partition->setEnabled(false);
    m_partition->setAccessibleName(tr("Partition number"));
    partitionRow->addWidget(m_automatic);
    partitionRow->addWidget(m_chosen);
    partitionRow->addWidget(m_partition);
    partitionRow->addStretch();
    form->addRow(tr("Partition:"), partitionRow);

    auto *keyRow = new QHBoxLayout;
    m_key = new QLineEdit(box);
    m_key->setPlaceholderText(tr("e.g. user-42 (an empty key is a key)"));
    m_key->setAccessibleName(tr("Key"));
    m_nullKey = new QCheckBox(tr("&Null key"), box);
    m_nullKey->setToolTip(tr("Send no key at all: each message goes to a partition chosen at random."));
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(m_nullKey);
    auto *keyLabel = new QLabel(tr("&Key:"), box);
    keyLabel->setBuddy(m_key);
    form->addRow(keyLabel, keyRow);
    m_hint = hintLabel(box);
    form->addRow(QString(), m_hint);

    auto *formatRow = new QHBoxLayout;
    m_format = new QComboBox(box);
    m_format->addItem(tr("Text (UTF-8)"), valueFormatValue(ValueFormat::Text));
    m_format->addItem(tr("JSON"), valueFormatValue(ValueFormat::Json));
    m_format->addItem(tr("Hex bytes"), valueFormatValue(ValueFormat::Hex));
    m_format->addItem(tr("File…"), valueFormatValue(ValueFormat::File));
    m_format->setAccessibleName(tr("Value format"));
    formatRow->addWidget(m_format);
    m_fileRow = new QWidget(box);
    auto *fileLayout = new QHBoxLayout(m_fileRow);
    fileLayout->setContentsMargins(0, 0, 0, 0);
    m_file = new QLineEdit(m_fileRow);
    m_file->setPlaceholderText(tr("Path of the file to send as the value"));
    auto *browse = new QPushButton(tr("&Browse…"), m_fileRow);
    connect(browse, &QPushButton::clicked, this, &ProduceForm::chooseFile);
    fileLayout->addWidget(m_file, 1);
    fileLayout->addWidget(browse);
    formatRow->addWidget(m_fileRow, 1);
    formatRow->addStretch();
    auto *valueLabel = new QLabel(tr("&Value:"), box);
    valueLabel->setBuddy(m_format);
    form->addRow(valueLabel, formatRow);

    m_value = new QPlainTextEdit(box);
    m_value->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_value->setTabChangesFocus(true);
    m_value->setAccessibleName(tr("Value"));
    m_value->setMinimumHeight(m_value->fontMetrics().lineSpacing() * 3 + 12);
    m_value->setMaximumHeight(m_value->fontMetrics().lineSpacing() * 7 + 12);
    form->addRow(QString(), m_value);
    m_valueStatus = hintLabel(box);
    form->addRow(QString(), m_valueStatus);

    auto *headersBox = new QVBoxLayout;
    m_headers = new QTableWidget(0, 2, box);
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_headers->horizontalHeader()->setStretchLastSection(true);
    m_headers->horizontalHeader()->resizeSection(0, 160);
    m_headers->verticalHeader()->hide();
    m_headers->verticalHeader()->setDefaultSectionSize(m_headers->fontMetrics().height() + 8);
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    const int headerRow = m_headers->verticalHeader()->defaultSectionSize();
    m_headers->setMinimumHeight(m_headers->horizontalHeader()->sizeHint().height() + headerRow * 2 + 4);
    m_headers->setMaximumHeight(m_headers->horizontalHeader()->sizeHint().height() + headerRow * 4 + 4);
    m_headers->setAccessibleName(tr("Headers"));
    auto *headerButtons = new QHBoxLayout;
    m_addHeader = new QPushButton(tr("Add &header"), box);
    m_removeHeader = new QPushButton(tr("&Remove"), box);
    m_removeHeader->setEnabled(false);
    headerButtons->addWidget(m_addHeader);
    headerButtons->addWidget(m_removeHeader);
    headerButtons->addStretch();
    headersBox->addWidget(m_headers);
    headersBox->addLayout(headerButtons);
    form->addRow(tr("Headers:"), headersBox);
    return box;
}

QWidget *ProduceForm::buildOptionsBox()
{
    auto *box = new QGroupBox(tr("Sending"), this);
    auto *form = new QFormLayout(box);
    m_copies = new QSpinBox(box);
    m_copies->setRange(1, produce::maxCopies);
    m_copies->setGroupSeparatorShown(true);
    m_copies->setAccessibleName(tr("Copies"));
    form->addRow(tr("&Copies:"), m_copies);
    auto *counter = hintLabel(box);
    counter->setText(tr("{i} in the key or value counts the copies: 1, 2, … N."));
    form->addRow(QString(), counter);

    m_acks = new QComboBox(box);
    m_acks->addItem(tr("all — every in-sync replica"), acksValue(Acks::All));
    m_acks->addItem(tr("1 — the leader only"), acksValue(Acks::Leader));
    m_acks->addItem(tr("0 — no acknowledgement"), acksValue(Acks::None));
    form->addRow(tr("Ac&ks:"), m_acks);
    m_idempotence = new QCheckBox(tr("&Idempotent (no duplicates, in order)"), box);
    m_idempotence->setChecked(true);
    m_idempotence->setToolTip(tr("enable.idempotence: on by default here, as in Kafka's Java client (librdkafka's "
                                 "own default is off). Needs acks=all."));
    form->addRow(QString(), m_idempotence);
    m_compression = new QComboBox(box);
    for (Compression c : {Compression::None, Compression::Gzip, Compression::Snappy, Compression::Lz4, Compression::Zstd})
        m_compression->addItem(compressionValue(c), compressionValue(c));
    form->addRow(tr("Co&mpression:"), m_compression);
    m_note = hintLabel(box);
    form->addRow(QString(), m_note);
    return box;
}

} // namespace kafdesk
