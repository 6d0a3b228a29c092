#pragma once

// Kafka's own VerifiableProducer and VerifiableConsumer (org.apache.kafka.tools), run as the Java
// control beside Kafdesk's drill: each prints a JSON object per event, which these helpers read
// back. The check is the one Kafka's system tests make: every acknowledged value is consumed.

#include <QMap>
#include <QProcess>
#include <QSet>
#include <QString>

#include <memory>

namespace kafdesk::test {

// A Kafka tool running in the background, its stdout (the JSON lines) in a file.
class JavaTool {
public:
    JavaTool(QString mainClass, QStringList args, QString outputFile);
    ~JavaTool(); // kills it if it still runs

    bool start(QString *error);
    bool isRunning() const;
    // SIGTERM: the tools' shutdown hooks close their clients (the producer waits for its answers).
    void terminate();
    void kill();
    int exitCode() const;
    const QString &outputFile() const { return m_outputFile; }
    QString errorOutput() const; // the last lines of its stderr

private:
    QString m_mainClass;
    QStringList m_args;
    QString m_outputFile;
    std::unique_ptr<QProcess> m_process;
};

// What VerifiableProducer said: every value acknowledged (producer_send_success), every one it
// was told failed (producer_send_error), and its own tally (tool_data) once it shut down.
struct VerifiableProducerLog {
    QSet<QString> acked;
    qint64 successes = 0; // producer_send_success lines (an acked value twice would be a bug)
    qint64 errors = 0;
    QString firstError;
    qint64 toolSent = -1;  // tool_data "sent"; -1: it did not shut down cleanly
    qint64 toolAcked = -1; // tool_data "acked"
};
VerifiableProducerLog readProducerLog(const QString &file);

// What VerifiableConsumer (with --verbose) read: each record_data line's value and position.
// A position read again is a re-delivery (a consumer-group matter: offsets not yet committed when
// the coordinator moved), not a duplicate in the log; a value at two positions is a duplicate.
struct VerifiableConsumerLog {
    QMap<QString, QSet<QPair<int, qint64>>> positions; // value -> (partition, offset) it was read at
    qint64 records = 0;     // record_data lines
    qint64 redelivered = 0; // a (partition, offset) read again
    qint64 assignments = 0; // partitions_assigned events (rebalances)
};
VerifiableConsumerLog readConsumerLog(const QString &file);

// Kafka's check for the pair: acked values never read, and extra copies of values in the log.
struct VerifiableCheck {
    qint64 acked = 0;
    qint64 consumed = 0; // distinct values read
    qint64 lost = 0;
    qint64 duplicated = 0; // copies beyond the first at distinct positions
    QStringList lostSample;
};
VerifiableCheck checkVerifiable(const VerifiableProducerLog &produced, const QMap<QString, qint64> &copies);
// Copies of each value at distinct positions, from the consumer's log.
QMap<QString, qint64> copiesOf(const VerifiableConsumerLog &consumed);

} // namespace kafdesk::test
