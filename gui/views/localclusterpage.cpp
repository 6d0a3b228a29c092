// The Local cluster page: layout, observing the nodes and the quorum. Its actions are in
// localclusterpageactions.cpp.

#include "views/localclusterpage.h"

#include "cluster/clustersession.h"
#include "local/clustersecurity.h"
#include "local/localcluster.h"
#include "models/localnodemodel.h"
#include "settings.h"
#include "views/localclustercontroller.h"
#include "widgets/nodelogview.h"

#include <QAction>
#include <QCheckBox>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace kafdesk {

namespace {

constexpr int tickMs = 1000;
constexpr qint64 quorumEveryMs = 5000;
constexpr auto quorumTimeout = std::chrono::seconds(20);

// One look at the cluster from a worker thread: the state file and the process table.
struct Observed {
    Result<ClusterState> state = Error{};
    Result<QList<NodeObservation>> nodes = Error{};
};

} // namespace

LocalClusterPage::LocalClusterPage(LocalClusterController *controller, QWidget *parent)
    : ClusterPage(parent)
    , m_controller(controller)
    , m_summary(new QLabel(this))
    , m_quorumLabel(new QLabel(this))
    , m_toolbar(new QToolBar(this))
    , m_busyBar(new QProgressBar(this))
    , m_busyLabel(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_model(new LocalNodeModel(this))
    , m_table(new QTableView(this))
    , m_logView(new NodeLogView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_keepRunning(new QCheckBox(tr("Keep the local cluster running after Kafdesk quits"), this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("localClusterPage"));
    m_confirmer = [this](const Confirmation &c) { return askWithMessageBox(this, c); };
    m_pool.setMaxThreadCount(2); // one observation or quorum check, and one quorum command
    buildActions();
    buildLayout();
    m_keepRunning->setChecked(settings::keepLocalClusterRunning().get());

    connect(m_controller, &LocalClusterController::busy, this, &LocalClusterPage::updateBusy);
    connect(m_controller, &LocalClusterController::idle, this, &LocalClusterPage::updateBusy);
    connect(m_controller, &LocalClusterController::progress, this,
            [this](const QString &text) { m_busyLabel->setText(text + QStringLiteral("…")); });
    connect(m_controller, &LocalClusterController::nodeActionFinished, this, &LocalClusterPage::onActionFinished);
    connect(m_controller, &LocalClusterController::nodeActionFailed, this, &LocalClusterPage::onActionFailed);
    connect(m_cancel, &QPushButton::clicked, m_controller, &LocalClusterController::cancel);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LocalClusterPage::onSelectionChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &LocalClusterPage::updateActions);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (selectedNode() < 0 && m_model->rowCount() > 0)
            m_table->selectRow(0);
    });
    m_tick->setInterval(tickMs);
    connect(m_tick, &QTimer::timeout, this, &LocalClusterPage::tick);
    updateSummary();
    updateQuorumLabel();
    updateBusy();
}

LocalClusterPage::~LocalClusterPage()
{
    // A quorum command still running in the thread pool gives up at once; its result has nowhere to go.
    m_cancelWork->store(true);
}

void LocalClusterPage::buildLayout()
{
    m_summary->setObjectName(QStringLiteral("localClusterSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_quorumLabel->setObjectName(QStringLiteral("localClusterQuorum"));
    m_quorumLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_quorumLabel->setWordWrap(true);

    m_toolbar->setObjectName(QStringLiteral("localClusterToolbar"));
    m_toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolbar->setIconSize(QSize(16, 16));
    m_busyBar->setObjectName(QStringLiteral("localClusterBusy"));
    m_busyBar->setRange(0, 0); // a busy indicator: how long a JVM takes is not known
    m_busyBar->setTextVisible(false);
    m_busyBar->setFixedWidth(90);
    m_busyBar->setMaximumHeight(14);
    m_busyLabel->setObjectName(QStringLiteral("localClusterBusyText"));
    m_cancel->setObjectName(QStringLiteral("localClusterCancel"));
    auto *busyRow = new QHBoxLayout;
    busyRow->setContentsMargins(0, 0, 0, 0);
    busyRow->addWidget(m_busyBar);
    busyRow->addWidget(m_busyLabel, 1);
    busyRow->addWidget(m_cancel);

    m_table->setObjectName(QStringLiteral("localClusterNodes"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    for (const NodeAction a : {NodeAction::Start, NodeAction::Stop, NodeAction::Kill, NodeAction::Pause,
                               NodeAction::Resume, NodeAction::Restart})
        m_table->addAction(m_nodeActions.value(a));

    // The table holds at most five nodes: it takes what they need, the log the rest.
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->setSpacing(4);
    topLayout->addWidget(m_toolbar);
    topLayout->addLayout(busyRow);
    topLayout->addWidget(m_table, 1);
    m_splitter->setObjectName(QStringLiteral("localClusterSplitter"));
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_logView);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setSizes({240, 400});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_quorumLabel);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_keepRunning);
}

void LocalClusterPage::bindKeepRunning(QAction *action)
{
    // One state, two places to set it: the checkbox here and the Cluster menu's item.
    m_keepRunning->setChecked(action->isChecked());
    connect(m_keepRunning, &QCheckBox::toggled, action, &QAction::setChecked);
    connect(action, &QAction::toggled, m_keepRunning, &QCheckBox::setChecked);
}

void LocalClusterPage::setClusterState(const ClusterState &state)
{
    const bool another = state.name != m_state.name || state.clusterId != m_state.clusterId;
    m_state = state;
    if (another) {
        m_model->clear();
        m_quorum.reset();
        m_quorumError.clear();
        m_sinceQuorum.invalidate();
    }
    QList<NodeObservation> nodes;
    for (const NodeState &n : state.nodes) // until the first observation: what the start reported
        nodes << NodeObservation{n, n.intent == NodeIntent::Running ? NodeStatus::Running : NodeStatus::Stopped};
    if (m_observed.isEmpty() || another)
        applyObserved(state, nodes);
    m_logView->setCluster(ClusterPaths(m_controller->clustersRoot(), state.name), state.nodeIds());
    updateSummary();
    observeNow();
}

void LocalClusterPage::attach(ClusterSession *session, MessageLog *log)
{
    ClusterPage::attach(session, log);
    if (!session) {
        m_snapshot.reset();
        m_model->setSnapshot(nullptr);
        m_quorum.reset();
        m_quorumError.clear();
        updateQuorumLabel();
    }
}

void LocalClusterPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    m_model->setSnapshot(snapshot);
}

void LocalClusterPage::showEvent(QShowEvent *event)
{
    ClusterPage::showEvent(event);
    m_tick->start();
    tick();
}

void LocalClusterPage::hideEvent(QHideEvent *event)
{
    ClusterPage::hideEvent(event);
    m_tick->stop();
}

void LocalClusterPage::tick()
{
    m_model->setNow(QDateTime::currentDateTimeUtc());
    if (!isVisible() || m_state.name.isEmpty())
        return;
    observeNow();
    if (session() && !m_fetchingQuorum && (!m_sinceQuorum.isValid() || m_sinceQuorum.elapsed() >= quorumEveryMs))
        fetchQuorum();
}

void LocalClusterPage::observeNow()
{
    if (m_state.name.isEmpty())
        return;
    if (m_observing) {
        m_observeAgain = true;
        return;
    }
    m_observing = true;
    auto *watcher = new QFutureWatcher<Observed>(this);
    connect(watcher, &QFutureWatcher<Observed>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_observing = false;
        const Observed seen = watcher->result();
        // A cluster that cannot be read now (being reset) shows as it was: the next look tells.
        if (seen.state && seen.nodes)
            applyObserved(seen.state.value(), seen.nodes.value());
        if (m_observeAgain) {
            m_observeAgain = false;
            observeNow();
        }
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [name = m_state.name, root = m_controller->clustersRoot()] {
        const LocalCluster cluster(name, root);
        return Observed{cluster.state(), cluster.observe()};
    }));
}

void LocalClusterPage::applyObserved(const ClusterState &state, const QList<NodeObservation> &nodes)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (state.name == m_state.name) {
        const QString version = m_state.kafkaVersion;
        m_state = state;
        if (m_state.kafkaVersion.isEmpty())
            m_state.kafkaVersion = version;
    }
    m_observed = nodes;
    m_model->setObservations(nodes);
    updateActions();
}

void LocalClusterPage::fetchQuorum()
{
    const QString bootstrap = m_state.bootstrapServers();
    if (bootstrap.isEmpty())
        return;
    m_fetchingQuorum = true;
    if (!m_quorum && m_quorumError.isEmpty())
        updateQuorumLabel(); // "asking the quorum…"
    auto *watcher = new QFutureWatcher<Result<QuorumStatus>>(this);
    connect(watcher, &QFutureWatcher<Result<QuorumStatus>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_fetchingQuorum = false;
        m_sinceQuorum.start();
        const Result<QuorumStatus> answer = watcher->result();
        if (answer) {
            m_quorum = answer.value();
            m_quorumError.clear();
        } else if (answer.error().message != cancelledError().message) {
            m_quorum.reset();
            m_quorumError = answer.error().message;
        }
        m_model->setActiveController(activeController());
        updateQuorumLabel();
    });
    // A secure cluster's tool runs as its admin, from the command config in the cluster's directory.
    const LocalCluster local(m_state.name, m_controller->clustersRoot()); // paths only: no file is read
    const QString commandConfig = m_state.secure ? clustersecurity::adminCommandConfig(local.paths()) : QString();
    watcher->setFuture(QtConcurrent::run(&m_pool, [bootstrap, commandConfig, cancel = m_cancelWork] {
        return QuorumStatus::fetch(bootstrap, quorumTimeout, cancel.get(), commandConfig);
    }));
}

void LocalClusterPage::updateSummary()
{
    if (m_state.name.isEmpty()) {
        m_summary->setText(tr("The bundled local cluster is not open."));
        return;
    }
    const QString dir = m_controller->clustersRoot() + QLatin1Char('/') + m_state.name;
    const int nodes = static_cast<int>(m_state.nodes.size());
    const QString size = nodes == 1 ? tr("1 node on 127.0.0.1") : tr("%1 nodes on 127.0.0.1").arg(nodes);
    const QString security = m_state.secure ? tr("secured: SASL_SSL, ACLs enforced, connected as admin")
                                            : tr("plaintext, no ACLs enforced");
    m_summary->setText(tr("<b>%1</b> &nbsp;·&nbsp; Apache Kafka %2 (KRaft) &nbsp;·&nbsp; %3 &nbsp;·&nbsp; %4 "
                          "&nbsp;·&nbsp; data in %5")
                           .arg(m_state.name.toHtmlEscaped(), m_state.kafkaVersion.toHtmlEscaped(), size, security,
                                dir.toHtmlEscaped()));
    m_summary->setToolTip(tr("Each node is a broker and a controller (a voter of the KRaft quorum), run by Kafdesk."));
}

QString LocalClusterPage::quorumText() const
{
    if (m_quorum && m_quorum->leaderId >= 0) {
        QStringList voters;
        for (const int v : m_quorum->voters)
            voters << QString::number(v);
        return tr("Active controller: node %1 (epoch %2) · voters %3 · high watermark %4, followers lag at most %5")
            .arg(m_quorum->leaderId)
            .arg(m_quorum->leaderEpoch)
            .arg(voters.join(QStringLiteral(", ")))
            .arg(m_quorum->highWatermark)
            .arg(m_quorum->maxFollowerLag);
    }
    if (m_quorum)
        return tr("Active controller: none, the quorum has no leader (an election runs, or too few controllers run)");
    if (!m_quorumError.isEmpty())
        return tr("Active controller: unknown (%1)").arg(m_quorumError);
    if (!session())
        return tr("Active controller: unknown (not connected)");
    return tr("Active controller: asking the quorum…");
}

void LocalClusterPage::updateQuorumLabel()
{
    m_quorumLabel->setText(quorumText());
    m_quorumLabel->setToolTip(tr("From Kafka's MetadataQuorumCommand (describe --status), every %1 s while this "
                                 "page shows. librdkafka's controller id is not the KRaft active controller.")
                                  .arg(quorumEveryMs / 1000));
}

bool LocalClusterPage::selectNode(int nodeId)
{
    const int row = m_model->rowOf(nodeId);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    return true;
}

int LocalClusterPage::selectedNode() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().data(LocalNodeModel::NodeIdRole).toInt();
}

void LocalClusterPage::onSelectionChanged()
{
    const int id = selectedNode();
    if (id >= 0 && id != m_logView->nodeId())
        m_logView->showNode(id, m_logView->file());
    updateActions();
}

QString LocalClusterPage::busyText() const
{
    if (m_preflight)
        return tr("Checking the controller quorum…");
    return m_controller->isBusy() ? m_controller->busyTitle() + QStringLiteral("…") : QString();
}

void LocalClusterPage::updateBusy()
{
    const bool busy = m_controller->isBusy() || m_preflight;
    m_busyBar->setVisible(busy);
    m_cancel->setVisible(busy);
    m_cancel->setEnabled(m_controller->isCancellable());
    m_busyLabel->setText(busy ? busyText() : tr("Select a node for its actions; right-click for the same menu."));
    if (!m_controller->isBusy())
        m_model->setPending(-1, {});
    updateActions();
}

} // namespace kafdesk
