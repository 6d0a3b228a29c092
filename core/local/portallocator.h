#pragma once

#include "util/result.h"

#include <QList>
#include <QSet>

namespace kafdesk {

// Picks TCP ports on 127.0.0.1 for the bundled cluster's listeners.
class PortAllocator {
public:
    // Ports are drawn from below the kernel's ephemeral range, so a client connection's local
    // port can never sit on a stopped broker's port and block its restart.
    struct Range {
        quint16 first = 20000;
        quint16 last = 32000;
    };
    static Range safeRange();

    // `count` distinct free ports, none of them in `exclude` (ports that other Kafdesk clusters own
    // even while stopped). With basePort set, exactly basePort .. basePort+count-1, or an error
    // naming the port that cannot be bound.
    static Result<QList<quint16>> allocate(int count, const QSet<quint16> &exclude = {}, quint16 basePort = 0);

    static bool isFree(quint16 port);
    // Tries to bind 127.0.0.1:port; an empty string when it can be, else the system's reason.
    static QString bindError(quint16 port);
};

} // namespace kafdesk
