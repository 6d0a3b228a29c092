#pragma once

#include "cluster/replicationevent.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace kafdesk {

// The timeline's filters over a TimelineModel (rows keep their time order; no sorting).
// - topic: a case-insensitive part of the topic name; partition: one partition id (-1: any).
//   Both only narrow events that are about a topic: broker events and markers stay, as the
//   context of what the topic went through.
// - broker: rows that concern the broker (the event's broker, or the old or new leader of a
//   leader event; the node a marker acted on; markers for the whole cluster stay). -1: any.
// - kinds: which event kinds show (all by default), and whether markers do.
class TimelineFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TimelineFilterModel(QObject *parent = nullptr);

    void setTopicFilter(const QString &text);
    void setPartitionFilter(int partition);
    void setBrokerFilter(int broker);
    void setKinds(const QSet<ReplicationEvent::Kind> &kinds);
    void setShowMarkers(bool show);

    QString topicFilter() const { return m_topic; }
    int partitionFilter() const { return m_partition; }
    int brokerFilter() const { return m_broker; }
    QSet<ReplicationEvent::Kind> kinds() const { return m_kinds; }
    bool showMarkers() const { return m_markers; }
    // Whether any filter hides something.
    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_topic;
    int m_partition = -1;
    int m_broker = -1;
    QSet<ReplicationEvent::Kind> m_kinds;
    bool m_markers = true;
};

} // namespace kafdesk
