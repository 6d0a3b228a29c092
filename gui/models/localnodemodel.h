#pragma once

#include "cluster/clustersnapshot.h"
#include "local/clusterstate.h"
#include "models/mergingtablemodel.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace kafdesk {

// The bundled cluster's nodes for the Local cluster page: one row per node with its roles, ports,
// process, state (what the process table says, refined by metadata: a node whose JVM runs but
// that metadata does not list yet is "starting"), uptime, the partitions it leads and whether the
// cluster's metadata lists it. Fed by observations taken off the GUI thread, the window's
// snapshots and the quorum's active controller; rows merge by node id (never a reset), so the
// selection survives every refresh. GUI thread only.
class LocalNodeModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column {
        NodeColumn,
        RolesColumn,
        BrokerPortColumn,
        ControllerPortColumn,
        ProcessColumn,
        StateColumn,
        UptimeColumn,
        LeadersColumn,
        ListedColumn,
        ColumnCount
    };
    enum Role {
        NodeIdRole = Qt::UserRole + 1, // int, on every column
        StatusRole,                    // int: a NodeStatus
        ActiveControllerRole,          // bool
    };
    // What the State column says.
    enum class Shown { Running, Starting, Paused, Stopped, Killed, Exited };

    struct Row {
        int id = 0;
        quint16 brokerPort = 0;
        quint16 controllerPort = 0;
        qint64 pid = 0;
        NodeStatus status = NodeStatus::Stopped;
        Shown shown = Shown::Stopped;
        QDateTime startedAt; // UTC, valid while the process lives
        int leaders = -1;    // -1: no snapshot yet
        int listed = -1;     // -1 unknown (no snapshot), 0 not listed, 1 listed
        bool activeController = false;
        QString pending;     // the action running on it ("killing"), empty when none
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit LocalNodeModel(QObject *parent = nullptr);

    void setObservations(const QList<NodeObservation> &nodes);
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    // The quorum's leader, -1 when unknown.
    void setActiveController(int nodeId);
    // The action running on a node ("stopping"), shown in its State column; nodeId -1 clears it.
    void setPending(int nodeId, const QString &verb);
    // Uptimes count from `now` (UTC); the page calls it every second.
    void setNow(const QDateTime &now);
    // Another cluster: the data set itself changes, so this one resets.
    void clear();

    const QList<Row> &rows() const { return m_rows; }
    int rowOf(int nodeId) const;
    const Row *row(int nodeId) const;

    static QString nameOf(Shown shown);
    // "2 h 05 min", "4 min 10 s", "12 s".
    static QString formatUptime(qint64 seconds);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    QString toolTip(const Row &row, int column) const;

    QList<Row> m_rows; // sorted by id
    QList<NodeObservation> m_observed;
    ClusterSnapshotPtr m_snapshot;
    int m_activeController = -1;
    int m_pendingNode = -1;
    QString m_pendingVerb;
    QDateTime m_now;
};

} // namespace kafdesk
