#pragma once

#include "util/result.h"

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace kafdesk {

enum class SecurityProtocol { Plaintext, Ssl, SaslPlaintext, SaslSsl };
enum class SaslMechanism { None, Plain, ScramSha256, ScramSha512 };

// Kafka's names: "PLAINTEXT", "SASL_SSL"; librdkafka wants the same in lower case.
QString nameOf(SecurityProtocol protocol);
QString librdkafkaNameOf(SecurityProtocol protocol);
std::optional<SecurityProtocol> securityProtocolFromName(const QString &name); // any case
// "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"; empty for None.
QString nameOf(SaslMechanism mechanism);
std::optional<SaslMechanism> saslMechanismFromName(const QString &name); // any case; "" is None
bool usesSasl(SecurityProtocol protocol);
bool usesTls(SecurityProtocol protocol);

// How to reach one Kafka cluster. A plain value: password, keyPassword, pkcs12Password and the
// secret extra properties (isSecretProperty) are secrets, which ProfileStore keeps in the keychain
// and never in settings.
struct ConnectionProfile {
    QString name;
    QString bootstrapServers; // "host:port[,host:port...]"
    SecurityProtocol securityProtocol = SecurityProtocol::Plaintext;
    SaslMechanism saslMechanism = SaslMechanism::None;
    QString userName;
    QString password;                       // secret
    QString caFile;                         // PEM CA certificate(s), or a directory of them
    QString clientCertFile;                 // PEM client certificate
    QString clientKeyFile;                  // PEM private key
    QString keyPassword;                    // secret: of clientKeyFile
    QString pkcs12File;                     // PKCS#12 keystore with the client certificate and key
    QString pkcs12Password;                 // secret
    QMap<QString, QString> extraProperties; // further librdkafka properties
    bool readOnly = false;
    QString labelColour; // "#rrggbb", or empty

    // One sentence per problem; empty when the profile can be used.
    QStringList problems() const;
    // ok(), or every problem in one message.
    Status validate() const;
    static QStringList nameProblems(const QString &name);

    // "key: why" for each extra property that runs commands, loads code or turns off certificate
    // checks (see dangerReason), for the GUI to warn about.
    QStringList dangerousSettings() const;

    // Every librdkafka property for this profile: the fields mapped to their librdkafka names
    // (only those the security protocol uses), then the extra properties.
    QMap<QString, QString> librdkafkaConfig() const;
    // For logs and the GUI: what the profile connects to and how, never a secret.
    QString redactedDescription() const;

    // The secrets by field name ("password", "keyPassword", "pkcs12Password",
    // "extra/<property>"), only those that are set.
    QMap<QString, QString> secrets() const;
    // Sets a secret by the field names of secrets(); false for an unknown field.
    bool setSecret(const QString &field, const QString &value);
    ConnectionProfile withoutSecrets() const;
    static QStringList secretFieldNames(); // the three fixed ones

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace kafdesk

Q_DECLARE_METATYPE(kafdesk::ConnectionProfile)
