#include "models/timelinemodel.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

namespace kafdesk {

namespace {

using Kind = ReplicationEvent::Kind;

QString idList(const QList<int> &ids)
{
    QStringList parts;
    for (const int id : ids)
        parts << QString::number(id);
    return QLatin1Char('[') + parts.join(QLatin1Char(',')) + QLatin1Char(']');
}

QString leaderOf(const QList<int> &ids)
{
    return ids.isEmpty() || ids.constFirst() < 0 ? TimelineModel::tr("none") : QString::number(ids.constFirst());
}

// A filled dot in the tone's colour, drawn once: the kind column's icon. Mid-tone colours that
// read on light and dark rows alike; the label says the same in words.
QIcon toneIcon(TimelineModel::Tone tone)
{
    static QIcon icons[3];
    QIcon &icon = icons[static_cast<int>(tone)];
    if (icon.isNull()) {
        const QColor colour = tone == TimelineModel::Tone::Bad    ? QColor(220, 60, 50)
                              : tone == TimelineModel::Tone::Good ? QColor(60, 170, 80)
                                                                  : QColor(230, 160, 40);
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(colour);
        p.drawEllipse(QRectF(6, 6, 20, 20));
        icon = QIcon(pixmap);
    }
    return icon;
}

} // namespace

TimelineModel::TimelineModel(ReplicationHistory *history, QObject *parent) : QAbstractTableModel(parent), m_history(history)
{
    if (history) {
        connect(history, &ReplicationHistory::eventsAdded, this, &TimelineModel::appendEvents);
        connect(history, &ReplicationHistory::markerAdded, this, &TimelineModel::insertMarker);
        connect(history, &ReplicationHistory::eventsDropped, this, [this](int n) { dropOldest(false, n); });
        connect(history, &ReplicationHistory::markersDropped, this, [this](int n) { dropOldest(true, n); });
        connect(history, &ReplicationHistory::cleared, this, &TimelineModel::reload);
    }
    reload();
}

void TimelineModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_eventRows = 0;
    if (m_history) {
        const QList<ReplicationEvent> &events = m_history->events();
        const QList<TimelineMarker> &markers = m_history->markers(); // sorted by time
        m_rows.reserve(events.size() + markers.size());
        for (const ReplicationEvent &e : events)
            m_rows.append(Row{false, e, {}});
        std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row &a, const Row &b) { return a.time() < b.time(); });
        m_eventRows = static_cast<int>(m_rows.size());
        // Markers go before the events of their instant, after earlier markers of it.
        for (const TimelineMarker &m : markers) {
            auto at = std::lower_bound(m_rows.begin(), m_rows.end(), m.timestamp,
                                       [](const Row &r, const QDateTime &t) { return r.time() < t; });
            while (at != m_rows.end() && at->marker && at->time() == m.timestamp)
                ++at;
            m_rows.insert(at, Row{true, {}, m});
        }
    }
    endResetModel();
}

void TimelineModel::appendEvents(int count)
{
    if (!m_history || count <= 0)
        return;
    const QList<ReplicationEvent> &events = m_history->events();
    const qsizetype first = std::max<qsizetype>(0, events.size() - count);
    QList<Row> pending; // the run that goes at the end, inserted at once
    const auto flush = [&] {
        if (pending.isEmpty())
            return;
        const int start = static_cast<int>(m_rows.size());
        beginInsertRows({}, start, start + static_cast<int>(pending.size()) - 1);
        m_rows << pending;
        m_eventRows += static_cast<int>(pending.size());
        endInsertRows();
        pending.clear();
    };
    for (qsizetype i = first; i < events.size(); ++i) {
        const ReplicationEvent &e = events.at(i);
        const QDateTime &lastTime = pending.isEmpty() ? (m_rows.isEmpty() ? e.timestamp : m_rows.constLast().time())
                                                      : pending.constLast().time();
        if (!(e.timestamp < lastTime)) {
            pending.append(Row{false, e, {}});
            continue;
        }
        // Older than what is shown (rare: snapshots answered out of order): in its place.
        flush();
        auto at = std::upper_bound(m_rows.begin(), m_rows.end(), e.timestamp,
                                   [](const QDateTime &t, const Row &r) { return t < r.time(); });
        const int row = static_cast<int>(at - m_rows.begin());
        beginInsertRows({}, row, row);
        m_rows.insert(row, Row{false, e, {}});
        ++m_eventRows;
        endInsertRows();
    }
    flush();
}

void TimelineModel::insertMarker(const TimelineMarker &marker)
{
    auto at = std::lower_bound(m_rows.begin(), m_rows.end(), marker.timestamp,
                               [](const Row &r, const QDateTime &t) { return r.time() < t; });
    while (at != m_rows.end() && at->marker && at->time() == marker.timestamp)
        ++at;
    const int row = static_cast<int>(at - m_rows.begin());
    beginInsertRows({}, row, row);
    m_rows.insert(row, Row{true, {}, marker});
    endInsertRows();
}

void TimelineModel::dropOldest(bool markers, int count)
{
    // The oldest `count` rows of the kind, removed as contiguous ranges from the bottom up.
    QList<int> rows;
    for (int i = 0; i < m_rows.size() && rows.size() < count; ++i)
        if (m_rows.at(i).marker == markers)
            rows << i;
    while (!rows.isEmpty()) {
        const int last = rows.takeLast();
        int first = last;
        while (!rows.isEmpty() && rows.constLast() == first - 1)
            first = rows.takeLast();
        beginRemoveRows({}, first, last);
        m_rows.remove(first, last - first + 1);
        if (!markers)
            m_eventRows -= last - first + 1;
        endRemoveRows();
    }
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool TimelineModel::isMarker(int row) const
{
    return row >= 0 && row < m_rows.size() && m_rows.at(row).marker;
}

ReplicationEvent TimelineModel::event(int row) const
{
    return row >= 0 && row < m_rows.size() && !m_rows.at(row).marker ? m_rows.at(row).event : ReplicationEvent{};
}

TimelineMarker TimelineModel::marker(int row) const
{
    return isMarker(row) ? m_rows.at(row).mark : TimelineMarker{};
}

QString TimelineModel::kindLabel(ReplicationEvent::Kind kind)
{
    switch (kind) {
    case Kind::BrokerDown: return tr("Broker down");
    case Kind::BrokerUp: return tr("Broker up");
    case Kind::LeaderChanged: return tr("Leader changed");
    case Kind::PartitionOffline: return tr("Partition offline");
    case Kind::PartitionOnline: return tr("Partition online");
    case Kind::IsrShrunk: return tr("ISR shrank");
    case Kind::IsrExpanded: return tr("ISR grew");
    case Kind::UnderReplicatedStarted: return tr("Under-replicated");
    case Kind::UnderReplicatedEnded: return tr("Fully replicated");
    case Kind::TopicCreated: return tr("Topic created");
    case Kind::TopicDeleted: return tr("Topic deleted");
    case Kind::PartitionsAdded: return tr("Partitions added");
    }
    return {};
}

TimelineModel::Tone TimelineModel::toneOf(ReplicationEvent::Kind kind)
{
    switch (kind) {
    case Kind::BrokerDown:
    case Kind::PartitionOffline:
    case Kind::IsrShrunk:
    case Kind::UnderReplicatedStarted:
    case Kind::TopicDeleted: return Tone::Bad;
    case Kind::BrokerUp:
    case Kind::PartitionOnline:
    case Kind::IsrExpanded:
    case Kind::UnderReplicatedEnded: return Tone::Good;
    case Kind::LeaderChanged:
    case Kind::TopicCreated:
    case Kind::PartitionsAdded: break;
    }
    return Tone::Neutral;
}

QString TimelineModel::changeText(const ReplicationEvent &e)
{
    switch (e.kind) {
    case Kind::BrokerDown: return tr("down");
    case Kind::BrokerUp: return tr("up");
    case Kind::LeaderChanged: return tr("leader %1 → %2").arg(leaderOf(e.before), leaderOf(e.after));
    case Kind::PartitionOffline: return tr("offline (leader %1 lost)").arg(leaderOf(e.before));
    case Kind::PartitionOnline: return tr("back online, leader %1").arg(leaderOf(e.after));
    case Kind::IsrShrunk:
    case Kind::IsrExpanded: return tr("ISR %1 → %2").arg(idList(e.before), idList(e.after));
    case Kind::UnderReplicatedStarted: return tr("under-replicated, ISR %1").arg(idList(e.after));
    case Kind::UnderReplicatedEnded: return tr("fully replicated, ISR %1").arg(idList(e.after));
    case Kind::TopicCreated:
        if (e.after.isEmpty())
            return tr("created");
        return e.after.constFirst() == 1 ? tr("created, 1 partition") : tr("created, %1 partitions").arg(e.after.constFirst());
    case Kind::TopicDeleted: return tr("deleted");
    case Kind::PartitionsAdded:
        return tr("partitions %1 → %2").arg(e.before.value(0)).arg(e.after.value(0));
    }
    return {};
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    return rowData(m_rows.at(index.row()), index.column(), role);
}

QVariant TimelineModel::rowData(const Row &row, int column, int role) const
{
    const ReplicationEvent &e = row.event;
    const TimelineMarker &m = row.mark;
    switch (role) {
    case IsMarkerRole: return row.marker;
    case KindRole: return row.marker ? -1 : static_cast<int>(e.kind);
    case BrokerRole: return row.marker ? m.brokerId : e.brokerId;
    case BrokersInvolvedRole: {
        QList<int> ids;
        const int broker = row.marker ? m.brokerId : e.brokerId;
        if (broker >= 0)
            ids << broker;
        if (!row.marker && (e.kind == Kind::LeaderChanged || e.kind == Kind::PartitionOffline || e.kind == Kind::PartitionOnline))
            for (const int id : e.before + e.after)
                if (id >= 0 && !ids.contains(id))
                    ids << id;
        return QVariant::fromValue(ids);
    }
    case TopicRole: return row.marker ? QString() : e.topic;
    case PartitionRole: return row.marker ? -1 : e.partition;
    case TimestampRole: return row.time();
    case Qt::ToolTipRole:
        if (row.marker)
            return m.source == TimelineMarker::Source::Drill ? tr("Failure drill, %1: %2").arg(
                                                                   QLocale().toString(m.timestamp.toLocalTime(), QLocale::LongFormat), m.text)
                                                             : tr("You, %1: %2").arg(
                                                                   QLocale().toString(m.timestamp.toLocalTime(), QLocale::LongFormat), m.text);
        return e.description();
    case Qt::FontRole:
        if (row.marker) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        // An amber tint, unlike the selection, that reads on light and dark rows alike.
        return row.marker ? QVariant(QColor(240, 180, 40, 70)) : QVariant();
    case Qt::DecorationRole:
        if (column == KindColumn && !row.marker)
            return toneIcon(toneOf(e.kind));
        return {};
    case Qt::TextAlignmentRole:
        if (column == BrokerColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole: break;
    default: return {};
    }
    switch (column) {
    case TimeColumn: return row.time().toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case KindColumn:
        if (row.marker)
            return m.source == TimelineMarker::Source::Drill ? tr("Drill action") : tr("Your action");
        return kindLabel(e.kind);
    case BrokerColumn: {
        const int broker = row.marker ? m.brokerId : e.brokerId;
        return broker < 0 ? QString() : QString::number(broker);
    }
    case PartitionColumn: return row.marker ? QString() : e.partitionName();
    case ChangeColumn: return row.marker ? QString(QStringLiteral("▶ ") + m.text) : changeText(e);
    default: return {};
    }
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: return tr("Time");
    case KindColumn: return tr("Kind");
    case BrokerColumn: return tr("Broker");
    case PartitionColumn: return tr("Partition");
    case ChangeColumn: return tr("What changed");
    default: return {};
    }
}

} // namespace kafdesk
