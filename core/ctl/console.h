#pragma once

#include <QTextStream>

#include <cstdio>

namespace kafdesk::ctl {

// Exit codes of kafdesk-ctl.
enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitUsage = 2, ExitNeedsForce = 3 };

inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace kafdesk::ctl
