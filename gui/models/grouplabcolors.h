#pragma once

#include <QColor>
#include <QPalette>

namespace kafdesk::grouplabcolors {

// The colour of lab member `id` (1, 2, ...), as a cell background that reads with the palette:
// light tints on a light palette, deep shades on a dark one. Eight distinct hues, then repeated
// (every cell also carries the member's name, so colour is never the only clue).
QColor memberBackground(int id, const QPalette &palette);
// Black or white, whichever reads better on `background`.
QColor textOn(const QColor &background);
bool isDark(const QPalette &palette);

} // namespace kafdesk::grouplabcolors
