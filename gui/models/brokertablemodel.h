#pragma once

#include "cluster/clustersnapshot.h"
#include "kafka/metadataclient.h"

#include "models/mergingtablemodel.h"
#include <QList>

namespace kafdesk {

// The brokers of one cluster, fed by ClusterSnapshots: one row per broker id with its address,
// state and how many partition leaders and replicas it holds. A broker the snapshot keeps as down
// (or one only expected, for the bundled cluster) stays, marked down. Updates merge by broker id
// (sortedmerge.h), so selection, scroll position and a proxy's sort survive a refresh, and a
// snapshot that changes nothing emits nothing. GUI thread only.
class BrokerTableModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, AddressColumn, StateColumn, LeadersColumn, ReplicasColumn, ColumnCount };
    enum Role {
        AliveRole = Qt::UserRole + 1, // bool
        BrokerIdRole,                 // int, on every column
    };

    struct Row {
        int id = -1;
        QString address; // host:port, or empty for a broker only seen as a replica
        bool alive = false;
        int leaders = 0;  // partitions it leads
        int replicas = 0; // partitions with a replica on it (leaders included)
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit BrokerTableModel(QObject *parent = nullptr);

    // One row per broker of the snapshot, sorted by id, with its leader and replica counts. Pure:
    // the overview's chart draws the same figures.
    static QList<Row> rowsOf(const ClusterSnapshot &snapshot);

    void applySnapshot(const ClusterSnapshot &snapshot);
    // A null snapshot holds no broker: only the expected ones stay, down.
    void applySnapshot(const ClusterSnapshotPtr &snapshot);
    // Brokers known to exist whether or not they answer (the bundled cluster's nodes); they stay
    // (down, without counts) while no snapshot lists them, until clear().
    void setExpectedBrokers(const QList<BrokerInfo> &brokers);
    // Thin wrapper for the old window's MetadataPoller: turns the answer into a ClusterSnapshot
    // (brokers seen before and missing now stay, down). To be removed with MetadataPoller.
    void applySnapshot(const MetadataSnapshot &snapshot);
    // The cluster did not answer: every broker is down as far as anyone can tell.
    void markAllDown();
    // Another cluster: the data set itself changes, so this one resets.
    void clear();

    int aliveCount() const;
    const QList<Row> &rows() const { return m_rows; }
    // The row of the broker, or -1.
    int rowOf(int brokerId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void merge(QList<Row> target);
    QString toolTip(const Row &row, int column) const;

    QList<Row> m_rows;               // sorted by id
    QList<BrokerInfo> m_expected;    // setExpectedBrokers()
    ClusterSnapshot m_fromMetadata;  // the previous answer, for applySnapshot(MetadataSnapshot)
};

} // namespace kafdesk
