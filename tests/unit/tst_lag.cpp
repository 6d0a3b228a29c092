// Consumer lag and offset-reset plans computed from constructed cluster answers.

#include "admin/grouplag.h"
#include "admin/offsetreset.h"

#include <QTest>

using namespace kafdesk;

namespace {

using TP = OffsetClient::Partition;

GroupMember member(const QString &id, const QString &clientId, const QList<TP> &assignment)
{
    return GroupMember{id, clientId, QStringLiteral("/10.0.0.7"), {}, assignment};
}

TopicPartitionOffset commit(const QString &topic, int partition, qint64 offset, const QString &error = {})
{
    return TopicPartitionOffset{topic, partition, offset, error};
}

Watermarks marks(qint64 low, qint64 high)
{
    return Watermarks{low, high};
}

ResetOffsetsRequest request(ResetStrategy strategy, qint64 value = 0)
{
    ResetOffsetsRequest r;
    r.group = QStringLiteral("billing");
    r.topic = QStringLiteral("orders");
    r.strategy = strategy;
    r.value = value;
    return r;
}

} // namespace

class TestLag : public QObject {
    Q_OBJECT
private:
    // orders: 3 partitions (ends 10, 4, 3), payments: 1 (end 7). Committed: orders-0 at 5,
    // orders-1 at 2, payments-0 at 9 (past its end). orders-2 is assigned but never committed.
    static GroupDescription activeGroup()
    {
        GroupDescription d;
        d.groupId = QStringLiteral("billing");
        d.state = QStringLiteral("Stable");
        d.members << member(QStringLiteral("c1-aaa"), QStringLiteral("c1"),
                            {{QStringLiteral("orders"), 0}, {QStringLiteral("orders"), 2}})
                  << member(QStringLiteral("rdkafka-bbb"), QString(), {{QStringLiteral("orders"), 1}});
        return d;
    }
    static QList<TopicPartitionOffset> commits()
    {
        return {commit(QStringLiteral("payments"), 0, 9), commit(QStringLiteral("orders"), 1, 2),
                commit(QStringLiteral("orders"), 0, 5)};
    }
    static QMap<TP, qint64> ends()
    {
        return {{{QStringLiteral("orders"), 0}, 10},
                {{QStringLiteral("orders"), 1}, 4},
                {{QStringLiteral("orders"), 2}, 3},
                {{QStringLiteral("payments"), 0}, 7}};
    }
    static QMap<TP, qint64> starts()
    {
        return {{{QStringLiteral("orders"), 0}, 1},
                {{QStringLiteral("orders"), 1}, 0},
                {{QStringLiteral("orders"), 2}, 0},
                {{QStringLiteral("payments"), 0}, 0}};
    }

private Q_SLOTS:
    void lagPerPartition()
    {
        const GroupLag g = computeLag(activeGroup(), commits(), ends(), starts());
        QCOMPARE(g.groupId, QStringLiteral("billing"));
        QCOMPARE(g.state, QStringLiteral("Stable"));
        QCOMPARE(g.members, 2);
        QCOMPARE(g.partitions.size(), 4);
        // Sorted by topic, then partition.
        QCOMPARE(g.partitions[0].topic, QStringLiteral("orders"));
        QCOMPARE(g.partitions[0].partition, 0);
        QCOMPARE(g.partitions[3].topic, QStringLiteral("payments"));

        const PartitionLag *o0 = g.partition(QStringLiteral("orders"), 0);
        QVERIFY(o0);
        QCOMPARE(o0->committed, std::optional<qint64>(5));
        QCOMPARE(o0->logEnd, 10);
        QCOMPARE(o0->logStart, 1);
        QCOMPARE(o0->lag, std::optional<qint64>(5));
        QVERIFY(!o0->committedBeyondEnd);
        QCOMPARE(o0->owner, QStringLiteral("c1"));
        QCOMPARE(o0->ownerMemberId, QStringLiteral("c1-aaa"));
        QCOMPARE(o0->ownerHost, QStringLiteral("/10.0.0.7"));
    }

    void assignedWithoutCommitIsNoCommitNotZero()
    {
        const GroupLag g = computeLag(activeGroup(), commits(), ends(), starts());
        const PartitionLag *o2 = g.partition(QStringLiteral("orders"), 2);
        QVERIFY(o2);
        QVERIFY(!o2->committed.has_value());
        QVERIFY(!o2->lag.has_value());
        QCOMPARE(o2->logEnd, 3); // its log end is still looked up and shown
        QCOMPARE(o2->owner, QStringLiteral("c1"));
        QCOMPARE(g.partitionsWithoutCommit, 1);
    }

    void ownerFallsBackToMemberId()
    {
        const GroupLag g = computeLag(activeGroup(), commits(), ends(), starts());
        QCOMPARE(g.partition(QStringLiteral("orders"), 1)->owner, QStringLiteral("rdkafka-bbb"));
        // Committed but owned by nobody.
        QVERIFY(g.partition(QStringLiteral("payments"), 0)->owner.isEmpty());
        QVERIFY(g.partition(QStringLiteral("payments"), 0)->ownerMemberId.isEmpty());
    }

    void lagIsNeverNegative()
    {
        const GroupLag g = computeLag(activeGroup(), commits(), ends(), starts());
        const PartitionLag *p = g.partition(QStringLiteral("payments"), 0);
        QCOMPARE(p->committed, std::optional<qint64>(9));
        QCOMPARE(p->lag, std::optional<qint64>(0));
        QVERIFY(p->committedBeyondEnd);
    }

    void totalsCountCommittedPartitionsOnly()
    {
        const GroupLag g = computeLag(activeGroup(), commits(), ends(), starts());
        QCOMPARE(g.totalLag, 5 + 2 + 0);
        QCOMPARE(g.lagPerTopic,
                 (QMap<QString, qint64>{{QStringLiteral("orders"), 7}, {QStringLiteral("payments"), 0}}));
    }

    void memberlessGroupShowsOnlyCommits()
    {
        // As kafka-consumer-groups.sh --describe: an uncommitted partition nobody owns is not listed.
        GroupDescription d;
        d.groupId = QStringLiteral("idle");
        d.state = QStringLiteral("Empty");
        const GroupLag g = computeLag(
            d, {commit(QStringLiteral("orders"), 0, 5), commit(QStringLiteral("orders"), 1, 2)}, ends(), starts());
        QCOMPARE(g.partitions.size(), 2);
        QVERIFY(!g.partition(QStringLiteral("orders"), 2));
        QCOMPARE(g.partitionsWithoutCommit, 0);
        QCOMPARE(g.totalLag, 7);
        QCOMPARE(g.members, 0);
        QVERIFY(g.partition(QStringLiteral("orders"), 0)->owner.isEmpty());
    }

    void failedOrNegativeCommitsAreNoCommit()
    {
        GroupDescription d;
        d.groupId = QStringLiteral("g");
        d.state = QStringLiteral("Empty");
        const GroupLag g =
            computeLag(d,
                       {commit(QStringLiteral("orders"), 0, -1),
                        commit(QStringLiteral("orders"), 1, 3, QStringLiteral("UNSTABLE_OFFSET_COMMIT"))},
                       ends(), starts());
        QVERIFY(g.partitions.isEmpty());
        QCOMPARE(g.totalLag, 0);
        QVERIFY(g.lagPerTopic.isEmpty());
    }

    void unknownLogEndLeavesLagUnknown()
    {
        GroupDescription d;
        d.groupId = QStringLiteral("g");
        d.state = QStringLiteral("Empty");
        const GroupLag g = computeLag(d, {commit(QStringLiteral("gone"), 0, 4)}, {}, {});
        QCOMPARE(g.partitions.size(), 1);
        QCOMPARE(g.partitions[0].committed, std::optional<qint64>(4));
        QCOMPARE(g.partitions[0].logEnd, -1);
        QVERIFY(!g.partitions[0].lag.has_value());
        QCOMPARE(g.totalLag, 0);
        QCOMPARE(g.partitionsWithoutCommit, 0);
    }

    void lagPartitionsAreTheUnion()
    {
        const QList<TP> parts = lagPartitions(activeGroup(), commits());
        QCOMPARE(parts, (QList<TP>{{QStringLiteral("orders"), 0},
                                   {QStringLiteral("orders"), 1},
                                   {QStringLiteral("orders"), 2},
                                   {QStringLiteral("payments"), 0}}));
    }

    void resetStrategies_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::addColumn<QStringList>("notes");
        const QString high =
            QStringLiteral("New offset (%1) is higher than latest offset for topic partition orders-%2. "
                           "Value will be set to %3.");
        const QString low =
            QStringLiteral("New offset (%1) is lower than earliest offset for topic partition orders-%2. "
                           "Value will be set to %3.");
        // Logs: orders-0 [1, 10), orders-1 [0, 4), orders-2 [0, 3). Commits: 5, 2, none.
        QTest::newRow("earliest") << int(ResetStrategy::Earliest) << qint64(0) << QList<qint64>{1, 0, 0}
                                  << QStringList{};
        QTest::newRow("latest") << int(ResetStrategy::Latest) << qint64(0) << QList<qint64>{10, 4, 3} << QStringList{};
        QTest::newRow("offset in range") << int(ResetStrategy::Offset) << qint64(3) << QList<qint64>{3, 3, 3}
                                         << QStringList{};
        QTest::newRow("offset clamped down") << int(ResetStrategy::Offset) << qint64(4) << QList<qint64>{4, 4, 3}
                                             << QStringList{high.arg(4).arg(2).arg(3)};
        QTest::newRow("offset clamped up") << int(ResetStrategy::Offset) << qint64(0) << QList<qint64>{1, 0, 0}
                                           << QStringList{low.arg(0).arg(0).arg(1)};
        QTest::newRow("offset past every end")
            << int(ResetStrategy::Offset) << qint64(99) << QList<qint64>{10, 4, 3}
            << QStringList{high.arg(99).arg(0).arg(10), high.arg(99).arg(1).arg(4), high.arg(99).arg(2).arg(3)};
    }

    void resetStrategies()
    {
        QFETCH(int, strategy);
        QFETCH(qint64, value);
        QFETCH(QList<qint64>, expected);
        QFETCH(QStringList, notes);
        const auto plan = computeReset(request(static_cast<ResetStrategy>(strategy), value), {2, 0, 1, 0},
                                       {{0, 5}, {1, 2}}, {{0, marks(1, 10)}, {1, marks(0, 4)}, {2, marks(0, 3)}});
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().fullText()));
        QCOMPARE(plan->size(), 3); // sorted, duplicates dropped
        QList<qint64> got;
        QStringList gotNotes;
        for (const PartitionReset &p : plan.value()) {
            got << p.newOffset;
            if (!p.note.isEmpty())
                gotNotes << p.note;
        }
        QCOMPARE(got, expected);
        QCOMPARE(gotNotes, notes);
        QCOMPARE(plan->at(0).current, std::optional<qint64>(5));
        QVERIFY(!plan->at(2).current.has_value());
        QCOMPARE(plan->at(0).logStart, 1);
        QCOMPARE(plan->at(0).logEnd, 10);
    }

    void shiftByIsClampedLikeKafka()
    {
        const QMap<int, Watermarks> logs{{0, marks(1, 10)}, {1, marks(0, 4)}};
        auto back = computeReset(request(ResetStrategy::ShiftBy, -1), {0, 1}, {{0, 5}, {1, 2}}, logs);
        QVERIFY(back.ok());
        QCOMPARE(back->at(0).newOffset, 4);
        QCOMPARE(back->at(1).newOffset, 1);
        auto far = computeReset(request(ResetStrategy::ShiftBy, -100), {0, 1}, {{0, 5}, {1, 2}}, logs);
        QCOMPARE(far->at(0).newOffset, 1);
        QCOMPARE(far->at(0).note, QStringLiteral("New offset (-95) is lower than earliest offset for topic partition "
                                                 "orders-0. Value will be set to 1."));
        auto ahead = computeReset(request(ResetStrategy::ShiftBy, 3), {0, 1}, {{0, 5}, {1, 2}}, logs);
        QCOMPARE(ahead->at(0).newOffset, 8);
        QCOMPARE(ahead->at(1).newOffset, 4);
        QVERIFY(ahead->at(1).note.contains(QStringLiteral("New offset (5) is higher")));
    }

    void shiftByNeedsACommitEverywhere()
    {
        // ConsumerGroupCommand: "Cannot shift offset for partition orders-2 since there is no current
        // committed offset".
        auto plan = computeReset(request(ResetStrategy::ShiftBy, -1), {0, 1, 2}, {{0, 5}, {1, 2}},
                                 {{0, marks(1, 10)}, {1, marks(0, 4)}, {2, marks(0, 3)}});
        QVERIFY(!plan.ok());
        QCOMPARE(plan.error().message,
                 QStringLiteral("Cannot shift the offset of orders-2: group billing has no committed offset there."));
        QVERIFY(plan.error().detail.contains(QStringLiteral("since there is no current committed offset")));
    }

    void dateTimeFallsBackToTheLogEnd()
    {
        ResetOffsetsRequest r = request(ResetStrategy::DateTime);
        r.dateTime = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC);
        // orders-0: offset 8 is the first at or after the time; orders-1: none (the offset client
        // answers the log end, or -1 from a raw lookup); orders-2 is empty.
        auto plan = computeReset(r, {0, 1, 2}, {}, {{0, marks(1, 10)}, {1, marks(0, 4)}, {2, marks(3, 3)}},
                                 {{0, 8}, {1, 4}, {2, -1}});
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.error().fullText()));
        QCOMPARE(plan->at(0).newOffset, 8);
        QVERIFY(plan->at(0).note.isEmpty());
        QCOMPARE(plan->at(1).newOffset, 4);
        QCOMPARE(plan->at(1).note, QStringLiteral("Partition 1 from topic orders has no message at or after "
                                                  "2026-03-01T12:00:00.000Z: falling back to the latest offset (4)."));
        QCOMPARE(plan->at(2).newOffset, 3);
        QVERIFY(!plan->at(2).note.isEmpty());
    }

    void missingLookupsFail()
    {
        QVERIFY(!computeReset(request(ResetStrategy::Earliest), {0, 1}, {}, {{0, marks(0, 1)}}).ok());
        QVERIFY(!computeReset(request(ResetStrategy::Earliest), {}, {}, {}).ok());
        ResetOffsetsRequest r = request(ResetStrategy::DateTime);
        r.dateTime = QDateTime::currentDateTimeUtc();
        QVERIFY(!computeReset(r, {0}, {}, {{0, marks(0, 1)}}, {}).ok());
    }

    void planListsTheNewOffsets()
    {
        ResetPlan plan;
        plan.request = request(ResetStrategy::Offset, 4);
        plan.partitions = computeReset(plan.request, {0, 2}, {}, {{0, marks(1, 10)}, {2, marks(0, 3)}}).value();
        QCOMPARE(plan.newOffsets(), (QList<TopicPartitionOffset>{{QStringLiteral("orders"), 0, 4, {}},
                                                                 {QStringLiteral("orders"), 2, 3, {}}}));
        QCOMPARE(plan.notes().size(), 1);
    }

    void onlyInactiveGroupsAreReset_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("members");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("empty") << QStringLiteral("Empty") << 0 << QString();
        QTest::newRow("dead") << QStringLiteral("Dead") << 0 << QString();
        QTest::newRow("two members")
            << QStringLiteral("Stable") << 2
            << QStringLiteral("Group billing has 2 active members; Kafka only resets the offsets of an inactive "
                              "group: stop its consumers first.");
        QTest::newRow("one member")
            << QStringLiteral("Stable") << 1
            << QStringLiteral("Group billing has 1 active member; Kafka only resets the offsets of an inactive "
                              "group: stop its consumers first.");
        QTest::newRow("rebalancing, no member yet")
            << QStringLiteral("PreparingRebalance") << 0
            << QStringLiteral("Group billing is PreparingRebalance; Kafka only resets the offsets of an inactive "
                              "group (Empty): stop its consumers first.");
    }

    void onlyInactiveGroupsAreReset()
    {
        QFETCH(QString, state);
        QFETCH(int, members);
        QFETCH(QString, refusal);
        QCOMPARE(activeGroupRefusal(QStringLiteral("billing"), state, members).value_or(QString()), refusal);
    }
};

QTEST_GUILESS_MAIN(TestLag)
#include "tst_lag.moc"
