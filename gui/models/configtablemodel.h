#pragma once

#include "kafka/admintypes.h"

#include "models/mergingtablemodel.h"
#include <QList>

namespace kafdesk {

// The configs of one topic or broker, one row per key, sorted by name. A refresh merges by name
// (only rows that went away, came or changed are signalled), so selection and scroll survive.
// Sensitive values, which brokers never send, show as "(hidden)". Overrides (any source but
// DEFAULT_CONFIG) are bold and answer OverrideRole, for a view that shows them apart. GUI thread only.
class ConfigTableModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, ValueColumn, SourceColumn, ColumnCount };
    enum Role {
        ConfigNameRole = Qt::UserRole + 1, // QString, on every column
        RawValueRole,                      // QString: the value as the broker sent it; empty if sensitive
        SourceRole,                        // QString: librdkafka's source name, e.g. DYNAMIC_TOPIC_CONFIG
        OverrideRole,                      // bool: set somewhere, not Kafka's default
        ReadOnlyRole,                      // bool
        SensitiveRole,                     // bool
        HumanValueRole,                    // QString: humanConfigValue(), or empty
    };

    struct Row {
        ConfigEntry entry;
        QString humanValue; // humanConfigValue(entry.name, entry.value)
        friend bool operator==(const Row &, const Row &) = default;
    };

    explicit ConfigTableModel(QObject *parent = nullptr);

    void setEntries(const QList<ConfigEntry> &entries);
    // Another topic or broker: the data set itself changes, so this one resets.
    void clear();

    const QList<Row> &rows() const { return m_rows; }
    // The row of the key, or -1.
    int rowOf(const QString &name) const;
    int overrideCount() const;

    // Whether the entry is set on the resource, its broker or the cluster rather than left at Kafka's default.
    static bool isOverride(const ConfigEntry &entry);
    // "Topic override", "Kafka default", ... for librdkafka's source names; the name itself when unknown.
    static QString sourceText(const QString &source);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayValue(const ConfigEntry &entry) const;
    QString toolTip(const Row &row, int column) const;

    QList<Row> m_rows; // sorted by name
};

} // namespace kafdesk
