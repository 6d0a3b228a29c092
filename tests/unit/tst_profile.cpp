#include "profiles/connectionprofile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;

using Config = QMap<QString, QString>;

class TestProfile : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString file(const QString &name) const { return m_dir.filePath(name); }

    static ConnectionProfile plain()
    {
        ConnectionProfile p;
        p.name = QStringLiteral("prod");
        p.bootstrapServers = QStringLiteral("b1:9092");
        return p;
    }

    static ConnectionProfile with(SecurityProtocol protocol, SaslMechanism mechanism = SaslMechanism::None,
                                  const QString &user = {})
    {
        ConnectionProfile p = plain();
        p.securityProtocol = protocol;
        p.saslMechanism = mechanism;
        p.userName = user;
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (const char *name : {"ca.pem", "client.pem", "client.key", "client.p12"}) {
            QFile f(file(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("-----BEGIN CERTIFICATE-----\n");
        }
        QVERIFY(QDir(m_dir.path()).mkdir(QStringLiteral("store.p12")));
    }

    void namesRoundTrip()
    {
        for (const auto p : {SecurityProtocol::Plaintext, SecurityProtocol::Ssl, SecurityProtocol::SaslPlaintext,
                             SecurityProtocol::SaslSsl}) {
            QCOMPARE(securityProtocolFromName(nameOf(p)), p);
            QCOMPARE(securityProtocolFromName(librdkafkaNameOf(p)), p);
        }
        QCOMPARE(librdkafkaNameOf(SecurityProtocol::SaslSsl), QStringLiteral("sasl_ssl"));
        QCOMPARE(nameOf(SaslMechanism::ScramSha512), QStringLiteral("SCRAM-SHA-512"));
        QCOMPARE(saslMechanismFromName(QStringLiteral("scram-sha-256")), SaslMechanism::ScramSha256);
        QCOMPARE(saslMechanismFromName(QString()), SaslMechanism::None);
        QVERIFY(!saslMechanismFromName(QStringLiteral("GSSAPI")));
        QVERIFY(!securityProtocolFromName(QStringLiteral("TLS")));
    }

    void validProfiles_data()
    {
        QTest::addColumn<ConnectionProfile>("profile");
        QTest::newRow("plaintext") << plain();
        ConnectionProfile many = plain();
        many.bootstrapServers = QStringLiteral("b1.example.com:9092, 10.0.0.2:9093,[::1]:9094,kafka_1:1");
        QTest::newRow("several servers") << many;
        ConnectionProfile ssl = with(SecurityProtocol::Ssl);
        ssl.caFile = file(QStringLiteral("ca.pem"));
        ssl.clientCertFile = file(QStringLiteral("client.pem"));
        ssl.clientKeyFile = file(QStringLiteral("client.key"));
        ssl.keyPassword = QStringLiteral("k");
        QTest::newRow("ssl with pem") << ssl;
        ConnectionProfile caDir = with(SecurityProtocol::Ssl);
        caDir.caFile = m_dir.path();
        QTest::newRow("ssl with a CA directory") << caDir;
        ConnectionProfile sasl = with(SecurityProtocol::SaslSsl, SaslMechanism::ScramSha512, QStringLiteral("alice"));
        sasl.pkcs12File = file(QStringLiteral("client.p12"));
        sasl.pkcs12Password = QStringLiteral("p");
        sasl.labelColour = QStringLiteral("#d03a2f");
        sasl.extraProperties.insert(QStringLiteral("acks"), QStringLiteral("all"));
        sasl.extraProperties.insert(QStringLiteral("client.id"), QStringLiteral("kafdesk"));
        QTest::newRow("sasl_ssl with pkcs12") << sasl;
        QTest::newRow("sasl_plaintext plain")
            << with(SecurityProtocol::SaslPlaintext, SaslMechanism::Plain, QStringLiteral("bob"));
    }

    void validProfiles()
    {
        QFETCH(ConnectionProfile, profile);
        QCOMPARE(profile.problems(), QStringList());
        QVERIFY(profile.validate().ok());
    }

    void badProfiles_data()
    {
        QTest::addColumn<ConnectionProfile>("profile");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *tag, ConnectionProfile p, const char *message) {
            QTest::newRow(tag) << p << QString::fromUtf8(message);
        };
        const auto servers = [](const char *list) {
            ConnectionProfile p = plain();
            p.bootstrapServers = QLatin1String(list);
            return p;
        };
        ConnectionProfile p = plain();
        p.name.clear();
        row("no name", p, "The profile needs a name.");
        p.name = QStringLiteral("eu/prod");
        row("slash in name", p, "The profile name cannot contain / or \\.");
        p.name = QStringLiteral(" prod");
        row("space around name", p, "The profile name cannot start or end with a space.");
        row("no servers", servers("  "), "Give at least one bootstrap server, as host:port.");
        row("no port", servers("b1"), "The bootstrap server \"b1\" has no port: write it as host:port.");
        row("port 0", servers("b1:0"),
            "The bootstrap server \"b1:0\" has the port \"0\": a port is a number from 1 to 65535.");
        row("port too big", servers("b1:9092,b2:65536"),
            "The bootstrap server \"b2:65536\" has the port \"65536\": a port is a number from 1 to 65535.");
        row("port not a number", servers("b1:http"),
            "The bootstrap server \"b1:http\" has the port \"http\": a port is a number from 1 to 65535.");
        row("no host", servers(":9092"), "The bootstrap server \":9092\" has no host name.");
        row("empty entry", servers("b1:9092,,b2:9092"),
            "The bootstrap server list has an empty entry (two commas in a row, or one at an end).");
        row("protocol prefix", servers("SASL_SSL://b1:9092"),
            "The bootstrap server \"SASL_SSL://b1:9092\" has a protocol prefix: write it as host:port and "
            "choose the "
            "security protocol separately.");
        row("bare ipv6", servers("fe80::1:9092"),
            "The bootstrap server \"fe80::1:9092\" looks like an IPv6 address: write it in brackets, as "
            "[address]:port.");
        row("space in host", servers("my host:9092"),
            "The host name \"my host\" in the bootstrap servers has a character that is not allowed.");
        row("sasl without mechanism", with(SecurityProtocol::SaslSsl, SaslMechanism::None, QStringLiteral("alice")),
            "SASL_SSL needs a SASL mechanism: PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512.");
        row("sasl without user", with(SecurityProtocol::SaslPlaintext, SaslMechanism::Plain),
            "SASL_PLAINTEXT needs a user name.");
        row("mechanism without sasl", with(SecurityProtocol::Ssl, SaslMechanism::ScramSha256),
            "The SASL mechanism SCRAM-SHA-256 is set, but the security protocol SSL does not use SASL: "
            "choose "
            "SASL_PLAINTEXT or SASL_SSL.");
        p = with(SecurityProtocol::Ssl);
        p.caFile = QStringLiteral("/nonexistent/ca.pem");
        row("missing CA file", p, "The CA file \"/nonexistent/ca.pem\" does not exist.");
        p = with(SecurityProtocol::Ssl);
        p.pkcs12File = file(QStringLiteral("store.p12"));
        QTest::newRow("keystore is a directory")
            << p << QStringLiteral("The PKCS#12 keystore \"%1\" is a directory, not a file.").arg(p.pkcs12File);
        p = plain();
        p.caFile = file(QStringLiteral("ca.pem"));
        row("tls file on plaintext", p,
            "TLS files are set, but the security protocol PLAINTEXT does not use TLS: choose SSL or "
            "SASL_SSL.");
        p = with(SecurityProtocol::Ssl);
        p.clientCertFile = file(QStringLiteral("client.pem"));
        row("certificate without key", p,
            "A client certificate and its private key go together: give both files or neither.");
        p.clientKeyFile = file(QStringLiteral("client.key"));
        p.pkcs12File = file(QStringLiteral("client.p12"));
        row("pkcs12 and pem", p, "Use either a PKCS#12 keystore or a PEM certificate and key, not both.");
        p = with(SecurityProtocol::Ssl);
        p.keyPassword = QStringLiteral("k");
        row("key password without key", p, "A key password is set, but there is no client key file.");
        p = with(SecurityProtocol::Ssl);
        p.pkcs12Password = QStringLiteral("k");
        row("pkcs12 password without keystore", p, "A PKCS#12 password is set, but there is no PKCS#12 keystore.");
        p = plain();
        p.labelColour = QStringLiteral("red");
        row("bad colour", p, "The label colour \"red\" is not of the form #rrggbb.");
        p = plain();
        p.extraProperties.insert(QStringLiteral("key.serializer"), QStringLiteral("x"));
        row("unknown extra", p, "The extra property \"key.serializer\" is not a librdkafka property.");
        p = plain();
        p.extraProperties.insert(QStringLiteral("sasl.password"), QStringLiteral("x"));
        row("extra overrides a field", p,
            "The extra property \"sasl.password\" is a profile field: set it there instead.");
        p = plain();
        p.extraProperties.insert(QStringLiteral("enable.idempotence"), QStringLiteral("maybe"));
        row("extra with a bad value", p,
            "librdkafka refuses the value of the extra property \"enable.idempotence\": Expected bool value "
            "for "
            "\"enable.idempotence\": true or false.");
    }

    void badProfiles()
    {
        QFETCH(ConnectionProfile, profile);
        QFETCH(QString, message);
        QCOMPARE(profile.problems(), QStringList{message});
        const Status status = profile.validate();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().message, message);
    }

    void everyProblemIsReported()
    {
        ConnectionProfile p;
        p.securityProtocol = SecurityProtocol::SaslSsl;
        const QStringList problems = p.problems();
        QCOMPARE(problems.size(), 4);
        QCOMPARE(p.validate().error().message, problems.join(QLatin1Char(' ')));
    }

    void librdkafkaConfig_data()
    {
        QTest::addColumn<ConnectionProfile>("profile");
        QTest::addColumn<Config>("expected");
        ConnectionProfile p = plain();
        p.bootstrapServers = QStringLiteral(" b1:9092 , b2:9093");
        p.userName = QStringLiteral("ignored");
        p.caFile = QStringLiteral("/ignored.pem");
        QTest::newRow("plaintext") << p
                                   << Config{{QStringLiteral("bootstrap.servers"), QStringLiteral("b1:9092,b2:9093")},
                                             {QStringLiteral("security.protocol"), QStringLiteral("plaintext")}};
        p = with(SecurityProtocol::Ssl);
        p.caFile = QStringLiteral("/ca.pem");
        p.clientCertFile = QStringLiteral("/c.pem");
        p.clientKeyFile = QStringLiteral("/c.key");
        p.keyPassword = QStringLiteral("kp");
        QTest::newRow("ssl") << p
                             << Config{{QStringLiteral("bootstrap.servers"), QStringLiteral("b1:9092")},
                                       {QStringLiteral("security.protocol"), QStringLiteral("ssl")},
                                       {QStringLiteral("ssl.ca.location"), QStringLiteral("/ca.pem")},
                                       {QStringLiteral("ssl.certificate.location"), QStringLiteral("/c.pem")},
                                       {QStringLiteral("ssl.key.location"), QStringLiteral("/c.key")},
                                       {QStringLiteral("ssl.key.password"), QStringLiteral("kp")}};
        p = with(SecurityProtocol::SaslPlaintext, SaslMechanism::ScramSha256, QStringLiteral("alice"));
        p.password = QStringLiteral("pw");
        p.caFile = QStringLiteral("/not-used.pem");
        QTest::newRow("sasl_plaintext") << p
                                        << Config{
                                               {QStringLiteral("bootstrap.servers"), QStringLiteral("b1:9092")},
                                               {QStringLiteral("security.protocol"), QStringLiteral("sasl_plaintext")},
                                               {QStringLiteral("sasl.mechanisms"), QStringLiteral("SCRAM-SHA-256")},
                                               {QStringLiteral("sasl.username"), QStringLiteral("alice")},
                                               {QStringLiteral("sasl.password"), QStringLiteral("pw")}};
        p = with(SecurityProtocol::SaslSsl, SaslMechanism::ScramSha512, QStringLiteral("bob"));
        p.password = QStringLiteral("pw");
        p.caFile = QStringLiteral("/ca.pem");
        p.pkcs12File = QStringLiteral("/c.p12");
        p.pkcs12Password = QStringLiteral("sp");
        p.extraProperties = {{QStringLiteral("acks"), QStringLiteral("all")},
                             {QStringLiteral("security.protocol"), QStringLiteral("plaintext")}};
        QTest::newRow("sasl_ssl with extras")
            << p
            << Config{{QStringLiteral("bootstrap.servers"), QStringLiteral("b1:9092")},
                      {QStringLiteral("security.protocol"), QStringLiteral("sasl_ssl")},
                      {QStringLiteral("sasl.mechanisms"), QStringLiteral("SCRAM-SHA-512")},
                      {QStringLiteral("sasl.username"), QStringLiteral("bob")},
                      {QStringLiteral("sasl.password"), QStringLiteral("pw")},
                      {QStringLiteral("ssl.ca.location"), QStringLiteral("/ca.pem")},
                      {QStringLiteral("ssl.keystore.location"), QStringLiteral("/c.p12")},
                      {QStringLiteral("ssl.keystore.password"), QStringLiteral("sp")},
                      {QStringLiteral("acks"), QStringLiteral("all")}};
        QTest::newRow("sasl_ssl plain") << with(SecurityProtocol::SaslSsl, SaslMechanism::Plain, QStringLiteral("u"))
                                        << Config{{QStringLiteral("bootstrap.servers"), QStringLiteral("b1:9092")},
                                                  {QStringLiteral("security.protocol"), QStringLiteral("sasl_ssl")},
                                                  {QStringLiteral("sasl.mechanisms"), QStringLiteral("PLAIN")},
                                                  {QStringLiteral("sasl.username"), QStringLiteral("u")}};
    }

    void librdkafkaConfig()
    {
        QFETCH(ConnectionProfile, profile);
        QFETCH(Config, expected);
        QCOMPARE(profile.librdkafkaConfig(), expected);
    }

    void secretsAreSeparable()
    {
        ConnectionProfile p = with(SecurityProtocol::SaslSsl, SaslMechanism::Plain, QStringLiteral("alice"));
        p.password = QStringLiteral("pw-1");
        p.keyPassword = QStringLiteral("kp-2");
        p.pkcs12Password = QStringLiteral("sp-3");
        p.extraProperties = {{QStringLiteral("sasl.oauthbearer.client.secret"), QStringLiteral("cs-4")},
                             {QStringLiteral("acks"), QStringLiteral("all")}};
        const Config secrets{{QStringLiteral("password"), QStringLiteral("pw-1")},
                             {QStringLiteral("keyPassword"), QStringLiteral("kp-2")},
                             {QStringLiteral("pkcs12Password"), QStringLiteral("sp-3")},
                             {QStringLiteral("extra/sasl.oauthbearer.client.secret"), QStringLiteral("cs-4")}};
        QCOMPARE(p.secrets(), secrets);
        const ConnectionProfile bare = p.withoutSecrets();
        QVERIFY(bare.secrets().isEmpty());
        QCOMPARE(bare.extraProperties, (Config{{QStringLiteral("acks"), QStringLiteral("all")}}));
        QCOMPARE(bare.userName, QStringLiteral("alice"));
        ConnectionProfile back = bare;
        for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
            QVERIFY(back.setSecret(it.key(), it.value()));
        QCOMPARE(back, p);
        QVERIFY(!back.setSecret(QStringLiteral("userName"), QStringLiteral("x")));
        QVERIFY(!back.setSecret(QStringLiteral("extra/acks"), QStringLiteral("x")));
    }

    void descriptionHidesSecrets()
    {
        ConnectionProfile p = with(SecurityProtocol::SaslSsl, SaslMechanism::ScramSha256, QStringLiteral("alice"));
        p.password = QStringLiteral("pw-secret-1");
        p.caFile = QStringLiteral("/etc/ca.pem");
        p.clientCertFile = QStringLiteral("/c.pem");
        p.clientKeyFile = QStringLiteral("/c.key");
        p.keyPassword = QStringLiteral("kp-secret-2");
        p.pkcs12Password = QStringLiteral("sp-secret-3");
        p.readOnly = true;
        p.extraProperties = {{QStringLiteral("sasl.oauthbearer.client.secret"), QStringLiteral("cs-secret-4")},
                             {QStringLiteral("acks"), QStringLiteral("all")}};
        const QString d = p.redactedDescription();
        for (const char *secret : {"pw-secret-1", "kp-secret-2", "sp-secret-3", "cs-secret-4"})
            QVERIFY2(!d.contains(QLatin1String(secret)), qPrintable(d));
        for (const char *shown : {"\"prod\"", "SASL_SSL", "b1:9092", "SCRAM-SHA-256", "alice", "password set",
                                  "/etc/ca.pem", "read-only", "acks=all", "sasl.oauthbearer.client.secret=(hidden)"})
            QVERIFY2(d.contains(QLatin1String(shown)), qPrintable(d));
    }
};

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
