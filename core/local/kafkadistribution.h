#pragma once

#include "util/result.h"

#include <QStringList>

namespace kafdesk {

// Where Java and the Apache Kafka broker jars are. Kafdesk runs the real broker from jars that
// Maven resolved from packaging/kafka/pom.xml; this finds them and says clearly what is missing.
struct KafkaDistribution {
    QString javaPath;
    QString jarsDir;

    // The java classpath for every broker and tool process.
    QString classPath() const { return jarsDir + QStringLiteral("/*"); }

    static QString kafkaVersion();
    // The file that the jar fetch writes last, listing every jar: its absence means a partial fetch.
    static QString manifestName() { return QStringLiteral("kafdesk-jars.txt"); }
    // The versioned per-user cache, for example ~/.cache/kafdesk/kafka-4.1.2.
    static QString userCacheDir();
    // Where the kafdesk-kafka package puts the jars.
    static QString packagedJarsDir() { return QStringLiteral("/usr/share/kafdesk/kafka"); }
    // Whether a program in binDir runs installed (from a prefix's bin/, as the packages put it)
    // rather than from a build tree.
    static bool isInstalledBinDir(const QString &binDir);
    // Candidate jar directories in the order they are tried, for this program or for one in binDir:
    // $KAFDESK_KAFKA_JARS alone when set; else the build-time KAFDESK_KAFKA_JARS_DIR (build trees
    // only: an installed program must not prefer a path of the machine that built it), the
    // installed jars (<prefix>/share/kafdesk/kafka, then /usr/share/kafdesk/kafka), the user cache.
    static QStringList jarSearchPath();
    static QStringList jarSearchPath(const QString &binDir);
    // How to get the jars, in one sentence with the command: the package for an installed program,
    // the fetch script for a build tree's.
    static QString fetchHint();
    static QString fetchHint(bool installed);

    static Status checkJarsDir(const QString &dir);
    static Result<QString> findJava();
    // The first complete jar directory of jarSearchPath() (or of searchPath).
    static Result<QString> findJars();
    static Result<QString> findJars(const QStringList &searchPath);
    static Result<KafkaDistribution> locate();
};

} // namespace kafdesk
