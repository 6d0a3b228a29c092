#pragma once

#include "models/sortedmerge.h"

#include <QAbstractTableModel>

namespace kafdesk {

// A table model whose rows are kept sorted by key and refreshed by merging, never by a reset
// (sortedmerge.h): the one place that wraps the merge in the model's row signals.
class MergingTableModel : public QAbstractTableModel {
public:
    using QAbstractTableModel::QAbstractTableModel;

protected:
    // Turns `rows` into `target` (sorted by `less` here first, later duplicates dropped): rows
    // removed and inserted a run at a time, and dataChanged over all `columns` for the rows whose
    // value changed in place.
    template <typename Row, typename Less>
    void mergeRows(QList<Row> &rows, QList<Row> target, Less less, int columns)
    {
        sortUniqueRows(target, less);
        const QList<int> changed = sortedMerge(
            rows, std::move(target), less,
            [this](int first, int last, const auto &apply) {
                beginRemoveRows({}, first, last);
                apply();
                endRemoveRows();
            },
            [this](int first, int last, const auto &apply) {
                beginInsertRows({}, first, last);
                apply();
                endInsertRows();
            });
        for (const auto &[first, last] : changedRanges(changed, static_cast<int>(rows.size())))
            Q_EMIT dataChanged(index(first, 0), index(last, columns - 1));
    }
};

} // namespace kafdesk
