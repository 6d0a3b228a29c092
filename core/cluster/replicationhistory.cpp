#include "cluster/replicationhistory.h"

#include <QHash>
#include <QIODevice>

#include <algorithm>
#include <numeric>

namespace kafdesk {

namespace {

using PartitionKey = QPair<QString, int>;

// A partition's ISR where the history first saw it: the start of its ISR size series.
struct FirstSeen {
    QDateTime at;
    int isrSize = 0;
};

// Drops the oldest entries past `bound`; returns how many went.
template <typename T>
int trimFront(QList<T> &list, int bound)
{
    const int excess = static_cast<int>(list.size()) - bound;
    if (excess <= 0)
        return 0;
    list.remove(0, excess); // QList keeps free space at the front: no move of the rest
    return excess;
}

bool isIsrEvent(ReplicationEvent::Kind kind)
{
    return kind == ReplicationEvent::Kind::IsrShrunk || kind == ReplicationEvent::Kind::IsrExpanded;
}

} // namespace

struct ReplicationHistory::Data {
    QList<ReplicationEvent> events;
    QList<TimelineMarker> markers;
    QList<ReplicationSample> samples;
    ClusterSnapshotPtr latest;
    QHash<PartitionKey, FirstSeen> firstSeen;
    qint64 droppedEvents = 0;
    qint64 droppedMarkers = 0;
    qint64 droppedSamples = 0;
};

ReplicationHistory::ReplicationHistory(QObject *parent) : QObject(parent), d(std::make_shared<Data>()) {}

ReplicationSample ReplicationHistory::sampleOf(const ClusterSnapshot &snapshot)
{
    ReplicationSample s;
    s.timestamp = snapshot.takenAt;
    s.underReplicated = snapshot.underReplicatedCount();
    s.offline = snapshot.offlineCount();
    s.aliveBrokers = snapshot.aliveBrokerIds();
    for (const BrokerState &b : snapshot.brokers)
        s.leadersPerBroker.insert(b.id, 0);
    for (const TopicState &t : snapshot.topics)
        for (const PartitionState &p : t.partitions)
            if (p.leader >= 0)
                ++s.leadersPerBroker[p.leader]; // a leader not listed as a broker still counts
    return s;
}

void ReplicationHistory::addSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (!snapshot)
        return;
    d->latest = snapshot;
    for (const TopicState &t : snapshot->topics)
        for (const PartitionState &p : t.partitions) {
            const PartitionKey key{t.name, p.id};
            if (!d->firstSeen.contains(key))
                d->firstSeen.insert(key, FirstSeen{snapshot->takenAt, static_cast<int>(p.isr.size())});
        }
    d->samples << sampleOf(*snapshot);
    d->droppedSamples += trimFront(d->samples, maxSamples);
    Q_EMIT sampleAdded();
}

void ReplicationHistory::addEvents(const QList<ReplicationEvent> &events)
{
    if (events.isEmpty())
        return;
    d->events << events;
    const int dropped = trimFront(d->events, maxEvents);
    if (dropped > 0) {
        d->droppedEvents += dropped;
        Q_EMIT eventsDropped(dropped);
    }
    Q_EMIT eventsAdded(static_cast<int>(std::min<qsizetype>(events.size(), d->events.size())));
}

void ReplicationHistory::addMarker(const TimelineMarker &marker)
{
    // A full list whose oldest is newer than this one: it would be the first dropped.
    if (d->markers.size() >= maxMarkers && marker.timestamp < d->markers.constFirst().timestamp) {
        ++d->droppedMarkers;
        return;
    }
    // Markers arrive in time order almost always; one stamped earlier goes in its place.
    auto at = std::upper_bound(d->markers.begin(), d->markers.end(), marker.timestamp,
                               [](const QDateTime &t, const TimelineMarker &m) { return t < m.timestamp; });
    d->markers.insert(at, marker);
    const int dropped = trimFront(d->markers, maxMarkers);
    if (dropped > 0) {
        d->droppedMarkers += dropped;
        Q_EMIT markersDropped(dropped);
    }
    Q_EMIT markerAdded(marker);
}

void ReplicationHistory::clear()
{
    d = std::make_shared<Data>();
    Q_EMIT cleared();
}

const QList<ReplicationEvent> &ReplicationHistory::events() const { return d->events; }
const QList<TimelineMarker> &ReplicationHistory::markers() const { return d->markers; }
const QList<ReplicationSample> &ReplicationHistory::samples() const { return d->samples; }
ClusterSnapshotPtr ReplicationHistory::latestSnapshot() const { return d->latest; }
qint64 ReplicationHistory::droppedEvents() const { return d->droppedEvents; }
qint64 ReplicationHistory::droppedMarkers() const { return d->droppedMarkers; }
qint64 ReplicationHistory::droppedSamples() const { return d->droppedSamples; }

QList<QPair<QDateTime, int>> ReplicationHistory::isrSizeSeries(const QString &topic, int partition) const
{
    QList<QPair<QDateTime, int>> series;
    const auto first = d->firstSeen.constFind(PartitionKey{topic, partition});
    if (first == d->firstSeen.constEnd())
        return series;
    series.append({first->at, first->isrSize});
    // Events of one snapshot share its time: several replicas leaving at once make one point.
    // An event stamped with the first snapshot's time (or before) is already in its ISR.
    for (const ReplicationEvent &e : d->events) {
        if (!isIsrEvent(e.kind) || e.partition != partition || e.timestamp <= first->at || e.topic != topic)
            continue;
        const int size = static_cast<int>(e.after.size());
        if (series.constLast().first == e.timestamp)
            series.last().second = size;
        else if (e.timestamp > series.constLast().first && size != series.constLast().second)
            series.append({e.timestamp, size});
    }
    return series;
}

namespace {

void appendField(QByteArray &out, const QString &field)
{
    const QByteArray utf8 = field.toUtf8();
    const bool quote = utf8.contains(',') || utf8.contains('"') || utf8.contains('\n') || utf8.contains('\r');
    if (!quote) {
        out += utf8;
        return;
    }
    out += '"';
    for (const char c : utf8) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

QString idText(int id)
{
    return id < 0 ? QString() : QString::number(id);
}

QString listText(const QList<int> &ids)
{
    if (ids.isEmpty())
        return {};
    QStringList parts;
    for (const int id : ids)
        parts << QString::number(id);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

void appendRow(QByteArray &out, const QStringList &fields)
{
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        appendField(out, fields.at(i));
    }
    out += "\r\n";
}

QString timeText(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

// Sorted positions into `list` by timestamp, equal times in input order.
template <typename T>
QList<qsizetype> timeOrder(const QList<T> &list)
{
    QList<qsizetype> order(list.size());
    std::iota(order.begin(), order.end(), qsizetype(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](qsizetype a, qsizetype b) { return list.at(a).timestamp < list.at(b).timestamp; });
    return order;
}

} // namespace

Status writeTimelineCsv(QIODevice &out, const QList<ReplicationEvent> &events, const QList<TimelineMarker> &markers)
{
    QByteArray buffer;
    appendRow(buffer, {QStringLiteral("time"), QStringLiteral("kind"), QStringLiteral("broker"), QStringLiteral("topic"),
                       QStringLiteral("partition"), QStringLiteral("before"), QStringLiteral("after"),
                       QStringLiteral("description")});
    const QList<qsizetype> eventOrder = timeOrder(events);
    const QList<qsizetype> markerOrder = timeOrder(markers);
    qsizetype ei = 0;
    qsizetype mi = 0;
    const auto flush = [&]() -> Status {
        if (buffer.size() < (1 << 16))
            return ok();
        const qint64 written = out.write(buffer);
        if (written != buffer.size())
            return failure(QStringLiteral("Could not write the timeline."), out.errorString());
        buffer.clear();
        return ok();
    };
    while (ei < eventOrder.size() || mi < markerOrder.size()) {
        const bool takeMarker =
            mi < markerOrder.size() &&
            (ei >= eventOrder.size() ||
             !(events.at(eventOrder.at(ei)).timestamp < markers.at(markerOrder.at(mi)).timestamp));
        if (takeMarker) {
            const TimelineMarker &m = markers.at(markerOrder.at(mi++));
            appendRow(buffer, {timeText(m.timestamp),
                               m.source == TimelineMarker::Source::Drill ? QStringLiteral("DrillAction")
                                                                         : QStringLiteral("UserAction"),
                               idText(m.brokerId), QString(), QString(), QString(), QString(), m.text});
        } else {
            const ReplicationEvent &e = events.at(eventOrder.at(ei++));
            appendRow(buffer, {timeText(e.timestamp), kindName(e.kind), idText(e.brokerId), e.topic,
                               idText(e.partition), listText(e.before), listText(e.after), e.description()});
        }
        if (Status s = flush(); !s.ok())
            return s;
    }
    if (!buffer.isEmpty() && out.write(buffer) != buffer.size())
        return failure(QStringLiteral("Could not write the timeline."), out.errorString());
    return ok();
}

} // namespace kafdesk
