#include "messages/message.h"

#include <QtGlobal>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <limits>
#include <new>

namespace kafdesk {

namespace {

// A growable run of bytes on malloc/realloc: large blocks grow and shrink in place (mremap), so
// squeezing a filled batch costs no copy.
class ByteBuffer {
public:
    ByteBuffer() = default;
    ~ByteBuffer() { std::free(m_data); }
    ByteBuffer(const ByteBuffer &) = delete;
    ByteBuffer &operator=(const ByteBuffer &) = delete;

    char *data() const { return m_data; }
    size_t size() const { return m_size; }
    size_t capacity() const { return m_capacity; }

    void reserve(size_t capacity)
    {
        if (capacity > m_capacity)
            resizeStorage(capacity);
    }
    // Room for `extra` more bytes at the end; returns where they go (size grows by `extra`).
    char *grow(size_t extra)
    {
        if (m_size + extra > m_capacity)
            resizeStorage(std::max(m_size + extra, std::max<size_t>(m_capacity * 2, 4096)));
        char *at = m_data + m_size;
        m_size += extra;
        return at;
    }
    void squeeze()
    {
        if (m_capacity > m_size)
            resizeStorage(m_size);
    }

private:
    void resizeStorage(size_t capacity)
    {
        if (capacity == 0) {
            std::free(m_data);
            m_data = nullptr;
            m_capacity = 0;
            return;
        }
        void *p = std::realloc(m_data, capacity);
        if (!p)
            throw std::bad_alloc();
        m_data = static_cast<char *>(p);
        m_capacity = capacity;
    }

    char *m_data = nullptr;
    size_t m_size = 0;
    size_t m_capacity = 0;
};

// 32 bytes per message. The timestamp word packs the timestamp plus one (0: none) in its low 56
// bits, the timestamp type in bits 56-57 and "has headers" in bit 58. A message's bytes sit in the
// arena at dataStart: key, value, then (with headers) a count and per header
// [int32 name size][int32 value size, -1: null][name][value].
struct Record {
    qint64 offset;
    quint64 stamp;
    quint32 dataStart;
    qint32 keySize;   // -1: null
    qint32 valueSize; // -1: null
    qint32 partition;
};
static_assert(sizeof(Record) == 32);

constexpr quint64 stampMask = (quint64(1) << 56) - 1;
constexpr int typeShift = 56;
constexpr quint64 headersFlag = quint64(1) << 58;

quint32 readU32(const char *p)
{
    quint32 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

qint32 readI32(const char *p)
{
    qint32 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

void writeI32(char *p, qint32 v) { std::memcpy(p, &v, sizeof v); }

} // namespace

struct MessageBatch::Data {
    ByteBuffer arena;
    ByteBuffer records; // Record[]
    qsizetype count = 0;
    qint64 payload = 0;

    const Record &at(qsizetype i) const
    {
        Q_ASSERT(i >= 0 && i < count);
        return reinterpret_cast<const Record *>(static_cast<const void *>(records.data()))[i];
    }
    Record &last() { return reinterpret_cast<Record *>(static_cast<void *>(records.data()))[count - 1]; }
    const char *headerBlock(const Record &r) const
    {
        return arena.data() + r.dataStart + std::max(r.keySize, 0) + std::max(r.valueSize, 0);
    }
};

MessageBatch::MessageBatch() : d(std::make_unique<Data>()) {}
MessageBatch::~MessageBatch() = default;
MessageBatch::MessageBatch(MessageBatch &&) noexcept = default;
MessageBatch &MessageBatch::operator=(MessageBatch &&) noexcept = default;

void MessageBatch::reserve(qsizetype messages, qsizetype payloadBytes)
{
    if (!d) // moved from: usable again
        d = std::make_unique<Data>();
    d->records.reserve(size_t(std::max<qsizetype>(messages, 0)) * sizeof(Record));
    d->arena.reserve(size_t(std::max<qsizetype>(payloadBytes, 0)));
}

void MessageBatch::append(int partition, qint64 offset, qint64 timestampMs, TimestampType timestampType,
                          const char *key, qsizetype keySize, const char *value, qsizetype valueSize,
                          const QList<MessageHeader> &headers)
{
    if (!d) // moved from: usable again
        d = std::make_unique<Data>();
    const size_t keyBytes = key ? size_t(keySize) : 0;
    const size_t valueBytes = value ? size_t(valueSize) : 0;
    const size_t start = d->arena.size();
    if (start + keyBytes + valueBytes > std::numeric_limits<quint32>::max())
        qFatal("MessageBatch: more than 4 GiB in one batch");
    char *at = d->arena.grow(keyBytes + valueBytes);
    if (keyBytes)
        std::memcpy(at, key, keyBytes);
    if (valueBytes)
        std::memcpy(at + keyBytes, value, valueBytes);
    Record *r = reinterpret_cast<Record *>(static_cast<void *>(d->records.grow(sizeof(Record))));
    r->offset = offset;
    r->stamp = (quint64(timestampMs < 0 ? 0 : timestampMs + 1) & stampMask) |
               (quint64(static_cast<int>(timestampType)) << typeShift);
    r->dataStart = quint32(start);
    r->keySize = key ? qint32(keySize) : -1;
    r->valueSize = value ? qint32(valueSize) : -1;
    r->partition = partition;
    ++d->count;
    d->payload += qint64(keyBytes + valueBytes);
    for (const MessageHeader &h : headers)
        appendHeader(h.name.constData(), h.name.size(), h.value ? h.value->constData() : nullptr,
                     h.value ? h.value->size() : 0);
}

void MessageBatch::append(const Message &m)
{
    append(m.partition, m.offset, m.timestampMs, m.timestampType, m.key ? m.key->constData() : nullptr,
           m.key ? m.key->size() : 0, m.value ? m.value->constData() : nullptr, m.value ? m.value->size() : 0,
           m.headers);
}

void MessageBatch::appendHeader(const char *name, qsizetype nameSize, const char *value, qsizetype valueSize)
{
    Q_ASSERT(d && d->count > 0);
    if (!d || d->count == 0)
        return;
    if (!(d->last().stamp & headersFlag)) {
        writeI32(d->arena.grow(sizeof(quint32)), 0);
        d->last().stamp |= headersFlag;
    }
    const size_t nameBytes = name ? size_t(nameSize) : 0;
    const size_t valueBytes = value ? size_t(valueSize) : 0;
    if (d->arena.size() + 8 + nameBytes + valueBytes > std::numeric_limits<quint32>::max())
        qFatal("MessageBatch: more than 4 GiB in one batch");
    char *at = d->arena.grow(8 + nameBytes + valueBytes);
    writeI32(at, qint32(nameBytes));
    writeI32(at + 4, value ? qint32(valueBytes) : -1);
    if (nameBytes)
        std::memcpy(at + 8, name, nameBytes);
    if (valueBytes)
        std::memcpy(at + 8 + nameBytes, value, valueBytes);
    char *countAt = const_cast<char *>(d->headerBlock(d->last()));
    writeI32(countAt, readI32(countAt) + 1);
}

void MessageBatch::squeeze()
{
    if (!d)
        return;
    d->arena.squeeze();
    d->records.squeeze();
}

qsizetype MessageBatch::size() const { return d ? d->count : 0; }
int MessageBatch::partition(qsizetype i) const { return d->at(i).partition; }
qint64 MessageBatch::offset(qsizetype i) const { return d->at(i).offset; }

qint64 MessageBatch::timestampMs(qsizetype i) const
{
    const quint64 t = d->at(i).stamp & stampMask;
    return t == 0 ? -1 : qint64(t) - 1;
}

TimestampType MessageBatch::timestampType(qsizetype i) const
{
    return static_cast<TimestampType>((d->at(i).stamp >> typeShift) & 3);
}

bool MessageBatch::keyIsNull(qsizetype i) const { return d->at(i).keySize < 0; }
bool MessageBatch::valueIsNull(qsizetype i) const { return d->at(i).valueSize < 0; }

QByteArrayView MessageBatch::key(qsizetype i) const
{
    const Record &r = d->at(i);
    if (r.keySize <= 0)
        return {};
    return QByteArrayView(d->arena.data() + r.dataStart, r.keySize);
}

QByteArrayView MessageBatch::value(qsizetype i) const
{
    const Record &r = d->at(i);
    if (r.valueSize <= 0)
        return {};
    return QByteArrayView(d->arena.data() + r.dataStart + std::max(r.keySize, 0), r.valueSize);
}

int MessageBatch::headerCount(qsizetype i) const
{
    const Record &r = d->at(i);
    return (r.stamp & headersFlag) ? int(readU32(d->headerBlock(r))) : 0;
}

QList<MessageHeader> MessageBatch::headers(qsizetype i) const
{
    QList<MessageHeader> out;
    const Record &r = d->at(i);
    if (!(r.stamp & headersFlag))
        return out;
    const char *p = d->headerBlock(r);
    const quint32 n = readU32(p);
    p += 4;
    out.reserve(n);
    for (quint32 h = 0; h < n; ++h) {
        const qint32 nameSize = readI32(p);
        const qint32 valueSize = readI32(p + 4);
        p += 8;
        MessageHeader header;
        header.name = QByteArray(p, nameSize);
        p += nameSize;
        if (valueSize >= 0) {
            header.value = QByteArray(p, valueSize);
            p += valueSize;
        }
        out.append(std::move(header));
    }
    return out;
}

Message MessageBatch::message(qsizetype i) const
{
    Message m;
    m.partition = partition(i);
    m.offset = offset(i);
    m.timestampMs = timestampMs(i);
    m.timestampType = timestampType(i);
    if (!keyIsNull(i))
        m.key = key(i).toByteArray();
    if (!valueIsNull(i))
        m.value = value(i).toByteArray();
    m.headers = headers(i);
    return m;
}

qint64 MessageBatch::memoryBytes() const
{
    // The batch, its data, the arena and record blocks, and the shared_ptr control block.
    constexpr qint64 fixed = sizeof(MessageBatch) + sizeof(Data) + 32;
    if (!d)
        return sizeof(MessageBatch);
    return fixed + qint64(d->arena.capacity()) + qint64(d->records.capacity());
}

qint64 MessageBatch::payloadBytes() const { return d ? d->payload : 0; }

// ---------------------------------------------------------------------------------------------

namespace {
struct Entry {
    MessageBatchPtr batch;
    qint64 first; // message number (since the last clear) of the batch's element 0
};
} // namespace

struct MessageStore::Data {
    qsizetype capacity = defaultCapacity;
    std::deque<Entry> entries;
    qint64 appended = 0;
    qint64 dropped = 0;
    qint64 batchBytes = 0;
    mutable size_t lastHit = 0; // views read neighbouring rows: try the last batch first

    qsizetype size() const { return qsizetype(appended - dropped); }

    void dropTo(qsizetype keep)
    {
        if (size() <= keep)
            return;
        dropped = appended - keep;
        while (!entries.empty() && entries.front().first + entries.front().batch->size() <= dropped) {
            batchBytes -= entries.front().batch->memoryBytes();
            entries.pop_front();
        }
        lastHit = 0;
    }

    // The batch and index in it of `row`.
    std::pair<const MessageBatch *, qsizetype> locate(qsizetype row) const
    {
        Q_ASSERT(row >= 0 && row < size());
        const qint64 n = dropped + row;
        auto holds = [&](size_t i) {
            return i < entries.size() && entries[i].first <= n && n < entries[i].first + entries[i].batch->size();
        };
        if (!holds(lastHit)) {
            if (holds(lastHit + 1)) {
                ++lastHit;
            } else {
                auto it = std::upper_bound(entries.begin(), entries.end(), n,
                                           [](qint64 v, const Entry &e) { return v < e.first; });
                lastHit = size_t(std::distance(entries.begin(), it)) - 1;
            }
        }
        const Entry &e = entries[lastHit];
        return {e.batch.get(), qsizetype(n - e.first)};
    }
};

MessageStore::MessageStore(qsizetype capacity) : d(std::make_unique<Data>())
{
    d->capacity = std::max<qsizetype>(capacity, 0);
}

MessageStore::~MessageStore() = default;

qsizetype MessageStore::capacity() const { return d->capacity; }

void MessageStore::setCapacity(qsizetype capacity)
{
    d->capacity = std::max<qsizetype>(capacity, 0);
    d->dropTo(d->capacity);
}

qsizetype MessageStore::append(MessageBatchPtr batch)
{
    if (!batch || batch->isEmpty())
        return 0;
    const qint64 droppedBefore = d->dropped;
    d->batchBytes += batch->memoryBytes();
    d->entries.push_back(Entry{std::move(batch), d->appended});
    d->appended += d->entries.back().batch->size();
    d->dropTo(d->capacity);
    return qsizetype(d->dropped - droppedBefore);
}

void MessageStore::clear()
{
    const qsizetype capacity = d->capacity;
    d = std::make_unique<Data>();
    d->capacity = capacity;
}

qsizetype MessageStore::size() const { return d->size(); }
qint64 MessageStore::appendedTotal() const { return d->appended; }
qint64 MessageStore::droppedTotal() const { return d->dropped; }

#define KAFDESK_STORE_FORWARD(type, name)                                                                    \
    type MessageStore::name(qsizetype row) const                                                             \
    {                                                                                                        \
        const auto [batch, i] = d->locate(row);                                                              \
        return batch->name(i);                                                                               \
    }
KAFDESK_STORE_FORWARD(int, partition)
KAFDESK_STORE_FORWARD(qint64, offset)
KAFDESK_STORE_FORWARD(qint64, timestampMs)
KAFDESK_STORE_FORWARD(TimestampType, timestampType)
KAFDESK_STORE_FORWARD(bool, keyIsNull)
KAFDESK_STORE_FORWARD(bool, valueIsNull)
KAFDESK_STORE_FORWARD(QByteArrayView, key)
KAFDESK_STORE_FORWARD(QByteArrayView, value)
KAFDESK_STORE_FORWARD(int, headerCount)
KAFDESK_STORE_FORWARD(QList<MessageHeader>, headers)
KAFDESK_STORE_FORWARD(Message, message)
#undef KAFDESK_STORE_FORWARD

qint64 MessageStore::memoryBytes() const
{
    // Batches (whole, while any of their rows is kept), the deque's entries and blocks, the store.
    const qint64 entryBytes = qint64(d->entries.size()) * qint64(sizeof(Entry)) + 512;
    return d->batchBytes + entryBytes + qint64(sizeof(MessageStore) + sizeof(Data));
}

} // namespace kafdesk
