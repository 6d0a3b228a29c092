#include "profiles/connectionprofile.h"

#include "profiles/librdkafkaproperties.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace kafdesk {

namespace {

struct ProtocolName {
    SecurityProtocol protocol;
    const char *name;
};
constexpr ProtocolName protocolNames[] = {{SecurityProtocol::Plaintext, "PLAINTEXT"},
                                          {SecurityProtocol::Ssl, "SSL"},
                                          {SecurityProtocol::SaslPlaintext, "SASL_PLAINTEXT"},
                                          {SecurityProtocol::SaslSsl, "SASL_SSL"}};

struct MechanismName {
    SaslMechanism mechanism;
    const char *name;
};
constexpr MechanismName mechanismNames[] = {{SaslMechanism::None, ""},
                                            {SaslMechanism::Plain, "PLAIN"},
                                            {SaslMechanism::ScramSha256, "SCRAM-SHA-256"},
                                            {SaslMechanism::ScramSha512, "SCRAM-SHA-512"}};

const QString secretPrefix = QStringLiteral("extra/");

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

// The librdkafka properties that profile fields own; an extra property may not set them.
bool isFieldProperty(const QString &key)
{
    static const QStringList keys = {QStringLiteral("bootstrap.servers"),
                                     QStringLiteral("metadata.broker.list"),
                                     QStringLiteral("security.protocol"),
                                     QStringLiteral("sasl.mechanisms"),
                                     QStringLiteral("sasl.mechanism"),
                                     QStringLiteral("sasl.username"),
                                     QStringLiteral("sasl.password"),
                                     QStringLiteral("ssl.ca.location"),
                                     QStringLiteral("ssl.certificate.location"),
                                     QStringLiteral("ssl.key.location"),
                                     QStringLiteral("ssl.key.password"),
                                     QStringLiteral("ssl.keystore.location"),
                                     QStringLiteral("ssl.keystore.password")};
    return keys.contains(key);
}

QString bootstrapEntryProblem(const QString &entry)
{
    if (entry.isEmpty())
        return QStringLiteral("The bootstrap server list has an empty entry (two commas in a row, or one at an end).");
    if (entry.contains(QLatin1String("://")))
        return QStringLiteral("The bootstrap server %1 has a protocol prefix: write it as host:port and choose "
                              "the security protocol separately.")
            .arg(quoted(entry));
    QString host;
    QString port;
    if (entry.startsWith(QLatin1Char('['))) {
        const qsizetype close = entry.indexOf(QLatin1Char(']'));
        if (close < 0 || entry.mid(close + 1, 1) != QLatin1String(":"))
            return QStringLiteral("The bootstrap server %1 has no port: write it as [address]:port.")
                .arg(quoted(entry));
        host = entry.mid(1, close - 1);
        port = entry.mid(close + 2);
    } else {
        const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
        if (colon < 0)
            return QStringLiteral("The bootstrap server %1 has no port: write it as host:port.").arg(quoted(entry));
        host = entry.left(colon);
        port = entry.mid(colon + 1);
        if (host.contains(QLatin1Char(':')))
            return QStringLiteral("The bootstrap server %1 looks like an IPv6 address: write it in brackets, as "
                                  "[address]:port.")
                .arg(quoted(entry));
    }
    if (host.isEmpty())
        return QStringLiteral("The bootstrap server %1 has no host name.").arg(quoted(entry));
    static const QRegularExpression hostChars(QStringLiteral("^[A-Za-z0-9._:%-]+$"));
    if (!hostChars.match(host).hasMatch())
        return QStringLiteral("The host name %1 in the bootstrap servers has a character that is not allowed.")
            .arg(quoted(host));
    bool numeric = false;
    const int number = port.toInt(&numeric);
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,5}$"));
    if (!digits.match(port).hasMatch() || !numeric || number < 1 || number > 65535)
        return QStringLiteral("The bootstrap server %1 has the port %2: a port is a number from 1 to 65535.")
            .arg(quoted(entry), quoted(port));
    return {};
}

void checkFile(QStringList &problems, const QString &what, const QString &path, bool directoryAllowed = false)
{
    if (path.isEmpty())
        return;
    const QFileInfo info(path);
    if (!info.exists())
        problems << QStringLiteral("The %1 %2 does not exist.").arg(what, quoted(path));
    else if (info.isDir() && !directoryAllowed)
        problems << QStringLiteral("The %1 %2 is a directory, not a file.").arg(what, quoted(path));
    else if (!info.isReadable())
        problems << QStringLiteral("The %1 %2 cannot be read (check its permissions).").arg(what, quoted(path));
}

} // namespace

QString nameOf(SecurityProtocol protocol)
{
    for (const auto &p : protocolNames)
        if (p.protocol == protocol)
            return QLatin1String(p.name);
    return {};
}

QString librdkafkaNameOf(SecurityProtocol protocol)
{
    return nameOf(protocol).toLower();
}

std::optional<SecurityProtocol> securityProtocolFromName(const QString &name)
{
    for (const auto &p : protocolNames)
        if (name.trimmed().compare(QLatin1String(p.name), Qt::CaseInsensitive) == 0)
            return p.protocol;
    return std::nullopt;
}

QString nameOf(SaslMechanism mechanism)
{
    for (const auto &m : mechanismNames)
        if (m.mechanism == mechanism)
            return QLatin1String(m.name);
    return {};
}

std::optional<SaslMechanism> saslMechanismFromName(const QString &name)
{
    for (const auto &m : mechanismNames)
        if (name.trimmed().compare(QLatin1String(m.name), Qt::CaseInsensitive) == 0)
            return m.mechanism;
    return std::nullopt;
}

bool usesSasl(SecurityProtocol protocol)
{
    return protocol == SecurityProtocol::SaslPlaintext || protocol == SecurityProtocol::SaslSsl;
}

bool usesTls(SecurityProtocol protocol)
{
    return protocol == SecurityProtocol::Ssl || protocol == SecurityProtocol::SaslSsl;
}

QStringList ConnectionProfile::nameProblems(const QString &profileName)
{
    QStringList problems;
    if (profileName.trimmed().isEmpty())
        problems << QStringLiteral("The profile needs a name.");
    else if (profileName.trimmed() != profileName)
        problems << QStringLiteral("The profile name cannot start or end with a space.");
    if (profileName.contains(QLatin1Char('/')) || profileName.contains(QLatin1Char('\\')))
        problems << QStringLiteral("The profile name cannot contain / or \\.");
    if (profileName.size() > 100)
        problems << QStringLiteral("The profile name is longer than 100 characters.");
    return problems;
}

QStringList ConnectionProfile::problems() const
{
    QStringList out = nameProblems(name);
    if (bootstrapServers.trimmed().isEmpty()) {
        out << QStringLiteral("Give at least one bootstrap server, as host:port.");
    } else {
        for (const QString &entry : bootstrapServers.split(QLatin1Char(','))) {
            if (const QString problem = bootstrapEntryProblem(entry.trimmed()); !problem.isEmpty()) {
                out << problem;
                break;
            }
        }
    }

    const QString protocol = nameOf(securityProtocol);
    if (usesSasl(securityProtocol)) {
        if (saslMechanism == SaslMechanism::None)
            out << QStringLiteral("%1 needs a SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.").arg(protocol);
        if (userName.trimmed().isEmpty())
            out << QStringLiteral("%1 needs a user name.").arg(protocol);
    } else if (saslMechanism != SaslMechanism::None) {
        out << QStringLiteral("The SASL mechanism %1 is set, but the security protocol %2 does not use SASL: "
                              "choose SASL_PLAINTEXT or SASL_SSL.")
                   .arg(nameOf(saslMechanism), protocol);
    }

    const bool anyTlsFile =
        !caFile.isEmpty() || !clientCertFile.isEmpty() || !clientKeyFile.isEmpty() || !pkcs12File.isEmpty();
    if (anyTlsFile && !usesTls(securityProtocol))
        out << QStringLiteral("TLS files are set, but the security protocol %1 does not use TLS: choose SSL or "
                              "SASL_SSL.")
                   .arg(protocol);
    checkFile(out, QStringLiteral("CA file"), caFile, true);
    checkFile(out, QStringLiteral("client certificate file"), clientCertFile);
    checkFile(out, QStringLiteral("client key file"), clientKeyFile);
    checkFile(out, QStringLiteral("PKCS#12 keystore"), pkcs12File);
    if (clientCertFile.isEmpty() != clientKeyFile.isEmpty())
        out << QStringLiteral("A client certificate and its private key go together: give both files or neither.");
    if (!pkcs12File.isEmpty() && (!clientCertFile.isEmpty() || !clientKeyFile.isEmpty()))
        out << QStringLiteral("Use either a PKCS#12 keystore or a PEM certificate and key, not both.");
    if (!keyPassword.isEmpty() && clientKeyFile.isEmpty())
        out << QStringLiteral("A key password is set, but there is no client key file.");
    if (!pkcs12Password.isEmpty() && pkcs12File.isEmpty())
        out << QStringLiteral("A PKCS#12 password is set, but there is no PKCS#12 keystore.");

    static const QRegularExpression colour(QStringLiteral("^#[0-9A-Fa-f]{6}$"));
    if (!labelColour.isEmpty() && !colour.match(labelColour).hasMatch())
        out << QStringLiteral("The label colour %1 is not of the form #rrggbb.").arg(quoted(labelColour));

    for (auto it = extraProperties.cbegin(); it != extraProperties.cend(); ++it) {
        if (isFieldProperty(it.key())) {
            out << QStringLiteral("The extra property %1 is a profile field: set it there instead.")
                       .arg(quoted(it.key()));
            continue;
        }
        const PropertyVerdict verdict = checkLibrdkafkaProperty(it.key(), it.value());
        if (verdict.check == PropertyCheck::UnknownName)
            out << QStringLiteral("The extra property %1 is not a librdkafka property.").arg(quoted(it.key()));
        else if (verdict.check == PropertyCheck::InvalidValue)
            out << (isSecretProperty(it.key())
                        ? QStringLiteral("librdkafka refuses the value of the extra property %1.").arg(quoted(it.key()))
                        : QStringLiteral("librdkafka refuses the value of the extra property %1: %2.")
                              .arg(quoted(it.key()), verdict.message));
    }
    return out;
}

Status ConnectionProfile::validate() const
{
    const QStringList list = problems();
    if (list.isEmpty())
        return ok();
    return failure(list.join(QLatin1Char(' ')));
}

QStringList ConnectionProfile::dangerousSettings() const
{
    QStringList out;
    for (auto it = extraProperties.cbegin(); it != extraProperties.cend(); ++it)
        if (const QString why = dangerReason(it.key(), it.value()); !why.isEmpty())
            out << it.key() + QStringLiteral(": ") + why;
    return out;
}

QMap<QString, QString> ConnectionProfile::librdkafkaConfig() const
{
    QMap<QString, QString> config = extraProperties;
    QStringList servers;
    for (const QString &entry : bootstrapServers.split(QLatin1Char(','), Qt::SkipEmptyParts))
        servers << entry.trimmed();
    config[QStringLiteral("bootstrap.servers")] = servers.join(QLatin1Char(','));
    config[QStringLiteral("security.protocol")] = librdkafkaNameOf(securityProtocol);
    const auto set = [&config](const char *key, const QString &value) {
        if (!value.isEmpty())
            config[QLatin1String(key)] = value;
    };
    if (usesSasl(securityProtocol)) {
        set("sasl.mechanisms", nameOf(saslMechanism));
        set("sasl.username", userName);
        set("sasl.password", password);
    }
    if (usesTls(securityProtocol)) {
        set("ssl.ca.location", caFile);
        set("ssl.certificate.location", clientCertFile);
        set("ssl.key.location", clientKeyFile);
        set("ssl.key.password", keyPassword);
        set("ssl.keystore.location", pkcs12File);
        set("ssl.keystore.password", pkcs12Password);
    }
    return config;
}

QString ConnectionProfile::redactedDescription() const
{
    const auto secretState = [](const QString &secret) {
        return secret.isEmpty() ? QStringLiteral("no password") : QStringLiteral("password set");
    };
    QStringList parts;
    parts << QStringLiteral("%1 to %2").arg(nameOf(securityProtocol), bootstrapServers.trimmed());
    if (usesSasl(securityProtocol) || saslMechanism != SaslMechanism::None)
        parts << QStringLiteral("%1 as user %2 (%3)")
                     .arg(saslMechanism == SaslMechanism::None ? QStringLiteral("no SASL mechanism")
                                                               : nameOf(saslMechanism),
                          quoted(userName), secretState(password));
    if (!caFile.isEmpty())
        parts << QStringLiteral("CA %1").arg(caFile);
    if (!clientCertFile.isEmpty() || !clientKeyFile.isEmpty())
        parts << QStringLiteral("client certificate %1, key %2 (%3)")
                     .arg(clientCertFile, clientKeyFile, secretState(keyPassword));
    if (!pkcs12File.isEmpty())
        parts << QStringLiteral("PKCS#12 %1 (%2)").arg(pkcs12File, secretState(pkcs12Password));
    if (readOnly)
        parts << QStringLiteral("read-only");
    QStringList extras;
    for (auto it = extraProperties.cbegin(); it != extraProperties.cend(); ++it)
        extras << it.key() + QLatin1Char('=') + (isSecretProperty(it.key()) ? QStringLiteral("(hidden)") : it.value());
    if (!extras.isEmpty())
        parts << QStringLiteral("extra: ") + extras.join(QStringLiteral(", "));
    return quoted(name) + QStringLiteral(": ") + parts.join(QStringLiteral("; "));
}

QStringList ConnectionProfile::secretFieldNames()
{
    return {QStringLiteral("password"), QStringLiteral("keyPassword"), QStringLiteral("pkcs12Password")};
}

QMap<QString, QString> ConnectionProfile::secrets() const
{
    QMap<QString, QString> out;
    const auto add = [&out](const QString &field, const QString &value) {
        if (!value.isEmpty())
            out.insert(field, value);
    };
    add(QStringLiteral("password"), password);
    add(QStringLiteral("keyPassword"), keyPassword);
    add(QStringLiteral("pkcs12Password"), pkcs12Password);
    for (auto it = extraProperties.cbegin(); it != extraProperties.cend(); ++it)
        if (isSecretProperty(it.key()))
            add(secretPrefix + it.key(), it.value());
    return out;
}

bool ConnectionProfile::setSecret(const QString &field, const QString &value)
{
    if (field == QLatin1String("password"))
        password = value;
    else if (field == QLatin1String("keyPassword"))
        keyPassword = value;
    else if (field == QLatin1String("pkcs12Password"))
        pkcs12Password = value;
    else if (field.startsWith(secretPrefix) && isSecretProperty(field.mid(secretPrefix.size())))
        extraProperties.insert(field.mid(secretPrefix.size()), value);
    else
        return false;
    return true;
}

ConnectionProfile ConnectionProfile::withoutSecrets() const
{
    ConnectionProfile out = *this;
    out.password.clear();
    out.keyPassword.clear();
    out.pkcs12Password.clear();
    for (auto it = out.extraProperties.begin(); it != out.extraProperties.end();) {
        if (isSecretProperty(it.key()))
            it = out.extraProperties.erase(it);
        else
            ++it;
    }
    return out;
}

} // namespace kafdesk
