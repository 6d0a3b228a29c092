#include "dialogs/resetoffsetspreviewmodel.h"

#include <QFont>
#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr auto byPartition = [](const PartitionReset &a, const PartitionReset &b) {
    return a.topic != b.topic ? a.topic < b.topic : a.partition < b.partition;
};

} // namespace

ResetOffsetsPreviewModel::ResetOffsetsPreviewModel(QObject *parent) : MergingTableModel(parent) {}

void ResetOffsetsPreviewModel::setPartitions(QList<PartitionReset> partitions)
{
    mergeRows(m_rows, std::move(partitions), byPartition, ColumnCount);
}

void ResetOffsetsPreviewModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, static_cast<int>(m_rows.size()) - 1);
    m_rows.clear();
    endRemoveRows();
}

int ResetOffsetsPreviewModel::changedCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), &ResetOffsetsPreviewModel::changes));
}

int ResetOffsetsPreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ResetOffsetsPreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ResetOffsetsPreviewModel::display(const PartitionReset &p, int column) const
{
    const QLocale locale;
    const QString none = QStringLiteral("—");
    switch (column) {
    case PartitionColumn:
        return p.partition;
    case CurrentColumn:
        return p.current ? locale.toString(*p.current) : tr("no commit");
    case NewColumn:
        return locale.toString(p.newOffset);
    case ChangeColumn: {
        if (!p.current)
            return tr("new");
        const qint64 d = p.newOffset - *p.current;
        if (d == 0)
            return tr("unchanged");
        // U+2212 MINUS SIGN reads better than a hyphen next to "+".
        return d > 0 ? QString(QStringLiteral("+") + locale.toString(d)) : QString(QChar(0x2212) + locale.toString(-d));
    }
    case LogStartColumn:
        return p.logStart < 0 ? none : locale.toString(p.logStart);
    case LogEndColumn:
        return p.logEnd < 0 ? none : locale.toString(p.logEnd);
    case NoteColumn:
        return p.note;
    default:
        return {};
    }
}

QVariant ResetOffsetsPreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PartitionReset &p = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(p, index.column());
    case PartitionRole:
        return p.partition;
    case NewOffsetRole:
        return p.newOffset;
    case CurrentRole:
        return p.current ? *p.current : qint64(-1);
    case Qt::TextAlignmentRole:
        if (index.column() != NoteColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (index.column() == NewColumn && changes(p)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if ((index.column() == CurrentColumn && !p.current) || (index.column() == ChangeColumn && !changes(p)))
            return QPalette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NoteColumn && !p.note.isEmpty())
            return p.note;
        if (index.column() == ChangeColumn && p.current)
            return tr("%1 → %2").arg(*p.current).arg(p.newOffset);
        return {};
    default:
        return {};
    }
}

QVariant ResetOffsetsPreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == NoteColumn ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter)
                                     : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PartitionColumn:
        return tr("Partition");
    case CurrentColumn:
        return tr("Current");
    case NewColumn:
        return tr("New");
    case ChangeColumn:
        return tr("Change");
    case LogStartColumn:
        return tr("Log Start");
    case LogEndColumn:
        return tr("Log End");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

} // namespace kafdesk
