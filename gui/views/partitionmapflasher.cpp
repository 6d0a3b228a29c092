#include "views/partitionmapflasher.h"

namespace kafdesk {

namespace {

constexpr int tickMs = 40; // 25 frames a second is smooth enough for a fade

} // namespace

PartitionMapFlasher::PartitionMapFlasher(QObject *parent) : QObject(parent)
{
    m_clock.start();
    m_timer.setInterval(tickMs);
    connect(&m_timer, &QTimer::timeout, this, &PartitionMapFlasher::onTimer);
}

void PartitionMapFlasher::flash(const QList<Key> &keys)
{
    if (keys.isEmpty())
        return;
    const qint64 now = m_clock.elapsed();
    for (const Key &key : keys)
        m_starts.insert(key, now);
    if (!m_timer.isActive())
        m_timer.start();
    Q_EMIT tick();
}

void PartitionMapFlasher::clear()
{
    m_starts.clear();
    m_timer.stop();
}

qreal PartitionMapFlasher::level(const Key &key) const
{
    const auto it = m_starts.constFind(key);
    if (it == m_starts.cend())
        return 0.0;
    const qreal t = static_cast<qreal>(m_clock.elapsed() - it.value()) / DurationMs;
    // Full strength for the first fifth, then a linear fade.
    return t >= 1.0 ? 0.0 : t < 0.2 ? 1.0 : 1.0 - (t - 0.2) / 0.8;
}

void PartitionMapFlasher::onTimer()
{
    const qint64 now = m_clock.elapsed();
    m_starts.removeIf([now](const auto &entry) { return now - entry.value() >= DurationMs; });
    if (m_starts.isEmpty())
        m_timer.stop();
    Q_EMIT tick();
}

} // namespace kafdesk
