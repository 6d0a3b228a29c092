#include "widgets/startupprobe.h"

#include <QApplication>
#include <QEvent>
#include <QFile>
#include <QTimer>
#include <QWidget>

#include <cstdio>
#include <ctime>

namespace kafdesk {

StartupProbe::StartupProbe(QWidget *window, int idleSeconds)
    : m_window(window)
    , m_idleMs(idleSeconds * 1000)
{
    qApp->installEventFilter(this);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    auto *widget = event->type() == QEvent::Paint ? qobject_cast<QWidget *>(watched) : nullptr;
    if (widget && widget->window() == m_window) {
        qApp->removeEventFilter(this);
        // Queued behind the rest of this repaint: the whole frame is painted and flushed by then.
        QTimer::singleShot(0, this, [this] {
            timespec ts{};
            clock_gettime(CLOCK_MONOTONIC, &ts);
            std::fprintf(stderr, "kafdesk-bench: first-paint-monotonic-ns=%lld\n",
                         static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec);
            std::fflush(stderr);
            QTimer::singleShot(m_idleMs, this, &StartupProbe::reportIdle);
        });
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::reportIdle()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (status.open(QIODevice::ReadOnly))
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:"))
                std::fprintf(stderr, "kafdesk-bench: %s\n", line.simplified().constData());
    std::fflush(stderr);
    QApplication::quit();
}

} // namespace kafdesk
