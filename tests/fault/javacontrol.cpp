#include "javacontrol.h"

#include "local/kafkadistribution.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace kafdesk::test {

namespace {

// Calls `each` with every JSON object line of the file (log lines and a torn last line skipped).
template <typename Each>
void forEachEvent(const QString &file, Each each)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (!line.startsWith('{') || !line.endsWith('}'))
            continue;
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            each(doc.object());
    }
}

} // namespace

JavaTool::JavaTool(QString mainClass, QStringList args, QString outputFile)
    : m_mainClass(std::move(mainClass)), m_args(std::move(args)), m_outputFile(std::move(outputFile))
{
}

JavaTool::~JavaTool()
{
    kill();
}

bool JavaTool::start(QString *error)
{
    auto dist = KafkaDistribution::locate();
    if (!dist) {
        *error = dist.error().fullText();
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setStandardOutputFile(m_outputFile);
    m_process->setStandardErrorFile(m_outputFile + QStringLiteral(".stderr"));
    // As test::kafkaTool runs Kafka's classes: a small heap and the C1 compiler start it fast.
    const QStringList javaArgs{QStringLiteral("-Xmx256m"), QStringLiteral("-XX:TieredStopAtLevel=1"),
                               QStringLiteral("-Dlog4j2.level=WARN"), QStringLiteral("-cp"), dist->classPath(),
                               m_mainClass};
    m_process->start(dist->javaPath, javaArgs + m_args);
    if (!m_process->waitForStarted(10000)) {
        *error = m_process->errorString();
        return false;
    }
    return true;
}

bool JavaTool::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void JavaTool::terminate()
{
    if (isRunning())
        m_process->terminate();
}

void JavaTool::kill()
{
    if (isRunning()) {
        m_process->kill();
        m_process->waitForFinished(5000);
    }
}

int JavaTool::exitCode() const
{
    return m_process ? m_process->exitCode() : -1;
}

QString JavaTool::errorOutput() const
{
    QFile f(m_outputFile + QStringLiteral(".stderr"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll().right(2000));
}

VerifiableProducerLog readProducerLog(const QString &file)
{
    VerifiableProducerLog log;
    forEachEvent(file, [&](const QJsonObject &o) {
        const QString name = o.value(QStringLiteral("name")).toString();
        if (name == QLatin1String("producer_send_success")) {
            log.acked.insert(o.value(QStringLiteral("value")).toString());
            ++log.successes;
        } else if (name == QLatin1String("producer_send_error")) {
            if (++log.errors == 1)
                log.firstError = o.value(QStringLiteral("exception")).toString() + QStringLiteral(": ") +
                                 o.value(QStringLiteral("message")).toString();
        } else if (name == QLatin1String("tool_data")) {
            log.toolSent = o.value(QStringLiteral("sent")).toInteger(-1);
            log.toolAcked = o.value(QStringLiteral("acked")).toInteger(-1);
        }
    });
    return log;
}

VerifiableConsumerLog readConsumerLog(const QString &file)
{
    VerifiableConsumerLog log;
    QSet<QPair<int, qint64>> seen;
    forEachEvent(file, [&](const QJsonObject &o) {
        const QString name = o.value(QStringLiteral("name")).toString();
        if (name == QLatin1String("partitions_assigned")) {
            ++log.assignments;
            return;
        }
        if (name != QLatin1String("record_data"))
            return;
        ++log.records;
        const QPair<int, qint64> at{o.value(QStringLiteral("partition")).toInt(-1),
                                    o.value(QStringLiteral("offset")).toInteger(-1)};
        if (seen.contains(at)) {
            ++log.redelivered;
            return;
        }
        seen.insert(at);
        log.positions[o.value(QStringLiteral("value")).toString()].insert(at);
    });
    return log;
}

QMap<QString, qint64> copiesOf(const VerifiableConsumerLog &consumed)
{
    QMap<QString, qint64> copies;
    for (auto it = consumed.positions.cbegin(); it != consumed.positions.cend(); ++it)
        copies.insert(it.key(), it.value().size());
    return copies;
}

VerifiableCheck checkVerifiable(const VerifiableProducerLog &produced, const QMap<QString, qint64> &copies)
{
    VerifiableCheck c;
    c.acked = produced.acked.size();
    c.consumed = copies.size();
    for (const QString &value : produced.acked) {
        if (copies.value(value) == 0) {
            ++c.lost;
            if (c.lostSample.size() < 10)
                c.lostSample << value;
        }
    }
    for (auto it = copies.cbegin(); it != copies.cend(); ++it)
        c.duplicated += std::max<qint64>(0, it.value() - 1);
    return c;
}

} // namespace kafdesk::test
