// The main window's connection flow: connecting (the bundled cluster or a profile), feeding the
// pages, the status bar, and what the user sees while nothing is connected.

#include "dialogs/connectionrequest.h"
#include "dialogs/connectionsdialog.h"
#include "profiles/profilestore.h"
#include "settings.h"
#include "cluster/replicationhistory.h"
#include "views/consumepage.h"
#include "views/drillpage.h"
#include "views/lessonspage.h"
#include "views/groupdetailpage.h"
#include "views/grouplabpage.h"
#include "views/localclustercontroller.h"
#include "views/localclusterpage.h"
#include "views/localprofilekeeper.h"
#include "views/mainwindow.h"
#include "views/producepage.h"
#include "views/statuspage.h"
#include "views/topicdetailpage.h"
#include "views/topicspage.h"
#include "views/welcomepage.h"
#include "widgets/appicon.h"
#include "widgets/connectionbadge.h"
#include "widgets/messagelog.h"

#include <QAction>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>

#include <utility>

namespace kafdesk {

void MainWindow::connectLocalCluster()
{
    if (m_local->isBusy())
        return;
    if (m_session && m_sessionIsLocal) {
        showPage(NavigationTree::Page::Overview);
        return;
    }
    disconnectFromCluster();
    m_local->start();
}

void MainWindow::connectTo(const ConnectionRequest &request)
{
    if (request.local) {
        connectLocalCluster();
        return;
    }
    disconnectFromCluster();
    attachSession(request.settings, request.colour, false);
}

void MainWindow::showConnections()
{
    if (!m_connections) {
        m_connections = new ConnectionsDialog(m_profiles, m_local->clusterName(), this);
        m_connections->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_connections, &ConnectionsDialog::connectRequested, this, &MainWindow::connectTo);
    }
    m_connections->show();
    m_connections->raise();
    m_connections->activateWindow();
}

void MainWindow::openProfile(const QString &name)
{
    showConnections();
    if (!m_profiles->contains(name)) {
        const QStringList names = m_profiles->profileNames();
        m_log->error(failure(tr("There is no connection profile named \u201c%1\u201d.").arg(name),
                             names.isEmpty() ? tr("No profile is saved yet.")
                                             : tr("Saved profiles: %1").arg(names.join(QStringLiteral(", ")))));
        return;
    }
    // The dialog reads the secrets from the keychain (or asks for a password it has none for),
    // connects and closes: the same path as choosing the profile there.
    m_connections->selectProfile(name);
    m_connections->connectSelected();
}

void MainWindow::attachSession(const ConnectionSettings &connection, const QColor &colour, bool local)
{
    m_localProfile->cancel(); // whatever the window connects to now, it is not a pending one
    ClusterSession::retire(m_session);
    m_sessionIsLocal = local;
    m_session = new ClusterSession(connection, this);
    m_history->clear();
    m_drill->setLocalCluster(local ? m_local->clusterName() : QString(), m_local->clustersRoot());
    m_lessons->setLocalCluster(local ? m_local->clusterName() : QString(), m_local->clustersRoot());
    updatePollInterval();
    connect(m_session, &ClusterSession::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_session, &ClusterSession::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_session, &ClusterSession::replicationEvents, this, &MainWindow::onReplicationEvents);
    for (ClusterPage *p : pages())
        p->attach(m_session, m_log);
    m_navigation->setCluster(connection.name, local);
    m_badge->setConnection(connection.name, colour, connection.readOnly);
    setWindowTitle(tr("%1 — Kafdesk").arg(connection.name));
    // The taskbar tells the windows of different clusters apart by the profile's colour.
    setWindowIcon(appicon::withBadge(colour));
    m_statusPage->showProgress(tr("Connecting to %1…").arg(connection.name), false);
    m_statusPage->setProgressText(connection.clientConfig.value(QStringLiteral("bootstrap.servers")));
    showInStack(m_statusPage);
    m_session->start();
    updateStatusBar();
    updateActions();
}

void MainWindow::disconnectFromCluster()
{
    m_localProfile->cancel();
    if (!m_session)
        return;
    ClusterSession::retire(m_session);
    m_session = nullptr;
    m_sessionIsLocal = false;
    m_history->clear();
    for (ClusterPage *p : pages())
        p->attach(nullptr, m_log);
    m_navigation->setCluster({}, false);
    m_badge->clear();
    setWindowTitle(tr("Kafdesk"));
    setWindowIcon(appicon::plain());
    showStatusForNoSession();
    updateStatusBar();
    updateActions();
}

void MainWindow::showStatusForNoSession()
{
    if (m_local->isBusy())
        return;
    showInStack(m_welcome);
}

void MainWindow::refresh()
{
    if (!m_session)
        return;
    m_session->refreshNow();
    if (auto *p = qobject_cast<ClusterPage *>(currentPage()))
        p->refresh();
}

void MainWindow::openTopic(const QString &topic)
{
    if (!m_session)
        return;
    m_topicDetail->showTopic(topic);
    m_navigation->openTopic(topic); // selects it, which shows the page
    showInStack(m_topicDetail);
    updateActions();
}

void MainWindow::openGroup(const QString &group)
{
    if (!m_session)
        return;
    m_groupDetail->showGroup(group);
    m_navigation->openGroup(group); // selects it, which shows the page
    showInStack(m_groupDetail);
    updateActions();
}

void MainWindow::openProduce(const QString &topic)
{
    if (!topic.isEmpty())
        m_produce->setTopic(topic);
    showPage(NavigationTree::Page::Produce);
}

void MainWindow::openConsume(const QString &topic)
{
    if (!topic.isEmpty())
        m_consume->setTopic(topic);
    showPage(NavigationTree::Page::Consume);
}

void MainWindow::openGroupLab(const QString &topic)
{
    if (!topic.isEmpty())
        m_groupLab->setTopic(topic);
    showPage(NavigationTree::Page::GroupLab);
}

void MainWindow::showPage(NavigationTree::Page which)
{
    ClusterPage *p = page(which);
    if (!p || !m_session)
        return;
    if (!m_session->latestSnapshot() && which != NavigationTree::Page::LocalCluster)
        return; // still connecting: the status page says so
    if (which == NavigationTree::Page::TopicDetail)
        m_topicDetail->showTopic(m_navigation->openedTopic());
    if (which == NavigationTree::Page::GroupDetail)
        m_groupDetail->showGroup(m_navigation->openedGroup());
    showInStack(p);
    if (m_navigation->currentPage() != which)
        m_navigation->select(which);
    updateActions();
}

void MainWindow::onSnapshot(const ClusterSnapshotPtr &snapshot)
{
    const bool first = currentPage() == m_statusPage;
    m_history->addSnapshot(snapshot);
    for (ClusterPage *p : pages())
        p->showSnapshot(snapshot);
    m_navigation->showCounts(*snapshot);
    if (first) {
        auto which = m_navigation->currentPage();
        if (std::exchange(m_lessonsOnConnect, false))
            which = NavigationTree::Page::Lessons;
        showPage(which == NavigationTree::Page::None ? NavigationTree::Page::Overview : which);
    }
    updateStatusBar();
    Q_EMIT snapshotShown(snapshot);
}

void MainWindow::onStateChanged(ConnectionState state, const Error &error)
{
    if (state == ConnectionState::Lost) {
        // Every failed poll reports again: the banner shows the first, the log keeps them all.
        const bool wasLost = m_stateLabel->property("lost").toBool();
        if (!wasLost)
            m_log->error(error);
        m_stateLabel->setProperty("lost", true);
        m_stateLabel->setToolTip(error.fullText());
        if (!m_session->latestSnapshot()) {
            m_statusPage->showError(error, tr("Retry Now"));
            showInStack(m_statusPage);
        }
    } else {
        if (m_stateLabel->property("lost").toBool())
            m_log->info(tr("Connected again to %1.").arg(m_session->settings().name));
        m_stateLabel->setProperty("lost", false);
        m_stateLabel->setToolTip({});
    }
    updateStatusBar();
}

void MainWindow::onReplicationEvents(const QList<ReplicationEvent> &events)
{
    m_history->addEvents(events);
    // Brokers going and coming are worth a line in the log; partition-level events are the
    // replication timeline's.
    for (const ReplicationEvent &e : events) {
        if (e.kind == ReplicationEvent::Kind::BrokerDown)
            m_log->warning(e.description());
        else if (e.kind == ReplicationEvent::Kind::BrokerUp)
            m_log->info(e.description());
    }
}

void MainWindow::updateStatusBar()
{
    const ClusterSnapshotPtr snap = m_session ? m_session->latestSnapshot() : nullptr;
    if (m_local->isBusy())
        m_stateLabel->setText(m_local->busyTitle() + QStringLiteral("…"));
    else if (!m_session)
        m_stateLabel->setText(tr("Not connected"));
    else
        switch (m_session->state()) {
        case ConnectionState::Connecting: m_stateLabel->setText(tr("Connecting…")); break;
        case ConnectionState::Connected: m_stateLabel->setText(tr("Connected")); break;
        case ConnectionState::Degraded: m_stateLabel->setText(tr("Connected, degraded: some brokers are down")); break;
        case ConnectionState::Lost: m_stateLabel->setText(tr("Connection lost: retrying…")); break;
        }
    if (!snap) {
        m_brokersLabel->clear();
        m_underReplicatedLabel->clear();
        m_offlineLabel->clear();
        return;
    }
    // While nothing answers, the last snapshot is history, and says so.
    const bool lost = m_session && m_session->state() == ConnectionState::Lost;
    m_brokersLabel->setText(lost ? tr("%1 of %2 brokers alive at %3")
                                       .arg(snap->aliveBrokerIds().size())
                                       .arg(snap->brokers.size())
                                       .arg(QLocale().toString(snap->takenAt.toLocalTime().time(), QStringLiteral("HH:mm:ss")))
                                 : tr("%1 of %2 brokers alive").arg(snap->aliveBrokerIds().size()).arg(snap->brokers.size()));
    m_underReplicatedLabel->setText(tr("%n under-replicated", nullptr, snap->underReplicatedCount()));
    m_offlineLabel->setText(tr("%n offline", nullptr, snap->offlineCount()));
    // Bad news stands out by text weight as well as colour.
    for (QLabel *l : {m_underReplicatedLabel, m_offlineLabel}) {
        const bool bad = !l->text().startsWith(QLatin1Char('0'));
        QFont f = l->font();
        f.setBold(bad);
        l->setFont(f);
    }
}

void MainWindow::updatePollInterval()
{
    if (!m_session)
        return;
    static const QSet<NavigationTree::Page> watching{NavigationTree::Page::TopicDetail, NavigationTree::Page::PartitionMap,
                                                     NavigationTree::Page::Timeline, NavigationTree::Page::Drill,
                                                     NavigationTree::Page::LocalCluster, NavigationTree::Page::Lessons};
    bool watched = false;
    for (NavigationTree::Page which : watching)
        watched = watched || (page(which) && page(which) == currentPage());
    m_session->setPollInterval(watched ? settings::replicationIntervalMs().get() : settings::metadataIntervalMs().get());
}

void MainWindow::updateActions()
{
    const bool connected = m_session != nullptr;
    const bool readOnly = connected && m_session->settings().readOnly;
    m_disconnectAction->setEnabled(connected);
    m_refreshAction->setEnabled(connected);
    m_newTopicAction->setEnabled(connected && !readOnly);
    m_newTopicAction->setToolTip(readOnly ? m_topics->readOnlyReason() : tr("Create a topic (%1)").arg(
                                                                             m_newTopicAction->shortcut().toString(
                                                                                 QKeySequence::NativeText)));
    m_localAction->setEnabled(!m_local->isBusy());
}

} // namespace kafdesk
