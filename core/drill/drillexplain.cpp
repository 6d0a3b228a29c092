// explainDrill (drill/failuredrill.h): the outcome in words a learner follows.

#include "drill/failuredrill.h"

#include <QCoreApplication>

#include <algorithm>

namespace kafdesk {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("kafdesk::FailureDrill", text);
}

// A schedule of mixed faults, or of leaders of several partitions.
QString faultsParagraph(const DrillReport &r, const QStringList &parts, qint64 longest)
{
    const auto count = [&](DrillFault f) {
        return std::count_if(r.kills.cbegin(), r.kills.cend(), [f](const DrillKill &k) { return k.fault == f; });
    };
    QString text = tr("The drill broke a partition leader %1 times, each time the current leader of a chosen partition "
                      "and one node at a time: %2 killed with SIGKILL (as a crash would) and started again, %3 paused "
                      "with SIGSTOP (as a long garbage collection or a frozen machine would) and resumed, %4 stopped "
                      "with SIGTERM (a controlled shutdown, which moves its leaderships first) and started again: %5. "
                      "A killed or paused broker is noticed only when its heartbeats stop (broker.session.timeout.ms); "
                      "the controller then fences it and elects new leaders from the in-sync replicas.")
                       .arg(r.kills.size())
                       .arg(count(DrillFault::Kill))
                       .arg(count(DrillFault::Pause))
                       .arg(count(DrillFault::Stop))
                       .arg(parts.join(QStringLiteral(", ")));
    if (longest >= 0)
        text += QLatin1Char(' ') + tr("The partitions the broken node led were without a working leader for up to "
                                      "%1 s; meanwhile the producer kept its messages and retried them.")
                                       .arg(QString::number(static_cast<double>(longest) / 1000.0, 'f', 1));
    return text;
}

QString killsParagraph(const DrillReport &r)
{
    if (r.kills.isEmpty())
        return r.config.kills > 0 && !r.config.clusterName.isEmpty()
                   ? tr("No broker was killed (the drill ended before the first kill).")
                   : tr("The drill killed no broker itself: what happened to the messages depends on what the cluster "
                        "went through meanwhile.");
    QStringList parts;
    qint64 longest = -1;
    for (const DrillKill &k : r.kills) {
        QString part = tr("node %1 at %2").arg(k.node).arg(k.killedAt.toString(QStringLiteral("HH:mm:ss")));
        if (k.fault != DrillFault::Kill)
            part += QStringLiteral(" (%1)").arg(drillFaultName(k.fault));
        if (k.newLeader >= 0)
            part += tr(" (partition %1 moved to node %2)").arg(k.partition).arg(k.newLeader);
        parts << part;
        longest = std::max(longest, k.leaderlessMs);
    }
    const bool onlyKills = std::all_of(r.kills.cbegin(), r.kills.cend(), [](const DrillKill &k) {
        return k.fault == DrillFault::Kill && k.partition == 0;
    });
    if (!onlyKills)
        return faultsParagraph(r, parts, longest);
    const QString times = r.kills.size() == 1 ? tr("once") : tr("%1 times").arg(r.kills.size());
    QString text = tr("The drill killed the leader of partition 0 %1 with SIGKILL, as a crash or a power cut would: %2. "
                      "The controller notices a dead broker only when its heartbeats stop (broker.session.timeout.ms), "
                      "then fences it and elects new leaders from the in-sync replicas.")
                       .arg(times, parts.join(QStringLiteral(", ")));
    if (longest >= 0)
        text += QLatin1Char(' ') + tr("The partitions the killed node led were without a working leader for up to "
                                      "%1 s; meanwhile the producer kept its messages and retried them.")
                                       .arg(QString::number(static_cast<double>(longest) / 1000.0, 'f', 1));
    return text;
}

} // namespace

QStringList explainDrill(const DrillReport &r)
{
    QStringList out;
    const DrillPartitionReport &t = r.total;
    const DrillConfig &c = r.config;
    const bool all = c.acks == Acks::All;

    out << tr("The producer sent %1 messages to %2 partitions of %3 (acks=%4, idempotence %5). %6 were acknowledged, "
              "%7 failed, and the consumer read %8.")
               .arg(t.sent)
               .arg(r.partitions.size())
               .arg(c.topic, all ? QStringLiteral("all") : QStringLiteral("1"),
                    c.idempotence ? tr("on") : tr("off"))
               .arg(t.acknowledged)
               .arg(t.failed)
               .arg(t.consumed);
    out << killsParagraph(r);

    // Loss.
    if (t.lost == 0 && all) {
        out << tr("Nothing acknowledged was lost. With acks=all the leader answers only once every replica in the ISR has "
                  "the message, and min.insync.replicas=%1 means at least %1 replicas had it before it was acknowledged. "
                  "%2")
                   .arg(c.minInsyncReplicas)
                   .arg(r.kills.isEmpty()
                            ? tr("Had a leader died, one of those in-sync replicas would have replaced it (unclean leader "
                                 "election is off), with every acknowledged message.")
                            : tr("A killed leader is replaced by one of those in-sync replicas (unclean leader election "
                                 "is off), so the new leader has every acknowledged message."));
        if (c.minInsyncReplicas < 2)
            out << tr("With min.insync.replicas=1 the ISR may shrink to the leader alone, and then acks=all "
                      "promises no more than acks=1: a leader lost at that moment takes messages with it. "
                      "min.insync.replicas=2 closes that gap.");
    } else if (t.lost == 0) {
        out << tr("Nothing acknowledged was lost this time, but acks=1 does not promise that: the leader acknowledges "
                  "a message as soon as it has written it itself. A leader killed before its followers copied the "
                  "latest messages takes them along; this run was lucky, or the followers were quick.");
    } else if (!all) {
        out << tr("%1 acknowledged messages were lost. That is what acks=1 allows: the leader acknowledged them as soon "
                  "as it had written them, before its followers had copied them. When it was killed, a follower that "
                  "never had them became the leader (unclean leader election is off, but that follower was still in "
                  "the ISR), and when the old leader came back it truncated its log to the new leader's. "
                  "Use acks=all with min.insync.replicas=2 for messages that must not be lost.")
                   .arg(t.lost);
    } else {
        out << tr("%1 acknowledged messages were never read back although acks=all was used. Kafka promises that this "
                  "does not happen while min.insync.replicas (%2) replicas survive; look at the notes below and the "
                  "timeline: several replicas down at once, or a drain that stopped early, would explain it.")
                   .arg(t.lost)
                   .arg(c.minInsyncReplicas);
    }

    // Duplicates and order.
    if (c.idempotence) {
        if (t.duplicated == 0 && t.outOfOrder == 0)
            out << tr("No message was read twice and none out of order. The idempotent producer numbers every batch "
                      "per partition; when it retries a batch the broker had in fact written (its answer was lost "
                      "with the leader), the broker recognises the number and does not write it again, and it refuses "
                      "batches that arrive out of sequence.");
        else
            out << tr("%1 duplicates and %2 messages out of order were read although idempotence was on, which Kafka "
                      "promises against.")
                       .arg(t.duplicated)
                       .arg(t.outOfOrder);
    } else {
        if (t.duplicated > 0)
            out << tr("%1 extra copies were read. Without idempotence, a producer whose request timed out or whose "
                      "leader died retries the batch, and if the broker had in fact written it, it is written twice.")
                       .arg(t.duplicated);
        else
            out << tr("No duplicates were read, but without idempotence a retry of a batch that was in fact written "
                      "would write it twice; turn idempotence on to rule that out.");
        if (t.outOfOrder > 0)
            out << tr("%1 messages were read after later ones of the same partition: with several requests in flight, "
                      "a failed batch retried after the next one succeeded lands behind it. Idempotence keeps the order.")
                       .arg(t.outOfOrder);
    }

    if (t.failed > 0)
        out << tr("The %1 failed sends are not losses: the producer was told they failed (for example after "
                  "message.timeout.ms, or with NOT_ENOUGH_REPLICAS while too few replicas were in sync), so an "
                  "application would retry or report them.")
                   .arg(t.failed);
    if (r.producerRenewals > 0)
        out << tr("The producer stopped for good %1 time(s) with a fatal error after a leader change (\"out of order "
                  "sequence number\"): a known fault of librdkafka 2.0.2's idempotent producer, fixed in librdkafka "
                  "2.3.0. The messages it still held failed, and the drill started a new producer each time, as an "
                  "application must after a fatal error. Failed messages are not lost messages: the producer was "
                  "told, and an application would send them again.")
                   .arg(r.producerRenewals);
    if (t.unacknowledgedButConsumed > 0)
        out << tr("%1 messages were read although the producer never got their acknowledgement: the broker wrote "
                  "them, but the answer did not reach the producer in time. Kafka allows this; an application that "
                  "resends such a message without idempotence creates a duplicate.")
                   .arg(t.unacknowledgedButConsumed);
    if (r.cancelled)
        out << tr("The drill was cancelled: the counts cover only what happened until then, and messages still in "
                  "flight count as neither acknowledged nor failed.");
    else if (!r.drainedToEnd)
        out << tr("The consumer did not reach the end of every partition, so some messages counted as lost may only be "
                  "unread.");
    for (const QString &note : r.notes)
        out << note;
    return out;
}

} // namespace kafdesk
