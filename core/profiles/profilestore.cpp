#include "profiles/profilestore.h"

#include <QSettings>

namespace kafdesk {

namespace {

const QString profilesGroup = QStringLiteral("profiles");
const QString countKey = QStringLiteral("connections/count");
const QString extraGroup = QStringLiteral("extra");
const QString secretFieldsKey = QStringLiteral("secretFields");

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

} // namespace

ProfileStore::ProfileStore(QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>())
{}

ProfileStore::ProfileStore(const QString &settingsFile, QObject *parent)
    : QObject(parent)
    , m_settings(std::make_unique<QSettings>(settingsFile, QSettings::IniFormat))
{}

ProfileStore::~ProfileStore() = default;

QString ProfileStore::keychainService()
{
    return QStringLiteral("kafdesk");
}

QString ProfileStore::settingsFileName() const
{
    return m_settings->fileName();
}

QString ProfileStore::group(const QString &name)
{
    return profilesGroup + QLatin1Char('/') + name;
}

QString ProfileStore::entryKey(const QString &name, const QString &field)
{
    return name + QLatin1Char('/') + field;
}

QStringList ProfileStore::profileNames() const
{
    m_settings->beginGroup(profilesGroup);
    QStringList names = m_settings->childGroups();
    m_settings->endGroup();
    names.sort();
    return names;
}

bool ProfileStore::contains(const QString &name) const
{
    return ConnectionProfile::nameProblems(name).isEmpty() && profileNames().contains(name);
}

QStringList ProfileStore::secretFields(const QString &name) const
{
    if (!contains(name))
        return {};
    return m_settings->value(group(name) + QLatin1Char('/') + secretFieldsKey).toStringList();
}

Result<ConnectionProfile> ProfileStore::load(const QString &name) const
{
    if (!contains(name))
        return failure(QStringLiteral("There is no profile named %1.").arg(quoted(name)));
    m_settings->beginGroup(group(name));
    ConnectionProfile p;
    p.name = name;
    p.bootstrapServers = m_settings->value(QStringLiteral("bootstrapServers")).toString();
    const QString protocol = m_settings->value(QStringLiteral("securityProtocol")).toString();
    const QString mechanism = m_settings->value(QStringLiteral("saslMechanism")).toString();
    p.userName = m_settings->value(QStringLiteral("userName")).toString();
    p.caFile = m_settings->value(QStringLiteral("caFile")).toString();
    p.clientCertFile = m_settings->value(QStringLiteral("clientCertFile")).toString();
    p.clientKeyFile = m_settings->value(QStringLiteral("clientKeyFile")).toString();
    p.pkcs12File = m_settings->value(QStringLiteral("pkcs12File")).toString();
    p.readOnly = m_settings->value(QStringLiteral("readOnly"), false).toBool();
    p.labelColour = m_settings->value(QStringLiteral("labelColour")).toString();
    m_settings->beginGroup(extraGroup);
    for (const QString &key : m_settings->childKeys())
        p.extraProperties.insert(key, m_settings->value(key).toString());
    m_settings->endGroup();
    m_settings->endGroup();

    const auto parsedProtocol = securityProtocolFromName(protocol.isEmpty() ? QStringLiteral("PLAINTEXT") : protocol);
    const auto parsedMechanism = saslMechanismFromName(mechanism);
    if (!parsedProtocol || !parsedMechanism)
        return failure(QStringLiteral("The settings of the profile %1 have an unknown security protocol or SASL "
                                      "mechanism.")
                           .arg(quoted(name)),
                       m_settings->fileName());
    p.securityProtocol = *parsedProtocol;
    p.saslMechanism = *parsedMechanism;
    return p;
}

Status ProfileStore::writeSettings(const ConnectionProfile &profile, const QStringList &fields)
{
    // Belt and braces: whatever the caller passes, no secret reaches the settings.
    const ConnectionProfile p = profile.withoutSecrets();
    for (auto it = p.extraProperties.cbegin(); it != p.extraProperties.cend(); ++it)
        if (it.key().isEmpty() || it.key().contains(QLatin1Char('/')) || it.key().contains(QLatin1Char('\\')))
            return failure(
                QStringLiteral("The extra property name %1 is not a librdkafka property.").arg(quoted(it.key())));
    m_settings->remove(group(p.name));
    m_settings->beginGroup(group(p.name));
    m_settings->setValue(QStringLiteral("bootstrapServers"), p.bootstrapServers);
    m_settings->setValue(QStringLiteral("securityProtocol"), nameOf(p.securityProtocol));
    m_settings->setValue(QStringLiteral("saslMechanism"), nameOf(p.saslMechanism));
    m_settings->setValue(QStringLiteral("userName"), p.userName);
    m_settings->setValue(QStringLiteral("caFile"), p.caFile);
    m_settings->setValue(QStringLiteral("clientCertFile"), p.clientCertFile);
    m_settings->setValue(QStringLiteral("clientKeyFile"), p.clientKeyFile);
    m_settings->setValue(QStringLiteral("pkcs12File"), p.pkcs12File);
    m_settings->setValue(QStringLiteral("readOnly"), p.readOnly);
    m_settings->setValue(QStringLiteral("labelColour"), p.labelColour);
    if (!fields.isEmpty())
        m_settings->setValue(secretFieldsKey, fields);
    m_settings->beginGroup(extraGroup);
    for (auto it = p.extraProperties.cbegin(); it != p.extraProperties.cend(); ++it)
        m_settings->setValue(it.key(), it.value());
    m_settings->endGroup();
    m_settings->endGroup();
    return ok();
}

void ProfileStore::updateCount()
{
    m_settings->setValue(countKey, static_cast<int>(profileNames().size()));
}

Status ProfileStore::syncSettings()
{
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        return failure(QStringLiteral("Cannot write the settings file %1.").arg(m_settings->fileName()),
                       m_settings->status() == QSettings::AccessError ? QStringLiteral("Access error.")
                                                                      : QStringLiteral("Format error."));
    return ok();
}

Status ProfileStore::save(const ConnectionProfile &profile)
{
    if (const QStringList problems = ConnectionProfile::nameProblems(profile.name); !problems.isEmpty())
        return failure(problems.join(QLatin1Char(' ')));
    const QStringList oldFields = secretFields(profile.name);
    const QMap<QString, QString> secrets = profile.secrets();
    if (const Status written = writeSettings(profile, secrets.keys()); !written)
        return written;
    updateCount();
    const Status synced = syncSettings();
    Q_EMIT profilesChanged();
    if (!synced)
        return synced;

    QList<KeychainOp> ops;
    for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
        ops << KeychainOp{KeychainOp::Kind::Write, entryKey(profile.name, it.key()), it.value()};
    for (const QString &field : oldFields)
        if (!secrets.contains(field))
            ops << KeychainOp{KeychainOp::Kind::Delete, entryKey(profile.name, field), {}};
    const QString name = profile.name;
    runKeychain(ops, [this, name](const KeychainOutcome &outcome) {
        if (outcome.problem.isEmpty())
            Q_EMIT saved(name);
        else
            Q_EMIT secretsFailed(name, keychainError(outcome));
    });
    return ok();
}

Status ProfileStore::remove(const QString &name)
{
    if (!contains(name))
        return failure(QStringLiteral("There is no profile named %1.").arg(quoted(name)));
    QStringList fields = secretFields(name);
    for (const QString &field : ConnectionProfile::secretFieldNames())
        if (!fields.contains(field))
            fields << field;
    m_settings->remove(group(name));
    updateCount();
    const Status synced = syncSettings();
    Q_EMIT profilesChanged();
    if (!synced)
        return synced;
    QList<KeychainOp> ops;
    for (const QString &field : fields)
        ops << KeychainOp{KeychainOp::Kind::Delete, entryKey(name, field), {}};
    runKeychain(ops, [this, name](const KeychainOutcome &outcome) {
        if (outcome.problem.isEmpty())
            Q_EMIT removed(name);
        else
            Q_EMIT secretsFailed(name, keychainError(outcome));
    });
    return ok();
}

Status ProfileStore::rename(const QString &from, const QString &to)
{
    if (from == to)
        return ok();
    const Result<ConnectionProfile> loaded = load(from);
    if (!loaded)
        return loaded.error();
    if (const QStringList problems = ConnectionProfile::nameProblems(to); !problems.isEmpty())
        return failure(problems.join(QLatin1Char(' ')));
    if (contains(to))
        return failure(QStringLiteral("A profile named %1 already exists.").arg(quoted(to)));
    const QStringList fields = secretFields(from);
    ConnectionProfile moved = loaded.value();
    moved.name = to;
    if (const Status written = writeSettings(moved, fields); !written)
        return written;
    m_settings->remove(group(from));
    updateCount();
    const Status synced = syncSettings();
    Q_EMIT profilesChanged();
    if (!synced)
        return synced;

    QList<KeychainOp> reads;
    for (const QString &field : fields)
        reads << KeychainOp{KeychainOp::Kind::Read, entryKey(from, field), {}};
    runKeychain(reads, [this, from, to, fields](const KeychainOutcome &read) {
        if (!read.problem.isEmpty()) {
            Q_EMIT secretsFailed(to, keychainError(read));
            return;
        }
        QList<KeychainOp> moves;
        for (const QString &field : fields) {
            const QString oldKey = entryKey(from, field);
            if (!read.read.contains(oldKey))
                continue;
            moves << KeychainOp{KeychainOp::Kind::Write, entryKey(to, field), read.read.value(oldKey)}
                  << KeychainOp{KeychainOp::Kind::Delete, oldKey, {}};
        }
        runKeychain(moves, [this, from, to](const KeychainOutcome &written) {
            if (written.problem.isEmpty())
                Q_EMIT renamed(from, to);
            else
                Q_EMIT secretsFailed(to, keychainError(written));
        });
    });
    return ok();
}

} // namespace kafdesk
