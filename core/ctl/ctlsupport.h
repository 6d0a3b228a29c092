#pragma once

// Small pieces every kafdesk-ctl command shares: error printing with the documented exit codes,
// and connecting to the cluster the options name.

#include "admin/clusteroperations.h"
#include "ctl/connectionoptions.h"
#include "ctl/console.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kafdesk::ctl {

// Exit 1 ("refused by the cluster") or the code given, after printing the error.
int reportError(const Error &error, int code = ExitFailed);
int reportUsage(const QString &message, const QString &usage);
// A table for people: columns padded to their widest cell.
QString formatTable(const QList<QStringList> &rows);
void printJson(const QJsonValue &value);
QString joinInts(const QList<int> &values);

// Parses the command line and connects; on failure prints why and sets *exitCode.
std::unique_ptr<ClusterOperations> connectFromOptions(const QCommandLineParser &parser, const ConnectionOptions &options,
                                                      int *exitCode);

} // namespace kafdesk::ctl
