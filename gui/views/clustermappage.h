#pragma once

#include "views/clusterpage.h"

namespace kafdesk {

class ReplicationHistory;

// PLACEHOLDER interface: The cluster-wide partition map: every topic's partitions by broker, filterable by topic and broker, changed cells flashing.
class ClusterMapPage : public ClusterPage {
    Q_OBJECT
public:
    explicit ClusterMapPage(QWidget *parent = nullptr);
};

} // namespace kafdesk
