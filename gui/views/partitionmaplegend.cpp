#include "views/partitionmaplegend.h"

#include "views/partitionmapdelegate.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr QSize chipSize(28, 22);
constexpr int chipGap = 6;    // between a chip and its words
constexpr int entryGap = 18;  // between entries on a line
constexpr int lineGap = 4;
constexpr int topMargin = 4;

} // namespace

PartitionMapLegend::PartitionMapLegend(QWidget *parent)
    : QWidget(parent)
    , m_kinds{PartitionMapModel::Leader, PartitionMapModel::InSyncFollower, PartitionMapModel::OutOfSyncFollower,
              PartitionMapModel::OnDownBroker, PartitionMapModel::OfflineLeaderless}
{
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

int PartitionMapLegend::entryWidth(PartitionMapModel::ReplicaCell kind) const
{
    return chipSize.width() + chipGap + fontMetrics().horizontalAdvance(PartitionMapModel::shortMeaning(kind));
}

int PartitionMapLegend::lineHeight() const
{
    return std::max(chipSize.height(), fontMetrics().height());
}

QList<QRect> PartitionMapLegend::entryRects(int width) const
{
    // Fill lines left to right, then centre each line.
    QList<QRect> rects;
    QList<int> lineStarts{0};
    int x = 0;
    int y = topMargin;
    for (const PartitionMapModel::ReplicaCell kind : m_kinds) {
        const int w = entryWidth(kind);
        if (x > 0 && x + w > width) {
            lineStarts << static_cast<int>(rects.size());
            x = 0;
            y += lineHeight() + lineGap;
        }
        rects << QRect(x, y, w, lineHeight());
        x += w + entryGap;
    }
    lineStarts << static_cast<int>(rects.size());
    for (int line = 0; line + 1 < lineStarts.size(); ++line) {
        const int first = lineStarts.at(line);
        const int last = lineStarts.at(line + 1) - 1;
        const int shift = std::max(0, (width - rects.at(last).right() - 1) / 2);
        for (int i = first; i <= last; ++i)
            rects[i].translate(shift, 0);
    }
    return rects;
}

QSize PartitionMapLegend::sizeHint() const
{
    int width = 0;
    for (const PartitionMapModel::ReplicaCell kind : m_kinds)
        width += entryWidth(kind) + entryGap;
    width -= entryGap;
    return {width, heightForWidth(width)};
}

QSize PartitionMapLegend::minimumSizeHint() const
{
    int widest = 0;
    for (const PartitionMapModel::ReplicaCell kind : m_kinds)
        widest = std::max(widest, entryWidth(kind));
    return {widest, heightForWidth(widest)};
}

int PartitionMapLegend::heightForWidth(int width) const
{
    const QList<QRect> rects = entryRects(width);
    return rects.isEmpty() ? 0 : rects.last().bottom() + 1;
}

bool PartitionMapLegend::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QList<QRect> rects = entryRects(width());
        for (int i = 0; i < rects.size(); ++i) {
            if (rects.at(i).contains(help->pos())) {
                QToolTip::showText(help->globalPos(), PartitionMapModel::meaning(m_kinds.at(i)), this, rects.at(i));
                return true;
            }
        }
        QToolTip::hideText();
        event->ignore();
        return true;
    }
    return QWidget::event(event);
}

void PartitionMapLegend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QList<QRect> rects = entryRects(width());
    for (int i = 0; i < rects.size(); ++i) {
        const PartitionMapModel::ReplicaCell kind = m_kinds.at(i);
        const QRect &r = rects.at(i);
        const QRect chip(r.left(), r.top() + (r.height() - chipSize.height()) / 2, chipSize.width(), chipSize.height());
        PartitionMapDelegate::paintChip(&painter, chip, PartitionMapModel::background(kind),
                                        PartitionMapModel::foreground(kind), PartitionMapModel::symbol(kind), font());
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(r.adjusted(chipSize.width() + chipGap, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                         PartitionMapModel::shortMeaning(kind));
    }
}

} // namespace kafdesk
