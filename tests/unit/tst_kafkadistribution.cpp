#include "local/kafkadistribution.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
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
    void init()
    {
        m_cacheHome = qgetenv("XDG_CACHE_HOME");
        m_hadCacheHome = qEnvironmentVariableIsSet("XDG_CACHE_HOME");
    }

    void cleanup()
    {
        qunsetenv("KAFDESK_JAVA");
        qunsetenv("KAFDESK_KAFKA_JARS");
        if (m_hadCacheHome)
            qputenv("XDG_CACHE_HOME", m_cacheHome);
        else
            qunsetenv("XDG_CACHE_HOME");
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

    // A packaged program looks in the package's directory, then in the user cache, and never in a
    // directory baked in at build time (a path of the machine that built the package).
    void installedProgramSearchPath()
    {
        const QStringList expected{QStringLiteral("/usr/share/kafdesk/kafka"), KafkaDistribution::userCacheDir()};
        QCOMPARE(KafkaDistribution::jarSearchPath(QStringLiteral("/usr/bin")), expected);
        QCOMPARE(KafkaDistribution::packagedJarsDir(), expected.first());
    }

    void otherPrefixLooksBesideItsBinary()
    {
        const QStringList expected{QStringLiteral("/opt/kafdesk/share/kafdesk/kafka"),
                                   QStringLiteral("/usr/share/kafdesk/kafka"), KafkaDistribution::userCacheDir()};
        QCOMPARE(KafkaDistribution::jarSearchPath(QStringLiteral("/opt/kafdesk/bin")), expected);
    }

    void buildTreeProgramSearchPath()
    {
        const QStringList path = KafkaDistribution::jarSearchPath(QStringLiteral("/src/kafdesk/build/ci/core/ctl"));
        QVERIFY(!KafkaDistribution::isInstalledBinDir(QStringLiteral("/src/kafdesk/build/ci/core/ctl")));
        QCOMPARE(path.last(), KafkaDistribution::userCacheDir());
        QCOMPARE(path.at(path.size() - 2), KafkaDistribution::packagedJarsDir());
        QVERIFY(path.size() == 2 || path.size() == 3); // 3 with -DKAFDESK_KAFKA_JARS_DIR, first
    }

    void explicitJarsWinForInstalledPrograms()
    {
        qputenv("KAFDESK_KAFKA_JARS", "/somewhere/jars");
        QCOMPARE(KafkaDistribution::jarSearchPath(QStringLiteral("/usr/bin")),
                 QStringList{QStringLiteral("/somewhere/jars")});
    }

    void userCacheFollowsXdgCacheHome()
    {
        QTemporaryDir home;
        qputenv("XDG_CACHE_HOME", home.path().toUtf8());
        QCOMPARE(KafkaDistribution::userCacheDir(),
                 home.path() + QStringLiteral("/kafdesk/kafka-") + KafkaDistribution::kafkaVersion());
    }

    void installedJarsArePreferred()
    {
        QTemporaryDir root;
        const QString installed = root.filePath(QStringLiteral("prefix/share/kafdesk/kafka"));
        const QString cache = root.filePath(QStringLiteral("cache"));
        makeFetch(installed, coreJars());
        makeFetch(cache, coreJars());
        auto found = KafkaDistribution::findJars({installed, cache});
        QVERIFY(found.ok());
        QCOMPARE(found.value(), installed);
    }

    void absentPackageFallsBackToTheUserCache()
    {
        QTemporaryDir root;
        const QString cache = root.filePath(QStringLiteral("cache"));
        makeFetch(cache, coreJars());
        auto found = KafkaDistribution::findJars({root.filePath(QStringLiteral("no-package")), cache});
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().fullText()));
        QCOMPARE(found.value(), cache);
    }

    void incompletePackageFallsBackToTheUserCache()
    {
        QTemporaryDir root;
        const QString installed = root.filePath(QStringLiteral("package"));
        const QString cache = root.filePath(QStringLiteral("cache"));
        makeFetch(installed, coreJars());
        QFile::remove(installed + QLatin1Char('/') + coreJars().first());
        makeFetch(cache, coreJars());
        auto found = KafkaDistribution::findJars({installed, cache});
        QVERIFY(found.ok());
        QCOMPARE(found.value(), cache);
    }

    // The whole default path of an installed program, with the user cache under a fresh
    // XDG_CACHE_HOME: the jars fetched there are found when no package put any in its prefix.
    void installedProgramFindsTheUserCache()
    {
        if (QFileInfo::exists(KafkaDistribution::packagedJarsDir()))
            QSKIP("kafdesk-kafka is installed on this machine: /usr/share/kafdesk/kafka would win");
        QTemporaryDir root;
        qputenv("XDG_CACHE_HOME", root.filePath(QStringLiteral("cache")).toUtf8());
        makeFetch(KafkaDistribution::userCacheDir(), coreJars());
        auto found =
            KafkaDistribution::findJars(KafkaDistribution::jarSearchPath(root.filePath(QStringLiteral("bin"))));
        QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.error().fullText()));
        QCOMPARE(found.value(), KafkaDistribution::userCacheDir());
    }

    void hintNamesThePackageForInstalledPrograms()
    {
        const QString installed = KafkaDistribution::fetchHint(true);
        QVERIFY(installed.contains(QStringLiteral("sudo apt install kafdesk-kafka")));
        QVERIFY(!installed.contains(QStringLiteral("scripts/")));
        QVERIFY(KafkaDistribution::fetchHint(false).contains(QStringLiteral("scripts/fetch-kafka-jars.sh")));
        // This test runs from the build tree.
        QCOMPARE(KafkaDistribution::fetchHint(), KafkaDistribution::fetchHint(false));
    }

private:
    QByteArray m_cacheHome;
    bool m_hadCacheHome = false;
};

QTEST_GUILESS_MAIN(TestKafkaDistribution)
#include "tst_kafkadistribution.moc"
