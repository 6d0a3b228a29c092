#pragma once

#include <QPointer>
#include <QSortFilterProxyModel>

namespace kafdesk {

class ClusterPartitionMapModel;

// Picks the rows of a ClusterPartitionMapModel a view shows, in the model's order: a
// case-insensitive substring of the topic name, internal topics hidden unless asked for, the
// partitions with a replica on (or led by) one broker, and only the partitions in trouble
// (under-replicated or offline). Reads the model's rows directly, so a keystroke stays cheap with
// ten thousand partitions. GUI thread only.
class ClusterPartitionMapFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    enum class BrokerFilter { Any, HasReplica, Leads };
    Q_ENUM(BrokerFilter)

    explicit ClusterPartitionMapFilter(QObject *parent = nullptr);

    // Only a ClusterPartitionMapModel (anything else shows no rows).
    void setSourceModel(QAbstractItemModel *model) override;
    ClusterPartitionMapModel *mapModel() const;

    QString topicText() const { return m_text; }
    bool showInternal() const { return m_showInternal; }
    BrokerFilter brokerFilter() const { return m_brokerFilter; }
    int brokerId() const { return m_brokerId; }
    bool onlyProblems() const { return m_onlyProblems; }
    // Whether anything beyond the internal-topic switch narrows the rows.
    bool isNarrowed() const;

    // Leading and trailing blanks are ignored; an empty text keeps every topic.
    void setTopicText(const QString &text);
    void setShowInternal(bool show);
    void setBroker(BrokerFilter filter, int brokerId = -1);
    void setOnlyProblems(bool only);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QPointer<ClusterPartitionMapModel> m_model;
    QString m_text;
    QString m_needle; // m_text trimmed
    bool m_showInternal = false;
    BrokerFilter m_brokerFilter = BrokerFilter::Any;
    int m_brokerId = -1;
    bool m_onlyProblems = false;
};

} // namespace kafdesk
