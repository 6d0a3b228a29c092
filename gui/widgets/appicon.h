#pragma once

#include <QColor>
#include <QIcon>
#include <QPoint>

namespace kafdesk::appicon {

// The sizes rendered from resources/icons/kafdesk.svg into the Qt resource (":/icons/kafdesk-N.png").
// PNGs rather than the SVG: no SVG icon engine is needed at run time.
QList<int> sizes();

// Kafdesk's application icon.
QIcon plain();

// The application icon with a round badge of `colour` in its lower right corner: the window of a
// connection whose profile has a label colour shows that colour in the taskbar and window switcher,
// so "production" and "staging" are told apart at a glance. An invalid colour gives plain().
QIcon withBadge(const QColor &colour);

// The centre of the badge in the pixmap of `size` px (a pixel of the badge's own colour).
QPoint badgeCentre(int size);

} // namespace kafdesk::appicon
