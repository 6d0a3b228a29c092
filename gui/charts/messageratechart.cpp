#include "charts/messageratechart.h"

#include "charts/plotstyle.h"

#include <QEvent>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

// A mid-tone blue that reads on a white and on a dark grey background alike.
const QColor lineColour(58, 130, 214);

} // namespace

MessageRateChart::MessageRateChart(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumHeight(110);
    m_plot->setNoAntialiasingOnDrag(true);
    layout->addWidget(m_plot);

    m_graph = m_plot->addGraph();
    m_graph->setLineStyle(QCPGraph::lsLine);
    m_plot->xAxis->setRange(-historySeconds, 0);
    // "60 s" … "10 s", "now": how long ago, without an axis label taking a row of its own.
    auto xTicker = QSharedPointer<QCPAxisTickerText>::create();
    for (int s = historySeconds; s > 0; s -= 10)
        xTicker->addTick(-s, tr("%1 s").arg(s));
    xTicker->addTick(0, tr("now"));
    m_plot->xAxis->setTicker(xTicker);
    m_plot->xAxis->setSubTicks(false);
    // The top of the axis is a round number (10, 20, 50, 100, ...) with a tick at its middle.
    auto yTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    yTicker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    yTicker->setTickStep(5);
    m_plot->yAxis->setTicker(yTicker);
    m_plot->yAxis->setNumberFormat(QStringLiteral("f"));
    m_plot->yAxis->setNumberPrecision(0);
    m_plot->yAxis->setRange(0, 10);
    m_plot->yAxis->setSubTicks(false);

    m_label = new QCPItemText(m_plot);
    m_label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_label->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_label->position->setCoords(0.01, 0.04);
    m_label->setPadding(QMargins(4, 2, 4, 2));

    m_timer.setInterval(sampleMs);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &MessageRateChart::takeSample);
    m_clock.start();
    applyPalette();
    redraw();
}

MessageRateChart::~MessageRateChart() = default;

void MessageRateChart::addMessages(qint64 count)
{
    m_pending += count;
}

void MessageRateChart::setActive(bool active)
{
    if (active == m_timer.isActive())
        return;
    if (active) {
        m_lastSampleAt = m_clock.elapsed() / 1000.0;
        m_timer.start();
    } else {
        takeSample(); // what arrived since the last sample still counts
        m_timer.stop();
    }
}

void MessageRateChart::clear()
{
    m_samples.clear();
    m_pending = 0;
    m_clock.restart();
    m_lastSampleAt = 0;
    redraw();
}

QList<QPointF> MessageRateChart::samples() const
{
    QList<QPointF> out;
    out.reserve(m_samples.size());
    for (const Sample &s : m_samples)
        out << QPointF(s.at, s.rate);
    return out;
}

void MessageRateChart::takeSample()
{
    const double now = m_clock.elapsed() / 1000.0;
    const double span = now - m_lastSampleAt;
    if (span <= 0.05)
        return;
    m_samples << Sample{now, m_pending / span};
    m_pending = 0;
    m_lastSampleAt = now;
    while (!m_samples.isEmpty() && m_samples.first().at < now - historySeconds - 1)
        m_samples.removeFirst();
    redraw();
}

void MessageRateChart::redraw()
{
    ++m_replots;
    const double now = m_samples.isEmpty() ? 0.0 : m_samples.last().at;
    QVector<double> keys, values;
    keys.reserve(m_samples.size());
    values.reserve(m_samples.size());
    double top = 0;
    for (const Sample &s : m_samples) {
        keys << s.at - now;
        values << s.rate;
        top = std::max(top, s.rate);
    }
    m_graph->setData(keys, values, true);
    // 1, 2 or 5 times a power of ten, at least 10, above the highest sample.
    static constexpr double factors[] = {2.0, 2.5, 2.0}; // 10, 20, 50, 100, 200, 500, ...
    double axisTop = 10;
    for (int k = 0; axisTop < top * 1.1; k = (k + 1) % 3)
        axisTop *= factors[k];
    m_plot->yAxis->setRange(0, axisTop);
    m_plot->yAxis->ticker().staticCast<QCPAxisTickerFixed>()->setTickStep(axisTop / 2);
    const QString current = QLocale().toString(qRound64(currentRate()));
    const QString peak = QLocale().toString(qRound64(top));
    m_label->setText(m_samples.isEmpty() ? tr("Messages per second: none yet")
                                         : tr("Messages per second: %1 now, %2 at most in the last minute").arg(current, peak));
    setToolTip(tr("Messages per second over the last minute; now: %1, peak: %2").arg(current, peak));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MessageRateChart::applyPalette()
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    plotstyle::applyPalette(m_plot, pal, font(), false);
    m_graph->setPen(QPen(lineColour, 2));
    QColor fill = lineColour;
    fill.setAlpha(60);
    m_graph->setBrush(fill);
    m_label->setColor(text);
    QFont bold = font();
    bold.setBold(true);
    m_label->setFont(bold);
}

void MessageRateChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) && m_graph) {
        applyPalette();
        redraw();
    }
}

} // namespace kafdesk
