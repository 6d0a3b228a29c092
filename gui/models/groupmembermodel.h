#pragma once

#include "kafka/admintypes.h"
#include "models/mergingtablemodel.h"

#include <QList>
#include <QPair>

namespace kafdesk {

// The members of one consumer group (DescribeConsumerGroups), one row per member id, sorted by
// it: client id, host, member id and the partitions assigned to it ("orders: 0, 1, 2"). A
// refresh merges by member id, so selection and sort survive. GUI thread only.
class GroupMemberModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column { ClientColumn, HostColumn, MemberColumn, AssignmentColumn, ColumnCount };
    enum Role {
        MemberIdRole = Qt::UserRole + 1, // QString, on every column
        PartitionCountRole,              // int: how many partitions are assigned
        SortRole,
    };

    explicit GroupMemberModel(QObject *parent = nullptr);

    // Any order; rows come sorted by member id.
    void setMembers(QList<GroupMember> members);
    void clear();
    const QList<GroupMember> &members() const { return m_rows; }
    int rowOf(const QString &memberId) const;

    // "orders: 0, 1, 2; payments: 4": topics sorted by name, partitions by number.
    static QString assignmentText(const QList<QPair<QString, int>> &assignment);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<GroupMember> m_rows; // sorted by member id
};

} // namespace kafdesk
