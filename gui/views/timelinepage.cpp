#include "views/timelinepage.h"

#include "charts/replicationchart.h"
#include "cluster/replicationhistory.h"
#include "models/timelinefiltermodel.h"
#include "models/timelinemodel.h"
#include "views/datatableview.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace kafdesk {

TimelinePage::TimelinePage(ReplicationHistory *history, QWidget *parent)
    : ClusterPage(parent), m_history(history), m_model(new TimelineModel(history, this)),
      m_filter(new TimelineFilterModel(this))
{
    setObjectName(QStringLiteral("timelinePage"));
    m_filter->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    auto *bar = new QWidget(this);
    buildFilterBar(bar);
    layout->addWidget(bar);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("timelineTable"));
    setUpDataTable(m_table, QAbstractItemView::SingleSelection);
    m_table->setModel(m_filter);
    m_table->setIconSize(QSize(12, 12));
    m_table->setTextElideMode(Qt::ElideMiddle); // long topic names keep their partition number
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->setColumnWidth(TimelineModel::TimeColumn, fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    m_table->setColumnWidth(TimelineModel::KindColumn, fm.horizontalAdvance(TimelineModel::kindLabel(
                                                                                ReplicationEvent::Kind::PartitionOffline)) + 44);
    m_table->setColumnWidth(TimelineModel::BrokerColumn, fm.horizontalAdvance(tr("Broker")) + 24);
    m_table->setColumnWidth(TimelineModel::PartitionColumn, fm.horizontalAdvance(QStringLiteral("a-longer-topic-name-12")) + 24);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("timelineEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(24);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_tableStack = new QStackedWidget(this);
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_empty);

    auto *chartPanel = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(chartPanel);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    auto *chartBar = new QHBoxLayout;
    auto *isrLabel = new QLabel(tr("ISR size of:"), chartPanel);
    m_isrCombo = new QComboBox(chartPanel);
    m_isrCombo->setObjectName(QStringLiteral("timelineIsrPartition"));
    m_isrCombo->setEditable(true);
    m_isrCombo->setInsertPolicy(QComboBox::NoInsert);
    m_isrCombo->setMinimumContentsLength(18);
    m_isrCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_isrCombo->lineEdit()->setPlaceholderText(tr("topic-partition"));
    m_isrCombo->setToolTip(tr("The partition whose ISR size the chart draws (right axis). Selecting an event of a "
                              "partition in the table picks it too."));
    isrLabel->setBuddy(m_isrCombo);
    chartBar->addWidget(isrLabel);
    chartBar->addWidget(m_isrCombo);
    chartBar->addStretch(1);
    chartLayout->addLayout(chartBar);
    m_chart = new ReplicationChart(history, chartPanel);
    m_chart->setObjectName(QStringLiteral("replicationChart"));
    chartLayout->addWidget(m_chart, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("timelineSplitter"));
    m_splitter->addWidget(m_tableStack);
    m_splitter->addWidget(chartPanel);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({260, 460});
    layout->addWidget(m_splitter, 1);

    // Follow the newest row while the view is at the bottom; a user who scrolled up stays put.
    QScrollBar *vbar = m_table->verticalScrollBar();
    connect(vbar, &QScrollBar::valueChanged, this, [this, vbar](int value) { m_followTail = value >= vbar->maximum(); });
    connect(vbar, &QScrollBar::rangeChanged, this, [this, vbar](int, int max) {
        if (m_followTail)
            vbar->setValue(max);
    });

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &TimelinePage::onCurrentRowChanged);
    connect(m_isrCombo, &QComboBox::textActivated, this, &TimelinePage::applyIsrText);
    connect(m_isrCombo->lineEdit(), &QLineEdit::editingFinished, this,
            [this] { applyIsrText(m_isrCombo->currentText()); });

    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, [this] {
            updateEmptyState();
            updateCount();
        });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] {
        updateEmptyState();
        updateCount();
    });
    if (history) {
        connect(history, &ReplicationHistory::sampleAdded, this, [this] {
            updateBrokers();
            updateIsrChoices();
        });
        connect(history, &ReplicationHistory::eventsAdded, this, &TimelinePage::updateBrokers);
        connect(history, &ReplicationHistory::cleared, this, [this] {
            m_followTail = true;
            updateBrokers();
            updateIsrChoices();
        });
    }
    updateBrokers();
    updateIsrChoices();
    updateEmptyState();
    updateCount();
}

void TimelinePage::focusFilter()
{
    m_topicEdit->setFocus(Qt::ShortcutFocusReason);
    m_topicEdit->selectAll();
}

QString TimelinePage::emptyStateText() const
{
    return m_tableStack->currentWidget() == m_empty ? m_empty->text() : QString();
}

void TimelinePage::updateEmptyState()
{
    QString text;
    if (m_model->rowCount() == 0)
        text = tr("No replication events yet. Break a broker on the Local cluster page, or wait for one to fail.");
    else if (m_filter->rowCount() == 0)
        text = tr("No event matches the filters.");
    m_empty->setText(text);
    m_tableStack->setCurrentWidget(text.isEmpty() ? static_cast<QWidget *>(m_table) : m_empty);
}

void TimelinePage::updateCount()
{
    const int events = m_model->eventRowCount();
    const int markers = m_model->markerRowCount();
    QString text = (events == 1 ? tr("1 event") : tr("%1 events").arg(QLocale().toString(events))) + QStringLiteral(", ") +
                   (markers == 1 ? tr("1 action") : tr("%1 actions").arg(QLocale().toString(markers)));
    if (m_filter->isFiltering())
        text = tr("%1 shown of %2").arg(QLocale().toString(m_filter->rowCount()), text);
    if (m_history && m_history->droppedEvents() > 0)
        text += tr(" (%1 oldest dropped)").arg(QLocale().toString(m_history->droppedEvents()));
    m_count->setText(text);
    m_exportButton->setEnabled(m_filter->rowCount() > 0 && !m_exporting);
    m_clearButton->setEnabled(m_model->rowCount() > 0 || (m_history && !m_history->samples().isEmpty()));
}

void TimelinePage::onCurrentRowChanged()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const QString topic = current.data(TimelineModel::TopicRole).toString();
    const int partition = current.data(TimelineModel::PartitionRole).toInt();
    if (!topic.isEmpty() && partition >= 0)
        setIsrPartition(topic, partition);
}

void TimelinePage::setIsrPartition(const QString &topic, int partition)
{
    m_chart->setIsrPartition(topic, partition);
    const QString text = topic.isEmpty() ? QString() : QString(topic + QLatin1Char('-') + QString::number(partition));
    if (m_isrCombo->currentText() != text)
        m_isrCombo->setEditText(text);
}

void TimelinePage::applyIsrText(const QString &text)
{
    // "orders-2": the topic is everything before the last '-' (topic names may hold dashes).
    const QString t = text.trimmed();
    const qsizetype dash = t.lastIndexOf(QLatin1Char('-'));
    bool ok = false;
    const int partition = dash > 0 ? t.mid(dash + 1).toInt(&ok) : -1;
    if (t.isEmpty() || !ok || partition < 0) {
        m_chart->setIsrPartition({}, -1);
        return;
    }
    m_chart->setIsrPartition(t.left(dash), partition);
}

void TimelinePage::updateIsrChoices()
{
    const ClusterSnapshotPtr snap = m_history ? m_history->latestSnapshot() : nullptr;
    // The user's topics only, and not thousands of them: the field takes any name typed in.
    constexpr int maxChoices = 2000;
    QStringList names;
    if (snap)
        for (const TopicState &t : snap->topics) {
            if (t.internal)
                continue;
            for (const PartitionState &p : t.partitions) {
                if (names.size() >= maxChoices)
                    break;
                names << t.name + QLatin1Char('-') + QString::number(p.id);
            }
        }
    const QString signature = names.join(QLatin1Char('\n'));
    if (signature == m_isrSignature)
        return;
    m_isrSignature = signature;
    const QString current = m_isrCombo->currentText();
    const QSignalBlocker block(m_isrCombo);
    m_isrCombo->clear();
    m_isrCombo->addItems(names);
    m_isrCombo->setEditText(current);
}

} // namespace kafdesk
