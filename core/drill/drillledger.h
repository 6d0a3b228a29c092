#pragma once

// The pure part of a failure drill: what the producer was told about each message and what the
// consumer read back, turned into the report's counts. No Kafka here, so every rule is unit-tested
// with hand-made cases (tests/unit/tst_drillledger.cpp).

#include "drill/failuredrill.h"

#include <QByteArray>
#include <QList>

#include <vector>

namespace kafdesk {

// What became of one sent message, as the producer's delivery report said.
enum class DrillOutcome : quint8 { Unanswered = 0, Acknowledged = 1, Failed = 2 };

// One partition's record: outcomes[seq] for every sequence number sent (0, 1, 2, ...), and the
// sequence numbers read back in the order the consumer read them (copies included).
struct DrillPartitionLedger {
    std::vector<DrillOutcome> outcomes;
    std::vector<qint64> consumed;
};

// The counts of one partition.
//   sent: outcomes.size(). acknowledged / failed: outcomes of that kind (Unanswered ones, left when
//   a drill is cancelled, are neither).
//   consumed: every copy read whose seq was sent (a seq never sent is ignored: not this run's).
//   lost: acknowledged seqs never consumed.
//   duplicated: copies read beyond the first, per seq (a seq read three times counts two).
//   outOfOrder: first copies read after a higher seq of the same partition had been read. Only a
//     seq's first copy is judged, so a duplicate (a second copy of an earlier seq, as a retried
//     batch produces) is counted as duplicated and never also as out of order; a gap (a lost or
//     failed seq) is not disorder either. Example: read 0 1 3 2 4 -> 2 is out of order (one);
//     read 0 1 2 1 2 3 -> duplicated 2, out of order 0.
//   unacknowledgedButConsumed: distinct seqs read whose outcome was Failed or Unanswered (Kafka
//     allows this: a request can time out at the client after the broker wrote it).
DrillPartitionReport analyzePartition(int partition, const DrillPartitionLedger &ledger);

// Every partition (in the list's order, partition id = index) and the sums (partition -1).
struct DrillAnalysis {
    QList<DrillPartitionReport> partitions;
    DrillPartitionReport total;
};
DrillAnalysis analyzeDrill(const std::vector<DrillPartitionLedger> &ledgers);

// The value of message `seq` of `partition` in run `runId`, and reading one back: true with the
// partition and seq when it is this run's ("kafdesk-drill <runId> p<partition> s<seq>").
QByteArray drillValue(const QByteArray &runId, int partition, qint64 seq);
bool parseDrillValue(const QByteArray &runId, QByteArrayView value, int *partition, qint64 *seq);

// The header every drill message carries, its value the run id.
inline constexpr char drillRunHeader[] = "kafdesk-drill-run";

} // namespace kafdesk
