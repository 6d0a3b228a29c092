#pragma once

// Values that cross threads through queued signals.

#include "cluster/clustersnapshot.h"
#include "cluster/replicationevent.h"
#include "kafka/metadataclient.h"
#include "local/clusterstate.h"
#include "util/result.h"

#include <QMetaType>

Q_DECLARE_METATYPE(kafdesk::Error)
Q_DECLARE_METATYPE(kafdesk::MetadataSnapshot)
Q_DECLARE_METATYPE(kafdesk::ClusterState)
Q_DECLARE_METATYPE(kafdesk::ClusterSnapshotPtr)
Q_DECLARE_METATYPE(kafdesk::ReplicationEvent)
