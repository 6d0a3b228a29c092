#include "support/pythonpeers.h"

#include <QElapsedTimer>

namespace kafdesk::test {

namespace {

const QString python = QStringLiteral("/usr/bin/python3");

// Commits offsets for a group as a consumer that never joins it: argv = bootstrap group
// topic:partition:offset...
const QString commitScript = QStringLiteral(R"(
import sys
from confluent_kafka import Consumer, TopicPartition
c = Consumer({'bootstrap.servers': sys.argv[1], 'group.id': sys.argv[2], 'enable.auto.commit': False})
offsets = []
for arg in sys.argv[3:]:
    t, p, o = arg.rsplit(':', 2)
    offsets.append(TopicPartition(t, int(p), int(o)))
for r in c.commit(offsets=offsets, asynchronous=False):
    if r.error:
        raise SystemExit('commit failed: %s' % r.error)
c.close()
)");

// A group member that subscribes, polls and never commits, until SIGTERM: argv = bootstrap group topic
// client-id.
const QString memberScript = QStringLiteral(R"(
import signal, sys
from confluent_kafka import Consumer
stop = False
def on_term(*_):
    global stop
    stop = True
signal.signal(signal.SIGTERM, on_term)
c = Consumer({'bootstrap.servers': sys.argv[1], 'group.id': sys.argv[2], 'client.id': sys.argv[4],
              'enable.auto.commit': False, 'session.timeout.ms': 6000, 'heartbeat.interval.ms': 1000})
def on_assign(consumer, partitions):
    print('assigned ' + ' '.join('%s:%d' % (p.topic, p.partition) for p in partitions), flush=True)
c.subscribe([sys.argv[3]], on_assign=on_assign)
while not stop:
    c.poll(0.2)
c.close()
print('closed', flush=True)
)");

} // namespace

RunResult commitOffsetsWithPython(const QString &bootstrap, const QString &group, const QStringList &offsets)
{
    return run(python, QStringList{QStringLiteral("-c"), commitScript, bootstrap, group} + offsets, {}, 60000);
}

PythonGroupMember::PythonGroupMember(const QString &bootstrap, const QString &group, const QString &topic,
                                     const QString &clientId)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(python, {QStringLiteral("-c"), memberScript, bootstrap, group, topic, clientId});
    m_process.waitForStarted(10000);
}

PythonGroupMember::~PythonGroupMember()
{
    stop();
}

QStringList PythonGroupMember::waitForAssignment(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(200);
        m_output += QString::fromUtf8(m_process.readAll());
        for (const QString &line : m_output.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("assigned ")))
                return line.mid(9).trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    }
    return {};
}

void PythonGroupMember::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    m_output += QString::fromUtf8(m_process.readAll());
}

} // namespace kafdesk::test
