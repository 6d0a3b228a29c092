#pragma once

#include "cluster/clustersnapshot.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QList>
#include <QString>

namespace kafdesk {

// Where the partitions of one topic live: a row per partition (by id), a column per broker of the
// snapshot (every broker, alive or down, by id), and in each cell the part that broker plays for
// that partition. New snapshots merge in with precise row, column and cell signals; only another
// topic (or clear()) resets the model. GUI thread only.
class PartitionMapModel : public QAbstractTableModel {
    Q_OBJECT
public:
    // What one broker holds of one partition. A broker that is down trumps everything else; then a
    // partition without a leader; then leader, in-sync and out-of-sync follower.
    enum ReplicaCell {
        None,              // the broker holds no replica of the partition
        Leader,            // the replica that serves reads and writes
        InSyncFollower,    // a follower in the ISR
        OutOfSyncFollower, // a follower that fell out of the ISR
        OnDownBroker,      // a replica on a broker that is not alive (or a replica that is offline)
        OfflineLeaderless, // a replica on a live broker of a partition that has no leader
    };
    Q_ENUM(ReplicaCell)

    enum Role {
        CellKindRole = Qt::UserRole + 1, // ReplicaCell as int
        PartitionIdRole,
        BrokerIdRole,
    };

    // One cell whose kind differs from the one it had before the last setSnapshot().
    struct CellChange {
        int partition = -1;
        int broker = -1;
        ReplicaCell before = None;
        ReplicaCell after = None;
        friend bool operator==(const CellChange &, const CellChange &) = default;
    };

    explicit PartitionMapModel(QObject *parent = nullptr);

    // Another topic is another data set: the model resets. An empty name shows nothing.
    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }
    // Merges the snapshot's brokers and the topic's partitions into the model.
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    ClusterSnapshotPtr snapshot() const { return m_snapshot; }
    // Another cluster: forget the snapshot (the topic stays chosen).
    void clear();

    // Whether the snapshot lists the topic.
    bool topicFound() const;
    const QList<BrokerState> &brokers() const { return m_brokers; }
    const QList<PartitionState> &partitions() const { return m_partitions; }
    ReplicaCell cellKind(int row, int column) const;
    // The cells whose kind the last setSnapshot() changed, by partition then broker. Cells of
    // partitions or brokers that went away are not listed; the first snapshot of a topic lists none.
    const QList<CellChange> &changedCells() const { return m_changedCells; }

    // The kind of cell `brokerId` (nullptr `broker`: a broker the snapshot does not know, so down).
    static ReplicaCell kindOf(const PartitionState &partition, int brokerId, const BrokerState *broker);
    static QString cellToolTip(const PartitionState &partition, int brokerId, ReplicaCell kind);
    // Leader, replicas and ISR of a partition in a sentence (and its error, if any).
    static QString partitionToolTip(const PartitionState &partition);
    static QString symbol(ReplicaCell kind);
    static QString shortMeaning(ReplicaCell kind); // for the legend
    static QString meaning(ReplicaCell kind);      // a sentence, for the legend's tooltips
    // Colours chosen to read on light and dark palettes alike: mid-saturation fills with their own
    // text colour. None has no colours of its own (the view's base shows through).
    static QColor background(ReplicaCell kind);
    static QColor foreground(ReplicaCell kind);
    static QString brokerHeader(const BrokerState &broker);
    static QString brokerHeaderToolTip(const BrokerState &broker);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After a snapshot changed the kind of some cells (never with an empty list).
    void cellKindsChanged(const QList<kafdesk::PartitionMapModel::CellChange> &changes);

private:
    void load(QList<BrokerState> brokers, QList<PartitionState> partitions);
    QList<int> mergeBrokers(const QList<BrokerState> &target);
    QList<int> mergePartitions(const QList<PartitionState> &target);

    QString m_topic;
    ClusterSnapshotPtr m_snapshot;
    QList<BrokerState> m_brokers;       // sorted by id: the columns
    QList<PartitionState> m_partitions; // sorted by id: the rows
    QList<CellChange> m_changedCells;
};

} // namespace kafdesk
