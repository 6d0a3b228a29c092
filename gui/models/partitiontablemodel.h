#pragma once

#include "cluster/clustersnapshot.h"
#include "kafka/admintypes.h"

#include "models/mergingtablemodel.h"
#include <QList>
#include <QMap>

#include <algorithm>

namespace kafdesk {

// The partitions of one topic, one row each, sorted by partition id: leader, replicas, ISR and
// offline replicas from the snapshot, low and high watermarks (and so the message count) from an
// offsets read. Snapshots and watermarks merge by partition id: only rows that went away, came or
// changed are signalled, so selection, scroll and a proxy's sort survive. Another topic resets.
// GUI thread only.
class PartitionTableModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column {
        PartitionColumn,
        LeaderColumn,
        ReplicasColumn,
        IsrColumn,
        OfflineReplicasColumn,
        LowWatermarkColumn,
        HighWatermarkColumn,
        MessagesColumn,
        ColumnCount
    };
    enum Role {
        PartitionIdRole = Qt::UserRole + 1, // int, on every column
        SortRole,                           // a number (or text) that sorts the column naturally
        LowWatermarkRole,                   // qint64, -1 when not read
        HighWatermarkRole,                  // qint64, -1 when not read
        MessageCountRole,                   // qint64 high - low, -1 when not read
    };

    struct Row {
        int id = -1; // the partition's
        PartitionState partition;
        qint64 low = -1;  // log start offset; -1: not read (yet, or the partition has no leader)
        qint64 high = -1; // log end offset (high watermark)
        bool hasWatermarks() const { return low >= 0 && high >= 0; }
        qint64 messages() const { return hasWatermarks() ? std::max<qint64>(0, high - low) : -1; }
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit PartitionTableModel(QObject *parent = nullptr);

    // Another topic is another data set: the model resets. An empty name shows nothing.
    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }
    // Merges the topic's partitions of the snapshot in; watermarks of partitions that stay are kept.
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    // The offsets of a read, by partition id. A partition the map does not list loses its
    // watermarks (it had no leader when they were read, or it is new).
    void setWatermarks(const QMap<int, Watermarks> &watermarks);
    void clearWatermarks();
    // Another cluster: forget everything but the topic.
    void clear();

    // Whether the last snapshot lists the topic.
    bool topicFound() const { return m_found; }
    const QList<Row> &rows() const { return m_rows; }
    // The row of the partition, or -1.
    int rowOf(int partition) const;
    // The partitions that have a leader, whose offsets can be read.
    QList<int> readablePartitions() const;
    // The sum of the message counts of the partitions with watermarks; -1 when none has any.
    qint64 totalMessages() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void merge(QList<Row> target);
    QVariant display(const Row &row, int column) const;
    QVariant sortValue(const Row &row, int column) const;
    QString toolTip(const Row &row, int column) const;

    QString m_topic;
    bool m_found = false;
    QList<Row> m_rows; // sorted by id
};

} // namespace kafdesk
