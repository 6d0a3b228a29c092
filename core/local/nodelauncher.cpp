#include "local/nodelauncher.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>

#include <memory>
#include <vector>

namespace kafdesk::nodelauncher {

namespace {

QString brokerHeap()
{
    const QString heap = qEnvironmentVariable("KAFDESK_BROKER_HEAP").trimmed();
    return heap.isEmpty() ? QStringLiteral("512m") : heap;
}

QStringList jvmBaseArguments(const KafkaDistribution &dist, const ClusterPaths &paths, const QString &logDir)
{
    return {QStringLiteral("-Djava.awt.headless=true"), QStringLiteral("-Dkafka.logs.dir=") + logDir,
            QStringLiteral("-Dlog4j2.configurationFile=") + paths.log4jConfig(), QStringLiteral("-cp"),
            dist.classPath()};
}

} // namespace

QString generateClusterId()
{
    for (;;) {
        QByteArray bytes(16, Qt::Uninitialized);
        QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
        const QString id = QString::fromLatin1(
            bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        if (!id.startsWith(QLatin1Char('-')))
            return id;
    }
}

QStringList nodeArguments(const KafkaDistribution &dist, const ClusterPaths &paths, int nodeId)
{
    const QString heap = brokerHeap();
    QStringList args{QStringLiteral("-Xms") + heap,
                     QStringLiteral("-Xmx") + heap,
                     QStringLiteral("-XX:+UseG1GC"),
                     QStringLiteral("-XX:MaxGCPauseMillis=20"),
                     QStringLiteral("-XX:InitiatingHeapOccupancyPercent=35"),
                     QStringLiteral("-XX:+ExitOnOutOfMemoryError")};
    args << jvmBaseArguments(dist, paths, paths.nodeLogDir(nodeId));
    args << QStringLiteral("kafka.Kafka") << paths.nodeConfig(nodeId);
    return args;
}

Status formatStorage(const KafkaDistribution &dist, const ClusterPaths &paths, const QString &clusterId,
                     const QList<int> &nodeIds, const QStringList &extraArguments)
{
    std::vector<std::unique_ptr<QProcess>> tools;
    for (const int id : nodeIds) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->setWorkingDirectory(paths.nodeDir(id));
        QStringList args{QStringLiteral("-Xmx256m"), QStringLiteral("-XX:TieredStopAtLevel=1")};
        args << jvmBaseArguments(dist, paths, paths.nodeLogDir(id));
        args << QStringLiteral("kafka.tools.StorageTool") << QStringLiteral("format") << QStringLiteral("-t")
             << clusterId << QStringLiteral("-c") << paths.nodeConfig(id) << extraArguments;
        p->start(dist.javaPath, args);
        tools.push_back(std::move(p));
    }
    for (size_t i = 0; i < tools.size(); ++i) {
        QProcess &p = *tools[i];
        const int id = nodeIds.at(static_cast<qsizetype>(i));
        if (!p.waitForStarted(10000))
            return failure(QStringLiteral("Java could not be started to format node %1's storage.").arg(id),
                           p.errorString());
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished(2000);
            return failure(QStringLiteral("Formatting node %1's storage took longer than two minutes.").arg(id));
        }
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return failure(QStringLiteral("Kafka's StorageTool could not format node %1's storage.").arg(id),
                           QString::fromUtf8(p.readAll()).trimmed());
    }
    return ok();
}

Result<qint64> launch(const KafkaDistribution &dist, const ClusterPaths &paths, int nodeId)
{
    QDir().mkpath(paths.nodeLogDir(nodeId));
    QProcess p;
    p.setProgram(dist.javaPath);
    p.setArguments(nodeArguments(dist, paths, nodeId));
    p.setWorkingDirectory(paths.nodeDir(nodeId));
    p.setStandardInputFile(QProcess::nullDevice());
    p.setStandardOutputFile(paths.stdoutLog(nodeId), QIODevice::Append);
    p.setStandardErrorFile(paths.stdoutLog(nodeId), QIODevice::Append);
    qint64 pid = 0;
    if (!p.startDetached(&pid))
        return failure(QStringLiteral("Java could not be started for node %1.").arg(nodeId), p.errorString());
    return pid;
}

QString tail(const QString &path, int lines)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    constexpr qint64 window = 256 * 1024;
    if (f.size() > window)
        f.seek(f.size() - window);
    QStringList all = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    if (!all.isEmpty() && all.last().isEmpty())
        all.removeLast();
    if (all.size() > lines)
        all = all.mid(all.size() - lines);
    return all.join(QLatin1Char('\n'));
}

Error explainEarlyExit(const ClusterPaths &paths, int nodeId)
{
    const QString log = tail(paths.serverLog(nodeId), 400);
    const QString out = tail(paths.stdoutLog(nodeId), 40);
    const QString both = log + QLatin1Char('\n') + out;
    QString reason = QStringLiteral("Node %1 exited while starting.").arg(nodeId);
    if (both.contains(QStringLiteral("Address already in use")))
        reason = QStringLiteral("Node %1 could not bind its port: the address is already in use.").arg(nodeId);
    else if (both.contains(QStringLiteral("UnsupportedClassVersionError")))
        reason = QStringLiteral("Node %1 needs Java 17 or newer; this Java is older.").arg(nodeId);
    else if (both.contains(QStringLiteral("ClassNotFoundException")) ||
             both.contains(QStringLiteral("NoClassDefFoundError")))
        reason = QStringLiteral("Node %1 is missing classes: the broker jars are incomplete.").arg(nodeId);
    else if (both.contains(QStringLiteral("OutOfMemoryError")))
        reason = QStringLiteral("Node %1 ran out of memory.").arg(nodeId);

    QStringList evidence;
    const QStringList logLines = log.split(QLatin1Char('\n'));
    for (const QString &line : logLines)
        if (line.contains(QStringLiteral("ERROR")) || line.contains(QStringLiteral("FATAL")) ||
            line.contains(QStringLiteral("Exception")) || line.contains(QStringLiteral("Error:")))
            evidence << line;
    if (evidence.size() > 8)
        evidence = evidence.mid(evidence.size() - 8);
    if (!out.trimmed().isEmpty())
        evidence << out.split(QLatin1Char('\n')).mid(0, 10);
    return failure(reason, evidence.join(QLatin1Char('\n')).trimmed());
}

} // namespace kafdesk::nodelauncher
