#pragma once

#include "kafka/metadataclient.h"
#include "local/clusterstate.h"

#include <QJsonObject>

#include <optional>

namespace kafdesk::ctl {

// `cluster status` for scripts (JSON) and people (a table). `metadata` is the live broker
// list when the cluster answered, so a paused or fenced node shows as not registered.
QJsonObject statusJson(const QString &directory, const ClusterState &state, const QList<NodeObservation> &nodes,
                       const std::optional<MetadataSnapshot> &metadata);
QString statusTable(const QString &directory, const ClusterState &state, const QList<NodeObservation> &nodes,
                    const std::optional<MetadataSnapshot> &metadata);
QString formatUptime(qint64 seconds);

} // namespace kafdesk::ctl
