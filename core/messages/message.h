#pragma once

// Consumed messages: an owned value for one message (detail view, export, tests) and the compact
// batches a consumer thread fills and hands over (about every 50 ms) to a bounded MessageStore.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QMetaType>

#include <memory>
#include <optional>

namespace kafdesk {

enum class TimestampType { None, CreateTime, LogAppendTime };

struct MessageHeader {
    QByteArray name;
    std::optional<QByteArray> value; // nullopt: a header with a null value (Kafka allows it)
    friend bool operator==(const MessageHeader &, const MessageHeader &) = default;
};

// One message of the consumed topic, owned. The topic is the consume session's (one per session).
struct Message {
    int partition = -1;
    qint64 offset = -1;
    qint64 timestampMs = -1; // -1: none
    TimestampType timestampType = TimestampType::None;
    std::optional<QByteArray> key;   // nullopt: null key (not the same as an empty one)
    std::optional<QByteArray> value; // nullopt: null value (a tombstone)
    QList<MessageHeader> headers;
    friend bool operator==(const Message &, const Message &) = default;
};

// A run of consumed messages stored compactly: one byte arena for keys, values and headers, and a
// fixed-size record (32 bytes) per message. Filled on the consumer thread, then read-only and
// shared. A moved-from batch is empty and can be filled again.
class MessageBatch {
public:
    MessageBatch();
    ~MessageBatch();
    MessageBatch(MessageBatch &&) noexcept;
    MessageBatch &operator=(MessageBatch &&) noexcept;
    MessageBatch(const MessageBatch &) = delete;
    MessageBatch &operator=(const MessageBatch &) = delete;

    void reserve(qsizetype messages, qsizetype payloadBytes);
    // key/value nullptr: null. headers: name/value pairs (value nullopt: null).
    void append(int partition, qint64 offset, qint64 timestampMs, TimestampType timestampType,
                const char *key, qsizetype keySize, const char *value, qsizetype valueSize,
                const QList<MessageHeader> &headers = {});
    void append(const Message &message);
    // Adds a header to the message appended last (allocation-free, for the consumer thread).
    // value nullptr: a null value.
    void appendHeader(const char *name, qsizetype nameSize, const char *value, qsizetype valueSize);
    // Gives back the unused reserve (call once filled, before sharing), so memoryBytes() stays small.
    void squeeze();

    qsizetype size() const;
    bool isEmpty() const { return size() == 0; }

    int partition(qsizetype i) const;
    qint64 offset(qsizetype i) const;
    qint64 timestampMs(qsizetype i) const;
    TimestampType timestampType(qsizetype i) const;
    bool keyIsNull(qsizetype i) const;
    bool valueIsNull(qsizetype i) const;
    QByteArrayView key(qsizetype i) const;   // empty view for a null key
    QByteArrayView value(qsizetype i) const; // empty view for a null value
    int headerCount(qsizetype i) const;
    QList<MessageHeader> headers(qsizetype i) const;
    Message message(qsizetype i) const;
    // Bytes this batch holds (records, arena, bookkeeping): what MessageStore::memoryBytes sums.
    qint64 memoryBytes() const;
    qint64 payloadBytes() const; // keys + values

private:
    struct Data;
    std::unique_ptr<Data> d;
};

using MessageBatchPtr = std::shared_ptr<const MessageBatch>;

// The consume pane's buffer: the newest `capacity` messages, in arrival order, kept as the
// batches they came in (no per-message allocation). When full, the oldest are dropped; the count
// of dropped messages is kept so a view can mark where the buffer begins. Not thread-safe: one
// owner (the GUI thread's model).
class MessageStore {
public:
    static constexpr qsizetype defaultCapacity = 100000;

    explicit MessageStore(qsizetype capacity = defaultCapacity);
    ~MessageStore();

    qsizetype capacity() const;
    // Drops the oldest messages at once when the store holds more than the new capacity.
    void setCapacity(qsizetype capacity);

    // Appends a batch; returns how many of the oldest messages were dropped to make room.
    qsizetype append(MessageBatchPtr batch);
    void clear();

    qsizetype size() const;
    qint64 appendedTotal() const; // since the last clear
    qint64 droppedTotal() const;  // since the last clear: row 0 is message number droppedTotal()

    // Row access, row in [0, size()). Views stay valid while the row is in the store.
    int partition(qsizetype row) const;
    qint64 offset(qsizetype row) const;
    qint64 timestampMs(qsizetype row) const;
    TimestampType timestampType(qsizetype row) const;
    bool keyIsNull(qsizetype row) const;
    bool valueIsNull(qsizetype row) const;
    QByteArrayView key(qsizetype row) const;
    QByteArrayView value(qsizetype row) const;
    int headerCount(qsizetype row) const;
    QList<MessageHeader> headers(qsizetype row) const;
    Message message(qsizetype row) const;

    qint64 memoryBytes() const;

private:
    struct Data;
    std::unique_ptr<Data> d;
};

} // namespace kafdesk

Q_DECLARE_METATYPE(kafdesk::MessageBatchPtr)
