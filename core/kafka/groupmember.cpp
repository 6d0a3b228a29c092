#include "kafka/groupmember.h"

#include "kafka/errors.h"
#include "kafka/handle.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>

#include <librdkafka/rdkafka.h>

#include <algorithm>

namespace kafdesk {

QString assignorConfigValue(GroupAssignor assignor)
{
    switch (assignor) {
    case GroupAssignor::Range:
        return QStringLiteral("range");
    case GroupAssignor::RoundRobin:
        return QStringLiteral("roundrobin");
    case GroupAssignor::CooperativeSticky:
        break;
    }
    return QStringLiteral("cooperative-sticky");
}

QString assignorDisplayName(GroupAssignor assignor)
{
    switch (assignor) {
    case GroupAssignor::Range:
        return QStringLiteral("Range (eager)");
    case GroupAssignor::RoundRobin:
        return QStringLiteral("Round robin (eager)");
    case GroupAssignor::CooperativeSticky:
        break;
    }
    return QStringLiteral("Cooperative sticky (incremental)");
}

QList<GroupAssignor> allAssignors()
{
    return {GroupAssignor::CooperativeSticky, GroupAssignor::Range, GroupAssignor::RoundRobin};
}

struct GroupMemberClient::Impl {
    GroupMemberConfig config;
    rd_kafka_t *rk = nullptr;
    bool closed = false;
    bool joinedOnce = false;
    QList<int> assignment;
    QMap<int, qint64> consumed;
    QString joinState;
    std::optional<Error> lastProblem; // from the error callback, handed out by the next poll()
    std::function<void(const MemberRebalance &)> observer;

    ~Impl()
    {
        if (!rk)
            return;
        if (closed)
            rd_kafka_destroy(rk);
        else
            rd_kafka_destroy_flags(rk, RD_KAFKA_DESTROY_F_NO_CONSUMER_CLOSE);
    }

    static QList<int> partitionsOf(const rd_kafka_topic_partition_list_t *list)
    {
        QList<int> out;
        for (int i = 0; list && i < list->cnt; ++i)
            out << static_cast<int>(list->elems[i].partition);
        std::sort(out.begin(), out.end());
        return out;
    }

    void onRebalance(rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *partitions)
    {
        const bool cooperative = qstrcmp(rd_kafka_rebalance_protocol(rk), "COOPERATIVE") == 0;
        MemberRebalance event;
        event.cooperative = cooperative;
        event.partitions = partitionsOf(partitions);
        if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
            event.kind = MemberRebalance::Kind::Assigned;
            if (cooperative) {
                if (rd_kafka_error_t *error = rd_kafka_incremental_assign(rk, partitions)) {
                    lastProblem = failure(QStringLiteral("Taking the assigned partitions failed."),
                                          QString::fromUtf8(rd_kafka_error_string(error)));
                    rd_kafka_error_destroy(error);
                }
                for (int p : event.partitions)
                    if (!assignment.contains(p))
                        assignment << p;
            } else {
                rd_kafka_assign(rk, partitions);
                assignment = event.partitions;
            }
            joinedOnce = true;
        } else {
            event.kind = rd_kafka_assignment_lost(rk) ? MemberRebalance::Kind::Lost : MemberRebalance::Kind::Revoked;
            if (cooperative) {
                if (rd_kafka_error_t *error = rd_kafka_incremental_unassign(rk, partitions))
                    rd_kafka_error_destroy(error);
                for (int p : event.partitions)
                    assignment.removeAll(p);
            } else {
                rd_kafka_assign(rk, nullptr);
                assignment.clear();
            }
        }
        std::sort(assignment.begin(), assignment.end());
        // Told at once, inside the callback: the member's owner learns of a revoke before any
        // other member can be given the partition (that needs this member to rejoin first).
        if (observer)
            observer(event);
    }

    void onStats(const char *json, size_t length)
    {
        const QJsonObject cgrp = QJsonDocument::fromJson(QByteArray(json, static_cast<qsizetype>(length)))
                                     .object()
                                     .value(QLatin1String("cgrp"))
                                     .toObject();
        if (!cgrp.isEmpty())
            joinState = cgrp.value(QLatin1String("join_state")).toString();
    }
};

namespace {

void rebalanceCallback(rd_kafka_t *, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *partitions, void *opaque)
{
    static_cast<GroupMemberClient::Impl *>(opaque)->onRebalance(err, partitions);
}

int statsCallback(rd_kafka_t *, char *json, size_t length, void *opaque)
{
    static_cast<GroupMemberClient::Impl *>(opaque)->onStats(json, length);
    return 0; // librdkafka frees the JSON
}

void errorCallback(rd_kafka_t *, int err, const char *reason, void *opaque)
{
    auto *impl = static_cast<GroupMemberClient::Impl *>(opaque);
    impl->lastProblem = kafkaerrors::fromCode(err, QStringLiteral("Member %1").arg(impl->config.clientId),
                                              QString::fromUtf8(reason));
}

} // namespace

Result<std::unique_ptr<GroupMemberClient>> GroupMemberClient::create(const GroupMemberConfig &config)
{
    std::unique_ptr<GroupMemberClient> member(new GroupMemberClient);
    member->d = std::make_unique<Impl>();
    Impl *impl = member->d.get();
    impl->config = config;

    // The lab's own settings win over the connection's (its client.id included).
    QMap<QString, QString> settings = config.clientConfig;
    settings.insert(QStringLiteral("group.id"), config.groupId);
    settings.insert(QStringLiteral("client.id"), config.clientId);
    settings.insert(QStringLiteral("session.timeout.ms"), QString::number(config.sessionTimeoutMs));
    settings.insert(QStringLiteral("heartbeat.interval.ms"), QString::number(config.heartbeatIntervalMs));
    settings.insert(QStringLiteral("partition.assignment.strategy"), assignorConfigValue(config.assignor));
    settings.insert(QStringLiteral("enable.auto.commit"), QStringLiteral("true"));
    settings.insert(QStringLiteral("auto.commit.interval.ms"), QStringLiteral("1000"));
    settings.insert(QStringLiteral("statistics.interval.ms"), QStringLiteral("1000"));
    const QMap<QString, QString> defaults{
        {QStringLiteral("auto.offset.reset"), QStringLiteral("earliest")},
        {QStringLiteral("enable.partition.eof"), QStringLiteral("false")},
        {QStringLiteral("topic.metadata.refresh.interval.ms"), QStringLiteral("5000")},
        {QStringLiteral("reconnect.backoff.max.ms"), QStringLiteral("1000")}};

    auto created = kafkahandle::create(RD_KAFKA_CONSUMER, defaults, settings, [impl](rd_kafka_conf_t *conf) {
        rd_kafka_conf_set_opaque(conf, impl);
        rd_kafka_conf_set_rebalance_cb(conf, rebalanceCallback);
        rd_kafka_conf_set_stats_cb(conf, statsCallback);
        rd_kafka_conf_set_error_cb(conf, errorCallback);
    });
    if (!created)
        return created.error();
    impl->rk = created.value();
    // Callbacks of the main queue (errors, statistics) are served by rd_kafka_consumer_poll.
    rd_kafka_poll_set_consumer(impl->rk);
    return member;
}

GroupMemberClient::~GroupMemberClient() = default;

void GroupMemberClient::setRebalanceObserver(std::function<void(const MemberRebalance &)> observer)
{
    d->observer = std::move(observer);
}

Status GroupMemberClient::subscribe()
{
    rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(topics, d->config.topic.toUtf8().constData(), RD_KAFKA_PARTITION_UA);
    const rd_kafka_resp_err_t err = rd_kafka_subscribe(d->rk, topics);
    rd_kafka_topic_partition_list_destroy(topics);
    if (err)
        return kafkaerrors::fromCode(err, QStringLiteral("Subscribing to %1").arg(d->config.topic));
    return ok();
}

GroupMemberClient::PollResult GroupMemberClient::poll(int timeoutMs)
{
    PollResult result;
    QElapsedTimer timer;
    timer.start();
    int wait = timeoutMs;
    // The first poll waits; the rest drain what is already fetched, for at most the timeout.
    while (rd_kafka_message_t *message = rd_kafka_consumer_poll(d->rk, wait)) {
        if (message->err == RD_KAFKA_RESP_ERR_NO_ERROR) {
            ++d->consumed[static_cast<int>(message->partition)];
            ++result.messages;
        } else if (message->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            result.problem = kafkaerrors::fromCode(message->err,
                                                   QStringLiteral("Reading %1").arg(d->config.topic),
                                                   QString::fromUtf8(rd_kafka_message_errstr(message)));
        }
        rd_kafka_message_destroy(message);
        if (timer.elapsed() >= timeoutMs || result.messages >= 10000)
            break;
        wait = 0;
    }
    if (!result.problem && d->lastProblem)
        result.problem = d->lastProblem;
    d->lastProblem.reset();
    return result;
}

Result<int> GroupMemberClient::partitionCount(int timeoutMs)
{
    rd_kafka_topic_t *topic = rd_kafka_topic_new(d->rk, d->config.topic.toUtf8().constData(), nullptr);
    if (!topic)
        return failure(QStringLiteral("The topic name %1 was refused.").arg(d->config.topic));
    const rd_kafka_metadata_t *md = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(d->rk, 0, topic, &md, timeoutMs);
    rd_kafka_topic_destroy(topic);
    if (err)
        return kafkaerrors::fromCode(err, QStringLiteral("Reading the metadata of %1").arg(d->config.topic));
    Result<int> out = failure(QStringLiteral("The brokers did not describe topic %1.").arg(d->config.topic));
    if (md->topic_cnt == 1) {
        if (md->topics[0].err)
            out = kafkaerrors::fromCode(md->topics[0].err, QStringLiteral("Looking up topic %1").arg(d->config.topic));
        else
            out = md->topics[0].partition_cnt;
    }
    rd_kafka_metadata_destroy(md);
    return out;
}

QList<int> GroupMemberClient::assignment() const
{
    return d->assignment;
}

const QMap<int, qint64> &GroupMemberClient::consumed() const
{
    return d->consumed;
}

QString GroupMemberClient::memberId() const
{
    char *id = rd_kafka_memberid(d->rk);
    const QString out = id ? QString::fromUtf8(id) : QString();
    if (id)
        rd_kafka_mem_free(d->rk, id);
    return out;
}

QString GroupMemberClient::joinState() const
{
    return d->joinState;
}

bool GroupMemberClient::hasJoinedOnce() const
{
    return d->joinedOnce;
}

Status GroupMemberClient::commit()
{
    const rd_kafka_resp_err_t err = rd_kafka_commit(d->rk, nullptr, 0);
    if (err && err != RD_KAFKA_RESP_ERR__NO_OFFSET)
        return kafkaerrors::fromCode(err, QStringLiteral("Committing the offsets of %1").arg(d->config.clientId));
    return ok();
}

Status GroupMemberClient::close()
{
    if (d->closed)
        return ok();
    const rd_kafka_resp_err_t err = rd_kafka_consumer_close(d->rk);
    d->closed = true;
    if (err)
        return kafkaerrors::fromCode(err, QStringLiteral("Leaving the group as %1").arg(d->config.clientId));
    return ok();
}

} // namespace kafdesk
