#pragma once

// Request values for every mutating (and a few reading) cluster operation. The same value is
// validated (admin/validation.h), turned into its Kafka command line (commands/kafkacommand.h)
// and executed (admin/*), so all three always agree.

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kafdesk {

struct CreateTopicRequest {
    QString name;
    int partitions = 1;
    int replicationFactor = -1;          // -1: the broker's default.replication.factor
    QList<QList<int>> replicaAssignment; // explicit broker ids per partition; overrides the two above
    QMap<QString, QString> configs;      // e.g. retention.ms=86400000
};

struct DeleteTopicsRequest {
    QStringList topics;
};

struct AddPartitionsRequest {
    QString topic;
    int totalPartitions = 0; // the new total, as kafka-topics.sh --alter --partitions takes it
};

// Changes to a topic's dynamic configs. librdkafka 2.0.2 only has the legacy AlterConfigs, which
// replaces the whole dynamic set, so the executor reads the current set and sends it merged.
struct AlterTopicConfigsRequest {
    QString topic;
    QMap<QString, QString> set;
    QStringList remove; // reset to the default
};

struct DeleteRecordsRequest {
    QString topic;
    QMap<int, qint64> beforeOffset; // partition -> delete every record below this offset
};

enum class ResetStrategy { Earliest, Latest, DateTime, Offset, ShiftBy };

struct ResetOffsetsRequest {
    QString group;
    QString topic;
    QList<int> partitions; // empty: every partition of the topic
    ResetStrategy strategy = ResetStrategy::Earliest;
    qint64 value = 0;      // the offset (Offset) or the shift, positive or negative (ShiftBy)
    QDateTime dateTime;    // DateTime: the first offset at or after this time
    bool execute = false;  // false: preview only (--dry-run)
};

struct DeleteGroupRequest {
    QString group;
};

struct DeleteGroupOffsetsRequest {
    QString group;
    QString topic;
};

} // namespace kafdesk
