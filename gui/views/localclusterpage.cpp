#include "views/localclusterpage.h"

#include "models/partitionmapsupport.h"
#include "settings.h"
#include "views/localclustercontroller.h"

#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kafdesk {

LocalClusterPage::LocalClusterPage(LocalClusterController *controller, QWidget *parent)
    : ClusterPage(parent)
    , m_controller(controller)
    , m_summary(new QLabel(this))
    , m_nodes(new QTableWidget(this))
    , m_stop(new QPushButton(tr("Stop Local Cluster"), this))
    , m_keepRunning(new QCheckBox(tr("Keep the local cluster running after Kafdesk quits"), this))
{
    setObjectName(QStringLiteral("localClusterPage"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_nodes->setObjectName(QStringLiteral("localClusterNodes"));
    m_nodes->setColumnCount(6);
    m_nodes->setHorizontalHeaderLabels(
        {tr("Node"), tr("Broker address"), tr("Controller port"), tr("Process"), tr("Started"), tr("In metadata")});
    m_nodes->verticalHeader()->hide();
    m_nodes->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_nodes->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_nodes->setAlternatingRowColors(true);
    m_nodes->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_nodes->horizontalHeader()->setStretchLastSection(true);
    m_keepRunning->setChecked(settings::keepLocalClusterRunning().get());
    connect(m_stop, &QPushButton::clicked, m_controller, &LocalClusterController::stop);
    connect(m_controller, &LocalClusterController::busy, this, &LocalClusterPage::updateButtons);
    connect(m_controller, &LocalClusterController::idle, this, &LocalClusterPage::updateButtons);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_keepRunning);
    buttons->addStretch();
    buttons->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_nodes, 1);
    layout->addLayout(buttons);
    updateButtons();
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
    m_state = state;
    m_summary->setText(tr("<b>%1</b>: Apache Kafka %2 in KRaft mode, %3 nodes (each a broker and a controller) on "
                          "127.0.0.1, run by Kafdesk. Data lives in %4.")
                           .arg(state.name.toHtmlEscaped(), state.kafkaVersion)
                           .arg(state.nodes.size())
                           .arg(QString(m_controller->clustersRoot() + QLatin1Char('/') + state.name).toHtmlEscaped()));
    updateTable();
}

void LocalClusterPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_snapshot = snapshot;
    updateTable();
}

void LocalClusterPage::updateTable()
{
    m_nodes->setRowCount(static_cast<int>(m_state.nodes.size()));
    for (int row = 0; row < m_state.nodes.size(); ++row) {
        const NodeState &n = m_state.nodes.at(row);
        const BrokerState *b = m_snapshot ? m_snapshot->broker(n.id) : nullptr;
        const bool listed = b && b->alive;
        const QStringList cells{QString::number(n.id),
                                n.brokerAddress(),
                                QString::number(n.controllerPort),
                                n.pid > 0 ? tr("pid %1").arg(n.pid) : tr("not running"),
                                n.startedAt.isValid() ? QLocale().toString(n.startedAt.toLocalTime(), QLocale::ShortFormat)
                                                      : QString(),
                                !m_snapshot ? tr("…") : listed ? tr("alive") : tr("down")};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == 0 || c == 2)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (c == cells.size() - 1 && m_snapshot)
                item->setIcon(partitionmap::stateDot(listed));
            m_nodes->setItem(row, c, item);
        }
    }
}

void LocalClusterPage::updateButtons()
{
    m_stop->setEnabled(!m_controller->isBusy());
    m_stop->setToolTip(m_controller->isBusy() ? m_controller->busyTitle() : tr("Stops every node, one at a time"));
}

} // namespace kafdesk
