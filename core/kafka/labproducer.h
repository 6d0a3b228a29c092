#pragma once

#include "util/result.h"

#include <QMap>
#include <QString>

#include <memory>

namespace kafdesk {

// A trickle of small messages into the lab's topic, so that its members have something to read:
// keys "lab-0", "lab-1", ... spread over the partitions by the Java client's partitioner
// (murmur2_random). Deliveries are not tracked beyond a failure count. Use it on one thread.
class LabProducer {
public:
    static Result<std::unique_ptr<LabProducer>> create(const QMap<QString, QString> &clientConfig,
                                                       const QString &topic);
    ~LabProducer(); // waits up to a second for what is in flight
    LabProducer(const LabProducer &) = delete;
    LabProducer &operator=(const LabProducer &) = delete;

    // Queues `count` messages and serves delivery reports for up to pollMs.
    Status send(int count, int pollMs);
    // Waits up to timeoutMs for the messages in flight.
    void flush(int timeoutMs);
    qint64 sent() const;   // messages acknowledged
    qint64 failed() const; // messages whose delivery failed

private:
    LabProducer() = default;
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kafdesk
