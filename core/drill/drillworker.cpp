// The drill's controller thread: topic, kill schedule, drain and analysis (drill/drillworker.h).

#include "drill/drillworker.h"

#include "admin/clusteroperations.h"

#include <QCoreApplication>
#include <QThread>
#include <QUuid>

#include <algorithm>

namespace kafdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kafdesk::FailureDrill", text);
}

QDateTime nowUtc()
{
    return QDateTime::currentDateTimeUtc();
}

constexpr qint64 progressIntervalMs = 200;
constexpr qint64 healthyTimeoutMs = 90000; // leaders and full ISRs, at start and after a restart
constexpr qint64 drainLimitMs = 60000;    // reading to the end once producing stopped

bool healthy(const TopicInfo &t, const QList<int> &liveBrokers)
{
    if (t.partitions.isEmpty())
        return false;
    return std::all_of(t.partitions.cbegin(), t.partitions.cend(), [&](const PartitionInfo &p) {
        return p.leader >= 0 && liveBrokers.contains(p.leader) && p.isr.size() == p.replicas.size();
    });
}

} // namespace

DrillRun::DrillRun(DrillConfig config, DrillCallbacks callbacks)
    : m_config(std::move(config)), m_callbacks(std::move(callbacks)),
      m_runId(QUuid::createUuid().toString(QUuid::Id128).left(12).toLatin1())
{
}

DrillRun::~DrillRun()
{
    m_cancel = true;
    join();
}

void DrillRun::start()
{
    m_clock.start();
    m_controller = std::thread([this] { control(); });
}

void DrillRun::join()
{
    if (m_controller.joinable())
        m_controller.join();
}

bool DrillRun::pause(qint64 ms) const
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        if (stopping())
            return false;
        QThread::msleep(static_cast<unsigned long>(std::clamp<qint64>(ms - t.elapsed(), 1, 50)));
    }
    return !stopping();
}

void DrillRun::setPhase(DrillProgress::Phase phase, const QString &text)
{
    {
        QMutexLocker lock(&m_phaseMutex);
        m_phase = phase;
        m_phaseText = text;
    }
    tickProgress();
}

void DrillRun::tickProgress()
{
    // At most one report per interval, whichever thread gets there first.
    const qint64 now = m_clock.elapsed();
    qint64 last = m_lastProgressMs.load();
    if (now - last < progressIntervalMs || !m_lastProgressMs.compare_exchange_strong(last, now))
        return;
    DrillProgress p;
    {
        QMutexLocker lock(&m_phaseMutex);
        p.phase = m_phase;
        p.text = m_phaseText;
    }
    p.sent = m_sent;
    p.acknowledged = m_acknowledged;
    p.failed = m_failed;
    p.consumed = m_consumed;
    p.killsDone = m_killsDone;
    p.killsPlanned = m_config.clusterName.isEmpty() ? 0 : m_config.kills;
    if (m_callbacks.progress)
        m_callbacks.progress(p);
}

void DrillRun::control()
{
    Result<DrillReport> result = drive();
    if (m_callbacks.finished)
        m_callbacks.finished(result);
}

Result<DrillReport> DrillRun::drive()
{
    DrillReport report;
    report.config = m_config;
    report.runId = QString::fromLatin1(m_runId);
    report.startedAt = nowUtc();
    setPhase(DrillProgress::Phase::Preparing, tr("Connecting to the cluster."));

    auto connected = ClusterOperations::connect(m_config.connection);
    if (!connected)
        return connected.error();
    ClusterOperations &ops = *connected.value();
    QMap<int, qint64> startOffsets;
    const Status prepared = prepare(report, ops, startOffsets);
    if (m_cancel) {
        // Cancelled before anything was sent: a report with nothing counted.
        report.cancelled = true;
        report.finishedAt = nowUtc();
        return report;
    }
    if (!prepared)
        return prepared.error();

    setPhase(DrillProgress::Phase::Producing,
             tr("Producing %1 messages a second to %2.").arg(m_config.messagesPerSecond).arg(m_config.topic));
    m_consumer = std::thread([this, startOffsets] { consumeLoop(startOffsets); });
    m_producer = std::thread([this] { produceLoop(); });

    runSchedule(report, ops);

    // Stop producing; the producer thread waits for every report before it ends.
    setPhase(DrillProgress::Phase::Draining, tr("Waiting for the producer's last delivery reports."));
    m_stopProducing = true;
    while (!m_producerDone) {
        tickProgress();
        QThread::msleep(50);
    }
    m_producer.join();

    // Read up to each partition's end as of now: everything that was written is there by then.
    if (!m_cancel) {
        setPhase(DrillProgress::Phase::Draining, tr("Reading every partition to its end."));
        auto ends = endOffsets(ops);
        if (ends)
            m_targets = ends.value();
        else
            report.notes << tr("The partitions' end offsets could not be read (%1): the consumer read for a while "
                               "instead.").arg(ends.error().message);
    }
    m_drainDeadlineMs = m_clock.elapsed() + (m_targets.isEmpty() ? 10000 : drainLimitMs);
    m_targetsSet = true;
    while (!m_consumerDone) {
        tickProgress();
        QThread::msleep(50);
    }
    m_consumer.join();

    setPhase(DrillProgress::Phase::Verifying, tr("Comparing what was acknowledged with what was read."));
    std::vector<DrillPartitionLedger> ledgers = std::move(m_producerLedger);
    ledgers.resize(static_cast<size_t>(m_partitions));
    for (size_t p = 0; p < ledgers.size() && p < m_consumedSeqs.size(); ++p)
        ledgers[p].consumed = std::move(m_consumedSeqs[p]);
    DrillAnalysis analysis = analyzeDrill(ledgers);
    // Messages the live consumer did not see are looked for once more, by a fresh consumer reading
    // the partitions from the start (as Kafka's system tests validate at the end): a message that
    // is in the log was not lost, whatever the live consumer missed while leaders moved.
    if (analysis.total.lost > 0 && !m_cancel && m_drainedToEnd && !m_targets.isEmpty()) {
        setPhase(DrillProgress::Phase::Verifying, tr("Reading the partitions again for messages not read back."));
        if (auto log = readBack(startOffsets)) {
            const qint64 lostBefore = analysis.total.lost;
            for (size_t p = 0; p < ledgers.size() && p < log->size(); ++p)
                ledgers[p].consumed = std::move((*log)[p]);
            analysis = analyzeDrill(ledgers);
            if (analysis.total.lost < lostBefore)
                report.notes << tr("The consumer that read during the drill missed %1 acknowledged messages; a second "
                                   "read of the partitions from the start found them in the log, so they are not "
                                   "lost. The counts are from that second read.")
                                    .arg(lostBefore - analysis.total.lost);
            m_consumed = analysis.total.consumed;
        } else {
            report.notes << tr("A second read of the partitions, for the messages not read back, did not reach their "
                               "ends.");
        }
    }
    report.partitions = analysis.partitions;
    report.total = analysis.total;
    report.cancelled = m_cancel;
    report.drainedToEnd = m_drainedToEnd && !m_targets.isEmpty();
    report.notes << m_producerNotes << m_consumerNotes;
    report.rereads = m_consumerRereads;
    if (m_consumerRereads > 0)
        report.notes << tr("The consumer read %1 messages again at offsets it had read already (a fetch repeated "
                           "after a leader change): not copies in the log, so not counted as duplicates.")
                            .arg(m_consumerRereads);
    report.producerRenewals = m_producerRenewals;
    report.finishedAt = nowUtc();
    setPhase(DrillProgress::Phase::Done, tr("Done."));
    return report;
}

Status DrillRun::prepare(DrillReport &report, ClusterOperations &ops, QMap<int, qint64> &startOffsets)
{
    auto md = ops.metadata().fetch(10000);
    if (!md)
        return md.error();
    const TopicInfo *existing = md->topic(m_config.topic);
    if (m_config.createTopic) {
        if (existing)
            return Error{tr("The topic %1 exists already: choose a new name, or run the drill on it as it is.")
                             .arg(m_config.topic), {}, true};
        setPhase(DrillProgress::Phase::Preparing, tr("Creating the topic %1.").arg(m_config.topic));
        CreateTopicRequest request;
        request.name = m_config.topic;
        request.partitions = m_config.partitions;
        request.replicationFactor = m_config.replicationFactor;
        request.configs.insert(QStringLiteral("min.insync.replicas"), QString::number(m_config.minInsyncReplicas));
        if (const Status c = ops.createTopic(request); !c)
            return c;
        report.topicCreated = true;
        for (int p = 0; p < m_config.partitions; ++p)
            startOffsets.insert(p, 0);
    } else {
        if (!existing)
            return Error{tr("The cluster has no topic %1.").arg(m_config.topic), {}, true};
        report.config.partitions = static_cast<int>(existing->partitions.size());
        report.config.replicationFactor = existing->partitions.isEmpty() ? 0 : static_cast<int>(existing->partitions.first().replicas.size());
        if (auto configs = ops.topics().topicConfigs(m_config.topic)) {
            for (const ConfigEntry &e : configs.value())
                if (e.name == QLatin1String("min.insync.replicas"))
                    report.config.minInsyncReplicas = e.value.toInt();
        }
    }
    m_partitions = report.config.partitions;
    if (m_config.kills > 0 && !m_config.clusterName.isEmpty() && report.config.replicationFactor < 2)
        return Error{tr("The topic %1 has %2 replica per partition: killing a leader would only take partitions "
                        "offline. A drill with kills needs a replication factor of 2 or more.")
                         .arg(m_config.topic).arg(report.config.replicationFactor), {}, true};

    setPhase(DrillProgress::Phase::Preparing, tr("Waiting until every partition has a leader and a full ISR."));
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        if (m_cancel)
            return cancelledError();
        auto now = ops.metadata().fetch(5000);
        if (now) {
            const TopicInfo *t = now->topic(m_config.topic);
            if (t && t->partitions.size() == m_partitions && healthy(*t, now->brokerIds()))
                break;
        }
        if (waited.elapsed() > healthyTimeoutMs)
            return failure(tr("The partitions of %1 did not all get a leader and a full ISR within %2 s.")
                               .arg(m_config.topic).arg(healthyTimeoutMs / 1000));
        QThread::msleep(200);
    }
    if (!report.topicCreated) {
        // An existing topic: read only what this run writes, from the ends as of now.
        auto ends = endOffsets(ops);
        if (!ends)
            return ends.error();
        startOffsets = ends.value();
    }
    return ok();
}

Result<QMap<int, qint64>> DrillRun::endOffsets(ClusterOperations &ops)
{
    QList<OffsetClient::Partition> list;
    for (int p = 0; p < m_partitions; ++p)
        list << OffsetClient::Partition{m_config.topic, p};
    Error last = failure(tr("No answer."));
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000 && !m_cancel) {
        auto marks = ops.offsets().watermarks(list, 5000);
        if (marks) {
            QMap<int, qint64> ends;
            for (auto it = marks->cbegin(); it != marks->cend(); ++it)
                ends.insert(it.key().second, it.value().high);
            if (ends.size() == m_partitions)
                return ends;
        } else {
            last = marks.error();
        }
        QThread::msleep(500);
    }
    return last;
}

} // namespace kafdesk
