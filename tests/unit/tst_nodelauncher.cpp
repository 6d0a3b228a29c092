#include "local/nodelauncher.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;

class TestNodeLauncher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void clusterIdsLookLikeKafkas()
    {
        static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_-]{21}$"));
        QSet<QString> seen;
        for (int i = 0; i < 2000; ++i) {
            const QString id = nodelauncher::generateClusterId();
            QVERIFY2(shape.match(id).hasMatch(), qPrintable(id));
            QCOMPARE(QByteArray::fromBase64(id.toLatin1(), QByteArray::Base64UrlEncoding).size(), 16);
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 2000);
    }

    void nodeCommandLineRunsKafkaWithItsConfig()
    {
        const ClusterPaths paths(QStringLiteral("/tmp/clusters"), QStringLiteral("demo"));
        const KafkaDistribution dist{QStringLiteral("/usr/bin/java"), QStringLiteral("/opt/jars")};
        qputenv("KAFDESK_BROKER_HEAP", "384m");
        const QStringList args = nodelauncher::nodeArguments(dist, paths, 2);
        qunsetenv("KAFDESK_BROKER_HEAP");
        QVERIFY(args.contains(QStringLiteral("-Xmx384m")));
        QVERIFY(args.contains(QStringLiteral("-Xms384m")));
        QVERIFY(args.contains(QStringLiteral("-Dkafka.logs.dir=/tmp/clusters/demo/node-2/logs")));
        QVERIFY(args.contains(QStringLiteral("-Dlog4j2.configurationFile=/tmp/clusters/demo/log4j2.properties")));
        const qsizetype cp = args.indexOf(QStringLiteral("-cp"));
        QVERIFY(cp >= 0);
        QCOMPARE(args.at(cp + 1), QStringLiteral("/opt/jars/*"));
        QCOMPARE(args.at(args.size() - 2), QStringLiteral("kafka.Kafka"));
        QCOMPARE(args.last(), paths.processMarker(2));
        QCOMPARE(args.last(), QStringLiteral("/tmp/clusters/demo/node-2/node.properties"));
    }

    void tailGivesTheLastLines()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("log"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 1; i <= 100; ++i)
            f.write(QByteArray("line ") + QByteArray::number(i) + '\n');
        f.close();
        QCOMPARE(nodelauncher::tail(path, 3), QStringLiteral("line 98\nline 99\nline 100"));
        QCOMPARE(nodelauncher::tail(path, 0), QString());
        QCOMPARE(nodelauncher::tail(dir.filePath(QStringLiteral("absent")), 5), QString());
    }

    void earlyExitIsExplained_data()
    {
        QTest::addColumn<QByteArray>("log");
        QTest::addColumn<QString>("expected");
        QTest::newRow("port") << QByteArray("[x] ERROR Exiting Kafka due to fatal exception "
                                            "(org.apache.kafka.common.KafkaException: Socket server failed to bind "
                                            "to 127.0.0.1:21001: Address already in use.)\n")
                              << QStringLiteral("already in use");
        QTest::newRow("old java") << QByteArray("Exception in thread \"main\" java.lang.UnsupportedClassVersionError\n")
                                  << QStringLiteral("Java 17");
        QTest::newRow("jars") << QByteArray("Error: java.lang.NoClassDefFoundError: scala/Function0\n")
                              << QStringLiteral("jars are incomplete");
        QTest::newRow("other") << QByteArray("[x] ERROR something odd\n") << QStringLiteral("exited while starting");
    }

    void earlyExitIsExplained()
    {
        QFETCH(QByteArray, log);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const ClusterPaths paths(dir.path(), QStringLiteral("c"));
        QDir().mkpath(paths.nodeLogDir(1));
        QFile f(paths.serverLog(1));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(log);
        f.close();
        const Error e = nodelauncher::explainEarlyExit(paths, 1);
        QVERIFY2(e.message.contains(expected), qPrintable(e.message));
        QVERIFY(e.message.contains(QStringLiteral("Node 1")));
        QVERIFY(!e.detail.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNodeLauncher)
#include "tst_nodelauncher.moc"
