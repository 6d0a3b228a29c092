#pragma once

#include "admin/offsetreset.h"
#include "models/mergingtablemodel.h"

#include <QList>

namespace kafdesk {

// The preview of an offset reset (ResetPlan::partitions), one row per partition: the commit now
// ("no commit" where there is none), the new offset, the change (+N / −N), the log start and end,
// and Kafka's note when the new offset is not the one asked for (clamped into the log). A new
// preview merges by (topic, partition). GUI thread only.
class ResetOffsetsPreviewModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column {
        PartitionColumn,
        CurrentColumn,
        NewColumn,
        ChangeColumn,
        LogStartColumn,
        LogEndColumn,
        NoteColumn,
        ColumnCount
    };
    enum Role {
        PartitionRole = Qt::UserRole + 1, // int
        NewOffsetRole,                    // qint64
        CurrentRole,                      // qint64: -1 without a commit
    };

    explicit ResetOffsetsPreviewModel(QObject *parent = nullptr);

    void setPartitions(QList<PartitionReset> partitions);
    void clear();
    const QList<PartitionReset> &partitions() const { return m_rows; }
    // Partitions whose offset the reset changes (a partition without a commit always changes).
    int changedCount() const;
    static bool changes(const PartitionReset &p) { return !p.current || *p.current != p.newOffset; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const PartitionReset &p, int column) const;

    QList<PartitionReset> m_rows; // sorted by topic, then partition
};

} // namespace kafdesk
