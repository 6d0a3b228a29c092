#pragma once

#include <QStyledItemDelegate>

namespace kafdesk {

// The topics table's name column: names line up whether or not a warning icon stands before
// them, because a row without one gets an empty space of the icon's size.
class TopicNameDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace kafdesk
