#include "ctl/drillcommand.h"

#include "ctl/ctlsupport.h"
#include "drill/drillreportjson.h"
#include "drill/failuredrill.h"
#include "local/localcluster.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QTimer>

#include <QElapsedTimer>

#include <array>
#include <atomic>
#include <tuple>
#include <csignal>

namespace kafdesk::ctl {

namespace {

// The drill ran to its end, but a guarantee the chosen settings promise did not hold.
constexpr int ExitGuaranteeBroken = 4;

std::atomic<int> interrupts{0};

void onInterrupt(int)
{
    ++interrupts;
}

QString drillUsage()
{
    return QStringLiteral(
        "Usage: kafdesk-ctl drill --name CLUSTER --topic T [options]\n\n"
        "A failure drill on a bundled cluster: a producer writes sequence-numbered messages to T while the\n"
        "leader of partition 0 is killed (SIGKILL) and restarted, again and again; a consumer reads them back,\n"
        "and the report says what became of every acknowledged message. T is created when it does not exist\n"
        "(else the drill uses it as it is and reads only its own messages).\n\n"
        "Options:\n"
        "  --kills K                  leader kills, one per interval (default 5; 0: none, run --duration)\n"
        "  --interval SECONDS         between kills (default 10); a node stays down about half of it\n"
        "  --acks all|1               the producer's acks (default all)\n"
        "  --idempotence on|off       (default on with acks=all, off with acks=1; on needs acks=all)\n"
        "  --rate N                   messages a second (default 500)\n"
        "  --partitions N             a new topic's partitions (default 6)\n"
        "  --replication-factor N     a new topic's replicas (default 3)\n"
        "  --min-insync-replicas N    a new topic's min.insync.replicas (default 2)\n"
        "  --duration SECONDS         how long to run with --kills 0 (default 60)\n"
        "  --json                     the report as one JSON object\n\n"
        "Ctrl+C once ends the drill early but properly (restart, drain, report); twice cancels it.\n"
        "Exit codes: 0 the drill ran to its end (even if acks=1 lost messages: that is the lesson),\n"
        "1 it could not run, 2 bad usage, 4 a guarantee the settings promise did not hold.\n");
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

void printJsonReport(const DrillReport &r)
{
    printJson(drillReportJson(r));
}

QStringList countsRow(const QString &label, const DrillPartitionReport &p)
{
    return {label,
            QString::number(p.sent),
            QString::number(p.acknowledged),
            QString::number(p.failed),
            QString::number(p.consumed),
            QString::number(p.lost),
            QString::number(p.duplicated),
            QString::number(p.outOfOrder),
            QString::number(p.unacknowledgedButConsumed)};
}

void printTextReport(const DrillReport &r)
{
    out() << "Failure drill on " << r.config.topic << " (acks=" << (r.config.acks == Acks::All ? "all" : "1")
          << ", idempotence " << (r.config.idempotence ? "on" : "off") << ", " << r.partitions.size()
          << " partitions, replication factor " << r.config.replicationFactor << ", min.insync.replicas "
          << r.config.minInsyncReplicas << "), " << QString::number(r.startedAt.msecsTo(r.finishedAt) / 1000.0, 'f', 1)
          << " s" << (r.cancelled ? ", cancelled" : "") << "\n\n";
    QList<QStringList> rows{{QStringLiteral("PARTITION"), QStringLiteral("SENT"), QStringLiteral("ACKED"),
                             QStringLiteral("FAILED"), QStringLiteral("CONSUMED"), QStringLiteral("LOST"),
                             QStringLiteral("DUPLICATED"), QStringLiteral("OUT-OF-ORDER"), QStringLiteral("UNACKED-READ")}};
    for (const DrillPartitionReport &p : r.partitions)
        rows << countsRow(QString::number(p.partition), p);
    rows << countsRow(QStringLiteral("total"), r.total);
    out() << formatTable(rows);
    if (!r.kills.isEmpty()) {
        QList<QStringList> kills{{QStringLiteral("KILLED"), QStringLiteral("NODE"), QStringLiteral("NEW LEADER"),
                                  QStringLiteral("LEADERLESS"), QStringLiteral("RESTARTED")}};
        for (const DrillKill &k : r.kills)
            kills << QStringList{isoTime(k.killedAt), QString::number(k.node),
                                 k.newLeader < 0 ? QStringLiteral("-") : QString::number(k.newLeader),
                                 k.leaderlessMs < 0 ? QStringLiteral("-") : QStringLiteral("%1 ms").arg(k.leaderlessMs),
                                 k.restartedAt.isValid() ? isoTime(k.restartedAt) : QStringLiteral("not restarted")};
        out() << '\n' << formatTable(kills);
    }
    out() << '\n'
          << (!r.promiseHeld()            ? "A guarantee the settings promise did NOT hold."
              : r.total.lost > 0            ? "Acknowledged messages were lost, which acks=1 allows: nothing the settings promise was broken."
                                            : "What the settings promise held.")
          << "\n\n"
          << explainDrill(r).join(QStringLiteral("\n\n")) << '\n';
    out().flush();
}

struct Parsed {
    DrillConfig config;
    bool json = false;
};

Result<int> intOption(const QCommandLineParser &parser, const QString &name, int min, int max)
{
    bool ok = false;
    const int v = parser.value(name).toInt(&ok);
    if (!ok || v < min || v > max)
        return Error{QStringLiteral("--%1 takes a number from %2 to %3.").arg(name).arg(min).arg(max), {}, true};
    return v;
}

} // namespace

int runDrillCommand(const QStringList &arguments)
{
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        out() << drillUsage();
        return ExitOk;
    }
    QCommandLineParser parser;
    parser.addOptions({{QStringLiteral("name"), QStringLiteral("cluster"), QStringLiteral("CLUSTER")},
                       {QStringLiteral("topic"), QStringLiteral("topic"), QStringLiteral("T")},
                       {QStringLiteral("kills"), QStringLiteral("kills"), QStringLiteral("K"), QStringLiteral("5")},
                       {QStringLiteral("interval"), QStringLiteral("seconds"), QStringLiteral("S"), QStringLiteral("10")},
                       {QStringLiteral("acks"), QStringLiteral("acks"), QStringLiteral("all|1"), QStringLiteral("all")},
                       {QStringLiteral("idempotence"), QStringLiteral("on|off"), QStringLiteral("on|off")},
                       {QStringLiteral("rate"), QStringLiteral("rate"), QStringLiteral("N"), QStringLiteral("500")},
                       {QStringLiteral("partitions"), QStringLiteral("partitions"), QStringLiteral("N"), QStringLiteral("6")},
                       {QStringLiteral("replication-factor"), QStringLiteral("replicas"), QStringLiteral("N"), QStringLiteral("3")},
                       {QStringLiteral("min-insync-replicas"), QStringLiteral("min ISR"), QStringLiteral("N"), QStringLiteral("2")},
                       {QStringLiteral("duration"), QStringLiteral("seconds"), QStringLiteral("S"), QStringLiteral("60")},
                       {QStringLiteral("json"), QStringLiteral("JSON output")}});
    if (!parser.parse(QStringList{QStringLiteral("kafdesk-ctl")} + arguments))
        return reportUsage(parser.errorText() + QLatin1Char('.'), drillUsage());
    if (!parser.positionalArguments().isEmpty())
        return reportUsage(QStringLiteral("drill takes no arguments besides its options."), drillUsage());
    const QString name = parser.value(QStringLiteral("name"));
    const QString topic = parser.value(QStringLiteral("topic"));
    if (name.isEmpty() || topic.isEmpty())
        return reportUsage(QStringLiteral("drill needs --name CLUSTER and --topic T."), drillUsage());

    DrillConfig c;
    c.topic = topic;
    const QString acks = parser.value(QStringLiteral("acks"));
    if (acks == QLatin1String("all") || acks == QLatin1String("-1"))
        c.acks = Acks::All;
    else if (acks == QLatin1String("1"))
        c.acks = Acks::Leader;
    else
        return reportUsage(QStringLiteral("--acks takes all or 1 (with acks=0 nothing could be checked)."), drillUsage());
    const QString idem = parser.value(QStringLiteral("idempotence"));
    if (idem.isEmpty())
        c.idempotence = c.acks == Acks::All;
    else if (idem == QLatin1String("on") || idem == QLatin1String("off"))
        c.idempotence = idem == QLatin1String("on");
    else
        return reportUsage(QStringLiteral("--idempotence takes on or off."), drillUsage());
    const std::array<std::tuple<const char *, int *, int, int>, 5> numbers{{
        {"kills", &c.kills, 0, 100},
        {"rate", &c.messagesPerSecond, 1, 100000},
        {"partitions", &c.partitions, 1, 1000},
        {"replication-factor", &c.replicationFactor, 1, LocalCluster::maxNodes},
        {"min-insync-replicas", &c.minInsyncReplicas, 1, LocalCluster::maxNodes},
    }};
    for (const auto &[option, target, min, max] : numbers) {
        auto v = intOption(parser, QString::fromLatin1(option), min, max);
        if (!v)
            return reportUsage(v.error().message, drillUsage());
        *target = v.value();
    }
    auto interval = intOption(parser, QStringLiteral("interval"), 2, 3600);
    auto duration = intOption(parser, QStringLiteral("duration"), 1, 86400);
    if (!interval || !duration)
        return reportUsage((interval ? duration : interval).error().message, drillUsage());
    c.killInterval = std::chrono::seconds(interval.value());
    c.duration = std::chrono::seconds(duration.value());
    if (parser.isSet(QStringLiteral("duration")) && c.kills > 0)
        return reportUsage(QStringLiteral("--duration is for --kills 0; with kills the schedule sets the length."),
                           drillUsage());

    // The cluster: a bundled one, running.
    if (const Status valid = LocalCluster::validateName(name); !valid)
        return reportError(valid.error(), ExitUsage);
    if (parseOnly())
        return ExitOk;
    LocalCluster cluster(name);
    auto state = cluster.state();
    if (!state)
        return reportError(state.error());
    c.clusterName = name;
    c.clustersRoot = LocalCluster::defaultClustersRoot();
    c.connection = ConnectionSettings::forBootstrap(state->bootstrapServers(), name);
    auto config = cluster.clientConfig(); // a secure cluster's admin settings
    if (!config)
        return reportError(config.error());
    c.connection.clientConfig = config.value();

    // An existing topic is used as it is; a missing one is created.
    {
        auto ops = ClusterOperations::connect(c.connection);
        if (!ops)
            return reportError(ops.error());
        auto md = ops.value()->metadata().fetch(10000);
        if (!md)
            return reportError(md.error());
        if (const TopicInfo *t = md->topic(topic)) {
            c.createTopic = false;
            err() << "Topic " << topic << " exists: the drill uses it as it is (" << t->partitions.size()
                  << " partitions) and reads only its own messages.\n";
        } else if (c.replicationFactor > md->brokers.size()) {
            return reportError(Error{QStringLiteral("A replication factor of %1 needs %1 brokers, and %2 has %3 running.")
                                         .arg(c.replicationFactor).arg(name).arg(md->brokers.size()), {}, true},
                               ExitUsage);
        }
    }
    const QStringList problems = validateDrillConfig(c);
    if (!problems.isEmpty())
        return reportUsage(problems.join(QLatin1Char(' ')), drillUsage());

    const bool json = parser.isSet(QStringLiteral("json"));
    FailureDrill drill;
    int code = ExitFailed;
    QString lastPhase;
    QElapsedTimer sinceLine;
    QObject::connect(&drill, &FailureDrill::progress, &drill, [&](const DrillProgress &p) {
        const QString phase = drillPhaseName(p.phase);
        if (phase == lastPhase && sinceLine.isValid() && sinceLine.elapsed() < 1000)
            return; // a line a second, and one at each change of phase
        lastPhase = phase;
        sinceLine.start();
        err() << '[' << phase << "] sent " << p.sent << ", acknowledged " << p.acknowledged << ", failed " << p.failed
              << ", consumed " << p.consumed << ", kills " << p.killsDone << '/' << p.killsPlanned << " - " << p.text
              << '\n';
        err().flush();
    });
    QObject::connect(&drill, &FailureDrill::nodeKilled, &drill, [](const DrillKill &k) {
        err() << isoTime(k.killedAt) << "  killed node " << k.node << " (leader of partition " << k.partition << ")\n";
        err().flush();
    });
    QObject::connect(&drill, &FailureDrill::nodeRestarted, &drill, [](const DrillKill &k) {
        err() << isoTime(k.recoveredAt.isValid() ? k.recoveredAt : k.restartedAt) << "  node " << k.node
              << (k.recoveredAt.isValid() ? " is back, every ISR full again" : " is back, but not every ISR is full")
              << (k.leaderlessMs >= 0 ? QStringLiteral(" (partitions were leaderless for up to %1 ms)").arg(k.leaderlessMs)
                                      : QString())
              << '\n';
        err().flush();
    });
    QObject::connect(&drill, &FailureDrill::finished, &drill, [&](const Result<DrillReport> &r) {
        if (!r) {
            code = reportError(r.error(), r.error().badInput ? ExitUsage : ExitFailed);
        } else {
            if (json)
                printJsonReport(r.value());
            else
                printTextReport(r.value());
            code = r->cancelled ? ExitFailed : (r->promiseHeld() ? ExitOk : ExitGuaranteeBroken);
        }
        QCoreApplication::exit(0);
    });
    if (const Status s = drill.start(c); !s)
        return reportError(s.error(), s.error().badInput ? ExitUsage : ExitFailed);

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    QTimer watchInterrupts;
    int seen = 0;
    QObject::connect(&watchInterrupts, &QTimer::timeout, &drill, [&] {
        const int now = interrupts.load();
        if (now == seen)
            return;
        seen = now;
        if (now == 1) {
            err() << "Ending the drill early: restarting what is down, draining, reporting (Ctrl+C again cancels).\n";
            drill.finish();
        } else {
            drill.cancel();
        }
        err().flush();
    });
    watchInterrupts.start(100);
    QCoreApplication::exec();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    return code;
}

} // namespace kafdesk::ctl
