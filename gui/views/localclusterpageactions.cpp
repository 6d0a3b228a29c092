// The Local cluster page's actions: on one node and on the whole cluster, the confirmations
// before the destructive ones, and the controller quorum check behind them.

#include "views/localclusterpage.h"

#include "cluster/clustersession.h"
#include "local/localcluster.h"
#include "models/localnodemodel.h"
#include "views/localclustercontroller.h"
#include "widgets/messagelog.h"

#include <QAction>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QToolBar>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace kafdesk {

// What the page learns off the GUI thread before it asks: whether the action stalls the quorum.
struct LocalClusterPage::Preflight {
    Result<QList<NodeObservation>> nodes = Error{};
    bool stalls = false;
};

namespace {

struct ActionInfo {
    NodeAction action;
    const char *text;      // the toolbar's
    const char *verb;      // the State column's while it runs
    const char *tip;
    QStyle::StandardPixmap icon;
    QKeyCombination key;
};

QString joinNodes(QList<int> ids)
{
    std::sort(ids.begin(), ids.end());
    QStringList names;
    for (const int id : ids)
        names << (names.isEmpty() ? LocalClusterPage::tr("Node %1").arg(id) : LocalClusterPage::tr("node %1").arg(id));
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.takeLast();
    return LocalClusterPage::tr("%1 and %2").arg(names.join(QStringLiteral(", ")), last);
}

bool takesDown(NodeAction a)
{
    return a == NodeAction::Stop || a == NodeAction::Kill || a == NodeAction::Pause || a == NodeAction::Restart;
}

const ActionInfo actionInfos[] = {
    {NodeAction::Start, QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "Start"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "starting"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "Start the selected node's JVM and wait until it registers"),
     QStyle::SP_MediaPlay, Qt::CTRL | Qt::SHIFT | Qt::Key_S},
    {NodeAction::Stop, QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "Stop"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "stopping"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage",
                       "Controlled shutdown (SIGTERM): the node hands its leaderships over before it exits"),
     QStyle::SP_MediaStop, Qt::CTRL | Qt::SHIFT | Qt::Key_X},
    {NodeAction::Kill, QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "Kill"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "killing"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "SIGKILL: the node dies at once, as in a crash or power loss"),
     QStyle::SP_DialogCancelButton, Qt::CTRL | Qt::SHIFT | Qt::Key_K},
    {NodeAction::Pause, QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "Pause"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "pausing"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage",
                       "SIGSTOP: the JVM freezes, a hung broker; the others notice when its session times out"),
     QStyle::SP_MediaPause, Qt::CTRL | Qt::SHIFT | Qt::Key_P},
    {NodeAction::Resume, QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "Resume"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "resuming"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "SIGCONT: a paused node runs again"),
     QStyle::SP_MediaSeekForward, Qt::CTRL | Qt::SHIFT | Qt::Key_U},
    {NodeAction::Restart, QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "Restart"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "restarting"),
     QT_TRANSLATE_NOOP("kafdesk::LocalClusterPage", "Controlled shutdown, then start again"),
     QStyle::SP_BrowserReload, Qt::CTRL | Qt::SHIFT | Qt::Key_R},
};

} // namespace

void LocalClusterPage::buildActions()
{
    auto *nodeLabel = new QLabel(tr("Node:"), m_toolbar);
    nodeLabel->setContentsMargins(2, 0, 6, 0);
    m_toolbar->addWidget(nodeLabel);
    for (const ActionInfo &info : actionInfos) {
        auto *a = new QAction(style()->standardIcon(info.icon), tr(info.text), this);
        a->setShortcut(QKeySequence(info.key));
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        const QString tip = tr("%1 (%2)").arg(tr(info.tip), a->shortcut().toString(QKeySequence::NativeText));
        a->setProperty("idleTip", tip);
        a->setToolTip(tip);
        a->setObjectName(QStringLiteral("nodeAction") + QString::fromLatin1(info.text));
        const NodeAction action = info.action;
        connect(a, &QAction::triggered, this, [this, action] { requestNodeAction(action); });
        m_nodeActions.insert(action, a);
        m_toolbar->addAction(a);
        addAction(a);
    }
    m_toolbar->addSeparator();
    auto *clusterLabel = new QLabel(tr("Cluster:"), m_toolbar);
    clusterLabel->setContentsMargins(6, 0, 6, 0);
    m_toolbar->addWidget(clusterLabel);
    m_startAll = new QAction(style()->standardIcon(QStyle::SP_MediaPlay), tr("Start All"), this);
    m_startAll->setObjectName(QStringLiteral("clusterStart"));
    m_startAll->setProperty("idleTip", tr("Start every node that is not running"));
    m_stopAll = new QAction(style()->standardIcon(QStyle::SP_MediaStop), tr("Stop All"), this);
    m_stopAll->setObjectName(QStringLiteral("clusterStop"));
    m_stopAll->setProperty("idleTip", tr("Stop every node, one at a time (controlled shutdown); the data stays"));
    m_reset = new QAction(style()->standardIcon(QStyle::SP_TrashIcon), tr("Reset…"), this);
    m_reset->setObjectName(QStringLiteral("clusterReset"));
    m_reset->setProperty("idleTip", tr("Wipe every node's data: no topic, message or group is left"));
    m_recreate = new QAction(style()->standardIcon(QStyle::SP_BrowserReload), tr("Recreate Secured…"), this);
    m_recreate->setObjectName(QStringLiteral("clusterRecreate"));
    for (QAction *a : {m_startAll, m_stopAll, m_reset, m_recreate}) {
        a->setToolTip(a->property("idleTip").toString());
        m_toolbar->addAction(a);
    }
    connect(m_startAll, &QAction::triggered, this, [this] {
        if (!m_controller->isBusy())
            m_controller->startStoppedNodes();
    });
    connect(m_stopAll, &QAction::triggered, this, &LocalClusterPage::requestStopCluster);
    connect(m_reset, &QAction::triggered, this, &LocalClusterPage::requestResetCluster);
    connect(m_recreate, &QAction::triggered, this, &LocalClusterPage::requestRecreateCluster);
}

void LocalClusterPage::updateActions()
{
    const bool busy = m_controller->isBusy() || m_preflight;
    const LocalNodeModel::Row *row = m_model->row(selectedNode());
    const NodeStatus status = row ? row->status : NodeStatus::Stopped;
    const bool alive = row && (status == NodeStatus::Running || status == NodeStatus::Paused);
    const QMap<NodeAction, bool> allowed{
        {NodeAction::Start, row && !alive},
        {NodeAction::Stop, alive},
        {NodeAction::Kill, alive},
        {NodeAction::Pause, row && status == NodeStatus::Running},
        {NodeAction::Resume, row && status == NodeStatus::Paused},
        {NodeAction::Restart, row != nullptr}, // a node that is down just starts
    };
    const QString busyTip = tr("Busy: %1").arg(busyText());
    for (auto it = m_nodeActions.cbegin(); it != m_nodeActions.cend(); ++it) {
        it.value()->setEnabled(!busy && allowed.value(it.key()));
        it.value()->setToolTip(busy ? busyTip : it.value()->property("idleTip").toString());
    }
    const bool anyDown = std::any_of(m_observed.cbegin(), m_observed.cend(),
                                     [](const NodeObservation &o) { return o.status != NodeStatus::Running; });
    const bool anyUp = std::any_of(m_observed.cbegin(), m_observed.cend(),
                                   [](const NodeObservation &o) { return o.status != NodeStatus::Stopped &&
                                                                         o.status != NodeStatus::Killed &&
                                                                         o.status != NodeStatus::Exited; });
    const bool known = !m_state.name.isEmpty();
    m_startAll->setEnabled(!busy && known && anyDown);
    m_stopAll->setEnabled(!busy && known && anyUp);
    m_reset->setEnabled(!busy && known);
    // A cluster's security is fixed when it is created: changing it means a new cluster.
    m_recreate->setText(m_state.secure ? tr("Recreate Plaintext…") : tr("Recreate Secured…"));
    m_recreate->setProperty("idleTip", m_state.secure
                                           ? tr("Remove this cluster and create it again without TLS, SASL or ACLs")
                                           : tr("Remove this cluster and create it again with TLS, SCRAM users "
                                                "(admin, app) and ACLs enforced"));
    m_recreate->setEnabled(!busy && known);
    for (QAction *a : {m_startAll, m_stopAll, m_reset, m_recreate})
        a->setToolTip(busy ? busyTip : a->property("idleTip").toString());
}

QString LocalClusterPage::quorumStallText(const QList<NodeObservation> &nodes, const QList<int> &goingDown)
{
    const int voters = static_cast<int>(nodes.size());
    const int needed = voters / 2 + 1;
    QList<int> down;
    for (const NodeObservation &o : nodes)
        if (o.status != NodeStatus::Running || goingDown.contains(o.recorded.id))
            down << o.recorded.id;
    const int upAfter = voters - static_cast<int>(down.size());
    if (voters == 0 || upAfter >= needed)
        return {};
    return tr("%1 down %2 %3 of %4 controllers; the quorum needs %5. The cluster stalls: no leader elections, no "
              "topic changes, until one is back.")
        .arg(joinNodes(down), down.size() == 1 ? tr("leaves") : tr("leave"))
        .arg(upAfter)
        .arg(voters)
        .arg(needed);
}

void LocalClusterPage::requestNodeAction(NodeAction action)
{
    const int id = selectedNode();
    if (id < 0 || m_controller->isBusy() || m_preflight)
        return;
    const LocalNodeModel::Row *row = m_model->row(id);
    const bool alive = row && (row->status == NodeStatus::Running || row->status == NodeStatus::Paused);
    if (!takesDown(action) || (action == NodeAction::Restart && !alive)) {
        continueNodeAction(action, id, nullptr); // nothing to ask
        return;
    }
    // The quorum check reads the state file and the process table: off the GUI thread, like every
    // LocalCluster call, and the buttons wait for it.
    m_preflight = true;
    updateBusy();
    auto *watcher = new QFutureWatcher<Preflight>(this);
    connect(watcher, &QFutureWatcher<Preflight>::finished, this, [this, watcher, action, id] {
        watcher->deleteLater();
        m_preflight = false;
        updateBusy();
        const Preflight p = watcher->result();
        continueNodeAction(action, id, &p);
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [name = m_state.name, root = m_controller->clustersRoot(), id] {
        const LocalCluster cluster(name, root);
        Preflight p;
        const Status quorum = cluster.checkQuorum({id}, false);
        p.stalls = !quorum && cluster.lastRefusal() == LocalCluster::Refusal::NeedsForce;
        p.nodes = cluster.observe();
        if (!quorum && !p.stalls)
            p.nodes = quorum.error();
        return p;
    }));
}

void LocalClusterPage::continueNodeAction(NodeAction action, int id, const Preflight *preflight)
{
    const ActionInfo *info = std::find_if(std::begin(actionInfos), std::end(actionInfos),
                                          [action](const ActionInfo &i) { return i.action == action; });
    bool force = false;
    if (preflight) {
        if (!preflight->nodes) {
            if (messageLog())
                messageLog()->error(preflight->nodes.error());
            return;
        }
        Confirmation c;
        c.stallsQuorum = preflight->stalls;
        const QString stall = preflight->stalls ? quorumStallText(preflight->nodes.value(), {id}) : QString();
        switch (action) {
        case NodeAction::Stop:
            c.title = tr("Stop Node %1").arg(id);
            c.text = tr("Stop node %1 with a controlled shutdown?").arg(id);
            c.detail = tr("It hands its partition leaderships to other brokers and exits; its data stays.");
            c.acceptText = tr("Stop Node %1").arg(id);
            break;
        case NodeAction::Kill:
            c.title = tr("Kill Node %1").arg(id);
            c.text = tr("Kill node %1 with SIGKILL?").arg(id);
            c.detail = tr("It dies at once, as in a crash: the partitions it leads are offline until the controller "
                          "elects new leaders.");
            c.acceptText = tr("Kill Node %1").arg(id);
            break;
        case NodeAction::Pause:
            c.title = tr("Pause Node %1").arg(id);
            c.text = tr("Pause node %1 with SIGSTOP?").arg(id);
            c.detail = tr("Its JVM freezes like a hung broker: connections stay open but nothing answers, until "
                          "the cluster fences it or you resume it.");
            c.acceptText = tr("Pause Node %1").arg(id);
            break;
        case NodeAction::Restart:
            c.title = tr("Restart Node %1").arg(id);
            c.text = tr("Restart node %1?").arg(id);
            c.detail = tr("A controlled shutdown, then it starts again and waits until it registers.");
            c.acceptText = tr("Restart Node %1").arg(id);
            break;
        default: break;
        }
        if (!stall.isEmpty())
            c.detail = stall + QStringLiteral("\n\n") + c.detail;
        if (!confirm(c))
            return;
        force = preflight->stalls;
    }
    m_model->setPending(id, tr(info->verb));
    m_controller->runNodeAction(action, id, force);
}

void LocalClusterPage::requestStopCluster()
{
    if (m_controller->isBusy() || m_preflight)
        return;
    Confirmation c;
    c.title = tr("Stop the Local Cluster");
    c.text = tr("Stop every node of \u201c%1\u201d?").arg(m_state.name);
    c.detail = tr("Each node shuts down in turn (controlled). Clients lose the cluster until it starts again; its "
                  "topics and messages stay.");
    c.acceptText = tr("Stop All Nodes");
    if (confirm(c))
        m_controller->stop();
}

void LocalClusterPage::requestResetCluster()
{
    if (m_controller->isBusy() || m_preflight)
        return;
    Confirmation c;
    c.title = tr("Reset the Local Cluster");
    c.text = tr("Reset \u201c%1\u201d and wipe all of its data?").arg(m_state.name);
    c.detail = tr("Every topic, message, consumer group and offset is deleted for good: each node's data is wiped "
                  "and formatted afresh under a new cluster id. A running cluster starts again, empty.");
    c.acceptText = tr("Reset");
    c.typeToConfirm = m_state.name;
    if (confirm(c))
        m_controller->reset();
}

void LocalClusterPage::requestRecreateCluster()
{
    if (m_controller->isBusy() || m_preflight)
        return;
    const bool secure = !m_state.secure;
    Confirmation c;
    c.title = secure ? tr("Recreate the Local Cluster, Secured") : tr("Recreate the Local Cluster, Plaintext");
    c.text = tr("Remove \u201c%1\u201d with all of its data and create it again?").arg(m_state.name);
    c.detail = secure ? tr("Every topic, message, consumer group and offset is deleted. The new cluster's brokers "
                           "speak only SASL_SSL: a CA and node certificates are generated, users admin (super "
                           "user) and app (only what ACLs allow) get random passwords, kept in the cluster's "
                           "own directory, readable by you only. Kafdesk connects as admin.")
                      : tr("Every topic, message, consumer group and offset is deleted. The new cluster speaks "
                           "PLAINTEXT: anyone on this machine can connect, and everyone is allowed everything.");
    c.acceptText = tr("Recreate");
    c.typeToConfirm = m_state.name;
    if (confirm(c))
        m_controller->recreate(secure);
}

void LocalClusterPage::onActionFinished()
{
    observeNow();
    m_sinceQuorum.invalidate(); // the active controller may have moved: ask on the next tick
    if (session())
        session()->refreshNow();
}

void LocalClusterPage::onActionFailed(const Error &error)
{
    observeNow();
    if (!messageLog())
        return;
    if (error.message == cancelledError().message)
        messageLog()->info(tr("Cancelled."));
    else
        messageLog()->error(error);
}

bool LocalClusterPage::confirm(const Confirmation &c) const
{
    return m_confirmer && m_confirmer(c);
}

bool LocalClusterPage::askWithMessageBox(QWidget *parent, const Confirmation &c)
{
    if (!c.typeToConfirm.isEmpty()) {
        bool ok = false;
        const QString typed = QInputDialog::getText(
            parent, c.title,
            QStringLiteral("<p><b>%1</b></p><p>%2</p><p>%3</p>")
                .arg(c.text.toHtmlEscaped(), c.detail.toHtmlEscaped(),
                     tr("Type <b>%1</b> to confirm.").arg(c.typeToConfirm.toHtmlEscaped())),
            QLineEdit::Normal, QString(), &ok);
        return ok && typed.trimmed() == c.typeToConfirm;
    }
    QMessageBox box(c.stallsQuorum ? QMessageBox::Critical : QMessageBox::Warning, c.title, c.text,
                    QMessageBox::NoButton, parent);
    box.setInformativeText(c.detail);
    QPushButton *accept = box.addButton(c.acceptText, QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == accept;
}

} // namespace kafdesk
