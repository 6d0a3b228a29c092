#include "local/clusterstate.h"

#include <QTest>

using namespace kafdesk;

class TestClusterState : public QObject {
    Q_OBJECT
private:
    static ClusterState sample()
    {
        ClusterState s;
        s.name = QStringLiteral("demo");
        s.clusterId = QStringLiteral("q1Sh-9_ZQ4aZ0TDlN1FV8g");
        s.kafkaVersion = QStringLiteral("4.1.2");
        s.createdAt = QDateTime(QDate(2026, 12, 1), QTime(10, 0, 0, 123), Qt::UTC);
        s.nodes << NodeState{1, 21001, 22001, 4242, NodeIntent::Running,
                             QDateTime(QDate(2026, 12, 1), QTime(10, 0, 5), Qt::UTC)}
                << NodeState{2, 21002, 22002, 0, NodeIntent::Killed, {}}
                << NodeState{3, 21003, 22003, 4250, NodeIntent::Paused,
                             QDateTime(QDate(2026, 12, 1), QTime(10, 0, 6), Qt::UTC)};
        return s;
    }

private Q_SLOTS:
    void roundTripsThroughJson()
    {
        const ClusterState s = sample();
        auto parsed = ClusterState::fromJson(s.toJson());
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().fullText()));
        QCOMPARE(parsed.value(), s);
    }

    void bootstrapListsEveryBroker()
    {
        QCOMPARE(sample().bootstrapServers(), QStringLiteral("127.0.0.1:21001,127.0.0.1:21002,127.0.0.1:21003"));
        QCOMPARE(sample().nodeIds(), (QList<int>{1, 2, 3}));
        QVERIFY(sample().node(2));
        QVERIFY(!sample().node(4));
    }

    void intentNamesRoundTrip()
    {
        for (const NodeIntent i : {NodeIntent::Running, NodeIntent::Stopped, NodeIntent::Killed, NodeIntent::Paused}) {
            bool ok = false;
            QCOMPARE(nodeIntentFromString(nameOf(i), &ok), i);
            QVERIFY(ok);
        }
        bool ok = true;
        nodeIntentFromString(QStringLiteral("sleeping"), &ok);
        QVERIFY(!ok);
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArray("{nodes: [") << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArray("[]") << QStringLiteral("JSON object");
        QTest::newRow("future format") << QByteArray(R"({"format": 2, "name": "a", "clusterId": "x"})")
                                       << QStringLiteral("unknown format");
        QTest::newRow("no id") << QByteArray(R"({"format": 1, "name": "a"})") << QStringLiteral("name or id");
        QTest::newRow("no nodes") << QByteArray(R"({"format": 1, "name": "a", "clusterId": "x", "nodes": []})")
                                  << QStringLiteral("no nodes");
        QTest::newRow("bad port")
            << QByteArray(R"({"format":1,"name":"a","clusterId":"x","nodes":[{"id":1,"brokerPort":70000,"controllerPort":1,"intent":"running"}]})")
            << QStringLiteral("bad id or port");
        QTest::newRow("bad intent")
            << QByteArray(R"({"format":1,"name":"a","clusterId":"x","nodes":[{"id":1,"brokerPort":1,"controllerPort":2,"intent":"dozing"}]})")
            << QStringLiteral("unknown state");
        QTest::newRow("twice")
            << QByteArray(R"({"format":1,"name":"a","clusterId":"x","nodes":[{"id":1,"brokerPort":1,"controllerPort":2,"intent":"running"},{"id":1,"brokerPort":3,"controllerPort":4,"intent":"running"}]})")
            << QStringLiteral("twice");
    }

    void rejectsBadFiles()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto parsed = ClusterState::fromJson(json);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message));
    }
};

QTEST_GUILESS_MAIN(TestClusterState)
#include "tst_clusterstate.moc"
