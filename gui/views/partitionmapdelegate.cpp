#include "views/partitionmapdelegate.h"

#include "models/partitionmapmodel.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr qreal chipMargin = 3.0;
constexpr qreal chipRadius = 5.0;

// The outline of a lone symbol in a font. Building it is the dearest part of painting a chip, and
// a map of thousands of rows repaints the same five symbols all the time while cells flash.
QPainterPath glyphPath(const QFont &font, const QString &label)
{
    static QHash<QString, QPainterPath> cache;
    const QString key = font.key() + QLatin1Char('\x1f') + label;
    auto it = cache.constFind(key);
    if (it == cache.cend()) {
        if (cache.size() > 256)
            cache.clear();
        QPainterPath glyph;
        glyph.addText(0, 0, font, label);
        it = cache.insert(key, glyph);
    }
    return it.value();
}

} // namespace

PartitionMapDelegate::PartitionMapDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QFont PartitionMapDelegate::textFont(const QFont &base) const
{
    QFont f = base;
    if (m_textScale != 1.0)
        f.setPointSizeF(base.pointSizeF() * m_textScale);
    return f;
}

void PartitionMapDelegate::paintChip(QPainter *painter, const QRectF &rect, const QColor &fill, const QColor &text,
                                     const QString &label, const QFont &font)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (fill.isValid()) {
        painter->setPen(QPen(fill.darker(125), 1.0));
        painter->setBrush(fill);
        painter->drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), chipRadius, chipRadius);
    }
    if (label.size() == 1) {
        // A lone symbol: its ink is scaled to a fixed share of the chip and centred, because the
        // font's glyphs differ in size and sit at different heights (● is bigger and lower than ★).
        const QPainterPath glyph = glyphPath(font, label);
        const QRectF ink = glyph.boundingRect();
        const qreal side = std::min(rect.height(), rect.width()) * 0.46;
        const qreal scale = side / std::max(ink.width(), ink.height());
        QTransform t;
        t.translate(rect.center().x(), rect.center().y());
        t.scale(scale, scale);
        t.translate(-ink.center().x(), -ink.center().y());
        painter->setPen(Qt::NoPen);
        painter->setBrush(text);
        painter->drawPath(t.map(glyph));
    } else if (!label.isEmpty()) {
        painter->setFont(font);
        painter->setPen(text);
        painter->drawText(rect, Qt::AlignCenter, label);
    }
    painter->restore();
}

void PartitionMapDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.data(PartitionMapModel::CellKindRole).isValid()) {
        QStyledItemDelegate::paint(painter, option, index); // a text column beside the map
        return;
    }
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (opt.state & QStyle::State_Selected) {
        // A selected row: the chips sit on the highlight, as text would.
        QColor band = opt.palette.color(QPalette::Highlight);
        band.setAlphaF(0.35);
        painter->fillRect(opt.rect, band);
    }
    const QRectF chip = QRectF(opt.rect).adjusted(chipMargin, chipMargin, -chipMargin, -chipMargin);
    const QColor fill = index.data(Qt::BackgroundRole).value<QBrush>().color();
    const QVariant fg = index.data(Qt::ForegroundRole);
    const QColor text = fg.isValid() ? fg.value<QBrush>().color() : opt.palette.color(QPalette::Text);
    const bool hasFill = index.data(Qt::BackgroundRole).isValid();
    paintChip(painter, chip, hasFill ? fill : QColor(), text, opt.text, textFont(opt.font));

    const qreal level = m_flashLevel ? m_flashLevel(index) : 0.0;
    if (level > 0.0) {
        // The cell just changed: it lights up and a ring in the palette's highlight colour goes
        // round it, both fading out. A light wash rather than a tint, so the kind stays readable.
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        QColor wash(Qt::white);
        wash.setAlphaF(0.3 * level);
        // On a selected row the highlight is the background: the ring takes the text's colour on it.
        QColor ring = opt.palette.color((opt.state & QStyle::State_Selected) ? QPalette::HighlightedText
                                                                              : QPalette::Highlight);
        ring.setAlphaF(level);
        painter->setPen(Qt::NoPen);
        painter->setBrush(wash);
        painter->drawRoundedRect(chip, chipRadius, chipRadius);
        painter->setPen(QPen(ring, 2.5));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(chip.adjusted(-1.5, -1.5, 1.5, 1.5), chipRadius + 1.5, chipRadius + 1.5);
        painter->restore();
    }
    if (opt.state & QStyle::State_HasFocus) {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(opt.palette.color(QPalette::Highlight), 1.5, Qt::DashLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(opt.rect).adjusted(1, 1, -1, -1), chipRadius, chipRadius);
        painter->restore();
    }
}

QSize PartitionMapDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (!index.data(PartitionMapModel::CellKindRole).isValid())
        return QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QFontMetrics fm(textFont(opt.font));
    const QSize text = fm.size(Qt::TextSingleLine, opt.text);
    const int pad = 2 * static_cast<int>(chipMargin) + 16;
    return {std::max(m_minimumSize.width(), text.width() + pad), std::max(m_minimumSize.height(), text.height() + pad / 2)};
}

} // namespace kafdesk
