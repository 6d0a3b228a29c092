#pragma once

#include "util/result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <memory>
#include <optional>

namespace kafdesk {

// How many replicas must have a message before the broker acknowledges it.
enum class Acks { All, Leader, None }; // acks=all (-1), acks=1, acks=0
enum class Compression { None, Gzip, Snappy, Lz4, Zstd };

QString acksValue(Acks acks);               // "all", "1", "0"
std::optional<Acks> acksFromValue(const QString &value);
QString compressionValue(Compression compression); // "none", "gzip", "snappy", "lz4", "zstd"
std::optional<Compression> compressionFromValue(const QString &value);

struct ProducerConfig {
    QMap<QString, QString> clientConfig; // the connection's: bootstrap.servers, security, ...
    QString connectionName;              // for messages
    bool readOnly = false;               // a read-only connection never produces
    Acks acks = Acks::All;
    bool idempotence = true; // librdkafka's own default is off; Kafka's Java client's is on
    Compression compression = Compression::None;
    friend bool operator==(const ProducerConfig &, const ProducerConfig &) = default;
};

// What became of one produced message: where it was written, or why not.
struct DeliveryReport {
    qint64 id = -1;          // the caller's id for the message (the copy's counter)
    int partition = -1;      // -1: not known (failed before a partition was chosen)
    qint64 offset = -1;      // -1: not known (acks=0 gets no offset back, or it failed)
    qint64 timestampMs = -1; // the message's timestamp (CreateTime, or the broker's LogAppendTime)
    std::optional<QByteArray> key; // the message's key (nullopt: null)
    std::optional<Error> error;
    bool ok() const { return !error.has_value(); }
};

// The librdkafka producer handle of one connection, configured like Kafka's Java client:
// partitioner=murmur2_random (a key lands where it would from Java), enable.idempotence on unless
// asked otherwise, the chosen acks and compression. The connection's clientConfig overrides these
// defaults except for acks, idempotence and compression, which are the caller's choice.
// allow.auto.create.topics is off by default: a typo in a topic name never creates a topic.
//
// Thread-safety: use one Producer on one thread. Delivery reports are collected by poll() and
// flush() on that thread (librdkafka calls its delivery callback only from inside them) and taken
// with takeReports(). The destructor does not wait for outstanding messages: purge() or flush()
// first.
class Producer {
public:
    // Refuses a read-only connection, and acks other than all together with idempotence (Kafka
    // requires acks=all for an idempotent producer), each with a sentence.
    static Result<std::unique_ptr<Producer>> create(const ProducerConfig &config);
    ~Producer();
    Producer(const Producer &) = delete;
    Producer &operator=(const Producer &) = delete;

    const ProducerConfig &config() const;

    // The topic's partition count from a metadata request; an Error (badInput) when the cluster
    // does not have the topic, after asking again for topicPropagationMs (kafka/topicpropagation.h: a topic just created
    // reaches the brokers one after another).
    Result<int> partitionCount(const QString &topic, int timeoutMs);

    // Queues one message. partition -1: chosen by the partitioner. headers: name/value pairs.
    // Returns false with `queueFull` set when librdkafka's queue is full (poll and try again);
    // any other refusal is an Error.
    struct Queued {
        bool queued = false;
        bool queueFull = false;
        std::optional<Error> error;
    };
    Queued produce(const QString &topic, int partition, const std::optional<QByteArray> &key, const QByteArray &value,
                   const QList<QPair<QByteArray, QByteArray>> &headers, qint64 id);

    // Serves delivery reports for up to timeoutMs; returns how many were served.
    int poll(int timeoutMs);
    // Waits up to timeoutMs for every queued message's report; false when some are still out.
    bool flush(int timeoutMs);
    // Drops queued and in-flight messages: their reports come back as failures ("Cancelled").
    void purge();
    // Messages queued or in flight, and reports not yet served.
    int outstanding() const;
    QList<DeliveryReport> takeReports();

    struct Impl; // librdkafka's handle and the collected reports (producer.cpp)

private:
    Producer() = default;
    Result<int> describeTopic(const QString &topic, int timeoutMs);
    std::unique_ptr<Impl> m_impl;
};

} // namespace kafdesk

Q_DECLARE_METATYPE(kafdesk::DeliveryReport)
