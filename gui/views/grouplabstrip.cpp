#include "views/grouplabstrip.h"

#include "models/grouplabpartitionmodel.h"

#include <QPainter>
#include <QPainterPath>
#include <QStyledItemDelegate>

namespace kafdesk {

namespace {

class CellDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRectF box = QRectF(option.rect).adjusted(3, 3, -3, -3);
        QPainterPath path;
        path.addRoundedRect(box, 5, 5);
        painter->fillPath(path, index.data(Qt::BackgroundRole).value<QColor>());
        const bool nobody = index.data(GroupLabPartitionModel::OwnerIdRole).toInt() == 0;
        const bool crashed = index.data(GroupLabPartitionModel::OwnerCrashedRole).toBool();
        QPen pen(option.palette.color(QPalette::Mid), nobody || crashed ? 1.5 : 1.0);
        if (nobody || crashed)
            pen.setStyle(Qt::DashLine);
        painter->setPen(pen);
        painter->drawPath(path);
        painter->setPen(index.data(Qt::ForegroundRole).value<QColor>());
        const QStringList lines = index.data(Qt::DisplayRole).toString().split(QLatin1Char('\n'));
        const QRectF text = box.adjusted(8, 4, -8, -4);
        QFont bold = option.font;
        bold.setBold(true);
        painter->setFont(bold);
        const QFontMetrics boldMetrics(bold);
        painter->drawText(text, Qt::AlignLeft | Qt::AlignTop,
                          boldMetrics.elidedText(lines.value(0), Qt::ElideRight, static_cast<int>(text.width())));
        painter->setFont(option.font);
        painter->drawText(text, Qt::AlignLeft | Qt::AlignBottom,
                          option.fontMetrics.elidedText(lines.value(1), Qt::ElideMiddle, static_cast<int>(text.width())));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {GroupLabStrip::cellWidth, option.fontMetrics.height() * 2 + 22};
    }
};

} // namespace

GroupLabStrip::GroupLabStrip(QWidget *parent) : QListView(parent)
{
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    setSpacing(0);
    setItemDelegate(new CellDelegate(this));
    setGridSize({cellWidth, cellHeight()});
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setFrameShape(QFrame::NoFrame);
    viewport()->setAutoFillBackground(false);
}

void GroupLabStrip::setModel(QAbstractItemModel *model)
{
    QListView::setModel(model);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, [this] { fitHeight(); });
    connect(model, &QAbstractItemModel::modelReset, this, [this] { fitHeight(); });
    fitHeight();
}

int GroupLabStrip::cellHeight() const
{
    return fontMetrics().height() * 2 + 22;
}

int GroupLabStrip::wantedHeight() const
{
    const int count = model() ? model()->rowCount() : 0;
    const int perRow = std::max(1, (viewport()->width() > 0 ? width() : 1000) / cellWidth);
    const int rows = std::clamp((count + perRow - 1) / perRow, 1, maxVisibleRows);
    return rows * cellHeight() + 2 * frameWidth() + 2;
}

QSize GroupLabStrip::sizeHint() const
{
    return {cellWidth * 4, wantedHeight()};
}

QSize GroupLabStrip::minimumSizeHint() const
{
    return {cellWidth, wantedHeight()};
}

void GroupLabStrip::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    fitHeight();
}

void GroupLabStrip::fitHeight()
{
    const int h = wantedHeight();
    if (h != height())
        setFixedHeight(h);
}

} // namespace kafdesk
