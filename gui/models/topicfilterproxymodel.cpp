#include "models/topicfilterproxymodel.h"

#include "models/topictablemodel.h"

namespace kafdesk {

namespace {

// Case-insensitive first, so that "Orders" and "orders" sit together; then exact, for a total order.
int compareNames(const QString &foldedA, const QString &a, const QString &foldedB, const QString &b)
{
    if (const int c = foldedA.compare(foldedB); c != 0)
        return c;
    return a.compare(b);
}

int numberOf(const TopicTableModel::Row &r, int column)
{
    switch (column) {
    case TopicTableModel::PartitionsColumn:
        return r.partitions;
    case TopicTableModel::ReplicationFactorColumn:
        return r.replicationFactor;
    case TopicTableModel::UnderReplicatedColumn:
        return r.underReplicated;
    case TopicTableModel::OfflineColumn:
        return r.offline;
    case TopicTableModel::InternalColumn:
        return r.internal ? 1 : 0;
    default:
        return 0;
    }
}

} // namespace

TopicFilterProxyModel::TopicFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setDynamicSortFilter(true);
}

void TopicFilterProxyModel::setSourceModel(QAbstractItemModel *model)
{
    m_topics = qobject_cast<const TopicTableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void TopicFilterProxyModel::setFilterText(const QString &text)
{
    const QString needle = text.trimmed().toCaseFolded();
    m_text = text;
    if (needle == m_needle)
        return;
    m_needle = needle;
    invalidateFilter();
}

void TopicFilterProxyModel::setShowInternal(bool show)
{
    if (show == m_showInternal)
        return;
    m_showInternal = show;
    invalidateFilter();
}

bool TopicFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid())
        return false;
    if (const TopicTableModel *topics = m_topics.data()) {
        const TopicTableModel::Row &r = topics->rows().at(sourceRow);
        return (m_showInternal || !r.internal) && (m_needle.isEmpty() || r.foldedName.contains(m_needle));
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_showInternal && index.data(TopicTableModel::InternalRole).toBool())
        return false;
    return m_needle.isEmpty() ||
           index.data(TopicTableModel::TopicNameRole).toString().contains(m_needle, Qt::CaseInsensitive);
}

bool TopicFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const TopicTableModel *topics = m_topics.data();
    if (!topics)
        return QSortFilterProxyModel::lessThan(left, right);
    const TopicTableModel::Row &a = topics->rows().at(left.row());
    const TopicTableModel::Row &b = topics->rows().at(right.row());
    if (left.column() != TopicTableModel::NameColumn) {
        const int x = numberOf(a, left.column());
        const int y = numberOf(b, left.column());
        if (x != y)
            return x < y;
    }
    return compareNames(a.foldedName, a.name, b.foldedName, b.name) < 0;
}

} // namespace kafdesk
