#pragma once

#include "kafka/producer.h"

#include <QAbstractTableModel>
#include <QList>

namespace kafdesk {

// The produce pane's delivery reports, one row per message, newest at the bottom: copy number,
// key, partition, offset, timestamp and status (delivered, or the error with librdkafka's text
// as the tooltip). Bounded: past capacity() rows the oldest are removed. GUI thread only.
class DeliveryTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CopyColumn, KeyColumn, PartitionColumn, OffsetColumn, TimestampColumn, StatusColumn, ColumnCount };
    enum Role {
        DeliveredRole = Qt::UserRole + 1, // bool
        ErrorDetailRole,                  // the error's detail text, or empty
    };

    explicit DeliveryTableModel(QObject *parent = nullptr, int capacity = 10000);

    void append(const QList<DeliveryReport> &reports);
    void clear();

    int capacity() const { return m_capacity; }
    // Rows removed because the table was full, since the last clear().
    qint64 droppedCount() const { return m_dropped; }
    const DeliveryReport &report(int row) const { return m_rows.at(row); }
    int deliveredCount() const { return m_delivered; }
    int failedCount() const { return m_failed; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // How a key reads in the table: its UTF-8 text, hex when it is not text, "(null)" for none.
    static QString keyText(const std::optional<QByteArray> &key);

private:
    QList<DeliveryReport> m_rows;
    int m_capacity;
    qint64 m_dropped = 0;
    int m_delivered = 0; // of the rows kept
    int m_failed = 0;
};

} // namespace kafdesk
