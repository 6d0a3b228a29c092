#pragma once

#include "views/clusterpage.h"

#include <QPointer>

class QComboBox;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace kafdesk {

class ReplicationChart;
class ReplicationHistory;
class TimelineFilterModel;
class TimelineModel;

// The replication timeline: the window's ReplicationHistory as a table (events and the user's
// markers, oldest at the top, following the newest at the bottom unless the user scrolled up),
// filterable by topic, partition, broker and kind; a chart of health over time below it (a
// splitter between); CSV export (the rows shown) and Clear. It only observes, so it works the
// same for an external cluster as for the bundled one. GUI thread only.
class TimelinePage : public ClusterPage {
    Q_OBJECT
public:
    explicit TimelinePage(ReplicationHistory *history, QWidget *parent = nullptr);

    void focusFilter() override;

    // Filters (what the filter bar sets).
    void setTopicFilter(const QString &text);
    void setPartitionFilter(int partition); // -1: any
    void setBrokerFilter(int broker);       // -1: any; picks the combo entry
    void setKindVisible(int kind, bool visible); // a ReplicationEvent::Kind, or -1 for the markers
    void resetFilters();

    // The partition whose ISR size the chart shows (selecting an event row of a partition picks it).
    void setIsrPartition(const QString &topic, int partition);

    // Writes the rows shown (every row when nothing is filtered) to `path` as CSV, off the GUI
    // thread through a QSaveFile; exportFinished tells how it went. False when one is running.
    bool exportCsv(const QString &path);
    bool isExporting() const { return m_exporting; }

    // The sentence shown instead of the table (nothing yet, nothing matches), or empty.
    QString emptyStateText() const;
    bool isFollowingTail() const { return m_followTail; }

    TimelineModel *model() const { return m_model; }
    TimelineFilterModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    ReplicationChart *chart() const { return m_chart; }
    QComboBox *brokerCombo() const { return m_brokerCombo; }
    QComboBox *isrCombo() const { return m_isrCombo; }
    QSplitter *splitter() const { return m_splitter; }

Q_SIGNALS:
    void exportFinished(bool ok, const QString &path, const QString &message);

private:
    void buildFilterBar(QWidget *bar);
    void buildKindMenu();
    void updateKindButton();
    void updateBrokers();
    void updateIsrChoices();
    void updateEmptyState();
    void updateCount();
    void chooseExportFile();
    void onCurrentRowChanged();
    void applyIsrText(const QString &text);

    QPointer<ReplicationHistory> m_history;
    TimelineModel *m_model = nullptr;
    TimelineFilterModel *m_filter = nullptr;
    QLineEdit *m_topicEdit = nullptr;
    QLineEdit *m_partitionEdit = nullptr;
    QComboBox *m_brokerCombo = nullptr;
    QToolButton *m_kindButton = nullptr;
    QMenu *m_kindMenu = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_clearButton = nullptr;
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_tableStack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QComboBox *m_isrCombo = nullptr;
    ReplicationChart *m_chart = nullptr;
    QList<int> m_brokerIds;
    QString m_isrSignature; // the partitions the ISR combo lists, to rebuild it only on a change
    bool m_followTail = true;
    bool m_exporting = false;
};

} // namespace kafdesk
