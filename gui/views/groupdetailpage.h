#pragma once

#include "views/clusterpage.h"

namespace kafdesk {

// One consumer group: members, per-partition offsets and lag, a lag-over-time chart, and the reset / delete actions.
class GroupDetailPage : public ClusterPage {
    Q_OBJECT
public:
    explicit GroupDetailPage(QWidget *parent = nullptr);

    void showGroup(const QString &group);
    QString group() const { return m_group; }

private:
    QString m_group;
};

} // namespace kafdesk
