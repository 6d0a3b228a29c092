#include "dialogs/profileeditor.h"

#include "profiles/librdkafkaproperties.h"
#include "profiles/profilestore.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QToolButton>

namespace kafdesk {

namespace {

enum ExtraColumn { KeyColumn, ValueColumn, RemoveColumn };

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c") + text + QStringLiteral("\u201d");
}

// Only the fields the security protocol uses: what profile() returns and what gets saved.
ConnectionProfile normalized(ConnectionProfile p)
{
    if (!usesSasl(p.securityProtocol)) {
        p.saslMechanism = SaslMechanism::None;
        p.userName.clear();
        p.password.clear();
    }
    if (!usesTls(p.securityProtocol)) {
        p.caFile.clear();
        p.clientCertFile.clear();
        p.clientKeyFile.clear();
        p.keyPassword.clear();
        p.pkcs12File.clear();
        p.pkcs12Password.clear();
    }
    return p;
}

// A profile that is valid but for the fields a section puts in, so its problems are that section's.
ConnectionProfile sectionBase()
{
    ConnectionProfile p;
    p.name = QStringLiteral("section");
    p.bootstrapServers = QStringLiteral("localhost:9092");
    return p;
}

} // namespace

void ProfileEditor::showMessage(QLabel *label, MessageKind kind, const QString &text)
{
    if (text.isEmpty()) {
        label->clear();
        label->hide();
        return;
    }
    // The surroundings' palette: the label's own holds the colour of its previous message.
    const QPalette base = label->parentWidget() ? label->parentWidget()->palette() : QApplication::palette();
    const bool dark = base.color(QPalette::Window).lightness() < 128;
    QColor colour = base.color(QPalette::WindowText);
    QString symbol = QStringLiteral("\u2139"); // information
    switch (kind) {
    case MessageKind::Info:
        break;
    case MessageKind::Success:
        colour = dark ? QColor(0x7b, 0xd8, 0x8f) : QColor(0x1b, 0x6e, 0x2a);
        symbol = QStringLiteral("\u2714");
        break;
    case MessageKind::Warning:
        colour = dark ? QColor(0xff, 0xcc, 0x66) : QColor(0x8a, 0x50, 0x00);
        symbol = QStringLiteral("\u26a0");
        break;
    case MessageKind::Error:
        colour = dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
        symbol = QStringLiteral("\u2716");
        break;
    }
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n')))
        lines << symbol + QLatin1Char(' ') + line;
    QPalette p = base;
    p.setColor(QPalette::WindowText, colour);
    label->setPalette(p);
    label->setText(lines.join(QLatin1Char('\n')));
    label->setProperty("messageKind", static_cast<int>(kind));
    label->show();
}

QLabel *ProfileEditor::newMessageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
    return label;
}

ProfileEditor::ProfileEditor(ProfileStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    buildForm();
    if (m_store) {
        connect(m_store, &ProfileStore::secretsLoaded, this, &ProfileEditor::onSecretsLoaded);
        connect(m_store, &ProfileStore::secretsFailed, this,
                [this](const QString &name, const Error &error) { onSecretsFailed(name, error.message); });
        connect(m_store, &ProfileStore::saved, this, &ProfileEditor::onSaved);
        connect(m_store, &ProfileStore::keychainStateChanged, this, &ProfileEditor::updateKeychainNote);
    }
    editNew(ConnectionProfile{});
}

QMap<QString, QString> ProfileEditor::extraProperties() const
{
    QMap<QString, QString> out;
    for (int r = 0; r < m_extras->rowCount(); ++r) {
        const auto *key = qobject_cast<QLineEdit *>(m_extras->cellWidget(r, KeyColumn));
        const auto *value = qobject_cast<QLineEdit *>(m_extras->cellWidget(r, ValueColumn));
        if (key && value && !key->text().trimmed().isEmpty())
            out.insert(key->text().trimmed(), value->text());
    }
    return out;
}

QStringList ProfileEditor::extraProblems() const
{
    QStringList out;
    QStringList seen;
    for (int r = 0; r < m_extras->rowCount(); ++r) {
        const auto *key = qobject_cast<QLineEdit *>(m_extras->cellWidget(r, KeyColumn));
        const auto *value = qobject_cast<QLineEdit *>(m_extras->cellWidget(r, ValueColumn));
        if (!key || !value)
            continue;
        const QString name = key->text().trimmed();
        if (name.isEmpty() && !value->text().isEmpty())
            out << tr("Row %1 of the further properties has a value but no property name.").arg(r + 1);
        else if (!name.isEmpty() && seen.contains(name))
            out << tr("The property %1 is listed twice.").arg(quoted(name));
        else if (!name.isEmpty() && value->text().isEmpty())
            out << tr("The property %1 has no value.").arg(quoted(name));
        seen << name;
    }
    return out;
}

ConnectionProfile ProfileEditor::profile() const
{
    ConnectionProfile p;
    p.name = m_name->text();
    p.bootstrapServers = m_bootstrap->text().trimmed();
    p.securityProtocol = static_cast<SecurityProtocol>(m_protocol->currentData().toInt());
    p.saslMechanism = static_cast<SaslMechanism>(m_mechanism->currentData().toInt());
    p.userName = m_user->text().trimmed();
    p.password = m_password->text();
    p.caFile = m_caFile->text().trimmed();
    p.clientCertFile = m_certFile->text().trimmed();
    p.clientKeyFile = m_keyFile->text().trimmed();
    p.keyPassword = m_keyPassword->text();
    p.pkcs12File = m_pkcs12File->text().trimmed();
    p.pkcs12Password = m_pkcs12Password->text();
    p.extraProperties = extraProperties();
    p.readOnly = m_readOnly->isChecked();
    p.labelColour = m_colour;
    return normalized(p);
}

bool ProfileEditor::isModified() const
{
    return profile() != m_original;
}

QStringList ProfileEditor::problems() const
{
    const ConnectionProfile p = profile();
    QStringList out = p.problems();
    if (m_store && p.name != m_savedName && m_store->contains(p.name))
        out.prepend(tr("A profile named %1 already exists.").arg(quoted(p.name)));
    out << extraProblems();
    return out;
}

void ProfileEditor::fill(const ConnectionProfile &profile)
{
    m_filling = true;
    m_name->setText(profile.name);
    m_bootstrap->setText(profile.bootstrapServers);
    m_protocol->setCurrentIndex(m_protocol->findData(static_cast<int>(profile.securityProtocol)));
    m_mechanism->setCurrentIndex(qMax(0, m_mechanism->findData(static_cast<int>(profile.saslMechanism))));
    m_user->setText(profile.userName);
    m_password->setText(profile.password);
    m_caFile->setText(profile.caFile);
    m_certFile->setText(profile.clientCertFile);
    m_keyFile->setText(profile.clientKeyFile);
    m_keyPassword->setText(profile.keyPassword);
    m_pkcs12File->setText(profile.pkcs12File);
    m_pkcs12Password->setText(profile.pkcs12Password);
    m_readOnly->setChecked(profile.readOnly);
    m_extras->setRowCount(0);
    for (auto it = profile.extraProperties.cbegin(); it != profile.extraProperties.cend(); ++it)
        addExtraRow(it.key(), it.value());
    m_colour = profile.labelColour;
    updateColourButton();
    m_filling = false;
    updateProtocolFields();
    showMessage(m_status, MessageKind::Info, {});
    validate();
    Q_EMIT changed();
}

void ProfileEditor::editSaved(const QString &name)
{
    if (!m_store)
        return;
    const Result<ConnectionProfile> loaded = m_store->load(name);
    if (!loaded) {
        editNew(ConnectionProfile{});
        showMessage(m_status, MessageKind::Error, loaded.error().message);
        return;
    }
    m_savedName = name;
    m_worthKeeping = false;
    m_original = normalized(loaded.value());
    m_loadingName = name;
    m_savingName.clear();
    setSecretsState(SecretsState::Loading);
    fill(m_original);
    m_store->loadSecrets(name);
}

void ProfileEditor::editNew(const ConnectionProfile &profile, bool worthKeeping)
{
    m_worthKeeping = worthKeeping;
    m_savedName.clear();
    m_loadingName.clear();
    m_savingName.clear();
    m_original = normalized(profile);
    setSecretsState(SecretsState::NotNeeded);
    fill(profile);
}

void ProfileEditor::onSecretsLoaded(const QString &name, const ConnectionProfile &full)
{
    if (name != m_loadingName)
        return;
    m_loadingName.clear();
    // The secrets go only into fields the user has not typed in meanwhile.
    const QMap<QString, QString> secrets = full.secrets();
    const auto take = [&secrets](QLineEdit *edit, const char *field) {
        if (edit->text().isEmpty())
            edit->setText(secrets.value(QLatin1String(field)));
    };
    take(m_password, "password");
    take(m_keyPassword, "keyPassword");
    take(m_pkcs12Password, "pkcs12Password");
    for (int r = 0; r < m_extras->rowCount(); ++r) {
        const auto *key = qobject_cast<QLineEdit *>(m_extras->cellWidget(r, KeyColumn));
        auto *value = qobject_cast<QLineEdit *>(m_extras->cellWidget(r, ValueColumn));
        const QString field = QStringLiteral("extra/") + (key ? key->text().trimmed() : QString());
        if (value && value->text().isEmpty() && secrets.contains(field))
            value->setText(secrets.value(field));
    }
    for (auto it = full.extraProperties.cbegin(); it != full.extraProperties.cend(); ++it)
        if (isSecretProperty(it.key()) && !extraProperties().contains(it.key()))
            addExtraRow(it.key(), it.value());
    m_original = normalized(full);
    setSecretsState(SecretsState::Loaded);
    validate();
}

void ProfileEditor::onSecretsFailed(const QString &name, const QString &message)
{
    if (!m_savingName.isEmpty() && name == m_savingName) {
        m_savingName.clear();
        showMessage(m_status, MessageKind::Warning, tr("Saved, but the secrets are not stored: %1").arg(message));
        return;
    }
    if (name != m_loadingName)
        return;
    m_loadingName.clear();
    setSecretsState(SecretsState::Failed, message);
    validate();
}

void ProfileEditor::onSaved(const QString &name)
{
    if (name != m_savingName)
        return;
    m_savingName.clear();
    showMessage(m_status, MessageKind::Success,
                profile().secrets().isEmpty() ? tr("Saved.") : tr("Saved; the secrets are in the keychain."));
}

void ProfileEditor::setSecretsState(SecretsState state, const QString &problem)
{
    const bool settled = m_secretsState == SecretsState::Loading && state != SecretsState::Loading;
    m_secretsState = state;
    m_secretsProblem = problem;
    updateKeychainNote();
    if (settled)
        Q_EMIT secretsSettled();
}

void ProfileEditor::updateKeychainNote()
{
    const auto protocol = static_cast<SecurityProtocol>(m_protocol->currentData().toInt());
    QString placeholder = tr("kept in the keychain, never in the settings");
    if (m_secretsState == SecretsState::Loading) {
        showMessage(m_keychainNote, MessageKind::Info, tr("Reading the secrets from the keychain\u2026"));
    } else if (m_secretsState == SecretsState::Failed) {
        showMessage(m_keychainNote, MessageKind::Warning, m_secretsProblem);
        placeholder = tr("not read from the keychain: asked when you connect");
    } else if (m_store && m_store->keychainState() == ProfileStore::KeychainState::Unavailable &&
               (usesSasl(protocol) || usesTls(protocol))) { // only where there may be a secret to keep
        showMessage(m_keychainNote, MessageKind::Warning, m_store->keychainProblem());
        placeholder = tr("not stored (no keychain): asked when you connect");
    } else {
        showMessage(m_keychainNote, MessageKind::Info, {});
    }
    m_password->setPlaceholderText(placeholder);
    validate();
}

void ProfileEditor::updateProtocolFields()
{
    const auto protocol = static_cast<SecurityProtocol>(m_protocol->currentData().toInt());
    m_saslBox->setEnabled(usesSasl(protocol));
    m_tlsBox->setEnabled(usesTls(protocol));
    m_saslBox->setToolTip(usesSasl(protocol) ? QString() : tr("Only SASL_PLAINTEXT and SASL_SSL log in with SASL."));
    m_tlsBox->setToolTip(usesTls(protocol) ? QString() : tr("Only SSL and SASL_SSL use TLS."));
    updateKeychainNote();
}

void ProfileEditor::setLabelColour(const QColor &colour)
{
    m_colour = colour.isValid() ? colour.name(QColor::HexRgb) : QString();
    updateColourButton();
    validate();
}

void ProfileEditor::validate()
{
    if (m_filling)
        return;
    const ConnectionProfile p = profile();
    const QStringList all = problems();

    QStringList name = ConnectionProfile::nameProblems(p.name);
    if (m_store && p.name != m_savedName && m_store->contains(p.name))
        name << tr("A profile named %1 already exists.").arg(quoted(p.name));
    ConnectionProfile b = sectionBase();
    b.bootstrapServers = p.bootstrapServers;
    ConnectionProfile s = sectionBase();
    s.securityProtocol = p.securityProtocol;
    s.saslMechanism = p.saslMechanism;
    s.userName = p.userName;
    ConnectionProfile t = sectionBase();
    t.securityProtocol = SecurityProtocol::Ssl; // TLS alone: the SASL fields are the SASL section's
    t.caFile = p.caFile;
    t.clientCertFile = p.clientCertFile;
    t.clientKeyFile = p.clientKeyFile;
    t.keyPassword = p.keyPassword;
    t.pkcs12File = p.pkcs12File;
    t.pkcs12Password = p.pkcs12Password;
    ConnectionProfile e = sectionBase();
    e.extraProperties = p.extraProperties;

    const QStringList bootstrap = b.problems();
    const QStringList sasl = usesSasl(p.securityProtocol) ? s.problems() : QStringList();
    const QStringList tls = usesTls(p.securityProtocol) ? t.problems() : QStringList();
    const QStringList extras = e.problems() + extraProblems();
    QStringList rest;
    for (const QString &problem : all)
        if (!name.contains(problem) && !bootstrap.contains(problem) && !sasl.contains(problem) &&
            !tls.contains(problem) && !extras.contains(problem))
            rest << problem;

    showMessage(m_nameMessage, MessageKind::Error, name.join(QLatin1Char('\n')));
    showMessage(m_bootstrapMessage, MessageKind::Error, bootstrap.join(QLatin1Char('\n')));
    if (!sasl.isEmpty())
        showMessage(m_saslMessage, MessageKind::Error, sasl.join(QLatin1Char('\n')));
    else if (usesSasl(p.securityProtocol) && p.password.isEmpty() && m_secretsState != SecretsState::Loading &&
             m_secretsState != SecretsState::Failed) // then the note at the top says why
        showMessage(m_saslMessage, MessageKind::Info, tr("No password: Kafdesk asks for it when you connect."));
    else
        showMessage(m_saslMessage, MessageKind::Info, {});
    showMessage(m_tlsMessage, MessageKind::Error, tls.join(QLatin1Char('\n')));
    if (!extras.isEmpty()) {
        showMessage(m_extrasMessage, MessageKind::Error, extras.join(QLatin1Char('\n')));
    } else {
        const QStringList danger = p.dangerousSettings();
        showMessage(m_extrasMessage, MessageKind::Warning,
                    danger.isEmpty() ? QString() : tr("Dangerous: %1").arg(danger.join(QLatin1Char('\n'))));
    }
    showMessage(m_generalMessage, MessageKind::Error, rest.join(QLatin1Char('\n')));

    const bool modified = p != m_original;
    const bool loading = m_secretsState == SecretsState::Loading;
    m_saveButton->setEnabled(all.isEmpty() && (isNew() || modified) && !loading);
    m_saveButton->setToolTip(loading          ? tr("Wait until the secrets are read from the keychain.")
                             : !all.isEmpty() ? tr("Fix the problems shown first.")
                                              : QString());
    m_revertButton->setEnabled(modified);
    Q_EMIT changed();
}

bool ProfileEditor::save()
{
    if (!m_store)
        return false;
    const QStringList all = problems();
    if (!all.isEmpty()) {
        showMessage(m_status, MessageKind::Error, tr("Not saved: %1").arg(all.first()));
        return false;
    }
    if (m_secretsState == SecretsState::Loading) {
        showMessage(m_status, MessageKind::Warning, tr("Not saved yet: the secrets are still being read."));
        return false;
    }
    const ConnectionProfile p = profile();
    const QString previous = m_savedName;
    Q_EMIT aboutToSave();
    m_savingName = p.name;
    m_savedName = p.name; // before save(): its profilesChanged() already lists the new name
    if (const Status s = m_store->save(p); !s) {
        m_savingName.clear();
        m_savedName = previous;
        showMessage(m_status, MessageKind::Error, s.error().fullText());
        Q_EMIT saveFailed();
        return false;
    }
    m_original = p;
    m_worthKeeping = false;
    setSecretsState(p.secrets().isEmpty() ? SecretsState::NotNeeded : SecretsState::Loaded);
    showMessage(m_status, MessageKind::Info,
                p.secrets().isEmpty() ? tr("Saved.") : tr("Saved; storing the secrets in the keychain\u2026"));
    // A rename: the profile is saved under its new name with every secret, then the old one goes.
    if (!previous.isEmpty() && previous != p.name) {
        if (const Status r = m_store->remove(previous); !r)
            showMessage(m_status, MessageKind::Warning, r.error().message);
    }
    validate();
    Q_EMIT savedAs(p.name);
    return true;
}

void ProfileEditor::revert()
{
    const SecretsState state = m_secretsState;
    fill(m_original);
    m_secretsState = state;
    updateKeychainNote();
}

} // namespace kafdesk
