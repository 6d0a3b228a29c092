#pragma once

#include "cluster/clustersnapshot.h"
#include "models/partitionmapmodel.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QString>

namespace kafdesk {

// The partition map of a whole cluster: a row per partition of every topic (internal ones
// included; a filter hides them), sorted by topic name and then partition id; a topic and a
// partition column, then a column per broker (every broker of the snapshot, alive or down, by id)
// with the part it plays for the row's partition, as PartitionMapModel's cells. Snapshots merge
// in by key in linear time (both lists are sorted), with precise row, column and cell signals, so
// selection and scroll position survive; only clear() resets. GUI thread only.
class ClusterPartitionMapModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using ReplicaCell = PartitionMapModel::ReplicaCell;

    enum Column { TopicColumn, PartitionColumn, FirstBrokerColumn };
    enum Role {
        // Broker columns answer CellKindRole; the text columns do not (the delegate tells them so).
        CellKindRole = PartitionMapModel::CellKindRole,
        PartitionIdRole = PartitionMapModel::PartitionIdRole,
        BrokerIdRole = PartitionMapModel::BrokerIdRole,
        TopicNameRole = PartitionMapModel::BrokerIdRole + 1,
        InternalRole,
        ProblemRole, // under-replicated or offline
    };

    struct Row {
        QString topic;
        bool internal = false;
        PartitionState partition;
        bool isProblem() const { return partition.isOffline() || partition.isUnderReplicated(); }
        friend bool operator==(const Row &, const Row &) = default;
    };

    // One cell whose kind the last setSnapshot() changed.
    struct CellChange {
        QString topic;
        int partition = -1;
        int broker = -1;
        ReplicaCell before = PartitionMapModel::None;
        ReplicaCell after = PartitionMapModel::None;
        friend bool operator==(const CellChange &, const CellChange &) = default;
    };

    explicit ClusterPartitionMapModel(QObject *parent = nullptr);

    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    ClusterSnapshotPtr snapshot() const { return m_snapshot; }
    // Another cluster: the model resets to nothing.
    void clear();

    const QList<Row> &rows() const { return m_rows; }
    const QList<BrokerState> &brokers() const { return m_brokers; } // the broker columns, by id
    // The row of a partition, or -1 (binary search).
    int rowOf(const QString &topic, int partition) const;
    // The model column of a broker, or -1.
    int columnOf(int brokerId) const;
    // The kind of a cell of a broker column (None for the text columns).
    ReplicaCell cellKind(int row, int column) const;
    int leaderCount(int brokerId) const { return m_leaders.value(brokerId); }
    // The cells whose kind the last setSnapshot() changed, by row then broker. Cells of rows or
    // brokers that went away are not listed; the first snapshot after clear() lists none; a new
    // partition's cells count as changed from None.
    const QList<CellChange> &changedCells() const { return m_changedCells; }

    static bool rowLess(const Row &a, const Row &b);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After a snapshot changed the kind of some cells (never with an empty list).
    void cellKindsChanged(const QList<kafdesk::ClusterPartitionMapModel::CellChange> &changes);

private:
    void load(QList<BrokerState> brokers, QList<Row> rows);
    QList<CellChange> changesTo(const QList<BrokerState> &brokers, const QList<Row> &rows) const;
    QList<int> mergeBrokers(const QList<BrokerState> &target);
    QHash<int, int> countLeaders() const;

    ClusterSnapshotPtr m_snapshot;
    QList<BrokerState> m_brokers; // sorted by id
    QList<Row> m_rows;            // sorted by rowLess
    QHash<int, int> m_leaders;    // broker id -> partitions it leads
    QList<CellChange> m_changedCells;
};

} // namespace kafdesk
