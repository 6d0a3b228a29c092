#include "widgets/connectionbadge.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

namespace kafdesk {

namespace {

constexpr int stripeWidth = 5;
constexpr int padding = 6;
constexpr int gap = 8;
constexpr int maxNameWidth = 260;

QFont pillFont(const QFont &base)
{
    QFont f = base;
    f.setBold(true);
    if (f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 0.82);
    else
        f.setPixelSize(qMax(8, f.pixelSize() * 82 / 100));
    f.setLetterSpacing(QFont::PercentageSpacing, 106);
    return f;
}

// A deep red with white text: 6:1 contrast, and it stands out on light and dark windows alike.
const QColor pillBackground(0xb3, 0x26, 0x1e);

// A small padlock: a body and a shackle, in the text's colour.
void paintLock(QPainter &painter, const QRectF &box, const QColor &colour)
{
    const qreal w = box.width();
    const QRectF body(box.left(), box.top() + box.height() * 0.45, w, box.height() * 0.55);
    QPen pen(colour, qMax(1.2, w * 0.16));
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    const QRectF shackle(box.left() + w * 0.2, box.top(), w * 0.6, box.height() * 0.8);
    painter.drawArc(shackle, 0, 180 * 16);
    painter.drawLine(QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), body.top()));
    painter.drawLine(QPointF(shackle.right(), shackle.center().y()), QPointF(shackle.right(), body.top()));
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(body, w * 0.12, w * 0.12);
}

} // namespace

ConnectionBadge::ConnectionBadge(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    setAccessibleName(tr("Connection"));
    updateToolTip();
}

QString ConnectionBadge::readOnlyText()
{
    return tr("READ-ONLY");
}

void ConnectionBadge::setConnection(const QString &name, const QColor &colour, bool readOnly)
{
    m_name = name;
    m_colour = colour;
    m_readOnly = readOnly;
    updateToolTip();
    updateGeometry();
    update();
}

void ConnectionBadge::clear()
{
    setConnection({}, {}, false);
}

QString ConnectionBadge::shownName() const
{
    return m_name.isEmpty() ? tr("Not connected") : m_name;
}

void ConnectionBadge::updateToolTip()
{
    QString tip = m_name.isEmpty() ? tr("Not connected to a cluster") : tr("Connected to %1").arg(m_name);
    if (m_readOnly)
        tip += QLatin1Char('\n') + tr("Read-only: Kafdesk refuses every change on this connection.");
    setToolTip(tip);
    setAccessibleDescription(tip);
}

QSize ConnectionBadge::readOnlyPillSize(const QFont &font)
{
    const QFontMetrics fm(pillFont(font));
    const int h = fm.height() + 4;
    const int lock = fm.ascent() * 7 / 10;
    return {fm.horizontalAdvance(readOnlyText()) + lock + 4 + 2 * 7, h};
}

void ConnectionBadge::paintReadOnlyPill(QPainter &painter, const QRect &rect, const QFont &font)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(pillBackground);
    painter.drawRoundedRect(QRectF(rect), rect.height() / 2.0, rect.height() / 2.0);
    const QFont f = pillFont(font);
    const QFontMetrics fm(f);
    const int lockW = fm.ascent() * 7 / 10;
    const qreal lockH = lockW * 1.25;
    const QRectF lockBox(rect.left() + 7, rect.center().y() - lockH / 2.0 + 0.5, lockW, lockH);
    paintLock(painter, lockBox, Qt::white);
    painter.setFont(f);
    painter.setPen(Qt::white);
    const QRect textRect(rect.left() + 7 + lockW + 4, rect.top(), rect.width() - 7 - lockW - 4, rect.height());
    painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, readOnlyText());
    painter.restore();
}

QSize ConnectionBadge::sizeHint() const
{
    QFont nameFont = font();
    nameFont.setBold(true);
    const QFontMetrics fm(nameFont);
    // +2: elidedText() elides a text given exactly its own advance.
    int w = stripeWidth + padding + qMin(fm.horizontalAdvance(shownName()) + 2, maxNameWidth) + padding;
    int h = fm.height() + 2 * padding;
    if (m_readOnly) {
        const QSize pill = readOnlyPillSize(font());
        w += gap - padding + pill.width() + padding;
        h = qMax(h, pill.height() + 2 * 4);
    }
    return {w, h};
}

QSize ConnectionBadge::minimumSizeHint() const
{
    // Room for a few characters of the name; the READ-ONLY pill never shrinks.
    QFont nameFont = font();
    nameFont.setBold(true);
    const QFontMetrics fm(nameFont);
    const QSize full = sizeHint();
    const int name = qMin(fm.horizontalAdvance(shownName()) + 2, maxNameWidth);
    return {full.width() - name + qMin(name, fm.horizontalAdvance(QLatin1Char('M')) * 6), full.height()};
}

void ConnectionBadge::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF chip = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    const qreal radius = 5;

    // The chip: the palette's own base and border, so it reads in light and dark themes.
    QPainterPath outline;
    outline.addRoundedRect(chip, radius, radius);
    painter.fillPath(outline, palette().color(QPalette::Base));
    if (m_colour.isValid()) {
        painter.save();
        painter.setClipPath(outline);
        painter.fillRect(QRectF(chip.left(), chip.top(), stripeWidth, chip.height()), m_colour);
        painter.restore();
    }
    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(outline);

    QFont nameFont = font();
    nameFont.setBold(!m_name.isEmpty());
    painter.setFont(nameFont);
    painter.setPen(palette().color(m_name.isEmpty() ? QPalette::PlaceholderText : QPalette::Text));
    const QFontMetrics fm(nameFont);
    const int x = stripeWidth + padding;
    // The pill keeps its place at the right; the name gets what is left, elided in the middle.
    const QSize pill = m_readOnly ? readOnlyPillSize(font()) : QSize();
    const int nameRight = m_readOnly ? width() - padding - pill.width() - gap : width() - padding;
    const int nameWidth = qMax(0, nameRight - x);
    painter.drawText(QRect(x, 0, nameWidth, height()), Qt::AlignLeft | Qt::AlignVCenter,
                     fm.elidedText(shownName(), Qt::ElideMiddle, nameWidth));
    if (m_readOnly)
        paintReadOnlyPill(
            painter, QRect(QPoint(width() - padding - pill.width(), (height() - pill.height()) / 2), pill), font());
}

void ConnectionBadge::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::PaletteChange)
        updateGeometry();
    QWidget::changeEvent(event);
}

} // namespace kafdesk
