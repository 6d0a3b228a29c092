#pragma once

#include <QStringList>

namespace kafdesk::ctl {

// `kafdesk-ctl describe ...` and `kafdesk-ctl topics VERB ...`: arguments after the command.
int runDescribeCommand(const QStringList &arguments);
int runTopicsCommand(const QStringList &arguments);

} // namespace kafdesk::ctl
