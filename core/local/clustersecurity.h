#pragma once

#include "local/clusterpaths.h"
#include "local/nodeconfig.h"
#include "util/result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kafdesk::clustersecurity {

// A secure bundled cluster: its client listener speaks SASL_SSL with SCRAM-SHA-512 (and PLAIN for
// librdkafka before 2.6.1, see clientSaslMechanism()); the controller
// listener speaks TLS with client certificates, since KRaft cannot authenticate controllers with
// SCRAM (their credentials live in the metadata log the controllers serve). Every node holds a
// certificate with the same subject (CN=kafdesk-node), signed by a CA made for this cluster alone
// and whose private key is deleted once the node certificates are signed: nobody can mint another
// certificate that the controller listener accepts, so that principal can be a super user.
//
// Everything lives in <cluster>/security (mode 0700, files 0600):
//   ca.pem                    the CA certificate clients trust
//   node-N.p12                node N's key and certificate (PKCS#12)
//   credentials.properties    the users' and the keystores' passwords
//   admin.properties          a --command-config file for Kafka's own tools, as the admin

QString adminUser(); // "admin": super user, also the inter-broker principal
QString appUser();   // "app": an ordinary user, allowed only what ACLs grant
QStringList userNames();
QString nodePrincipal(); // "User:CN=kafdesk-node"
QString saslMechanism(); // "SCRAM-SHA-512": the users, inter-broker traffic and Kafka's Java tools
// What librdkafka clients use: SCRAM-SHA-512 from librdkafka 2.6.1 on; PLAIN (over the same TLS,
// with the same users and passwords) before, since older librdkafka's SCRAM fails on Kafka 4.
QString clientSaslMechanism();

QString securityDir(const ClusterPaths &paths);
QString caFile(const ClusterPaths &paths);
QString credentialsFile(const ClusterPaths &paths);
QString adminCommandConfig(const ClusterPaths &paths);
QString nodeKeystore(const ClusterPaths &paths, int nodeId);

struct Credentials {
    QMap<QString, QString> passwords; // user name -> password
    QString keystorePassword;
    QString password(const QString &user) const { return passwords.value(user); }
};

// Generates the CA, the node certificates and keystores, the passwords and the admin's command
// config, with openssl. Blocks for a second or two.
Status create(const ClusterPaths &paths, const QList<int> &nodeIds);
Result<Credentials> load(const ClusterPaths &paths);

// The listeners, TLS, SASL and authorizer settings of one node (they replace the plaintext ones).
Properties nodeProperties(const ClusterPaths &paths, const NodeSpec &node, const Credentials &credentials);

// Arguments for Kafka's StorageTool format that create the SCRAM users (KIP-900). They go through
// a java @argfile (0600, removed by removeFormatArguments) so that no password shows in the
// process table.
Result<QStringList> writeFormatArguments(const ClusterPaths &paths, const Credentials &credentials);
void removeFormatArguments(const ClusterPaths &paths);

// librdkafka settings for `user` on this cluster (security only, no bootstrap.servers).
QMap<QString, QString> clientConfig(const ClusterPaths &paths, const Credentials &credentials, const QString &user);

// Writes `text` to `path` with mode 0600 from the start.
Status writePrivateFile(const QString &path, const QByteArray &text);

} // namespace kafdesk::clustersecurity
