#include "drill/drillreportjson.h"

#include <QJsonArray>

namespace kafdesk {

namespace {

QJsonObject countsJson(const DrillPartitionReport &r)
{
    QJsonObject o;
    if (r.partition >= 0) // the totals have none
        o.insert(QStringLiteral("partition"), r.partition);
    o.insert(QStringLiteral("sent"), r.sent);
    o.insert(QStringLiteral("acknowledged"), r.acknowledged);
    o.insert(QStringLiteral("failed"), r.failed);
    o.insert(QStringLiteral("consumed"), r.consumed);
    o.insert(QStringLiteral("lost"), r.lost);
    o.insert(QStringLiteral("duplicated"), r.duplicated);
    o.insert(QStringLiteral("out_of_order"), r.outOfOrder);
    o.insert(QStringLiteral("unacknowledged_but_consumed"), r.unacknowledgedButConsumed);
    return o;
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}

} // namespace

QJsonObject drillReportJson(const DrillReport &report)
{
    const DrillReport &r = report;
    QJsonObject o = countsJson(r.total);
    QJsonArray partitions;
    for (const DrillPartitionReport &p : r.partitions)
        partitions.append(countsJson(p));
    QJsonArray kills;
    for (const DrillKill &k : r.kills) {
        QJsonObject kill;
        kill.insert(QStringLiteral("fault"), drillFaultName(k.fault));
        kill.insert(QStringLiteral("node"), k.node);
        kill.insert(QStringLiteral("partition"), k.partition);
        kill.insert(QStringLiteral("killed_at"), isoTime(k.killedAt));
        kill.insert(QStringLiteral("restarted_at"), k.restartedAt.isValid() ? QJsonValue(isoTime(k.restartedAt)) : QJsonValue());
        kill.insert(QStringLiteral("recovered_at"), k.recoveredAt.isValid() ? QJsonValue(isoTime(k.recoveredAt)) : QJsonValue());
        kill.insert(QStringLiteral("new_leader"), k.newLeader < 0 ? QJsonValue() : QJsonValue(k.newLeader));
        kill.insert(QStringLiteral("leaderless_ms"), k.leaderlessMs < 0 ? QJsonValue() : QJsonValue(k.leaderlessMs));
        kills.append(kill);
    }
    o.insert(QStringLiteral("topic"), r.config.topic);
    o.insert(QStringLiteral("run_id"), r.runId);
    o.insert(QStringLiteral("topic_created"), r.topicCreated);
    o.insert(QStringLiteral("acks"), acksValue(r.config.acks));
    o.insert(QStringLiteral("idempotence"), r.config.idempotence);
    o.insert(QStringLiteral("replication_factor"), r.config.replicationFactor);
    o.insert(QStringLiteral("min_insync_replicas"), r.config.minInsyncReplicas);
    o.insert(QStringLiteral("messages_per_second"), r.config.messagesPerSecond);
    o.insert(QStringLiteral("started_at"), isoTime(r.startedAt));
    o.insert(QStringLiteral("finished_at"), isoTime(r.finishedAt));
    o.insert(QStringLiteral("duration_ms"), r.startedAt.msecsTo(r.finishedAt));
    o.insert(QStringLiteral("partitions"), partitions);
    o.insert(QStringLiteral("kills"), kills);
    o.insert(QStringLiteral("cancelled"), r.cancelled);
    o.insert(QStringLiteral("drained_to_end"), r.drainedToEnd);
    o.insert(QStringLiteral("guarantee_held"), r.guaranteeHeld());
    o.insert(QStringLiteral("promise_held"), r.promiseHeld());
    o.insert(QStringLiteral("explanation"), QJsonArray::fromStringList(explainDrill(r)));
    o.insert(QStringLiteral("notes"), QJsonArray::fromStringList(r.notes));
    return o;
}

} // namespace kafdesk
