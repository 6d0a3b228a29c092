#pragma once

#include "messages/decoders.h"
#include "messages/message.h"
#include "messages/messageexport.h"

#include <QAbstractTableModel>

#include <deque>

namespace kafdesk {

// The consume pane's table over a MessageStore: one row per buffered message, oldest first,
// columns partition, offset, timestamp, key, value preview, header count. appendBatch() inserts
// a batch's rows in one beginInsertRows and drops the oldest in one beginRemoveRows, so a view
// only relayouts once per batch; cells are decoded when painted (only visible rows are).
// A null key or value shows as a dimmed, italic "null"; tooltips hold the full decoded text (bounded).
// GUI thread only.
class MessageTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { PartitionColumn, OffsetColumn, TimestampColumn, KeyColumn, ValueColumn, HeadersColumn, ColumnCount };
    enum Role {
        MessageRowRole = Qt::UserRole + 1, // the row in the store (qsizetype as qlonglong)
        MessageNumberRole,                 // droppedTotal() + row: stable while the message is buffered
        IsNullRole,                        // key / value columns: the field is null
    };
    static constexpr int keyPreviewChars = 80;
    static constexpr int valuePreviewChars = 240;
    static constexpr int toolTipChars = 2000;

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

    // The message number (appendedTotal-based) of row 0, i.e. store().droppedTotal().
    qint64 firstMessageNumber() const;
    Message message(int row) const;
    // The buffered messages as shared batches, oldest first (rows 0..rowCount()-1 in order): what
    // an export on a worker thread writes while the model goes on.
    QList<MessageSpan> spans() const;
    // The same without a copy: for walking many rows fast (no per-row lookup). Valid until the
    // next append, capacity change or clear.
    const std::deque<MessageSpan> &spanList() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    // After each append or clear: what the status line shows (count, dropped, memory).
    void storeChanged();

private:
    QVariant displayData(int row, int column) const;
    QVariant toolTipData(int row, int column) const;
    void trimSpans();

    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace kafdesk
