#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace kafdesk {

// Paints a partition-map cell as a rounded chip in the cell's BackgroundRole colour with its text
// centred in the ForegroundRole colour, and a highlight over it while the cell flashes. An index
// without a CellKindRole (a text column beside the map) is painted as any item view's text.
class PartitionMapDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    // 0 (no flash) to 1 (full highlight) for a cell.
    using FlashLevel = std::function<qreal(const QModelIndex &)>;

    explicit PartitionMapDelegate(QObject *parent = nullptr);

    void setFlashLevel(FlashLevel level) { m_flashLevel = std::move(level); }
    // The text's size relative to the view's font (the partition grid shows bigger symbols).
    void setTextScale(qreal scale) { m_textScale = scale; }
    void setMinimumCellSize(const QSize &size) { m_minimumSize = size; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // A chip as the legend shows it.
    static void paintChip(QPainter *painter, const QRectF &rect, const QColor &fill, const QColor &text,
                          const QString &label, const QFont &font);

private:
    QFont textFont(const QFont &base) const;

    FlashLevel m_flashLevel;
    qreal m_textScale = 1.0;
    QSize m_minimumSize{40, 28};
};

} // namespace kafdesk
