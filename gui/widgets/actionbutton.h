#pragma once

class QAction;
class QToolButton;
class QWidget;

namespace kafdesk {

// A flat text-only button for a page's toolbar that follows `action` (text, enabled, tooltip).
QToolButton *textButtonFor(QAction *action, QWidget *parent);

} // namespace kafdesk
