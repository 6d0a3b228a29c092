#include "charts/brokerloadchart.h"

#include "charts/plotstyle.h"

#include <QEvent>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr double barWidth = 0.36;   // of one group's 1.0
constexpr double barSpacing = 0.04; // between a group's two bars
constexpr int maxValueLabels = 12;  // more groups than that and the value labels would crowd

// Mid-tone colours that read on a white and on a dark grey background alike.
const QColor leaderColour(58, 130, 214);
const QColor replicaColour(236, 150, 48);
const QColor downBand(220, 60, 50, 46);

} // namespace

BrokerLoadChart::BrokerLoadChart(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_plot = new QCustomPlot(this);
    m_plot->setMinimumHeight(180);
    layout->addWidget(m_plot);

    m_leaders = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_replicas = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_leaders->setName(tr("Leaders"));
    m_replicas->setName(tr("Replicas"));
    auto *group = new QCPBarsGroup(m_plot);
    group->setSpacingType(QCPBarsGroup::stPlotCoords);
    group->setSpacing(barSpacing);
    for (QCPBars *bars : {m_leaders, m_replicas}) {
        bars->setWidth(barWidth);
        bars->setBarsGroup(group);
        bars->setAntialiased(false);
    }

    m_plot->xAxis->setLabel(tr("Broker"));
    m_plot->yAxis->setLabel(tr("Partitions"));
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->xAxis->setSubTicks(false);
    m_plot->xAxis->setTickLength(0, 4);
    // Whole partitions only: steps are multiples of 1 (a readable 1, 2, 5, 10, ...), so a small or
    // empty cluster does not get ticks at 0.25 printed as "0, 0, 1".
    plotstyle::useWholeNumberTicks(m_plot->yAxis);

    // The legend in a row of its own above the axes (so it never covers a bar), at the right,
    // its items side by side: an empty element on its left takes the row's spare width.
    plotstyle::placeLegendAbove(m_plot);

    applyPalette();
    rebuild();
}

BrokerLoadChart::~BrokerLoadChart() = default;

void BrokerLoadChart::setBrokers(QList<Broker> brokers)
{
    std::sort(brokers.begin(), brokers.end(), [](const Broker &a, const Broker &b) { return a.id < b.id; });
    if (brokers == m_brokers)
        return;
    m_brokers = std::move(brokers);
    rebuild();
}

void BrokerLoadChart::rebuild()
{
    ++m_redraws;
    const int n = static_cast<int>(m_brokers.size());
    QVector<double> keys, leaders, replicas;
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    m_plot->clearItems();
    const QColor text = palette().color(QPalette::WindowText);
    int maxValue = 0;
    QStringList tip;
    for (int i = 0; i < n; ++i) {
        const Broker &b = m_brokers.at(i);
        keys << i;
        leaders << b.leaders;
        replicas << b.replicas;
        maxValue = std::max({maxValue, b.leaders, b.replicas});
        QString label = n <= 10 ? tr("Broker %1").arg(b.id) : QString::number(b.id);
        if (!b.alive)
            label += QLatin1Char('\n') + tr("(down)");
        ticker->addTick(i, label);
        tip << tr("Broker %1%2: %3 leaders, %4 replicas")
                   .arg(b.id)
                   .arg(b.alive ? QString() : tr(" (down)"))
                   .arg(b.leaders)
                   .arg(b.replicas);
        if (!b.alive) {
            auto *band = new QCPItemRect(m_plot);
            band->setLayer(QStringLiteral("background"));
            band->topLeft->setTypeX(QCPItemPosition::ptPlotCoords);
            band->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
            band->bottomRight->setTypeX(QCPItemPosition::ptPlotCoords);
            band->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
            band->topLeft->setCoords(i - 0.5, 0);
            band->bottomRight->setCoords(i + 0.5, 1);
            band->setPen(Qt::NoPen);
            band->setBrush(downBand);
        }
    }
    m_leaders->setData(keys, leaders, true);
    m_replicas->setData(keys, replicas, true);
    m_plot->xAxis->setTicker(ticker);
    m_plot->xAxis->setRange(-0.6, std::max(n, 1) - 0.4);
    // Head room for the value labels above the tallest bar.
    m_plot->yAxis->setRange(0, std::max(4.0, maxValue * 1.18 + 0.5));

    if (n <= maxValueLabels) {
        const double offset = (barWidth + barSpacing) / 2;
        for (int i = 0; i < n; ++i) {
            const Broker &b = m_brokers.at(i);
            for (const auto &[x, value] : {std::pair{i - offset, b.leaders}, std::pair{i + offset, b.replicas}}) {
                auto *label = new QCPItemText(m_plot);
                label->position->setType(QCPItemPosition::ptPlotCoords);
                label->position->setCoords(x, value);
                label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
                label->setPadding(QMargins(0, 0, 0, 2));
                label->setText(QString::number(value));
                label->setColor(text);
                label->setClipToAxisRect(false);
            }
        }
    }
    setToolTip(tip.join(QLatin1Char('\n')));
    setAccessibleDescription(toolTip());
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void BrokerLoadChart::applyPalette()
{
    plotstyle::applyPalette(m_plot, palette(), font());
    m_leaders->setPen(QPen(leaderColour.darker(130), 1));
    m_leaders->setBrush(leaderColour);
    m_replicas->setPen(QPen(replicaColour.darker(130), 1));
    m_replicas->setBrush(replicaColour);
}

void BrokerLoadChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    const bool looks = event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange;
    if (looks && m_plot && m_leaders) {
        applyPalette();
        rebuild(); // the value labels take their colour from the palette too
    }
}

QList<double> BrokerLoadChart::leaderBarValues() const
{
    QList<double> values;
    for (auto it = m_leaders->data()->constBegin(); it != m_leaders->data()->constEnd(); ++it)
        values << it->value;
    return values;
}

QList<double> BrokerLoadChart::replicaBarValues() const
{
    QList<double> values;
    for (auto it = m_replicas->data()->constBegin(); it != m_replicas->data()->constEnd(); ++it)
        values << it->value;
    return values;
}

QStringList BrokerLoadChart::brokerLabels() const
{
    const auto ticker = m_plot->xAxis->ticker().dynamicCast<QCPAxisTickerText>();
    return ticker ? QStringList(ticker->ticks().values()) : QStringList();
}

} // namespace kafdesk
