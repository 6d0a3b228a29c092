#pragma once

#include "kafka/metadataclient.h"

#include <QAbstractTableModel>
#include <QList>

namespace kafdesk {

// Brokers of one cluster: every broker ever seen (or expected, for the bundled cluster) stays,
// and is marked down while metadata does not list it. Updates merge by broker id, so selection
// and sort survive a refresh.
class BrokerTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, AddressColumn, StateColumn, ColumnCount };
    enum Role { AliveRole = Qt::UserRole + 1 };

    struct Row {
        int id = -1;
        QString address;
        bool alive = false;
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit BrokerTableModel(QObject *parent = nullptr);

    // Brokers known to exist whether or not they answer (the bundled cluster's nodes).
    void setExpectedBrokers(const QList<BrokerInfo> &brokers);
    void applySnapshot(const MetadataSnapshot &snapshot);
    // The cluster did not answer: every broker is down as far as anyone can tell.
    void markAllDown();
    void clear();

    int aliveCount() const;
    const QList<Row> &rows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void merge(QList<Row> target);

    QList<Row> m_rows; // sorted by id
};

} // namespace kafdesk
