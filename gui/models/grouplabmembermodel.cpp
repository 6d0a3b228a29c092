#include "models/grouplabmembermodel.h"

#include "models/grouplabcolors.h"

#include <QLocale>
#include <QPixmap>

namespace kafdesk {

GroupLabMemberModel::GroupLabMemberModel(QObject *parent) : MergingTableModel(parent) {}

void GroupLabMemberModel::setMembers(const QList<LabMember> &members)
{
    mergeRows(m_rows, members, [](const LabMember &a, const LabMember &b) { return a.id < b.id; }, ColumnCount);
}

void GroupLabMemberModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::DecorationRole});
}

int GroupLabMemberModel::rowOf(int memberId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].id == memberId)
            return row;
    return -1;
}

int GroupLabMemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int GroupLabMemberModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString GroupLabMemberModel::stateText(const LabMember &member) const
{
    // A symbol as well as a word: state never rests on colour alone.
    switch (member.state) {
    case LabMember::State::Joining:
        return tr("\u2026 Joining");
    case LabMember::State::Rebalancing:
        return tr("\u21bb Rebalancing");
    case LabMember::State::Assigned:
        return tr("\u25cf Reading");
    case LabMember::State::Idle:
        return tr("\u25cb Idle");
    case LabMember::State::Leaving:
        return tr("\u2190 Leaving");
    case LabMember::State::Crashed:
        return tr("\u2715 Crashed");
    case LabMember::State::Failed:
        break;
    }
    return tr("\u26a0 Failed");
}

QString GroupLabMemberModel::stateToolTip(const LabMember &member) const
{
    switch (member.state) {
    case LabMember::State::Joining:
        return tr("Asked the group coordinator to join; waiting for its share of the partitions.");
    case LabMember::State::Rebalancing:
        return tr("Gave its partitions back for a rebalance and waits for the new assignment.");
    case LabMember::State::Assigned:
        return tr("Owns the partitions listed and is the only member of the group reading them.");
    case LabMember::State::Idle:
        return tr("In the group but owns no partition: the group has more members than the topic has partitions. "
                  "It takes over if a member leaves.");
    case LabMember::State::Leaving:
        return tr("Closing: gives its partitions back, commits its offsets and leaves the group.");
    case LabMember::State::Crashed:
        return tr("Stopped without leaving. The group keeps it, and nobody reads its partitions, until its "
                  "session times out.");
    case LabMember::State::Failed:
        break;
    }
    return member.problem;
}

QVariant GroupLabMemberModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LabMember &m = m_rows[index.row()];
    if (role == MemberIdRole)
        return m.id;
    if (role == StateRole)
        return static_cast<int>(m.state);
    const QLocale locale;
    switch (index.column()) {
    case MemberColumn:
        if (role == Qt::DisplayRole)
            return m.clientId;
        if (role == Qt::DecorationRole) {
            QPixmap swatch(12, 12);
            swatch.fill(grouplabcolors::memberBackground(m.id, m_palette));
            return swatch;
        }
        if (role == Qt::ToolTipRole)
            return m.memberId.isEmpty() ? tr("Not in the group yet") : tr("Member id: %1").arg(m.memberId);
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return stateText(m);
        if (role == Qt::ToolTipRole)
            return m.problem.isEmpty() ? stateToolTip(m) : stateToolTip(m) + QLatin1Char('\n') + m.problem;
        if (role == Qt::ForegroundRole && (m.state == LabMember::State::Idle || m.state == LabMember::State::Leaving))
            return m_palette.color(QPalette::PlaceholderText);
        break;
    case PartitionsColumn:
        if (role == Qt::DisplayRole) {
            if (!m.problem.isEmpty() && m.partitions.isEmpty())
                return m.problem;
            return m.partitions.isEmpty() ? tr("none") : partitionListText(m.partitions);
        }
        if (role == Qt::ToolTipRole && !m.problem.isEmpty())
            return m.problem;
        break;
    case ConsumedColumn:
        if (role == Qt::DisplayRole)
            return locale.toString(m.totalConsumed());
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (role == Qt::ToolTipRole && !m.consumed.isEmpty()) {
            QStringList lines;
            for (auto it = m.consumed.cbegin(); it != m.consumed.cend(); ++it)
                lines << tr("Partition %1: %2").arg(it.key()).arg(locale.toString(it.value()));
            return lines.join(QLatin1Char('\n'));
        }
        break;
    case RebalanceColumn:
        if (role == Qt::DisplayRole)
            return m.lastRebalance.isValid() ? m.lastRebalance.toString(QStringLiteral("HH:mm:ss")) : QString();
        break;
    default:
        break;
    }
    return {};
}

QVariant GroupLabMemberModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case MemberColumn:
        return tr("Member (client id)");
    case StateColumn:
        return tr("State");
    case PartitionsColumn:
        return tr("Partitions owned");
    case ConsumedColumn:
        return tr("Messages read");
    case RebalanceColumn:
        return tr("Last rebalance");
    default:
        return {};
    }
}

} // namespace kafdesk
