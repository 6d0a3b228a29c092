#pragma once

// Values that AdminClient returns: plain copies of librdkafka's answers.

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace kafdesk {

enum class ConfigResourceType { Topic, Broker };

struct ConfigEntry {
    QString name;
    QString value;     // empty for sensitive values, which brokers never return
    QString source;    // librdkafka's name: DYNAMIC_TOPIC_CONFIG, STATIC_BROKER_CONFIG, DEFAULT_CONFIG, ...
    bool isDefault = false;
    bool readOnly = false;
    bool sensitive = false;
    bool isValueNull = false;

    bool isDynamic() const { return source.startsWith(QLatin1String("DYNAMIC_")); }
    friend bool operator==(const ConfigEntry &, const ConfigEntry &) = default;
};

struct TopicPartitionOffset {
    QString topic;
    int partition = -1;
    qint64 offset = -1;
    QString error; // per-partition error name, or empty
    friend bool operator==(const TopicPartitionOffset &, const TopicPartitionOffset &) = default;
};

struct Watermarks {
    qint64 low = -1;  // log start offset
    qint64 high = -1; // log end offset
};

struct GroupListing {
    QString groupId;
    QString state; // Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, Unknown
    bool isSimpleConsumerGroup = false;
    friend bool operator==(const GroupListing &, const GroupListing &) = default;
};

struct GroupMember {
    QString memberId;
    QString clientId;
    QString host;
    QString groupInstanceId;
    QList<QPair<QString, int>> assignment; // (topic, partition)
    friend bool operator==(const GroupMember &, const GroupMember &) = default;
};

struct GroupDescription {
    QString groupId;
    QString state;
    QString protocolType; // "consumer" for Kafka consumers; empty for an empty classic group
    QString partitionAssignor;
    int coordinatorId = -1;
    QString coordinatorAddress;
    QList<GroupMember> members;
    QString error; // a per-group error (e.g. GROUP_ID_NOT_FOUND), or empty
    friend bool operator==(const GroupDescription &, const GroupDescription &) = default;
};

} // namespace kafdesk
