#pragma once

#include "cluster/clustersnapshot.h"
#include "cluster/replicationevent.h"
#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QObject>

class QIODevice;

namespace kafdesk {

// Something a person (or the failure drill) did to the cluster, shown among the replication
// events: "Killed broker 2 (SIGKILL)" at 12:01:03.
struct TimelineMarker {
    enum class Source { User, Drill };
    QDateTime timestamp; // UTC
    QString text;        // one sentence, already translated
    int brokerId = -1;   // the node acted on, -1 for the whole cluster
    Source source = Source::User;
    friend bool operator==(const TimelineMarker &, const TimelineMarker &) = default;
};

// The cluster's health at one snapshot: the chart's points.
struct ReplicationSample {
    QDateTime timestamp; // UTC: the snapshot's takenAt
    int underReplicated = 0;
    int offline = 0;
    QList<int> aliveBrokers;       // sorted
    QMap<int, int> leadersPerBroker; // broker id -> partitions it leads (every known broker, 0 included)
};

// What happened to one cluster since the window connected: its replication events, the user's
// markers and a health sample per snapshot, each bounded (oldest dropped first). The timeline
// page, its chart and its CSV export read it; the window feeds it. GUI thread (one thread) only.
class ReplicationHistory : public QObject {
    Q_OBJECT
public:
    explicit ReplicationHistory(QObject *parent = nullptr);

    void addSnapshot(const ClusterSnapshotPtr &snapshot);
    void addEvents(const QList<ReplicationEvent> &events);
    void addMarker(const TimelineMarker &marker);
    // Another cluster: forget everything.
    void clear();

    const QList<ReplicationEvent> &events() const;
    const QList<TimelineMarker> &markers() const;
    const QList<ReplicationSample> &samples() const;
    ClusterSnapshotPtr latestSnapshot() const;
    // The ISR size of one partition over time, one point per change (and one at the start).
    QList<QPair<QDateTime, int>> isrSizeSeries(const QString &topic, int partition) const;

Q_SIGNALS:
    void eventsAdded(int count);
    void markerAdded(const kafdesk::TimelineMarker &marker);
    void sampleAdded();
    void cleared();

private:
    struct Data;
    std::shared_ptr<Data> d;
};

// The timeline as CSV (RFC 4180), events and markers merged by time: time (ISO 8601 UTC with
// milliseconds), kind (the event kind's name or "UserAction"/"DrillAction"), broker, topic,
// partition, before, after, description.
Status writeTimelineCsv(QIODevice &out, const QList<ReplicationEvent> &events, const QList<TimelineMarker> &markers);

} // namespace kafdesk
Q_DECLARE_METATYPE(kafdesk::TimelineMarker)
