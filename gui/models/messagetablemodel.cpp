#include "models/messagetablemodel.h"

#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace kafdesk {

namespace {

QString timestampText(qint64 ms)
{
    if (ms < 0)
        return QStringLiteral("\u2014");
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString timestampTypeText(TimestampType type)
{
    switch (type) {
    case TimestampType::CreateTime: return MessageTableModel::tr("create time (set by the producer)");
    case TimestampType::LogAppendTime: return MessageTableModel::tr("log append time (set by the broker)");
    case TimestampType::None: break;
    }
    return MessageTableModel::tr("no timestamp");
}

QString bounded(QString text, int maxChars)
{
    if (text.size() > maxChars) {
        text.truncate(maxChars);
        text += QStringLiteral("\u2026");
    }
    return text;
}

} // namespace

struct MessageTableModel::Impl {
    MessageStore store;
    int rows = 0; // what the view has been told (the store changes before the insert is announced)
    Decoder keyDecoder = Decoder::Auto;
    Decoder valueDecoder = Decoder::Auto;
    // The store's batches, mirrored (each with the part of it still buffered) for spans().
    std::deque<MessageSpan> spans;
};

MessageTableModel::MessageTableModel(QObject *parent) : QAbstractTableModel(parent), d(std::make_unique<Impl>()) {}

MessageTableModel::~MessageTableModel() = default;

const MessageStore &MessageTableModel::store() const
{
    return d->store;
}

void MessageTableModel::setCapacity(qsizetype capacity)
{
    capacity = std::max<qsizetype>(capacity, 1);
    if (capacity == d->store.capacity())
        return;
    const qsizetype excess = std::max<qsizetype>(0, d->store.size() - capacity);
    if (excess > 0)
        beginRemoveRows({}, 0, int(excess - 1));
    d->store.setCapacity(capacity);
    if (excess > 0) {
        d->rows = int(d->store.size());
        trimSpans();
        endRemoveRows();
    }
    Q_EMIT storeChanged();
}

void MessageTableModel::appendBatch(const MessageBatchPtr &batch)
{
    if (!batch || batch->isEmpty())
        return;
    const qsizetype old = d->store.size();
    const qsizetype excess = std::max<qsizetype>(0, old + batch->size() - d->store.capacity());
    const qsizetype droppedOld = std::min(excess, old);
    if (droppedOld > 0)
        beginRemoveRows({}, 0, int(droppedOld - 1));
    const qsizetype dropped = d->store.append(batch);
    Q_ASSERT(dropped == excess);
    Q_UNUSED(dropped)
    d->spans.push_back({batch, 0, batch->size()});
    trimSpans();
    if (droppedOld > 0) {
        d->rows = int(old - droppedOld);
        endRemoveRows();
    }
    const int inserted = int(d->store.size()) - d->rows;
    if (inserted > 0) {
        beginInsertRows({}, d->rows, d->rows + inserted - 1);
        d->rows += inserted;
        endInsertRows();
    }
    Q_EMIT storeChanged();
}

void MessageTableModel::trimSpans()
{
    qsizetype excess = -qsizetype(d->store.size());
    for (const MessageSpan &span : d->spans)
        excess += span.end - span.begin;
    while (excess > 0 && !d->spans.empty()) {
        MessageSpan &front = d->spans.front();
        const qsizetype take = std::min(excess, front.end - front.begin);
        front.begin += take;
        excess -= take;
        if (front.begin == front.end)
            d->spans.pop_front();
    }
}

void MessageTableModel::clear()
{
    beginResetModel();
    d->store.clear();
    d->spans.clear();
    d->rows = 0;
    endResetModel();
    Q_EMIT storeChanged();
}

void MessageTableModel::setKeyDecoder(Decoder decoder)
{
    if (decoder == d->keyDecoder)
        return;
    d->keyDecoder = decoder;
    if (d->rows > 0)
        Q_EMIT dataChanged(index(0, KeyColumn), index(d->rows - 1, KeyColumn));
}

void MessageTableModel::setValueDecoder(Decoder decoder)
{
    if (decoder == d->valueDecoder)
        return;
    d->valueDecoder = decoder;
    if (d->rows > 0)
        Q_EMIT dataChanged(index(0, ValueColumn), index(d->rows - 1, ValueColumn));
}

Decoder MessageTableModel::keyDecoder() const
{
    return d->keyDecoder;
}

Decoder MessageTableModel::valueDecoder() const
{
    return d->valueDecoder;
}

qint64 MessageTableModel::firstMessageNumber() const
{
    return d->store.droppedTotal();
}

Message MessageTableModel::message(int row) const
{
    return d->store.message(row);
}

QList<MessageSpan> MessageTableModel::spans() const
{
    return QList<MessageSpan>(d->spans.cbegin(), d->spans.cend());
}

const std::deque<MessageSpan> &MessageTableModel::spanList() const
{
    return d->spans;
}

int MessageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : d->rows;
}

int MessageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessageTableModel::displayData(int row, int column) const
{
    const MessageStore &s = d->store;
    switch (column) {
    case PartitionColumn: return s.partition(row);
    case OffsetColumn: return s.offset(row);
    case TimestampColumn: return timestampText(s.timestampMs(row));
    case KeyColumn:
        return s.keyIsNull(row) ? tr("null") : preview(s.key(row), d->keyDecoder, keyPreviewChars);
    case ValueColumn:
        return s.valueIsNull(row) ? tr("null") : preview(s.value(row), d->valueDecoder, valuePreviewChars);
    case HeadersColumn: return s.headerCount(row);
    default: return {};
    }
}

QVariant MessageTableModel::toolTipData(int row, int column) const
{
    const MessageStore &s = d->store;
    switch (column) {
    case TimestampColumn: {
        const qint64 ms = s.timestampMs(row);
        if (ms < 0)
            return timestampTypeText(TimestampType::None);
        return tr("%1\n%2 UTC, %3 ms since the epoch")
            .arg(timestampTypeText(s.timestampType(row)),
                 QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs))
            .arg(ms);
    }
    case KeyColumn:
    case ValueColumn: {
        const bool key = column == KeyColumn;
        if (key ? s.keyIsNull(row) : s.valueIsNull(row))
            return key ? tr("A null key (no key at all, not an empty one)") : tr("A null value (a tombstone)");
        const QByteArrayView bytes = key ? s.key(row) : s.value(row);
        // The tooltip decodes a bounded head of the value: enough to read, never megabytes.
        const QByteArrayView head = bytes.first(std::min<qsizetype>(bytes.size(), toolTipChars * 4));
        const Decoded decoded = decode(head, key ? d->keyDecoder : d->valueDecoder, true);
        QString text = bounded(decoded.text, toolTipChars);
        if (head.size() < bytes.size())
            text += QLatin1Char('\n') + tr("(%1 bytes in all; the detail view shows everything)").arg(QLocale().toString(bytes.size()));
        else if (!decoded.error.isEmpty())
            text += QLatin1String("\n\n") + decoded.error;
        return text;
    }
    case HeadersColumn: {
        const QList<MessageHeader> headers = s.headers(row);
        if (headers.isEmpty())
            return tr("No headers");
        QStringList lines;
        for (const MessageHeader &h : headers) {
            if (lines.size() == 20) {
                lines << tr("… and %1 more").arg(headers.size() - 20);
                break;
            }
            lines << QString::fromUtf8(h.name) + QStringLiteral(": ") +
                         (h.value ? preview(*h.value, Decoder::Auto, 100) : tr("null"));
        }
        return lines.join(QLatin1Char('\n'));
    }
    default: return {};
    }
}

QVariant MessageTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const bool nullField = (column == KeyColumn && d->store.keyIsNull(row)) ||
                           (column == ValueColumn && d->store.valueIsNull(row));
    switch (role) {
    case Qt::DisplayRole: return displayData(row, column);
    case Qt::ToolTipRole: return toolTipData(row, column);
    case Qt::TextAlignmentRole:
        if (column == PartitionColumn || column == OffsetColumn || column == HeadersColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (nullField || (column == HeadersColumn && d->store.headerCount(row) == 0))
            return QGuiApplication::palette().brush(QPalette::PlaceholderText);
        return {};
    case Qt::FontRole:
        if (nullField) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case MessageRowRole: return qlonglong(row);
    case MessageNumberRole: return qlonglong(d->store.droppedTotal() + row);
    case IsNullRole: return nullField;
    default: return {};
    }
}

QVariant MessageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case PartitionColumn: return tr("Partition");
        case OffsetColumn: return tr("Offset");
        case TimestampColumn: return tr("Timestamp");
        case KeyColumn: return tr("Key");
        case ValueColumn: return tr("Value");
        case HeadersColumn: return tr("Headers");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case TimestampColumn: return tr("The message's timestamp in local time (hover a cell for its type and UTC)");
        case KeyColumn: return tr("The key, through the key decoder");
        case ValueColumn: return tr("The value's start, through the value decoder; the detail view shows all of it");
        case HeadersColumn: return tr("How many headers the message carries");
        default: return {};
        }
    }
    if (role == Qt::TextAlignmentRole && (section == PartitionColumn || section == OffsetColumn || section == HeadersColumn))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

} // namespace kafdesk
