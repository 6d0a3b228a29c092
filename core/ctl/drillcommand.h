#pragma once

#include <QStringList>

namespace kafdesk::ctl {

// `kafdesk-ctl drill --name CLUSTER --topic T ...`: the failure drill (drill/failuredrill.h) on a
// bundled cluster, its progress on stderr and its report on stdout.
int runDrillCommand(const QStringList &arguments);

} // namespace kafdesk::ctl
