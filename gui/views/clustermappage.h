#pragma once

#include "models/clusterpartitionmapfilter.h"
#include "models/partitionmapmodel.h"
#include "views/clusterpage.h"
#include "views/partitionmapflasher.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace kafdesk {

class ClusterPartitionMapModel;
class PartitionMapLegend;

// The partition map of the whole cluster: a row per partition of every topic, a column per broker
// (the header says which are down and how many partitions each leads), each cell the part that
// broker plays, with the symbols, colours and legend of the topic detail's map. Filters: the topic
// name (Ctrl+F), a broker (its replicas, or the partitions it leads), only the partitions in
// trouble, internal topics. Every snapshot merges in (selection and scroll position stay) and the
// cells it changed flash, so a leader moving is seen, not guessed. It only observes, so it works
// the same on any cluster. A double click (or Enter) on a row opens its topic. GUI thread only.
class ClusterMapPage : public ClusterPage {
    Q_OBJECT
public:
    using BrokerFilter = ClusterPartitionMapFilter::BrokerFilter;
    static constexpr int FlashDurationMs = PartitionMapFlasher::DurationMs; // as PartitionMapView's

    explicit ClusterMapPage(QWidget *parent = nullptr);

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void focusFilter() override;
    void refresh() override;

    // The filters, as if the user had set them in the bar above the map.
    void setTopicFilter(const QString &text);
    void setBrokerFilter(BrokerFilter filter, int brokerId = -1);
    void setOnlyProblems(bool only);
    void setShowInternal(bool show);
    void clearFilters();

    // "1,204 partitions of 120 topics; 6 under-replicated, 0 offline; showing 18", or empty.
    QString summaryText() const;
    // The sentence shown instead of the map (not connected, waiting, no topics, nothing matches), or empty.
    QString emptyStateText() const;
    // The table's index of a cell (the broker's column), or an invalid one when it is not shown.
    QModelIndex indexOf(const QString &topic, int partition, int broker = -1) const;
    // What the map shows for a cell (None when the row is filtered out).
    PartitionMapModel::ReplicaCell shownCell(const QString &topic, int partition, int broker) const;
    // How strongly a cell is highlighted right now: 1 just after it changed, fading to 0.
    qreal flashLevel(const QString &topic, int partition, int broker) const;
    bool isFlashing() const;

    ClusterPartitionMapModel *model() const { return m_model; }
    ClusterPartitionMapFilter *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QLineEdit *topicFilterEdit() const { return m_topicEdit; }
    QComboBox *brokerFilterBox() const { return m_brokerBox; }
    QCheckBox *onlyProblemsBox() const { return m_problemsBox; }
    QCheckBox *showInternalBox() const { return m_internalBox; }

private:
    QWidget *buildFilterBar();
    QWidget *buildEmptyPage();
    void setUpTable();
    void updateBrokerBox();
    void applyBrokerBox();
    void updateTopicColumnWidth();
    void updateState();

    ClusterPartitionMapModel *m_model;
    ClusterPartitionMapFilter *m_filter;
    PartitionMapFlasher *m_flasher;
    ClusterSnapshotPtr m_snapshot;
    QList<int> m_brokerIds; // what the broker box lists

    QLineEdit *m_topicEdit = nullptr;
    QComboBox *m_brokerBox = nullptr;
    QCheckBox *m_problemsBox = nullptr;
    QCheckBox *m_internalBox = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_clearButton = nullptr;
    PartitionMapLegend *m_legend = nullptr;
};

} // namespace kafdesk
