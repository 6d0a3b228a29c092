#include "drill/drillledger.h"

namespace kafdesk {

DrillPartitionReport analyzePartition(int partition, const DrillPartitionLedger &ledger)
{
    DrillPartitionReport r;
    r.partition = partition;
    const auto sent = static_cast<qint64>(ledger.outcomes.size());
    r.sent = sent;
    for (const DrillOutcome o : ledger.outcomes) {
        if (o == DrillOutcome::Acknowledged)
            ++r.acknowledged;
        else if (o == DrillOutcome::Failed)
            ++r.failed;
    }
    // Copies read per seq; a flat vector, as seqs are dense from 0.
    std::vector<quint32> copies(ledger.outcomes.size(), 0);
    qint64 highest = -1;
    for (const qint64 seq : ledger.consumed) {
        if (seq < 0 || seq >= sent)
            continue;
        ++r.consumed;
        quint32 &n = copies[static_cast<size_t>(seq)];
        if (n++ > 0) {
            ++r.duplicated;
            continue;
        }
        if (seq < highest)
            ++r.outOfOrder;
        else
            highest = seq;
        if (ledger.outcomes[static_cast<size_t>(seq)] != DrillOutcome::Acknowledged)
            ++r.unacknowledgedButConsumed;
    }
    for (size_t seq = 0; seq < copies.size(); ++seq)
        if (copies[seq] == 0 && ledger.outcomes[seq] == DrillOutcome::Acknowledged)
            ++r.lost;
    return r;
}

DrillAnalysis analyzeDrill(const std::vector<DrillPartitionLedger> &ledgers)
{
    DrillAnalysis a;
    a.total.partition = -1;
    for (size_t p = 0; p < ledgers.size(); ++p) {
        const DrillPartitionReport r = analyzePartition(static_cast<int>(p), ledgers[p]);
        a.partitions.append(r);
        a.total.sent += r.sent;
        a.total.acknowledged += r.acknowledged;
        a.total.failed += r.failed;
        a.total.consumed += r.consumed;
        a.total.lost += r.lost;
        a.total.duplicated += r.duplicated;
        a.total.outOfOrder += r.outOfOrder;
        a.total.unacknowledgedButConsumed += r.unacknowledgedButConsumed;
    }
    return a;
}

QByteArray drillValue(const QByteArray &runId, int partition, qint64 seq)
{
    return QByteArrayLiteral("kafdesk-drill ") + runId + QByteArrayLiteral(" p") + QByteArray::number(partition) +
           QByteArrayLiteral(" s") + QByteArray::number(seq);
}

bool parseDrillValue(const QByteArray &runId, QByteArrayView value, int *partition, qint64 *seq)
{
    const QByteArray prefix = QByteArrayLiteral("kafdesk-drill ") + runId + QByteArrayLiteral(" p");
    if (!value.startsWith(prefix))
        return false;
    const QByteArrayView rest = value.sliced(prefix.size());
    const qsizetype space = rest.indexOf(' ');
    if (space <= 0 || space + 2 > rest.size() || rest.at(space + 1) != 's')
        return false;
    bool okPartition = false;
    bool okSeq = false;
    const int p = rest.first(space).toInt(&okPartition);
    const qint64 s = rest.sliced(space + 2).toLongLong(&okSeq);
    if (!okPartition || !okSeq || p < 0 || s < 0)
        return false;
    *partition = p;
    *seq = s;
    return true;
}

} // namespace kafdesk
