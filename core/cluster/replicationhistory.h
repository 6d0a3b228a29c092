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
    // The bounds: past them the oldest entries are dropped (and counted).
    static constexpr int maxEvents = 20000;
    static constexpr int maxMarkers = 5000;
    static constexpr int maxSamples = 3600; // an hour of 1 s polls

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
    // Built from the partition's ISR in the first snapshot that listed it (kept per partition,
    // not per snapshot) and the IsrShrunk/IsrExpanded events after that snapshot; each event
    // carries the whole ISR, so a dropped event only loses its own point. Sorted by time; empty
    // when no snapshot had the partition.
    QList<QPair<QDateTime, int>> isrSizeSeries(const QString &topic, int partition) const;

    // How many of each were dropped by the bounds since the last clear().
    qint64 droppedEvents() const;
    qint64 droppedMarkers() const;
    qint64 droppedSamples() const;

    // The sample one snapshot gives (what addSnapshot() stores).
    static ReplicationSample sampleOf(const ClusterSnapshot &snapshot);

Q_SIGNALS:
    // `count` events were appended (the last `count` of events(); all of them when count is
    // larger), after any dropped by the bound: see eventsDropped.
    void eventsAdded(int count);
    // The oldest `count` events (or markers) were dropped, before the signal that added the new ones.
    void eventsDropped(int count);
    void markersDropped(int count);
    // markers() is sorted by time: a marker older than the newest one is inserted in its place
    // (and one older than all of a full list is dropped at once, without this signal).
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
// A header row first; CRLF line ends; fields with a comma, quote or line break are quoted (quotes
// doubled). Empty fields for "none": broker/partition -1, empty lists. Lists read "[1,2,3]". At
// equal times a marker comes before the events (the action before what it caused); otherwise
// the input order is kept (a stable merge).
Status writeTimelineCsv(QIODevice &out, const QList<ReplicationEvent> &events, const QList<TimelineMarker> &markers);

} // namespace kafdesk
Q_DECLARE_METATYPE(kafdesk::TimelineMarker)
