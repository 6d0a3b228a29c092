#pragma once

#include "messages/grouplabstate.h"
#include "models/mergingtablemodel.h"

#include <QPalette>

namespace kafdesk {

// The lab's members, one row each, sorted by id; merged on every LabState (selection survives).
class GroupLabMemberModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column { MemberColumn, StateColumn, PartitionsColumn, ConsumedColumn, RebalanceColumn, ColumnCount };
    enum Role { MemberIdRole = Qt::UserRole + 1, StateRole };

    explicit GroupLabMemberModel(QObject *parent = nullptr);

    void setMembers(const QList<LabMember> &members);
    void setPalette(const QPalette &palette);
    const QList<LabMember> &members() const { return m_rows; }
    int rowOf(int memberId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString stateText(const LabMember &member) const;
    QString stateToolTip(const LabMember &member) const;
    QList<LabMember> m_rows;
    QPalette m_palette;
};

} // namespace kafdesk
