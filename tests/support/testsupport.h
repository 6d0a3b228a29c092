#pragma once

#include "kafka/metadataclient.h"
#include "local/clusterstate.h"
#include "local/localcluster.h"

#include <QElapsedTimer>
#include <QProcessEnvironment>
#include <QStringList>
#include <QThread>

#include <chrono>

namespace kafdesk::test {

QString ctlPath();
QString clustersDir();
QString sharedClusterName();
QString screenshotDir();
// A name no other test run uses, for topics, groups and clusters.
QString uniqueName(const QString &prefix);

struct RunResult {
    bool started = false;
    int exitCode = -1;
    QString out;
    QString err;
    QString describe() const;
};

RunResult run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {},
              int timeoutMs = 120000);
// kafdesk-ctl with the test environment plus `extraEnv`.
RunResult ctl(const QStringList &args, const QMap<QString, QString> &extraEnv = {});
// Broker ids that kcat, an independent client, sees.
QList<int> kcatBrokerIds(const QString &bootstrap);
// One of Kafka's own command-line classes, on the bundled jars' classpath.
RunResult kafkaTool(const QString &mainClass, const QStringList &args, int timeoutMs = 120000);

ClusterState sharedClusterState();

// CPU time the calling thread has used, in ms: tells a busy event loop from one waiting for a
// CPU core on a loaded test machine.
qint64 threadCpuMs();

// Polls `condition` until it holds or `timeout` passes; returns how long it took, or -1.
template <typename Condition>
qint64 waitUntil(Condition condition, std::chrono::milliseconds timeout, int pollMs = 50)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeout.count())
            return -1;
        QThread::msleep(pollMs);
    }
    return timer.elapsed();
}

// A cluster of a test's own, removed when the test ends (and by the private_clusters fixture
// cleanup if the test crashes).
class OwnCluster {
public:
    explicit OwnCluster(const QString &suffix);
    ~OwnCluster();
    OwnCluster(const OwnCluster &) = delete;
    OwnCluster &operator=(const OwnCluster &) = delete;

    LocalCluster &cluster() { return m_cluster; }
    const QString &name() const { return m_cluster.name(); }
    QString bootstrap() const;

private:
    LocalCluster m_cluster;
};

} // namespace kafdesk::test
