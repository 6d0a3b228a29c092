#pragma once

class QVBoxLayout;
class QWidget;

namespace kafdesk {

// Gives `page` a column up to `maxWidth` px wide, centred across and a little above the middle,
// and returns the column's layout to fill. Wrapped labels in it get the column's width: a label
// centred by a layout itself would get its one-line minimum width and be cut off.
QVBoxLayout *addCentredColumn(QWidget *page, int maxWidth);

} // namespace kafdesk
