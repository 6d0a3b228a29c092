#pragma once

#include "util/result.h"

#include <QList>
#include <QString>

#include <atomic>
#include <chrono>

namespace kafdesk {

// The KRaft controller quorum as Kafka's own MetadataQuorumCommand (`describe --status`) reports
// it. The bundled cluster learns its active controller this way: librdkafka 2.0.2's metadata
// controller id is a broker picked at random on KRaft, not the quorum leader (KAFKA-NOTES.md).
struct QuorumStatus {
    QString clusterId;
    int leaderId = -1;         // the active controller, -1 when the quorum has none
    int leaderEpoch = -1;
    qint64 highWatermark = -1;
    qint64 maxFollowerLag = -1;
    qint64 maxFollowerLagTimeMs = -1;
    QList<int> voters;         // sorted
    QList<int> observers;      // sorted (brokers that are not controllers)

    // Parses the command's output: "Key:  value" lines, voters either as a JSON list of objects
    // (Kafka 3.9 and later: [{"id": 1, "endpoints": [...]}, ...]) or as a plain id list ([1,2,3]).
    static Result<QuorumStatus> parse(const QString &output);

    // The java arguments (after the java binary) that run the command against `bootstrap`;
    // `commandConfig` is a client properties file (a secure cluster's admin settings), or empty.
    static QStringList commandArguments(const QString &classPath, const QString &bootstrap,
                                        const QString &commandConfig = {});

    // Runs the command in a JVM and parses what it prints. Blocks for a few seconds (JVM start),
    // up to `timeout`: call it on a worker thread only. Gives up early once *cancel is set.
    static Result<QuorumStatus> fetch(const QString &bootstrap, std::chrono::milliseconds timeout,
                                      const std::atomic_bool *cancel = nullptr, const QString &commandConfig = {});

    friend bool operator==(const QuorumStatus &, const QuorumStatus &) = default;
};

} // namespace kafdesk
