#pragma once

#include <QStringList>

namespace kafdesk::ctl {

// `kafdesk-ctl groups VERB ...`: arguments after "groups".
int runGroupsCommand(const QStringList &arguments);

} // namespace kafdesk::ctl
