#pragma once

#include "admin/grouplag.h"
#include "kafka/admintypes.h"
#include "models/mergingtablemodel.h"

#include <QList>
#include <QStringList>

namespace kafdesk {

// The consumer groups of one cluster, one row per group id, sorted by id: what ListGroups says
// (state, simple or not), when a describe of the groups came with it, the protocol type, member
// count and coordinator, and when their lag came too (GroupAdmin::lagOfGroups), the topics each
// group committed or is assigned and its total lag ("no commit" when it committed nothing). A refresh merges by group id (sortedmerge.h): only rows that went
// away, came or changed are signalled, so selection, scroll and a proxy's sort survive. GUI
// thread only (rowsOf() is pure and may run anywhere).
class GroupListModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column {
        GroupColumn,
        StateColumn,
        TypeColumn,
        TopicsColumn,
        MembersColumn,
        CoordinatorColumn,
        LagColumn, // numbers last: a right-aligned number never touches left-aligned text
        ColumnCount
    };
    enum Role {
        GroupIdRole = Qt::UserRole + 1, // QString, on every column
        StateRole,                      // QString: the state as the broker names it
        MembersRole,                    // int: -1 when unknown
        SortRole,                       // what a proxy sorts by: numbers for the number columns
        TopicsRole,                     // QStringList: the topics the group committed or is assigned
        TotalLagRole,                   // qint64: the total lag; -1 unknown, -2 nothing committed
    };

    struct Row {
        QString groupId;
        QString state;        // Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, Unknown
        bool simple = false;  // a group that only commits offsets (no member ever joined it)
        QString protocolType; // "consumer", "connect", ...; empty when unknown or for an empty group
        int members = -1;     // -1: not described
        int coordinatorId = -1;
        bool lagKnown = false;  // the lag of the group came with the listing
        bool hasCommit = false; // the group committed an offset on at least one partition
        qint64 totalLag = 0;    // the sum of every known lag (when lagKnown and hasCommit)
        QStringList topics;     // committed or assigned, sorted
        QString lagNote;        // why part of the lag picture is missing (GroupLag::note), or empty
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit GroupListModel(QObject *parent = nullptr);

    // The rows for a ListGroups answer, completed with whatever `descriptions` say about the same
    // groups (a description with an error is ignored) and with their `lags` (topics, total lag).
    // Sorted by group id, without duplicates.
    static QList<Row> rowsOf(const QList<GroupListing> &listings, const QList<GroupDescription> &descriptions = {},
                             const QList<GroupLag> &lags = {});
    // "1,234" / "no commit" / "—": the total lag as the table shows it.
    static QString lagText(const Row &row);

    void setRows(QList<Row> rows);
    // Another cluster: the data set itself changes, so this one resets.
    void clear();

    const QList<Row> &rows() const { return m_rows; }
    // The row of the group, or -1.
    int rowOf(const QString &groupId) const;
    // "Stable", "Rebalancing (preparing)", ... for a broker's state name; the name itself when unknown.
    static QString stateText(const QString &state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString toolTip(const Row &row, int column) const;

    QList<Row> m_rows; // sorted by group id
};

} // namespace kafdesk
