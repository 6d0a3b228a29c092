#pragma once

#include "messages/grouplabstate.h"

#include <QAbstractListModel>
#include <QPalette>

namespace kafdesk {

// The partition strip: one row per partition of the lab's topic, with the member that owns it
// (its name as text, its colour as background), or "not read" when nobody does. Rows are
// added or removed at the end when the partition count changes; owners change in place.
class GroupLabPartitionModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        PartitionRole = Qt::UserRole + 1, // int
        OwnerIdRole,                      // int, 0: nobody
        OwnerNameRole,                    // QString, "" when nobody
        OwnerCrashedRole,                 // bool: the owner crashed, the group has not noticed yet
    };

    explicit GroupLabPartitionModel(QObject *parent = nullptr);

    void setState(const LabState &state);
    void setPalette(const QPalette &palette);
    // "kafdesk-lab-2", or "" when nobody reads the partition.
    QString ownerName(int partition) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Cell {
        int owner = 0;
        QString name;
        bool crashed = false;
        qint64 consumed = 0;
        bool operator==(const Cell &) const = default;
    };
    QList<Cell> m_cells;
    QPalette m_palette;
};

} // namespace kafdesk
