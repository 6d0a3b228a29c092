#pragma once

// What the produce pane (or a script) asks to write: one value, sent as N copies, with an
// optional {i} counter. Validation gives one clear sentence per bad input, before anything is sent.

#include "kafka/producer.h"
#include "util/result.h"

#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace kafdesk {

enum class ValueFormat { Text, Json, Hex, File };

QString valueFormatValue(ValueFormat format); // "text", "json", "hex", "file" (settings, ctl)
std::optional<ValueFormat> valueFormatFromValue(const QString &value);

struct ProduceHeader {
    QString name;
    QString value; // sent as UTF-8
    friend bool operator==(const ProduceHeader &, const ProduceHeader &) = default;
};

struct ProduceRequest {
    QString topic;
    int partition = -1;         // -1: automatic (murmur2_random: keyed by the key's hash, like Java)
    std::optional<QString> key; // nullopt: a null key; sent as UTF-8
    ValueFormat format = ValueFormat::Text;
    QString value; // the text, the JSON, the hex digits, or (File) the file's path
    QList<ProduceHeader> headers;
    int copies = 1;
    Acks acks = Acks::All;
    bool idempotence = true;
    Compression compression = Compression::None;
    friend bool operator==(const ProduceRequest &, const ProduceRequest &) = default;
};

namespace produce {

inline constexpr int maxCopies = 1'000'000;
// librdkafka's default message.max.bytes; a larger value would be refused by the producer.
inline constexpr qint64 maxValueBytes = 1'000'000;
// The counter placeholder in the key and the value (Text and JSON). Copies count from 1: the
// first copy has {i} = 1, the last {i} = copies. Headers are sent as they are.
inline constexpr char counterPlaceholder[] = "{i}";
inline constexpr int firstCounter = 1;

// The partition count a request is checked against. From the cluster snapshot, when there is one.
struct TopicInfo {
    enum class Known { Unknown, Missing, Exists };
    Known known = Known::Unknown; // Unknown: not checked (no snapshot yet)
    int partitionCount = 0;
    static TopicInfo unknown() { return {}; }
    static TopicInfo missing() { return {Known::Missing, 0}; }
    static TopicInfo withPartitions(int count) { return {Known::Exists, count}; }
};

// The first problem with the request, as one sentence (badInput set), or ok. Checks the topic
// name (and, with `topic`, that it exists and has the partition), the copies, the headers,
// acks with idempotence, the key, and the value for its format (JSON parsed with the line:column
// of an error, hex digits, the file readable and at most maxValueBytes).
Status validate(const ProduceRequest &request, const TopicInfo &topic = TopicInfo::unknown());

// Only the value for its format, as validate() checks it: for live feedback while typing.
Status validateValue(ValueFormat format, const QString &value);

} // namespace produce
} // namespace kafdesk

Q_DECLARE_METATYPE(kafdesk::ProduceRequest)
