#pragma once

#include "views/clusterpage.h"

class QAbstractItemModel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace kafdesk {

class BrokerTableModel;
class ConfigTableModel;

// The brokers of the cluster (id, address, state, leaders and replicas, from the snapshot) with
// a filter, and below them the selected broker's configs (DescribeConfigs through the session:
// value with human units, source, read-only and sensitive flags) with a filter of their own and a
// "Show defaults" toggle. The configs load when a broker is selected and again on refresh(); a
// down broker is not asked (it cannot answer) and says so in place. Refreshes merge, so the
// selection, sort and scroll position survive. GUI thread only.
class BrokersPage : public ClusterPage {
    Q_OBJECT
public:
    explicit BrokersPage(QWidget *parent = nullptr);

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void focusFilter() override;
    void refresh() override;

    BrokerTableModel *brokerModel() const { return m_brokers; }
    ConfigTableModel *configModel() const { return m_configs; }
    QTableView *brokerTable() const { return m_brokerTable; }
    QTableView *configTable() const { return m_configTable; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLineEdit *configFilterEdit() const { return m_configFilter; }
    QCheckBox *showDefaultsBox() const { return m_showDefaults; }

    // The selected broker's id, or -1.
    int selectedBrokerId() const;
    void selectBroker(int id);
    // The broker whose configs the lower half shows (or is loading), or -1.
    int configBrokerId() const { return m_configBroker; }
    bool isLoadingConfigs() const { return m_configRequest != 0; }
    // The sentence shown instead of the config table (loading, broker down, error), or empty.
    QString configStateText() const;

private:
    QWidget *buildBrokerPane();
    QWidget *buildConfigPane();
    void fitBrokerPane();
    void fitConfigColumns();
    void onSelectionChanged();
    void loadConfigs(int brokerId, bool keepRows);
    void showConfigState(const QString &text, bool busy);
    void updateCounts();
    void updateConfigCount();
    static QTableView *makeTable(QWidget *parent, QAbstractItemModel *model);
    bool isBrokerAlive(int id) const;
    QString brokerLabel(int id) const;

    BrokerTableModel *m_brokers = nullptr;
    QSortFilterProxyModel *m_brokerProxy = nullptr;
    QTableView *m_brokerTable = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_brokerCount = nullptr;
    QSplitter *m_splitter = nullptr;

    ConfigTableModel *m_configs = nullptr;
    QSortFilterProxyModel *m_configProxy = nullptr;
    QTableView *m_configTable = nullptr;
    QLabel *m_configTitle = nullptr;
    QLineEdit *m_configFilter = nullptr;
    QCheckBox *m_showDefaults = nullptr;
    QLabel *m_configCount = nullptr;
    QStackedWidget *m_configStack = nullptr;
    QLabel *m_configState = nullptr;
    QLabel *m_configIcon = nullptr;
    QWidget *m_configBusy = nullptr;

    ClusterSnapshotPtr m_snapshot;
    quint64 m_generation = 0; // bumped for every config load: older answers are dropped
    quint64 m_configRequest = 0;
    int m_configBroker = -1;
    bool m_configsLoaded = false; // m_configs holds m_configBroker's configs
    bool m_configRefused = false; // not asked: the broker was down or the cluster did not answer
};

} // namespace kafdesk
