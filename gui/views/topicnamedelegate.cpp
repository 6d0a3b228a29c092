#include "views/topicnamedelegate.h"

#include <QIcon>
#include <QPixmap>
#include <QStyle>
#include <QWidget>

namespace kafdesk {

void TopicNameDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (option->features & QStyleOptionViewItem::HasDecoration)
        return;
    static const QIcon blank = [] {
        QPixmap pm(16, 16);
        pm.fill(Qt::transparent);
        return QIcon(pm);
    }();
    const int side = option->widget ? option->widget->style()->pixelMetric(QStyle::PM_SmallIconSize) : 16;
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->icon = blank;
    option->decorationSize = QSize(side, side);
}

} // namespace kafdesk
