// ACL values without a broker: parsing the names people type, validation (one sentence per bad
// field), the kafka-acls.sh lines, and kafdesk-ctl acls refusing bad input before connecting.

#include "admin/acladmin.h"
#include "commands/aclcommand.h"
#include "support/testsupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace kafdesk;

namespace {

const commands::Target target{QStringLiteral("127.0.0.1:9092")};

AclBinding topicAcl(const QString &principal = QStringLiteral("User:alice"), const QString &topic = QStringLiteral("orders"))
{
    AclBinding a;
    a.principal = principal;
    a.resourceType = AclResourceType::Topic;
    a.resourceName = topic;
    a.operation = AclOperation::Read;
    return a;
}

QStringList fieldsOf(const QList<aclvalidation::Problem> &problems)
{
    QStringList out;
    for (const auto &p : problems)
        out << QString::number(static_cast<int>(p.field));
    return out;
}

QStringList words(std::initializer_list<const char *> list)
{
    QStringList out;
    for (const char *w : list)
        out << QString::fromUtf8(w);
    return out;
}

// What sh makes of a line: its words, one per line.
QStringList shellWords(const QString &line)
{
    QProcess sh;
    sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("printf '%s\\n' ") + line});
    sh.waitForFinished();
    return QString::fromUtf8(sh.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

} // namespace

class TestAcls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesNamesAsTyped_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("operation");
        QTest::newRow("camel") << QStringLiteral("ClusterAction") << int(AclOperation::ClusterAction);
        QTest::newRow("dash") << QStringLiteral("cluster-action") << int(AclOperation::ClusterAction);
        QTest::newRow("enum") << QStringLiteral("IDEMPOTENT_WRITE") << int(AclOperation::IdempotentWrite);
        QTest::newRow("space") << QStringLiteral(" describe configs ") << int(AclOperation::DescribeConfigs);
        QTest::newRow("lower") << QStringLiteral("read") << int(AclOperation::Read);
        QTest::newRow("all") << QStringLiteral("ALL") << int(AclOperation::All);
        QTest::newRow("unknown") << QStringLiteral("readd") << -1;
        QTest::newRow("empty") << QStringLiteral("") << -1;
    }
    void parsesNamesAsTyped()
    {
        QFETCH(QString, text);
        QFETCH(int, operation);
        const auto parsed = acl::parseOperation(text);
        QCOMPARE(parsed ? int(*parsed) : -1, operation);
    }

    void parsesOtherFields()
    {
        QCOMPARE(acl::parseResourceType(QStringLiteral("transactional-id")), AclResourceType::TransactionalId);
        QCOMPARE(acl::parseResourceType(QStringLiteral("Delegation_Token")), AclResourceType::DelegationToken);
        QCOMPARE(acl::parseResourceType(QStringLiteral("cluster")), AclResourceType::Cluster);
        QVERIFY(!acl::parseResourceType(QStringLiteral("broker")));
        QCOMPARE(acl::parsePatternType(QStringLiteral("PREFIXED")), AclPatternType::Prefixed);
        QCOMPARE(acl::parsePatternType(QStringLiteral("match")), AclPatternType::Match);
        QCOMPARE(acl::parsePermission(QStringLiteral("Deny")), AclPermission::Deny);
        QVERIFY(!acl::parsePermission(QStringLiteral("maybe")));
        // Every name round-trips.
        for (const AclOperation op : acl::operations())
            QCOMPARE(acl::parseOperation(acl::name(op)), op);
        for (const AclResourceType t : acl::resourceTypes()) {
            QCOMPARE(acl::parseResourceType(acl::name(t)), t);
            QCOMPARE(acl::parseResourceType(acl::displayName(t)), t);
        }
    }

    void principals_data()
    {
        QTest::addColumn<QString>("principal");
        QTest::addColumn<QString>("problem"); // a piece of the sentence; empty: accepted
        QTest::newRow("user") << QStringLiteral("User:alice") << QStringLiteral("");
        QTest::newRow("wildcard") << QStringLiteral("User:*") << QStringLiteral("");
        QTest::newRow("group") << QStringLiteral("Group:admins") << QStringLiteral("");
        QTest::newRow("colon in name") << QStringLiteral("User:CN=a,O=b:c") << QStringLiteral("");
        QTest::newRow("empty") << QStringLiteral("") << QStringLiteral("Name a principal");
        QTest::newRow("spaces only") << QStringLiteral("   ") << QStringLiteral("Name a principal");
        QTest::newRow("no type") << QStringLiteral("alice") << QStringLiteral("has no type");
        QTest::newRow("empty type") << QStringLiteral(":alice") << QStringLiteral("no valid type");
        QTest::newRow("bad type") << QStringLiteral("Us er:alice") << QStringLiteral("no valid type");
        QTest::newRow("no name") << QStringLiteral("User:") << QStringLiteral("no name after");
        QTest::newRow("padded") << QStringLiteral(" User:alice") << QStringLiteral("spaces or control");
        QTest::newRow("newline") << QStringLiteral("User:al\nice") << QStringLiteral("control characters");
    }
    void principals()
    {
        QFETCH(QString, principal);
        QFETCH(QString, problem);
        const auto found = aclvalidation::principalProblem(principal);
        if (problem.isEmpty())
            QVERIFY2(!found, qPrintable(found.value_or(QString())));
        else
            QVERIFY2(found && found->contains(problem), qPrintable(found.value_or(QStringLiteral("(accepted)"))));
    }

    void hosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("any") << QStringLiteral("*") << true;
        QTest::newRow("ipv4") << QStringLiteral("192.0.2.10") << true;
        QTest::newRow("ipv6") << QStringLiteral("2001:db8::1") << true;
        QTest::newRow("hostname") << QStringLiteral("broker.example.com") << false;
        QTest::newRow("bad ipv4") << QStringLiteral("300.1.1.1") << false;
        QTest::newRow("empty") << QStringLiteral("") << false;
        QTest::newRow("cidr") << QStringLiteral("10.0.0.0/8") << false;
    }
    void hosts()
    {
        QFETCH(QString, host);
        QFETCH(bool, accepted);
        const auto found = aclvalidation::hostProblem(host);
        QCOMPARE(!found, accepted);
        if (found && !host.isEmpty())
            QVERIFY2(found->contains(QLatin1String("IP address")), qPrintable(*found));
    }

    void bindingProblemsNameTheirField()
    {
        QVERIFY(aclvalidation::problems(topicAcl()).isEmpty());
        QVERIFY(aclvalidation::validate(topicAcl()).ok());

        AclBinding a = topicAcl(QStringLiteral("alice"), QStringLiteral("bad topic!"));
        a.host = QStringLiteral("somehost");
        a.patternType = AclPatternType::Match;
        a.permission = AclPermission::Any;
        const auto problems = aclvalidation::problems(a);
        using F = aclvalidation::Field;
        QCOMPARE(fieldsOf(problems), (QStringList{QString::number(int(F::Principal)), QString::number(int(F::Host)),
                                                  QString::number(int(F::ResourceName)),
                                                  QString::number(int(F::PatternType)),
                                                  QString::number(int(F::Permission))}));
        const Status s = aclvalidation::validate(a);
        QVERIFY(!s.ok());
        QVERIFY(s.error().badInput);
        QCOMPARE(s.error().message, problems.first().message);
    }

    void operationMustFitResource()
    {
        AclBinding a = topicAcl();
        a.resourceType = AclResourceType::Group;
        a.operation = AclOperation::Write;
        const auto problems = aclvalidation::problems(a);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, aclvalidation::Field::Operation);
        QCOMPARE(problems.first().message,
                 QStringLiteral("Write does not apply to group resources: choose one of All, Read, Delete, Describe."));
        a.operation = AclOperation::Read;
        QVERIFY(aclvalidation::problems(a).isEmpty());
        a.operation = AclOperation::Any;
        QVERIFY(aclvalidation::problems(a).first().message.contains(QLatin1String("Choose an operation")));
    }

    void clusterAndWildcards()
    {
        AclBinding c;
        c.principal = QStringLiteral("User:bob");
        c.resourceType = AclResourceType::Cluster;
        c.resourceName = acl::clusterResourceName();
        c.operation = AclOperation::IdempotentWrite;
        QVERIFY(aclvalidation::problems(c).isEmpty());
        c.resourceName = QStringLiteral("my-cluster");
        QVERIFY(aclvalidation::problems(c).first().message.contains(QLatin1String("always named kafka-cluster")));
        c.resourceName = acl::clusterResourceName();
        c.patternType = AclPatternType::Prefixed;
        QVERIFY(aclvalidation::problems(c).first().message.contains(QLatin1String("always literal")));

        AclBinding w = topicAcl(QStringLiteral("User:*"), QStringLiteral("*"));
        QVERIFY(aclvalidation::problems(w).isEmpty());
        w.patternType = AclPatternType::Prefixed;
        QVERIFY(aclvalidation::problems(w).first().message.contains(QLatin1String("wildcard only with the literal")));
        AclBinding prefix = topicAcl(QStringLiteral("User:a"), QStringLiteral("orders."));
        prefix.patternType = AclPatternType::Prefixed;
        QVERIFY(aclvalidation::problems(prefix).isEmpty());
        AclBinding empty = topicAcl(QStringLiteral("User:a"), QString());
        QCOMPARE(aclvalidation::problems(empty).first().message, QStringLiteral("Name the topic (or * for every topic)."));
        AclBinding longName = topicAcl(QStringLiteral("User:a"), QString(250, QLatin1Char('t')));
        QVERIFY(aclvalidation::problems(longName).first().message.contains(QLatin1String("at most 249")));
    }

    void librdkafkaResourceTypesRefusedWithReason()
    {
        AclBinding t = topicAcl();
        t.resourceType = AclResourceType::TransactionalId;
        t.resourceName = QStringLiteral("tx-1");
        t.operation = AclOperation::Write;
        const auto problems = aclvalidation::problems(t);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().field, aclvalidation::Field::ResourceType);
        QVERIFY(problems.first().message.contains(QLatin1String("librdkafka 2.0.2")));
        QVERIFY(problems.first().message.contains(QLatin1String("transactional ids")));
        // Its command line can still be shown.
        QCOMPARE(commands::createAcl(target, t).line,
                 QStringLiteral("kafka-acls.sh --bootstrap-server 127.0.0.1:9092 --add --allow-principal User:alice "
                                "--allow-host '*' --operation Write --transactional-id tx-1 --resource-pattern-type literal"));
    }

    void filters()
    {
        using aclvalidation::Purpose;
        QVERIFY(aclvalidation::validate(AclFilter{}, Purpose::List).ok());
        const Status all = aclvalidation::validate(AclFilter{}, Purpose::Delete);
        QVERIFY(!all.ok());
        QVERIFY(all.error().message.contains(QLatin1String("delete every ACL")));
        AclFilter byPrincipal;
        byPrincipal.principal = QStringLiteral("User:x");
        QVERIFY(aclvalidation::validate(byPrincipal, Purpose::Delete).ok());
        byPrincipal.principal = QStringLiteral("x");
        QVERIFY(!aclvalidation::validate(byPrincipal, Purpose::List).ok());
        AclFilter byHost;
        byHost.host = QStringLiteral("nohost");
        QVERIFY(aclvalidation::validate(byHost, Purpose::List).error().message.contains(QLatin1String("IP address")));

        const AclBinding a = topicAcl();
        const AclFilter exact = AclFilter::exactly(a);
        QVERIFY(exact.isExact());
        QVERIFY(!exact.matchesEverything());
        QVERIFY(AclFilter{}.matchesEverything());
        QVERIFY(!AclFilter{}.isExact());
    }

    void commandLines()
    {
        AclBinding a = topicAcl(QStringLiteral("User:alice"), QStringLiteral("orders"));
        QCOMPARE(commands::createAcl(target, a).line,
                 QStringLiteral("kafka-acls.sh --bootstrap-server 127.0.0.1:9092 --add --allow-principal User:alice "
                                "--allow-host '*' --operation Read --topic orders --resource-pattern-type literal"));
        a.permission = AclPermission::Deny;
        a.host = QStringLiteral("192.0.2.7");
        a.patternType = AclPatternType::Prefixed;
        a.resourceType = AclResourceType::Group;
        a.operation = AclOperation::Describe;
        QCOMPARE(commands::deleteAcl(target, a).line,
                 QStringLiteral("kafka-acls.sh --bootstrap-server 127.0.0.1:9092 --remove --force --deny-principal "
                                "User:alice --deny-host 192.0.2.7 --operation Describe --group orders "
                                "--resource-pattern-type prefixed"));
        AclBinding c;
        c.principal = QStringLiteral("User:bob");
        c.resourceType = AclResourceType::Cluster;
        c.resourceName = acl::clusterResourceName();
        c.operation = AclOperation::ClusterAction;
        const commands::Target secured{QStringLiteral("h:9093"), QStringLiteral("client.properties"), QString()};
        QCOMPARE(commands::createAcl(secured, c).line,
                 QStringLiteral("kafka-acls --bootstrap-server h:9093 --command-config client.properties --add "
                                "--allow-principal User:bob --allow-host '*' --operation ClusterAction --cluster "
                                "--resource-pattern-type literal"));
        QCOMPARE(commands::deleteAcls(target, QList<AclBinding>{topicAcl(QStringLiteral("User:a")), topicAcl(QStringLiteral("User:b"))}).line,
                 QStringLiteral("kafka-acls.sh --bootstrap-server 127.0.0.1:9092 --remove --force --allow-principal User:a "
                                "--allow-host '*' --operation Read --topic orders --resource-pattern-type literal && "
                                "kafka-acls.sh --bootstrap-server 127.0.0.1:9092 --remove --force --allow-principal User:b "
                                "--allow-host '*' --operation Read --topic orders --resource-pattern-type literal"));
    }

    void filterCommandLines()
    {
        AclFilter f;
        QCOMPARE(commands::listAcls(target, f).line, QStringLiteral("kafka-acls.sh --bootstrap-server 127.0.0.1:9092 --list"));
        QVERIFY(commands::listAclsCaveat(f).isEmpty());
        f.principal = QStringLiteral("User:alice");
        f.resourceType = AclResourceType::Topic;
        f.resourceName = QStringLiteral("orders");
        QCOMPARE(commands::listAcls(target, f).line,
                 QStringLiteral("kafka-acls.sh --bootstrap-server 127.0.0.1:9092 --list --principal User:alice --topic "
                                "orders --resource-pattern-type any"));
        f.operation = AclOperation::Read;
        QVERIFY(commands::listAclsCaveat(f).contains(QLatin1String("the operation")));
        // Delete by a resource alone: one line; by a principal with open fields: none (the
        // matched ACLs are named one by one instead).
        AclFilter resource;
        resource.resourceType = AclResourceType::Topic;
        resource.resourceName = QStringLiteral("orders");
        resource.patternType = AclPatternType::Literal;
        QCOMPARE(commands::deleteAcls(target, resource).line,
                 QStringLiteral("kafka-acls.sh --bootstrap-server 127.0.0.1:9092 --remove --force --topic orders "
                                "--resource-pattern-type literal"));
        AclFilter principal;
        principal.principal = QStringLiteral("User:x");
        QVERIFY(commands::deleteAcls(target, principal).line.isEmpty());
        QCOMPARE(commands::deleteAcls(target, AclFilter::exactly(topicAcl())).line, commands::deleteAcl(target, topicAcl()).line);
    }

    void quotingSurvivesTheShell()
    {
        const QString principal = QStringLiteral("User:o'brien & co $HOME");
        const QString topic = QStringLiteral("orders;rm");
        const QStringList words = shellWords(commands::createAcl(target, topicAcl(principal, topic)).line);
        QVERIFY2(words.contains(principal), qPrintable(words.join(QLatin1Char('|'))));
        QVERIFY(words.contains(topic));
        QVERIFY(words.contains(QStringLiteral("*")));
    }

    void sentences()
    {
        QCOMPARE(acl::sentence(topicAcl()), QStringLiteral("Allow User:alice to Read on topic \"orders\" from any host"));
        AclBinding a = topicAcl(QStringLiteral("User:*"), QStringLiteral("*"));
        a.operation = AclOperation::All;
        a.permission = AclPermission::Deny;
        QCOMPARE(acl::sentence(a), QStringLiteral("Deny every user to do anything (All) on every topic from any host"));
    }

    // kafdesk-ctl acls: bad input is refused before connecting (no cluster at 127.0.0.1:1), and
    // --print-command sends nothing.
    void ctlRefusesBeforeConnecting_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QStringList base{QStringLiteral("acls"), QStringLiteral("create"), QStringLiteral("--bootstrap"),
                               QStringLiteral("127.0.0.1:1"), QStringLiteral("--timeout"), QStringLiteral("2")};
        QTest::newRow("no principal type") << (base + words({"--principal", "alice", "--resource-type", "topic", "--resource", "t", "--operation", "read"}))
                                           << QStringLiteral("has no type");
        QTest::newRow("bad host") << (base + words({"--principal", "User:a", "--host", "example.com", "--resource-type", "topic", "--resource", "t", "--operation", "read"}))
                                  << QStringLiteral("is not an IP address");
        QTest::newRow("bad type") << (base + words({"--principal", "User:a", "--resource-type", "broker", "--resource", "t", "--operation", "read"}))
                                  << QStringLiteral("--resource-type \"broker\" is not one of");
        QTest::newRow("bad operation") << (base + words({"--principal", "User:a", "--resource-type", "topic", "--resource", "t", "--operation", "fly"}))
                                       << QStringLiteral("--operation \"fly\" is not one of");
        QTest::newRow("wrong operation") << (base + words({"--principal", "User:a", "--resource-type", "group", "--resource", "g", "--operation", "write"}))
                                         << QStringLiteral("Write does not apply to group resources");
        QTest::newRow("match pattern") << (base + words({"--principal", "User:a", "--resource-type", "topic", "--resource", "t", "--pattern-type", "match", "--operation", "read"}))
                                       << QStringLiteral("literal or prefixed");
        QTest::newRow("missing fields") << (base + words({"--principal", "User:a"})) << QStringLiteral("create needs --principal");
        QTest::newRow("transactional id") << (base + words({"--principal", "User:a", "--resource-type", "transactional-id", "--resource", "tx", "--operation", "write"}))
                                          << QStringLiteral("librdkafka 2.0.2");
        QTest::newRow("delete everything") << words({"acls", "delete", "--bootstrap", "127.0.0.1:1", "--yes"})
                                           << QStringLiteral("would delete every ACL");
        QTest::newRow("deny and allow") << (base + words({"--principal", "User:a", "--resource-type", "topic", "--resource", "t", "--operation", "read", "--deny", "--permission", "allow"}))
                                        << QStringLiteral("contradict");
    }
    void ctlRefusesBeforeConnecting()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const test::RunResult r = test::ctl(args);
        QVERIFY2(r.started, qPrintable(r.describe()));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
        QVERIFY2(!r.err.contains(QLatin1String("reach")), qPrintable(r.describe())); // never tried to connect
    }

    void ctlPrintsCommand()
    {
        const test::RunResult r = test::ctl({QStringLiteral("acls"), QStringLiteral("create"), QStringLiteral("--bootstrap"),
                                             QStringLiteral("127.0.0.1:1"), QStringLiteral("--principal"),
                                             QStringLiteral("User:a b"), QStringLiteral("--resource-type"),
                                             QStringLiteral("topic"), QStringLiteral("--resource"), QStringLiteral("t"),
                                             QStringLiteral("--pattern-type"), QStringLiteral("prefixed"),
                                             QStringLiteral("--operation"), QStringLiteral("describe-configs"),
                                             QStringLiteral("--deny"), QStringLiteral("--print-command")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("kafka-acls.sh --bootstrap-server 127.0.0.1:1 --add --deny-principal "
                                                 "'User:a b' --deny-host '*' --operation DescribeConfigs --topic t "
                                                 "--resource-pattern-type prefixed"));
        // Transactional ids cannot be sent, but their line can be printed.
        const test::RunResult tx = test::ctl({QStringLiteral("acls"), QStringLiteral("create"), QStringLiteral("--bootstrap"),
                                              QStringLiteral("B:1"), QStringLiteral("--principal"), QStringLiteral("User:a"),
                                              QStringLiteral("--resource-type"), QStringLiteral("transactional-id"),
                                              QStringLiteral("--resource"), QStringLiteral("tx"), QStringLiteral("--operation"),
                                              QStringLiteral("write"), QStringLiteral("--print-command"), QStringLiteral("--json")});
        QCOMPARE(tx.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(tx.out.toUtf8()).object();
        QVERIFY(o.value(QStringLiteral("command")).toString().contains(QLatin1String("--transactional-id tx")));
        const test::RunResult list = test::ctl({QStringLiteral("acls"), QStringLiteral("list"), QStringLiteral("--bootstrap"),
                                                QStringLiteral("B:1"), QStringLiteral("--operation"), QStringLiteral("read"),
                                                QStringLiteral("--print-command")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(list.out.startsWith(QLatin1String("kafka-acls.sh --bootstrap-server B:1 --list\n")));
        QVERIFY(list.out.contains(QLatin1String("cannot filter by the operation")));
    }
};

QTEST_GUILESS_MAIN(TestAcls)
#include "tst_acls.moc"
