// ReplicationHistory with hand-built snapshots and events: samples, bounds, the ISR size series,
// and the CSV export (RFC 4180 quoting, merge order, marker rows).

#include "cluster/replicationhistory.h"

#include <QBuffer>
#include <QSignalSpy>
#include <QTest>

using namespace kafdesk;
using Kind = ReplicationEvent::Kind;

namespace {

const QDateTime t0(QDate(2026, 12, 1), QTime(10, 0, 0), Qt::UTC);

PartitionState partition(int id, int leader, const QList<int> &replicas, const QList<int> &isr)
{
    PartitionState p;
    p.id = id;
    p.leader = leader;
    p.replicas = replicas;
    p.isr = isr;
    return p;
}

// Brokers 1..3 (`alive` of them alive) and topic "orders" with the given partitions.
ClusterSnapshotPtr snapshot(int secs, const QList<int> &alive, const QList<PartitionState> &partitions)
{
    auto s = std::make_shared<ClusterSnapshot>();
    s->takenAt = t0.addSecs(secs);
    for (int id = 1; id <= 3; ++id)
        s->brokers << BrokerState{id, QStringLiteral("127.0.0.1"), static_cast<quint16>(9090 + id), alive.contains(id)};
    TopicState t;
    t.name = QStringLiteral("orders");
    t.partitions = partitions;
    s->topics << t;
    s->normalize();
    return s;
}

ReplicationEvent makeEvent(int secs, Kind kind, int broker, int part, const QList<int> &before, const QList<int> &after,
                       const QString &topic = QStringLiteral("orders"))
{
    ReplicationEvent e;
    e.timestamp = t0.addSecs(secs);
    e.kind = kind;
    e.brokerId = broker;
    e.topic = topic;
    e.partition = part;
    e.before = before;
    e.after = after;
    return e;
}

// A small RFC 4180 reader: rows of fields, quoted fields may hold commas, quotes and line breaks.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !row.isEmpty())
        rows << (row << field);
    return rows;
}

QByteArray csvOf(const QList<ReplicationEvent> &events, const QList<TimelineMarker> &markers)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const Status s = writeTimelineCsv(buffer, events, markers);
    return s.ok() ? buffer.data() : QByteArray("FAILED: ") + s.error().fullText().toUtf8();
}

} // namespace

class TestReplicationHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void samplesCountWhatTheSnapshotShows()
    {
        ReplicationHistory h;
        QSignalSpy added(&h, &ReplicationHistory::sampleAdded);
        h.addSnapshot(snapshot(0, {1, 2, 3},
                               {partition(0, 1, {1, 2, 3}, {1, 2, 3}), partition(1, 2, {2, 3, 1}, {2, 3, 1}),
                                partition(2, 1, {3, 1, 2}, {1, 2, 3})}));
        h.addSnapshot(snapshot(1, {1, 3},
                               {partition(0, 1, {1, 2, 3}, {1, 3}), partition(1, -1, {2, 3, 1}, {2}),
                                partition(2, 3, {3, 1, 2}, {1, 3})}));
        QCOMPARE(added.count(), 2);
        QCOMPARE(h.samples().size(), 2);
        const ReplicationSample &a = h.samples().at(0);
        QCOMPARE(a.timestamp, t0);
        QCOMPARE(a.underReplicated, 0);
        QCOMPARE(a.offline, 0);
        QCOMPARE(a.aliveBrokers, (QList<int>{1, 2, 3}));
        QCOMPARE(a.leadersPerBroker, (QMap<int, int>{{1, 2}, {2, 1}, {3, 0}}));
        const ReplicationSample &b = h.samples().at(1);
        QCOMPARE(b.underReplicated, 3);
        QCOMPARE(b.offline, 1);
        QCOMPARE(b.aliveBrokers, (QList<int>{1, 3}));
        QCOMPARE(b.leadersPerBroker, (QMap<int, int>{{1, 1}, {2, 0}, {3, 1}})); // broker 2 listed with 0
        QCOMPARE(h.latestSnapshot()->takenAt, t0.addSecs(1));

        QSignalSpy cleared(&h, &ReplicationHistory::cleared);
        h.clear();
        QCOMPARE(cleared.count(), 1);
        QVERIFY(h.samples().isEmpty());
        QVERIFY(!h.latestSnapshot());
        QVERIFY(h.isrSizeSeries(QStringLiteral("orders"), 0).isEmpty());
    }

    void boundsDropTheOldestAndCountThem()
    {
        ReplicationHistory h;
        QSignalSpy dropped(&h, &ReplicationHistory::eventsDropped);
        QSignalSpy added(&h, &ReplicationHistory::eventsAdded);
        QList<ReplicationEvent> batch;
        for (int i = 0; i < ReplicationHistory::maxEvents - 10; ++i)
            batch << makeEvent(i, Kind::LeaderChanged, 2, i % 6, {1}, {2});
        h.addEvents(batch);
        QCOMPARE(dropped.count(), 0);
        QCOMPARE(added.takeFirst().at(0).toInt(), ReplicationHistory::maxEvents - 10);
        batch.clear();
        for (int i = 0; i < 25; ++i)
            batch << makeEvent(100000 + i, Kind::IsrShrunk, 3, 0, {1, 2, 3}, {1, 2});
        h.addEvents(batch);
        QCOMPARE(h.events().size(), ReplicationHistory::maxEvents);
        QCOMPARE(h.droppedEvents(), 15);
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.at(0).at(0).toInt(), 15);
        QCOMPARE(added.takeFirst().at(0).toInt(), 25);
        QCOMPARE(h.events().constFirst().timestamp, t0.addSecs(15)); // the oldest 15 went
        QCOMPARE(h.events().constLast().timestamp, t0.addSecs(100024));
        h.addEvents({});
        QCOMPARE(added.count(), 0); // nothing new, no signal

        for (int i = 0; i < ReplicationHistory::maxMarkers + 3; ++i)
            h.addMarker(TimelineMarker{t0.addMSecs(i), QStringLiteral("m%1").arg(i), 1, TimelineMarker::Source::User});
        QCOMPARE(h.markers().size(), ReplicationHistory::maxMarkers);
        QCOMPARE(h.droppedMarkers(), 3);
        QCOMPARE(h.markers().constFirst().text, QStringLiteral("m3"));
        // Older than every marker of a full list: dropped at once, never announced.
        QSignalSpy markerAdded(&h, &ReplicationHistory::markerAdded);
        h.addMarker(TimelineMarker{t0.addSecs(-1), QStringLiteral("too old"), 1, TimelineMarker::Source::User});
        QCOMPARE(markerAdded.count(), 0);
        QCOMPARE(h.droppedMarkers(), 4);
        QCOMPARE(h.markers().constFirst().text, QStringLiteral("m3"));

        const auto snap = snapshot(0, {1, 2, 3}, {partition(0, 1, {1, 2, 3}, {1, 2, 3})});
        for (int i = 0; i < ReplicationHistory::maxSamples + 7; ++i)
            h.addSnapshot(snap);
        QCOMPARE(h.samples().size(), ReplicationHistory::maxSamples);
        QCOMPARE(h.droppedSamples(), 7);

        h.clear();
        QCOMPARE(h.droppedEvents(), 0);
        QVERIFY(h.events().isEmpty());
        QVERIFY(h.markers().isEmpty());
    }

    void markersStayInTimeOrder()
    {
        ReplicationHistory h;
        h.addMarker(TimelineMarker{t0.addSecs(10), QStringLiteral("b"), 2, TimelineMarker::Source::User});
        h.addMarker(TimelineMarker{t0.addSecs(5), QStringLiteral("a"), 1, TimelineMarker::Source::Drill});
        h.addMarker(TimelineMarker{t0.addSecs(10), QStringLiteral("c"), -1, TimelineMarker::Source::User});
        QCOMPARE(h.markers().size(), 3);
        QCOMPARE(h.markers().at(0).text, QStringLiteral("a"));
        QCOMPARE(h.markers().at(1).text, QStringLiteral("b"));
        QCOMPARE(h.markers().at(2).text, QStringLiteral("c")); // equal times: in the order added
    }

    void isrSizeSeriesStartsAtTheFirstSnapshotAndFollowsTheEvents()
    {
        ReplicationHistory h;
        QVERIFY(h.isrSizeSeries(QStringLiteral("orders"), 0).isEmpty()); // never seen
        // An ISR event older than (or as old as) the first snapshot is already in that snapshot.
        h.addEvents({makeEvent(0, Kind::IsrShrunk, 2, 0, {1, 2, 3}, {1, 3})});
        h.addSnapshot(snapshot(0, {1, 3}, {partition(0, 1, {1, 2, 3}, {1, 3}), partition(1, 3, {1, 2, 3}, {1, 2, 3})}));
        QCOMPARE(h.isrSizeSeries(QStringLiteral("orders"), 0), (QList<QPair<QDateTime, int>>{{t0, 2}}));
        // Later snapshots change nothing of the start; only ISR events of this partition count.
        h.addSnapshot(snapshot(1, {1, 3}, {partition(0, 1, {1, 2, 3}, {1, 3}), partition(1, 3, {1, 2, 3}, {1, 3})}));
        h.addEvents({makeEvent(1, Kind::IsrShrunk, 2, 1, {1, 2, 3}, {1, 3}),      // another partition
                     makeEvent(1, Kind::LeaderChanged, 3, 0, {1}, {3}),           // not an ISR event
                     makeEvent(1, Kind::IsrShrunk, 1, 0, {1, 3}, {3}, QStringLiteral("other"))}); // another topic
        h.addEvents({makeEvent(4, Kind::IsrExpanded, 2, 0, {1, 3}, {1, 2, 3})});
        // Two replicas leave in one snapshot: two events, one point.
        h.addEvents({makeEvent(9, Kind::IsrShrunk, 1, 0, {1, 2, 3}, {3}), makeEvent(9, Kind::IsrShrunk, 2, 0, {1, 2, 3}, {3})});
        // A new partition starts where the snapshot that first lists it says.
        h.addSnapshot(snapshot(10, {1, 2, 3},
                               {partition(0, 3, {1, 2, 3}, {3}), partition(1, 3, {1, 2, 3}, {1, 3}),
                                partition(2, 2, {1, 2, 3}, {2, 3})}));
        h.addEvents({makeEvent(12, Kind::IsrExpanded, 1, 0, {3}, {1, 3}), makeEvent(12, Kind::IsrExpanded, 1, 2, {2, 3}, {1, 2, 3})});
        const QList<QPair<QDateTime, int>> expected{
            {t0, 2}, {t0.addSecs(4), 3}, {t0.addSecs(9), 1}, {t0.addSecs(12), 2}};
        QCOMPARE(h.isrSizeSeries(QStringLiteral("orders"), 0), expected);
        QCOMPARE(h.isrSizeSeries(QStringLiteral("orders"), 1),
                 (QList<QPair<QDateTime, int>>{{t0, 3}, {t0.addSecs(1), 2}}));
        QCOMPARE(h.isrSizeSeries(QStringLiteral("orders"), 2),
                 (QList<QPair<QDateTime, int>>{{t0.addSecs(10), 2}, {t0.addSecs(12), 3}}));
        QVERIFY(h.isrSizeSeries(QStringLiteral("other"), 0).isEmpty()); // no snapshot had it
    }

    void csvQuotesAndMergesByTime()
    {
        ReplicationEvent down = makeEvent(1, Kind::BrokerDown, 2, -1, {}, {}, QString());
        ReplicationEvent moved = makeEvent(2, Kind::LeaderChanged, 3, 0, {2}, {3}, QStringLiteral("a,b\"c"));
        ReplicationEvent shrunk = makeEvent(2, Kind::IsrShrunk, 2, 0, {1, 2, 3}, {1, 3});
        ReplicationEvent early = makeEvent(0, Kind::TopicCreated, -1, -1, {}, {6}, QStringLiteral("line\nbreak"));
        // Out of order on purpose: the writer sorts (stably) by time.
        const QList<ReplicationEvent> events{down, moved, shrunk, early};
        const QList<TimelineMarker> markers{
            TimelineMarker{t0.addSecs(1), QStringLiteral("Killed node 2 (SIGKILL), \"hard\""), 2, TimelineMarker::Source::User},
            TimelineMarker{t0.addMSecs(2500), QStringLiteral("Drill: kill 1 of 5"), -1, TimelineMarker::Source::Drill}};
        const QByteArray bytes = csvOf(events, markers);
        QVERIFY2(!bytes.startsWith("FAILED"), bytes.constData());
        QVERIFY(bytes.startsWith("time,kind,broker,topic,partition,before,after,description\r\n"));
        QVERIFY(bytes.endsWith("\r\n"));
        QVERIFY(bytes.contains("\"a,b\"\"c\"")); // comma and quote: quoted, the quote doubled
        QVERIFY(bytes.contains("\"line\nbreak\""));

        const QList<QStringList> rows = parseCsv(bytes);
        QCOMPARE(rows.size(), 1 + events.size() + markers.size());
        for (const QStringList &r : rows)
            QCOMPARE(r.size(), 8);
        QStringList kinds;
        for (qsizetype i = 1; i < rows.size(); ++i)
            kinds << rows.at(i).at(1);
        // A marker at the same time as an event comes first: the action before its effect.
        QCOMPARE(kinds, (QStringList{QStringLiteral("TopicCreated"), QStringLiteral("UserAction"), QStringLiteral("BrokerDown"),
                                     QStringLiteral("LeaderChanged"), QStringLiteral("IsrShrunk"), QStringLiteral("DrillAction")}));
        QCOMPARE(rows.at(1), (QStringList{QStringLiteral("2026-12-01T10:00:00.000Z"), QStringLiteral("TopicCreated"), QString(),
                                          QStringLiteral("line\nbreak"), QString(), QString(), QStringLiteral("[6]"),
                                          early.description()}));
        QCOMPARE(rows.at(2), (QStringList{QStringLiteral("2026-12-01T10:00:01.000Z"), QStringLiteral("UserAction"),
                                          QStringLiteral("2"), QString(), QString(), QString(), QString(),
                                          QStringLiteral("Killed node 2 (SIGKILL), \"hard\"")}));
        QCOMPARE(rows.at(4), (QStringList{QStringLiteral("2026-12-01T10:00:02.000Z"), QStringLiteral("LeaderChanged"),
                                          QStringLiteral("3"), QStringLiteral("a,b\"c"), QStringLiteral("0"),
                                          QStringLiteral("[2]"), QStringLiteral("[3]"), moved.description()}));
        QCOMPARE(rows.at(5).at(5), QStringLiteral("[1,2,3]"));
        QCOMPARE(rows.at(5).at(6), QStringLiteral("[1,3]"));
        QCOMPARE(rows.at(6).at(0), QStringLiteral("2026-12-01T10:00:02.500Z"));
        QCOMPARE(rows.at(6).at(2), QString()); // the whole cluster: no broker

        // Nothing happened: the header alone.
        QCOMPARE(csvOf({}, {}), QByteArray("time,kind,broker,topic,partition,before,after,description\r\n"));
    }

    void csvReportsAWriteFailure()
    {
        QBuffer closed; // not open: every write fails
        const Status s = writeTimelineCsv(closed, {makeEvent(0, Kind::BrokerUp, 1, -1, {}, {}, QString())}, {});
        QVERIFY(!s.ok());
        QVERIFY(!s.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReplicationHistory)
#include "tst_replicationhistory.moc"
