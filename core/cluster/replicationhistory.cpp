// PLACEHOLDER: the timeline helper replaces this file.
#include "cluster/replicationhistory.h"

namespace kafdesk {

struct ReplicationHistory::Data {
    QList<ReplicationEvent> events;
    QList<TimelineMarker> markers;
    QList<ReplicationSample> samples;
    ClusterSnapshotPtr latest;
};

ReplicationHistory::ReplicationHistory(QObject *parent) : QObject(parent), d(std::make_shared<Data>()) {}
void ReplicationHistory::addSnapshot(const ClusterSnapshotPtr &snapshot) { d->latest = snapshot; }
void ReplicationHistory::addEvents(const QList<ReplicationEvent> &events) { d->events << events; }
void ReplicationHistory::addMarker(const TimelineMarker &marker) { d->markers << marker; }
void ReplicationHistory::clear() { d = std::make_shared<Data>(); }
const QList<ReplicationEvent> &ReplicationHistory::events() const { return d->events; }
const QList<TimelineMarker> &ReplicationHistory::markers() const { return d->markers; }
const QList<ReplicationSample> &ReplicationHistory::samples() const { return d->samples; }
ClusterSnapshotPtr ReplicationHistory::latestSnapshot() const { return d->latest; }
QList<QPair<QDateTime, int>> ReplicationHistory::isrSizeSeries(const QString &, int) const { return {}; }
Status writeTimelineCsv(QIODevice &, const QList<ReplicationEvent> &, const QList<TimelineMarker> &) { return ok(); }

} // namespace kafdesk
