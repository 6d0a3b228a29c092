#include "views/partitionmapview.h"

#include "models/partitionmapbrokermodel.h"
#include "views/partitionmapdelegate.h"
#include "views/partitionmaplegend.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

QString plural(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

// A table whose size hint is its whole content, so that a small map sits compactly under the title
// (centred, with the legend right below it) and a big one takes the room there is and scrolls.
class FittingTableView : public QTableView {
public:
    using QTableView::QTableView;

    QSize sizeHint() const override
    {
        const int frame = 2 * frameWidth();
        const int headerWidth = verticalHeader()->isHidden() ? 0 : verticalHeader()->sizeHint().width();
        const int headerHeight = horizontalHeader()->isHidden() ? 0 : horizontalHeader()->sizeHint().height();
        return {frame + headerWidth + horizontalHeader()->length(), frame + headerHeight + verticalHeader()->length()};
    }

protected:
    void updateGeometries() override
    {
        QTableView::updateGeometries();
        updateGeometry(); // the headers' lengths may have changed with the model
    }
};

// The table centred at the top of its page.
QWidget *centred(QTableView *table, QWidget *parent)
{
    auto *page = new QWidget(parent);
    auto *layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table, 0, Qt::AlignHCenter | Qt::AlignTop);
    return page;
}

} // namespace

PartitionMapView::PartitionMapView(QWidget *parent)
    : QWidget(parent)
    , m_partitionModel(new PartitionMapModel(this))
    , m_brokerModel(new PartitionMapBrokerModel(this))
{
    m_flasher = new PartitionMapFlasher(this);
    connect(m_flasher, &PartitionMapFlasher::tick, this, [this] {
        m_partitionTable->viewport()->update();
        m_brokerTable->viewport()->update();
    });
    connect(m_partitionModel, &PartitionMapModel::cellKindsChanged, this, &PartitionMapView::flash);

    auto *layout = new QVBoxLayout(this);

    auto *top = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::RichText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    top->addWidget(m_title, 1);
    top->addStretch(0); // keeps the mode buttons on the right when the title is hidden
    auto *group = new QButtonGroup(this);
    group->setExclusive(true);
    const auto addToggle = [&](const QString &text, const QString &tip) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setToolTip(tip);
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        group->addButton(button);
        top->addWidget(button);
        return button;
    };
    m_byPartition = addToggle(tr("By partition"), tr("A row per partition, a column per broker"));
    m_byBroker = addToggle(tr("By broker"), tr("A column per broker, listing the replicas it stores"));
    m_byPartition->setChecked(true);
    connect(m_byPartition, &QAbstractButton::toggled, this, [this](bool on) {
        if (on)
            setMode(ByPartition);
    });
    connect(m_byBroker, &QAbstractButton::toggled, this, [this](bool on) {
        if (on)
            setMode(ByBroker);
    });
    layout->addLayout(top);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    QFont emptyFont = m_emptyLabel->font();
    emptyFont.setPointSizeF(emptyFont.pointSizeF() * 1.15);
    m_emptyLabel->setFont(emptyFont);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText); // follows palette changes
    layout->addWidget(m_emptyLabel, 1);

    const auto flashOf = [this](const QModelIndex &index) {
        const QVariant partition = index.data(PartitionMapModel::PartitionIdRole);
        const QVariant broker = index.data(PartitionMapModel::BrokerIdRole);
        return partition.isValid() && broker.isValid() ? flashLevel(partition.toInt(), broker.toInt()) : 0.0;
    };

    auto *gridDelegate = new PartitionMapDelegate(this);
    gridDelegate->setTextScale(1.5);
    gridDelegate->setMinimumCellSize(QSize(60, 40));
    gridDelegate->setFlashLevel(flashOf);
    m_partitionTable = makeTable(m_partitionModel, gridDelegate);
    m_partitionTable->verticalHeader()->setDefaultSectionSize(40);
    m_partitionPage = centred(m_partitionTable, this);
    layout->addWidget(m_partitionPage);

    auto *listDelegate = new PartitionMapDelegate(this);
    listDelegate->setMinimumCellSize(QSize(72, 30));
    listDelegate->setFlashLevel(flashOf);
    m_brokerTable = makeTable(m_brokerModel, listDelegate);
    m_brokerTable->verticalHeader()->setDefaultSectionSize(30);
    m_brokerTable->verticalHeader()->hide();
    m_brokerPage = centred(m_brokerTable, this);
    layout->addWidget(m_brokerPage);

    // The legend right under the map; what room is left goes below it.
    m_legend = new PartitionMapLegend(this);
    layout->addWidget(m_legend);
    layout->addStretch(1);

    updatePage();
}

QTableView *PartitionMapView::makeTable(QAbstractItemModel *model, PartitionMapDelegate *delegate)
{
    auto *table = new FittingTableView(this);
    table->setModel(model);
    table->setItemDelegate(delegate);
    table->setShowGrid(false);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setWordWrap(false);
    table->setCornerButtonEnabled(false);
    table->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Maximum);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionsClickable(false);
    table->horizontalHeader()->setHighlightSections(false);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setSectionsClickable(false);
    table->verticalHeader()->setHighlightSections(false);
    return table;
}

void PartitionMapView::setTopic(const QString &topic)
{
    m_flasher->clear();
    m_partitionModel->setTopic(topic);
    m_brokerModel->setTopic(topic);
    updatePage();
}

QString PartitionMapView::topic() const
{
    return m_partitionModel->topic();
}

void PartitionMapView::setSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_partitionModel->setSnapshot(snapshot);
    m_brokerModel->setSnapshot(snapshot);
    updatePage();
}

void PartitionMapView::clear()
{
    m_flasher->clear();
    m_partitionModel->clear();
    m_brokerModel->clear();
    updatePage();
}

void PartitionMapView::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    (mode == ByPartition ? m_byPartition : m_byBroker)->setChecked(true);
    updatePage();
    Q_EMIT modeChanged(mode);
}

void PartitionMapView::setTitleVisible(bool visible)
{
    m_title->setVisible(visible);
}

QString PartitionMapView::emptyStateText() const
{
    if (m_partitionModel->topic().isEmpty())
        return tr("Choose a topic to see where its partitions live");
    if (!m_partitionModel->snapshot())
        return tr("Waiting for the cluster's metadata…");
    if (!m_partitionModel->topicFound())
        return tr("The cluster has no topic named “%1”").arg(m_partitionModel->topic());
    return {};
}

void PartitionMapView::updatePage()
{
    const QString empty = emptyStateText();
    m_emptyLabel->setText(empty);
    m_emptyLabel->setVisible(!empty.isEmpty());
    m_partitionPage->setVisible(empty.isEmpty() && m_mode == ByPartition);
    m_brokerPage->setVisible(empty.isEmpty() && m_mode == ByBroker);
    m_legend->setVisible(empty.isEmpty());
    // The empty state takes the whole page; a map leaves the room it does not need below the legend.
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->setStretch(box->count() - 1, empty.isEmpty() ? 1 : 0);
    m_byPartition->setEnabled(empty.isEmpty());
    m_byBroker->setEnabled(empty.isEmpty());
    updateTitle();
}

void PartitionMapView::updateTitle()
{
    const ClusterSnapshotPtr snapshot = m_partitionModel->snapshot();
    const TopicState *t = snapshot ? snapshot->topic(m_partitionModel->topic()) : nullptr;
    if (!t) {
        m_title->setText(m_partitionModel->topic().isEmpty()
                             ? QString()
                             : QStringLiteral("<b>%1</b>").arg(m_partitionModel->topic().toHtmlEscaped()));
        return;
    }
    const int partitions = static_cast<int>(t->partitions.size());
    QStringList parts{QStringLiteral("<b>%1</b>").arg(t->name.toHtmlEscaped()),
                      plural(partitions, tr("1 partition"), tr("%1 partitions")),
                      tr("replication factor %1").arg(t->replicationFactor())};
    if (const int under = t->underReplicatedCount())
        parts << plural(under, tr("1 under-replicated"), tr("%1 under-replicated"));
    if (const int offline = t->offlineCount())
        parts << plural(offline, tr("1 offline"), tr("%1 offline"));
    m_title->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

void PartitionMapView::flash(const QList<PartitionMapModel::CellChange> &changes)
{
    QList<PartitionMapFlasher::Key> keys;
    keys.reserve(changes.size());
    for (const PartitionMapModel::CellChange &c : changes)
        keys << PartitionMapFlasher::Key{QString(), c.partition, c.broker};
    m_flasher->flash(keys);
}

qreal PartitionMapView::flashLevel(int partition, int broker) const
{
    return m_flasher->level({QString(), partition, broker});
}

} // namespace kafdesk
