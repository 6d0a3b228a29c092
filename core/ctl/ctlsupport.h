#pragma once

// Small pieces every kafdesk-ctl command shares: error printing with the documented exit codes,
// and connecting to the cluster the options name.

#include "admin/clusteroperations.h"
#include "ctl/connectionoptions.h"
#include "ctl/console.h"
#include "util/jsonwriter.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kafdesk::ctl {

// Exit 1 ("refused by the cluster") or the code given, after printing the error.
int reportError(const Error &error, int code = ExitFailed);
int reportUsage(const QString &message, const QString &usage);
// A table for people: columns padded to their widest cell.
QString formatTable(const QList<QStringList> &rows);
// JSON indented at a terminal and compact in a pipe; bytes written as they are.
JsonWriter::Layout jsonLayout();
void printBytes(const QByteArray &utf8);
void printJson(const QJsonValue &value);
QString joinInts(const QList<int> &values);

// Whether connecting first asks for metadata, so that an unreachable cluster fails with a clear
// message before anything else. Skipped by commands whose first request is a full metadata fetch
// anyway (librdkafka 2.0.2 sends the probe's "no topics" as "all topics", so it would be a second one).
enum class Probe { First, Skip };

// Parse-only mode, for the fuzzer of kafdesk-ctl's arguments (tests/fuzz): every command parses
// and checks its arguments as always, then returns ExitOk where it would first touch a cluster
// (connect, start, stop, read logs) or wait. Off unless set; never set by kafdesk-ctl itself.
void setParseOnly(bool on);
bool parseOnly();

// Parses the command line and connects; on failure prints why and sets *exitCode. In parse-only
// mode it stops after the connection options are checked: nullptr with *exitCode ExitOk.
std::unique_ptr<ClusterOperations> connectFromOptions(const QCommandLineParser &parser, const ConnectionOptions &options,
                                                      int *exitCode, Probe probe = Probe::First);

} // namespace kafdesk::ctl
