#include "models/timelinefiltermodel.h"

#include "models/timelinemodel.h"

namespace kafdesk {

namespace {

QSet<ReplicationEvent::Kind> everyKind()
{
    const QList<ReplicationEvent::Kind> all = allReplicationEventKinds();
    return QSet<ReplicationEvent::Kind>(all.cbegin(), all.cend());
}

} // namespace

TimelineFilterModel::TimelineFilterModel(QObject *parent) : QSortFilterProxyModel(parent), m_kinds(everyKind())
{
    setDynamicSortFilter(true);
}

void TimelineFilterModel::setTopicFilter(const QString &text)
{
    const QString t = text.trimmed();
    if (t == m_topic)
        return;
    m_topic = t;
    invalidateRowsFilter();
}

void TimelineFilterModel::setPartitionFilter(int partition)
{
    partition = partition < 0 ? -1 : partition;
    if (partition == m_partition)
        return;
    m_partition = partition;
    invalidateRowsFilter();
}

void TimelineFilterModel::setBrokerFilter(int broker)
{
    broker = broker < 0 ? -1 : broker;
    if (broker == m_broker)
        return;
    m_broker = broker;
    invalidateRowsFilter();
}

void TimelineFilterModel::setKinds(const QSet<ReplicationEvent::Kind> &kinds)
{
    if (kinds == m_kinds)
        return;
    m_kinds = kinds;
    invalidateRowsFilter();
}

void TimelineFilterModel::setShowMarkers(bool show)
{
    if (show == m_markers)
        return;
    m_markers = show;
    invalidateRowsFilter();
}

bool TimelineFilterModel::isFiltering() const
{
    return !m_topic.isEmpty() || m_partition >= 0 || m_broker >= 0 || !m_markers || m_kinds != everyKind();
}

bool TimelineFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool marker = index.data(TimelineModel::IsMarkerRole).toBool();
    if (marker && !m_markers)
        return false;
    if (!marker && !m_kinds.contains(static_cast<ReplicationEvent::Kind>(index.data(TimelineModel::KindRole).toInt())))
        return false;
    if (m_broker >= 0) {
        const int broker = index.data(TimelineModel::BrokerRole).toInt();
        const bool wholeCluster = marker && broker < 0;
        if (!wholeCluster && !index.data(TimelineModel::BrokersInvolvedRole).value<QList<int>>().contains(m_broker))
            return false;
    }
    const QString topic = index.data(TimelineModel::TopicRole).toString();
    if (topic.isEmpty())
        return true; // broker events and markers: context for any topic
    if (!m_topic.isEmpty() && !topic.contains(m_topic, Qt::CaseInsensitive))
        return false;
    if (m_partition >= 0) {
        const int partition = index.data(TimelineModel::PartitionRole).toInt();
        if (partition != m_partition)
            return false; // topic-level events (created, grown) are about no single partition
    }
    return true;
}

} // namespace kafdesk
