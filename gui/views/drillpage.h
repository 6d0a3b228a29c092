#pragma once

#include "views/clusterpage.h"

namespace kafdesk {

class ReplicationHistory;

// PLACEHOLDER interface: The failure drill: set up, run, watch and read the report.
class DrillPage : public ClusterPage {
    Q_OBJECT
public:
    explicit DrillPage(ReplicationHistory *history, QWidget *parent = nullptr);

    // The bundled cluster the drill may kill nodes of; an empty name: an external cluster (the
    // drill then only observes, and the user breaks brokers by other means).
    void setLocalCluster(const QString &name, const QString &clustersRoot);
};

} // namespace kafdesk
