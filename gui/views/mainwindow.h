#pragma once

#include "cluster/clustersession.h"
#include "local/clusterstate.h"
#include "views/navigationtree.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QSplitter;
class QStackedWidget;

namespace kafdesk {

class BrokersPage;
class ClusterPage;
class ConnectionBadge;
class ConnectionsDialog;
class GroupsPage;
class AclsPage;
class LocalClusterController;
class LocalClusterPage;
class LocalProfileKeeper;
class MessageBanner;
class MessageLog;
class MessageLogView;
class OverviewPage;
class ProfileStore;
class StatusPage;
class TopicDetailPage;
class GroupDetailPage;
class ProducePage;
class ConsumePage;
class GroupLabPage;
class ClusterMapPage;
class TimelinePage;
class DrillPage;
class LessonsPage;
class ReplicationHistory;
class TopicsPage;
class WelcomePage;
struct ConnectionRequest;

// The console: a navigation tree (the cluster → Overview, Brokers, Topics, Consumer groups, and
// Local cluster for the bundled one), the pages in a stack, a non-modal message banner above them
// and the message log in a dock, and a status bar with the connection state, live/total brokers,
// under-replicated and offline partitions. One ClusterSession at a time feeds every page.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        QString localClusterName = QStringLiteral("local");
        QString clustersRoot;   // empty: LocalCluster::defaultClustersRoot()
        bool openLocalCluster = false;
        int newClusterBrokers = 3; // nodes of a local cluster that does not exist yet
        QString profilesFile;      // empty: the application's settings (tests give a file)
        QString openProfile;       // a saved profile to connect to at once (kafdesk --profile NAME)
    };

    explicit MainWindow(Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    ClusterSession *session() const { return m_session; }
    bool isConnected() const { return m_session && m_session->latestSnapshot(); }
    MessageLog *messageLog() const { return m_log; }
    NavigationTree *navigation() const { return m_navigation; }
    ClusterPage *page(NavigationTree::Page page) const;
    QWidget *currentPage() const;
    StatusPage *statusPage() const { return m_statusPage; }
    WelcomePage *welcomePage() const { return m_welcome; }
    MessageBanner *banner() const { return m_banner; }
    ReplicationHistory *replicationHistory() const { return m_history; }
    // The status bar's texts, in order (connection, brokers, under-replicated, offline).
    QStringList statusTexts() const;

public Q_SLOTS:
    void connectLocalCluster();
    void connectTo(const kafdesk::ConnectionRequest &request);
    void disconnectFromCluster();
    void showConnections();
    void refresh();
    void newTopic();
    void openTopic(const QString &topic);
    void openGroup(const QString &group);
    // The produce / consume pane and the group lab, on `topic` when it is not empty.
    void openProduce(const QString &topic);
    void openConsume(const QString &topic);
    void openGroupLab(const QString &topic);
    void showPage(kafdesk::NavigationTree::Page page);
    // Connects to a saved profile as the Connections dialog does (its secrets from the keychain,
    // or asked for there); an unknown name opens the dialog with an error in the log.
    void openProfile(const QString &name);

Q_SIGNALS:
    void snapshotShown(const kafdesk::ClusterSnapshotPtr &snapshot);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildActions();
    void buildCentre();
    void buildStatusBar();
    void attachSession(const ConnectionSettings &settings, const QColor &colour, bool local);
    void onSnapshot(const ClusterSnapshotPtr &snapshot);
    void onStateChanged(ConnectionState state, const Error &error);
    void onReplicationEvents(const QList<ReplicationEvent> &events);
    void updateStatusBar();
    void updateActions();
    // Metadata every second while a page that watches replication is shown, else the usual interval.
    void updatePollInterval();
    void showStatusForNoSession();
    QList<ClusterPage *> pages() const;
    // Shows a page (or the status page) in the stack, through the scroll area that holds it.
    void showInStack(QWidget *page);

    Options m_options;
    MessageLog *m_log;
    ProfileStore *m_profiles;
    LocalClusterController *m_local;
    LocalProfileKeeper *m_localProfile;
    QPointer<ClusterSession> m_session;
    bool m_sessionIsLocal = false;
    ClusterState m_localState;
    QPointer<ConnectionsDialog> m_connections;

    ConnectionBadge *m_badge = nullptr;
    MessageBanner *m_banner = nullptr;
    MessageLogView *m_logView = nullptr;
    QDockWidget *m_logDock = nullptr;
    QSplitter *m_splitter = nullptr;
    NavigationTree *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    StatusPage *m_statusPage = nullptr;
    WelcomePage *m_welcome = nullptr;
    OverviewPage *m_overview = nullptr;
    BrokersPage *m_brokers = nullptr;
    TopicsPage *m_topics = nullptr;
    TopicDetailPage *m_topicDetail = nullptr;
    GroupsPage *m_groups = nullptr;
    AclsPage *m_acls = nullptr;
    GroupDetailPage *m_groupDetail = nullptr;
    ProducePage *m_produce = nullptr;
    ConsumePage *m_consume = nullptr;
    GroupLabPage *m_groupLab = nullptr;
    ClusterMapPage *m_clusterMap = nullptr;
    TimelinePage *m_timeline = nullptr;
    DrillPage *m_drill = nullptr;
    LessonsPage *m_lessons = nullptr;
    LocalClusterPage *m_localPage = nullptr;
    ReplicationHistory *m_history = nullptr;

    QLabel *m_stateLabel = nullptr;
    QLabel *m_brokersLabel = nullptr;
    QLabel *m_underReplicatedLabel = nullptr;
    QLabel *m_offlineLabel = nullptr;

    QAction *m_connectionsAction = nullptr;
    QAction *m_localAction = nullptr;
    QAction *m_disconnectAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_newTopicAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_keepRunningAction = nullptr;

    bool m_lessonsOnConnect = false; // the welcome page's lessons: shown once connected
    bool m_closing = false;
    bool m_readyToClose = false;
};

} // namespace kafdesk
