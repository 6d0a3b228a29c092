#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

namespace kafdesk {

// The change flash both partition maps share: a cell (topic, partition, broker) that a snapshot
// changed lights up at full strength and fades out over DurationMs. While any cell flashes the
// flasher ticks, so the view repaints; it stops by itself when the last flash is over. The
// per-topic map keys its cells with an empty topic. GUI thread only.
class PartitionMapFlasher : public QObject {
    Q_OBJECT
public:
    static constexpr int DurationMs = 1500;

    struct Key {
        QString topic;
        int partition = -1;
        int broker = -1;
        friend bool operator==(const Key &, const Key &) = default;
        friend size_t qHash(const Key &key, size_t seed = 0) noexcept
        {
            return qHashMulti(seed, key.topic, key.partition, key.broker);
        }
    };

    explicit PartitionMapFlasher(QObject *parent = nullptr);

    // Starts (or restarts) the flash of these cells.
    void flash(const QList<Key> &keys);
    void clear();

    // 1 just after the cell changed, fading to 0 once DurationMs have passed.
    qreal level(const Key &key) const;
    bool isFlashing() const { return !m_starts.isEmpty(); }

Q_SIGNALS:
    // About every 40 ms while something flashes (and once after the last flash ended): repaint.
    void tick();

private:
    void onTimer();

    QElapsedTimer m_clock;
    QHash<Key, qint64> m_starts; // m_clock time each flash began
    QTimer m_timer;
};

} // namespace kafdesk
