#pragma once

#include <QObject>

class QWidget;

namespace kafdesk {

// What kafdesk does with KAFDESK_BENCH_STARTUP=<idle seconds> (tests/bench/bench_startup.py; its
// peer bench_qtpeer runs the same probe): prints the CLOCK_MONOTONIC time at which the window's
// first frame was painted, then, after the idle seconds, the process's VmRSS, and quits. Nothing
// else changes, so the benchmark times the real start.
class StartupProbe : public QObject {
public:
    StartupProbe(QWidget *window, int idleSeconds);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void reportIdle();

    QWidget *m_window;
    int m_idleMs;
};

} // namespace kafdesk
