#pragma once

// Debian's python3-confluent-kafka (/usr/bin/python3) as an independent peer for group tests.

#include "support/testsupport.h"

#include <QProcess>
#include <QStringList>

namespace kafdesk::test {

// Commits offsets for a group as a consumer that never joins it; offsets as "topic:partition:offset".
RunResult commitOffsetsWithPython(const QString &bootstrap, const QString &group, const QStringList &offsets);

// A group member (python) that subscribes to a topic, polls and never commits, until stop() or
// its destruction (it leaves the group cleanly).
class PythonGroupMember {
public:
    PythonGroupMember(const QString &bootstrap, const QString &group, const QString &topic, const QString &clientId);
    ~PythonGroupMember();
    PythonGroupMember(const PythonGroupMember &) = delete;
    PythonGroupMember &operator=(const PythonGroupMember &) = delete;

    // Waits for its first assignment; the partitions it got, as "topic:partition" (empty: none in time).
    QStringList waitForAssignment(int timeoutMs);
    void stop();
    const QString &output() const { return m_output; }

private:
    QProcess m_process;
    QString m_output;
};

} // namespace kafdesk::test
