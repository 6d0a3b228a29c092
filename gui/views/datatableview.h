#pragma once

#include <QAbstractItemView>

class QTableView;

namespace kafdesk {

// The look every read-only data table of the window shares (topics, partitions, configs): whole
// rows selected, no editing, alternating rows without a grid, one line per row at a fixed height,
// no row numbers, and a header that does not light up with the selection.
void setUpDataTable(QTableView *table, QAbstractItemView::SelectionMode selection);

} // namespace kafdesk
