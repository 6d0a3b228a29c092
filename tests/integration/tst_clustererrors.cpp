// Starting a cluster without what it needs fails with a clear message and leaves nothing behind.

#include "local/kafkadistribution.h"
#include "support/testsupport.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

class TestClusterErrors : public QObject {
    Q_OBJECT
private:
    static QString ownName(const QString &suffix) { return QStringLiteral("ctest-own-") + suffix; }

    static RunResult startOwn(const QString &suffix, const QStringList &extra = {},
                              const QMap<QString, QString> &env = {})
    {
        return ctl(QStringList{QStringLiteral("cluster"), QStringLiteral("start"), QStringLiteral("--name"),
                               ownName(suffix), QStringLiteral("-q")} +
                       extra,
                   env);
    }

    static void verifyNothingLeft(const QString &suffix)
    {
        QVERIFY2(!QDir(clustersDir() + QLatin1Char('/') + ownName(suffix)).exists(), qPrintable(suffix));
    }

private Q_SLOTS:
    void missingJava()
    {
        const RunResult r = startOwn(QStringLiteral("nojava"), {},
                                     {{QStringLiteral("KAFDESK_JAVA"), QStringLiteral("/nonexistent/java")}});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Java was not found at /nonexistent/java")), qPrintable(r.describe()));
        QVERIFY(r.err.contains(QStringLiteral("openjdk-17-jre-headless")));
        QVERIFY(r.out.isEmpty());
        verifyNothingLeft(QStringLiteral("nojava"));
    }

    void missingJars()
    {
        QTemporaryDir empty;
        const RunResult r = startOwn(QStringLiteral("nojars"), {},
                                     {{QStringLiteral("KAFDESK_KAFKA_JARS"), empty.filePath(QStringLiteral("none"))}});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("broker jars were not found")), qPrintable(r.describe()));
        QVERIFY(r.err.contains(QStringLiteral("fetch-kafka-jars.sh")));
        verifyNothingLeft(QStringLiteral("nojars"));
    }

    void partialJars()
    {
        // The real fetch, less one jar: as if a download had been cut short.
        auto real = KafkaDistribution::findJars();
        QVERIFY(real.ok());
        QTemporaryDir partial;
        const QStringList jars = QDir(real.value()).entryList({QStringLiteral("*.jar")}, QDir::Files);
        QVERIFY(jars.size() > 20);
        for (const QString &jar : jars)
            if (!jar.startsWith(QStringLiteral("scala-library")))
                QVERIFY(QFile::link(real.value() + QLatin1Char('/') + jar, partial.filePath(jar)));
        QVERIFY(QFile::copy(real.value() + QLatin1Char('/') + KafkaDistribution::manifestName(),
                            partial.filePath(KafkaDistribution::manifestName())));
        const RunResult r = startOwn(QStringLiteral("partial"), {},
                                     {{QStringLiteral("KAFDESK_KAFKA_JARS"), partial.path()}});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("incomplete")), qPrintable(r.describe()));
        QVERIFY(r.err.contains(QStringLiteral("scala-library")));
        verifyNothingLeft(QStringLiteral("partial"));
    }

    void portThatCannotBeBound()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        const QString port = QString::number(squatter.serverPort());
        const RunResult r = startOwn(QStringLiteral("busyport"), {QStringLiteral("--base-port"), port});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Port %1 on 127.0.0.1 cannot be bound").arg(port)),
                 qPrintable(r.describe()));
        verifyNothingLeft(QStringLiteral("busyport"));
    }

    void portOfTheRunningSharedCluster()
    {
        const ClusterState shared = sharedClusterState();
        QVERIFY(!shared.nodes.isEmpty());
        const QString port = QString::number(shared.nodes.first().brokerPort);
        const RunResult r = startOwn(QStringLiteral("stolenport"), {QStringLiteral("--base-port"), port});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Port %1").arg(port)), qPrintable(r.describe()));
        verifyNothingLeft(QStringLiteral("stolenport"));
    }

    void existingClusterKeepsItsSize()
    {
        const RunResult r = ctl({QStringLiteral("cluster"), QStringLiteral("start"), QStringLiteral("--name"),
                                 sharedClusterName(), QStringLiteral("--brokers"), QStringLiteral("5")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("already has 3 nodes, not 5")), qPrintable(r.describe()));
    }
};

QTEST_GUILESS_MAIN(TestClusterErrors)
#include "tst_clustererrors.moc"
