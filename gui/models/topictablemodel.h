#pragma once

#include "cluster/clustersnapshot.h"

#include "models/mergingtablemodel.h"
#include <QList>

namespace kafdesk {

// The topics of one cluster, one row each, sorted by name (QString's operator<, as in the
// snapshot). Snapshots merge by topic name: only the rows that went away, came or changed are
// signalled, so selection, scroll position and a proxy's sort survive a refresh, and a snapshot
// that changes nothing emits nothing. GUI thread only.
class TopicTableModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        PartitionsColumn,
        ReplicationFactorColumn,
        UnderReplicatedColumn,
        OfflineColumn,
        InternalColumn,
        ColumnCount
    };
    enum Role {
        TopicNameRole = Qt::UserRole + 1, // QString, on every column
        InternalRole,                     // bool
        UnderReplicatedRole,              // int: partitions whose ISR is smaller than their replica set
        OfflineRole,                      // int: partitions without a leader
    };

    struct Row {
        QString name;
        int partitions = 0;
        int replicationFactor = 0;
        int underReplicated = 0;
        int offline = 0;
        bool internal = false;
        QString error;      // the topic's metadata error name, or empty
        QString foldedName; // name.toCaseFolded(), what the filter matches against
        bool hasProblem() const { return underReplicated > 0 || offline > 0 || !error.isEmpty(); }
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit TopicTableModel(QObject *parent = nullptr);

    void applySnapshot(const ClusterSnapshot &snapshot);
    // A null snapshot holds no topics: every row is removed.
    void applySnapshot(const ClusterSnapshotPtr &snapshot);
    // Another cluster: the data set itself changes, so this one resets.
    void clear();

    const QList<Row> &rows() const { return m_rows; }
    // The row of the topic, or -1.
    int rowOf(const QString &name) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void merge(QList<Row> target);
    QString toolTip(const Row &row) const;

    QList<Row> m_rows; // sorted by name
};

} // namespace kafdesk
