#include "models/deliverytablemodel.h"

#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QStringDecoder>

namespace kafdesk {

DeliveryTableModel::DeliveryTableModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

void DeliveryTableModel::append(const QList<DeliveryReport> &reports)
{
    if (reports.isEmpty())
        return;
    // Only the newest capacity() of the new reports can stay.
    const qsizetype skip = std::max<qsizetype>(0, reports.size() - m_capacity);
    const qsizetype incoming = reports.size() - skip;
    const qsizetype overflow = m_rows.size() + incoming - m_capacity;
    m_dropped += skip;
    if (overflow > 0) {
        beginRemoveRows({}, 0, static_cast<int>(overflow - 1));
        for (qsizetype i = 0; i < overflow; ++i)
            (m_rows.at(i).ok() ? m_delivered : m_failed)--;
        m_rows.remove(0, overflow);
        m_dropped += overflow;
        endRemoveRows();
    }
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(incoming) - 1);
    for (qsizetype i = skip; i < reports.size(); ++i) {
        (reports.at(i).ok() ? m_delivered : m_failed)++;
        m_rows.append(reports.at(i));
    }
    endInsertRows();
}

void DeliveryTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_dropped = 0;
    m_delivered = 0;
    m_failed = 0;
    endResetModel();
}

int DeliveryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DeliveryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeliveryTableModel::keyText(const std::optional<QByteArray> &key)
{
    if (!key)
        return tr("(null)");
    auto decode = QStringDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decode(*key);
    if (decode.hasError())
        return QStringLiteral("0x") + QString::fromLatin1(key->toHex());
    return text;
}

QVariant DeliveryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DeliveryReport &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case CopyColumn:
            return r.id;
        case KeyColumn:
            return keyText(r.key);
        case PartitionColumn:
            return r.partition >= 0 ? QVariant(r.partition) : QVariant(QStringLiteral("—"));
        case OffsetColumn:
            if (r.offset >= 0)
                return r.offset;
            return r.ok() ? tr("not returned (acks=0)") : QStringLiteral("—");
        case TimestampColumn:
            return r.timestampMs >= 0
                       ? QDateTime::fromMSecsSinceEpoch(r.timestampMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"))
                       : QString();
        case StatusColumn:
            return r.ok() ? tr("✓ Delivered") : tr("✗ %1").arg(r.error->message);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == StatusColumn && !r.ok())
            return r.error->fullText();
        if (index.column() == TimestampColumn && r.timestampMs >= 0)
            return QDateTime::fromMSecsSinceEpoch(r.timestampMs).toUTC().toString(Qt::ISODateWithMs);
        return {};
    case Qt::ForegroundRole:
        // State colours that read on light and dark palettes; the text says the state too.
        if (index.column() == StatusColumn)
            return r.ok() ? QColor(0x2e, 0x9d, 0x4f) : QColor(0xd6, 0x45, 0x45);
        return {};
    case Qt::FontRole:
        if (index.column() == KeyColumn && !r.key) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == CopyColumn || index.column() == PartitionColumn || index.column() == OffsetColumn)
            return static_cast<int>(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case DeliveredRole:
        return r.ok();
    case ErrorDetailRole:
        return r.ok() ? QString() : r.error->detail;
    }
    return {};
}

QVariant DeliveryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CopyColumn:
        return tr("#");
    case KeyColumn:
        return tr("Key");
    case PartitionColumn:
        return tr("Partition");
    case OffsetColumn:
        return tr("Offset");
    case TimestampColumn:
        return tr("Timestamp");
    case StatusColumn:
        return tr("Status");
    }
    return {};
}

} // namespace kafdesk
