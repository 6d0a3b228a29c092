// The main window: its parts and actions. The connection flow is in mainwindowsession.cpp.

#include "cluster/replicationhistory.h"
#include "views/clustermappage.h"
#include "views/aclspage.h"
#include "views/drillpage.h"
#include "views/lessonspage.h"
#include "views/timelinepage.h"
#include "views/mainwindow.h"

#include "dialogs/topicdialogs.h"
#include "local/localclusterprofile.h"
#include "profiles/profilestore.h"
#include "settings.h"
#include "views/brokerspage.h"
#include "views/consumepage.h"
#include "views/groupdetailpage.h"
#include "views/grouplabpage.h"
#include "views/groupspage.h"
#include "views/producepage.h"
#include "views/localclustercontroller.h"
#include "views/localclusterpage.h"
#include "views/localprofilekeeper.h"
#include "views/overviewpage.h"
#include "views/statuspage.h"
#include "views/topicdetailpage.h"
#include "views/topicspage.h"
#include "views/welcomepage.h"
#include "widgets/appicon.h"
#include "widgets/connectionbadge.h"
#include "widgets/messagebanner.h"
#include "widgets/messagelog.h"
#include "widgets/messagelogview.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

namespace kafdesk {

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
    , m_log(new MessageLog(this))
    , m_profiles(m_options.profilesFile.isEmpty() ? new ProfileStore(this) : new ProfileStore(m_options.profilesFile, this))
    , m_local(new LocalClusterController(m_options.localClusterName, m_options.clustersRoot, m_options.newClusterBrokers,
                                         this))
    , m_localProfile(new LocalProfileKeeper(m_profiles, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Kafdesk"));
    setWindowIcon(appicon::plain());
    buildCentre();
    buildActions();
    buildStatusBar();

    connect(m_local, &LocalClusterController::busy, this, [this](const QString &title) {
        // A node action shows its progress on the Local cluster page: the window stays where it is.
        if (!m_local->isNodeAction()) {
            m_statusPage->showProgress(title + QStringLiteral("…"), !m_local->isStopping());
            showInStack(m_statusPage);
        }
        updateStatusBar();
        updateActions();
    });
    connect(m_local, &LocalClusterController::progress, this,
            [this](const QString &text) { m_statusPage->setProgressText(text + QStringLiteral("…")); });
    connect(m_local, &LocalClusterController::idle, this, [this] {
        updateStatusBar();
        updateActions();
    });
    connect(m_local, &LocalClusterController::started, this, [this](const ClusterState &state) {
        m_localState = state;
        m_localPage->setClusterState(state);
        // "local" is the one most people have: its name says nothing more.
        const QString name = state.name == QLatin1String("local") ? tr("Local cluster")
                                                                   : tr("Local cluster %1").arg(state.name);
        ConnectionSettings settings = ConnectionSettings::forBootstrap(state.bootstrapServers(), name);
        if (!state.secure) {
            m_localProfile->forget(state.name);
            attachSession(settings, QColor(), true);
            return;
        }
        // A secured cluster is reached through its profile, the password kept in the keychain. The
        // admin's settings from the start job are the fallback when there is no keychain.
        settings.clientConfig = m_local->clientConfig();
        auto profile = localclusterprofile::fromClientConfig(state.name, settings.clientConfig);
        if (!profile) {
            m_log->warning(profile.error().message, profile.error().detail);
            attachSession(settings, QColor(), true);
            return;
        }
        m_localProfile->keep(profile.value(), settings);
    });
    connect(m_localProfile, &LocalProfileKeeper::ready, this,
            [this](const ConnectionSettings &settings) { attachSession(settings, QColor(), true); });
    connect(m_localProfile, &LocalProfileKeeper::keychainFailed, this, [this](const Error &e) {
        m_log->warning(tr("The secured local cluster's password is not in the keychain (%1); the window connects "
                          "with the password kept in the cluster's own directory.")
                           .arg(e.message));
    });
    connect(m_localProfile, &LocalProfileKeeper::forgetFailed, this, [this](const Error &e) {
        m_log->warning(tr("The profile of the secured local cluster, now plaintext, could not be removed: %1")
                           .arg(e.message));
    });
    connect(m_local, &LocalClusterController::stopped, this, [this] {
        if (m_sessionIsLocal)
            disconnectFromCluster();
        m_log->info(tr("The local cluster \u201c%1\u201d is stopped.").arg(m_local->clusterName()));
        if (m_closing) {
            m_readyToClose = true;
            close();
        }
    });
    connect(m_local, &LocalClusterController::failed, this, [this](const Error &e) {
        m_log->error(e);
        if (!m_session) {
            m_statusPage->showError(e, tr("Try Again"));
            showInStack(m_statusPage);
        }
        if (m_closing) {
            m_readyToClose = true;
            close();
        }
    });

    const QByteArray geometry = settings::mainWindowGeometry().get();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1180, 760);
    restoreState(settings::mainWindowState().get());
    m_splitter->restoreState(settings::mainWindowSplitter().get());

    showStatusForNoSession();
    updateStatusBar();
    updateActions();
    if (!m_options.openProfile.isEmpty())
        QMetaObject::invokeMethod(
            this, [this] { openProfile(m_options.openProfile); }, Qt::QueuedConnection);
    else if (m_options.openLocalCluster)
        QMetaObject::invokeMethod(this, &MainWindow::connectLocalCluster, Qt::QueuedConnection);
}

MainWindow::~MainWindow()
{
    ClusterSession::retire(m_session);
}

void MainWindow::buildCentre()
{
    m_navigation = new NavigationTree(this);
    m_stack = new QStackedWidget(this);
    m_statusPage = new StatusPage(m_stack);
    m_overview = new OverviewPage(m_stack);
    m_brokers = new BrokersPage(m_stack);
    m_topics = new TopicsPage(m_stack);
    m_topicDetail = new TopicDetailPage(m_stack);
    m_groups = new GroupsPage(m_stack);
    m_acls = new AclsPage(m_stack);
    m_groupDetail = new GroupDetailPage(m_stack);
    m_produce = new ProducePage(m_stack);
    m_consume = new ConsumePage(m_stack);
    m_groupLab = new GroupLabPage(m_stack);
    m_history = new ReplicationHistory(this);
    m_clusterMap = new ClusterMapPage(m_stack);
    m_timeline = new TimelinePage(m_history, m_stack);
    m_drill = new DrillPage(m_history, m_stack);
    m_lessons = new LessonsPage(m_stack);
    connect(m_lessons, &LessonsPage::pageRequested, this, &MainWindow::showPage);
    // "Open the failure drill" shows the lesson's drill report, unless a drill of its own runs.
    connect(m_lessons, &LessonsPage::drillReported, this, [this](const DrillReport &report) {
        if (m_drill->state() != DrillPage::State::Running)
            m_drill->showReport(report);
    });
    m_localPage = new LocalClusterPage(m_local, m_stack);
    connect(m_local, &LocalClusterController::actionPerformed, m_history, &ReplicationHistory::addMarker);
    m_stack->addWidget(m_statusPage);
    m_welcome = new WelcomePage(m_stack);
    m_welcome->setBrokerCount(m_options.newClusterBrokers);
    m_welcome->setProfileNames(m_profiles->profileNames());
    m_stack->addWidget(m_welcome);
    connect(m_profiles, &ProfileStore::profilesChanged, m_welcome,
            [this] { m_welcome->setProfileNames(m_profiles->profileNames()); });
    connect(m_welcome, &WelcomePage::startLocalRequested, this, &MainWindow::connectLocalCluster);
    connect(m_welcome, &WelcomePage::connectRequested, this, &MainWindow::showConnections);
    connect(m_welcome, &WelcomePage::lessonsRequested, this, [this] {
        m_lessonsOnConnect = true;
        connectLocalCluster();
    });
    connect(m_welcome, &WelcomePage::profileRequested, this, &MainWindow::openProfile);
    for (ClusterPage *p : pages()) {
        // Each page scrolls when the window is smaller than it would like: one wide page must not
        // set the whole window's minimum size.
        auto *holder = new QScrollArea(m_stack);
        holder->setFrameShape(QFrame::NoFrame);
        holder->setWidgetResizable(true);
        holder->setWidget(p);
        m_stack->addWidget(holder);
        connect(p, &ClusterPage::topicActivated, this, &MainWindow::openTopic);
        connect(p, &ClusterPage::groupActivated, this, &MainWindow::openGroup);
        connect(p, &ClusterPage::produceRequested, this, &MainWindow::openProduce);
        connect(p, &ClusterPage::consumeRequested, this, &MainWindow::openConsume);
        connect(p, &ClusterPage::groupLabRequested, this, &MainWindow::openGroupLab);
    }

    m_banner = new MessageBanner(this);
    connect(m_log, &MessageLog::posted, m_banner, &MessageBanner::showMessage);
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(4);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_stack, 1);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(content);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({200, 980});
    setCentralWidget(m_splitter);
    connect(m_navigation, &NavigationTree::pageSelected, this, &MainWindow::showPage);

    connect(m_statusPage, &StatusPage::primaryClicked, this, [this] {
        if (m_session)
            m_session->refreshNow(); // "Retry Now" on a cluster that does not answer
        else
            connectLocalCluster();
    });
    connect(m_statusPage, &StatusPage::secondaryClicked, this, &MainWindow::showConnections);
    connect(m_statusPage, &StatusPage::cancelClicked, m_local, &LocalClusterController::cancel);

    m_logView = new MessageLogView(m_log, this);
    m_logDock = new QDockWidget(tr("Messages"), this);
    m_logDock->setObjectName(QStringLiteral("messagesDock"));
    m_logDock->setWidget(m_logView);
    addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
    m_logDock->hide();
    connect(m_banner, &MessageBanner::logRequested, m_logDock, &QWidget::show);
}

void MainWindow::showInStack(QWidget *page)
{
    QWidget *holder = page;
    while (holder && holder->parentWidget() != m_stack)
        holder = holder->parentWidget();
    m_stack->setCurrentWidget(holder ? holder : page);
    updatePollInterval();
}

QList<ClusterPage *> MainWindow::pages() const
{
    return {m_overview, m_brokers, m_topics, m_topicDetail, m_groups, m_groupDetail,
            m_produce, m_consume, m_groupLab, m_clusterMap, m_timeline, m_drill, m_localPage, m_acls, m_lessons};
}

ClusterPage *MainWindow::page(NavigationTree::Page page) const
{
    switch (page) {
    case NavigationTree::Page::Overview: return m_overview;
    case NavigationTree::Page::Brokers: return m_brokers;
    case NavigationTree::Page::Topics: return m_topics;
    case NavigationTree::Page::TopicDetail: return m_topicDetail;
    case NavigationTree::Page::Groups: return m_groups;
    case NavigationTree::Page::GroupDetail: return m_groupDetail;
    case NavigationTree::Page::Produce: return m_produce;
    case NavigationTree::Page::Consume: return m_consume;
    case NavigationTree::Page::GroupLab: return m_groupLab;
    case NavigationTree::Page::PartitionMap: return m_clusterMap;
    case NavigationTree::Page::Timeline: return m_timeline;
    case NavigationTree::Page::Drill: return m_drill;
    case NavigationTree::Page::LocalCluster: return m_localPage;
    case NavigationTree::Page::Acls: return m_acls;
    case NavigationTree::Page::Lessons: return m_lessons;
    case NavigationTree::Page::None: break;
    }
    return nullptr;
}

QWidget *MainWindow::currentPage() const
{
    QWidget *current = m_stack->currentWidget();
    if (auto *holder = qobject_cast<QScrollArea *>(current))
        return holder->widget();
    return current;
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_connectionsAction = file->addAction(tr("&Connections…"), this, &MainWindow::showConnections);
    m_connectionsAction->setObjectName(QStringLiteral("actionConnections"));
    m_connectionsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_localAction = file->addAction(tr("Open &Local Cluster"), this, &MainWindow::connectLocalCluster);
    m_localAction->setObjectName(QStringLiteral("actionOpenLocal"));
    m_disconnectAction = file->addAction(tr("&Disconnect"), this, &MainWindow::disconnectFromCluster);
    m_disconnectAction->setObjectName(QStringLiteral("actionDisconnect"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    m_filterAction = edit->addAction(tr("&Filter"), this, [this] {
        if (auto *p = qobject_cast<ClusterPage *>(currentPage()))
            p->focusFilter();
    });
    m_filterAction->setObjectName(QStringLiteral("actionFilter"));
    m_filterAction->setShortcut(QKeySequence::Find);
    m_deleteAction = edit->addAction(tr("&Delete…"), this, [this] {
        if (auto *p = qobject_cast<ClusterPage *>(currentPage()))
            p->deleteSelected();
    });
    m_deleteAction->setObjectName(QStringLiteral("actionDelete"));
    m_deleteAction->setShortcut(QKeySequence::Delete);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_refreshAction = view->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    m_refreshAction->setObjectName(QStringLiteral("actionRefresh"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    view->addSeparator();
    view->addAction(m_logDock->toggleViewAction());

    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    m_newTopicAction = cluster->addAction(tr("&New Topic…"), this, &MainWindow::newTopic);
    m_newTopicAction->setObjectName(QStringLiteral("actionNewTopic"));
    m_newTopicAction->setShortcut(QKeySequence::New);
    cluster->addSeparator();
    cluster->addAction(m_localAction);
    cluster->addAction(tr("&Stop Local Cluster"), m_local, &LocalClusterController::stop);
    m_keepRunningAction = cluster->addAction(tr("&Keep Local Cluster Running After Quit"));
    m_keepRunningAction->setObjectName(QStringLiteral("actionKeepRunning"));
    m_keepRunningAction->setCheckable(true);
    m_keepRunningAction->setChecked(settings::keepLocalClusterRunning().get());
    connect(m_keepRunningAction, &QAction::toggled, this, [](bool keep) { settings::keepLocalClusterRunning().set(keep); });
    m_localPage->bindKeepRunning(m_keepRunningAction);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_connectionsAction);
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_newTopicAction);
    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    m_badge = new ConnectionBadge(toolbar);
    m_badge->setObjectName(QStringLiteral("connectionBadge"));
    toolbar->addWidget(m_badge);
}

void MainWindow::buildStatusBar()
{
    m_stateLabel = new QLabel(this);
    m_stateLabel->setObjectName(QStringLiteral("statusConnection"));
    m_brokersLabel = new QLabel(this);
    m_brokersLabel->setObjectName(QStringLiteral("statusBrokers"));
    m_underReplicatedLabel = new QLabel(this);
    m_underReplicatedLabel->setObjectName(QStringLiteral("statusUnderReplicated"));
    m_offlineLabel = new QLabel(this);
    m_offlineLabel->setObjectName(QStringLiteral("statusOffline"));
    statusBar()->addWidget(m_stateLabel, 1);
    statusBar()->addPermanentWidget(m_brokersLabel);
    statusBar()->addPermanentWidget(m_underReplicatedLabel);
    statusBar()->addPermanentWidget(m_offlineLabel);
}

QStringList MainWindow::statusTexts() const
{
    return {m_stateLabel->text(), m_brokersLabel->text(), m_underReplicatedLabel->text(), m_offlineLabel->text()};
}

void MainWindow::newTopic()
{
    if (m_session && !m_session->settings().readOnly)
        topicdialogs::createTopic(this, m_session, m_log);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    settings::mainWindowGeometry().set(saveGeometry());
    settings::mainWindowState().set(saveState());
    settings::mainWindowSplitter().set(m_splitter->saveState());
    if (m_readyToClose || !m_local->startedByUs() || m_keepRunningAction->isChecked() || m_local->isBusy()) {
        if (m_local->isBusy())
            m_local->cancel();
        event->accept();
        return;
    }
    // The local cluster is ours: stop it first (off the GUI thread), then close.
    m_closing = true;
    event->ignore();
    m_local->stop();
}

} // namespace kafdesk
