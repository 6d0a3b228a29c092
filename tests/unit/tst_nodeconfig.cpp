#include "local/nodeconfig.h"

#include <QTest>

using namespace kafdesk;

class TestNodeConfig : public QObject {
    Q_OBJECT
private:
    static QList<NodeSpec> nodes(int count)
    {
        QList<NodeSpec> out;
        for (int i = 1; i <= count; ++i)
            out << NodeSpec{i, static_cast<quint16>(21000 + i), static_cast<quint16>(22000 + i),
                            QStringLiteral("/data/node-%1").arg(i)};
        return out;
    }

private Q_SLOTS:
    void quorumVotersListsEveryController()
    {
        QCOMPARE(quorumVoters(nodes(3)), QStringLiteral("1@127.0.0.1:22001,2@127.0.0.1:22002,3@127.0.0.1:22003"));
        QCOMPARE(quorumVoters(nodes(1)), QStringLiteral("1@127.0.0.1:22001"));
    }

    void nodeListensOnLoopbackOnly()
    {
        const auto all = nodes(3);
        const Properties p = nodeProperties(all[1], all);
        QCOMPARE(propertyValue(p, QStringLiteral("node.id")), QStringLiteral("2"));
        QCOMPARE(propertyValue(p, QStringLiteral("process.roles")), QStringLiteral("broker,controller"));
        QCOMPARE(propertyValue(p, QStringLiteral("listeners")),
                 QStringLiteral("PLAINTEXT://127.0.0.1:21002,CONTROLLER://127.0.0.1:22002"));
        QCOMPARE(propertyValue(p, QStringLiteral("advertised.listeners")), propertyValue(p, QStringLiteral("listeners")));
        QCOMPARE(propertyValue(p, QStringLiteral("log.dirs")), QStringLiteral("/data/node-2"));
        QCOMPARE(propertyValue(p, QStringLiteral("controller.listener.names")), QStringLiteral("CONTROLLER"));
        for (const auto &[key, value] : p)
            QVERIFY2(!value.contains(QStringLiteral("0.0.0.0")), qPrintable(key));
    }

    void durabilityFollowsClusterSize_data()
    {
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("replication");
        QTest::addColumn<QString>("minIsr");
        QTest::newRow("1 node") << 1 << QStringLiteral("1") << QStringLiteral("1");
        QTest::newRow("2 nodes") << 2 << QStringLiteral("2") << QStringLiteral("1");
        QTest::newRow("3 nodes") << 3 << QStringLiteral("3") << QStringLiteral("2");
        QTest::newRow("5 nodes") << 5 << QStringLiteral("3") << QStringLiteral("2");
    }

    void durabilityFollowsClusterSize()
    {
        QFETCH(int, count);
        QFETCH(QString, replication);
        QFETCH(QString, minIsr);
        const auto all = nodes(count);
        const Properties p = nodeProperties(all[0], all);
        QCOMPARE(propertyValue(p, QStringLiteral("default.replication.factor")), replication);
        QCOMPARE(propertyValue(p, QStringLiteral("offsets.topic.replication.factor")), replication);
        QCOMPARE(propertyValue(p, QStringLiteral("transaction.state.log.replication.factor")), replication);
        QCOMPARE(propertyValue(p, QStringLiteral("min.insync.replicas")), minIsr);
        QCOMPARE(propertyValue(p, QStringLiteral("transaction.state.log.min.isr")), minIsr);
    }

    void failuresAreDetectedFast()
    {
        const auto all = nodes(3);
        const Properties p = nodeProperties(all[0], all);
        QCOMPARE(propertyValue(p, QStringLiteral("broker.session.timeout.ms")), QStringLiteral("3000"));
        QCOMPARE(propertyValue(p, QStringLiteral("broker.heartbeat.interval.ms")), QStringLiteral("500"));
        QCOMPARE(propertyValue(p, QStringLiteral("unclean.leader.election.enable")), QStringLiteral("false"));
        QCOMPARE(propertyValue(p, QStringLiteral("auto.create.topics.enable")), QStringLiteral("false"));
        QVERIFY(propertyValue(p, QStringLiteral("authorizer.class.name")).endsWith(QStringLiteral("StandardAuthorizer")));
    }

    void keysAreUnique()
    {
        const auto all = nodes(3);
        QSet<QString> seen;
        for (const auto &[key, value] : nodeProperties(all[0], all)) {
            QVERIFY2(!seen.contains(key), qPrintable(key));
            seen.insert(key);
        }
    }

    void renderedPropertiesParseBack()
    {
        const auto all = nodes(3);
        const Properties p = nodeProperties(all[2], all);
        const QString text = renderProperties(p, QStringLiteral("generated"));
        QVERIFY(text.startsWith(QStringLiteral("# generated\n")));
        QCOMPARE(parseProperties(text), p);
    }

    void parsesJavaPropertiesForms()
    {
        const Properties p = parseProperties(QStringLiteral("# comment\n! also comment\n a = b \n\nc=d=e\nbad line\n"
                                                            "path=C:\\\\dir\n"));
        QCOMPARE(p.size(), 3);
        QCOMPARE(propertyValue(p, QStringLiteral("a")), QStringLiteral("b"));
        QCOMPARE(propertyValue(p, QStringLiteral("c")), QStringLiteral("d=e"));
        QCOMPARE(propertyValue(p, QStringLiteral("path")), QStringLiteral("C:\\dir"));
        QCOMPARE(propertyValue(p, QStringLiteral("missing")), QString());
    }
};

QTEST_GUILESS_MAIN(TestNodeConfig)
#include "tst_nodeconfig.moc"
