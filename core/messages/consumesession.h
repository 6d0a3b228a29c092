#pragma once

// Reading a topic on a thread of its own: from the beginning, the end, an offset, a date-time or
// the last N per partition; by assignment without committing (the default), or as a member of a
// named group that commits. Messages reach the owner's thread in compact batches.

#include "cluster/clustersession.h" // ConnectionSettings (via clusteroperations.h)
#include "messages/message.h"
#include "util/result.h"

#include <QDateTime>
#include <QMap>
#include <QObject>

namespace kafdesk {

struct ConsumeStart {
    enum class Kind { Beginning, Latest, Offset, DateTime, LastN };
    Kind kind = Kind::Beginning;
    qint64 offset = 0;   // Offset: the same offset on every partition (clamped into the log)
    QDateTime dateTime;  // DateTime: the first message at or after it (the end when none)
    qint64 lastN = 0;    // LastN: that many before the end of each partition (from the start when fewer)
};

struct ConsumeRequest {
    QString topic;
    QList<int> partitions; // empty: every partition of the topic
    ConsumeStart start;
    // Empty: read by assignment, nothing committed. Else a member of that group that commits what
    // it delivered (every second, and on stop): subscribed (the group assigns the partitions) when
    // `partitions` is empty, else by assignment of those partitions. Partitions the group has
    // committed offsets for continue from them, as kafka-console-consumer --group does; `start`
    // applies to the others.
    QString groupId;
    qint64 maxMessages = 0; // 0: no limit; the session finishes after this many
    bool stopAtEnd = false; // finish when every partition reached the end it had when reading began (kcat -e)
};

// The request checked before anything is sent: a clear sentence for each bad input (empty or
// invalid topic name, negative offset or count, a date-time that is not valid, a bad group id,
// duplicated or negative partitions). Partitions beyond the topic's count are found at start.
Status validateConsumeRequest(const ConsumeRequest &request);

struct ConsumeStats {
    qint64 messages = 0;
    qint64 bytes = 0; // keys + values
    qint64 elapsedMs = 0;
};

// One consumer handle owned by a worker thread. start() returns at once; the worker resolves the
// topic's partitions and start offsets, then polls and sends a batch about every batchIntervalMs
// (sooner when it holds maxBatchMessages). stop() and the destructor never wait for librdkafka: a
// session being torn down finishes on its thread (leaving the group, for a named one) and cleans
// up by itself. Create and use it on one thread. On Linux the worker, and the librdkafka threads
// it starts, run at nice +5 (KAFDESK_CONSUME_NICE overrides it), so that reading at full speed
// yields to the GUI thread on a busy machine.
class ConsumeSession : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Starting, Running, Paused, Finished, Failed };
    Q_ENUM(State)
    static constexpr int batchIntervalMs = 50;
    static constexpr int maxBatchMessages = 20000;

    ConsumeSession(ConnectionSettings settings, ConsumeRequest request, QObject *parent = nullptr);
    ~ConsumeSession() override;

    const ConsumeRequest &request() const;
    State state() const;

    void start();
    void pause();
    void resume();
    // Ends reading (committing what was consumed, in a named group); finished() follows.
    void stop();

Q_SIGNALS:
    // Reading began: the partitions read and the offset each one starts at.
    void started(const QMap<int, qint64> &startOffsets);
    void batchReady(const kafdesk::MessageBatchPtr &batch);
    void stateChanged(kafdesk::ConsumeSession::State state);
    // A fatal error (no such topic, partition out of range, authorization, ...): state Failed.
    void failed(const kafdesk::Error &error);
    // A non-fatal problem worth showing (a broker went away, a rebalance): reading goes on.
    void warning(const QString &message);
    // After stop(), maxMessages, stopAtEnd, or failure; nothing is sent after it.
    void finished(const kafdesk::ConsumeStats &stats);

private:
    struct Impl;
    std::shared_ptr<Impl> d;
};

} // namespace kafdesk

Q_DECLARE_METATYPE(kafdesk::ConsumeStats)
