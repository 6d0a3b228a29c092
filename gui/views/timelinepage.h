#pragma once

#include "views/clusterpage.h"

namespace kafdesk {

class ReplicationHistory;

// PLACEHOLDER interface: The replication timeline: events and the user's markers in a filterable table, a chart of health over time, CSV export.
class TimelinePage : public ClusterPage {
    Q_OBJECT
public:
    explicit TimelinePage(ReplicationHistory *history, QWidget *parent = nullptr);
};

} // namespace kafdesk
