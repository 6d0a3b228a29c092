#include "local/clustersecurity.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

#include <librdkafka/rdkafka.h>

namespace kafdesk::clustersecurity {

namespace {

constexpr QFileDevice::Permissions privateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions privateDir =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
const char *const keystoreEnv = "KAFDESK_KEYSTORE_PASSWORD";

// Letters and digits only: the passwords go into JAAS settings, java argfiles and SCRAM format
// arguments, none of which then needs quoting. 24 of 62 symbols: about 143 bits.
QString randomPassword()
{
    static const QLatin1String alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    QString out;
    for (int i = 0; i < 24; ++i)
        out += alphabet.at(QRandomGenerator::system()->bounded(static_cast<int>(alphabet.size())));
    return out;
}

QString keyFile(const ClusterPaths &paths, const QString &base)
{
    return securityDir(paths) + QLatin1Char('/') + base;
}

// Runs openssl in the security directory; the keystore password only ever travels in the
// environment (never on a command line another user could read in the process table).
Status openssl(const ClusterPaths &paths, const QStringList &args, const QString &keystorePassword = {})
{
    QProcess p;
    p.setWorkingDirectory(securityDir(paths));
    p.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!keystorePassword.isEmpty())
        env.insert(QLatin1String(keystoreEnv), keystorePassword);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForStarted(10000))
        return failure(QStringLiteral("openssl could not be started: the secure cluster needs it to make its "
                                      "certificates."),
                       p.errorString() + QStringLiteral(" (install Debian's package openssl)"));
    if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        p.kill();
        return failure(
            QStringLiteral("openssl failed while making the cluster's certificates (openssl %1).").arg(args.value(0)),
            QString::fromUtf8(p.readAll()).trimmed());
    }
    return ok();
}

QStringList ecKeyArguments()
{
    return {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
}

Status makeCa(const ClusterPaths &paths)
{
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509")};
    args << ecKeyArguments();
    args << QStringLiteral("-keyout") << QStringLiteral("ca.key") << QStringLiteral("-out") << QStringLiteral("ca.pem")
         << QStringLiteral("-days") << QStringLiteral("3650") << QStringLiteral("-subj")
         << QStringLiteral("/CN=Kafdesk local cluster %1 CA").arg(paths.name()) << QStringLiteral("-addext")
         << QStringLiteral("basicConstraints=critical,CA:TRUE") << QStringLiteral("-addext")
         << QStringLiteral("keyUsage=critical,keyCertSign,cRLSign");
    return openssl(paths, args);
}

Status makeNodeKeystore(const ClusterPaths &paths, int id, const QString &keystorePassword)
{
    const QString base = QStringLiteral("node-%1").arg(id);
    QStringList req{QStringLiteral("req"), QStringLiteral("-new")};
    req << ecKeyArguments();
    req << QStringLiteral("-keyout") << base + QStringLiteral(".key") << QStringLiteral("-out")
        << base + QStringLiteral(".csr") << QStringLiteral("-subj") << QStringLiteral("/CN=kafdesk-node");
    if (const Status s = openssl(paths, req); !s)
        return s;
    // Clients check the broker's certificate against the address they dial: 127.0.0.1 or localhost.
    const QByteArray extensions = "subjectAltName=IP:127.0.0.1,DNS:localhost\n"
                                  "basicConstraints=critical,CA:FALSE\n"
                                  "keyUsage=critical,digitalSignature,keyEncipherment\n"
                                  "extendedKeyUsage=serverAuth,clientAuth\n";
    if (const Status w = writePrivateFile(keyFile(paths, base + QStringLiteral(".ext")), extensions); !w)
        return w;
    QByteArray serial(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(serial.begin(), serial.end());
    serial[0] = static_cast<char>(serial[0] & 0x7f); // a positive serial number
    const QStringList sign{QStringLiteral("x509"),        QStringLiteral("-req"),
                           QStringLiteral("-in"),         base + QStringLiteral(".csr"),
                           QStringLiteral("-CA"),         QStringLiteral("ca.pem"),
                           QStringLiteral("-CAkey"),      QStringLiteral("ca.key"),
                           QStringLiteral("-set_serial"), QStringLiteral("0x") + QString::fromLatin1(serial.toHex()),
                           QStringLiteral("-days"),       QStringLiteral("3650"),
                           QStringLiteral("-extfile"),    base + QStringLiteral(".ext"),
                           QStringLiteral("-out"),        base + QStringLiteral(".crt")};
    if (const Status s = openssl(paths, sign); !s)
        return s;
    const QStringList pkcs12{QStringLiteral("pkcs12"),    QStringLiteral("-export"),
                             QStringLiteral("-in"),       base + QStringLiteral(".crt"),
                             QStringLiteral("-inkey"),    base + QStringLiteral(".key"),
                             QStringLiteral("-certfile"), QStringLiteral("ca.pem"),
                             QStringLiteral("-name"),     QStringLiteral("kafdesk-node"),
                             QStringLiteral("-out"),      base + QStringLiteral(".p12"),
                             QStringLiteral("-passout"),  QStringLiteral("env:") + QLatin1String(keystoreEnv)};
    if (const Status s = openssl(paths, pkcs12, keystorePassword); !s)
        return s;
    for (const char *ext : {".key", ".csr", ".ext", ".crt"})
        QFile::remove(keyFile(paths, base + QLatin1String(ext)));
    QFile::setPermissions(nodeKeystore(paths, id), privateFile);
    return ok();
}

QString jaasConfig(const QString &user, const QString &password)
{
    return QStringLiteral("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%1\" "
                          "password=\"%2\";")
        .arg(user, password);
}

QString plainJaasConfig(const Credentials &c)
{
    QString users;
    for (const QString &user : userNames())
        users += QStringLiteral(" user_%1=\"%2\"").arg(user, c.password(user));
    return QStringLiteral("org.apache.kafka.common.security.plain.PlainLoginModule required username=\"%1\" "
                          "password=\"%2\"%3;")
        .arg(adminUser(), c.password(adminUser()), users);
}

} // namespace

QString adminUser()
{
    return QStringLiteral("admin");
}
QString appUser()
{
    return QStringLiteral("app");
}
QStringList userNames()
{
    return {adminUser(), appUser()};
}
QString nodePrincipal()
{
    return QStringLiteral("User:CN=kafdesk-node");
}
QString saslMechanism()
{
    return QStringLiteral("SCRAM-SHA-512");
}

QString clientSaslMechanism()
{
    // librdkafka before 2.6.1 appends the client nonce twice to its SCRAM client-final-message;
    // Kafka 4 checks the nonce strictly (as RFC 5802 asks) and refuses the proof
    // (confluentinc/librdkafka#4895). Debian 12 ships 2.0.2.
    return rd_kafka_version() >= 0x020601ff ? saslMechanism() : QStringLiteral("PLAIN");
}

QString securityDir(const ClusterPaths &paths)
{
    return paths.dir() + QStringLiteral("/security");
}
QString caFile(const ClusterPaths &paths)
{
    return securityDir(paths) + QStringLiteral("/ca.pem");
}
QString credentialsFile(const ClusterPaths &paths)
{
    return securityDir(paths) + QStringLiteral("/credentials.properties");
}
QString adminCommandConfig(const ClusterPaths &paths)
{
    return securityDir(paths) + QStringLiteral("/admin.properties");
}
QString nodeKeystore(const ClusterPaths &paths, int nodeId)
{
    return securityDir(paths) + QStringLiteral("/node-%1.p12").arg(nodeId);
}

Status writePrivateFile(const QString &path, const QByteArray &text)
{
    QFile::remove(path);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, privateFile) || f.write(text) != text.size()) {
        const QString why = f.errorString();
        f.close();
        QFile::remove(path);
        return failure(QStringLiteral("Could not write %1.").arg(path), why);
    }
    return ok();
}

Status create(const ClusterPaths &paths, const QList<int> &nodeIds)
{
    const QString dir = securityDir(paths);
    if (!QDir().mkpath(dir) || !QFile::setPermissions(dir, privateDir))
        return failure(QStringLiteral("Could not create %1.").arg(dir));
    Credentials c;
    for (const QString &user : userNames())
        c.passwords.insert(user, randomPassword());
    c.keystorePassword = randomPassword();
    Properties stored;
    for (const QString &user : userNames())
        stored.append({user + QStringLiteral(".password"), c.password(user)});
    stored.append({QStringLiteral("keystore.password"), c.keystorePassword});
    const QString header = QStringLiteral("Kafdesk secure cluster \"%1\": passwords (keep private)").arg(paths.name());
    if (const Status w = writePrivateFile(credentialsFile(paths), renderProperties(stored, header).toUtf8()); !w)
        return w;

    if (const Status s = makeCa(paths); !s)
        return s;
    for (const int id : nodeIds)
        if (const Status s = makeNodeKeystore(paths, id, c.keystorePassword); !s)
            return s;
    // Without the CA's key no further certificate can be signed for the node principal.
    QFile::remove(keyFile(paths, QStringLiteral("ca.key")));
    QFile::setPermissions(caFile(paths), privateFile);

    const Properties tool{
        {QStringLiteral("security.protocol"), QStringLiteral("SASL_SSL")},
        {QStringLiteral("sasl.mechanism"), saslMechanism()},
        {QStringLiteral("sasl.jaas.config"), jaasConfig(adminUser(), c.password(adminUser()))},
        {QStringLiteral("ssl.truststore.type"), QStringLiteral("PEM")},
        {QStringLiteral("ssl.truststore.location"), caFile(paths)},
    };
    const QString toolHeader =
        QStringLiteral("Kafka tools' --command-config for \"%1\" as %2").arg(paths.name(), adminUser());
    return writePrivateFile(adminCommandConfig(paths), renderProperties(tool, toolHeader).toUtf8());
}

Result<Credentials> load(const ClusterPaths &paths)
{
    QFile f(credentialsFile(paths));
    if (!f.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("The secure cluster \"%1\" has no credentials file (%2).")
                           .arg(paths.name(), credentialsFile(paths)),
                       f.errorString());
    const Properties stored = parseProperties(QString::fromUtf8(f.readAll()));
    Credentials c;
    for (const QString &user : userNames())
        c.passwords.insert(user, propertyValue(stored, user + QStringLiteral(".password")));
    c.keystorePassword = propertyValue(stored, QStringLiteral("keystore.password"));
    if (c.keystorePassword.isEmpty() || c.password(adminUser()).isEmpty())
        return failure(QStringLiteral("The credentials file of cluster \"%1\" is incomplete (%2).")
                           .arg(paths.name(), credentialsFile(paths)));
    return c;
}

Properties nodeProperties(const ClusterPaths &paths, const NodeSpec &node, const Credentials &c)
{
    const QString listeners = QStringLiteral("SASL_SSL://127.0.0.1:%1,CONTROLLER://127.0.0.1:%2")
                                  .arg(node.brokerPort)
                                  .arg(node.controllerPort);
    return {
        {QStringLiteral("listeners"), listeners},
        {QStringLiteral("advertised.listeners"), listeners},
        {QStringLiteral("listener.security.protocol.map"), QStringLiteral("CONTROLLER:SSL,SASL_SSL:SASL_SSL")},
        {QStringLiteral("inter.broker.listener.name"), QStringLiteral("SASL_SSL")},
        {QStringLiteral("sasl.enabled.mechanisms"), saslMechanism() + QStringLiteral(",PLAIN")},
        {QStringLiteral("sasl.mechanism.inter.broker.protocol"), saslMechanism()},
        {QStringLiteral("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config"),
         jaasConfig(adminUser(), c.password(adminUser()))},
        // PLAIN over TLS with the same users and passwords, for librdkafka before 2.6.1 (see
        // clientSaslMechanism()); its users live here, where Kafka's PLAIN login module reads them.
        {QStringLiteral("listener.name.sasl_ssl.plain.sasl.jaas.config"), plainJaasConfig(c)},
        // Only holders of a certificate from this cluster's CA (its nodes) reach the controllers.
        {QStringLiteral("listener.name.controller.ssl.client.auth"), QStringLiteral("required")},
        {QStringLiteral("ssl.keystore.type"), QStringLiteral("PKCS12")},
        {QStringLiteral("ssl.keystore.location"), nodeKeystore(paths, node.id)},
        {QStringLiteral("ssl.keystore.password"), c.keystorePassword},
        {QStringLiteral("ssl.key.password"), c.keystorePassword},
        {QStringLiteral("ssl.truststore.type"), QStringLiteral("PEM")},
        {QStringLiteral("ssl.truststore.location"), caFile(paths)},
        {QStringLiteral("ssl.endpoint.identification.algorithm"), QStringLiteral("https")},
        {QStringLiteral("super.users"), QStringLiteral("User:%1;%2").arg(adminUser(), nodePrincipal())},
        {QStringLiteral("allow.everyone.if.no.acl.found"), QStringLiteral("false")},
    };
}

Result<QStringList> writeFormatArguments(const ClusterPaths &paths, const Credentials &c)
{
    QByteArray text;
    for (const QString &user : userNames())
        text += "--add-scram\n" +
                QStringLiteral("%1=[name=%2,password=%3]\n").arg(saslMechanism(), user, c.password(user)).toUtf8();
    const QString file = securityDir(paths) + QStringLiteral("/format.args");
    if (const Status w = writePrivateFile(file, text); !w)
        return w.error();
    return QStringList{QLatin1Char('@') + file};
}

void removeFormatArguments(const ClusterPaths &paths)
{
    QFile::remove(securityDir(paths) + QStringLiteral("/format.args"));
}

QMap<QString, QString> clientConfig(const ClusterPaths &paths, const Credentials &c, const QString &user)
{
    return {
        {QStringLiteral("security.protocol"), QStringLiteral("sasl_ssl")},
        {QStringLiteral("sasl.mechanisms"), clientSaslMechanism()},
        {QStringLiteral("sasl.username"), user},
        {QStringLiteral("sasl.password"), c.password(user)},
        {QStringLiteral("ssl.ca.location"), caFile(paths)},
    };
}

} // namespace kafdesk::clustersecurity
