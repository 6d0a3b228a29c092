#include "models/brokertablemodel.h"

#include "models/partitionmapsupport.h"
#include "models/sortedmerge.h"

#include <QMap>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr auto byId = [](const BrokerTableModel::Row &a, const BrokerTableModel::Row &b) { return a.id < b.id; };

} // namespace

BrokerTableModel::BrokerTableModel(QObject *parent) : MergingTableModel(parent) {}

QList<BrokerTableModel::Row> BrokerTableModel::rowsOf(const ClusterSnapshot &snapshot)
{
    QMap<int, Row> rows; // by id
    for (const BrokerState &b : snapshot.brokers)
        rows.insert(b.id, Row{b.id, b.host.isEmpty() ? QString() : b.address(), b.alive, 0, 0});
    for (const TopicState &t : snapshot.topics) {
        for (const PartitionState &p : t.partitions) {
            for (const int replica : p.replicas) {
                auto it = rows.find(replica);
                if (it == rows.end()) // only seen as a replica: a broker that is not there
                    it = rows.insert(replica, Row{replica, {}, false, 0, 0});
                ++it->replicas;
            }
            if (p.leader >= 0) {
                auto it = rows.find(p.leader);
                if (it == rows.end())
                    it = rows.insert(p.leader, Row{p.leader, {}, false, 0, 0});
                ++it->leaders;
            }
        }
    }
    return rows.values();
}

void BrokerTableModel::applySnapshot(const ClusterSnapshot &snapshot)
{
    QList<Row> target = rowsOf(snapshot);
    for (const BrokerInfo &b : std::as_const(m_expected)) {
        const auto it = std::lower_bound(target.begin(), target.end(), Row{b.id, {}, false, 0, 0}, byId);
        if (it == target.end() || it->id != b.id)
            target.insert(it, Row{b.id, b.address(), false, 0, 0});
        else if (it->address.isEmpty())
            it->address = b.address();
    }
    merge(std::move(target));
}

void BrokerTableModel::applySnapshot(const ClusterSnapshotPtr &snapshot)
{
    applySnapshot(snapshot ? *snapshot : ClusterSnapshot{});
}

void BrokerTableModel::setExpectedBrokers(const QList<BrokerInfo> &brokers)
{
    m_expected = brokers;
    QList<Row> target = m_rows;
    for (const BrokerInfo &b : brokers) {
        const auto it = std::lower_bound(target.begin(), target.end(), Row{b.id, {}, false, 0, 0}, byId);
        if (it == target.end() || it->id != b.id)
            target.insert(it, Row{b.id, b.address(), false, 0, 0});
        else
            it->address = b.address();
    }
    merge(std::move(target));
}

void BrokerTableModel::applySnapshot(const MetadataSnapshot &snapshot)
{
    m_fromMetadata = ClusterSnapshot::fromMetadata(snapshot, &m_fromMetadata);
    applySnapshot(m_fromMetadata);
}

void BrokerTableModel::markAllDown()
{
    QList<Row> target = m_rows;
    for (Row &r : target)
        r.alive = false;
    merge(std::move(target));
}

void BrokerTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_expected.clear();
    m_fromMetadata = {};
    endResetModel();
}

void BrokerTableModel::merge(QList<Row> target)
{
    mergeRows(m_rows, std::move(target), byId, ColumnCount);
}

int BrokerTableModel::aliveCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.alive; }));
}

int BrokerTableModel::rowOf(int brokerId) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), Row{brokerId, {}, false, 0, 0}, byId);
    return it != m_rows.cend() && it->id == brokerId ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

int BrokerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BrokerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BrokerTableModel::toolTip(const Row &r, int column) const
{
    switch (column) {
    case StateColumn:
        return r.alive ? tr("The broker is registered with the controller and answers metadata requests.")
                       : tr("The broker is not in the cluster's metadata: stopped, killed, hung or fenced.");
    // No translator is loaded, so English plurals are spelled out rather than left to %n.
    case LeadersColumn:
        if (r.leaders == 1)
            return tr("Broker %1 leads 1 partition: its producers and consumers talk to this broker.").arg(r.id);
        return tr("Broker %1 leads %2 partitions: producers and consumers of those talk to it.")
            .arg(r.id)
            .arg(r.leaders);
    case ReplicasColumn:
        if (r.replicas == 1)
            return tr("Broker %1 stores a replica of 1 partition.").arg(r.id);
        return tr("Broker %1 stores a replica of %2 partitions, the ones it leads included.")
            .arg(r.id)
            .arg(r.replicas);
    case AddressColumn:
        return r.address.isEmpty() ? tr("The cluster's metadata never gave this broker's address: it only shows "
                                        "up as a replica.")
                                   : QString();
    default:
        return {};
    }
}

QVariant BrokerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case AliveRole:
        return r.alive;
    case BrokerIdRole:
        return r.id;
    case Qt::DisplayRole:
        switch (index.column()) {
        case IdColumn:
            return r.id;
        case AddressColumn:
            return r.address.isEmpty() ? tr("(unknown)") : r.address;
        case StateColumn:
            return r.alive ? tr("alive") : tr("down");
        case LeadersColumn:
            return r.leaders;
        case ReplicasColumn:
            return r.replicas;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return partitionmap::stateDot(r.alive);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == IdColumn || index.column() == LeadersColumn || index.column() == ReplicasColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        const QString tip = toolTip(r, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    default:
        return {};
    }
}

QVariant BrokerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == AddressColumn || section == StateColumn
                   ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("ID");
    case AddressColumn:
        return tr("Host:port");
    case StateColumn:
        return tr("State");
    case LeadersColumn:
        return tr("Leaders");
    case ReplicasColumn:
        return tr("Replicas");
    default:
        return {};
    }
}

} // namespace kafdesk
