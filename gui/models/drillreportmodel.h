#pragma once

#include "drill/failuredrill.h"

#include <QAbstractTableModel>

namespace kafdesk {

// A drill report's counts, one row per partition and a last row with the totals: what was sent,
// acknowledged, failed, read back, lost, duplicated and read out of order. Lost and duplicated
// cells that are not zero are red (the text says the number too). GUI thread only.
class DrillReportModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        PartitionColumn,
        SentColumn,
        AcknowledgedColumn,
        FailedColumn,
        ConsumedColumn,
        LostColumn,
        DuplicatedColumn,
        OutOfOrderColumn,
        UnacknowledgedConsumedColumn,
        ColumnCount
    };
    enum Role {
        CountRole = Qt::UserRole + 1, // qint64: the cell's number (the partition id in the first column, -1 for totals)
        TotalRowRole,                 // bool
    };

    explicit DrillReportModel(QObject *parent = nullptr);

    void setReport(const DrillReport &report);
    void clear();
    const DrillReport &report() const { return m_report; }
    // The row of the totals (the last one), -1 when empty.
    int totalRow() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // One count of a partition's (or the totals') report, by column.
    static qint64 count(const DrillPartitionReport &row, Column column);

private:
    const DrillPartitionReport &row(int index) const;

    DrillReport m_report;
    bool m_empty = true;
};

} // namespace kafdesk
