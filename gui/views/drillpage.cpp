#include "views/drillpage.h"

namespace kafdesk {
DrillPage::DrillPage(ReplicationHistory *, QWidget *parent) : ClusterPage(parent) { setObjectName(QStringLiteral("drillPage")); }
void DrillPage::setLocalCluster(const QString &, const QString &) {}
} // namespace kafdesk
