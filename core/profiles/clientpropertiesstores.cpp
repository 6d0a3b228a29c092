#include "profiles/clientpropertiesimport.h"
#include "profiles/clientpropertiesimport_p.h"

// The truststore and keystore keys of ClientPropertiesImport: Java keystores become the PEM and
// PKCS#12 files librdkafka reads, or a report with the commands that convert them.

namespace kafdesk {

using namespace importdetail;

void ClientPropertiesImport::importTruststore(QMap<QString, QString> &props)
{
    const auto location = take(props, "ssl.truststore.location");
    const auto type = take(props, "ssl.truststore.type");
    const bool hasPassword = take(props, "ssl.truststore.password").has_value();
    if (const auto pem = take(props, "ssl.truststore.certificates")) {
        m_profile.extraProperties.insert(QStringLiteral("ssl.ca.pem"), *pem);
        map(QStringLiteral("ssl.truststore.certificates"), QStringLiteral("the librdkafka property ssl.ca.pem"));
    }
    if (const auto ca = take(props, "ssl.ca.location")) {
        m_profile.caFile = *ca;
        map(QStringLiteral("ssl.ca.location"), QStringLiteral("CA file %1").arg(*ca));
    }
    if (!location) {
        if (type)
            leaveOut(QStringLiteral("ssl.truststore.type"), QStringLiteral("There is no ssl.truststore.location."));
        if (hasPassword)
            leaveOut(QStringLiteral("ssl.truststore.password"), QStringLiteral("There is no ssl.truststore.location."));
        return;
    }
    const QString kind = storeType(type, *location);
    const QString typeReason = QStringLiteral("Goes with ssl.truststore.location (see there).");
    const QString passwordReason = QStringLiteral("A PEM CA file has no password (the conversion commands ask for "
                                                  "this one).");
    if (kind == QLatin1String("PEM")) {
        m_profile.caFile = *location;
        map(QStringLiteral("ssl.truststore.location"), QStringLiteral("CA file %1 (PEM)").arg(*location));
        if (type)
            map(QStringLiteral("ssl.truststore.type"), QStringLiteral("PEM"));
        if (hasPassword)
            leaveOut(QStringLiteral("ssl.truststore.password"), QStringLiteral("A PEM CA file has no password."));
        return;
    }
    const QString caPem = besideFile(*location, QStringLiteral("-ca.pem"));
    QStringList commands;
    if (kind == QLatin1String("JKS")) {
        const QString p12 = besideFile(*location, QStringLiteral(".p12"));
        commands << QStringLiteral("keytool -importkeystore -srckeystore %1 -srcstoretype JKS -destkeystore %2 "
                                   "-deststoretype PKCS12")
                        .arg(shellQuoted(*location), shellQuoted(p12))
                 << QStringLiteral("openssl pkcs12 -in %1 -nokeys -out %2").arg(shellQuoted(p12), shellQuoted(caPem));
    } else if (kind == QLatin1String("PKCS12")) {
        commands
            << QStringLiteral("openssl pkcs12 -in %1 -nokeys -out %2").arg(shellQuoted(*location), shellQuoted(caPem));
    } else {
        leaveOut(QStringLiteral("ssl.truststore.location"),
                 QStringLiteral("The truststore type %1 is unknown to librdkafka.").arg(kind));
        if (type)
            leaveOut(QStringLiteral("ssl.truststore.type"), typeReason);
        if (hasPassword)
            leaveOut(QStringLiteral("ssl.truststore.password"), passwordReason);
        return;
    }
    m_commands << commands;
    leaveOut(QStringLiteral("ssl.truststore.location"),
             QStringLiteral("librdkafka cannot read a %1 truststore. Convert it to a PEM CA file and choose %2 as the "
                            "profile's CA file:\n%3\n(On OpenSSL 3, add -legacy to openssl if it reports an "
                            "unsupported algorithm.)")
                 .arg(kind, caPem, commands.join(QLatin1Char('\n'))));
    if (type)
        leaveOut(QStringLiteral("ssl.truststore.type"), typeReason);
    if (hasPassword)
        leaveOut(QStringLiteral("ssl.truststore.password"), passwordReason);
}

void ClientPropertiesImport::importKeystore(QMap<QString, QString> &props)
{
    const auto location = take(props, "ssl.keystore.location");
    const auto type = take(props, "ssl.keystore.type");
    const auto storePassword = take(props, "ssl.keystore.password");
    const auto keyPassword = take(props, "ssl.key.password");
    const auto inlineKey = take(props, "ssl.keystore.key");
    const auto inlineChain = take(props, "ssl.keystore.certificate.chain");
    const auto certFile = take(props, "ssl.certificate.location");
    const auto keyFile = take(props, "ssl.key.location");
    const QString kind = location ? storeType(type, *location) : storeType(type, QString());

    bool pemKey = false;
    if (certFile) {
        m_profile.clientCertFile = *certFile;
        map(QStringLiteral("ssl.certificate.location"), QStringLiteral("client certificate %1").arg(*certFile));
    }
    if (keyFile) {
        m_profile.clientKeyFile = *keyFile;
        map(QStringLiteral("ssl.key.location"), QStringLiteral("client key %1").arg(*keyFile));
        pemKey = true;
    }
    if (inlineKey) {
        m_profile.extraProperties.insert(QStringLiteral("ssl.key.pem"), *inlineKey);
        map(QStringLiteral("ssl.keystore.key"),
            QStringLiteral("the librdkafka property ssl.key.pem (kept as a secret)"));
        pemKey = true;
    }
    if (inlineChain) {
        m_profile.extraProperties.insert(QStringLiteral("ssl.certificate.pem"), *inlineChain);
        map(QStringLiteral("ssl.keystore.certificate.chain"),
            QStringLiteral("the librdkafka property ssl.certificate.pem"));
    }
    const QString storeReason = QStringLiteral("Goes with ssl.keystore.location (see there).");
    if (location && kind == QLatin1String("PKCS12")) {
        m_profile.pkcs12File = *location;
        map(QStringLiteral("ssl.keystore.location"), QStringLiteral("PKCS#12 keystore %1").arg(*location));
        if (type)
            map(QStringLiteral("ssl.keystore.type"), QStringLiteral("PKCS12"));
        if (storePassword) {
            m_profile.pkcs12Password = *storePassword;
            map(QStringLiteral("ssl.keystore.password"), QStringLiteral("the PKCS#12 password (kept as a secret)"));
        }
        if (keyPassword && storePassword && *keyPassword == *storePassword)
            map(QStringLiteral("ssl.key.password"), QStringLiteral("the same as the keystore password"));
        else if (keyPassword)
            leaveOut(QStringLiteral("ssl.key.password"),
                     QStringLiteral("librdkafka opens a PKCS#12 keystore with its store password only; a key with a "
                                    "password of its own must be exported again with the store password."));
        return;
    }
    if (location && kind == QLatin1String("PEM")) {
        m_profile.clientCertFile = *location;
        m_profile.clientKeyFile = *location;
        map(QStringLiteral("ssl.keystore.location"),
            QStringLiteral("client certificate and key %1 (PEM)").arg(*location));
        if (type)
            map(QStringLiteral("ssl.keystore.type"), QStringLiteral("PEM"));
        pemKey = true;
    } else if (location) {
        const QString p12 = besideFile(*location, QStringLiteral(".p12"));
        QString reason = QStringLiteral("librdkafka cannot read a %1 keystore.").arg(kind);
        if (kind == QLatin1String("JKS")) {
            const QString command = QStringLiteral("keytool -importkeystore -srckeystore %1 -srcstoretype JKS "
                                                   "-destkeystore %2 -deststoretype PKCS12")
                                        .arg(shellQuoted(*location), shellQuoted(p12));
            m_commands << command;
            reason += QStringLiteral(" Convert it to PKCS#12 and choose %1 as the profile's PKCS#12 keystore (with "
                                     "the password you give keytool):\n%2")
                          .arg(p12, command);
        }
        leaveOut(QStringLiteral("ssl.keystore.location"), reason);
        if (type)
            leaveOut(QStringLiteral("ssl.keystore.type"), storeReason);
        if (storePassword)
            leaveOut(QStringLiteral("ssl.keystore.password"), storeReason);
        if (keyPassword)
            leaveOut(QStringLiteral("ssl.key.password"), storeReason);
        return;
    } else if (type) {
        leaveOut(QStringLiteral("ssl.keystore.type"), QStringLiteral("There is no ssl.keystore.location."));
    }
    if (storePassword)
        leaveOut(QStringLiteral("ssl.keystore.password"), QStringLiteral("There is no PKCS#12 keystore."));
    if (keyPassword && pemKey) {
        m_profile.keyPassword = *keyPassword;
        map(QStringLiteral("ssl.key.password"), QStringLiteral("the key password (kept as a secret)"));
    } else if (keyPassword) {
        leaveOut(QStringLiteral("ssl.key.password"), QStringLiteral("There is no client key."));
    }
}

} // namespace kafdesk
