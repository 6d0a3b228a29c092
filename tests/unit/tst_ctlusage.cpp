// kafdesk-ctl's answers to bad input: a clear message and the right exit code, no broker needed.

#include "support/testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

class TestCtlUsage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_root;

    RunResult ctlIn(const QStringList &args)
    {
        return ctl(args, {{QStringLiteral("KAFDESK_CLUSTERS_DIR"), m_root.path()}});
    }

private Q_SLOTS:
    void badInputIsRefused_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("nothing") << QStringList{} << 2 << QStringLiteral("Usage: kafdesk-ctl");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frob")} << 2
                                         << QStringLiteral("unknown command \"frob\"");
        QTest::newRow("no verb") << QStringList{QStringLiteral("cluster")} << 2 << QStringLiteral("Name a verb");
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("cluster"), QStringLiteral("explode")} << 2
                                      << QStringLiteral("Unknown verb \"explode\"");
        QTest::newRow("kill without id") << QStringList{QStringLiteral("cluster"), QStringLiteral("kill")} << 2
                                         << QStringLiteral("needs a node id");
        QTest::newRow("id not a number")
            << QStringList{QStringLiteral("cluster"), QStringLiteral("kill"), QStringLiteral("two")} << 2
            << QStringLiteral("\"two\" is not a node id");
        QTest::newRow("status with id")
            << QStringList{QStringLiteral("cluster"), QStringLiteral("status"), QStringLiteral("1")} << 2
            << QStringLiteral("takes no node id");
        QTest::newRow("too many brokers") << QStringList{QStringLiteral("cluster"), QStringLiteral("start"),
                                                         QStringLiteral("--brokers"), QStringLiteral("9")}
                                          << 2 << QStringLiteral("--brokers takes a number from 1 to 5");
        QTest::newRow("bad base port") << QStringList{QStringLiteral("cluster"), QStringLiteral("start"),
                                                      QStringLiteral("--base-port"), QStringLiteral("80")}
                                       << 2 << QStringLiteral("--base-port takes a port");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("cluster"), QStringLiteral("status"),
                                                       QStringLiteral("--colour")}
                                        << 2 << QStringLiteral("Unknown option 'colour'");
        QTest::newRow("bad name") << QStringList{QStringLiteral("cluster"), QStringLiteral("status"),
                                                 QStringLiteral("--name"), QStringLiteral("../etc")}
                                  << 2 << QStringLiteral("not a valid cluster name");
        QTest::newRow("no such cluster") << QStringList{QStringLiteral("cluster"), QStringLiteral("status"),
                                                        QStringLiteral("--name"), QStringLiteral("ghost")}
                                         << 1 << QStringLiteral("There is no local cluster named \"ghost\"");
        QTest::newRow("kill in no cluster")
            << QStringList{QStringLiteral("cluster"), QStringLiteral("kill"), QStringLiteral("1"),
                           QStringLiteral("--name"), QStringLiteral("ghost")}
            << 1 << QStringLiteral("There is no local cluster named \"ghost\"");
    }

    void badInputIsRefused()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const RunResult r = ctlIn(args);
        QVERIFY(r.started);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
    }

    void helpAndVersion()
    {
        const RunResult version = ctlIn({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.contains(QStringLiteral("Apache Kafka 4.1.2")));
        const RunResult help = ctlIn({QStringLiteral("cluster"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *verb : {"start", "stop", "kill", "pause", "resume", "restart", "status", "logs", "down", "reset"})
            QVERIFY2(help.out.contains(QStringLiteral("  ") + QLatin1String(verb)), verb);
    }

    void listIsEmptyWithoutClusters()
    {
        const RunResult r = ctlIn({QStringLiteral("cluster"), QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
    }
};

QTEST_GUILESS_MAIN(TestCtlUsage)
#include "tst_ctlusage.moc"
