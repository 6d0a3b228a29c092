#include "models/grouplistmodel.h"

#include "models/sortedmerge.h"

#include <QFont>
#include <QPalette>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr auto byId = [](const GroupListModel::Row &a, const GroupListModel::Row &b) { return a.groupId < b.groupId; };

} // namespace

GroupListModel::GroupListModel(QObject *parent) : MergingTableModel(parent) {}

QList<GroupListModel::Row> GroupListModel::rowsOf(const QList<GroupListing> &listings,
                                                  const QList<GroupDescription> &descriptions,
                                                  const QList<GroupLag> &lags)
{
    QHash<QString, const GroupDescription *> described;
    for (const GroupDescription &d : descriptions)
        if (d.error.isEmpty())
            described.insert(d.groupId, &d);
    QHash<QString, const GroupLag *> lagged;
    for (const GroupLag &l : lags)
        if (l.error.isEmpty())
            lagged.insert(l.groupId, &l);
    QList<Row> rows;
    rows.reserve(listings.size());
    for (const GroupListing &l : listings) {
        Row r;
        r.groupId = l.groupId;
        r.state = l.state;
        r.simple = l.isSimpleConsumerGroup;
        if (const GroupDescription *d = described.value(l.groupId)) {
            r.protocolType = d->protocolType;
            r.members = static_cast<int>(d->members.size());
            r.coordinatorId = d->coordinatorId;
        }
        if (const GroupLag *lag = lagged.value(l.groupId)) {
            r.lagKnown = true;
            r.totalLag = lag->totalLag;
            r.lagNote = lag->note;
            if (r.members < 0 && lag->members >= 0)
                r.members = lag->members;
            for (const PartitionLag &p : lag->partitions) {
                if (p.committed)
                    r.hasCommit = true;
                if (r.topics.isEmpty() || r.topics.constLast() != p.topic)
                    r.topics << p.topic; // partitions come sorted by topic
            }
            r.topics.removeDuplicates();
        }
        rows << r;
    }
    sortUniqueRows(rows, byId);
    return rows;
}

void GroupListModel::setRows(QList<Row> rows)
{
    mergeRows(m_rows, std::move(rows), byId, ColumnCount);
}

void GroupListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int GroupListModel::rowOf(const QString &groupId) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), groupId,
                                     [](const Row &r, const QString &key) { return r.groupId < key; });
    return it != m_rows.cend() && it->groupId == groupId ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

QString GroupListModel::lagText(const Row &row)
{
    if (!row.lagKnown)
        return QStringLiteral("—");
    if (!row.hasCommit)
        return tr("no commit");
    return QLocale().toString(row.totalLag);
}

QString GroupListModel::stateText(const QString &state)
{
    if (state == QLatin1String("Stable"))
        return tr("Stable");
    if (state == QLatin1String("Empty"))
        return tr("Empty");
    if (state == QLatin1String("PreparingRebalance"))
        return tr("Rebalancing (preparing)");
    if (state == QLatin1String("CompletingRebalance"))
        return tr("Rebalancing (completing)");
    if (state == QLatin1String("Dead"))
        return tr("Dead");
    if (state.isEmpty() || state == QLatin1String("Unknown"))
        return tr("Unknown");
    return state;
}

int GroupListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int GroupListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString GroupListModel::toolTip(const Row &r, int column) const
{
    switch (column) {
    case StateColumn:
        if (r.state == QLatin1String("Stable"))
            return tr("Members are consuming with a settled assignment.");
        if (r.state == QLatin1String("Empty"))
            return tr("No member is connected; the group's committed offsets are kept until they expire.");
        if (r.state.endsWith(QLatin1String("Rebalance")))
            return tr("Members are joining or leaving: partitions are being reassigned.");
        if (r.state == QLatin1String("Dead"))
            return tr("The group has no member and no committed offset left, or is being removed.");
        return tr("The brokers did not say (state \"%1\").").arg(r.state);
    case TypeColumn:
        if (r.simple && r.protocolType.isEmpty())
            return tr("A simple group: its offsets are committed by clients that never join it.");
        return r.protocolType.isEmpty() ? tr("Not described yet.") : tr("Protocol type \"%1\".").arg(r.protocolType);
    case MembersColumn:
        return r.members < 0 ? tr("Not described yet.") : r.members == 1 ? tr("1 member connected.")
                                                 : tr("%1 members connected.").arg(r.members);
    case TopicsColumn:
        return r.lagKnown ? (r.topics.isEmpty() ? tr("The group has no committed offset and no assigned partition.")
                                                : r.topics.join(QLatin1Char('\n')))
                          : tr("Not known yet.");
    case LagColumn:
        if (!r.lagKnown)
            return tr("Not known yet.");
        if (!r.lagNote.isEmpty())
            return r.lagNote;
        if (!r.hasCommit)
            return tr("The group has not committed an offset: there is no lag to count.");
        return tr("Messages in the log after the group's committed offsets, summed over its partitions.");
    case CoordinatorColumn:
        return r.coordinatorId < 0 ? tr("Not described yet.")
                                   : tr("Broker %1 coordinates the group (its joins, heartbeats and commits).")
                                         .arg(r.coordinatorId);
    default:
        return {};
    }
}

QVariant GroupListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    const QString none = QStringLiteral("—");
    switch (role) {
    case GroupIdRole:
        return r.groupId;
    case StateRole:
        return r.state;
    case MembersRole:
        return r.members;
    case SortRole:
        if (index.column() == MembersColumn)
            return r.members;
        if (index.column() == CoordinatorColumn)
            return r.coordinatorId;
        if (index.column() == LagColumn) // unknown below "no commit" below any lag
            return !r.lagKnown ? qint64(-2) : !r.hasCommit ? qint64(-1) : r.totalLag;
        return data(index, Qt::DisplayRole);
    case TopicsRole:
        return r.topics;
    case TotalLagRole:
        return !r.lagKnown ? qint64(-1) : !r.hasCommit ? qint64(-2) : r.totalLag;
    case Qt::DisplayRole:
        switch (index.column()) {
        case GroupColumn:
            return r.groupId;
        case StateColumn:
            return stateText(r.state);
        case TypeColumn:
            if (!r.protocolType.isEmpty())
                return r.protocolType;
            return r.simple ? tr("simple") : none;
        case MembersColumn:
            return r.members < 0 ? QVariant(none) : QVariant(r.members);
        case CoordinatorColumn:
            return r.coordinatorId < 0 ? QVariant(none) : QVariant(r.coordinatorId);
        case TopicsColumn:
            return r.lagKnown ? r.topics.join(QStringLiteral(", ")) : none;
        case LagColumn:
            return lagText(r);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == LagColumn && (!r.lagKnown || !r.hasCommit))
            return QPalette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == MembersColumn || index.column() == CoordinatorColumn || index.column() == LagColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (index.column() == StateColumn && r.state == QLatin1String("Dead")) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::ToolTipRole: {
        const QString tip = toolTip(r, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    default:
        return {};
    }
}

QVariant GroupListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == MembersColumn || section == CoordinatorColumn || section == LagColumn
                   ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GroupColumn:
        return tr("Group");
    case StateColumn:
        return tr("State");
    case TypeColumn:
        return tr("Type");
    case MembersColumn:
        return tr("Members");
    case CoordinatorColumn:
        return tr("Coordinator");
    case TopicsColumn:
        return tr("Topics");
    case LagColumn:
        return tr("Total Lag");
    default:
        return {};
    }
}

} // namespace kafdesk
