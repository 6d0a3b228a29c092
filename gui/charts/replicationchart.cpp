#include "charts/replicationchart.h"

#include "charts/plotstyle.h"
#include "cluster/replicationhistory.h"

#include <QEvent>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

// Mid-tone colours that read on a white and on a dark grey background alike (the lag chart's).
const QList<QColor> &brokerColours()
{
    static const QList<QColor> colours{QColor(58, 130, 214), QColor(76, 175, 80),  QColor(150, 110, 220),
                                       QColor(0, 172, 193),  QColor(200, 170, 40), QColor(214, 82, 130),
                                       QColor(120, 144, 156), QColor(160, 120, 60)};
    return colours;
}

const QColor urpColour(236, 120, 30);
const QColor offlineColour(220, 40, 40);

QList<double> valuesOf(const QCPGraph *graph)
{
    QList<double> out;
    if (!graph)
        return out;
    for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        out << it->value;
    return out;
}

} // namespace

double ReplicationChart::keyOf(const QDateTime &t)
{
    return static_cast<double>(t.toMSecsSinceEpoch()) / 1000.0;
}

ReplicationChart::ReplicationChart(ReplicationHistory *history, QWidget *parent)
    : QWidget(parent), m_history(history), m_replotTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setObjectName(QStringLiteral("replicationPlot"));
    m_plot->setMinimumHeight(260);
    m_plot->setNotAntialiasedElements(QCP::aeAll);
    m_plot->setAntialiasedElements(QCP::aePlottables);
    layout->addWidget(m_plot);

    // Three plots, one above the other, sharing the time axis (only the bottom one labels it)
    // and aligned on both sides by a margin group.
    m_healthRect = m_plot->axisRect();
    m_leaderRect = new QCPAxisRect(m_plot);
    m_isrRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(1, 0, m_leaderRect);
    m_plot->plotLayout()->addElement(2, 0, m_isrRect);
    m_plot->plotLayout()->setRowStretchFactor(0, 3);
    m_plot->plotLayout()->setRowStretchFactor(1, 1.7);
    m_plot->plotLayout()->setRowStretchFactor(2, 1.1);
    m_plot->plotLayout()->setRowSpacing(2);
    auto *margins = new QCPMarginGroup(m_plot);
    auto timeTicker = QSharedPointer<QCPAxisTickerDateTime>::create();
    timeTicker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
    timeTicker->setDateTimeSpec(Qt::LocalTime);
    timeTicker->setTickCount(6);
    for (QCPAxisRect *rect : {m_healthRect, m_leaderRect, m_isrRect}) {
        rect->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
        rect->axis(QCPAxis::atBottom)->setTicker(timeTicker);
        rect->axis(QCPAxis::atBottom)->setTickLabels(rect == m_isrRect);
        plotstyle::useWholeNumberTicks(rect->axis(QCPAxis::atLeft));
        if (rect != m_healthRect)
            rect->axis(QCPAxis::atLeft)->ticker()->setTickCount(3); // short plots: fewer labels
    }
    m_isrRect->axis(QCPAxis::atBottom)->setLabel(tr("Time"));
    m_healthRect->axis(QCPAxis::atLeft)->setLabel(tr("Partitions"));
    m_leaderRect->axis(QCPAxis::atLeft)->setLabel(tr("Leaders"));
    m_isrRect->axis(QCPAxis::atLeft)->setLabel(tr("ISR"));

    m_urp = m_plot->addGraph(m_healthRect->axis(QCPAxis::atBottom), m_healthRect->axis(QCPAxis::atLeft));
    m_urp->setName(tr("Under-replicated"));
    m_offline = m_plot->addGraph(m_healthRect->axis(QCPAxis::atBottom), m_healthRect->axis(QCPAxis::atLeft));
    m_offline->setName(tr("Offline"));
    m_isr = m_plot->addGraph(m_isrRect->axis(QCPAxis::atBottom), m_isrRect->axis(QCPAxis::atLeft));
    m_isr->setName(tr("ISR size"));
    (void)m_isr->removeFromLegend();
    for (QCPGraph *g : {m_urp, m_offline, m_isr})
        g->setLineStyle(QCPGraph::lsStepLeft); // counts hold until the next snapshot
    plotstyle::placeLegendAbove(m_plot, 7); // inserts the legend's row at the top

    m_empty = new QCPItemText(m_plot);
    m_empty->setClipAxisRect(m_healthRect);
    m_empty->position->setAxisRect(m_healthRect);
    m_empty->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_empty->position->setCoords(0.5, 0.5);
    m_empty->setText(tr("Waiting for the first snapshot…"));
    m_isrEmpty = new QCPItemText(m_plot);
    m_isrEmpty->setClipAxisRect(m_isrRect);
    m_isrEmpty->position->setAxisRect(m_isrRect);
    m_isrEmpty->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_isrEmpty->position->setCoords(0.5, 0.5);
    m_isrEmpty->setText(tr("Select an event of a partition to draw its ISR size"));

    m_replotTimer->setSingleShot(true);
    m_replotTimer->setInterval(replotIntervalMs);
    connect(m_replotTimer, &QTimer::timeout, this, &ReplicationChart::replotNow);
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] { ++m_replots; });
    if (history) {
        connect(history, &ReplicationHistory::sampleAdded, this, &ReplicationChart::scheduleReplot);
        connect(history, &ReplicationHistory::eventsAdded, this, &ReplicationChart::scheduleReplot);
        connect(history, &ReplicationHistory::markerAdded, this, &ReplicationChart::scheduleReplot);
        connect(history, &ReplicationHistory::cleared, this, &ReplicationChart::scheduleReplot);
    }

    applyPalette();
    const double now = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    for (QCPAxisRect *rect : {m_healthRect, m_leaderRect, m_isrRect}) {
        rect->axis(QCPAxis::atBottom)->setRange(now - 60, now);
        rect->axis(QCPAxis::atLeft)->setRange(0, 5);
    }
    replotNow();
}

ReplicationChart::~ReplicationChart() = default;

void ReplicationChart::setIsrPartition(const QString &topic, int partition)
{
    if (topic == m_isrTopic && partition == m_isrPartition)
        return;
    m_isrTopic = topic;
    m_isrPartition = topic.isEmpty() ? -1 : partition;
    scheduleReplot();
}

void ReplicationChart::scheduleReplot()
{
    if (!m_replotTimer->isActive())
        m_replotTimer->start();
}

bool ReplicationChart::isReplotPending() const
{
    return m_replotTimer->isActive();
}

QCPGraph *ReplicationChart::leaderGraph(int broker)
{
    if (QCPGraph *g = m_leaders.value(broker))
        return g;
    QCPGraph *g = m_plot->addGraph(m_leaderRect->axis(QCPAxis::atBottom), m_leaderRect->axis(QCPAxis::atLeft));
    g->setName(tr("Leaders on %1").arg(broker));
    g->setLineStyle(QCPGraph::lsStepLeft);
    m_leaders.insert(broker, g);
    applyPalette(); // colours follow the brokers' order
    return g;
}

void ReplicationChart::replotNow()
{
    m_replotTimer->stop();
    const QList<ReplicationSample> samples = m_history ? m_history->samples() : QList<ReplicationSample>();
    QVector<double> keys, urp, offline;
    keys.reserve(samples.size());
    QMap<int, QList<double>> leaders;
    for (const ReplicationSample &s : samples) {
        keys << keyOf(s.timestamp);
        urp << s.underReplicated;
        offline << s.offline;
        for (auto it = s.leadersPerBroker.cbegin(); it != s.leadersPerBroker.cend(); ++it)
            leaders[it.key()]; // every broker ever listed gets a band
    }
    // A broker missing from a sample (not known yet) leads nothing there.
    for (auto it = leaders.begin(); it != leaders.end(); ++it)
        for (const ReplicationSample &s : samples)
            it.value() << s.leadersPerBroker.value(it.key(), 0);
    // Samples come in time order; keep the chart's keys sorted even if two snapshots were not.
    const bool sorted = std::is_sorted(keys.cbegin(), keys.cend());
    m_urp->setData(keys, urp, sorted);
    m_offline->setData(keys, offline, sorted);
    for (auto it = m_leaders.begin(); it != m_leaders.end();) {
        if (!leaders.contains(it.key())) { // another cluster, or a clear
            m_plot->removeGraph(it.value());
            it = m_leaders.erase(it);
        } else {
            ++it;
        }
    }
    // Stacked: each broker's band lies on the ones below it (lower ids first).
    m_leaderValues = leaders;
    QVector<double> stacked(keys.size(), 0.0);
    QCPGraph *below = nullptr;
    for (auto it = leaders.cbegin(); it != leaders.cend(); ++it) {
        for (qsizetype i = 0; i < stacked.size(); ++i)
            stacked[i] += it.value().at(i);
        QCPGraph *g = leaderGraph(it.key());
        g->setData(keys, stacked, sorted);
        g->setChannelFillGraph(below);
        below = g;
    }

    // The chosen partition's ISR size, held to the newest sample.
    QVector<double> isrKeys, isrValues;
    int isrTop = 1;
    const bool showIsr = !m_isrTopic.isEmpty();
    if (m_history && showIsr) {
        for (const auto &[time, size] : m_history->isrSizeSeries(m_isrTopic, m_isrPartition)) {
            isrKeys << keyOf(time);
            isrValues << size;
        }
        if (!isrKeys.isEmpty() && !keys.isEmpty() && keys.constLast() > isrKeys.constLast()) {
            isrKeys << keys.constLast();
            isrValues << isrValues.constLast();
        }
        if (const ClusterSnapshotPtr snap = m_history->latestSnapshot())
            if (const TopicState *t = snap->topic(m_isrTopic))
                if (const PartitionState *p = t->partition(m_isrPartition))
                    isrTop = std::max(isrTop, static_cast<int>(p->replicas.size()));
        for (const double v : std::as_const(isrValues))
            isrTop = std::max(isrTop, static_cast<int>(v));
    }
    m_isr->setData(isrKeys, isrValues, true);
    m_isr->setName(showIsr ? tr("ISR size of %1-%2").arg(m_isrTopic).arg(m_isrPartition) : tr("ISR size"));
    if (showIsr)
        (void)m_isr->addToLegend(); // false when it is there already
    else
        (void)m_isr->removeFromLegend();
    m_isrEmpty->setText(showIsr ? tr("No snapshot has listed %1-%2 yet").arg(m_isrTopic).arg(m_isrPartition)
                                : tr("Select an event of a partition to draw its ISR size"));
    m_isrEmpty->setVisible(isrKeys.isEmpty() && !samples.isEmpty());
    m_isrRect->axis(QCPAxis::atLeft)->setRange(0, isrTop + 0.5);

    m_empty->setVisible(samples.isEmpty());
    if (!keys.isEmpty()) {
        constexpr double minimumSpan = 60;
        double from = *std::min_element(keys.cbegin(), keys.cend());
        const double to = *std::max_element(keys.cbegin(), keys.cend());
        const double margin = std::max(to - from, minimumSpan) / 40;
        from = std::min(from, to - minimumSpan);
        for (QCPAxisRect *rect : {m_healthRect, m_leaderRect, m_isrRect})
            rect->axis(QCPAxis::atBottom)->setRange(from - margin, to + margin);
        double top = 0;
        for (const QVector<double> *v : {&urp, &offline})
            for (const double x : *v)
                top = std::max(top, x);
        m_healthRect->axis(QCPAxis::atLeft)->setRange(0, std::max(5.0, top * 1.15));
        const double leadersTop = stacked.isEmpty() ? 0 : *std::max_element(stacked.cbegin(), stacked.cend());
        m_leaderRect->axis(QCPAxis::atLeft)->setRange(0, std::max(3.0, leadersTop * 1.1));
    }
    const QCPRange range = m_healthRect->axis(QCPAxis::atBottom)->range();
    rebuildMarkers(range.lower, range.upper);

    QStringList tip;
    if (!samples.isEmpty()) {
        const ReplicationSample &last = samples.constLast();
        tip << tr("Under-replicated partitions: %1").arg(last.underReplicated)
            << tr("Offline partitions: %1").arg(last.offline);
        for (auto it = last.leadersPerBroker.cbegin(); it != last.leadersPerBroker.cend(); ++it)
            tip << tr("Broker %1 leads %2").arg(it.key()).arg(it.value());
        if (showIsr && !isrValues.isEmpty())
            tip << tr("ISR size of %1-%2: %3").arg(m_isrTopic).arg(m_isrPartition).arg(isrValues.constLast());
    }
    setToolTip(tip.join(QLatin1Char('\n')));
    setAccessibleDescription(toolTip());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ReplicationChart::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    plotstyle::applyPalette(m_plot, pal, font());
    styleAxisRect(m_leaderRect);
    styleAxisRect(m_isrRect);
    for (QCPItemText *t : {m_empty, m_isrEmpty}) {
        t->setColor(pal.color(QPalette::PlaceholderText));
        t->setFont(font());
    }
    m_urp->setPen(QPen(urpColour, 2.6));
    m_urp->setBrush(QColor(urpColour.red(), urpColour.green(), urpColour.blue(), 40));
    m_offline->setPen(QPen(offlineColour, 2.6));
    m_offline->setBrush(QColor(offlineColour.red(), offlineColour.green(), offlineColour.blue(), 50));
    m_isr->setPen(QPen(text, 2.2));
    int i = 0;
    for (QCPGraph *g : std::as_const(m_leaders)) {
        const QColor c = brokerColours().at(i++ % brokerColours().size());
        g->setPen(QPen(c.darker(115), 1.2));
        g->setBrush(QColor(c.red(), c.green(), c.blue(), 120));
    }
}

void ReplicationChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyPalette();
        scheduleReplot();
    }
}

QList<double> ReplicationChart::underReplicatedValues() const { return valuesOf(m_urp); }
QList<double> ReplicationChart::offlineValues() const { return valuesOf(m_offline); }
QList<int> ReplicationChart::leaderBrokers() const { return m_leaders.keys(); }
QList<double> ReplicationChart::leaderValues(int broker) const { return m_leaderValues.value(broker); }
QList<double> ReplicationChart::isrValues() const { return valuesOf(m_isr); }
QString ReplicationChart::emptyText() const { return m_empty->visible() ? m_empty->text() : QString(); }

QStringList ReplicationChart::legendNames() const
{
    QStringList names;
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

} // namespace kafdesk
