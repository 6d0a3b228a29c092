#include "views/timelinepage.h"

namespace kafdesk {
TimelinePage::TimelinePage(ReplicationHistory *, QWidget *parent) : ClusterPage(parent) { setObjectName(QStringLiteral("timelinePage")); }
} // namespace kafdesk
