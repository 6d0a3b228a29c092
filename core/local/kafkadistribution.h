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
    // Candidate jar directories in the order they are tried.
    static QStringList jarSearchPath();
    // How to fetch the jars, in one sentence with the command.
    static QString fetchHint();

    static Status checkJarsDir(const QString &dir);
    static Result<QString> findJava();
    static Result<QString> findJars();
    static Result<KafkaDistribution> locate();
};

} // namespace kafdesk
