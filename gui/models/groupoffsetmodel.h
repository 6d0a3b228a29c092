#pragma once

#include "admin/grouplag.h"
#include "models/mergingtablemodel.h"

#include <QList>

namespace kafdesk {

// The per-partition offsets of one consumer group (GroupAdmin::lag): topic, partition, the
// committed offset ("no commit" where there is none), the log end, the lag and the owning
// member's client id and host. One row per (topic, partition), sorted; a refresh merges by it.
// GUI thread only.
class GroupOffsetModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column {
        TopicColumn,
        PartitionColumn,
        CommittedColumn,
        LogEndColumn,
        LagColumn,
        OwnerColumn,
        HostColumn,
        ColumnCount
    };
    enum Role {
        TopicRole = Qt::UserRole + 1, // QString, on every column
        PartitionRole,                // int
        CommittedRole,                // qint64: -1 without a commit
        LagRole,                      // qint64: -1 when unknown
        SortRole,
    };

    explicit GroupOffsetModel(QObject *parent = nullptr);

    void setPartitions(QList<PartitionLag> partitions);
    void clear();
    const QList<PartitionLag> &partitions() const { return m_rows; }
    int rowOf(const QString &topic, int partition) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const PartitionLag &p, int column) const;
    QString toolTip(const PartitionLag &p, int column) const;

    QList<PartitionLag> m_rows; // sorted by topic, then partition
};

} // namespace kafdesk
