#include "models/grouplabeventmodel.h"

namespace kafdesk {

GroupLabEventModel::GroupLabEventModel(QObject *parent) : QAbstractTableModel(parent) {}

void GroupLabEventModel::setState(const LabState &state)
{
    const qint64 total = state.eventsDropped + state.events.size();
    if (total < m_seen) { // a lab of its own: start over
        clear();
    }
    const qint64 fresh = std::min<qint64>(total - m_seen, state.events.size());
    if (fresh > 0) {
        beginInsertRows({}, 0, static_cast<int>(fresh) - 1);
        for (qsizetype i = state.events.size() - fresh; i < state.events.size(); ++i)
            m_events.prepend(state.events[i]);
        endInsertRows();
    }
    m_seen = total;
    if (m_events.size() > LabState::maxEvents) {
        beginRemoveRows({}, LabState::maxEvents, static_cast<int>(m_events.size()) - 1);
        m_events.resize(LabState::maxEvents);
        endRemoveRows();
    }
}

void GroupLabEventModel::clear()
{
    if (!m_events.isEmpty()) {
        beginResetModel();
        m_events.clear();
        endResetModel();
    }
    m_seen = 0;
}

int GroupLabEventModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int GroupLabEventModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant GroupLabEventModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const LabEvent &e = m_events[index.row()];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case MemberColumn:
            return e.clientId;
        case WhatColumn:
            return describeLabEvent(e);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == WhatColumn)
        return e.text.isEmpty() ? describeLabEvent(e) : e.text;
    return {};
}

QVariant GroupLabEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case MemberColumn:
        return tr("Member");
    case WhatColumn:
        return tr("What happened");
    default:
        return {};
    }
}

} // namespace kafdesk
