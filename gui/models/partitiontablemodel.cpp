#include "models/partitiontablemodel.h"

#include "models/partitionmapsupport.h"
#include "models/sortedmerge.h"

#include <QIcon>
#include <QLocale>
#include <QStringList>

namespace kafdesk {

namespace {

constexpr auto byId = [](const PartitionTableModel::Row &a, const PartitionTableModel::Row &b) { return a.id < b.id; };

QString idList(const QList<int> &ids)
{
    QStringList parts;
    parts.reserve(ids.size());
    for (const int id : ids)
        parts << QString::number(id);
    return parts.join(QStringLiteral(", "));
}

bool isOffsetColumn(int column)
{
    return column == PartitionTableModel::LowWatermarkColumn || column == PartitionTableModel::HighWatermarkColumn ||
           column == PartitionTableModel::MessagesColumn;
}

} // namespace

PartitionTableModel::PartitionTableModel(QObject *parent) : MergingTableModel(parent) {}

void PartitionTableModel::setTopic(const QString &topic)
{
    if (topic == m_topic)
        return;
    beginResetModel();
    m_topic = topic;
    m_found = false;
    m_rows.clear();
    endResetModel();
}

void PartitionTableModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    const TopicState *t = snapshot && !m_topic.isEmpty() ? snapshot->topic(m_topic) : nullptr;
    m_found = t != nullptr;
    QList<Row> target;
    if (t) {
        target.reserve(t->partitions.size());
        qsizetype old = 0; // both lists are sorted by id: a partition that stays keeps its watermarks
        for (const PartitionState &p : t->partitions) {
            Row r;
            r.id = p.id;
            r.partition = p;
            while (old < m_rows.size() && m_rows.at(old).id < p.id)
                ++old;
            if (old < m_rows.size() && m_rows.at(old).id == p.id) {
                r.low = m_rows.at(old).low;
                r.high = m_rows.at(old).high;
            }
            target << std::move(r);
        }
    }
    merge(std::move(target));
}

void PartitionTableModel::setWatermarks(const QMap<int, Watermarks> &watermarks)
{
    QList<Row> target = m_rows;
    for (Row &r : target) {
        const auto it = watermarks.constFind(r.id);
        r.low = it == watermarks.cend() ? -1 : it->low;
        r.high = it == watermarks.cend() ? -1 : it->high;
    }
    merge(std::move(target));
}

void PartitionTableModel::clearWatermarks()
{
    setWatermarks({});
}

void PartitionTableModel::clear()
{
    beginResetModel();
    m_found = false;
    m_rows.clear();
    endResetModel();
}

void PartitionTableModel::merge(QList<Row> target)
{
    mergeRows(m_rows, std::move(target), byId, ColumnCount);
}

int PartitionTableModel::rowOf(int partition) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), partition,
                                     [](const Row &r, int key) { return r.id < key; });
    return it != m_rows.cend() && it->id == partition ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

QList<int> PartitionTableModel::readablePartitions() const
{
    QList<int> ids;
    for (const Row &r : m_rows)
        if (!r.partition.isOffline())
            ids << r.id;
    return ids;
}

qint64 PartitionTableModel::totalMessages() const
{
    qint64 total = -1;
    for (const Row &r : m_rows)
        if (r.hasWatermarks())
            total = std::max<qint64>(total, 0) + r.messages();
    return total;
}

int PartitionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PartitionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PartitionTableModel::display(const Row &r, int column) const
{
    const PartitionState &p = r.partition;
    const auto offset = [&](qint64 value) -> QVariant {
        if (p.isOffline())
            return QStringLiteral("—");
        return value < 0 ? QVariant() : QVariant(QLocale().toString(value));
    };
    switch (column) {
    case PartitionColumn:
        return r.id;
    case LeaderColumn:
        return p.isOffline() ? tr("none") : QString::number(p.leader);
    case ReplicasColumn:
        return idList(p.replicas);
    case IsrColumn:
        return idList(p.isr);
    case OfflineReplicasColumn:
        return idList(p.offlineReplicas);
    case LowWatermarkColumn:
        return offset(r.low);
    case HighWatermarkColumn:
        return offset(r.high);
    case MessagesColumn:
        return offset(r.messages());
    default:
        return {};
    }
}

QVariant PartitionTableModel::sortValue(const Row &r, int column) const
{
    const PartitionState &p = r.partition;
    switch (column) {
    case PartitionColumn:
        return r.id;
    case LeaderColumn:
        return p.leader;
    case ReplicasColumn:
        return p.replicas.isEmpty() ? -1 : p.replicas.first();
    case IsrColumn:
        return static_cast<int>(p.isr.size());
    case OfflineReplicasColumn:
        return static_cast<int>(p.offlineReplicas.size());
    case LowWatermarkColumn:
        return r.low;
    case HighWatermarkColumn:
        return r.high;
    case MessagesColumn:
        return r.messages();
    default:
        return {};
    }
}

QString PartitionTableModel::toolTip(const Row &r, int column) const
{
    const PartitionState &p = r.partition;
    QStringList lines;
    switch (column) {
    case LeaderColumn:
        if (p.isOffline())
            lines << tr("Partition %1 has no leader: it can be neither written nor read.").arg(r.id);
        else
            lines << tr("Broker %1 leads partition %2: producers write to it, consumers read from it.")
                         .arg(p.leader)
                         .arg(r.id);
        break;
    case IsrColumn:
        if (p.isUnderReplicated())
            lines << tr("Under-replicated: %1 of %2 replicas are in sync.").arg(p.isr.size()).arg(p.replicas.size());
        else
            lines << tr("Every replica is in sync.");
        break;
    case OfflineReplicasColumn:
        if (!p.offlineReplicas.isEmpty())
            lines << tr("Replicas on brokers that are down: %1").arg(idList(p.offlineReplicas));
        break;
    case LowWatermarkColumn:
    case HighWatermarkColumn:
    case MessagesColumn:
        if (p.isOffline())
            lines << tr("The partition has no leader: its offsets cannot be read.");
        else if (!r.hasWatermarks())
            lines << tr("Not read yet.");
        else if (column == MessagesColumn)
            lines << tr("High watermark minus low watermark: %1 − %2. On a compacted or transactional topic "
                        "fewer messages may remain.")
                         .arg(r.high)
                         .arg(r.low);
        else if (column == LowWatermarkColumn)
            lines << tr("The log start offset: the oldest message still stored.");
        else
            lines << tr("The high watermark: the offset the next message will get.");
        break;
    default:
        break;
    }
    if (!p.error.isEmpty())
        lines << tr("Metadata error: %1").arg(p.error);
    return lines.join(QLatin1Char('\n'));
}

QVariant PartitionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    const PartitionState &p = r.partition;
    switch (role) {
    case Qt::DisplayRole:
        return display(r, index.column());
    case PartitionIdRole:
        return r.id;
    case SortRole:
        return sortValue(r, index.column());
    case LowWatermarkRole:
        return r.low;
    case HighWatermarkRole:
        return r.high;
    case MessageCountRole:
        return r.messages();
    case Qt::DecorationRole:
        if (index.column() == LeaderColumn && p.isOffline())
            return partitionmap::warningIcon(true);
        if (index.column() == IsrColumn && p.isUnderReplicated() && !p.isOffline())
            return partitionmap::warningIcon(false);
        if (index.column() == OfflineReplicasColumn && !p.offlineReplicas.isEmpty())
            return partitionmap::stateDot(false);
        return {};
    case Qt::ToolTipRole: {
        const QString tip = toolTip(r, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (isOffsetColumn(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant PartitionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PartitionColumn:
            return tr("Partition");
        case LeaderColumn:
            return tr("Leader");
        case ReplicasColumn:
            return tr("Replicas");
        case IsrColumn:
            return tr("In sync (ISR)");
        case OfflineReplicasColumn:
            return tr("Offline replicas");
        case LowWatermarkColumn:
            return tr("Low watermark");
        case HighWatermarkColumn:
            return tr("High watermark");
        case MessagesColumn:
            return tr("Messages");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case LeaderColumn:
            return tr("The broker that serves the partition's reads and writes.");
        case ReplicasColumn:
            return tr("The brokers that store a copy of the partition, the preferred leader first.");
        case IsrColumn:
            return tr("In-sync replicas: the replicas that have everything the leader has.");
        case OfflineReplicasColumn:
            return tr("Replicas on brokers that are down.");
        case LowWatermarkColumn:
            return tr("The log start offset: the oldest message still stored.");
        case HighWatermarkColumn:
            return tr("The high watermark: the offset the next message will get.");
        case MessagesColumn:
            return tr("Messages stored: high watermark minus low watermark.");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue((isOffsetColumn(section) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    return {};
}

} // namespace kafdesk
