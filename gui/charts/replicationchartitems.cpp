// The replication chart's markers (labelled vertical lines) and the look of its extra plots.
#include "charts/replicationchart.h"

#include "charts/plotstyle.h"
#include "cluster/replicationhistory.h"

#include <algorithm>
#include <limits>

namespace kafdesk {

namespace {

// "Killed node 2 (SIGKILL)" fits; a long sentence is cut with an ellipsis.
QString shortLabel(const QString &text)
{
    constexpr int maxChars = 28;
    return text.size() <= maxChars ? text : QString(text.left(maxChars - 1) + QChar(0x2026));
}

} // namespace

void ReplicationChart::rebuildMarkers(double from, double to)
{
    for (QCPAbstractItem *item : std::as_const(m_markerItems))
        m_plot->removeItem(item);
    m_markerItems.clear();
    m_labels.clear();
    m_markerLines = 0;
    if (!m_history)
        return;
    const QList<TimelineMarker> &markers = m_history->markers();
    const QColor text = palette().color(QPalette::WindowText);
    QFont labelFont = font();
    labelFont.setPointSizeF(std::max(6.0, labelFont.pointSizeF() * 0.85));
    const double minGapPx = QFontMetrics(labelFont).height() + 2; // labels run upwards, side by side
    double lastLabelPx = std::numeric_limits<double>::lowest();
    int labelsLeft = maxMarkerLabels;
    QCPAxis *healthX = m_healthRect->axis(QCPAxis::atBottom);
    // The newest markers get labels: walk from the end.
    for (qsizetype i = markers.size() - 1; i >= 0; --i) {
        const TimelineMarker &m = markers.at(i);
        const double key = keyOf(m.timestamp);
        if (key < from || key > to)
            continue;
        QColor colour = m.source == TimelineMarker::Source::Drill ? QColor(150, 110, 220) : text;
        colour.setAlpha(180);
        for (QCPAxisRect *rect : {m_healthRect, m_leaderRect, m_isrRect}) {
            auto *line = new QCPItemLine(m_plot);
            line->setClipAxisRect(rect);
            for (QCPItemPosition *end : {line->start, line->end}) {
                end->setAxes(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
                end->setAxisRect(rect);
                end->setTypeX(QCPItemPosition::ptPlotCoords);
                end->setTypeY(QCPItemPosition::ptAxisRectRatio);
            }
            line->start->setCoords(key, 0);
            line->end->setCoords(key, 1);
            line->setPen(QPen(colour, 1.2, Qt::DashLine));
            line->setSelectable(false);
            m_markerItems << line;
        }
        ++m_markerLines;
        const double px = healthX->coordToPixel(key);
        if (labelsLeft <= 0 || std::abs(lastLabelPx - px) < minGapPx)
            continue; // too close to a newer marker's label: the line alone
        auto *label = new QCPItemText(m_plot);
        label->setClipAxisRect(m_healthRect);
        label->position->setAxes(healthX, m_healthRect->axis(QCPAxis::atLeft));
        label->position->setAxisRect(m_healthRect);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(key, 0.03);
        label->setRotation(-90); // along the line, reading upwards, on its right
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        label->setPadding(QMargins(3, 1, 3, 1));
        // As long as the plot is high (the label runs along the line), at most maxChars.
        const int room = static_cast<int>(m_healthRect->height() * 0.94) - 6;
        label->setText(QFontMetrics(labelFont).elidedText(shortLabel(m.text), Qt::ElideRight, std::max(room, 20)));
        label->setFont(labelFont);
        label->setColor(text);
        label->setBrush(palette().brush(QPalette::Base)); // readable over the lines it crosses
        label->setSelectable(false);
        m_markerItems << label;
        m_labels.prepend(label->text());
        lastLabelPx = px;
        --labelsLeft;
    }
}

void ReplicationChart::styleAxisRect(QCPAxisRect *rect)
{
    // plotstyle::applyPalette styles the first axis rect; the other two look the same.
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    QColor grid = text;
    grid.setAlpha(40);
    QFont labelFont = font();
    labelFont.setBold(true);
    rect->setBackground(pal.brush(QPalette::Base));
    for (QCPAxis *axis : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)}) {
        axis->setBasePen(QPen(text, 1));
        axis->setTickPen(QPen(text, 1));
        axis->setSubTickPen(QPen(text, 1));
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setTickLabelFont(font());
        axis->setLabelFont(labelFont);
        axis->grid()->setPen(QPen(grid, 1, Qt::DashLine));
        axis->grid()->setZeroLinePen(Qt::NoPen);
    }
}

} // namespace kafdesk
