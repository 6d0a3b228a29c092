#include "models/drillreportmodel.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace kafdesk {

DrillReportModel::DrillReportModel(QObject *parent) : QAbstractTableModel(parent) {}

void DrillReportModel::setReport(const DrillReport &report)
{
    beginResetModel();
    m_report = report;
    m_empty = false;
    endResetModel();
}

void DrillReportModel::clear()
{
    if (m_empty)
        return;
    beginResetModel();
    m_report = DrillReport{};
    m_empty = true;
    endResetModel();
}

int DrillReportModel::totalRow() const
{
    return m_empty ? -1 : static_cast<int>(m_report.partitions.size());
}

int DrillReportModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || m_empty)
        return 0;
    return static_cast<int>(m_report.partitions.size()) + 1;
}

int DrillReportModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const DrillPartitionReport &DrillReportModel::row(int index) const
{
    return index < m_report.partitions.size() ? m_report.partitions[index] : m_report.total;
}

qint64 DrillReportModel::count(const DrillPartitionReport &row, Column column)
{
    switch (column) {
    case PartitionColumn: return row.partition;
    case SentColumn: return row.sent;
    case AcknowledgedColumn: return row.acknowledged;
    case FailedColumn: return row.failed;
    case ConsumedColumn: return row.consumed;
    case LostColumn: return row.lost;
    case DuplicatedColumn: return row.duplicated;
    case OutOfOrderColumn: return row.outOfOrder;
    case UnacknowledgedConsumedColumn: return row.unacknowledgedButConsumed;
    case ColumnCount: break;
    }
    return 0;
}

QVariant DrillReportModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount)
        return {};
    const bool totals = index.row() == totalRow();
    const DrillPartitionReport &r = row(index.row());
    const auto column = static_cast<Column>(index.column());
    const qint64 n = count(r, column);
    switch (role) {
    case Qt::DisplayRole:
        if (column == PartitionColumn)
            return totals ? tr("Total") : QString::number(r.partition);
        return QLocale().toString(n);
    case CountRole:
        return totals && column == PartitionColumn ? qint64(-1) : n;
    case TotalRowRole:
        return totals;
    case Qt::TextAlignmentRole:
        return static_cast<int>((column == PartitionColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    case Qt::FontRole:
        if (totals) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        // The failures of the guarantee in red, disorder in amber: colours that read on light and
        // dark palettes alike; the number says it too.
        if (n > 0 && column == LostColumn)
            return QColor(0xd6, 0x45, 0x45);
        if (n > 0 && column == DuplicatedColumn)
            return m_report.config.idempotence ? QColor(0xd6, 0x45, 0x45) : QColor(0xd0, 0x8a, 0x1a);
        if (n > 0 && column == OutOfOrderColumn)
            return QColor(0xd0, 0x8a, 0x1a);
        return {};
    default:
        return {};
    }
}

QVariant DrillReportModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return static_cast<int>((section == PartitionColumn ? Qt::AlignLeft : Qt::AlignRight) | Qt::AlignVCenter);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PartitionColumn: return tr("Partition");
        case SentColumn: return tr("Sent");
        case AcknowledgedColumn: return tr("Acknowledged");
        case FailedColumn: return tr("Failed");
        case ConsumedColumn: return tr("Consumed");
        case LostColumn: return tr("Lost");
        case DuplicatedColumn: return tr("Duplicated");
        case OutOfOrderColumn: return tr("Out of order");
        case UnacknowledgedConsumedColumn: return tr("Unacked, read");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case SentColumn: return tr("Messages handed to the producer.");
        case AcknowledgedColumn: return tr("Messages the brokers confirmed (a delivery report without an error).");
        case FailedColumn:
            return tr("Messages the producer gave up on (a delivery report with an error). They were never "
                      "acknowledged, so Kafka promised nothing about them.");
        case ConsumedColumn: return tr("Messages read back, copies included.");
        case LostColumn: return tr("Acknowledged, but never read back: the guarantee was broken.");
        case DuplicatedColumn: return tr("Extra copies read back (a message read three times counts two).");
        case OutOfOrderColumn: return tr("Messages read after a later message of the same partition.");
        case UnacknowledgedConsumedColumn:
            return tr("Failed or unanswered, yet written and read back. Kafka allows this: the broker may have "
                      "written a message whose answer never reached the producer.");
        default: return {};
        }
    }
    return {};
}

} // namespace kafdesk
