#pragma once

// The kcat line that sends what a ProduceRequest sends. kcat is built on librdkafka too, so with
// partitioner=murmur2_random its keys land in the same partitions as Kafdesk's (and Java's).

#include "messages/producerequest.h"

#include <QMap>
#include <QString>

namespace kafdesk::produce {

// One shell line (a pipeline) for the request: the value on kcat's standard input, one message
// per line (-K splits the key off), or, for hex, files and values with line breaks, one file per
// message. The connection's security settings are passed with -X; secrets are left as
// placeholders (<password>), never shown.
QString kcatCommand(const ProduceRequest &request, const QMap<QString, QString> &clientConfig);

} // namespace kafdesk::produce
