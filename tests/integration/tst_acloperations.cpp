// ACLs against the shared cluster (StandardAuthorizer, super.users=User:ANONYMOUS,
// allow.everyone.if.no.acl.found=true), checked with Kafka's own AclCommand: created by Kafdesk
// and listed by AclCommand, created by AclCommand (also from Kafdesk's own kafka-acls.sh lines)
// and listed by Kafdesk; deleted; bad input refused before sending; read-only refused; the ctl
// commands. Every ACL names a principal of this run only (never ANONYMOUS, which every other test
// connects as), and cleanupTestCase deletes them all.

#include "admin/clusteroperations.h"
#include "commands/aclcommand.h"
#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

const QString aclCommandClass = QStringLiteral("org.apache.kafka.tools.AclCommand");

// Kafka's enum spelling of our CamelCase names: IdempotentWrite -> IDEMPOTENT_WRITE.
QString kafkaEnum(const QString &camel)
{
    QString out;
    for (qsizetype i = 0; i < camel.size(); ++i) {
        if (i > 0 && camel.at(i).isUpper())
            out += QLatin1Char('_');
        out += camel.at(i).toUpper();
    }
    return out;
}

QString keyOf(const AclBinding &a)
{
    return QStringList{kafkaEnum(acl::name(a.resourceType)), a.resourceName, kafkaEnum(acl::name(a.patternType)),
                       a.principal, a.host, kafkaEnum(acl::name(a.operation)), kafkaEnum(acl::name(a.permission))}
        .join(QLatin1Char('|'));
}

// AclCommand --list output, as keys like keyOf's.
QSet<QString> parseAclCommandList(const QString &output)
{
    static const QRegularExpression resource(
        QStringLiteral("ResourcePattern\\(resourceType=(\\w+), name=(.*), patternType=(\\w+)\\)`"));
    static const QRegularExpression entry(
        QStringLiteral("\\(principal=(.*), host=(.*), operation=(\\w+), permissionType=(\\w+)\\)"));
    QSet<QString> out;
    QString current;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (const auto m = resource.match(line); m.hasMatch()) {
            current = m.captured(1) + QLatin1Char('|') + m.captured(2) + QLatin1Char('|') + m.captured(3);
            continue;
        }
        if (const auto m = entry.match(line); m.hasMatch() && !current.isEmpty())
            out << current + QLatin1Char('|') + QStringList{m.captured(1), m.captured(2), m.captured(3), m.captured(4)}.join(QLatin1Char('|'));
    }
    return out;
}

// A shell line's words, as sh splits them.
QStringList shellWords(const QString &line)
{
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("printf '%s\\n' ") + line});
    sh.waitForFinished();
    return QString::fromUtf8(sh.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

AclBinding binding(const QString &principal, AclResourceType type, const QString &name, AclOperation op,
                   AclPatternType pattern = AclPatternType::Literal, AclPermission permission = AclPermission::Allow,
                   const QString &host = QStringLiteral("*"))
{
    return AclBinding{type, name, pattern, principal, host, op, permission};
}

} // namespace

class TestAclOperations : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    const QString m_principal = QStringLiteral("User:") + uniqueName(QStringLiteral("kafdesk-test"));
    const QString m_peerPrincipal = QStringLiteral("User:") + uniqueName(QStringLiteral("kafdesk-test-peer"));
    const QString m_ctlPrincipal = QStringLiteral("User:") + uniqueName(QStringLiteral("kafdesk-test-ctl"));
    const QString m_topic = uniqueName(QStringLiteral("acl-topic"));
    std::unique_ptr<ClusterOperations> m_ops;

    RunResult aclCommand(const QStringList &args)
    {
        return kafkaTool(aclCommandClass, QStringList{QStringLiteral("--bootstrap-server"), m_bootstrap} + args);
    }

    QSet<QString> listedByKafka(const QString &principal)
    {
        const RunResult r = aclCommand({QStringLiteral("--list"), QStringLiteral("--principal"), principal});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return parseAclCommandList(r.out);
    }

    QSet<QString> listedByKafdesk(const QString &principal)
    {
        AclFilter f;
        f.principal = principal;
        auto acls = m_ops->listAcls(f);
        if (!acls) {
            qWarning("%s", qPrintable(acls.error().fullText()));
            return {};
        }
        QSet<QString> out;
        for (const AclBinding &a : acls.value())
            out << keyOf(a);
        return out;
    }

    RunResult ctlAcls(const QStringList &args)
    {
        return ctl(QStringList{QStringLiteral("acls")} + args + QStringList{QStringLiteral("--bootstrap"), m_bootstrap});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        auto ops = ClusterOperations::connect(ConnectionSettings::forBootstrap(m_bootstrap));
        QVERIFY2(ops, qPrintable(ops ? QString() : ops.error().fullText()));
        m_ops = std::move(ops).value();
        m_ops->admin().setTimeoutMs(30000);
    }

    void cleanupTestCase()
    {
        if (!m_ops)
            return;
        for (const QString &p : {m_principal, m_peerPrincipal, m_ctlPrincipal}) {
            AclFilter f;
            f.principal = p;
            auto deleted = m_ops->deleteAcls({f});
            QVERIFY2(deleted, qPrintable(deleted ? QString() : deleted.error().fullText()));
        }
    }

    void createdByKafdeskListedByAclCommand()
    {
        const QList<AclBinding> acls{
            binding(m_principal, AclResourceType::Topic, m_topic, AclOperation::Read),
            binding(m_principal, AclResourceType::Group, m_topic + QStringLiteral("-g"), AclOperation::Describe,
                    AclPatternType::Prefixed, AclPermission::Deny, QStringLiteral("192.0.2.7")),
            binding(m_principal, AclResourceType::Cluster, acl::clusterResourceName(), AclOperation::IdempotentWrite),
        };
        const Status s = m_ops->createAcls(acls);
        QVERIFY2(s, qPrintable(s ? QString() : s.error().fullText()));
        QSet<QString> expected;
        for (const AclBinding &a : acls)
            expected << keyOf(a);
        // ACLs reach every broker through the metadata log: the peer may ask one a moment behind.
        QSet<QString> seen;
        QVERIFY2(waitUntil([&] { return (seen = listedByKafka(m_principal)) == expected; }, std::chrono::seconds(60), 500) >= 0,
                 qPrintable(QStringList(seen.values()).join(QLatin1Char('\n'))));
        QTRY_COMPARE_WITH_TIMEOUT(listedByKafdesk(m_principal), expected, 30000);
        // Creating the same ACL again succeeds and changes nothing (Kafka's rule).
        QVERIFY(m_ops->createAcls({acls.first()}));
        QCOMPARE(listedByKafdesk(m_principal).size(), expected.size());
    }

    void createdByAclCommandListedByKafdesk()
    {
        const RunResult add = aclCommand({QStringLiteral("--add"), QStringLiteral("--allow-principal"), m_peerPrincipal,
                                          QStringLiteral("--operation"), QStringLiteral("Write"), QStringLiteral("--topic"),
                                          m_topic, QStringLiteral("--resource-pattern-type"), QStringLiteral("prefixed")});
        QVERIFY2(add.exitCode == 0, qPrintable(add.describe()));
        const QSet<QString> expected{
            keyOf(binding(m_peerPrincipal, AclResourceType::Topic, m_topic, AclOperation::Write, AclPatternType::Prefixed))};
        QTRY_COMPARE_WITH_TIMEOUT(listedByKafdesk(m_peerPrincipal), expected, 30000);

        // Filters: by resource with the match pattern (the prefixed ACL applies to a longer name),
        // by operation, and by permission.
        AclFilter match;
        match.resourceType = AclResourceType::Topic;
        match.resourceName = m_topic + QStringLiteral("-orders");
        match.patternType = AclPatternType::Match;
        match.principal = m_peerPrincipal;
        auto matched = m_ops->listAcls(match);
        QVERIFY(matched);
        QCOMPARE(matched->size(), 1);
        QCOMPARE(matched->first().operation, AclOperation::Write);
        AclFilter byOperation;
        byOperation.principal = m_peerPrincipal;
        byOperation.operation = AclOperation::Read;
        QVERIFY(m_ops->listAcls(byOperation)->isEmpty());
        byOperation.operation = AclOperation::Write;
        QCOMPARE(m_ops->listAcls(byOperation)->size(), 1);
    }

    // Kafdesk's own kafka-acls.sh lines, run by AclCommand, do what they say.
    void commandLinesRunByAclCommand()
    {
        const AclBinding a = binding(m_peerPrincipal, AclResourceType::Group, QStringLiteral("grp ") + m_topic,
                                     AclOperation::Read, AclPatternType::Literal, AclPermission::Deny,
                                     QStringLiteral("2001:db8::5"));
        const commands::Target target{m_bootstrap};
        QStringList words = shellWords(commands::createAcl(target, a).line);
        QCOMPARE(words.takeFirst(), QStringLiteral("kafka-acls.sh"));
        RunResult r = kafkaTool(aclCommandClass, words);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(listedByKafdesk(m_peerPrincipal).contains(keyOf(a)), 30000);

        words = shellWords(commands::deleteAcl(target, a).line);
        words.takeFirst();
        r = kafkaTool(aclCommandClass, words);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(!listedByKafdesk(m_peerPrincipal).contains(keyOf(a)), 30000);
        QVERIFY(listedByKafdesk(m_peerPrincipal).size() == 1); // the Write one stays
    }

    void deleteByKafdesk()
    {
        const AclBinding keep = binding(m_principal, AclResourceType::Topic, m_topic, AclOperation::Read);
        const AclBinding gone = binding(m_principal, AclResourceType::Topic, m_topic, AclOperation::Describe);
        QVERIFY(m_ops->createAcls({gone}));
        QTRY_VERIFY_WITH_TIMEOUT(listedByKafka(m_principal).contains(keyOf(gone)), 60000);
        auto deleted = m_ops->deleteAcls({AclFilter::exactly(gone)});
        QVERIFY2(deleted, qPrintable(deleted ? QString() : deleted.error().fullText()));
        QCOMPARE(deleted.value(), QList<AclBinding>{gone});
        QTRY_VERIFY_WITH_TIMEOUT(!listedByKafka(m_principal).contains(keyOf(gone)), 60000);
        QVERIFY(listedByKafdesk(m_principal).contains(keyOf(keep)));
        // Deleting what is not there: nothing deleted, no error.
        auto again = m_ops->deleteAcls({AclFilter::exactly(gone)});
        QVERIFY(again);
        QVERIFY(again->isEmpty());
    }

    void badInputRefusedBeforeSending()
    {
        const QString topic = uniqueName(QStringLiteral("acl-bad"));
        const QList<AclBinding> bad{
            binding(QStringLiteral("alice"), AclResourceType::Topic, topic, AclOperation::Read),
            binding(m_principal, AclResourceType::Topic, topic, AclOperation::Read, AclPatternType::Literal,
                    AclPermission::Allow, QStringLiteral("not-an-ip")),
            binding(m_principal, AclResourceType::Group, topic, AclOperation::Write),
            binding(m_principal, AclResourceType::TransactionalId, topic, AclOperation::Write),
        };
        for (const AclBinding &a : bad) {
            const Status s = m_ops->createAcls({a});
            QVERIFY(!s);
            QVERIFY2(s.error().badInput, qPrintable(s.error().fullText()));
        }
        AclFilter all;
        all.resourceType = AclResourceType::Topic;
        all.resourceName = topic;
        auto listed = m_ops->listAcls(all);
        QVERIFY(listed);
        QVERIFY(listed->isEmpty());
        // Deleting with an open filter is refused too.
        auto everything = m_ops->deleteAcls({AclFilter{}});
        QVERIFY(!everything);
        QVERIFY(everything.error().badInput);
    }

    // What Kafdesk does not check, the broker refuses, and its words are kept.
    void brokerRefusalInItsWords()
    {
        const Status s = m_ops->acls().create({binding(m_principal, AclResourceType::Topic, QString(), AclOperation::Read)});
        QVERIFY(!s);
        QVERIFY2(!s.error().detail.isEmpty(), qPrintable(s.error().fullText()));
        qInfo("broker said: %s", qPrintable(s.error().fullText()));
    }

    void readOnlyRefusesChanges()
    {
        ConnectionSettings settings = ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("ro"));
        settings.readOnly = true;
        auto ro = ClusterOperations::connect(settings);
        QVERIFY(ro);
        const AclBinding a = binding(m_principal, AclResourceType::Topic, m_topic, AclOperation::Alter);
        const Status created = ro.value()->createAcls({a});
        QVERIFY(!created);
        QVERIFY2(created.error().message.contains(QLatin1String("read-only")), qPrintable(created.error().message));
        QVERIFY(created.error().message.contains(QLatin1String("creating ACLs")));
        auto deleted = ro.value()->deleteAcls({AclFilter::exactly(binding(m_principal, AclResourceType::Topic, m_topic, AclOperation::Read))});
        QVERIFY(!deleted);
        QVERIFY(deleted.error().message.contains(QLatin1String("deleting ACLs")));
        AclFilter mine;
        mine.principal = m_principal;
        auto listed = ro.value()->listAcls(mine);
        QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().fullText()));
        QVERIFY(!listed->isEmpty()); // the Read ACL is still there: nothing was deleted
        QVERIFY(!listedByKafdesk(m_principal).contains(keyOf(a)));
    }

    void ctlCommands()
    {
        const QString topic = uniqueName(QStringLiteral("acl-ctl"));
        RunResult r = ctlAcls({QStringLiteral("create"), QStringLiteral("--principal"), m_ctlPrincipal,
                               QStringLiteral("--resource-type"), QStringLiteral("topic"), QStringLiteral("--resource"), topic,
                               QStringLiteral("--operation"), QStringLiteral("describe-configs"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject created = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QVERIFY(created.value(QStringLiteral("ok")).toBool());
        QVERIFY(created.value(QStringLiteral("command")).toString().contains(QLatin1String("--add")));
        const AclBinding a = binding(m_ctlPrincipal, AclResourceType::Topic, topic, AclOperation::DescribeConfigs);
        QTRY_VERIFY_WITH_TIMEOUT(listedByKafka(m_ctlPrincipal).contains(keyOf(a)), 60000);

        QJsonArray listed;
        QTRY_VERIFY_WITH_TIMEOUT(
            (listed = QJsonDocument::fromJson(ctlAcls({QStringLiteral("list"), QStringLiteral("--principal"), m_ctlPrincipal,
                                                       QStringLiteral("--json")})
                                                  .out.toUtf8())
                          .array())
                    .size() == 1,
            30000);
        const QJsonObject o = listed.first().toObject();
        QCOMPARE(o.value(QStringLiteral("principal")).toString(), m_ctlPrincipal);
        QCOMPARE(o.value(QStringLiteral("resourceType")).toString(), QStringLiteral("Topic"));
        QCOMPARE(o.value(QStringLiteral("resourceName")).toString(), topic);
        QCOMPARE(o.value(QStringLiteral("patternType")).toString(), QStringLiteral("Literal"));
        QCOMPARE(o.value(QStringLiteral("operation")).toString(), QStringLiteral("DescribeConfigs"));
        QCOMPARE(o.value(QStringLiteral("permission")).toString(), QStringLiteral("Allow"));
        QCOMPARE(o.value(QStringLiteral("host")).toString(), QStringLiteral("*"));

        // Without --yes: what would go is printed, nothing goes.
        r = ctlAcls({QStringLiteral("delete"), QStringLiteral("--principal"), m_ctlPrincipal});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.out.contains(QLatin1String("This ACL would be deleted")) && r.out.contains(topic), qPrintable(r.describe()));
        QVERIFY(r.err.contains(QLatin1String("repeat with --yes")));
        QVERIFY(listedByKafdesk(m_ctlPrincipal).contains(keyOf(a)));

        r = ctlAcls({QStringLiteral("delete"), QStringLiteral("--principal"), m_ctlPrincipal, QStringLiteral("--yes"),
                     QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject deleted = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(deleted.value(QStringLiteral("deleted")).toArray().size(), 1);
        QVERIFY(deleted.value(QStringLiteral("command")).toString().contains(QLatin1String("--remove --force")));
        QTRY_VERIFY_WITH_TIMEOUT(!listedByKafka(m_ctlPrincipal).contains(keyOf(a)), 60000);

        // The table output names the Kafka equivalent.
        r = ctlAcls({QStringLiteral("list"), QStringLiteral("--principal"), m_peerPrincipal});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QLatin1String("PRINCIPAL")));
        QVERIFY(r.out.contains(QLatin1String("Kafka equivalent: kafka-acls.sh --bootstrap-server")));
    }
};

QTEST_GUILESS_MAIN(TestAclOperations)
#include "tst_acloperations.moc"
