#pragma once

#include "models/partitionmapmodel.h"

#include <QAbstractTableModel>
#include <QList>

namespace kafdesk {

// The partition map turned around: a column per broker (every broker, by id), listing the
// replicas of one topic that broker stores, by partition id ("p0 ★", "p3 ●"). The cells carry the
// roles of PartitionMapModel (CellKindRole, PartitionIdRole, BrokerIdRole); cells below a
// broker's last replica are empty. Snapshots merge in; another topic resets. GUI thread only.
class PartitionMapBrokerModel : public QAbstractTableModel {
    Q_OBJECT
public:
    using ReplicaCell = PartitionMapModel::ReplicaCell;

    struct Replica {
        PartitionState partition;
        ReplicaCell kind = PartitionMapModel::None;
        friend bool operator==(const Replica &, const Replica &) = default;
    };
    struct Column {
        int id = -1; // the broker's
        BrokerState broker;
        QList<Replica> replicas; // by partition id
        int leaderCount() const;
        friend bool operator==(const Column &, const Column &) = default;
    };

    explicit PartitionMapBrokerModel(QObject *parent = nullptr);

    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    void clear();

    const QList<Column> &columns() const { return m_columns; }
    // The replica at a cell, or nullptr for an empty cell.
    const Replica *replicaAt(int row, int column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Column> build() const;
    void load(const QList<Column> &target);

    QString m_topic;
    ClusterSnapshotPtr m_snapshot;
    QList<Column> m_columns; // sorted by broker id
    int m_rowCount = 0;      // the most replicas any broker stores
};

} // namespace kafdesk
