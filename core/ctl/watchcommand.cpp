#include "ctl/watchcommand.h"

#include "cluster/clustersnapshot.h"
#include "cluster/snapshotdiff.h"
#include "ctl/ctlsupport.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QThread>

#include <atomic>
#include <csignal>

namespace kafdesk::ctl {

namespace {

std::atomic_bool stopRequested{false};

void onStopSignal(int)
{
    stopRequested = true;
}

QString watchUsage()
{
    return QStringLiteral("Usage: kafdesk-ctl watch (--bootstrap B | --local NAME | --profile NAME) [--interval MS]\n"
                          "                         [--json]\n\n"
                          "Polls the cluster's metadata every MS milliseconds (default 1000) and prints each\n"
                          "replication event as it happens, one line each: a broker down or up, a leader moving,\n"
                          "a partition offline or back, an ISR shrinking or growing, topics created or deleted.\n"
                          "With --json, one JSON object per line. Runs until interrupted (Ctrl+C).\n\n") +
           connectionUsage();
}

QJsonArray ints(const QList<int> &values)
{
    QJsonArray a;
    for (const int v : values)
        a.append(v);
    return a;
}

QString eventLine(const ReplicationEvent &e, bool json)
{
    const QString time = e.timestamp.toUTC().toString(Qt::ISODateWithMs);
    if (json) {
        const QJsonObject o{{QStringLiteral("time"), time},
                            {QStringLiteral("kind"), kindName(e.kind)},
                            {QStringLiteral("broker"), e.brokerId < 0 ? QJsonValue() : QJsonValue(e.brokerId)},
                            {QStringLiteral("topic"), e.topic.isEmpty() ? QJsonValue() : QJsonValue(e.topic)},
                            {QStringLiteral("partition"), e.partition < 0 ? QJsonValue() : QJsonValue(e.partition)},
                            {QStringLiteral("before"), ints(e.before)},
                            {QStringLiteral("after"), ints(e.after)},
                            {QStringLiteral("description"), e.description()}};
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    const QString where = e.partitionName().isEmpty() ? QStringLiteral("-") : e.partitionName();
    const QString broker = e.brokerId < 0 ? QStringLiteral("-") : QStringLiteral("broker %1").arg(e.brokerId);
    return QStringList{time, kindName(e.kind), where, broker, e.description()}.join(QStringLiteral("  "));
}

} // namespace

int runWatchCommand(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        out() << watchUsage();
        return ExitOk;
    }
    QCommandLineParser parser;
    ConnectionOptions connection;
    connection.addTo(parser);
    const QCommandLineOption intervalOpt(QStringLiteral("interval"), QStringLiteral("milliseconds"), QStringLiteral("MS"),
                                         QStringLiteral("1000"));
    parser.addOption(intervalOpt);
    if (!parser.parse(QStringList{QStringLiteral("kafdesk-ctl")} + arguments))
        return reportUsage(parser.errorText() + QLatin1Char('.'), watchUsage());
    if (!parser.positionalArguments().isEmpty())
        return reportUsage(QStringLiteral("watch takes no arguments besides its options."), watchUsage());
    bool intervalOk = false;
    const int interval = parser.value(intervalOpt).toInt(&intervalOk);
    if (!intervalOk || interval < 100 || interval > 600000)
        return reportUsage(QStringLiteral("--interval takes milliseconds from 100 to 600000."), watchUsage());
    auto settings = connection.settings(parser);
    if (!settings)
        return reportUsage(settings.error().message, watchUsage());
    if (parseOnly())
        return ExitOk;
    const bool json = connection.json(parser);
    const QString bootstrap = settings->clientConfig.value(QStringLiteral("bootstrap.servers"));
    QMap<QString, QString> extra = settings->clientConfig;
    extra.remove(QStringLiteral("bootstrap.servers"));
    MetadataClient client(bootstrap, extra);
    if (const Status v = client.valid(); !v)
        return reportError(v.error(), ExitUsage);

    std::signal(SIGINT, onStopSignal);
    std::signal(SIGTERM, onStopSignal);
    const int fetchTimeout = std::clamp(interval * 2, 1000, 5000);
    std::optional<ClusterSnapshot> previous;
    bool connected = true; // until the first failure says otherwise
    while (!stopRequested) {
        QElapsedTimer tick;
        tick.start();
        auto md = client.fetch(fetchTimeout);
        if (!md) {
            if (connected)
                err() << QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)
                      << (previous ? "  connection lost: " : "  cannot reach the cluster yet: ") << md.error().message
                      << " (retrying)\n";
            err().flush();
            connected = false;
        } else {
            if (!connected)
                err() << QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) << "  connection regained\n";
            connected = true;
            ClusterSnapshot now = ClusterSnapshot::fromMetadata(md.value(), previous ? &*previous : nullptr);
            if (!previous) {
                err() << "Watching " << bootstrap << ": " << now.aliveBrokerIds().size() << " brokers, "
                      << now.topics.size() << " topics, " << now.partitionCount() << " partitions. Ctrl+C stops.\n";
            } else {
                for (const ReplicationEvent &e : diffSnapshots(*previous, now)) {
                    out() << eventLine(e, json) << '\n';
                    out().flush(); // a line as it happens, also into a pipe
                }
            }
            err().flush();
            previous = std::move(now);
        }
        while (!stopRequested && tick.elapsed() < interval)
            QThread::msleep(static_cast<unsigned long>(std::min<qint64>(50, interval - tick.elapsed() + 1)));
    }
    out().flush();
    return ExitOk;
}

} // namespace kafdesk::ctl
