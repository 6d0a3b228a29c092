#pragma once

// A heartbeat on the GUI thread: a short timer whose gaps say how long the event loop went
// without turning. On a loaded machine a gap is also time spent waiting for a core, so each gap
// is split into the GUI thread's own CPU time and its run-queue wait (Linux schedstat).

#include <QElapsedTimer>
#include <QTimer>

namespace kafdesk::test {

class Heartbeat {
public:
    explicit Heartbeat(int intervalMs = 10);

    void start();
    void stop();
    // Names what the test does from now on: each gap records the phase it ended in.
    void setPhase(const char *phase) { m_phase = phase; }

    struct Gap {
        qint64 wallMs = 0;   // between two ticks (the interval included)
        qint64 ownCpuMs = 0; // of it, the GUI thread's own CPU time
        qint64 waitMs = 0;   // of it, time the thread was runnable but waited for a core
        const char *phase = "";
    };
    Gap longestWall() const { return m_longestWall; } // the longest wall-clock gap
    Gap longestOwnCpu() const { return m_longestCpu; } // the gap with the most own CPU time
    qint64 ticks() const { return m_ticks; }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastWall = 0;
    qint64 m_lastCpu = 0;
    qint64 m_lastWait = 0;
    qint64 m_ticks = 0;
    const char *m_phase = "";
    Gap m_longestWall;
    Gap m_longestCpu;
};

} // namespace kafdesk::test
