#include "charts/lagchart.h"

#include "charts/plotstyle.h"

#include <QEvent>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace kafdesk {

namespace {

// Mid-tone colours that read on a white and on a dark grey background alike.
const QList<QColor> &topicColours()
{
    static const QList<QColor> colours{QColor(58, 130, 214), QColor(236, 150, 48), QColor(76, 175, 80),
                                       QColor(214, 82, 130),  QColor(150, 110, 220), QColor(0, 172, 193),
                                       QColor(200, 170, 40),  QColor(230, 90, 60)};
    return colours;
}

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

LagChart::LagChart(QWidget *parent) : QWidget(parent), m_replotTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumHeight(200);
    m_plot->setNotAntialiasedElements(QCP::aeAll);
    m_plot->setAntialiasedElements(QCP::aePlottables);
    layout->addWidget(m_plot);

    m_total = m_plot->addGraph();
    m_total->setName(tr("Total"));

    auto timeTicker = QSharedPointer<QCPAxisTickerDateTime>::create();
    timeTicker->setDateTimeFormat(QStringLiteral("HH:mm:ss"));
    timeTicker->setDateTimeSpec(Qt::LocalTime);
    timeTicker->setTickCount(6);
    m_plot->xAxis->setTicker(timeTicker);
    m_plot->xAxis->setLabel(tr("Time"));
    m_plot->yAxis->setLabel(tr("Lag (messages)"));
    plotstyle::useWholeNumberTicks(m_plot->yAxis);

    // The legend in a row of its own above the axes (it never covers a line), its items side by side.
    plotstyle::placeLegendAbove(m_plot, 6);

    m_empty = new QCPItemText(m_plot);
    m_empty->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_empty->position->setCoords(0.5, 0.5);
    m_empty->setText(tr("Waiting for the first lag sample…"));

    m_replotTimer->setSingleShot(true);
    m_replotTimer->setInterval(replotIntervalMs);
    connect(m_replotTimer, &QTimer::timeout, this, &LagChart::replotNow);
    connect(m_plot, &QCustomPlot::afterReplot, this, [this] { ++m_replots; });

    applyPalette();
    const double now = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    m_plot->xAxis->setRange(now - 60, now);
    m_plot->yAxis->setRange(0, 10);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

LagChart::~LagChart() = default;

QCPGraph *LagChart::topicGraph(const QString &topic)
{
    if (QCPGraph *g = m_topics.value(topic))
        return g;
    QCPGraph *g = m_plot->addGraph();
    g->setName(topic);
    m_topics.insert(topic, g);
    applyPalette(); // colours follow the topics' order
    return g;
}

void LagChart::addSample(const QDateTime &time, qint64 total, const QMap<QString, qint64> &perTopic)
{
    const double key = static_cast<double>(time.toMSecsSinceEpoch()) / 1000.0;
    if (!time.isValid() || (pointCount() > 0 && key <= m_lastKey))
        return;
    m_lastKey = key;
    m_total->addData(key, static_cast<double>(total));
    for (auto it = perTopic.cbegin(); it != perTopic.cend(); ++it)
        topicGraph(it.key())->addData(key, static_cast<double>(it.value()));
    trim();
    scheduleReplot();
}

void LagChart::clear()
{
    for (QCPGraph *g : std::as_const(m_topics))
        m_plot->removeGraph(g);
    m_topics.clear();
    m_total->data()->clear();
    m_lastKey = 0;
    scheduleReplot();
}

void LagChart::setEmptyText(const QString &text)
{
    if (text == m_empty->text())
        return;
    m_empty->setText(text);
    scheduleReplot();
}

QString LagChart::emptyText() const
{
    return m_empty->text();
}

void LagChart::setMinimumSpan(double seconds)
{
    m_minimumSpan = std::max(1.0, seconds);
    scheduleReplot();
}

void LagChart::trim()
{
    const auto samples = m_total->data();
    double oldest = m_lastKey - historySeconds;
    if (samples->size() > maxPoints)
        oldest = std::max(oldest, (samples->constEnd() - maxPoints)->key);
    samples->removeBefore(oldest);
    for (auto it = m_topics.begin(); it != m_topics.end();) {
        it.value()->data()->removeBefore(oldest);
        if (it.value()->data()->isEmpty()) {
            m_plot->removeGraph(it.value()); // a topic gone for the whole history
            it = m_topics.erase(it);
        } else {
            ++it;
        }
    }
}

void LagChart::scheduleReplot()
{
    if (!m_replotTimer->isActive())
        m_replotTimer->start();
}

bool LagChart::isReplotPending() const
{
    return m_replotTimer->isActive();
}

void LagChart::replotNow()
{
    const auto samples = m_total->data();
    m_empty->setVisible(samples->isEmpty());
    if (!samples->isEmpty()) {
        const double first = samples->constBegin()->key;
        const double margin = m_minimumSpan / 30;
        m_plot->xAxis->setRange(std::min(first, m_lastKey - m_minimumSpan) - margin, m_lastKey + margin);
        double top = 0;
        for (int i = 0; i < m_plot->graphCount(); ++i) {
            bool found = false;
            const QCPRange r = m_plot->graph(i)->getValueRange(found);
            if (found)
                top = std::max(top, r.upper);
        }
        m_plot->yAxis->setRange(0, std::max(10.0, top * 1.15));
    }
    QStringList tip;
    tip << tr("Total lag: %1").arg(samples->isEmpty() ? QStringLiteral("—") : QString::number(samples->constEnd()[-1].value, 'f', 0));
    for (auto it = m_topics.cbegin(); it != m_topics.cend(); ++it) {
        const auto d = it.value()->data();
        if (!d->isEmpty())
            tip << tr("%1: %2").arg(it.key(), QString::number(d->constEnd()[-1].value, 'f', 0));
    }
    setToolTip(tip.join(QLatin1Char('\n')));
    setAccessibleDescription(toolTip());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LagChart::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    plotstyle::applyPalette(m_plot, pal, font());
    m_empty->setColor(pal.color(QPalette::PlaceholderText));
    m_empty->setFont(font());
    m_total->setPen(QPen(text, 2.5));
    m_total->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, text, 4));
    int i = 0;
    for (QCPGraph *g : std::as_const(m_topics)) {
        const QColor c = topicColours().at(i++ % topicColours().size());
        g->setPen(QPen(c, 1.6));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, c, 3));
    }
}

void LagChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        applyPalette();
        scheduleReplot();
    }
}

QColor LagChart::totalColour() const
{
    return m_total->pen().color();
}

int LagChart::pointCount() const
{
    return m_total->data()->size();
}

QStringList LagChart::topics() const
{
    return m_topics.keys();
}

QList<double> LagChart::totalValues() const
{
    return valuesOf(m_total);
}

QList<double> LagChart::topicValues(const QString &topic) const
{
    return valuesOf(m_topics.value(topic));
}

QStringList LagChart::legendNames() const
{
    QStringList names;
    for (int i = 0; i < m_plot->legend->itemCount(); ++i)
        if (auto *item = qobject_cast<QCPPlottableLegendItem *>(m_plot->legend->item(i)))
            names << item->plottable()->name();
    return names;
}

} // namespace kafdesk
