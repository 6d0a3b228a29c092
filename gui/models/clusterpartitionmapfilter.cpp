#include "models/clusterpartitionmapfilter.h"

#include "models/clusterpartitionmapmodel.h"

namespace kafdesk {

ClusterPartitionMapFilter::ClusterPartitionMapFilter(QObject *parent) : QSortFilterProxyModel(parent)
{
    // The model's order (topic, then partition) is the order shown: no sorting here.
    setDynamicSortFilter(true);
}

void ClusterPartitionMapFilter::setSourceModel(QAbstractItemModel *model)
{
    m_model = qobject_cast<ClusterPartitionMapModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

ClusterPartitionMapModel *ClusterPartitionMapFilter::mapModel() const
{
    return m_model;
}

bool ClusterPartitionMapFilter::isNarrowed() const
{
    return !m_needle.isEmpty() || m_brokerFilter != BrokerFilter::Any || m_onlyProblems;
}

void ClusterPartitionMapFilter::setTopicText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    const QString needle = text.trimmed();
    if (needle == m_needle)
        return;
    m_needle = needle;
    invalidateRowsFilter();
}

void ClusterPartitionMapFilter::setShowInternal(bool show)
{
    if (show == m_showInternal)
        return;
    m_showInternal = show;
    invalidateRowsFilter();
}

void ClusterPartitionMapFilter::setBroker(BrokerFilter filter, int brokerId)
{
    if (filter == BrokerFilter::Any)
        brokerId = -1;
    if (filter == m_brokerFilter && brokerId == m_brokerId)
        return;
    m_brokerFilter = filter;
    m_brokerId = brokerId;
    invalidateRowsFilter();
}

void ClusterPartitionMapFilter::setOnlyProblems(bool only)
{
    if (only == m_onlyProblems)
        return;
    m_onlyProblems = only;
    invalidateRowsFilter();
}

bool ClusterPartitionMapFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_model || sourceParent.isValid() || sourceRow < 0 || sourceRow >= m_model->rows().size())
        return false;
    const ClusterPartitionMapModel::Row &row = m_model->rows().at(sourceRow);
    if (row.internal && !m_showInternal)
        return false;
    if (m_onlyProblems && !row.isProblem())
        return false;
    switch (m_brokerFilter) {
    case BrokerFilter::Any:
        break;
    case BrokerFilter::HasReplica:
        if (!row.partition.replicas.contains(m_brokerId))
            return false;
        break;
    case BrokerFilter::Leads:
        if (row.partition.leader != m_brokerId)
            return false;
        break;
    }
    return m_needle.isEmpty() || row.topic.contains(m_needle, Qt::CaseInsensitive);
}

} // namespace kafdesk
