// The failure drill's analysis (drill/drillledger.h) on hand-made ledgers: loss, duplicates,
// reordering, messages written although their send failed, and the explanation's cases.

#include "drill/drillledger.h"

#include <QTest>

using namespace kafdesk;

namespace {

constexpr auto A = DrillOutcome::Acknowledged;
constexpr auto F = DrillOutcome::Failed;
constexpr auto U = DrillOutcome::Unanswered;

DrillPartitionLedger ledger(std::vector<DrillOutcome> outcomes, std::vector<qint64> consumed)
{
    return DrillPartitionLedger{std::move(outcomes), std::move(consumed)};
}

DrillReport reportOf(const std::vector<DrillPartitionLedger> &ledgers, Acks acks, bool idempotence)
{
    DrillReport r;
    r.config.topic = QStringLiteral("drill");
    r.config.acks = acks;
    r.config.idempotence = idempotence;
    const DrillAnalysis a = analyzeDrill(ledgers);
    r.partitions = a.partitions;
    r.total = a.total;
    return r;
}

} // namespace

class TestDrillLedger : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanRun()
    {
        const DrillPartitionReport r = analyzePartition(3, ledger({A, A, A, A}, {0, 1, 2, 3}));
        QCOMPARE(r.partition, 3);
        QCOMPARE(r.sent, 4);
        QCOMPARE(r.acknowledged, 4);
        QCOMPARE(r.failed, 0);
        QCOMPARE(r.consumed, 4);
        QCOMPARE(r.lost, 0);
        QCOMPARE(r.duplicated, 0);
        QCOMPARE(r.outOfOrder, 0);
        QCOMPARE(r.unacknowledgedButConsumed, 0);
    }

    void lossIsAcknowledgedButNeverRead()
    {
        // 2 and 3 were acknowledged and never read (acks=1, the leader died); 4 failed and was
        // not read either: failed is not lost.
        const DrillPartitionReport r = analyzePartition(0, ledger({A, A, A, A, F, A}, {0, 1, 5}));
        QCOMPARE(r.lost, 2);
        QCOMPARE(r.failed, 1);
        QCOMPARE(r.consumed, 3);
        QCOMPARE(r.outOfOrder, 0); // a gap is not disorder
    }

    void duplicatesCountExtraCopies()
    {
        // A retried batch (1, 2) written twice, and 3 three times.
        const DrillPartitionReport r = analyzePartition(0, ledger({A, A, A, A}, {0, 1, 2, 1, 2, 3, 3, 3}));
        QCOMPARE(r.consumed, 8);
        QCOMPARE(r.duplicated, 4);
        QCOMPARE(r.outOfOrder, 0); // second copies are duplicates, never also disorder
        QCOMPARE(r.lost, 0);
    }

    void reorderingCountsLateFirstCopies()
    {
        // The batch 2,3 failed once and was retried after 4,5 had been written.
        const DrillPartitionReport r = analyzePartition(0, ledger({A, A, A, A, A, A}, {0, 1, 4, 5, 2, 3}));
        QCOMPARE(r.outOfOrder, 2);
        QCOMPARE(r.duplicated, 0);
        QCOMPARE(r.lost, 0);
        // One late message after a run: only it is out of order.
        QCOMPARE(analyzePartition(0, ledger({A, A, A, A, A}, {0, 1, 3, 2, 4})).outOfOrder, 1);
    }

    void duplicateAndReorderTogether()
    {
        // 0 1 2 written, 1 2 retried (duplicates), then 4, then 3 late.
        const DrillPartitionReport r = analyzePartition(0, ledger({A, A, A, A, A}, {0, 1, 2, 1, 2, 4, 3}));
        QCOMPARE(r.duplicated, 2);
        QCOMPARE(r.outOfOrder, 1);
        QCOMPARE(r.consumed, 7);
    }

    void failedButWritten()
    {
        // 1 timed out at the client but the broker had written it; 2 never got an answer
        // (cancelled) and was written too; 3 failed and was not written.
        const DrillPartitionReport r = analyzePartition(0, ledger({A, F, U, F}, {0, 1, 2}));
        QCOMPARE(r.acknowledged, 1);
        QCOMPARE(r.failed, 2);
        QCOMPARE(r.unacknowledgedButConsumed, 2);
        QCOMPARE(r.lost, 0);
        // A copy read twice counts once as unacknowledged-but-consumed.
        QCOMPARE(analyzePartition(0, ledger({F}, {0, 0})).unacknowledgedButConsumed, 1);
    }

    void foreignSequencesAreIgnored()
    {
        const DrillPartitionReport r = analyzePartition(0, ledger({A, A}, {0, 7, -1, 1}));
        QCOMPARE(r.consumed, 2);
        QCOMPARE(r.outOfOrder, 0);
    }

    void totalsSumPartitions()
    {
        const DrillAnalysis a = analyzeDrill({ledger({A, A, F}, {0, 1, 1}), ledger({A, A}, {1}), ledger({}, {})});
        QCOMPARE(a.partitions.size(), 3);
        QCOMPARE(a.partitions.at(1).partition, 1);
        QCOMPARE(a.total.partition, -1);
        QCOMPARE(a.total.sent, 5);
        QCOMPARE(a.total.acknowledged, 4);
        QCOMPARE(a.total.failed, 1);
        QCOMPARE(a.total.consumed, 4);
        QCOMPARE(a.total.lost, 1);
        QCOMPARE(a.total.duplicated, 1);
    }

    void guarantees()
    {
        const auto dup = std::vector<DrillPartitionLedger>{ledger({A, A}, {0, 1, 1})};
        const auto loss = std::vector<DrillPartitionLedger>{ledger({A, A}, {0})};
        QVERIFY(!reportOf(dup, Acks::All, true).guaranteeHeld());
        QVERIFY(!reportOf(dup, Acks::All, true).promiseHeld());
        QVERIFY(reportOf(dup, Acks::All, false).guaranteeHeld()); // duplicates allowed without idempotence
        QVERIFY(!reportOf(loss, Acks::All, false).guaranteeHeld());
        QVERIFY(!reportOf(loss, Acks::All, false).promiseHeld());
        QVERIFY(!reportOf(loss, Acks::Leader, false).guaranteeHeld());
        QVERIFY(reportOf(loss, Acks::Leader, false).promiseHeld()); // acks=1 never promised it
    }

    void explanationFollowsTheOutcome()
    {
        const auto clean = std::vector<DrillPartitionLedger>{ledger({A, A, F}, {0, 1})};
        DrillReport safe = reportOf(clean, Acks::All, true);
        safe.config.minInsyncReplicas = 2;
        DrillKill kill;
        kill.node = 2;
        kill.killedAt = QDateTime::currentDateTimeUtc();
        kill.newLeader = 3;
        kill.leaderlessMs = 3400;
        safe.kills << kill;
        const QString s = explainDrill(safe).join(QLatin1Char('\n'));
        QVERIFY2(s.contains(QStringLiteral("Nothing acknowledged was lost")), qPrintable(s));
        QVERIFY2(s.contains(QStringLiteral("min.insync.replicas=2")), qPrintable(s));
        QVERIFY2(s.contains(QStringLiteral("No message was read twice")), qPrintable(s));
        QVERIFY2(s.contains(QStringLiteral("failed sends are not losses")), qPrintable(s));
        QVERIFY2(s.contains(QStringLiteral("node 2")) && s.contains(QStringLiteral("3.4 s")), qPrintable(s));

        const auto lossy = std::vector<DrillPartitionLedger>{ledger({A, A, A}, {0, 1, 1})};
        const QString l = explainDrill(reportOf(lossy, Acks::Leader, false)).join(QLatin1Char('\n'));
        QVERIFY2(l.contains(QStringLiteral("1 acknowledged messages were lost")), qPrintable(l));
        QVERIFY2(l.contains(QStringLiteral("acks=1")), qPrintable(l));
        QVERIFY2(l.contains(QStringLiteral("1 extra copies were read")), qPrintable(l));
        QVERIFY2(!l.contains(QStringLiteral("Nothing acknowledged was lost")), qPrintable(l));
    }

    void valuesRoundTrip()
    {
        const QByteArray run("abc123");
        const QByteArray v = drillValue(run, 4, 1234567);
        QCOMPARE(v, QByteArray("kafdesk-drill abc123 p4 s1234567"));
        int p = -1;
        qint64 s = -1;
        QVERIFY(parseDrillValue(run, v, &p, &s));
        QCOMPARE(p, 4);
        QCOMPARE(s, 1234567);
        QVERIFY(!parseDrillValue(QByteArray("other"), v, &p, &s));
        QVERIFY(!parseDrillValue(run, QByteArray("kafdesk-drill abc123 p4 x1"), &p, &s));
        QVERIFY(!parseDrillValue(run, QByteArray("kafdesk-drill abc123 p s1"), &p, &s));
        QVERIFY(!parseDrillValue(run, QByteArray("hello"), &p, &s));
    }

    void validation()
    {
        DrillConfig c;
        c.connection = ConnectionSettings::forBootstrap(QStringLiteral("127.0.0.1:9092"));
        c.topic = QStringLiteral("drill");
        c.clusterName = QStringLiteral("local");
        QVERIFY(validateDrillConfig(c).isEmpty());
        c.acks = Acks::Leader;
        const QStringList problems = validateDrillConfig(c);
        QCOMPARE(problems.size(), 1);
        QVERIFY(problems.first().contains(QStringLiteral("Idempotence needs acks=all")));
        c.idempotence = false;
        QVERIFY(validateDrillConfig(c).isEmpty());
        c.acks = Acks::None;
        QVERIFY(validateDrillConfig(c).join(QLatin1Char(' ')).contains(QStringLiteral("acks=0")));
        c.acks = Acks::All;
        c.minInsyncReplicas = 4;
        QVERIFY(!validateDrillConfig(c).isEmpty());
        c.minInsyncReplicas = 2;
        c.clusterName.clear();
        QVERIFY(validateDrillConfig(c).join(QLatin1Char(' ')).contains(QStringLiteral("bundled cluster")));
        c.kills = 0;
        QVERIFY(validateDrillConfig(c).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDrillLedger)
#include "tst_drillledger.moc"
