#include "views/clustermappage.h"

namespace kafdesk {
ClusterMapPage::ClusterMapPage(QWidget *parent) : ClusterPage(parent) { setObjectName(QStringLiteral("clusterMapPage")); }
} // namespace kafdesk
