#include "models/groupmembermodel.h"

#include <QMap>
#include <QPalette>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr auto byMember = [](const GroupMember &a, const GroupMember &b) { return a.memberId < b.memberId; };

} // namespace

GroupMemberModel::GroupMemberModel(QObject *parent) : MergingTableModel(parent) {}

void GroupMemberModel::setMembers(QList<GroupMember> members)
{
    mergeRows(m_rows, std::move(members), byMember, ColumnCount);
}

void GroupMemberModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int GroupMemberModel::rowOf(const QString &memberId) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), memberId,
                                     [](const GroupMember &m, const QString &key) { return m.memberId < key; });
    return it != m_rows.cend() && it->memberId == memberId ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

QString GroupMemberModel::assignmentText(const QList<QPair<QString, int>> &assignment)
{
    QMap<QString, QList<int>> byTopic;
    for (const auto &[topic, partition] : assignment)
        byTopic[topic] << partition;
    QStringList parts;
    for (auto it = byTopic.begin(); it != byTopic.end(); ++it) {
        std::sort(it.value().begin(), it.value().end());
        QStringList numbers;
        for (const int p : std::as_const(it.value()))
            numbers << QString::number(p);
        parts << QStringLiteral("%1: %2").arg(it.key(), numbers.join(QStringLiteral(", ")));
    }
    return parts.join(QStringLiteral("; "));
}

int GroupMemberModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int GroupMemberModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupMemberModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const GroupMember &m = m_rows.at(index.row());
    switch (role) {
    case MemberIdRole:
        return m.memberId;
    case PartitionCountRole:
        return static_cast<int>(m.assignment.size());
    case SortRole:
        if (index.column() == AssignmentColumn)
            return static_cast<int>(m.assignment.size());
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        switch (index.column()) {
        case ClientColumn:
            return m.clientId.isEmpty() ? QStringLiteral("—") : m.clientId;
        case HostColumn:
            return m.host.isEmpty() ? QStringLiteral("—") : m.host;
        case MemberColumn:
            return m.memberId;
        case AssignmentColumn:
            return m.assignment.isEmpty() ? tr("none (idle)") : assignmentText(m.assignment);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == AssignmentColumn && m.assignment.isEmpty())
            return QPalette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == AssignmentColumn)
            return m.assignment.isEmpty()
                       ? tr("No partition is assigned: the group has more members than the topics have partitions, "
                            "or a rebalance is under way.")
                       : assignmentText(m.assignment).replace(QStringLiteral("; "), QStringLiteral("\n"));
        if (index.column() == MemberColumn && !m.groupInstanceId.isEmpty())
            return tr("Static member, group.instance.id \"%1\"").arg(m.groupInstanceId);
        return {};
    default:
        return {};
    }
}

QVariant GroupMemberModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ClientColumn:
        return tr("Client ID");
    case HostColumn:
        return tr("Host");
    case MemberColumn:
        return tr("Member ID");
    case AssignmentColumn:
        return tr("Assigned Partitions");
    default:
        return {};
    }
}

} // namespace kafdesk
