#pragma once

#include <QStringList>

namespace kafdesk::ctl {

// `kafdesk-ctl acls VERB ...`: arguments after "acls".
int runAclsCommand(const QStringList &arguments);

} // namespace kafdesk::ctl
