#pragma once

#include "kafka/admintypes.h"
#include "util/result.h"

#include <QMap>
#include <QPair>

#include <memory>

namespace kafdesk {

// Reads partition offsets (log start, log end, offset for a timestamp) with one librdkafka
// consumer handle that never joins a group. Batched: offsetsAt() sends one ListOffsets request
// per leader broker for all the partitions it is given. Use it on one thread only.
class OffsetClient {
public:
    using Partition = QPair<QString, int>; // (topic, partition)

    // Special "timestamps" for offsetsAt().
    static constexpr qint64 latest = -1;   // the log end offset (high watermark)
    static constexpr qint64 earliest = -2; // the log start offset

    static Result<std::unique_ptr<OffsetClient>> create(const QMap<QString, QString> &config);
    ~OffsetClient();
    OffsetClient(const OffsetClient &) = delete;
    OffsetClient &operator=(const OffsetClient &) = delete;

    // For each partition, the offset at `timestampMs` (the first offset whose timestamp is at or
    // after it; the log end when there is none), or `latest` / `earliest`. Retried while
    // leadership moves.
    Result<QMap<Partition, qint64>> offsetsAt(const QList<Partition> &partitions, qint64 timestampMs, int timeoutMs);
    Result<QMap<Partition, Watermarks>> watermarks(const QList<Partition> &partitions, int timeoutMs);

private:
    OffsetClient() = default;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace kafdesk
