#include "local/quorumstatus.h"

#include "local/kafkadistribution.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>

#include <algorithm>

namespace kafdesk {

namespace {

// "[{"id": 1, ...}, {"id": 2, ...}]" or "[1,2,3]": the ids, sorted; false when it is neither.
bool parseIds(const QString &text, QList<int> &ids)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return false;
    ids.clear();
    for (const QJsonValue &v : doc.array()) {
        const QJsonValue id = v.isObject() ? v.toObject().value(QStringLiteral("id")) : v;
        if (!id.isDouble())
            return false;
        ids << id.toInt();
    }
    std::sort(ids.begin(), ids.end());
    return true;
}

bool parseNumber(const QMap<QString, QString> &fields, const QString &key, qint64 &out)
{
    const auto it = fields.constFind(key);
    if (it == fields.cend())
        return true; // optional: older versions do not print every field
    bool ok = false;
    out = it->toLongLong(&ok);
    return ok;
}

} // namespace

Result<QuorumStatus> QuorumStatus::parse(const QString &output)
{
    QMap<QString, QString> fields;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        const QString key = line.left(colon).trimmed();
        // The command's keys are single words; a stray line ("Exception in thread ...: ...") is not one.
        if (key.contains(QLatin1Char(' ')))
            continue;
        fields.insert(key, line.mid(colon + 1).trimmed());
    }
    if (!fields.contains(QStringLiteral("LeaderId")))
        return failure(QStringLiteral("MetadataQuorumCommand printed no LeaderId."), output.left(500));

    QuorumStatus s;
    s.clusterId = fields.value(QStringLiteral("ClusterId"));
    qint64 leader = -1;
    qint64 epoch = -1;
    const bool numbers = parseNumber(fields, QStringLiteral("LeaderId"), leader) &&
                         parseNumber(fields, QStringLiteral("LeaderEpoch"), epoch) &&
                         parseNumber(fields, QStringLiteral("HighWatermark"), s.highWatermark) &&
                         parseNumber(fields, QStringLiteral("MaxFollowerLag"), s.maxFollowerLag) &&
                         parseNumber(fields, QStringLiteral("MaxFollowerLagTimeMs"), s.maxFollowerLagTimeMs);
    if (!numbers)
        return failure(QStringLiteral("MetadataQuorumCommand printed a field that is not a number."), output.left(500));
    s.leaderId = static_cast<int>(leader);
    s.leaderEpoch = static_cast<int>(epoch);
    if (!parseIds(fields.value(QStringLiteral("CurrentVoters"), QStringLiteral("[]")), s.voters) ||
        !parseIds(fields.value(QStringLiteral("CurrentObservers"), QStringLiteral("[]")), s.observers))
        return failure(QStringLiteral("MetadataQuorumCommand printed voters or observers in an unknown form."),
                       output.left(500));
    return s;
}

QStringList QuorumStatus::commandArguments(const QString &classPath, const QString &bootstrap,
                                           const QString &commandConfig)
{
    // A short-lived tool: a small heap and the C1 compiler only start it in about a second.
    QStringList args{QStringLiteral("-Xmx256m"),
            QStringLiteral("-XX:TieredStopAtLevel=1"),
            QStringLiteral("-XX:+UseSerialGC"),
            QStringLiteral("-Dlog4j2.level=WARN"),
            QStringLiteral("-cp"),
            classPath,
            QStringLiteral("org.apache.kafka.tools.MetadataQuorumCommand"),
            QStringLiteral("--bootstrap-server"),
            bootstrap};
    // A main option: before the subcommand, for argparse4j.
    if (!commandConfig.isEmpty())
        args << QStringLiteral("--command-config") << commandConfig;
    args << QStringLiteral("describe") << QStringLiteral("--status");
    return args;
}

Result<QuorumStatus> QuorumStatus::fetch(const QString &bootstrap, std::chrono::milliseconds timeout,
                                         const std::atomic_bool *cancel, const QString &commandConfig)
{
    auto dist = KafkaDistribution::locate();
    if (!dist)
        return dist.error();
    QProcess process;
    process.setProcessChannelMode(QProcess::SeparateChannels);
    process.start(dist->javaPath, commandArguments(dist->classPath(), bootstrap, commandConfig));
    if (!process.waitForStarted(10000))
        return failure(QStringLiteral("Could not run %1.").arg(dist->javaPath), process.errorString());
    QElapsedTimer timer;
    timer.start();
    while (!process.waitForFinished(100)) {
        const bool cancelled = cancel && cancel->load();
        if (cancelled || timer.elapsed() > timeout.count()) {
            process.kill();
            process.waitForFinished(5000);
            if (cancelled)
                return cancelledError();
            return failure(QStringLiteral("The controller quorum did not answer within %1 s.").arg(timeout.count() / 1000),
                           QStringLiteral("MetadataQuorumCommand --bootstrap-server %1 describe --status").arg(bootstrap));
        }
    }
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QString err = QString::fromUtf8(process.readAllStandardError()).trimmed();
        return failure(QStringLiteral("MetadataQuorumCommand failed (exit code %1).").arg(process.exitCode()),
                       err.right(800));
    }
    return parse(out);
}

} // namespace kafdesk
