#pragma once

// What every Kafdesk chart shares: the one way qcustomplot.h is included, colours from the
// widget's palette, whole-number axes and a legend above the plot. Only charts/ includes this.

// qcustomplot.h's templates use foreach, which QT_NO_FOREACH takes away: give it a range-for for
// this one include (the header only iterates, never changes, the containers it walks).
#ifndef foreach
#define foreach(variable, container) for (variable : container)
#define KAFDESK_DEFINED_FOREACH
#endif
#include <qcustomplot.h>
#ifdef KAFDESK_DEFINED_FOREACH
#undef foreach
#undef KAFDESK_DEFINED_FOREACH
#endif

namespace kafdesk::plotstyle {

// Background, axes, grid and legend in the palette's colours and the widget's font (axis labels
// bold when boldLabels); call again on a palette or font change.
void applyPalette(QCustomPlot *plot, const QPalette &palette, const QFont &font, bool boldLabels = true);

// Ticks on whole numbers only (1, 2, 5, 10, ...), so a small range is not labelled "0, 0, 1".
void useWholeNumberTicks(QCPAxis *axis);

// The legend in a row of its own above the axes (it never covers the data), at the right, its
// items side by side, wrapping after `wrap` items (0: never).
void placeLegendAbove(QCustomPlot *plot, int wrap = 0);

} // namespace kafdesk::plotstyle
