#include "profiles/clientpropertiesimport.h"

#include "profiles/clientpropertiesimport_p.h"
#include "profiles/javaproperties.h"
#include "profiles/librdkafkaproperties.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringDecoder>

#include <optional>

namespace kafdesk {

namespace {

using namespace importdetail;

constexpr qint64 maxFileBytes = 1024 * 1024;

const QString plainModule = QStringLiteral("org.apache.kafka.common.security.plain.PlainLoginModule");
const QString scramModule = QStringLiteral("org.apache.kafka.common.security.scram.ScramLoginModule");

bool looksLikeJavaClass(const QString &value)
{
    static const QRegularExpression javaClass(QStringLiteral("^([a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*$"));
    for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (javaClass.match(part.trimmed()).hasMatch())
            return true;
    return false;
}

} // namespace

ClientPropertiesImport ClientPropertiesImport::fromText(const QString &text, const QString &profileName)
{
    ClientPropertiesImport result;
    result.m_profile.name = profileName.isEmpty() ? QStringLiteral("Imported") : profileName;
    result.import(parseJavaProperties(text));
    return result;
}

Result<ClientPropertiesImport> ClientPropertiesImport::fromFile(const QString &path, const QString &profileName)
{
    if (QFileInfo(path).isDir())
        return failure(QStringLiteral("%1 is a directory, not a file.").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("Cannot read %1.").arg(path), file.errorString());
    // A wrong file chosen by mistake (a log, a JAR, a disk image) is refused with a reason rather
    // than read whole and reported key by garbage key.
    if (file.size() > maxFileBytes)
        return failure(QStringLiteral("%1 is %2 MB: a client.properties file is small, and Kafdesk reads files of up "
                                      "to 1 MB.")
                           .arg(QFileInfo(path).fileName(), QString::number(double(file.size()) / (1024 * 1024), 'f', 1)));
    const QByteArray bytes = file.readAll();
    if (const qsizetype nul = bytes.indexOf('\0'); nul >= 0)
        return failure(QStringLiteral("%1 is not a text file (it has a NUL byte at byte %2): choose the "
                                      "client.properties file itself.")
                           .arg(QFileInfo(path).fileName(), QString::number(nul)));
    // Java reads .properties as ISO 8859-1; most files today are UTF-8 (a superset for ASCII).
    QStringDecoder utf8(QStringDecoder::Utf8);
    QString text = utf8(bytes);
    if (utf8.hasError())
        text = QString::fromLatin1(bytes);
    ClientPropertiesImport result =
        fromText(text, profileName.isEmpty() ? QFileInfo(path).completeBaseName() : profileName);
    result.m_source = QFileInfo(path).fileName();
    return result;
}

bool ClientPropertiesImport::isUnmapped(const QString &key) const
{
    for (const UnmappedProperty &u : m_unmapped)
        if (u.key == key)
            return true;
    return false;
}

QString ClientPropertiesImport::unmappedReason(const QString &key) const
{
    for (const UnmappedProperty &u : m_unmapped)
        if (u.key == key)
            return u.reason;
    return {};
}

bool ClientPropertiesImport::needsConfirmation(const QString &key) const
{
    return m_pending.contains(key);
}

Status ClientPropertiesImport::acceptDangerous(const QStringList &keys)
{
    for (const QString &key : keys)
        if (!m_pending.contains(key))
            return failure(QStringLiteral("%1 is not waiting for confirmation.").arg(key));
    for (const QString &key : keys) {
        const Pending p = m_pending.take(key);
        if (p.librdkafkaKey.isEmpty())
            continue; // named twice
        m_profile.extraProperties.insert(p.librdkafkaKey, p.librdkafkaValue);
        m_needsConfirmation.removeIf([&key](const DangerousProperty &d) { return d.key == key; });
        map(key, QStringLiteral("accepted on request, as the librdkafka property %1").arg(p.librdkafkaKey));
    }
    return ok();
}

QString ClientPropertiesImport::reportText() const
{
    QString out = QStringLiteral("Imported %1into the profile \"%2\".\n")
                      .arg(m_source.isEmpty() ? QString() : m_source + QLatin1Char(' '), m_profile.name);
    if (!m_mapped.isEmpty()) {
        out += QStringLiteral("Taken:\n");
        for (const MappedProperty &m : m_mapped)
            out += QStringLiteral("  %1: %2\n").arg(m.key, m.description);
    }
    if (!m_needsConfirmation.isEmpty()) {
        out += QStringLiteral("Left out until you confirm them (dangerous):\n");
        for (const DangerousProperty &d : m_needsConfirmation)
            out += QStringLiteral("  %1 = \"%2\": %3\n").arg(d.key, d.value, d.reason);
    }
    if (!m_unmapped.isEmpty()) {
        out += QStringLiteral("Not imported:\n");
        for (const UnmappedProperty &u : m_unmapped)
            out += QStringLiteral("  %1: %2\n")
                       .arg(u.key, QString(u.reason).replace(QLatin1Char('\n'), QStringLiteral("\n    ")));
    }
    if (!m_notes.isEmpty()) {
        out += QStringLiteral("Notes:\n");
        for (const QString &n : m_notes)
            out += QStringLiteral("  ") + n + QLatin1Char('\n');
    }
    return out;
}

void ClientPropertiesImport::map(const QString &key, const QString &description)
{
    m_mapped << MappedProperty{key, description};
}

void ClientPropertiesImport::leaveOut(const QString &key, const QString &reason)
{
    m_unmapped << UnmappedProperty{key, reason};
}

void ClientPropertiesImport::askFirst(const QString &key, const QString &value, const QString &reason,
                                      const QString &librdkafkaValue)
{
    m_pending.insert(key, Pending{key, librdkafkaValue});
    const bool secret = isSecretProperty(key);
    QString why = reason;
    if (!secret && librdkafkaValue != value)
        why += QStringLiteral(" Accepting it sets librdkafka's %1=%2.").arg(key, librdkafkaValue);
    m_needsConfirmation << DangerousProperty{key, secret ? QStringLiteral("(hidden)") : value, why};
}

void ClientPropertiesImport::import(const QList<JavaProperty> &entries)
{
    QMap<QString, QString> props;
    QStringList order;
    QMap<QString, QList<int>> lines;
    if (entries.isEmpty())
        m_notes << QStringLiteral("No properties are set: there are only comments and blank lines.");
    for (const JavaProperty &e : entries) {
        if (e.malformedEscape) {
            // Java refuses the whole file; the other keys are still worth taking.
            leaveOut(e.key, QStringLiteral("Line %1 has a malformed \\uXXXX escape (Java refuses the file): write "
                                           "four hex digits, such as \\u00e9.")
                                .arg(e.line));
            continue;
        }
        if (!props.contains(e.key))
            order << e.key;
        props.insert(e.key, e.value);
        lines[e.key] << e.line;
    }
    for (auto it = lines.cbegin(); it != lines.cend(); ++it) {
        if (it.value().size() < 2)
            continue;
        QStringList at;
        for (const int line : it.value())
            at << QString::number(line);
        m_notes << QStringLiteral("%1 is set %2 times (lines %3): the last one counts, as in Java.")
                       .arg(it.key(), QString::number(it.value().size()), at.join(QStringLiteral(", ")));
    }

    for (const char *key : {"bootstrap.servers", "metadata.broker.list"}) {
        if (const auto value = take(props, key)) {
            QStringList servers;
            for (const QString &s : value->split(QLatin1Char(','), Qt::SkipEmptyParts))
                servers << s.trimmed();
            m_profile.bootstrapServers = servers.join(QLatin1Char(','));
            map(QLatin1String(key), QStringLiteral("bootstrap servers %1").arg(m_profile.bootstrapServers));
        }
    }
    if (const auto value = take(props, "security.protocol")) {
        if (const auto protocol = securityProtocolFromName(*value)) {
            m_profile.securityProtocol = *protocol;
            map(QStringLiteral("security.protocol"), nameOf(*protocol));
        } else {
            leaveOut(QStringLiteral("security.protocol"),
                     QStringLiteral("\"%1\" is not one of PLAINTEXT, SSL, SASL_PLAINTEXT and SASL_SSL.").arg(*value));
        }
    }
    importSasl(props);
    importTruststore(props);
    importKeystore(props);
    if (const auto value = take(props, "ssl.endpoint.identification.algorithm")) {
        const QString v = value->trimmed();
        const QString key = QStringLiteral("ssl.endpoint.identification.algorithm");
        if (const QString why = dangerReason(key, v); !why.isEmpty()) {
            askFirst(key, v, why, QStringLiteral("none"));
        } else if (v.compare(QLatin1String("https"), Qt::CaseInsensitive) == 0) {
            m_profile.extraProperties.insert(key, QStringLiteral("https"));
            map(key, QStringLiteral("https: the broker's certificate must name its host"));
        } else {
            leaveOut(key, QStringLiteral("librdkafka knows only https and none."));
        }
    }
    if (take(props, "ssl.cipher.suites"))
        leaveOut(QStringLiteral("ssl.cipher.suites"),
                 QStringLiteral("Java names cipher suites differently from OpenSSL: set librdkafka's "
                                "ssl.cipher.suites by hand if you need it."));
    for (const QString &key : order)
        if (props.contains(key))
            importOther(key, props.value(key));
}

void ClientPropertiesImport::importSasl(QMap<QString, QString> &props)
{
    std::optional<QString> mechanism = take(props, "sasl.mechanism");
    QString mechanismKey = QStringLiteral("sasl.mechanism");
    if (const auto plural = take(props, "sasl.mechanisms")) {
        mechanism = plural;
        mechanismKey = QStringLiteral("sasl.mechanisms");
    }
    if (mechanism) {
        const auto m = saslMechanismFromName(*mechanism);
        if (m && *m != SaslMechanism::None) {
            m_profile.saslMechanism = *m;
            map(mechanismKey, nameOf(*m));
        } else {
            leaveOut(mechanismKey, QStringLiteral("Kafdesk profiles support PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512, "
                                                  "not \"%1\".")
                                       .arg(mechanism->trimmed()));
        }
    }
    if (const auto jaas = take(props, "sasl.jaas.config"))
        importJaas(*jaas);
    if (const auto user = take(props, "sasl.username")) {
        m_profile.userName = *user;
        map(QStringLiteral("sasl.username"), QStringLiteral("user \"%1\"").arg(*user));
    }
    if (const auto password = take(props, "sasl.password")) {
        m_profile.password = *password;
        map(QStringLiteral("sasl.password"), QStringLiteral("the password (kept as a secret)"));
    }
}

void ClientPropertiesImport::importJaas(const QString &value)
{
    const QString key = QStringLiteral("sasl.jaas.config");
    const Result<JaasModule> parsed = parseJaasConfig(value);
    if (!parsed) {
        leaveOut(key, parsed.error().message);
        return;
    }
    const JaasModule &module = parsed.value();
    const bool plain = module.loginModule.endsWith(plainModule);
    const bool scram = module.loginModule.endsWith(scramModule);
    if (!plain && !scram) {
        leaveOut(key, QStringLiteral("The login module %1 is not supported: Kafdesk reads the user name and password "
                                     "of PlainLoginModule and ScramLoginModule only.")
                          .arg(module.loginModule));
        return;
    }
    m_profile.userName = module.options.value(QStringLiteral("username"));
    m_profile.password = module.options.value(QStringLiteral("password"));
    map(key,
        QStringLiteral("%1: user \"%2\"%3")
            .arg(plain ? QStringLiteral("PlainLoginModule") : QStringLiteral("ScramLoginModule"), m_profile.userName,
                 m_profile.password.isEmpty() ? QStringLiteral(", no password")
                                              : QStringLiteral(" and the password (kept as a secret)")));
    for (auto it = module.options.cbegin(); it != module.options.cend(); ++it)
        if (it.key() != QLatin1String("username") && it.key() != QLatin1String("password"))
            m_notes << QStringLiteral("The login module option %1 in sasl.jaas.config is ignored.").arg(it.key());
    if (m_profile.userName.isEmpty())
        m_notes << QStringLiteral("sasl.jaas.config gives no username.");
    if (m_profile.saslMechanism == SaslMechanism::None) {
        if (plain) {
            m_profile.saslMechanism = SaslMechanism::Plain;
            m_notes << QStringLiteral(
                "sasl.mechanism is not set (Java would use GSSAPI); PlainLoginModule means PLAIN, "
                "so the profile uses PLAIN.");
        } else {
            m_notes << QStringLiteral("sasl.mechanism is not set: choose SCRAM-SHA-256 or SCRAM-SHA-512 for "
                                      "ScramLoginModule.");
        }
    } else if (plain != (m_profile.saslMechanism == SaslMechanism::Plain)) {
        m_notes << QStringLiteral("sasl.mechanism %1 does not match the login module %2.")
                       .arg(nameOf(m_profile.saslMechanism), module.loginModule);
    }
}

void ClientPropertiesImport::importOther(const QString &key, const QString &value)
{
    if (const QString why = dangerReason(key, value); !why.isEmpty() && isLibrdkafkaProperty(key)) {
        askFirst(key, value, why, value);
        return;
    }
    if (value.trimmed().isEmpty()) {
        leaveOut(key, QStringLiteral("It has no value."));
        return;
    }
    // librdkafka takes C strings: a NUL would cut the value short without a word. Line breaks
    // and tabs stay allowed (ssl.ca.pem holds a whole PEM text).
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value.at(i);
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\r') &&
            c != QLatin1Char('\t')) {
            leaveOut(key, QStringLiteral("Its value holds control characters (U+%1 at position %2), which no "
                                         "librdkafka property takes.")
                              .arg(QString::number(c.unicode(), 16).toUpper(), 4, QLatin1Char('0'))
                              .arg(i + 1));
            return;
        }
    }
    if (key.endsWith(QLatin1String(".serializer")) || key.endsWith(QLatin1String(".deserializer"))) {
        leaveOut(key, QStringLiteral("Java serializers do not apply: Kafdesk reads and writes the raw bytes and "
                                     "decodes them itself."));
        return;
    }
    if (key.endsWith(QLatin1String(".class")) || key.endsWith(QLatin1String(".classes")) ||
        key.startsWith(QLatin1String("config.providers")) || looksLikeJavaClass(value)) {
        leaveOut(key, QStringLiteral("It names Java code, which librdkafka cannot load."));
        return;
    }
    const PropertyVerdict verdict = checkLibrdkafkaProperty(key, value);
    if (verdict.check == PropertyCheck::UnknownName) {
        leaveOut(key, QStringLiteral("librdkafka has no property of this name (it is a Java client setting)."));
    } else if (verdict.check == PropertyCheck::InvalidValue) {
        leaveOut(key, isSecretProperty(key) ? QStringLiteral("librdkafka refuses its value.")
                                            : QStringLiteral("librdkafka refuses its value: %1.").arg(verdict.message));
    } else {
        m_profile.extraProperties.insert(key, value);
        map(key, isSecretProperty(key)
                     ? QStringLiteral("passed to librdkafka as it is (a secret, kept in the keychain)")
                     : QStringLiteral("passed to librdkafka as it is: %1").arg(value));
    }
}

} // namespace kafdesk
