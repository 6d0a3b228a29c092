#pragma once

#include <QListView>

namespace kafdesk {

// The partition strip of the lab: one cell per partition (GroupLabPartitionModel), coloured by
// the member that owns it and naming it, laid out left to right and wrapping; the view grows to
// show up to three rows of cells and scrolls beyond.
class GroupLabStrip : public QListView {
    Q_OBJECT
public:
    explicit GroupLabStrip(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    static constexpr int cellWidth = 190;
    static constexpr int maxVisibleRows = 3;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int cellHeight() const;
    int wantedHeight() const;
    void fitHeight();
};

} // namespace kafdesk
