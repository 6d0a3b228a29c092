#pragma once

#include <QString>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;

namespace kafdesk {

// One topic config chosen from presets ("1 day", "7 days", ...), left to the broker's default, or
// typed in as a custom value (with its human units shown next to it: "= 1 day"). GUI thread only.
class TopicDialogPresetField : public QWidget {
    Q_OBJECT
public:
    // objectName names the combo box; the custom value's line edit is objectName + "Custom".
    TopicDialogPresetField(const QString &configName, const QString &objectName, QWidget *parent = nullptr);

    const QString &configName() const { return m_configName; }
    // The first item: no config, the broker decides ("Broker default").
    void addBrokerDefault(const QString &label);
    // Renames that item, e.g. to say what the broker's default is once it is known.
    void setBrokerDefaultLabel(const QString &label);
    void addPreset(const QString &label, const QString &value);
    // The last item: shows a line edit for a value of the user's own.
    void addCustom(const QString &label, const QString &placeholder);

    // The value to send; nullopt when left to the broker.
    std::optional<QString> value() const;
    // Selects the preset with this value, or Custom with the value typed in.
    void setValue(const QString &value);

    QComboBox *combo() const { return m_combo; }
    QLineEdit *customEdit() const { return m_custom; }

Q_SIGNALS:
    void changed();

private:
    void updateCustom();

    QString m_configName;
    QComboBox *m_combo = nullptr;
    QLineEdit *m_custom = nullptr;
    QLabel *m_hint = nullptr;
    int m_customIndex = -1;
    int m_brokerDefaultIndex = -1;
};

} // namespace kafdesk
