#include "support/testsupport.h"

#include "local/kafkadistribution.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <ctime>

namespace kafdesk::test {

QString ctlPath()
{
    return QStringLiteral(KAFDESK_CTL_PATH);
}

QString clustersDir()
{
    return QStringLiteral(KAFDESK_TEST_CLUSTERS_DIR);
}

QString sharedClusterName()
{
    return QStringLiteral(KAFDESK_SHARED_CLUSTER);
}

QString screenshotDir()
{
    return QStringLiteral(KAFDESK_SCREENSHOT_DIR);
}

QString uniqueName(const QString &prefix)
{
    static int counter = 0;
    return QStringLiteral("%1-%2-%3-%4")
        .arg(prefix)
        .arg(QCoreApplication::applicationPid())
        .arg(QDateTime::currentMSecsSinceEpoch() % 100000)
        .arg(++counter);
}

QString RunResult::describe() const
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(exitCode).arg(out, err);
}

RunResult run(const QString &program, const QStringList &args, const QProcessEnvironment &env, int timeoutMs)
{
    QProcess p;
    if (!env.isEmpty())
        p.setProcessEnvironment(env);
    p.start(program, args);
    RunResult r;
    r.started = p.waitForStarted(10000);
    if (!r.started) {
        r.err = p.errorString();
        return r;
    }
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.err = QStringLiteral("timed out after %1 ms").arg(timeoutMs);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

RunResult ctl(const QStringList &args, const QMap<QString, QString> &extraEnv)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("KAFDESK_CLUSTERS_DIR"), clustersDir());
    for (auto it = extraEnv.cbegin(); it != extraEnv.cend(); ++it)
        env.insert(it.key(), it.value());
    return run(ctlPath(), args, env);
}

QList<int> kcatBrokerIds(const QString &bootstrap)
{
    const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-L"),
                                                      QStringLiteral("-m"), QStringLiteral("5")},
                            {}, 20000);
    QList<int> ids;
    static const QRegularExpression line(QStringLiteral("^\\s+broker (\\d+) at "),
                                         QRegularExpression::MultilineOption);
    for (auto it = line.globalMatch(r.out); it.hasNext();)
        ids << it.next().captured(1).toInt();
    std::sort(ids.begin(), ids.end());
    return ids;
}

RunResult kafkaTool(const QString &mainClass, const QStringList &args, int timeoutMs)
{
    auto dist = KafkaDistribution::locate();
    if (!dist)
        return RunResult{false, -1, {}, dist.error().fullText()};
    QStringList javaArgs{QStringLiteral("-Xmx256m"), QStringLiteral("-XX:TieredStopAtLevel=1"),
                         QStringLiteral("-Dlog4j2.level=WARN"), QStringLiteral("-cp"), dist->classPath(), mainClass};
    return run(dist->javaPath, javaArgs + args, {}, timeoutMs);
}

qint64 threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<qint64>(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
}

ClusterState sharedClusterState()
{
    auto s = LocalCluster(sharedClusterName(), clustersDir()).state();
    return s ? s.value() : ClusterState{};
}

OwnCluster::OwnCluster(const QString &suffix)
    : m_cluster(QStringLiteral("ctest-own-") + suffix, clustersDir())
{
    if (m_cluster.exists())
        (void)m_cluster.down();
}

OwnCluster::~OwnCluster()
{
    if (QDir(m_cluster.paths().dir()).exists())
        (void)m_cluster.down();
}

QString OwnCluster::bootstrap() const
{
    auto s = m_cluster.state();
    return s ? s->bootstrapServers() : QString();
}

} // namespace kafdesk::test
