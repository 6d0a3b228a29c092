#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>

namespace kafdesk {

class TopicTableModel;

// Filters and sorts a TopicTableModel for a view: a case-insensitive substring of the name, and
// internal topics (__consumer_offsets, ...) hidden unless asked for. Number columns sort as
// numbers, ties and the name column by name regardless of case. Works over any model that
// answers TopicTableModel's TopicNameRole and InternalRole; over a TopicTableModel it reads the
// rows directly, which keeps a keystroke cheap with thousands of topics. GUI thread only.
class TopicFilterProxyModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit TopicFilterProxyModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    QString filterText() const { return m_text; }
    bool showInternal() const { return m_showInternal; }

public Q_SLOTS:
    // Leading and trailing blanks are ignored (topic names have none); an empty text keeps every topic.
    void setFilterText(const QString &text);
    void setShowInternal(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QPointer<const TopicTableModel> m_topics; // the source, when it is a TopicTableModel
    QString m_text;
    QString m_needle; // m_text trimmed and case-folded
    bool m_showInternal = false;
};

} // namespace kafdesk
