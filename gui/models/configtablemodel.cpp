#include "models/configtablemodel.h"

#include "models/configunits.h"
#include "models/sortedmerge.h"

#include <QFont>
#include <QStringList>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr auto byName = [](const ConfigTableModel::Row &a, const ConfigTableModel::Row &b) {
    return a.entry.name < b.entry.name;
};

} // namespace

ConfigTableModel::ConfigTableModel(QObject *parent) : MergingTableModel(parent) {}

void ConfigTableModel::setEntries(const QList<ConfigEntry> &entries)
{
    QList<Row> target;
    target.reserve(entries.size());
    for (const ConfigEntry &e : entries)
        target << Row{e, e.sensitive ? QString() : humanConfigValue(e.name, e.value)};
    mergeRows(m_rows, std::move(target), byName, ColumnCount);
}

void ConfigTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int ConfigTableModel::rowOf(const QString &name) const
{
    const auto it = std::lower_bound(m_rows.cbegin(), m_rows.cend(), name,
                                     [](const Row &r, const QString &key) { return r.entry.name < key; });
    return it != m_rows.cend() && it->entry.name == name ? static_cast<int>(it - m_rows.cbegin()) : -1;
}

int ConfigTableModel::overrideCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.cbegin(), m_rows.cend(), [](const Row &r) { return isOverride(r.entry); }));
}

bool ConfigTableModel::isOverride(const ConfigEntry &entry)
{
    return !entry.isDefault && entry.source != QLatin1String("DEFAULT_CONFIG");
}

QString ConfigTableModel::sourceText(const QString &source)
{
    if (source == QLatin1String("DYNAMIC_TOPIC_CONFIG"))
        return tr("Topic override");
    if (source == QLatin1String("DYNAMIC_BROKER_CONFIG"))
        return tr("Broker override");
    if (source == QLatin1String("DYNAMIC_DEFAULT_BROKER_CONFIG"))
        return tr("Cluster-wide broker default");
    if (source == QLatin1String("STATIC_BROKER_CONFIG"))
        return tr("Broker properties file");
    if (source == QLatin1String("DYNAMIC_BROKER_LOGGER_CONFIG"))
        return tr("Broker logger");
    if (source == QLatin1String("DEFAULT_CONFIG"))
        return tr("Kafka default");
    if (source.isEmpty() || source == QLatin1String("UNKNOWN_CONFIG"))
        return tr("Unknown");
    return source;
}

int ConfigTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ConfigTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ConfigTableModel::displayValue(const ConfigEntry &e) const
{
    if (e.sensitive)
        return tr("(hidden)");
    if (e.isValueNull)
        return tr("(none)");
    return e.value;
}

QString ConfigTableModel::toolTip(const Row &r, int column) const
{
    const ConfigEntry &e = r.entry;
    if (column == SourceColumn)
        return tr("Source: %1 (%2)").arg(sourceText(e.source), e.source.isEmpty() ? tr("unknown") : e.source);
    QStringList lines;
    if (column == ValueColumn && !r.humanValue.isEmpty())
        lines << r.humanValue;
    if (e.sensitive)
        lines << tr("Sensitive: brokers never send this value back.");
    if (e.readOnly)
        lines << tr("Read-only: it can only be changed in the broker's properties file, with a restart.");
    if (column == NameColumn && !isOverride(e))
        lines << tr("Kafka's default value.");
    return lines.join(QLatin1Char('\n'));
}

QVariant ConfigTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row &r = m_rows.at(index.row());
    const ConfigEntry &e = r.entry;
    switch (role) {
    case ConfigNameRole:
        return e.name;
    case RawValueRole:
        return e.sensitive ? QString() : e.value;
    case SourceRole:
        return e.source;
    case OverrideRole:
        return isOverride(e);
    case ReadOnlyRole:
        return e.readOnly;
    case SensitiveRole:
        return e.sensitive;
    case HumanValueRole:
        return r.humanValue;
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return e.name;
        case ValueColumn:
            return displayValue(e);
        case SourceColumn:
            return sourceText(e.source);
        default:
            return {};
        }
    case Qt::ToolTipRole: {
        const QString tip = toolTip(r, index.column());
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case Qt::FontRole:
        if (isOverride(e) && index.column() != SourceColumn) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        if ((e.sensitive || e.isValueNull) && index.column() == ValueColumn) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    default:
        return {};
    }
}

QVariant ConfigTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case ValueColumn:
        return tr("Value");
    case SourceColumn:
        return tr("Source");
    default:
        return {};
    }
}

} // namespace kafdesk
