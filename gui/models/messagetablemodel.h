#pragma once

#include "messages/decoders.h"
#include "messages/message.h"

#include <QAbstractTableModel>

namespace kafdesk {

// The consume pane's table over a MessageStore: one row per buffered message, oldest first,
// columns partition, offset, timestamp, key, value preview, header count. appendBatch() inserts
// a batch's rows in one beginInsertRows and drops the oldest in one beginRemoveRows, so a view
// only relayouts once per batch; cells are decoded when painted (only visible rows are).
// GUI thread only.
class MessageTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PartitionColumn, OffsetColumn, TimestampColumn, KeyColumn, ValueColumn, HeadersColumn, ColumnCount };
    enum Role { MessageRowRole = Qt::UserRole + 1 }; // the row in the store (qsizetype as qlonglong)

    explicit MessageTableModel(QObject *parent = nullptr);
    ~MessageTableModel() override;

    const MessageStore &store() const;
    void setCapacity(qsizetype capacity);
    void appendBatch(const MessageBatchPtr &batch);
    void clear();

    void setKeyDecoder(Decoder decoder);
    void setValueDecoder(Decoder decoder);
    Decoder keyDecoder() const;
    Decoder valueDecoder() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After each append or clear: what the status line shows (count, dropped, memory).
    void storeChanged();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kafdesk
