#include "widgets/centredcolumn.h"

#include <QHBoxLayout>
#include <QVBoxLayout>
#include <QWidget>

namespace kafdesk {

QVBoxLayout *addCentredColumn(QWidget *page, int maxWidth)
{
    auto *column = new QWidget(page);
    column->setMaximumWidth(maxWidth);
    column->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *columnLayout = new QVBoxLayout(column);
    columnLayout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 4);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
    return columnLayout;
}

} // namespace kafdesk
