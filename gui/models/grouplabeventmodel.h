#pragma once

#include "messages/grouplabstate.h"

#include <QAbstractTableModel>

namespace kafdesk {

// The rebalance log, newest first: what each member was given or gave back, who joined, left or
// crashed. New events are inserted at the top; the oldest go when the lab drops them.
class GroupLabEventModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, MemberColumn, WhatColumn, ColumnCount };

    explicit GroupLabEventModel(QObject *parent = nullptr);

    void setState(const LabState &state);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<LabEvent> m_events; // newest first
    qint64 m_seen = 0;        // events taken from the lab so far (dropped ones included)
};

} // namespace kafdesk
