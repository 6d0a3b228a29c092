#pragma once

#include <QStringList>

namespace kafdesk::ctl {

// Runs one kafdesk-ctl command line (without the program name) and returns its exit code. Apart
// from main() so that tests and fuzzers can drive the same dispatch.
int runCtl(QStringList args);

} // namespace kafdesk::ctl
