#include "models/messagefiltermodel.h"

#include "models/messagetablemodel.h"

#include <QElapsedTimer>

#include <algorithm>

namespace kafdesk {

MessageFilterModel::MessageFilterModel(QObject *parent) : QAbstractProxyModel(parent)
{
    m_scanTimer.setSingleShot(true);
    m_scanTimer.setInterval(0);
    connect(&m_scanTimer, &QTimer::timeout, this, &MessageFilterModel::scanSlice);
}

MessageFilterModel::~MessageFilterModel() = default;

void MessageFilterModel::setMessageModel(MessageTableModel *model)
{
    setSourceModel(model);
}

void MessageFilterModel::setSourceModel(QAbstractItemModel *model)
{
    auto *messages = qobject_cast<MessageTableModel *>(model);
    Q_ASSERT(model == nullptr || messages);
    beginResetModel();
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = messages;
    QAbstractProxyModel::setSourceModel(messages);
    m_matches.clear();
    m_first = m_model ? m_model->firstMessageNumber() : 0;
    m_next = m_first;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &MessageFilterModel::sourceRowsAboutToBeInserted);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &MessageFilterModel::sourceRowsInserted);
        connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &MessageFilterModel::sourceRowsAboutToBeRemoved);
        connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MessageFilterModel::sourceRowsRemoved);
        connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, &MessageFilterModel::sourceAboutToBeReset);
        connect(m_model, &QAbstractItemModel::modelReset, this, &MessageFilterModel::sourceReset);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &MessageFilterModel::sourceDataChanged);
        connect(m_model, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    }
    endResetModel();
    if (isFiltering())
        scanSlice();
}

void MessageFilterModel::setFilter(const MessageFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    m_matches.clear();
    m_next = m_first;
    m_scanTimer.stop();
    endResetModel();
    if (isFiltering())
        scanSlice();
    Q_EMIT progressChanged();
}

qint64 MessageFilterModel::sourceEnd() const
{
    return m_model ? m_first + m_model->rowCount() : m_first;
}

bool MessageFilterModel::isScanning() const
{
    return isFiltering() && m_next < sourceEnd();
}

qsizetype MessageFilterModel::scannedCount() const
{
    if (!isFiltering())
        return m_model ? m_model->rowCount() : 0;
    return qsizetype(m_next - m_first);
}

QList<qsizetype> MessageFilterModel::sourceRows() const
{
    QList<qsizetype> rows;
    const int n = rowCount();
    rows.reserve(n);
    if (!isFiltering()) {
        for (int i = 0; i < n; ++i)
            rows << i;
    } else {
        for (qint64 number : m_matches)
            rows << qsizetype(number - m_first);
    }
    return rows;
}

void MessageFilterModel::scanSlice()
{
    if (!m_model || !isFiltering())
        return;
    const qint64 end = sourceEnd();
    if (m_next < m_first)
        m_next = m_first;
    QElapsedTimer timer;
    timer.start();
    // Walk the buffered batches directly: no per-row lookup in the store.
    const std::deque<MessageSpan> &spans = m_model->spanList();
    const qsizetype endRow = qsizetype(end - m_first);
    qsizetype row = qsizetype(m_next - m_first);
    size_t span = 0;
    qsizetype spanStart = 0; // the store row of the current span's first message
    while (span < spans.size() && row >= spanStart + (spans[span].end - spans[span].begin)) {
        spanStart += spans[span].end - spans[span].begin;
        ++span;
    }
    QList<qint64> found;
    bool outOfTime = false;
    for (; span < spans.size() && row < endRow && !outOfTime; ++span) {
        const MessageSpan &s = spans[span];
        const MessageBatch &batch = *s.batch;
        const qsizetype spanEnd = std::min(endRow, spanStart + (s.end - s.begin));
        for (qsizetype i = s.begin + (row - spanStart); row < spanEnd; ++row, ++i) {
            if (m_filter.matches(batch, i))
                found << m_first + row;
            if ((row & 1023) == 1023 && timer.elapsed() >= m_sliceMs) {
                ++row;
                outOfTime = true;
                break;
            }
        }
        spanStart += s.end - s.begin;
    }
    m_next = m_first + row;
    if (!found.isEmpty()) {
        const int at = int(m_matches.size());
        beginInsertRows({}, at, at + int(found.size()) - 1);
        m_matches.insert(m_matches.end(), found.cbegin(), found.cend());
        endInsertRows();
    }
    if (m_next < end)
        m_scanTimer.start();
    Q_EMIT progressChanged();
}

void MessageFilterModel::sourceRowsAboutToBeInserted(const QModelIndex &parent, int first, int last)
{
    if (!isFiltering())
        beginInsertRows(parent, first, last);
}

void MessageFilterModel::sourceRowsInserted(const QModelIndex &, int, int)
{
    if (!isFiltering()) {
        endInsertRows();
        Q_EMIT progressChanged();
        return;
    }
    // New messages are checked on the next turn of the event loop (in slices), so that the
    // turn that appended them stays short.
    if (!m_scanTimer.isActive())
        m_scanTimer.start();
}

void MessageFilterModel::sourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    Q_ASSERT(first == 0); // the buffer only ever drops its oldest messages
    if (!isFiltering()) {
        beginRemoveRows(parent, first, last);
        return;
    }
    const qint64 newFirst = m_first + last + 1;
    const auto keep = std::lower_bound(m_matches.cbegin(), m_matches.cend(), newFirst);
    const int gone = int(keep - m_matches.cbegin());
    if (gone > 0) {
        beginRemoveRows({}, 0, gone - 1);
        m_matches.erase(m_matches.begin(), m_matches.begin() + gone);
        endRemoveRows();
    }
}

void MessageFilterModel::sourceRowsRemoved(const QModelIndex &, int first, int last)
{
    Q_UNUSED(first)
    m_first += last + 1;
    m_next = std::max(m_next, m_first);
    if (!isFiltering())
        endRemoveRows();
    Q_EMIT progressChanged();
}

void MessageFilterModel::sourceAboutToBeReset()
{
    beginResetModel();
}

void MessageFilterModel::sourceReset()
{
    m_matches.clear();
    m_first = m_model->firstMessageNumber();
    m_next = m_first;
    m_scanTimer.stop();
    endResetModel();
    if (isFiltering())
        scanSlice();
    Q_EMIT progressChanged();
}

void MessageFilterModel::sourceDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    if (!isFiltering()) {
        Q_EMIT dataChanged(index(topLeft.row(), topLeft.column()), index(bottomRight.row(), bottomRight.column()), roles);
        return;
    }
    // Decoders changed (the filter reads raw bytes, so the matches stay): repaint the columns.
    if (!m_matches.empty())
        Q_EMIT dataChanged(index(0, topLeft.column()), index(int(m_matches.size()) - 1, bottomRight.column()), roles);
}

QModelIndex MessageFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid())
        return {};
    if (!isFiltering())
        return m_model->index(proxyIndex.row(), proxyIndex.column());
    const auto row = size_t(proxyIndex.row());
    if (row >= m_matches.size())
        return {};
    return m_model->index(int(m_matches[row] - m_first), proxyIndex.column());
}

QModelIndex MessageFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid())
        return {};
    if (!isFiltering())
        return index(sourceIndex.row(), sourceIndex.column());
    const qint64 number = m_first + sourceIndex.row();
    const auto it = std::lower_bound(m_matches.cbegin(), m_matches.cend(), number);
    if (it == m_matches.cend() || *it != number)
        return {};
    return index(int(it - m_matches.cbegin()), sourceIndex.column());
}

QModelIndex MessageFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex MessageFilterModel::parent(const QModelIndex &) const
{
    return {};
}

int MessageFilterModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_model)
        return 0;
    return isFiltering() ? int(m_matches.size()) : m_model->rowCount();
}

int MessageFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_model ? 0 : m_model->columnCount();
}

QVariant MessageFilterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (!m_model || orientation != Qt::Horizontal)
        return {};
    return m_model->headerData(section, orientation, role);
}

} // namespace kafdesk
