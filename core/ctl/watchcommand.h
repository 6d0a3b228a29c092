#pragma once

#include <QStringList>

namespace kafdesk::ctl {

// `kafdesk-ctl watch --bootstrap B [--interval MS] [--json]`: replication events (leaders moving,
// ISRs shrinking, brokers going down) as they happen, one line each, until SIGINT or SIGTERM.
int runWatchCommand(const QStringList &arguments);

} // namespace kafdesk::ctl
