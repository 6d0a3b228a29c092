#include "drill/failuredrill.h"

#include "admin/validation.h"
#include "drill/drillworker.h"
#include "local/localcluster.h"

#include <QCoreApplication>
#include <QPointer>

namespace kafdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kafdesk::FailureDrill", text);
}

} // namespace

QStringList validateDrillConfig(const DrillConfig &c)
{
    QStringList problems;
    if (c.topic.isEmpty())
        problems << tr("Choose a topic for the drill.");
    else if (const Status s = validation::validateTopicName(c.topic); !s)
        problems << s.error().message;
    if (c.connection.clientConfig.value(QStringLiteral("bootstrap.servers")).isEmpty())
        problems << tr("The drill needs a cluster to connect to (bootstrap servers).");
    if (c.connection.readOnly)
        problems << tr("The connection \"%1\" is read-only: a drill produces messages.").arg(c.connection.name);
    if (c.acks != Acks::All && c.acks != Acks::Leader)
        problems << tr("Choose acks=all or acks=1: with acks=0 the producer is never told whether a message was "
                       "written, so nothing could be checked.");
    if (c.idempotence && c.acks != Acks::All)
        problems << tr("Idempotence needs acks=all: choose acks=all, or turn idempotence off to drill acks=1.");
    if (c.messagesPerSecond < 1 || c.messagesPerSecond > 100000)
        problems << tr("Choose between 1 and 100000 messages a second.");
    if (c.createTopic) {
        if (c.partitions < 1 || c.partitions > 1000)
            problems << tr("Choose between 1 and 1000 partitions.");
        if (c.replicationFactor < 1)
            problems << tr("The replication factor must be at least 1.");
        if (c.minInsyncReplicas < 1 || c.minInsyncReplicas > c.replicationFactor)
            problems << tr("min.insync.replicas must be between 1 and the replication factor (%1).").arg(c.replicationFactor);
        if (c.kills > 0 && !c.clusterName.isEmpty() && c.replicationFactor < 2)
            problems << tr("Killing leaders needs a replication factor of 2 or more: with one replica a kill only "
                           "takes partitions offline.");
    }
    if (c.kills < 0 || c.kills > 100)
        problems << tr("Choose between 0 and 100 kills.");
    if (c.kills > 0 && c.clusterName.isEmpty())
        problems << tr("Killing nodes needs the bundled cluster: name it, or choose 0 kills and break brokers yourself.");
    if (c.kills > 0 && c.killInterval < std::chrono::seconds(2))
        problems << tr("Leave at least 2 seconds between kills.");
    if (c.kills == 0 && c.duration < std::chrono::seconds(1))
        problems << tr("A drill without kills needs a duration of at least a second.");
    return problems;
}

bool DrillReport::guaranteeHeld() const
{
    if (total.lost != 0)
        return false;
    return !config.idempotence || (total.duplicated == 0 && total.outOfOrder == 0);
}

bool DrillReport::promiseHeld() const
{
    if (config.acks == Acks::All && total.lost != 0)
        return false;
    return !config.idempotence || (total.duplicated == 0 && total.outOfOrder == 0);
}

QString drillFaultName(DrillFault fault)
{
    switch (fault) {
    case DrillFault::Kill:
        return QStringLiteral("kill");
    case DrillFault::Pause:
        return QStringLiteral("pause");
    case DrillFault::Stop:
        return QStringLiteral("stop");
    }
    return {};
}

QString drillPhaseName(DrillProgress::Phase phase)
{
    switch (phase) {
    case DrillProgress::Phase::Preparing:
        return tr("preparing");
    case DrillProgress::Phase::Producing:
        return tr("producing");
    case DrillProgress::Phase::Killing:
        return tr("killing");
    case DrillProgress::Phase::Restarting:
        return tr("restarting");
    case DrillProgress::Phase::Draining:
        return tr("draining");
    case DrillProgress::Phase::Verifying:
        return tr("verifying");
    case DrillProgress::Phase::Done:
        return tr("done");
    }
    return {};
}

struct FailureDrill::Impl {
    std::unique_ptr<DrillRun> run;
    bool running = false;
    quint64 generation = 0; // news of an earlier run (already replaced) is dropped
};

FailureDrill::FailureDrill(QObject *parent) : QObject(parent), d(std::make_unique<Impl>())
{
    qRegisterMetaType<DrillProgress>();
    qRegisterMetaType<DrillKill>();
    qRegisterMetaType<Result<DrillReport>>();
}

FailureDrill::~FailureDrill()
{
    if (d->run) {
        d->run->requestCancel();
        d->run->join();
    }
}

bool FailureDrill::isRunning() const
{
    return d->running;
}

Status FailureDrill::start(const DrillConfig &config)
{
    if (d->running)
        return Error{tr("A drill is running already: finish or cancel it first."), {}, true};
    DrillConfig c = config;
    if (c.clustersRoot.isEmpty() && !c.clusterName.isEmpty())
        c.clustersRoot = LocalCluster::defaultClustersRoot();
    const QStringList problems = validateDrillConfig(c);
    if (!problems.isEmpty())
        return Error{problems.join(QLatin1Char(' ')), {}, true};
    if (d->run)
        d->run->join(); // the previous run has posted its end: its thread is finishing
    const quint64 generation = ++d->generation;
    QPointer<FailureDrill> self(this);
    // Each callback runs on a drill thread and only posts to this object's thread.
    const auto post = [self, generation](auto apply) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, generation, apply] {
                if (self && self->d->generation == generation)
                    apply(*self);
            },
            Qt::QueuedConnection);
    };
    DrillCallbacks callbacks;
    callbacks.progress = [post](const DrillProgress &p) { post([p](FailureDrill &f) { Q_EMIT f.progress(p); }); };
    callbacks.killed = [post](const DrillKill &k) { post([k](FailureDrill &f) { Q_EMIT f.nodeKilled(k); }); };
    callbacks.restarted = [post](const DrillKill &k) { post([k](FailureDrill &f) { Q_EMIT f.nodeRestarted(k); }); };
    callbacks.finished = [post](const Result<DrillReport> &r) {
        post([r](FailureDrill &f) {
            f.d->running = false;
            Q_EMIT f.finished(r);
        });
    };
    d->run = std::make_unique<DrillRun>(c, std::move(callbacks));
    d->running = true;
    d->run->start();
    return ok();
}

void FailureDrill::finish()
{
    if (d->running && d->run)
        d->run->requestFinish();
}

void FailureDrill::cancel()
{
    if (d->running && d->run)
        d->run->requestCancel();
}

} // namespace kafdesk
