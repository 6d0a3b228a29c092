#include "models/groupoffsetmodel.h"

#include <QLocale>
#include <QPalette>

#include <algorithm>

namespace kafdesk {

namespace {

bool lessThan(const QString &topicA, int partitionA, const QString &topicB, int partitionB)
{
    return topicA != topicB ? topicA < topicB : partitionA < partitionB;
}

constexpr auto byPartition = [](const PartitionLag &a, const PartitionLag &b) {
    return lessThan(a.topic, a.partition, b.topic, b.partition);
};

bool isNumberColumn(int column)
{
    return column == GroupOffsetModel::PartitionColumn || column == GroupOffsetModel::CommittedColumn ||
           column == GroupOffsetModel::LogEndColumn || column == GroupOffsetModel::LagColumn;
}

} // namespace

GroupOffsetModel::GroupOffsetModel(QObject *parent) : MergingTableModel(parent) {}

void GroupOffsetModel::setPartitions(QList<PartitionLag> partitions)
{
    mergeRows(m_rows, std::move(partitions), byPartition, ColumnCount);
}

void GroupOffsetModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int GroupOffsetModel::rowOf(const QString &topic, int partition) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), 0, [&](const PartitionLag &p, int) {
        return lessThan(p.topic, p.partition, topic, partition);
    });
    return it != m_rows.cend() && it->topic == topic && it->partition == partition
               ? static_cast<int>(it - m_rows.cbegin())
               : -1;
}

int GroupOffsetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int GroupOffsetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupOffsetModel::display(const PartitionLag &p, int column) const
{
    const QString none = QStringLiteral("—");
    const QLocale locale;
    switch (column) {
    case TopicColumn:
        return p.topic;
    case PartitionColumn:
        return p.partition;
    case CommittedColumn:
        return p.committed ? locale.toString(*p.committed) : tr("no commit");
    case LogEndColumn:
        return p.logEnd < 0 ? none : locale.toString(p.logEnd);
    case LagColumn:
        if (!p.lag)
            return none;
        return p.committedBeyondEnd ? tr("0 (commit past the end)") : locale.toString(*p.lag);
    case OwnerColumn:
        return p.owner.isEmpty() ? none : p.owner;
    case HostColumn:
        return p.ownerHost.isEmpty() ? none : p.ownerHost;
    default:
        return {};
    }
}

QString GroupOffsetModel::toolTip(const PartitionLag &p, int column) const
{
    switch (column) {
    case CommittedColumn:
        return p.committed ? tr("The next offset the group reads from partition %1.").arg(p.partition)
                           : tr("The group has not committed an offset on this partition: a consumer starts where "
                                "auto.offset.reset says.");
    case LogEndColumn:
        return p.logStart >= 0 ? tr("The log holds offsets %1 to %2.").arg(p.logStart).arg(p.logEnd - 1) : QString();
    case LagColumn:
        if (p.committedBeyondEnd)
            return tr("The commit (%1) is past the log end (%2): the log was truncated or the offset set by hand.")
                .arg(*p.committed)
                .arg(p.logEnd);
        return p.lag ? tr("Messages after the committed offset, not read by the group yet.")
                     : tr("Unknown without a commit.");
    case OwnerColumn:
    case HostColumn:
        return p.ownerMemberId.isEmpty() ? tr("No member owns this partition now.")
                                         : tr("Member %1").arg(p.ownerMemberId);
    default:
        return {};
    }
}

QVariant GroupOffsetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const PartitionLag &p = m_rows.at(index.row());
    switch (role) {
    case TopicRole:
        return p.topic;
    case PartitionRole:
        return p.partition;
    case CommittedRole:
        return p.committed ? *p.committed : qint64(-1);
    case LagRole:
        return p.lag ? *p.lag : qint64(-1);
    case SortRole:
        switch (index.column()) {
        case PartitionColumn:
            return p.partition;
        case CommittedColumn:
            return p.committed ? *p.committed : qint64(-1);
        case LogEndColumn:
            return p.logEnd;
        case LagColumn:
            return p.lag ? *p.lag : qint64(-1);
        default:
            return display(p, index.column());
        }
    case Qt::DisplayRole:
        return display(p, index.column());
    case Qt::ForegroundRole:
        if (index.column() == CommittedColumn && !p.committed)
            return QPalette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::TextAlignmentRole:
        if (isNumberColumn(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        const QString tip = toolTip(p, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    default:
        return {};
    }
}

QVariant GroupOffsetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return isNumberColumn(section) ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                       : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TopicColumn:
        return tr("Topic");
    case PartitionColumn:
        return tr("Partition");
    case CommittedColumn:
        return tr("Committed");
    case LogEndColumn:
        return tr("Log End");
    case LagColumn:
        return tr("Lag");
    case OwnerColumn:
        return tr("Owner");
    case HostColumn:
        return tr("Host");
    default:
        return {};
    }
}

} // namespace kafdesk
