#pragma once

#include "kafka/metadataclient.h"
#include "local/clusterpaths.h"
#include "local/clusterstate.h"

#include <QJsonObject>

#include <optional>

namespace kafdesk::ctl {

// `cluster status` for scripts (JSON) and people (a table). `metadata` is the live broker
// list when the cluster answered, so a paused or fenced node shows as not registered. A secure
// cluster's status names its protocol, CA file, users and password file, never a password.
QJsonObject statusJson(const ClusterPaths &paths, const ClusterState &state, const QList<NodeObservation> &nodes,
                       const std::optional<MetadataSnapshot> &metadata);
QString statusTable(const ClusterPaths &paths, const ClusterState &state, const QList<NodeObservation> &nodes,
                    const std::optional<MetadataSnapshot> &metadata);
QString formatUptime(qint64 seconds);

} // namespace kafdesk::ctl
