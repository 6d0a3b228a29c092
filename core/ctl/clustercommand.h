#pragma once

#include <QStringList>

namespace kafdesk::ctl {

// `kafdesk-ctl cluster VERB [NODE] [options]`: arguments after "cluster". Returns the exit code.
int runClusterCommand(const QStringList &arguments);
QString clusterUsage();

} // namespace kafdesk::ctl
