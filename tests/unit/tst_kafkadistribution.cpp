#include "local/kafkadistribution.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

QStringList coreJars()
{
    const QString v = KafkaDistribution::kafkaVersion();
    return {QStringLiteral("kafka_2.13-%1.jar").arg(v), QStringLiteral("kafka-clients-%1.jar").arg(v),
            QStringLiteral("kafka-server-%1.jar").arg(v), QStringLiteral("kafka-tools-%1.jar").arg(v),
            QStringLiteral("scala-library-2.13.16.jar"), QStringLiteral("log4j-slf4j-impl-2.25.3.jar")};
}

// A directory shaped like a complete fetch: every jar, and the manifest naming them.
void makeFetch(const QString &dir, const QStringList &jars)
{
    QDir().mkpath(dir);
    for (const QString &jar : jars)
        writeFile(dir + QLatin1Char('/') + jar, "PK");
    writeFile(dir + QLatin1Char('/') + KafkaDistribution::manifestName(), jars.join(QLatin1Char('\n')).toUtf8());
}

} // namespace

class TestKafkaDistribution : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanup()
    {
        qunsetenv("KAFDESK_JAVA");
        qunsetenv("KAFDESK_KAFKA_JARS");
    }

    void missingJavaIsExplained()
    {
        qputenv("KAFDESK_JAVA", "/nonexistent/bin/java");
        auto java = KafkaDistribution::findJava();
        QVERIFY(!java.ok());
        QVERIFY(java.error().message.contains(QStringLiteral("/nonexistent/bin/java")));
        QVERIFY(java.error().detail.contains(QStringLiteral("apt-get install openjdk-17-jre-headless")));
        QVERIFY(!KafkaDistribution::locate().ok());
    }

    void explicitJavaIsUsed()
    {
        QTemporaryDir dir;
        const QString fake = dir.filePath(QStringLiteral("java"));
        writeFile(fake, "#!/bin/sh\n");
        QFile::setPermissions(fake, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        qputenv("KAFDESK_JAVA", fake.toUtf8());
        auto java = KafkaDistribution::findJava();
        QVERIFY(java.ok());
        QCOMPARE(java.value(), fake);
    }

    void missingJarsSayHowToFetchThem()
    {
        QTemporaryDir dir;
        qputenv("KAFDESK_KAFKA_JARS", dir.filePath(QStringLiteral("nothing-here")).toUtf8());
        auto jars = KafkaDistribution::findJars();
        QVERIFY(!jars.ok());
        QVERIFY(jars.error().message.contains(QStringLiteral("were not found")));
        QVERIFY(jars.error().message.contains(KafkaDistribution::kafkaVersion()));
        QVERIFY(jars.error().detail.contains(QStringLiteral("scripts/fetch-kafka-jars.sh")));
    }

    void partialFetchNamesWhatIsMissing()
    {
        QTemporaryDir dir;
        const QStringList jars = coreJars();
        makeFetch(dir.path(), jars);
        QFile::remove(dir.filePath(jars.last()));
        qputenv("KAFDESK_KAFKA_JARS", dir.path().toUtf8());
        auto found = KafkaDistribution::findJars();
        QVERIFY(!found.ok());
        QVERIFY2(found.error().message.contains(QStringLiteral("incomplete")), qPrintable(found.error().message));
        QVERIFY(found.error().message.contains(jars.last()));
        QVERIFY(found.error().detail.contains(QStringLiteral("fetch-kafka-jars.sh")));
    }

    void emptyJarCountsAsMissing()
    {
        QTemporaryDir dir;
        makeFetch(dir.path(), coreJars());
        writeFile(dir.filePath(coreJars().first()), "");
        QVERIFY(!KafkaDistribution::checkJarsDir(dir.path()).ok());
    }

    void jarsWithoutManifestAreIncomplete()
    {
        QTemporaryDir dir;
        makeFetch(dir.path(), coreJars());
        QFile::remove(dir.filePath(KafkaDistribution::manifestName()));
        const Status s = KafkaDistribution::checkJarsDir(dir.path());
        QVERIFY(!s.ok());
        QVERIFY(s.error().message.contains(KafkaDistribution::manifestName()));
    }

    void completeFetchIsFound()
    {
        QTemporaryDir dir;
        makeFetch(dir.path(), coreJars());
        qputenv("KAFDESK_KAFKA_JARS", dir.path().toUtf8());
        auto found = KafkaDistribution::findJars();
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().fullText()));
        QCOMPARE(found.value(), QDir(dir.path()).absolutePath());
        QCOMPARE(KafkaDistribution::jarSearchPath(), QStringList{dir.path()});
    }

    void userCacheIsVersioned()
    {
        QVERIFY(KafkaDistribution::userCacheDir().endsWith(QStringLiteral("/kafdesk/kafka-") +
                                                           KafkaDistribution::kafkaVersion()));
        QVERIFY(KafkaDistribution::jarSearchPath().contains(KafkaDistribution::userCacheDir()));
    }
};

QTEST_GUILESS_MAIN(TestKafkaDistribution)
#include "tst_kafkadistribution.moc"
