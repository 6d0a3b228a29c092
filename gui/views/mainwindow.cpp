#include "views/mainwindow.h"

#include "cluster/metadatapoller.h"
#include "local/localcluster.h"
#include "local/localclusterjob.h"
#include "models/brokertablemodel.h"
#include "settings.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

enum Page { EmptyPage, ProgressPage, BrokersPage, ErrorPage };

QLabel *makeLabel(const QString &text, QWidget *parent, bool wrap = true)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(wrap);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QFont scaledFont(const QFont &base, qreal factor, bool bold)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * factor);
    f.setBold(bold);
    return f;
}

} // namespace

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
    , m_brokers(new BrokerTableModel(this))
{
    if (m_options.clustersRoot.isEmpty())
        m_options.clustersRoot = LocalCluster::defaultClustersRoot();
    setWindowTitle(tr("Kafdesk"));
    buildActions();
    buildPages();
    m_connectionLabel = new QLabel(this);
    m_brokerCountLabel = new QLabel(this);
    statusBar()->addWidget(m_connectionLabel, 1);
    statusBar()->addPermanentWidget(m_brokerCountLabel);
    updateStatusBar();

    const QByteArray geometry = settings::mainWindowGeometry().get();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(760, 480);
    restoreState(settings::mainWindowState().get());

    if (m_options.openLocalCluster)
        QMetaObject::invokeMethod(this, &MainWindow::startLocalCluster, Qt::QueuedConnection);
}

MainWindow::~MainWindow()
{
    delete m_poller;
    delete m_job; // waits for a job that is still running
}

void MainWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *cluster = menuBar()->addMenu(tr("&Cluster"));
    m_refreshAction = cluster->addAction(tr("&Refresh"), this, &MainWindow::refresh);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    cluster->addSeparator();
    m_startAction = cluster->addAction(tr("&Start Local Cluster"), this, &MainWindow::startLocalCluster);
    m_stopAction = cluster->addAction(tr("S&top Local Cluster"), this, &MainWindow::stopLocalCluster);
    cluster->addSeparator();
    m_keepRunningAction = cluster->addAction(tr("&Keep Local Cluster Running After Quit"));
    m_keepRunningAction->setCheckable(true);
    m_keepRunningAction->setChecked(settings::keepLocalClusterRunning().get());
    connect(m_keepRunningAction, &QAction::toggled, this,
            [](bool keep) { settings::keepLocalClusterRunning().set(keep); });
}

void MainWindow::buildPages()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    m_title = makeLabel(tr("Kafdesk"), central, false);
    m_title->setFont(scaledFont(font(), 1.4, true));
    m_subtitle = makeLabel({}, central);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);

    m_pages = new QStackedWidget(central);
    layout->addWidget(m_pages, 1);

    // Empty: nothing open yet.
    auto *empty = new QWidget(m_pages);
    auto *emptyLayout = new QVBoxLayout(empty);
    m_emptyText = makeLabel(tr("No cluster is open. Start the bundled local cluster to see its brokers."), empty);
    m_emptyText->setAlignment(Qt::AlignCenter);
    auto *startButton = new QPushButton(tr("Start Local Cluster"), empty);
    connect(startButton, &QPushButton::clicked, this, &MainWindow::startLocalCluster);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_emptyText);
    emptyLayout->addWidget(startButton, 0, Qt::AlignCenter);
    emptyLayout->addStretch();
    m_pages->insertWidget(EmptyPage, empty);

    // Progress: a long operation on the local cluster, with its steps and a Cancel button.
    auto *progress = new QWidget(m_pages);
    auto *progressLayout = new QVBoxLayout(progress);
    m_progressTitle = makeLabel({}, progress);
    m_progressTitle->setFont(scaledFont(font(), 1.1, true));
    m_progressTitle->setAlignment(Qt::AlignCenter);
    m_progressBar = new QProgressBar(progress);
    m_progressBar->setRange(0, 0);
    m_progressBar->setTextVisible(false);
    m_progressBar->setMaximumWidth(360);
    m_progressText = makeLabel({}, progress);
    m_progressText->setAlignment(Qt::AlignCenter);
    m_cancelButton = new QPushButton(tr("Cancel"), progress);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_job)
            m_job->cancel();
    });
    progressLayout->addStretch();
    progressLayout->addWidget(m_progressTitle);
    progressLayout->addWidget(m_progressBar, 0, Qt::AlignCenter);
    progressLayout->addWidget(m_progressText);
    progressLayout->addWidget(m_cancelButton, 0, Qt::AlignCenter);
    progressLayout->addStretch();
    m_pages->insertWidget(ProgressPage, progress);

    // Brokers.
    m_brokerView = new QTableView(m_pages);
    auto *proxy = new QSortFilterProxyModel(m_brokerView);
    proxy->setSourceModel(m_brokers);
    m_brokerView->setModel(proxy);
    m_brokerView->setSortingEnabled(true);
    m_brokerView->sortByColumn(BrokerTableModel::IdColumn, Qt::AscendingOrder);
    m_brokerView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_brokerView->setAlternatingRowColors(true);
    m_brokerView->verticalHeader()->hide();
    m_brokerView->horizontalHeader()->setStretchLastSection(true);
    m_brokerView->horizontalHeader()->setSectionResizeMode(BrokerTableModel::AddressColumn,
                                                           QHeaderView::ResizeToContents);
    m_brokerView->setColumnWidth(BrokerTableModel::IdColumn, 60);
    m_pages->insertWidget(BrokersPage, m_brokerView);

    // Error: what went wrong, the tool's own text, and a way to try again.
    auto *error = new QWidget(m_pages);
    auto *errorLayout = new QVBoxLayout(error);
    auto *icon = new QLabel(error);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(48, 48));
    m_errorText = makeLabel({}, error);
    m_errorText->setAlignment(Qt::AlignCenter);
    auto *retry = new QPushButton(tr("Try Again"), error);
    connect(retry, &QPushButton::clicked, this, &MainWindow::startLocalCluster);
    errorLayout->addStretch();
    errorLayout->addWidget(icon, 0, Qt::AlignCenter);
    errorLayout->addWidget(m_errorText);
    errorLayout->addWidget(retry, 0, Qt::AlignCenter);
    errorLayout->addStretch();
    m_pages->insertWidget(ErrorPage, error);

    m_pages->setCurrentIndex(EmptyPage);
    setCentralWidget(central);
}

void MainWindow::showProgressPage(const QString &title)
{
    m_progressTitle->setText(title);
    m_progressText->clear();
    m_cancelButton->setEnabled(true);
    m_pages->setCurrentIndex(ProgressPage);
}

void MainWindow::showError(const Error &error)
{
    QString html = QStringLiteral("<p><b>%1</b></p>").arg(error.message.toHtmlEscaped());
    if (!error.detail.isEmpty())
        html += QStringLiteral("<p><tt>%1</tt></p>").arg(error.detail.toHtmlEscaped().replace(
            QLatin1Char('\n'), QStringLiteral("<br>")));
    m_errorText->setText(html);
    m_pages->setCurrentIndex(ErrorPage);
    updateStatusBar();
}

void MainWindow::runJob(LocalClusterJob *job)
{
    m_job = job;
    m_startAction->setEnabled(false);
    m_stopAction->setEnabled(false);
    connect(job, &LocalClusterJob::progress, this, [this](const QString &text) { m_progressText->setText(text + QStringLiteral("…")); });
    connect(job, &LocalClusterJob::finished, this, [this, job] {
        job->deleteLater();
        m_startAction->setEnabled(true);
        m_stopAction->setEnabled(true);
        updateStatusBar();
    });
    showProgressPage(job->title());
    job->start();
}

void MainWindow::startLocalCluster()
{
    if (m_job)
        return;
    detach();
    const QString name = m_options.localClusterName;
    m_title->setText(tr("Local cluster \u201c%1\u201d").arg(name));
    m_subtitle->setText(tr("Apache Kafka brokers that Kafdesk runs on this computer"));
    auto startedByUs = m_startedByUs;
    const int newClusterBrokers = m_options.newClusterBrokers;
    // Attaching to a cluster that already runs does not make it ours to stop at quit.
    auto operation = [startedByUs, newClusterBrokers](LocalCluster &c) -> Result<ClusterState> {
        LocalCluster::StartOptions options;
        bool allRunning = false;
        if (!c.exists()) {
            options.brokers = newClusterBrokers;
        } else if (auto seen = c.observe(); seen) {
            allRunning = std::all_of(seen->cbegin(), seen->cend(),
                                     [](const NodeObservation &o) { return o.status == NodeStatus::Running; });
        }
        auto started = c.start(options);
        if (started && !allRunning)
            *startedByUs = true;
        return started;
    };
    auto *job = new LocalClusterJob(name, m_options.clustersRoot, tr("Starting the local cluster"), operation, this);
    connect(job, &LocalClusterJob::succeeded, this, &MainWindow::attachTo);
    connect(job, &LocalClusterJob::failed, this, &MainWindow::showError);
    runJob(job);
}

void MainWindow::stopLocalCluster()
{
    if (m_job)
        return;
    detach();
    auto *job = new LocalClusterJob(m_options.localClusterName, m_options.clustersRoot,
                                    tr("Stopping the local cluster"), LocalClusterJob::stopCluster(), this);
    job->setProperty("stopping", true);
    connect(job, &LocalClusterJob::succeeded, this, [this] {
        *m_startedByUs = false;
        m_emptyText->setText(tr("The local cluster is stopped."));
        m_pages->setCurrentIndex(EmptyPage);
        if (m_closing) {
            m_readyToClose = true;
            close();
        }
    });
    connect(job, &LocalClusterJob::failed, this, [this](const Error &e) {
        showError(e);
        if (m_closing) {
            m_readyToClose = true;
            close();
        }
    });
    runJob(job);
    m_cancelButton->setEnabled(false); // stopping half-way helps nobody
}

void MainWindow::attachTo(const ClusterState &state)
{
    m_subtitle->setText(tr("Apache Kafka %1 on %2").arg(state.kafkaVersion, state.bootstrapServers()));
    QList<BrokerInfo> expected;
    for (const NodeState &n : state.nodes)
        expected << BrokerInfo{n.id, QStringLiteral("127.0.0.1"), n.brokerPort};
    m_brokers->setExpectedBrokers(expected);
    m_poller = new MetadataPoller(state.bootstrapServers(), settings::metadataIntervalMs().get(), this);
    connect(m_poller, &MetadataPoller::snapshotReady, this, &MainWindow::onSnapshot);
    connect(m_poller, &MetadataPoller::fetchFailed, this, &MainWindow::onFetchFailed);
    m_poller->start();
    m_pages->setCurrentIndex(BrokersPage);
    updateStatusBar();
}

void MainWindow::detach()
{
    delete m_poller;
    m_poller = nullptr;
    m_brokers->clear();
    m_lastFetchFailed = false;
    updateStatusBar();
}

void MainWindow::refresh()
{
    if (m_poller)
        m_poller->refreshNow();
}

void MainWindow::onSnapshot(const MetadataSnapshot &snapshot)
{
    m_lastFetchFailed = false;
    m_brokers->applySnapshot(snapshot);
    updateStatusBar();
    Q_EMIT brokersUpdated();
}

void MainWindow::onFetchFailed(const Error &error)
{
    m_lastFetchFailed = true;
    m_brokers->markAllDown();
    m_connectionLabel->setToolTip(error.fullText());
    updateStatusBar();
    Q_EMIT brokersUpdated();
}

void MainWindow::updateStatusBar()
{
    if (m_job) {
        m_connectionLabel->setText(m_job->title() + QStringLiteral("…"));
        m_brokerCountLabel->clear();
        return;
    }
    if (!m_poller) {
        m_connectionLabel->setText(tr("Not connected"));
        m_brokerCountLabel->clear();
        return;
    }
    const int total = m_brokers->rowCount();
    const int alive = m_brokers->aliveCount();
    if (m_lastFetchFailed)
        m_connectionLabel->setText(tr("Connection lost: no broker answers"));
    else if (alive < total)
        m_connectionLabel->setText(tr("Connected, degraded: some brokers are down"));
    else
        m_connectionLabel->setText(tr("Connected"));
    m_brokerCountLabel->setText(tr("%1 of %2 brokers alive").arg(alive).arg(total));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    settings::mainWindowGeometry().set(saveGeometry());
    settings::mainWindowState().set(saveState());
    if (m_readyToClose || m_job || !*m_startedByUs || m_keepRunningAction->isChecked()) {
        if (m_job && !m_job->property("stopping").toBool())
            m_job->cancel();
        event->accept();
        return;
    }
    // The cluster is ours: stop it first (off the GUI thread), then close.
    m_closing = true;
    event->ignore();
    stopLocalCluster();
}

} // namespace kafdesk
