#include "models/partitionmapbrokermodel.h"

#include "models/partitionmapsupport.h"

#include <QBrush>
#include <QHash>

#include <algorithm>

namespace kafdesk {

namespace {

int mostReplicas(const QList<PartitionMapBrokerModel::Column> &columns)
{
    qsizetype most = 0;
    for (const auto &c : columns)
        most = std::max(most, c.replicas.size());
    return static_cast<int>(most);
}

} // namespace

int PartitionMapBrokerModel::Column::leaderCount() const
{
    return static_cast<int>(std::count_if(replicas.cbegin(), replicas.cend(),
                                          [](const Replica &r) { return r.kind == PartitionMapModel::Leader; }));
}

PartitionMapBrokerModel::PartitionMapBrokerModel(QObject *parent) : QAbstractTableModel(parent) {}

void PartitionMapBrokerModel::setTopic(const QString &topic)
{
    if (topic == m_topic)
        return;
    beginResetModel();
    m_topic = topic;
    m_columns = build();
    m_rowCount = mostReplicas(m_columns);
    endResetModel();
}

void PartitionMapBrokerModel::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    load(build());
}

void PartitionMapBrokerModel::clear()
{
    beginResetModel();
    m_snapshot.reset();
    m_columns.clear();
    m_rowCount = 0;
    endResetModel();
}

QList<PartitionMapBrokerModel::Column> PartitionMapBrokerModel::build() const
{
    const auto [brokers, partitions] = partitionmap::columnsAndRows(m_snapshot.get(), m_topic);
    QList<Column> columns;
    columns.reserve(brokers.size());
    for (const BrokerState &b : brokers) {
        Column c{b.id, b, {}};
        for (const PartitionState &p : partitions)
            if (p.replicas.contains(b.id))
                c.replicas << Replica{p, PartitionMapModel::kindOf(p, b.id, &b)};
        columns << c;
    }
    return columns;
}

// Rows grow before the columns merge and shrink after it, so that every cell a view may ask
// about during the merge exists; columns that changed in place report the rows that differ.
void PartitionMapBrokerModel::load(const QList<Column> &target)
{
    QHash<int, Column> before;
    for (const Column &c : std::as_const(m_columns))
        before.insert(c.id, c);

    const int rows = mostReplicas(target);
    if (rows > m_rowCount) {
        beginInsertRows({}, m_rowCount, rows - 1);
        m_rowCount = rows;
        endInsertRows();
    }
    const QList<int> changedColumns = partitionmap::mergeById(
        m_columns, target,
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
    if (rows < m_rowCount) {
        beginRemoveRows({}, rows, m_rowCount - 1);
        m_rowCount = rows;
        endRemoveRows();
    }

    for (const int column : changedColumns) {
        Q_EMIT headerDataChanged(Qt::Horizontal, column, column);
        const QList<Replica> &now = m_columns.at(column).replicas;
        const QList<Replica> was = before.value(m_columns.at(column).id).replicas;
        int first = -1;
        int last = -1;
        for (int row = 0; row < m_rowCount; ++row) {
            const bool inNow = row < now.size();
            const bool inWas = row < was.size();
            if (inNow != inWas || (inNow && !(now.at(row) == was.at(row)))) {
                if (first < 0)
                    first = row;
                last = row;
            }
        }
        if (first >= 0)
            Q_EMIT dataChanged(index(first, column), index(last, column));
    }
}

const PartitionMapBrokerModel::Replica *PartitionMapBrokerModel::replicaAt(int row, int column) const
{
    if (column < 0 || column >= m_columns.size())
        return nullptr;
    const QList<Replica> &replicas = m_columns.at(column).replicas;
    return row >= 0 && row < replicas.size() ? &replicas.at(row) : nullptr;
}

int PartitionMapBrokerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int PartitionMapBrokerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QVariant PartitionMapBrokerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Column &c = m_columns.at(index.column());
    const Replica *r = replicaAt(index.row(), index.column());
    if (role == PartitionMapModel::BrokerIdRole)
        return c.id;
    if (role == PartitionMapModel::CellKindRole)
        return static_cast<int>(r ? r->kind : PartitionMapModel::None);
    if (!r)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return tr("p%1 %2").arg(r->partition.id).arg(PartitionMapModel::symbol(r->kind));
    case Qt::ToolTipRole:
    case Qt::AccessibleTextRole:
        return PartitionMapModel::cellToolTip(r->partition, c.id, r->kind);
    case Qt::BackgroundRole:
        return QBrush(PartitionMapModel::background(r->kind));
    case Qt::ForegroundRole:
        return QBrush(PartitionMapModel::foreground(r->kind));
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    case PartitionMapModel::PartitionIdRole:
        return r->partition.id;
    default:
        return {};
    }
}

QVariant PartitionMapBrokerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return {};
    const Column &c = m_columns.at(section);
    switch (role) {
    case Qt::DisplayRole: {
        const QString name = c.broker.alive ? tr("Broker %1").arg(c.id) : tr("Broker %1 (down)").arg(c.id);
        const int replicas = static_cast<int>(c.replicas.size());
        const int leaders = c.leaderCount();
        // No translator is loaded, so English plurals are spelled out rather than left to %n.
        const QString stored = replicas == 1 ? tr("1 replica") : tr("%1 replicas").arg(replicas);
        const QString leading = leaders == 1 ? tr("1 leader") : tr("%1 leaders").arg(leaders);
        return QString(name + QLatin1Char('\n') + stored + QStringLiteral(" · ") + leading);
    }
    case Qt::ToolTipRole:
        return PartitionMapModel::brokerHeaderToolTip(c.broker);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignCenter));
    case PartitionMapModel::BrokerIdRole:
        return c.id;
    default:
        return {};
    }
}

} // namespace kafdesk
