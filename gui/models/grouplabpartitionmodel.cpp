#include "models/grouplabpartitionmodel.h"

#include "models/grouplabcolors.h"

#include <QLocale>

namespace kafdesk {

GroupLabPartitionModel::GroupLabPartitionModel(QObject *parent) : QAbstractListModel(parent) {}

void GroupLabPartitionModel::setState(const LabState &state)
{
    int count = std::max(state.partitionCount, 0);
    const QMap<int, int> owners = state.owners();
    if (!owners.isEmpty())
        count = std::max(count, owners.lastKey() + 1);
    QList<Cell> cells(count);
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (it.key() < 0)
            continue;
        const LabMember *m = state.member(it.value());
        Cell &cell = cells[it.key()];
        cell.owner = it.value();
        cell.name = m ? m->clientId : QString();
        cell.crashed = m && m->state == LabMember::State::Crashed;
    }
    for (const LabMember &m : state.members)
        for (auto it = m.consumed.cbegin(); it != m.consumed.cend(); ++it)
            if (it.key() >= 0 && it.key() < count)
                cells[it.key()].consumed += it.value();

    const int old = static_cast<int>(m_cells.size());
    if (count < old) {
        beginRemoveRows({}, count, old - 1);
        m_cells.resize(count);
        endRemoveRows();
    }
    for (int row = 0; row < std::min(count, old); ++row) {
        if (!(m_cells[row] == cells[row])) {
            m_cells[row] = cells[row];
            Q_EMIT dataChanged(index(row), index(row));
        }
    }
    if (count > old) {
        beginInsertRows({}, old, count - 1);
        m_cells = cells;
        endInsertRows();
    }
}

void GroupLabPartitionModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_cells.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

QString GroupLabPartitionModel::ownerName(int partition) const
{
    return partition >= 0 && partition < m_cells.size() ? m_cells[partition].name : QString();
}

int GroupLabPartitionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_cells.size());
}

QVariant GroupLabPartitionModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_cells.size())
        return {};
    const Cell &cell = m_cells[index.row()];
    switch (role) {
    case Qt::DisplayRole: {
        const QString owner = cell.owner == 0 ? tr("not read") : cell.crashed ? tr("%1 (crashed)").arg(cell.name) : cell.name;
        return tr("Partition %1\n%2").arg(index.row()).arg(owner);
    }
    case Qt::ToolTipRole: {
        const QString read = tr("%1 messages read by the lab", nullptr, static_cast<int>(cell.consumed))
                                 .arg(QLocale().toString(cell.consumed));
        if (cell.owner == 0)
            return tr("Partition %1: no member of the group reads it.\n%2").arg(index.row()).arg(read);
        if (cell.crashed)
            return tr("Partition %1 still belongs to %2, which crashed: nobody reads it until the group notices "
                      "(after the session timeout) and gives it to another member.\n%3")
                .arg(index.row())
                .arg(cell.name, read);
        return tr("Partition %1 is read by %2 and by no other member of the group.\n%3")
            .arg(index.row())
            .arg(cell.name, read);
    }
    case Qt::BackgroundRole:
        if (cell.owner == 0)
            return m_palette.color(QPalette::Base);
        return grouplabcolors::memberBackground(cell.owner, m_palette);
    case Qt::ForegroundRole:
        if (cell.owner == 0)
            return m_palette.color(QPalette::PlaceholderText);
        return grouplabcolors::textOn(grouplabcolors::memberBackground(cell.owner, m_palette));
    case PartitionRole:
        return index.row();
    case OwnerIdRole:
        return cell.owner;
    case OwnerNameRole:
        return cell.name;
    case OwnerCrashedRole:
        return cell.crashed;
    default:
        return {};
    }
}

} // namespace kafdesk
