#pragma once

#include "cluster/metatypes.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace kafdesk {

class BrokerTableModel;
class LocalClusterJob;
class MetadataPoller;

// The first window: the bundled cluster's brokers, kept live. Later issues grow it into the
// full console (navigation, topics, groups, replication views).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        QString localClusterName = QStringLiteral("local");
        QString clustersRoot;   // empty: LocalCluster::defaultClustersRoot()
        bool openLocalCluster = false;
        int newClusterBrokers = 3; // nodes of a local cluster that does not exist yet
    };

    explicit MainWindow(Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    BrokerTableModel *brokerModel() const { return m_brokers; }
    // True once the bundled cluster is up and its brokers are listed.
    bool isConnected() const { return m_poller != nullptr; }

public Q_SLOTS:
    void startLocalCluster();
    void stopLocalCluster();
    void refresh();

Q_SIGNALS:
    void brokersUpdated();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildPages();
    void showProgressPage(const QString &title);
    void showError(const Error &error);
    void attachTo(const ClusterState &state);
    void detach();
    void updateStatusBar();
    void runJob(LocalClusterJob *job);
    void onSnapshot(const MetadataSnapshot &snapshot);
    void onFetchFailed(const Error &error);

    Options m_options;
    BrokerTableModel *m_brokers = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTableView *m_brokerView = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_progressTitle = nullptr;
    QLabel *m_progressText = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_errorText = nullptr;
    QLabel *m_emptyText = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QLabel *m_brokerCountLabel = nullptr;
    QAction *m_startAction = nullptr;
    QAction *m_stopAction = nullptr;
    QAction *m_keepRunningAction = nullptr;
    QAction *m_refreshAction = nullptr;

    QPointer<LocalClusterJob> m_job;
    MetadataPoller *m_poller = nullptr;
    std::shared_ptr<bool> m_startedByUs = std::make_shared<bool>(false);
    bool m_lastFetchFailed = false;
    bool m_closing = false;
    bool m_readyToClose = false;
};

} // namespace kafdesk
