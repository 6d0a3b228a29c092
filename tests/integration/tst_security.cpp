// The secure bundled cluster (kafdesk-ctl cluster start --secure): SASL_SSL with the cluster's CA,
// SCRAM users made at format time, ACLs enforced. The right credentials connect (Kafdesk and kcat),
// each kind of wrong one fails with its own sentence, the ordinary user may create a topic only
// once an ACL allows it, and Kafdesk's other ways into a local cluster keep working.

#include "admin/clusteroperations.h"
#include "kafka/consumer.h"
#include "kafka/metadataclient.h"
#include "kafka/producer.h"
#include "local/clustersecurity.h"
#include "local/quorumstatus.h"
#include "messages/messageexport.h"
#include "profiles/profilestore.h"
#include "support/testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

class TestSecurity : public QObject {
    Q_OBJECT
private:
    // The secrets check runs again in a child process under tests/support/run-with-keychain.sh (a
    // private keychain), on the parent's cluster: the child neither creates nor removes it.
    static bool isChild() { return qEnvironmentVariableIsSet("KAFDESK_SECURITY_CHILD"); }
    std::unique_ptr<OwnCluster> m_own;
    std::unique_ptr<LocalCluster> m_childCluster;
    QString m_bootstrap;
    QString m_ca;

    LocalCluster &cluster() { return m_childCluster ? *m_childCluster : m_own->cluster(); }

    // Owner, group and other bits (Qt's "user" bits repeat the owner's for the current user).
    static int modeOf(const QString &path) { return int(QFileInfo(path).permissions()) & 0x7077; }

    QMap<QString, QString> configFor(const QString &user)
    {
        auto config = cluster().clientConfig(user);
        return config ? config.value() : QMap<QString, QString>{};
    }

    static Result<MetadataSnapshot> fetchWith(const QMap<QString, QString> &config)
    {
        MetadataClient client(config.value(QStringLiteral("bootstrap.servers")), config);
        if (const Status v = client.valid(); !v)
            return v.error();
        return client.fetch(8000, false);
    }

    // kcat, an independent librdkafka client, with the same settings on its command line.
    static RunResult kcatList(const QMap<QString, QString> &config)
    {
        QStringList args{QStringLiteral("-L"), QStringLiteral("-m"), QStringLiteral("10")};
        for (auto it = config.cbegin(); it != config.cend(); ++it) {
            if (it.key() == QLatin1String("bootstrap.servers"))
                args << QStringLiteral("-b") << it.value();
            else
                args << QStringLiteral("-X") << it.key() + QLatin1Char('=') + it.value();
        }
        return run(QStringLiteral("kcat"), args, {}, 30000);
    }

    Status createTopicAs(const QString &user, const QString &topic)
    {
        auto ops = ClusterOperations::connect(ConnectionSettings{user, configFor(user), false});
        if (!ops)
            return ops.error();
        CreateTopicRequest request;
        request.name = topic;
        request.partitions = 1;
        return ops.value()->createTopic(request);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (isChild()) {
            m_childCluster =
                std::make_unique<LocalCluster>(qEnvironmentVariable("KAFDESK_SECURITY_CHILD"), clustersDir());
            m_bootstrap = cluster().state()->bootstrapServers();
            return;
        }
        m_own = std::make_unique<OwnCluster>(QStringLiteral("secure"));
        LocalCluster::StartOptions options;
        options.secure = true;
        options.brokers = 3;
        auto started = cluster().start(options);
        QVERIFY2(started.ok(), qPrintable(started ? QString() : started.error().fullText()));
        QVERIFY(started->secure);
        m_bootstrap = started->bootstrapServers();
        m_ca = clustersecurity::caFile(cluster().paths());
    }

    void credentialsStayInTheClusterDirectory()
    {
        if (isChild())
            QSKIP("parent only");
        const QString security = clustersecurity::securityDir(cluster().paths());
        QCOMPARE(modeOf(security), int(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        const int ownerOnly = int(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QStringList files{clustersecurity::credentialsFile(cluster().paths()),
                          clustersecurity::adminCommandConfig(cluster().paths()), m_ca};
        for (const int id : {1, 2, 3})
            files << cluster().paths().nodeConfig(id) << clustersecurity::nodeKeystore(cluster().paths(), id);
        for (const QString &f : std::as_const(files)) {
            QVERIFY2(QFile::exists(f), qPrintable(f));
            QCOMPARE(modeOf(f), ownerOnly);
        }
        // The CA's key is gone: no further certificate can be made for the node principal.
        QVERIFY(!QFile::exists(security + QStringLiteral("/ca.key")));
        QVERIFY(!QFile::exists(security + QStringLiteral("/format.args")));
    }

    void statusNamesTheSecurityButNoPassword()
    {
        if (isChild())
            QSKIP("parent only");
        const RunResult r = ctl({QStringLiteral("cluster"), QStringLiteral("status"), QStringLiteral("--name"),
                                 m_own->name(), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject status = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(status.value(QStringLiteral("secure")).toBool(), true);
        QCOMPARE(status.value(QStringLiteral("reachable")).toBool(), true);
        QCOMPARE(status.value(QStringLiteral("bootstrap")).toString(), m_bootstrap);
        const QJsonObject security = status.value(QStringLiteral("security")).toObject();
        QCOMPARE(security.value(QStringLiteral("protocol")).toString(), QStringLiteral("SASL_SSL"));
        QCOMPARE(security.value(QStringLiteral("caFile")).toString(), m_ca);
        QCOMPARE(security.value(QStringLiteral("users")).toArray(),
                 QJsonArray({QStringLiteral("admin"), QStringLiteral("app")}));
        QCOMPARE(security.value(QStringLiteral("passwordFile")).toString(),
                 clustersecurity::credentialsFile(cluster().paths()));
        for (const QString &user : clustersecurity::userNames()) {
            const QString password = configFor(user).value(QStringLiteral("sasl.password"));
            QVERIFY(password.size() >= 20);
            QVERIFY2(!r.out.contains(password) && !r.err.contains(password), qPrintable(user));
        }
        // Only on request: one user's password.
        const RunResult one = ctl({QStringLiteral("cluster"), QStringLiteral("credentials"), QStringLiteral("--name"),
                                   m_own->name(), QStringLiteral("--user"), QStringLiteral("app")});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.out.trimmed(), configFor(QStringLiteral("app")).value(QStringLiteral("sasl.password")));
    }

    void rightCredentialsConnect()
    {
        if (isChild())
            QSKIP("parent only");
        for (const QString &user : clustersecurity::userNames()) {
            const auto config = configFor(user);
            QCOMPARE(config.value(QStringLiteral("security.protocol")), QStringLiteral("sasl_ssl"));
            QCOMPARE(config.value(QStringLiteral("ssl.ca.location")), m_ca);
            auto md = fetchWith(config);
            QVERIFY2(md.ok(), qPrintable(user + QStringLiteral(": ") + (md ? QString() : md.error().fullText())));
            QCOMPARE(md->brokerIds(), QList<int>({1, 2, 3}));
            const RunResult k = kcatList(config);
            QVERIFY2(k.exitCode == 0 && k.out.contains(QStringLiteral("3 brokers:")), qPrintable(k.describe()));
        }
        // Plaintext 127.0.0.1 connections are gone: the broker port speaks TLS only.
        QVERIFY(!fetchWith({{QStringLiteral("bootstrap.servers"), m_bootstrap}}).ok());
    }

    void scramUsersExistForJavaClients()
    {
        if (isChild())
            QSKIP("parent only");
        // Kafka's own tools authenticate with SCRAM-SHA-512 (the users made at format time).
        const RunResult r =
            kafkaTool(QStringLiteral("org.apache.kafka.tools.TopicCommand"),
                      {QStringLiteral("--bootstrap-server"), m_bootstrap.section(QLatin1Char(','), 0, 0),
                       QStringLiteral("--command-config"), cluster().toolCommandConfig(), QStringLiteral("--list")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QString config = QString::fromUtf8([&] {
            QFile f(cluster().toolCommandConfig());
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }());
        QVERIFY(config.contains(QStringLiteral("sasl.mechanism=SCRAM-SHA-512")));
    }

    void eachWrongSettingHasItsOwnMessage()
    {
        if (isChild())
            QSKIP("parent only");
        const auto admin = configFor(QStringLiteral("admin"));
        QMap<QString, QString> wrongPassword = admin;
        wrongPassword[QStringLiteral("sasl.password")] = QStringLiteral("not-the-password");

        // A CA of someone else's: the broker's certificate is not signed by it.
        QTemporaryDir otherCa;
        const RunResult made =
            run(QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                 QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                 QStringLiteral("-keyout"), otherCa.filePath(QStringLiteral("k.pem")), QStringLiteral("-out"),
                 otherCa.filePath(QStringLiteral("ca.pem")), QStringLiteral("-subj"),
                 QStringLiteral("/CN=Someone else"), QStringLiteral("-days"), QStringLiteral("2")});
        QCOMPARE(made.exitCode, 0);
        QMap<QString, QString> unknownCa = admin;
        unknownCa[QStringLiteral("ssl.ca.location")] = otherCa.filePath(QStringLiteral("ca.pem"));

        QMap<QString, QString> wrongMechanism = admin;
        wrongMechanism[QStringLiteral("sasl.mechanisms")] = QStringLiteral("SCRAM-SHA-256");

        const QMap<QString, QString> plaintext{{QStringLiteral("bootstrap.servers"), m_bootstrap},
                                               {QStringLiteral("security.protocol"), QStringLiteral("plaintext")}};
        // TLS without SASL: the broker waits for a SASL handshake that never comes.
        const QMap<QString, QString> tlsOnly{{QStringLiteral("bootstrap.servers"), m_bootstrap},
                                             {QStringLiteral("security.protocol"), QStringLiteral("ssl")},
                                             {QStringLiteral("ssl.ca.location"), m_ca}};

        const QList<QPair<QString, QMap<QString, QString>>> cases{{QStringLiteral("wrong password"), wrongPassword},
                                                                  {QStringLiteral("unknown CA"), unknownCa},
                                                                  {QStringLiteral("wrong mechanism"), wrongMechanism},
                                                                  {QStringLiteral("plaintext"), plaintext},
                                                                  {QStringLiteral("TLS without SASL"), tlsOnly}};
        QStringList messages;
        for (const auto &[what, config] : cases) {
            auto md = fetchWith(config);
            QVERIFY2(!md.ok(), qPrintable(what));
            qInfo().noquote() << what << "->" << md.error().message << "| detail:" << md.error().detail;
            QVERIFY2(!md.error().detail.isEmpty(), qPrintable(what)); // librdkafka's own text
            messages << md.error().message;
        }
        QVERIFY2(messages[0].startsWith(QStringLiteral("Authentication failed")), qPrintable(messages[0]));
        QVERIFY2(messages[1].contains(QStringLiteral("not signed by a trusted CA")), qPrintable(messages[1]));
        QVERIFY2(messages[2].contains(QStringLiteral("SASL mechanism")), qPrintable(messages[2]));
        QVERIFY2(messages[3].contains(QStringLiteral("expects TLS")), qPrintable(messages[3]));
        QCOMPARE(QSet<QString>(messages.cbegin(), messages.cend()).size(), messages.size());
    }

    void ordinaryUserNeedsAnAclToCreateATopic()
    {
        if (isChild())
            QSKIP("parent only");
        const QString topic = uniqueName(QStringLiteral("secure-acl"));
        const Status refused = createTopicAs(QStringLiteral("app"), topic);
        QVERIFY(!refused.ok());
        qInfo().noquote() << "refused ->" << refused.error().message << "| detail:" << refused.error().detail;
        QVERIFY2(refused.error().message.contains(QStringLiteral("authorization was denied")),
                 qPrintable(refused.error().fullText()));
        QVERIFY2(refused.error().detail.contains(QStringLiteral("TOPIC_AUTHORIZATION_FAILED")),
                 qPrintable(refused.error().detail));

        // The admin grants it with Kafka's own tool, over SCRAM-SHA-512.
        const RunResult acl =
            kafkaTool(QStringLiteral("org.apache.kafka.tools.AclCommand"),
                      {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--command-config"),
                       cluster().toolCommandConfig(), QStringLiteral("--add"), QStringLiteral("--allow-principal"),
                       QStringLiteral("User:app"), QStringLiteral("--operation"), QStringLiteral("Create"),
                       QStringLiteral("--topic"), topic});
        QVERIFY2(acl.exitCode == 0, qPrintable(acl.describe()));

        // ACLs reach every broker through the metadata log: allow a moment.
        Status created = failure(QStringLiteral("not tried"));
        const qint64 took =
            waitUntil([&] { return (created = createTopicAs(QStringLiteral("app"), topic)).ok(); }, 30s, 500);
        QVERIFY2(took >= 0, qPrintable(created ? QString() : created.error().fullText()));
        auto md = fetchWith(configFor(QStringLiteral("admin")));
        QVERIFY(md.ok());
        QTRY_VERIFY_WITH_TIMEOUT(fetchWith(configFor(QStringLiteral("admin")))->topic(topic) != nullptr, 15000);
        // Another topic stays refused: the ACL names this one only.
        QVERIFY(!createTopicAs(QStringLiteral("app"), topic + QStringLiteral("-other")).ok());
    }

    void localClusterToolsKeepWorking()
    {
        if (isChild())
            QSKIP("parent only");
        const RunResult topics =
            ctl({QStringLiteral("topics"), QStringLiteral("list"), QStringLiteral("--local"), m_own->name()});
        QVERIFY2(topics.exitCode == 0, qPrintable(topics.describe()));
        QVERIFY(topics.out.contains(QStringLiteral("secure-acl")));
        auto quorum = QuorumStatus::fetch(m_bootstrap.section(QLatin1Char(','), 0, 0), 60s, nullptr,
                                          cluster().toolCommandConfig());
        QVERIFY2(quorum.ok(), qPrintable(quorum ? QString() : quorum.error().fullText()));
        QCOMPARE(quorum->voters, QList<int>({1, 2, 3}));
        QVERIFY(quorum->leaderId >= 1);
        // A node restarted alone is waited for with the admin's credentials too (its own wait is
        // 60 s, which a loaded 2-core machine can exceed: then the cluster gets two minutes more).
        const Status restarted = cluster().restartNode(2);
        if (!restarted)
            qInfo().noquote() << "restart:" << restarted.error().fullText();
        auto md = cluster().waitForBrokers({1, 2, 3}, 120s);
        QVERIFY2(md.ok(), qPrintable(md ? QString() : md.error().fullText()));
    }

    // No secret in QSettings, logs or exports: the child saves a profile (password in the keychain),
    // connects with it, lists topics, produces, consumes, exports, and runs kafdesk-ctl with
    // --profile; then every file it wrote and everything it printed is searched for the passwords.
    void noSecretInSettingsLogsOrExports()
    {
        if (isChild())
            QSKIP("parent only");
        const QString wrapper = QStringLiteral(QT_TESTCASE_SOURCEDIR "/../support/run-with-keychain.sh");
        QTemporaryDir work;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KAFDESK_SECURITY_CHILD"), m_own->name());
        env.insert(QStringLiteral("KAFDESK_CLUSTERS_DIR"), clustersDir());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), work.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("KAFDESK_SECURITY_WORK"), work.path());
        const RunResult child =
            run(QStringLiteral("sh"),
                {wrapper, QCoreApplication::applicationFilePath(), QStringLiteral("secretsChild")}, env, 180000);
        QVERIFY2(child.exitCode == 0, qPrintable(child.describe()));
        QVERIFY2(child.out.contains(QStringLiteral("PASS   : TestSecurity::secretsChild()")),
                 qPrintable(child.describe()));

        QStringList secrets;
        for (const QString &user : clustersecurity::userNames())
            secrets << configFor(user).value(QStringLiteral("sasl.password"));
        auto credentials = clustersecurity::load(cluster().paths());
        QVERIFY(credentials.ok());
        secrets << credentials->keystorePassword;
        QStringList searched;
        QDirIterator it(work.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray content = f.readAll();
            searched << QFileInfo(f.fileName()).fileName();
            for (const QString &secret : std::as_const(secrets))
                QVERIFY2(!content.contains(secret.toUtf8()), qPrintable(f.fileName()));
        }
        for (const QString &secret : std::as_const(secrets))
            QVERIFY2(!child.out.contains(secret) && !child.err.contains(secret), "the child printed a secret");
        // What was searched: the settings, the log, the export and kafdesk-ctl's output.
        for (const char *expected : {"export.jsonl", "app.log", "ctl.out"})
            QVERIFY2(searched.contains(QLatin1String(expected)), qPrintable(searched.join(QLatin1Char(' '))));
        const auto isSettings = [](const QString &n) { return n.endsWith(QLatin1String(".conf")); };
        QVERIFY2(std::any_of(searched.cbegin(), searched.cend(), isSettings),
                 qPrintable(searched.join(QLatin1Char(' '))));
    }

    void secretsChild()
    {
        if (!isChild())
            QSKIP("runs in the child of noSecretInSettingsLogsOrExports");
        const QString work = qEnvironmentVariable("KAFDESK_SECURITY_WORK");
        static FILE *log = std::fopen(QFile::encodeName(work + QStringLiteral("/app.log")).constData(), "w");
        QVERIFY(log);
        qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &text) {
            std::fprintf(log, "%s\n", text.toUtf8().constData());
            std::fflush(log);
        });
        QCoreApplication::setOrganizationName(QStringLiteral("kafdesk"));
        QCoreApplication::setApplicationName(QStringLiteral("kafdesk"));

        const auto admin = configFor(QStringLiteral("admin"));
        ConnectionProfile profile;
        profile.name = QStringLiteral("secure-local");
        profile.bootstrapServers = m_bootstrap;
        profile.securityProtocol = SecurityProtocol::SaslSsl;
        profile.saslMechanism = *saslMechanismFromName(admin.value(QStringLiteral("sasl.mechanisms")));
        profile.userName = QStringLiteral("admin");
        profile.password = admin.value(QStringLiteral("sasl.password"));
        profile.caFile = admin.value(QStringLiteral("ssl.ca.location"));
        {
            ProfileStore store;
            QSignalSpy saved(&store, &ProfileStore::saved);
            QVERIFY(store.save(profile).ok());
            QVERIFY(saved.wait(20000));
            qInfo() << "saved profile" << profile.redactedDescription();
        }
        ProfileStore store; // as a new run of the app would
        QSignalSpy loaded(&store, &ProfileStore::secretsLoaded);
        store.loadSecrets(profile.name);
        QVERIFY(loaded.wait(20000));
        const ConnectionProfile full = loaded.first().at(1).value<ConnectionProfile>();
        QCOMPARE(full.password, profile.password);

        const QMap<QString, QString> config = full.librdkafkaConfig();
        auto ops = ClusterOperations::connect(ConnectionSettings{full.name, config, false});
        QVERIFY2(ops.ok(), qPrintable(ops ? QString() : ops.error().fullText()));
        const QString topic = uniqueName(QStringLiteral("secure-secrets"));
        CreateTopicRequest request;
        request.name = topic;
        QVERIFY(ops.value()->createTopic(request).ok());
        auto md = ops.value()->metadata().fetch(10000);
        QVERIFY(md.ok());
        qInfo() << "topics:" << md->topics.size();

        ProducerConfig pc;
        pc.clientConfig = config;
        pc.connectionName = full.name;
        auto producer = Producer::create(pc);
        QVERIFY(producer.ok());
        QTRY_VERIFY_WITH_TIMEOUT(producer.value()->partitionCount(topic, 5000).ok(), 30000);
        QVERIFY(producer.value()->produce(topic, 0, QByteArray("k"), QByteArray("hello secure"), {}, 1).queued);
        QVERIFY(producer.value()->flush(30000));

        auto consumer = Consumer::create(config, topic, {});
        QVERIFY(consumer.ok());
        QVERIFY(consumer.value()->assign({{0, 0}}).ok());
        auto batch = std::make_shared<MessageBatch>();
        QList<ConsumerEvent> events;
        QTRY_VERIFY_WITH_TIMEOUT(consumer.value()->poll(*batch, 10, 500, {}, events) > 0 || batch->size() > 0, 30000);
        ExportSource source;
        source.topic = topic;
        source.spans = {MessageSpan{batch, 0, batch->size()}};
        QVERIFY(exportMessagesToFile(source, ExportFormat::JsonLines, work + QStringLiteral("/export.jsonl")).ok());

        // kafdesk-ctl reads the same profile, its password from the keychain.
        const RunResult listed = test::run(
            ctlPath(), {QStringLiteral("topics"), QStringLiteral("list"), QStringLiteral("--profile"), full.name});
        QVERIFY2(listed.exitCode == 0 && listed.out.contains(topic), qPrintable(listed.describe()));
        QFile out(work + QStringLiteral("/ctl.out"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write((listed.out + listed.err).toUtf8());
    }

    void cleanupTestCase() { m_own.reset(); }
};

QTEST_GUILESS_MAIN(TestSecurity)
#include "tst_security.moc"
