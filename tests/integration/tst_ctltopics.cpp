// kafdesk-ctl describe / topics against the shared cluster: output, JSON and exit codes.

#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

class TestCtlTopics : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;

    RunResult topics(const QStringList &args)
    {
        return ctl(QStringList{QStringLiteral("topics")} + args + QStringList{QStringLiteral("--bootstrap"), m_bootstrap});
    }

private Q_SLOTS:
    void initTestCase() { m_bootstrap = sharedClusterState().bootstrapServers(); }

    void describeShowsTheCluster()
    {
        const RunResult r = ctl({QStringLiteral("describe"), QStringLiteral("--local"), sharedClusterName(),
                                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray brokers = root.value(QStringLiteral("brokers")).toArray();
        QCOMPARE(brokers.size(), 3);
        for (const QJsonValue &b : brokers)
            QVERIFY(b.toObject().value(QStringLiteral("alive")).toBool());
        QCOMPARE(root.value(QStringLiteral("offline")).toInt(), 0);
    }

    void createDescribeAlterGrowDelete()
    {
        const QString topic = uniqueName(QStringLiteral("ctl"));
        RunResult r = topics({QStringLiteral("create"), topic, QStringLiteral("--partitions"), QStringLiteral("3"),
                              QStringLiteral("--replication-factor"), QStringLiteral("3"), QStringLiteral("--config"),
                              QStringLiteral("retention.ms=600000")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("kafka-topics.sh --bootstrap-server")));
        QVERIFY(r.out.contains(QStringLiteral("--config retention.ms=600000")));

        QVERIFY(waitUntil([&] { return topics({QStringLiteral("describe"), topic, QStringLiteral("--json")}).exitCode == 0; },
                          std::chrono::seconds(20), 200) >= 0);
        r = topics({QStringLiteral("describe"), topic, QStringLiteral("--json")});
        const QJsonObject described = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(described.value(QStringLiteral("partitions")).toArray().size(), 3);
        QCOMPARE(described.value(QStringLiteral("replicationFactor")).toInt(), 3);
        bool sawRetention = false;
        for (const QJsonValue &c : described.value(QStringLiteral("configs")).toArray())
            sawRetention |= c.toObject().value(QStringLiteral("name")).toString() == QLatin1String("retention.ms") &&
                            c.toObject().value(QStringLiteral("value")).toString() == QLatin1String("600000");
        QVERIFY(sawRetention);

        r = topics({QStringLiteral("alter"), topic, QStringLiteral("--config"), QStringLiteral("cleanup.policy=compact")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(r.out.contains(QStringLiteral("kafka-configs.sh")));

        r = topics({QStringLiteral("add-partitions"), topic, QStringLiteral("--partitions"), QStringLiteral("5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        // kcat, an independent client, sees the new total.
        QVERIFY(waitUntil(
                    [&] {
                        return run(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-L"),
                                                            QStringLiteral("-t"), topic})
                            .out.contains(QStringLiteral("with 5 partitions"));
                    },
                    std::chrono::seconds(20), 200) >= 0);

        const RunResult list = topics({QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(list.exitCode, 0);
        bool listed = false;
        for (const QJsonValue &t : QJsonDocument::fromJson(list.out.toUtf8()).array())
            listed |= t.toObject().value(QStringLiteral("name")).toString() == topic;
        QVERIFY(listed);

        r = topics({QStringLiteral("delete"), topic});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("--yes")));
        r = topics({QStringLiteral("delete"), topic, QStringLiteral("--yes")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
    }

    void exitCodesSeparateBadInputFromRefusals()
    {
        const QString topic = uniqueName(QStringLiteral("codes"));
        QCOMPARE(topics({QStringLiteral("create"), QStringLiteral("has space")}).exitCode, 2);
        QCOMPARE(topics({QStringLiteral("create"), topic, QStringLiteral("--replication-factor"), QStringLiteral("4")})
                     .exitCode,
                 2);
        QCOMPARE(topics({QStringLiteral("create"), topic, QStringLiteral("--config"), QStringLiteral("retention.ms")})
                     .exitCode,
                 2);
        // Refused by the cluster (a config only the broker knows is wrong): exit 1 with its text.
        const RunResult refused = topics({QStringLiteral("create"), topic, QStringLiteral("--config"),
                                          QStringLiteral("no.such.config=1")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("no.such.config")), qPrintable(refused.describe()));
        const RunResult nothing = ctl({QStringLiteral("describe"), QStringLiteral("--bootstrap"), QStringLiteral("127.0.0.1:1"),
                                       QStringLiteral("--timeout"), QStringLiteral("2")});
        QCOMPARE(nothing.exitCode, 1);
        QVERIFY(nothing.err.contains(QStringLiteral("Nothing is listening at 127.0.0.1:1")));
        const RunResult badAddress = ctl({QStringLiteral("describe"), QStringLiteral("--bootstrap"), QStringLiteral("localhost")});
        QCOMPARE(badAddress.exitCode, 2);
        QVERIFY(badAddress.err.contains(QStringLiteral("is not a broker address")));
        QCOMPARE(ctl({QStringLiteral("describe")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCtlTopics)
#include "tst_ctltopics.moc"
