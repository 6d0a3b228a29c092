#include "widgets/actionbutton.h"

#include <QToolButton>

namespace kafdesk {

QToolButton *textButtonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace kafdesk
