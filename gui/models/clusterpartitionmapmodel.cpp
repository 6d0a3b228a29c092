#include "models/clusterpartitionmapmodel.h"

#include "models/partitionmapsupport.h"
#include "models/sortedmerge.h"

#include <QBrush>

#include <algorithm>

namespace kafdesk {

namespace {

QList<ClusterPartitionMapModel::Row> rowsOf(const ClusterSnapshot *snapshot)
{
    QList<ClusterPartitionMapModel::Row> rows;
    if (!snapshot)
        return rows;
    rows.reserve(snapshot->partitionCount());
    for (const TopicState &t : snapshot->topics)
        for (const PartitionState &p : t.partitions)
            rows.append({t.name, t.internal, p});
    return rows;
}

QString leaders(int n)
{
    // No translator is loaded, so English plurals are spelled out rather than left to %n.
    return n == 1 ? ClusterPartitionMapModel::tr("1 leader") : ClusterPartitionMapModel::tr("%1 leaders").arg(n);
}

} // namespace

ClusterPartitionMapModel::ClusterPartitionMapModel(QObject *parent) : QAbstractTableModel(parent) {}

bool ClusterPartitionMapModel::rowLess(const Row &a, const Row &b)
{
    const int byName = QString::compare(a.topic, b.topic); // the snapshot's order: QString's operator<
    return byName != 0 ? byName < 0 : a.partition.id < b.partition.id;
}

void ClusterPartitionMapModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    load(partitionmap::allBrokers(snapshot.get()), rowsOf(snapshot.get()));
}

void ClusterPartitionMapModel::clear()
{
    beginResetModel();
    m_snapshot.reset();
    m_brokers.clear();
    m_rows.clear();
    m_leaders.clear();
    m_changedCells.clear();
    endResetModel();
}

// Compares the rows and brokers now shown with the ones about to be, walking both sorted row
// lists side by side: linear in the rows, times the brokers for the rows that differ.
QList<ClusterPartitionMapModel::CellChange> ClusterPartitionMapModel::changesTo(const QList<BrokerState> &brokers,
                                                                                const QList<Row> &rows) const
{
    QList<CellChange> changes;
    if (m_rows.isEmpty())
        return changes; // the first picture: nothing to compare with
    QHash<int, const BrokerState *> oldById;
    for (const BrokerState &b : m_brokers)
        oldById.insert(b.id, &b);
    QList<const BrokerState *> before; // per new broker column: the same broker before, or nullptr
    before.reserve(brokers.size());
    bool brokersChanged = brokers.size() != m_brokers.size();
    for (const BrokerState &b : brokers) {
        const BrokerState *was = oldById.value(b.id);
        before << was;
        brokersChanged = brokersChanged || !was || was->alive != b.alive;
    }
    qsizetype old = 0;
    for (const Row &row : rows) {
        while (old < m_rows.size() && rowLess(m_rows.at(old), row))
            ++old;
        const bool matched = old < m_rows.size() && !rowLess(row, m_rows.at(old));
        const Row *was = matched ? &m_rows.at(old) : nullptr;
        if (was && !brokersChanged && was->partition == row.partition)
            continue;
        for (qsizetype c = 0; c < brokers.size(); ++c) {
            const BrokerState &b = brokers.at(c);
            const ReplicaCell then =
                was && before.at(c) ? PartitionMapModel::kindOf(was->partition, b.id, before.at(c)) : PartitionMapModel::None;
            const ReplicaCell now = PartitionMapModel::kindOf(row.partition, b.id, &b);
            if (then != now)
                changes.append({row.topic, row.partition.id, b.id, then, now});
        }
    }
    return changes;
}

QList<int> ClusterPartitionMapModel::mergeBrokers(const QList<BrokerState> &target)
{
    return partitionmap::mergeById(
        m_brokers, target,
        [this](int first, int last, const auto &apply) {
            beginRemoveColumns({}, FirstBrokerColumn + first, FirstBrokerColumn + last);
            apply();
            endRemoveColumns();
        },
        [this](int at, const auto &apply) {
            beginInsertColumns({}, FirstBrokerColumn + at, FirstBrokerColumn + at);
            apply();
            endInsertColumns();
        });
}

QHash<int, int> ClusterPartitionMapModel::countLeaders() const
{
    QHash<int, int> counts;
    for (const Row &r : m_rows)
        if (r.partition.leader >= 0)
            ++counts[r.partition.leader];
    return counts;
}

// Columns merge first, then rows; then views learn which rows and columns changed in place.
void ClusterPartitionMapModel::load(QList<BrokerState> brokers, QList<Row> rows)
{
    sortUniqueRows(rows, &ClusterPartitionMapModel::rowLess);
    m_changedCells = changesTo(brokers, rows);

    const QList<int> changedBrokers = mergeBrokers(brokers);
    const QList<int> changedRows = sortedMerge(
        m_rows, std::move(rows), &ClusterPartitionMapModel::rowLess,
        [this](int first, int last, const auto &apply) {
            beginRemoveRows({}, first, last);
            apply();
            endRemoveRows();
        },
        [this](int first, int last, const auto &apply) {
            beginInsertRows({}, first, last);
            apply();
            endInsertRows();
        });

    const int lastRow = rowCount() - 1;
    const int lastColumn = columnCount() - 1;
    for (const auto &[first, last] : changedRanges(changedRows, rowCount()))
        Q_EMIT dataChanged(index(first, 0), index(last, lastColumn));
    for (const int b : changedBrokers) {
        const int column = FirstBrokerColumn + b;
        Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
        if (lastRow >= 0)
            Q_EMIT dataChanged(index(0, column), index(lastRow, column));
    }
    // The headers count each broker's leaders.
    const QHash<int, int> counts = countLeaders();
    if (counts != m_leaders) {
        m_leaders = counts;
        if (!m_brokers.isEmpty())
            Q_EMIT headerDataChanged(Qt::Horizontal, FirstBrokerColumn, lastColumn);
    }
    if (!m_changedCells.isEmpty())
        Q_EMIT cellKindsChanged(m_changedCells);
}

int ClusterPartitionMapModel::rowOf(const QString &topic, int partition) const
{
    Row key;
    key.topic = topic;
    key.partition.id = partition;
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), key, &ClusterPartitionMapModel::rowLess);
    if (it == m_rows.cend() || it->topic != topic || it->partition.id != partition)
        return -1;
    return static_cast<int>(it - m_rows.cbegin());
}

int ClusterPartitionMapModel::columnOf(int brokerId) const
{
    const auto it = std::lower_bound(m_brokers.cbegin(), m_brokers.cend(), brokerId,
                                     [](const BrokerState &b, int id) { return b.id < id; });
    if (it == m_brokers.cend() || it->id != brokerId)
        return -1;
    return FirstBrokerColumn + static_cast<int>(it - m_brokers.cbegin());
}

PartitionMapModel::ReplicaCell ClusterPartitionMapModel::cellKind(int row, int column) const
{
    const int b = column - FirstBrokerColumn;
    if (row < 0 || row >= m_rows.size() || b < 0 || b >= m_brokers.size())
        return PartitionMapModel::None;
    const BrokerState &broker = m_brokers.at(b);
    return PartitionMapModel::kindOf(m_rows.at(row).partition, broker.id, &broker);
}

int ClusterPartitionMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ClusterPartitionMapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstBrokerColumn + static_cast<int>(m_brokers.size());
}

QVariant ClusterPartitionMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    const PartitionState &p = r.partition;
    switch (role) {
    case TopicNameRole:
        return r.topic;
    case PartitionIdRole:
        return p.id;
    case InternalRole:
        return r.internal;
    case ProblemRole:
        return r.isProblem();
    default:
        break;
    }
    if (index.column() == TopicColumn) {
        switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
            return r.topic;
        default:
            return {};
        }
    }
    if (index.column() == PartitionColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return p.id;
        case Qt::ToolTipRole:
            return PartitionMapModel::partitionToolTip(p);
        case Qt::DecorationRole:
            return r.isProblem() ? QVariant(partitionmap::warningIcon(p.isOffline())) : QVariant();
        case Qt::TextAlignmentRole:
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        default:
            return {};
        }
    }
    const BrokerState &b = m_brokers.at(index.column() - FirstBrokerColumn);
    const ReplicaCell kind = PartitionMapModel::kindOf(p, b.id, &b);
    switch (role) {
    case Qt::DisplayRole:
        return PartitionMapModel::symbol(kind);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return QString(QStringLiteral("“") + r.topic + QStringLiteral("”: ") +
                       PartitionMapModel::cellToolTip(p, b.id, kind));
    case Qt::BackgroundRole:
        return kind == PartitionMapModel::None ? QVariant() : QVariant(QBrush(PartitionMapModel::background(kind)));
    case Qt::ForegroundRole:
        return kind == PartitionMapModel::None ? QVariant() : QVariant(QBrush(PartitionMapModel::foreground(kind)));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    case CellKindRole:
        return static_cast<int>(kind);
    case BrokerIdRole:
        return b.id;
    default:
        return {};
    }
}

QVariant ClusterPartitionMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (section == TopicColumn || section == PartitionColumn) {
        if (role == Qt::DisplayRole)
            return section == TopicColumn ? tr("Topic") : tr("Partition");
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::Alignment((section == TopicColumn ? Qt::AlignLeft : Qt::AlignRight) |
                                                     Qt::AlignVCenter));
        return {};
    }
    const BrokerState &b = m_brokers.at(section - FirstBrokerColumn);
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = b.alive ? tr("Broker %1").arg(b.id) : tr("Broker %1 (down)").arg(b.id);
        return QString(name + QLatin1Char('\n') + leaders(m_leaders.value(b.id)));
    }
    case Qt::ToolTipRole:
        return PartitionMapModel::brokerHeaderToolTip(b);
    case Qt::DecorationRole:
        return partitionmap::stateDot(b.alive);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    case BrokerIdRole:
        return b.id;
    default:
        return {};
    }
}

} // namespace kafdesk
