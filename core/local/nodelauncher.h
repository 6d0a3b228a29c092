#pragma once

#include "local/clusterpaths.h"
#include "local/kafkadistribution.h"
#include "util/result.h"

#include <QList>

namespace kafdesk::nodelauncher {

// A Kafka cluster id: 16 random bytes in URL-safe base64 without padding, never starting with
// '-' (so that no tool mistakes it for an option), as Kafka's own Uuid.randomUuid() makes them.
QString generateClusterId();

// The java command line of one node (what bin/kafka-server-start.sh runs, with a small heap).
QStringList nodeArguments(const KafkaDistribution &dist, const ClusterPaths &paths, int nodeId);

// Formats every node's storage with Kafka's StorageTool, in parallel. `extraArguments` go after
// the tool's own (a secure cluster's SCRAM users).
Status formatStorage(const KafkaDistribution &dist, const ClusterPaths &paths, const QString &clusterId,
                     const QList<int> &nodeIds, const QStringList &extraArguments = {});

// Starts the node's JVM detached from this process (it outlives kafdesk-ctl) and returns its pid.
Result<qint64> launch(const KafkaDistribution &dist, const ClusterPaths &paths, int nodeId);

// The last lines of a text file, for error messages and `cluster logs`.
QString tail(const QString &path, int lines);

// Why a node exited while starting, from its logs: a sentence and the lines that show it.
Error explainEarlyExit(const ClusterPaths &paths, int nodeId);

} // namespace kafdesk::nodelauncher
