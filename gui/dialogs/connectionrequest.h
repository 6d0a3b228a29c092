#pragma once

#include "admin/clusteroperations.h"

#include <QColor>
#include <QMetaType>
#include <QString>

namespace kafdesk {

// What the connections dialog hands the main window: the bundled cluster by name, or a saved
// profile's librdkafka configuration with its secrets resolved. A value; it holds secrets, so it is
// never logged or written anywhere.
struct ConnectionRequest {
    bool local = false;          // the bundled cluster: the window starts it if it is not running
    QString localClusterName;    // when local
    ConnectionSettings settings; // when not local: librdkafka config with secrets resolved, name, readOnly
    QColor colour;               // the profile's label colour (invalid: none)
};

} // namespace kafdesk

Q_DECLARE_METATYPE(kafdesk::ConnectionRequest)
