#include "widgets/appicon.h"

#include <QPainter>
#include <QPixmap>

namespace kafdesk::appicon {

namespace {

QString resourcePath(int size)
{
    return QStringLiteral(":/icons/kafdesk-%1.png").arg(size);
}

// The badge fills the lower right quarter and a bit more: at 16 px it is 8 px across, the
// smallest that still shows its colour next to the icon's own blue and orange.
QRectF badgeRect(int size)
{
    const qreal d = size * 0.5;
    return {size - d, size - d, d, d};
}

} // namespace

QList<int> sizes()
{
    return {16, 32, 48, 64, 128, 256};
}

QIcon plain()
{
    QIcon icon;
    for (int size : sizes())
        icon.addFile(resourcePath(size), QSize(size, size));
    return icon;
}

QIcon withBadge(const QColor &colour)
{
    if (!colour.isValid())
        return plain();
    QIcon icon;
    for (int size : sizes()) {
        QPixmap pixmap(resourcePath(size));
        if (pixmap.isNull())
            continue;
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        // A white ring keeps a dark or blue label colour apart from the icon's blue square.
        const qreal ring = qMax(1.0, size / 16.0);
        const QRectF outer = badgeRect(size);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawEllipse(outer);
        QColor fill = colour;
        fill.setAlpha(255);
        painter.setBrush(fill);
        painter.drawEllipse(outer.adjusted(ring, ring, -ring, -ring));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QPoint badgeCentre(int size)
{
    return badgeRect(size).center().toPoint();
}

} // namespace kafdesk::appicon
