#include "local/kafkadistribution.h"

#include "kafdesk_build_config.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace kafdesk {

namespace {

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

QString programDir()
{
    // Without an application object, the program counts as a build tree's.
    return QCoreApplication::instance() ? QCoreApplication::applicationDirPath() : QString();
}

QString envPath(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

// Jars every Kafdesk broker and tool process needs, whatever else a directory holds.
QStringList requiredJars()
{
    const QString v = KafkaDistribution::kafkaVersion();
    return {QStringLiteral("kafka_2.13-") + v + QStringLiteral(".jar"),
            QStringLiteral("kafka-clients-") + v + QStringLiteral(".jar"),
            QStringLiteral("kafka-server-") + v + QStringLiteral(".jar"),
            QStringLiteral("kafka-tools-") + v + QStringLiteral(".jar")};
}

} // namespace

QString KafkaDistribution::kafkaVersion()
{
    return QStringLiteral(KAFDESK_KAFKA_VERSION);
}

QString KafkaDistribution::userCacheDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) + QStringLiteral("/kafdesk/kafka-")
           + kafkaVersion();
}

bool KafkaDistribution::isInstalledBinDir(const QString &binDir)
{
    return QFileInfo(binDir).fileName() == QLatin1String("bin");
}

QStringList KafkaDistribution::jarSearchPath()
{
    return jarSearchPath(programDir());
}

QStringList KafkaDistribution::jarSearchPath(const QString &binDir)
{
    if (const QString env = envPath("KAFDESK_KAFKA_JARS"); !env.isEmpty())
        return {env}; // an explicit choice is the only one tried, so a wrong one is reported as such
    QStringList dirs;
    const bool installed = isInstalledBinDir(binDir);
    if (const QString built = QStringLiteral(KAFDESK_KAFKA_JARS_DIR); !built.isEmpty() && !installed)
        dirs << built;
    if (installed) {
        // cmake --install into another prefix (/usr/local, /opt/kafdesk) keeps the jars beside it.
        const QString besideBinary = QDir::cleanPath(binDir + QStringLiteral("/../share/kafdesk/kafka"));
        if (besideBinary != packagedJarsDir())
            dirs << besideBinary;
    }
    dirs << packagedJarsDir() << userCacheDir();
    return dirs;
}

QString KafkaDistribution::fetchHint()
{
    return fetchHint(isInstalledBinDir(programDir()));
}

QString KafkaDistribution::fetchHint(bool installed)
{
    if (installed)
        return QStringLiteral("Install them with `sudo apt install kafdesk-kafka`, or point KAFDESK_KAFKA_JARS at a "
                              "directory that holds them.");
    return QStringLiteral("Fetch them with `scripts/fetch-kafka-jars.sh` from the Kafdesk source tree (Maven resolves "
                          "packaging/kafka/pom.xml into %1), or point KAFDESK_KAFKA_JARS at a directory that holds them.")
        .arg(userCacheDir());
}

Status KafkaDistribution::checkJarsDir(const QString &dir)
{
    const QDir d(dir);
    if (!d.exists())
        return failure(QStringLiteral("%1 does not exist.").arg(dir));

    QStringList expected = requiredJars();
    QFile manifest(d.filePath(manifestName()));
    const bool haveManifest = manifest.open(QIODevice::ReadOnly | QIODevice::Text);
    if (haveManifest) {
        const QStringList listed = QString::fromUtf8(manifest.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &jar : listed)
            if (!expected.contains(jar.trimmed()))
                expected << jar.trimmed();
    }

    QStringList missing;
    for (const QString &jar : std::as_const(expected)) {
        const QFileInfo info(d.filePath(jar));
        if (!info.isFile() || info.size() == 0)
            missing << jar;
    }
    if (!missing.isEmpty()) {
        const QString shown = missing.size() > 4 ? missing.mid(0, 4).join(QStringLiteral(", ")) +
                                                       QStringLiteral(" and %1 more").arg(missing.size() - 4)
                                                 : missing.join(QStringLiteral(", "));
        return failure(QStringLiteral("The broker jars in %1 are incomplete: %2 %3 missing.")
                           .arg(dir, shown, missing.size() == 1 ? QStringLiteral("is") : QStringLiteral("are")));
    }
    if (!haveManifest && d.entryList({QStringLiteral("*.jar")}, QDir::Files).size() < 20)
        return failure(QStringLiteral("%1 holds the Kafka jars but not their dependencies (no %2 from a complete fetch).")
                           .arg(dir, manifestName()));
    return ok();
}

Result<QString> KafkaDistribution::findJava()
{
    if (const QString env = envPath("KAFDESK_JAVA"); !env.isEmpty()) {
        if (isExecutableFile(env))
            return env;
        return failure(QStringLiteral("Java was not found at %1 (set by KAFDESK_JAVA).").arg(env),
                       QStringLiteral("Install Java 17 with `sudo apt-get install openjdk-17-jre-headless`, or point "
                                      "KAFDESK_JAVA at a java executable."));
    }
    QStringList candidates;
    if (const QString home = envPath("JAVA_HOME"); !home.isEmpty())
        candidates << home + QStringLiteral("/bin/java");
    candidates << QStringLiteral("/usr/lib/jvm/java-17-openjdk-amd64/bin/java")
               << QStringLiteral("/usr/lib/jvm/java-17-openjdk-arm64/bin/java");
    for (const QString &c : std::as_const(candidates))
        if (isExecutableFile(c))
            return c;
    if (const QString onPath = QStandardPaths::findExecutable(QStringLiteral("java")); !onPath.isEmpty())
        return onPath;
    return failure(QStringLiteral("Java is not installed: the bundled Kafka broker needs Java 17."),
                   QStringLiteral("Install it with `sudo apt-get install openjdk-17-jre-headless`."));
}

Result<QString> KafkaDistribution::findJars()
{
    return findJars(jarSearchPath());
}

Result<QString> KafkaDistribution::findJars(const QStringList &searchPath)
{
    QStringList problems;
    for (const QString &dir : searchPath) {
        const Status s = checkJarsDir(dir);
        if (s.ok())
            return QDir(dir).absolutePath();
        if (QDir(dir).exists())
            problems << s.error().message;
    }
    const QString looked = searchPath.join(QStringLiteral(", "));
    QString message = QStringLiteral("The Apache Kafka %1 broker jars were not found (looked in %2).")
                          .arg(kafkaVersion(), looked);
    if (!problems.isEmpty())
        message = problems.join(QLatin1Char(' '));
    return failure(message, fetchHint());
}

Result<KafkaDistribution> KafkaDistribution::locate()
{
    auto java = findJava();
    if (!java)
        return java.error();
    auto jars = findJars();
    if (!jars)
        return jars.error();
    return KafkaDistribution{java.value(), jars.value()};
}

} // namespace kafdesk
