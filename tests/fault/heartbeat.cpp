#include "heartbeat.h"

#include "support/testsupport.h"

#include <QFile>

namespace kafdesk::test {

namespace {

// How long the calling thread has waited, runnable, for a CPU (ms; 0 where schedstat is missing).
qint64 runQueueWaitMs()
{
    QFile f(QStringLiteral("/proc/thread-self/schedstat"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() >= 2 ? fields[1].toLongLong() / 1000000 : 0;
}

} // namespace

Heartbeat::Heartbeat(int intervalMs)
{
    m_timer.setInterval(intervalMs);
    m_timer.setTimerType(Qt::PreciseTimer);
    QObject::connect(&m_timer, &QTimer::timeout, &m_timer, [this] { tick(); });
}

void Heartbeat::start()
{
    m_clock.start();
    m_lastWall = 0;
    m_lastCpu = threadCpuMs();
    m_lastWait = runQueueWaitMs();
    m_timer.start();
}

void Heartbeat::stop()
{
    m_timer.stop();
}

void Heartbeat::tick()
{
    const qint64 wall = m_clock.elapsed();
    const qint64 cpu = threadCpuMs();
    const qint64 wait = runQueueWaitMs();
    const Gap gap{wall - m_lastWall, cpu - m_lastCpu, wait - m_lastWait, m_phase};
    if (gap.wallMs > m_longestWall.wallMs)
        m_longestWall = gap;
    if (gap.ownCpuMs > m_longestCpu.ownCpuMs)
        m_longestCpu = gap;
    m_lastWall = wall;
    m_lastCpu = cpu;
    m_lastWait = wait;
    ++m_ticks;
}

} // namespace kafdesk::test
