#pragma once

#include "models/partitionmapmodel.h"

#include <QList>
#include <QRect>
#include <QWidget>

namespace kafdesk {

// The partition map's key: each symbol on its colour and what it means, centred in rows that wrap
// when the view is narrow; hovering an entry explains it in a sentence.
class PartitionMapLegend : public QWidget {
    Q_OBJECT
public:
    explicit PartitionMapLegend(QWidget *parent = nullptr);

    const QList<PartitionMapModel::ReplicaCell> &kinds() const { return m_kinds; }
    // Where each entry goes at `width`, in the order of kinds().
    QList<QRect> entryRects(int width) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    int entryWidth(PartitionMapModel::ReplicaCell kind) const;
    int lineHeight() const;

    QList<PartitionMapModel::ReplicaCell> m_kinds;
};

} // namespace kafdesk
