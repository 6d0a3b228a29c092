#pragma once

#include "profiles/connectionprofile.h"

#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QToolButton;

namespace kafdesk {

class ProfileStore;

// Edits one ConnectionProfile: every field, validated as the user types (inline messages per
// section), Save and Revert. A saved profile's secrets are read from the keychain when it is
// shown (secretsState() says how that went); they live only in the password fields and the
// keychain, never in the settings or a log. Fields the security protocol does not use are
// disabled and left out of profile().
class ProfileEditor : public QWidget {
    Q_OBJECT
public:
    enum class SecretsState { NotNeeded, Loading, Loaded, Failed };
    enum class MessageKind { Info, Success, Warning, Error };

    explicit ProfileEditor(ProfileStore *store, QWidget *parent = nullptr);

    // Shows a saved profile and starts reading its secrets from the keychain.
    void editSaved(const QString &name);
    // Shows a profile that is not saved yet (new, duplicated or imported), secrets and all;
    // `worthKeeping`: leaving it unsaved loses something (an import, a duplicate), so ask first.
    void editNew(const ConnectionProfile &profile, bool worthKeeping = false);

    // The profile as the fields show it, with the secrets that are loaded or typed.
    ConnectionProfile profile() const;
    // The stored profile being edited; empty for one not saved yet.
    const QString &savedName() const { return m_savedName; }
    bool isNew() const { return m_savedName.isEmpty(); }
    bool isModified() const;
    // Edits, or a new profile worth keeping, that are not saved.
    bool hasUnsavedChanges() const { return isModified() || (isNew() && m_worthKeeping); }
    // Every reason the profile cannot be saved or used; empty when it can.
    QStringList problems() const;
    bool isValid() const { return problems().isEmpty(); }
    SecretsState secretsState() const { return m_secretsState; }
    // Why the secrets could not be read (no keychain, locked, ...), when secretsState() is Failed.
    const QString &secretsProblem() const { return m_secretsProblem; }

    // Writes the settings now and the secrets to the keychain (whose outcome is shown when it comes);
    // false, with the reasons shown, when the profile is not valid.
    bool save();
    void revert();
    void setLabelColour(const QColor &colour); // invalid: none

    // An inline message in a state colour that reads in light and dark palettes, with a symbol;
    // an empty text hides the label.
    static void showMessage(QLabel *label, MessageKind kind, const QString &text);
    static QLabel *newMessageLabel(const QString &objectName, QWidget *parent);

Q_SIGNALS:
    void changed();                    // an edit, or another profile shown
    void aboutToSave();                // the store is about to change (its list will too)
    void savedAs(const QString &name); // the settings are written (the keychain may still be busy)
    void saveFailed();
    void secretsSettled(); // secretsState() left Loading

private:
    void buildForm();
    QWidget *fileRow(QLineEdit *edit, const QString &title, const QString &filter, bool directories);
    void fill(const ConnectionProfile &profile);
    void updateColourButton();
    void addExtraRow(const QString &key, const QString &value);
    QMap<QString, QString> extraProperties() const;
    QStringList extraProblems() const;
    void updateProtocolFields();
    void updateKeychainNote();
    void validate();
    void onSecretsLoaded(const QString &name, const ConnectionProfile &full);
    void onSecretsFailed(const QString &name, const QString &message);
    void onSaved(const QString &name);
    void setSecretsState(SecretsState state, const QString &problem = {});

    QPointer<ProfileStore> m_store;
    QString m_savedName;
    ConnectionProfile m_original; // as saved (or as first shown, for a new profile), normalised
    QString m_colour;
    SecretsState m_secretsState = SecretsState::NotNeeded;
    QString m_secretsProblem;
    QString m_loadingName; // the profile whose secrets are being read
    QString m_savingName;  // the profile whose secrets are being written
    bool m_filling = false;
    bool m_worthKeeping = false;

    QLineEdit *m_name = nullptr;
    QToolButton *m_colourButton = nullptr;
    QToolButton *m_noColourButton = nullptr;
    QCheckBox *m_readOnly = nullptr;
    QLineEdit *m_bootstrap = nullptr;
    QComboBox *m_protocol = nullptr;
    QGroupBox *m_saslBox = nullptr;
    QComboBox *m_mechanism = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QGroupBox *m_tlsBox = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_certFile = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLineEdit *m_keyPassword = nullptr;
    QLineEdit *m_pkcs12File = nullptr;
    QLineEdit *m_pkcs12Password = nullptr;
    QTableWidget *m_extras = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;

    QLabel *m_keychainNote = nullptr;
    QLabel *m_nameMessage = nullptr;
    QLabel *m_bootstrapMessage = nullptr;
    QLabel *m_saslMessage = nullptr;
    QLabel *m_tlsMessage = nullptr;
    QLabel *m_extrasMessage = nullptr;
    QLabel *m_generalMessage = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace kafdesk
