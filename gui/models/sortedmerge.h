#pragma once

#include <QList>
#include <QPair>

#include <algorithm>
#include <utility>

namespace kafdesk {

// The sorted merge behind the table models fed by polled lists (STYLE.md 7). `rows` (the model's
// rows) and `target` are both sorted by `less` on the row's key, without duplicates. Rows whose key
// went away are removed and new ones inserted, each run of neighbours with one begin/end pair, and
// rows whose value changed are replaced in place; nothing is reset, so persistent indexes (and so
// selection) stay on their rows.
//
// `removeRows(first, last, apply)` and `insertRows(first, last, apply)` wrap `apply()` in the
// model's own beginRemoveRows()/endRemoveRows() (beginInsertRows()/endInsertRows()). Returns the
// final positions of the rows that changed, ascending: hand them to changedRanges().
template <typename Row, typename Less, typename Remove, typename Insert>
QList<int> sortedMerge(QList<Row> &rows, QList<Row> &&target, Less less, Remove removeRows, Insert insertRows)
{
    QList<int> changed;
    qsizetype row = 0;
    qsizetype t = 0;
    while (row < rows.size() || t < target.size()) {
        if (t == target.size() || (row < rows.size() && less(rows.at(row), target.at(t)))) {
            qsizetype end = row + 1;
            while (end < rows.size() && (t == target.size() || less(rows.at(end), target.at(t))))
                ++end;
            removeRows(static_cast<int>(row), static_cast<int>(end - 1), [&] { rows.remove(row, end - row); });
        } else if (row == rows.size() || less(target.at(t), rows.at(row))) {
            qsizetype end = t + 1;
            while (end < target.size() && (row == rows.size() || less(target.at(end), rows.at(row))))
                ++end;
            insertRows(static_cast<int>(row), static_cast<int>(row + end - t - 1), [&] {
                rows.insert(row, end - t, Row{});
                std::move(target.begin() + t, target.begin() + end, rows.begin() + row);
            });
            row += end - t;
            t = end;
        } else {
            if (!(rows.at(row) == target.at(t))) {
                rows[row] = std::move(target[t]);
                changed << static_cast<int>(row);
            }
            ++row;
            ++t;
        }
    }
    return changed;
}

// The dataChanged() ranges [first, last] for the changed rows of sortedMerge(): one per run of
// neighbours, or a single one from the first to the last changed row when more than half of the
// `rowCount` rows changed, so a refresh that touches most rows costs a view one update.
inline QList<QPair<int, int>> changedRanges(const QList<int> &changed, int rowCount)
{
    QList<QPair<int, int>> ranges;
    if (changed.isEmpty())
        return ranges;
    if (changed.size() * 2 > rowCount) {
        ranges.append({changed.first(), changed.last()});
        return ranges;
    }
    for (const int row : changed) {
        if (!ranges.isEmpty() && ranges.last().second + 1 == row)
            ranges.last().second = row;
        else
            ranges.append({row, row});
    }
    return ranges;
}

// Sorts by `less` and drops later duplicates, when the list is not already strictly sorted.
template <typename Row, typename Less>
void sortUniqueRows(QList<Row> &rows, Less less)
{
    const auto notBefore = [&less](const Row &a, const Row &b) { return !less(a, b); };
    if (std::adjacent_find(rows.cbegin(), rows.cend(), notBefore) == rows.cend())
        return;
    std::stable_sort(rows.begin(), rows.end(), less);
    const auto equal = [&less](const Row &a, const Row &b) { return !less(a, b) && !less(b, a); };
    rows.erase(std::unique(rows.begin(), rows.end(), equal), rows.end());
}

} // namespace kafdesk
