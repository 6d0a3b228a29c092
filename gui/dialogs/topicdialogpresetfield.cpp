#include "dialogs/topicdialogpresetfield.h"

#include "models/configunits.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

namespace kafdesk {

namespace {

enum ItemKind { BrokerDefaultItem, PresetItem, CustomItem };
constexpr int kindRole = Qt::UserRole + 1;

} // namespace

TopicDialogPresetField::TopicDialogPresetField(const QString &configName, const QString &objectName, QWidget *parent)
    : QWidget(parent)
    , m_configName(configName)
    , m_combo(new QComboBox(this))
    , m_custom(new QLineEdit(this))
    , m_hint(new QLabel(this))
{
    setObjectName(objectName + QStringLiteral("Field"));
    m_combo->setObjectName(objectName);
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setToolTip(configName);
    m_custom->setObjectName(objectName + QStringLiteral("Custom"));
    m_custom->setClearButtonEnabled(true);
    m_custom->setMinimumWidth(m_custom->fontMetrics().horizontalAdvance(QStringLiteral("9223372036854775807")) + 24);
    m_custom->setToolTip(configName);
    m_custom->setVisible(false);
    m_hint->setObjectName(objectName + QStringLiteral("Hint"));
    m_hint->setTextFormat(Qt::PlainText);
    m_hint->setVisible(false);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_combo);
    layout->addWidget(m_custom, 1);
    layout->addWidget(m_hint);
    layout->addStretch(0);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this] {
        updateCustom();
        if (m_custom->isVisible() && m_combo->hasFocus())
            m_custom->setFocus(); // the user chose Custom: let them type
        Q_EMIT changed();
    });
    connect(m_custom, &QLineEdit::textChanged, this, [this] {
        updateCustom();
        Q_EMIT changed();
    });
    setFocusProxy(m_combo);
}

void TopicDialogPresetField::addBrokerDefault(const QString &label)
{
    m_combo->addItem(label);
    m_brokerDefaultIndex = m_combo->count() - 1;
    m_combo->setItemData(m_brokerDefaultIndex, BrokerDefaultItem, kindRole);
}

void TopicDialogPresetField::setBrokerDefaultLabel(const QString &label)
{
    if (m_brokerDefaultIndex >= 0)
        m_combo->setItemText(m_brokerDefaultIndex, label);
}

void TopicDialogPresetField::addPreset(const QString &label, const QString &value)
{
    m_combo->addItem(label, value);
    m_combo->setItemData(m_combo->count() - 1, PresetItem, kindRole);
    m_combo->setItemData(m_combo->count() - 1, QStringLiteral("%1=%2").arg(m_configName, value), Qt::ToolTipRole);
}

void TopicDialogPresetField::addCustom(const QString &label, const QString &placeholder)
{
    m_combo->addItem(label);
    m_customIndex = m_combo->count() - 1;
    m_combo->setItemData(m_customIndex, CustomItem, kindRole);
    m_custom->setPlaceholderText(placeholder);
}

std::optional<QString> TopicDialogPresetField::value() const
{
    switch (m_combo->currentData(kindRole).toInt()) {
    case PresetItem:
        return m_combo->currentData().toString();
    case CustomItem:
        return m_custom->text().trimmed();
    default:
        return std::nullopt;
    }
}

void TopicDialogPresetField::setValue(const QString &value)
{
    for (int i = 0; i < m_combo->count(); ++i) {
        if (m_combo->itemData(i, kindRole).toInt() == PresetItem && m_combo->itemData(i).toString() == value) {
            m_combo->setCurrentIndex(i);
            return;
        }
    }
    if (m_customIndex >= 0) {
        m_custom->setText(value);
        m_combo->setCurrentIndex(m_customIndex);
    }
}

void TopicDialogPresetField::updateCustom()
{
    const bool custom = m_combo->currentIndex() == m_customIndex && m_customIndex >= 0;
    m_custom->setVisible(custom);
    const QString human = custom ? humanConfigValue(m_configName, m_custom->text().trimmed()) : QString();
    m_hint->setText(human.isEmpty() ? QString() : QStringLiteral("= ") + human);
    m_hint->setVisible(!human.isEmpty());
}

} // namespace kafdesk
