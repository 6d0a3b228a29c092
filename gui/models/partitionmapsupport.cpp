#include "models/partitionmapsupport.h"

#include <QColor>
#include <QPainter>
#include <QPen>
#include <QPixmap>
#include <QPolygonF>
#include <QSet>

#include <algorithm>

namespace kafdesk::partitionmap {

namespace {

QSet<int> knownIds(const QList<BrokerState> &brokers)
{
    QSet<int> ids;
    for (const BrokerState &b : brokers)
        ids.insert(b.id);
    return ids;
}

// Snapshots from fromMetadata() already list every replica's broker; hand-built ones may not.
void addReplicaBrokers(QList<BrokerState> &brokers, QSet<int> &known, const QList<PartitionState> &partitions)
{
    for (const PartitionState &p : partitions) {
        for (const int replica : p.replicas) {
            if (!known.contains(replica)) {
                known.insert(replica);
                BrokerState unknown;
                unknown.id = replica;
                brokers << unknown;
            }
        }
    }
}

template <typename T>
void sortById(QList<T> &list)
{
    const auto byId = [](const T &a, const T &b) { return a.id < b.id; };
    if (!std::is_sorted(list.cbegin(), list.cend(), byId))
        std::stable_sort(list.begin(), list.end(), byId);
}

} // namespace

std::pair<QList<BrokerState>, QList<PartitionState>> columnsAndRows(const ClusterSnapshot *snapshot,
                                                                     const QString &topic)
{
    if (!snapshot)
        return {};
    QList<BrokerState> brokers = snapshot->brokers;
    const TopicState *t = topic.isEmpty() ? nullptr : snapshot->topic(topic);
    QList<PartitionState> partitions = t ? t->partitions : QList<PartitionState>();
    QSet<int> known = knownIds(brokers);
    addReplicaBrokers(brokers, known, partitions);
    sortById(brokers);
    sortById(partitions);
    return {std::move(brokers), std::move(partitions)};
}

QList<BrokerState> allBrokers(const ClusterSnapshot *snapshot)
{
    if (!snapshot)
        return {};
    QList<BrokerState> brokers = snapshot->brokers;
    QSet<int> known = knownIds(brokers);
    for (const TopicState &t : snapshot->topics)
        addReplicaBrokers(brokers, known, t.partitions);
    sortById(brokers);
    return brokers;
}

QIcon stateDot(bool alive)
{
    static const auto make = [](const QColor &color) {
        QPixmap pm(16, 16);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(color.darker(130));
        p.setBrush(color);
        p.drawEllipse(QRectF(3.5, 3.5, 9, 9));
        return QIcon(pm);
    };
    static const QIcon up = make(QColor(0x2e, 0xa0, 0x43));
    static const QIcon down = make(QColor(0xd0, 0x3a, 0x2f));
    return alive ? up : down;
}

QIcon warningIcon(bool offline)
{
    static const auto make = [](const QColor &color) {
        QPixmap pm(16, 16);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(color.darker(140), 1));
        p.setBrush(color);
        p.drawPolygon(QPolygonF({QPointF(8, 1.5), QPointF(15, 14.5), QPointF(1, 14.5)}));
        p.setPen(QPen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(8, 6), QPointF(8, 9.5));
        p.drawPoint(QPointF(8, 12.2));
        return QIcon(pm);
    };
    static const QIcon red = make(QColor(0xd0, 0x3a, 0x2f));
    static const QIcon amber = make(QColor(0xe0, 0x9a, 0x1a));
    return offline ? red : amber;
}

QList<std::pair<int, int>> runs(const QList<int> &sorted)
{
    QList<std::pair<int, int>> result;
    for (const int n : sorted) {
        if (!result.isEmpty() && result.last().second + 1 == n)
            result.last().second = n;
        else
            result.append({n, n});
    }
    return result;
}

} // namespace kafdesk::partitionmap
