#include "models/partitionmapmodel.h"

#include "models/partitionmapsupport.h"

#include <QBrush>
#include <QHash>

#include <algorithm>

namespace kafdesk {

namespace {

QString idList(const QList<int> &ids)
{
    QStringList parts;
    for (const int id : ids)
        parts << QString::number(id);
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

PartitionMapModel::PartitionMapModel(QObject *parent) : QAbstractTableModel(parent) {}

void PartitionMapModel::setTopic(const QString &topic)
{
    if (topic == m_topic)
        return;
    beginResetModel();
    m_topic = topic;
    auto [brokers, partitions] = partitionmap::columnsAndRows(m_snapshot.get(), m_topic);
    m_brokers = std::move(brokers);
    m_partitions = std::move(partitions);
    m_changedCells.clear();
    endResetModel();
}

void PartitionMapModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    auto [brokers, partitions] = partitionmap::columnsAndRows(m_snapshot.get(), m_topic);
    load(std::move(brokers), std::move(partitions));
}

void PartitionMapModel::clear()
{
    beginResetModel();
    m_snapshot.reset();
    m_brokers.clear();
    m_partitions.clear();
    m_changedCells.clear();
    endResetModel();
}

bool PartitionMapModel::topicFound() const
{
    return m_snapshot && !m_topic.isEmpty() && m_snapshot->topic(m_topic) != nullptr;
}

// Merges columns first, then rows, then tells views which cells changed in place; the lists that
// were replaced stay alive (implicitly shared) to compare each cell's old kind with its new one.
void PartitionMapModel::load(QList<BrokerState> brokers, QList<PartitionState> partitions)
{
    const QList<BrokerState> oldBrokers = m_brokers;
    const QList<PartitionState> oldPartitions = m_partitions;

    const QList<int> changedColumns = partitionmap::mergeById(
        m_brokers, brokers,
        [this](int first, int last, const auto &apply) {
            beginRemoveColumns({}, first, last);
            apply();
            endRemoveColumns();
        },
        [this](int at, const auto &apply) {
            beginInsertColumns({}, at, at);
            apply();
            endInsertColumns();
        });
    const QList<int> changedRows = partitionmap::mergeById(
        m_partitions, partitions,
        [this](int first, int last, const auto &apply) {
            beginRemoveRows({}, first, last);
            apply();
            endRemoveRows();
        },
        [this](int at, const auto &apply) {
            beginInsertRows({}, at, at);
            apply();
            endInsertRows();
        });

    const int lastRow = rowCount() - 1;
    const int lastColumn = columnCount() - 1;
    for (const int column : changedColumns) {
        Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
        if (lastRow >= 0)
            Q_EMIT dataChanged(index(0, column), index(lastRow, column));
    }
    for (const auto &[first, last] : partitionmap::runs(changedRows)) {
        Q_EMIT headerDataChanged(Qt::Vertical, first, last);
        if (lastColumn >= 0)
            Q_EMIT dataChanged(index(first, 0), index(last, lastColumn));
    }

    m_changedCells.clear();
    if (oldPartitions.isEmpty())
        return; // the topic's first picture: nothing to compare with
    QHash<int, const PartitionState *> oldById;
    for (const PartitionState &p : oldPartitions)
        oldById.insert(p.id, &p);
    QHash<int, const BrokerState *> oldBrokerById;
    for (const BrokerState &b : oldBrokers)
        oldBrokerById.insert(b.id, &b);
    for (const PartitionState &p : std::as_const(m_partitions)) {
        const PartitionState *before = oldById.value(p.id);
        for (const BrokerState &b : std::as_const(m_brokers)) {
            const BrokerState *beforeBroker = oldBrokerById.value(b.id);
            const ReplicaCell was = before && beforeBroker ? kindOf(*before, b.id, beforeBroker) : None;
            const ReplicaCell now = kindOf(p, b.id, &b);
            if (was != now)
                m_changedCells << CellChange{p.id, b.id, was, now};
        }
    }
    if (!m_changedCells.isEmpty())
        Q_EMIT cellKindsChanged(m_changedCells);
}

PartitionMapModel::ReplicaCell PartitionMapModel::cellKind(int row, int column) const
{
    if (row < 0 || row >= m_partitions.size() || column < 0 || column >= m_brokers.size())
        return None;
    const BrokerState &b = m_brokers.at(column);
    return kindOf(m_partitions.at(row), b.id, &b);
}

PartitionMapModel::ReplicaCell PartitionMapModel::kindOf(const PartitionState &partition, int brokerId,
                                                         const BrokerState *broker)
{
    if (!partition.replicas.contains(brokerId))
        return None;
    if (!broker || !broker->alive || partition.offlineReplicas.contains(brokerId))
        return OnDownBroker;
    if (partition.leader < 0)
        return OfflineLeaderless;
    if (partition.leader == brokerId)
        return Leader;
    return partition.isr.contains(brokerId) ? InSyncFollower : OutOfSyncFollower;
}

QString PartitionMapModel::cellToolTip(const PartitionState &partition, int brokerId, ReplicaCell kind)
{
    switch (kind) {
    case None:
        return tr("Broker %1 holds no replica of partition %2").arg(brokerId).arg(partition.id);
    case Leader:
        return tr("Broker %1 leads partition %2 (in-sync replicas %3)")
            .arg(brokerId)
            .arg(partition.id)
            .arg(idList(partition.isr));
    case InSyncFollower:
        return tr("Broker %1 follows broker %2, the leader of partition %3, and is in sync")
            .arg(brokerId)
            .arg(partition.leader)
            .arg(partition.id);
    case OutOfSyncFollower:
        return tr("Broker %1 holds a replica of partition %2 but is out of sync: not in the ISR %3")
            .arg(brokerId)
            .arg(partition.id)
            .arg(idList(partition.isr));
    case OnDownBroker:
        return tr("Broker %1 holds a replica of partition %2 but is down").arg(brokerId).arg(partition.id);
    case OfflineLeaderless:
        return tr("Partition %1 has no leader, so it is offline; broker %2 holds a replica of it")
            .arg(partition.id)
            .arg(brokerId);
    }
    return {};
}

QString PartitionMapModel::partitionToolTip(const PartitionState &p)
{
    QString tip = p.isOffline() ? tr("Partition %1 has no leader: replicas %2, in sync %3")
                                      .arg(p.id)
                                      .arg(idList(p.replicas), idList(p.isr))
                                : tr("Partition %1: leader broker %2, replicas %3, in sync %4")
                                      .arg(p.id)
                                      .arg(p.leader)
                                      .arg(idList(p.replicas), idList(p.isr));
    if (!p.error.isEmpty())
        tip += QLatin1Char('\n') + tr("Error: %1").arg(p.error);
    return tip;
}

QString PartitionMapModel::symbol(ReplicaCell kind)
{
    switch (kind) {
    case None:
        return {};
    case Leader:
        return QStringLiteral("★");
    case InSyncFollower:
        return QStringLiteral("●");
    case OutOfSyncFollower:
        return QStringLiteral("○");
    case OnDownBroker:
        return QStringLiteral("✕");
    case OfflineLeaderless:
        return QStringLiteral("⊘");
    }
    return {};
}

QString PartitionMapModel::shortMeaning(ReplicaCell kind)
{
    switch (kind) {
    case None:
        return tr("No replica");
    case Leader:
        return tr("Leader");
    case InSyncFollower:
        return tr("In-sync follower");
    case OutOfSyncFollower:
        return tr("Out of sync");
    case OnDownBroker:
        return tr("Broker down");
    case OfflineLeaderless:
        return tr("No leader");
    }
    return {};
}

QString PartitionMapModel::meaning(ReplicaCell kind)
{
    switch (kind) {
    case None:
        return tr("The broker holds no replica of the partition.");
    case Leader:
        return tr("The leader: producers write to it and consumers read from it.");
    case InSyncFollower:
        return tr("A follower in the ISR (in-sync replicas): it has everything the leader has and can take over.");
    case OutOfSyncFollower:
        return tr("A follower that fell behind and left the ISR: it cannot become leader until it catches up.");
    case OnDownBroker:
        return tr("A replica on a broker that is down: it holds data but serves nobody.");
    case OfflineLeaderless:
        return tr("The partition has no leader, so it is offline: nobody can write to it or read from it.");
    }
    return {};
}

QColor PartitionMapModel::background(ReplicaCell kind)
{
    switch (kind) {
    case None:
        return {};
    case Leader:
        return QColor(0x2e, 0x85, 0x40);
    case InSyncFollower:
        return QColor(0x8f, 0xd1, 0x9e);
    case OutOfSyncFollower:
        return QColor(0xf2, 0xc1, 0x4e);
    case OnDownBroker:
        return QColor(0xd6, 0x45, 0x41);
    case OfflineLeaderless:
        return QColor(0x7e, 0x57, 0xc2);
    }
    return {};
}

QColor PartitionMapModel::foreground(ReplicaCell kind)
{
    switch (kind) {
    case None:
        return {};
    case InSyncFollower:
        return QColor(0x10, 0x36, 0x1b);
    case OutOfSyncFollower:
        return QColor(0x3b, 0x2a, 0x00);
    case Leader:
    case OnDownBroker:
    case OfflineLeaderless:
        return QColor(Qt::white);
    }
    return {};
}

QString PartitionMapModel::brokerHeader(const BrokerState &broker)
{
    return broker.alive ? tr("Broker %1").arg(broker.id) : tr("Broker %1\n(down)").arg(broker.id);
}

QString PartitionMapModel::brokerHeaderToolTip(const BrokerState &broker)
{
    if (broker.host.isEmpty())
        return broker.alive ? tr("Broker %1 is alive").arg(broker.id)
                            : tr("Broker %1 is down (its address is not known)").arg(broker.id);
    return broker.alive ? tr("Broker %1 at %2 is alive").arg(broker.id).arg(broker.address())
                        : tr("Broker %1 at %2 is down").arg(broker.id).arg(broker.address());
}

int PartitionMapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_partitions.size());
}

int PartitionMapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_brokers.size());
}

QVariant PartitionMapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PartitionState &p = m_partitions.at(index.row());
    const BrokerState &b = m_brokers.at(index.column());
    const ReplicaCell kind = kindOf(p, b.id, &b);
    switch (role) {
    case Qt::DisplayRole:
        return symbol(kind);
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return cellToolTip(p, b.id, kind);
    case Qt::BackgroundRole:
        return kind == None ? QVariant() : QVariant(QBrush(background(kind)));
    case Qt::ForegroundRole:
        return kind == None ? QVariant() : QVariant(QBrush(foreground(kind)));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    case CellKindRole:
        return static_cast<int>(kind);
    case PartitionIdRole:
        return p.id;
    case BrokerIdRole:
        return b.id;
    default:
        return {};
    }
}

QVariant PartitionMapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_brokers.size())
            return {};
        const BrokerState &b = m_brokers.at(section);
        switch (role) {
        case Qt::DisplayRole:
            return brokerHeader(b);
        case Qt::ToolTipRole:
            return brokerHeaderToolTip(b);
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
    if (section < 0 || section >= m_partitions.size())
        return {};
    const PartitionState &p = m_partitions.at(section);
    switch (role) {
    case Qt::DisplayRole:
        return tr("Partition %1").arg(p.id);
    case Qt::ToolTipRole:
        return partitionToolTip(p);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case PartitionIdRole:
        return p.id;
    default:
        return {};
    }
}

} // namespace kafdesk
