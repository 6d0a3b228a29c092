#pragma once

#include "cluster/replicationhistory.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace kafdesk {

// The replication timeline as rows, oldest first: every event of a ReplicationHistory and the
// user's markers among them, merged by time (a marker before the events of the same instant).
// It follows the history's signals: new rows are inserted (usually at the bottom), rows the
// history drops are removed, a clear resets. GUI thread only.
class TimelineModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, BrokerColumn, PartitionColumn, ChangeColumn, ColumnCount };
    enum Role {
        IsMarkerRole = Qt::UserRole + 1, // bool
        KindRole,                         // int (ReplicationEvent::Kind), -1 for a marker
        BrokerRole,                       // int, -1 when none
        BrokersInvolvedRole,              // QList<int>: the broker, and the old/new leader of a leader event
        TopicRole,                        // QString, empty for broker events and markers
        PartitionRole,                    // int, -1 when none
        TimestampRole,                    // QDateTime (UTC)
    };

    explicit TimelineModel(ReplicationHistory *history, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool isMarker(int row) const;
    // The row's event (a default one for a marker) and marker (a default one for an event).
    ReplicationEvent event(int row) const;
    TimelineMarker marker(int row) const;
    int eventRowCount() const { return m_eventRows; }
    int markerRowCount() const { return static_cast<int>(m_rows.size()) - m_eventRows; }

    // What the user reads: "Broker down", "ISR shrank", ...; and "leader 2 → 3", "ISR [1,2,3] → [1,3]".
    static QString kindLabel(ReplicationEvent::Kind kind);
    static QString changeText(const ReplicationEvent &event);
    // Whether the kind is bad news (red), good news (green) or neither.
    enum class Tone { Bad, Good, Neutral };
    static Tone toneOf(ReplicationEvent::Kind kind);

private:
    struct Row {
        bool marker = false;
        ReplicationEvent event;
        TimelineMarker mark;
        const QDateTime &time() const { return marker ? mark.timestamp : event.timestamp; }
    };

    void reload();
    void appendEvents(int count);
    void insertMarker(const TimelineMarker &marker);
    void dropOldest(bool markers, int count);
    QVariant rowData(const Row &row, int column, int role) const;

    QPointer<ReplicationHistory> m_history;
    QList<Row> m_rows;
    int m_eventRows = 0;
};

} // namespace kafdesk
