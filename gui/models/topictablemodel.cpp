#include "models/topictablemodel.h"

#include "models/partitionmapsupport.h"
#include "models/sortedmerge.h"

#include <QIcon>
#include <QStringList>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr auto byName = [](const TopicTableModel::Row &a, const TopicTableModel::Row &b) {
    return a.name < b.name;
};

bool isNumberColumn(int column)
{
    return column == TopicTableModel::PartitionsColumn || column == TopicTableModel::ReplicationFactorColumn ||
           column == TopicTableModel::UnderReplicatedColumn || column == TopicTableModel::OfflineColumn;
}

} // namespace

TopicTableModel::TopicTableModel(QObject *parent) : MergingTableModel(parent) {}

void TopicTableModel::applySnapshot(const ClusterSnapshot &snapshot)
{
    QList<Row> target;
    target.reserve(snapshot.topics.size());
    qsizetype old = 0; // both lists are sorted by name: a topic that stays keeps its folded name
    for (const TopicState &t : snapshot.topics) {
        Row r;
        r.name = t.name;
        r.partitions = static_cast<int>(t.partitions.size());
        r.replicationFactor = t.replicationFactor();
        r.underReplicated = t.underReplicatedCount();
        r.offline = t.offlineCount();
        r.internal = t.internal;
        r.error = t.error;
        while (old < m_rows.size() && m_rows.at(old).name < t.name)
            ++old;
        r.foldedName = old < m_rows.size() && m_rows.at(old).name == t.name ? m_rows.at(old).foldedName
                                                                             : t.name.toCaseFolded();
        target << std::move(r);
    }
    merge(std::move(target));
}

void TopicTableModel::applySnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (snapshot)
        applySnapshot(*snapshot);
    else
        merge({});
}

void TopicTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void TopicTableModel::merge(QList<Row> target)
{
    mergeRows(m_rows, std::move(target), byName, ColumnCount);
}

int TopicTableModel::rowOf(const QString &name) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), name,
                                     [](const Row &r, const QString &key) { return r.name < key; });
    return it != m_rows.cend() && it->name == name ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

int TopicTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TopicTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString TopicTableModel::toolTip(const Row &r) const
{
    QStringList lines;
    if (r.offline == 1)
        lines << tr("1 partition has no leader: it can be neither written nor read.");
    else if (r.offline > 1)
        lines << tr("%1 partitions have no leader: they can be neither written nor read.").arg(r.offline);
    if (r.underReplicated == 1)
        lines << tr("1 partition is under-replicated: fewer replicas are in sync than assigned.");
    else if (r.underReplicated > 1)
        lines << tr("%1 partitions are under-replicated: fewer replicas are in sync than assigned.")
                     .arg(r.underReplicated);
    if (!r.error.isEmpty())
        lines << tr("Metadata error: %1").arg(r.error);
    if (r.internal)
        lines << tr("An internal topic, used by Kafka itself.");
    return lines.join(QLatin1Char('\n'));
}

QVariant TopicTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case TopicNameRole:
        return r.name;
    case InternalRole:
        return r.internal;
    case UnderReplicatedRole:
        return r.underReplicated;
    case OfflineRole:
        return r.offline;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return r.name;
        case PartitionsColumn:
            return r.partitions;
        case ReplicationFactorColumn:
            return r.replicationFactor;
        case UnderReplicatedColumn:
            return r.underReplicated;
        case OfflineColumn:
            return r.offline;
        case InternalColumn:
            return r.internal ? tr("yes") : tr("no");
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == NameColumn && r.hasProblem())
            return partitionmap::warningIcon(r.offline > 0);
        return {};
    case Qt::ToolTipRole: {
        const QString tip = toolTip(r);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::TextAlignmentRole:
        if (isNumberColumn(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == InternalColumn)
            return QVariant::fromValue(Qt::AlignHCenter | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant TopicTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Name");
        case PartitionsColumn:
            return tr("Partitions");
        case ReplicationFactorColumn:
            return tr("Replication factor");
        case UnderReplicatedColumn:
            return tr("Under-replicated");
        case OfflineColumn:
            return tr("Offline");
        case InternalColumn:
            return tr("Internal");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole) // over the numbers, on the same side
        return QVariant::fromValue((isNumberColumn(section) ? Qt::AlignRight
                                    : section == InternalColumn ? Qt::AlignHCenter
                                                                : Qt::AlignLeft) |
                                   Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case ReplicationFactorColumn:
            return tr("Replicas of each partition (of partition 0, or the largest replica set).");
        case UnderReplicatedColumn:
            return tr("Partitions whose in-sync replica set (ISR) is smaller than their replica set.");
        case OfflineColumn:
            return tr("Partitions without a leader: they can be neither written nor read.");
        case InternalColumn:
            return tr("Topics that Kafka uses itself, such as __consumer_offsets.");
        default:
            return {};
        }
    }
    return {};
}

} // namespace kafdesk
