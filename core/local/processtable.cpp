#include "local/processtable.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QThread>

#include <csignal>

namespace kafdesk::processtable {

namespace {

QByteArray readProcFile(qint64 pid, const char *file)
{
    QFile f(QStringLiteral("/proc/%1/%2").arg(pid).arg(QLatin1String(file)));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// The one-letter state from /proc/PID/stat, after the parenthesised command name.
char procStateLetter(qint64 pid)
{
    const QByteArray stat = readProcFile(pid, "stat");
    const qsizetype close = stat.lastIndexOf(')');
    if (close < 0 || close + 2 >= stat.size())
        return '?';
    return stat.at(close + 2);
}

} // namespace

ProcessState stateOf(qint64 pid, const QString &commandLineMarker)
{
    if (pid <= 0)
        return ProcessState::Gone;
    QByteArray cmdline = readProcFile(pid, "cmdline");
    if (cmdline.isEmpty())
        return ProcessState::Gone;
    cmdline.replace('\0', ' ');
    if (!cmdline.contains(commandLineMarker.toUtf8()))
        return ProcessState::Gone; // the pid now belongs to someone else
    switch (procStateLetter(pid)) {
    case 'Z':
    case 'X':
    case '?':
        return ProcessState::Gone;
    case 'T':
    case 't':
        return ProcessState::Stopped;
    default:
        return ProcessState::Running;
    }
}

bool signal(qint64 pid, const QString &marker, int signalNumber)
{
    if (!isAlive(pid, marker))
        return false;
    return ::kill(static_cast<pid_t>(pid), signalNumber) == 0;
}

bool waitForExit(qint64 pid, const QString &marker, std::chrono::milliseconds timeout)
{
    QElapsedTimer timer;
    timer.start();
    while (isAlive(pid, marker)) {
        if (timer.elapsed() >= timeout.count())
            return false;
        QThread::msleep(50);
    }
    return true;
}

QList<qint64> findByMarker(const QString &marker)
{
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (isPid && isAlive(pid, marker))
            pids << pid;
    }
    return pids;
}

} // namespace kafdesk::processtable
