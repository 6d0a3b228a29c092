#include "local/localclusterprofile.h"

namespace kafdesk::localclusterprofile {

QString profileName(const QString &clusterName)
{
    return QStringLiteral("Local cluster %1 (secured)").arg(clusterName);
}

Result<ConnectionProfile> fromClientConfig(const QString &clusterName, const QMap<QString, QString> &clientConfig)
{
    QMap<QString, QString> rest = clientConfig;
    const auto take = [&rest](const char *key) { return rest.take(QString::fromLatin1(key)); };

    ConnectionProfile p;
    p.name = profileName(clusterName);
    p.bootstrapServers = take("bootstrap.servers");
    const auto protocol = securityProtocolFromName(take("security.protocol"));
    if (protocol != SecurityProtocol::SaslSsl)
        return failure(QStringLiteral("The local cluster \"%1\" is not secured: it needs no profile of its own.")
                           .arg(clusterName));
    p.securityProtocol = *protocol;
    const QString mechanism = take("sasl.mechanisms");
    const auto known = saslMechanismFromName(mechanism);
    if (!known || *known == SaslMechanism::None)
        return failure(QStringLiteral("The local cluster \"%1\" names an unknown SASL mechanism \"%2\".")
                           .arg(clusterName, mechanism));
    p.saslMechanism = *known;
    p.userName = take("sasl.username");
    p.password = take("sasl.password");
    p.caFile = take("ssl.ca.location");
    p.extraProperties = rest;
    if (const Status valid = p.validate(); !valid)
        return valid.error();
    return p;
}

} // namespace kafdesk::localclusterprofile
