#pragma once

#include "util/result.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <memory>

namespace kafdesk {

struct BrokerInfo {
    int id = -1;
    QString host;
    quint16 port = 0;
    QString address() const { return host + QLatin1Char(':') + QString::number(port); }
    friend bool operator==(const BrokerInfo &, const BrokerInfo &) = default;
};

struct PartitionInfo {
    int id = -1;
    int leader = -1; // -1: no leader (offline)
    QList<int> replicas;
    QList<int> isr;
    QString error; // empty, or librdkafka's name for the partition's error
    friend bool operator==(const PartitionInfo &, const PartitionInfo &) = default;
};

struct TopicInfo {
    QString name;
    QList<PartitionInfo> partitions;
    QString error;
    const PartitionInfo *partition(int id) const;
};

// One Metadata response, as a value. A KRaft broker lists only unfenced brokers, so `brokers`
// is the live set; replicas on other brokers are offline.
struct MetadataSnapshot {
    QList<BrokerInfo> brokers;
    QList<TopicInfo> topics;
    int originBrokerId = -1;
    QString clusterId; // as the brokers report it; empty when they do not say
    QDateTime fetchedAt;

    QList<int> brokerIds() const;
    const TopicInfo *topic(const QString &name) const;
};

// Owns one librdkafka handle used only for metadata. Not thread-safe: use it on one thread.
class MetadataClient {
public:
    explicit MetadataClient(const QString &bootstrapServers, const QMap<QString, QString> &extraConfig = {});
    ~MetadataClient();
    MetadataClient(const MetadataClient &) = delete;
    MetadataClient &operator=(const MetadataClient &) = delete;

    // Fails only when the handle could not be created (bad configuration).
    Status valid() const;
    // Metadata for every topic, or only the broker list when allTopics is false.
    Result<MetadataSnapshot> fetch(int timeoutMs, bool allTopics = true);

private:
    struct Handle;
    std::unique_ptr<Handle> m_handle;
    Error m_createError;
    QString m_bootstrap;
};

} // namespace kafdesk
