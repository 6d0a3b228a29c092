#pragma once

#include <QString>

#include <chrono>

namespace kafdesk::processtable {

// Linux process-table checks for the broker JVMs. A pid is only taken to be ours while its
// command line still names our node's config file: a stale pid reused by another program
// is never signalled.

enum class ProcessState { Gone, Running, Stopped };

ProcessState stateOf(qint64 pid, const QString &commandLineMarker);
inline bool isAlive(qint64 pid, const QString &marker) { return stateOf(pid, marker) != ProcessState::Gone; }

// Sends a signal if the pid is still ours; false when it is not (or is gone).
bool signal(qint64 pid, const QString &marker, int signalNumber);

// Waits until the process is gone; true if it went within the timeout.
bool waitForExit(qint64 pid, const QString &marker, std::chrono::milliseconds timeout);

// Pids of every live process whose command line contains marker (to find strays of a cluster).
QList<qint64> findByMarker(const QString &marker);

} // namespace kafdesk::processtable
