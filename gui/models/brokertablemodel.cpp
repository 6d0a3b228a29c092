#include "models/brokertablemodel.h"

#include "models/partitionmapsupport.h"

#include <QColor>

#include <algorithm>

namespace kafdesk {

BrokerTableModel::BrokerTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void BrokerTableModel::setExpectedBrokers(const QList<BrokerInfo> &brokers)
{
    QList<Row> target = m_rows;
    for (const BrokerInfo &b : brokers) {
        auto it = std::find_if(target.begin(), target.end(), [&](const Row &r) { return r.id == b.id; });
        if (it == target.end())
            target << Row{b.id, b.address(), false};
        else
            it->address = b.address();
    }
    merge(std::move(target));
}

void BrokerTableModel::applySnapshot(const MetadataSnapshot &snapshot)
{
    QList<Row> target = m_rows;
    for (Row &r : target)
        r.alive = false;
    for (const BrokerInfo &b : snapshot.brokers) {
        auto it = std::find_if(target.begin(), target.end(), [&](const Row &r) { return r.id == b.id; });
        if (it == target.end())
            target << Row{b.id, b.address(), true};
        else
            *it = Row{b.id, b.address(), true};
    }
    merge(std::move(target));
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
    endResetModel();
}

// A sorted merge: rows that went away are removed, new ones inserted and changed ones updated
// in place, each with the precise signal, so views keep selection and scroll position.
void BrokerTableModel::merge(QList<Row> target)
{
    std::sort(target.begin(), target.end(), [](const Row &a, const Row &b) { return a.id < b.id; });
    int row = 0;
    for (const Row &wanted : std::as_const(target)) {
        while (row < m_rows.size() && m_rows[row].id < wanted.id) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            endRemoveRows();
        }
        if (row < m_rows.size() && m_rows[row].id == wanted.id) {
            if (!(m_rows[row] == wanted)) {
                m_rows[row] = wanted;
                Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
        } else {
            beginInsertRows({}, row, row);
            m_rows.insert(row, wanted);
            endInsertRows();
        }
        ++row;
    }
    if (row < m_rows.size()) {
        beginRemoveRows({}, row, static_cast<int>(m_rows.size()) - 1);
        m_rows.remove(row, m_rows.size() - row);
        endRemoveRows();
    }
}

int BrokerTableModel::aliveCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return r.alive; }));
}

int BrokerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BrokerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BrokerTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == AliveRole)
        return r.alive;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return r.id;
        case AddressColumn:
            return r.address;
        case StateColumn:
            return r.alive ? tr("alive") : tr("down");
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == StateColumn)
        return partitionmap::stateDot(r.alive);
    if (role == Qt::TextAlignmentRole && index.column() == IdColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == StateColumn)
        return r.alive ? tr("The broker is registered with the controller and answers metadata requests.")
                       : tr("The broker is not in the cluster's metadata: stopped, killed, hung or fenced.");
    return {};
}

QVariant BrokerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("ID");
    case AddressColumn:
        return tr("Host:port");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

} // namespace kafdesk
