#pragma once

#include "messages/messagefilter.h"

#include <QAbstractProxyModel>
#include <QTimer>

#include <deque>

namespace kafdesk {

class MessageTableModel;

// The rows of a MessageTableModel that a MessageFilter lets through, without re-filtering the
// whole buffer on every batch: the proxy keeps the matching messages' numbers (stable while they
// are buffered), appends the matches of each new batch, and drops those that leave the buffer.
// A new filter is applied by an incremental scan, a few milliseconds per event-loop turn, so a
// million buffered messages never freeze the window (scanning(), scannedCount() tell how far it
// got). With an empty filter the proxy passes every row through. GUI thread only.
class MessageFilterModel : public QAbstractProxyModel {
    Q_OBJECT
public:
    static constexpr int defaultSliceMs = 5;

    explicit MessageFilterModel(QObject *parent = nullptr);
    ~MessageFilterModel() override;

    void setMessageModel(MessageTableModel *model);
    MessageTableModel *messageModel() const { return m_model; }

    // Rescans the buffer with the new filter (an empty one shows every row).
    void setFilter(const MessageFilter &filter);
    const MessageFilter &filter() const { return m_filter; }
    bool isFiltering() const { return !m_filter.isEmpty(); }
    // True while buffered messages are still to be checked.
    bool isScanning() const;
    qsizetype matchCount() const { return rowCount(); }
    // How many buffered messages were checked (all of them when the scan is done).
    qsizetype scannedCount() const;
    // The store rows of the shown rows, ascending (for an export of the filtered rows).
    QList<qsizetype> sourceRows() const;
    // How long one scan slice may take.
    void setSliceMs(int ms) { m_sliceMs = ms; }

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Only a MessageTableModel (or nullptr).
    void setSourceModel(QAbstractItemModel *model) override;

Q_SIGNALS:
    // The match or scanned count changed (after a slice, a batch, a drop or a new filter).
    void progressChanged();

private:
    void scanSlice();
    void sourceRowsAboutToBeInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsInserted(const QModelIndex &parent, int first, int last);
    void sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void sourceRowsRemoved(const QModelIndex &parent, int first, int last);
    void sourceAboutToBeReset();
    void sourceReset();
    void sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    qint64 sourceEnd() const; // the number one past the newest buffered message

    MessageTableModel *m_model = nullptr;
    MessageFilter m_filter;
    std::deque<qint64> m_matches; // message numbers, ascending
    qint64 m_first = 0;           // the message number of source row 0
    qint64 m_next = 0;            // the next message number to check
    QTimer m_scanTimer;
    int m_sliceMs = defaultSliceMs;
};

} // namespace kafdesk
