// The parser of Kafka's MetadataQuorumCommand `describe --status` output, on text captured from
// the real bundled cluster (Kafka 4.1.2, 3 combined nodes).

#include "local/quorumstatus.h"

#include <QTest>

using namespace kafdesk;

Q_DECLARE_METATYPE(kafdesk::QuorumStatus)

namespace {

// Captured with: java -cp <jars>/* org.apache.kafka.tools.MetadataQuorumCommand
//   --bootstrap-server 127.0.0.1:15975 describe --status   (the shared test cluster, all nodes up)
const char *const allUp =
    "ClusterId:              sZfEVUXqRPE41I4NY_niYQ\n"
    "LeaderId:               1\n"
    "LeaderEpoch:            1\n"
    "HighWatermark:          370\n"
    "MaxFollowerLag:         0\n"
    "MaxFollowerLagTimeMs:   0\n"
    "CurrentVoters:          [{\"id\": 1, \"endpoints\": [\"CONTROLLER://127.0.0.1:15978\"]}, {\"id\": 2, "
    "\"endpoints\": [\"CONTROLLER://127.0.0.1:15979\"]}, {\"id\": 3, \"endpoints\": "
    "[\"CONTROLLER://127.0.0.1:15980\"]}]\n"
    "CurrentObservers:       []\n";

// Captured the same way from the GUI test's own 3-node cluster (tst_localclusterpanel) with node 2
// killed: node 2's replica lags behind, and its lag time is unknown (-1).
const char *const nodeKilled =
    "ClusterId:              WvBBwvd6TZQfwTQs91oRjA\n"
    "LeaderId:               3\n"
    "LeaderEpoch:            4\n"
    "HighWatermark:          75\n"
    "MaxFollowerLag:         76\n"
    "MaxFollowerLagTimeMs:   -1\n"
    "CurrentVoters:          [{\"id\": 1, \"endpoints\": [\"CONTROLLER://127.0.0.1:18445\"]}, {\"id\": 2, "
    "\"endpoints\": [\"CONTROLLER://127.0.0.1:18446\"]}, {\"id\": 3, \"endpoints\": "
    "[\"CONTROLLER://127.0.0.1:18447\"]}]\n"
    "CurrentObservers:       []\n";

QuorumStatus expected(QString clusterId, int leader, int epoch, qint64 hw, qint64 lag, qint64 lagMs,
                      QList<int> voters, QList<int> observers = {})
{
    QuorumStatus s;
    s.clusterId = std::move(clusterId);
    s.leaderId = leader;
    s.leaderEpoch = epoch;
    s.highWatermark = hw;
    s.maxFollowerLag = lag;
    s.maxFollowerLagTimeMs = lagMs;
    s.voters = std::move(voters);
    s.observers = std::move(observers);
    return s;
}

} // namespace

class TestQuorumStatus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesTheCommandsOutput_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QuorumStatus>("status");
        QTest::newRow("all up, Kafka 4.1") << QString::fromLatin1(allUp)
                                           << expected(QStringLiteral("sZfEVUXqRPE41I4NY_niYQ"), 1, 1, 370, 0, 0,
                                                       {1, 2, 3});
        QTest::newRow("node 2 killed") << QString::fromLatin1(nodeKilled)
                                       << expected(QStringLiteral("WvBBwvd6TZQfwTQs91oRjA"), 3, 4, 75, 76, -1,
                                                   {1, 2, 3});
        // Not captured: the plain id lists of Kafka 3.x (before 3.9), with observers (brokers that are
        // not controllers), in the form its MetadataQuorumCommand printed them.
        QTest::newRow("id lists, Kafka 3.x")
            << QStringLiteral("ClusterId:              abc\nLeaderId:               2\nLeaderEpoch:            7\n"
                              "HighWatermark:          10\nMaxFollowerLag:         1\nMaxFollowerLagTimeMs:   15\n"
                              "CurrentVoters:          [3,1,2]\nCurrentObservers:       [5,4]\n")
            << expected(QStringLiteral("abc"), 2, 7, 10, 1, 15, {1, 2, 3}, {4, 5});
        // What the JVM may print around it (warnings, CRLF) does not disturb the fields.
        QTest::newRow("noise around it")
            << QString(QStringLiteral("WARNING: An illegal reflective access operation has occurred\r\n") +
                       QString::fromLatin1(allUp).replace(QStringLiteral("\n"), QStringLiteral("\r\n")))
            << expected(QStringLiteral("sZfEVUXqRPE41I4NY_niYQ"), 1, 1, 370, 0, 0, {1, 2, 3});
    }

    void parsesTheCommandsOutput()
    {
        QFETCH(QString, output);
        QFETCH(QuorumStatus, status);
        const auto parsed = QuorumStatus::parse(output);
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().fullText()));
        QCOMPARE(parsed->leaderId, status.leaderId);
        QCOMPARE(parsed->voters, status.voters);
        QCOMPARE(parsed.value(), status);
    }

    void rejectsWhatIsNotAStatus_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QString() << QStringLiteral("no LeaderId");
        QTest::newRow("an exception")
            << QStringLiteral("Exception in thread \"main\" org.apache.kafka.common.errors.TimeoutException: "
                              "Timed out waiting for a node assignment.\n")
            << QStringLiteral("no LeaderId");
        QTest::newRow("leader not a number") << QStringLiteral("LeaderId: one\nCurrentVoters: [1]\n")
                                             << QStringLiteral("not a number");
        QTest::newRow("voters garbled") << QStringLiteral("LeaderId: 1\nCurrentVoters: [{\"id\": \"x\"}]\n")
                                        << QStringLiteral("unknown form");
    }

    void rejectsWhatIsNotAStatus()
    {
        QFETCH(QString, output);
        QFETCH(QString, expected);
        const auto parsed = QuorumStatus::parse(output);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message));
    }

    void commandLineNamesTheToolAndServer()
    {
        const QStringList args = QuorumStatus::commandArguments(QStringLiteral("/jars/*"), QStringLiteral("h:1"));
        QCOMPARE(args.mid(args.indexOf(QStringLiteral("-cp")), 2), (QStringList{QStringLiteral("-cp"), QStringLiteral("/jars/*")}));
        QVERIFY(args.contains(QStringLiteral("org.apache.kafka.tools.MetadataQuorumCommand")));
        QCOMPARE(args.mid(args.size() - 4),
                 (QStringList{QStringLiteral("--bootstrap-server"), QStringLiteral("h:1"), QStringLiteral("describe"),
                              QStringLiteral("--status")}));
    }
};

QTEST_GUILESS_MAIN(TestQuorumStatus)
#include "tst_quorumstatus.moc"
