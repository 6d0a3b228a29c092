#pragma once

#include "cluster/clustersnapshot.h"
#include "models/partitionmapmodel.h"
#include "views/partitionmapflasher.h"

#include <QWidget>

class QAbstractButton;
class QLabel;
class QTableView;

namespace kafdesk {

class PartitionMapBrokerModel;
class PartitionMapDelegate;
class PartitionMapLegend;

// Where one topic's partitions live, the picture a Kafka class draws on the board: by partition
// (a row per partition, a column per broker, a symbol for the part each broker plays) or by broker
// (a column per broker listing the replicas it stores), with a legend below. Cells that a new
// snapshot changes flash for a moment. GUI thread only.
class PartitionMapView : public QWidget {
    Q_OBJECT
public:
    enum Mode { ByPartition, ByBroker };
    Q_ENUM(Mode)

    static constexpr int FlashDurationMs = PartitionMapFlasher::DurationMs;

    explicit PartitionMapView(QWidget *parent = nullptr);

    void setTopic(const QString &topic);
    QString topic() const;
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    // Another cluster.
    void clear();

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // The line above the map naming the topic, its partitions and health (shown by default); a
    // page that says all that in its own header hides it, leaving the mode buttons.
    void setTitleVisible(bool visible);

    PartitionMapModel *partitionModel() const { return m_partitionModel; }
    PartitionMapBrokerModel *brokerModel() const { return m_brokerModel; }
    QTableView *partitionTable() const { return m_partitionTable; }
    QTableView *brokerTable() const { return m_brokerTable; }
    // The sentence shown instead of the map (no topic, no metadata yet, unknown topic), or empty.
    QString emptyStateText() const;

    // How strongly a cell is highlighted right now: 1 just after it changed, fading to 0.
    qreal flashLevel(int partition, int broker) const;
    bool isFlashing() const { return m_flasher->isFlashing(); }

Q_SIGNALS:
    void modeChanged(kafdesk::PartitionMapView::Mode mode);

private:
    void flash(const QList<PartitionMapModel::CellChange> &changes);
    void updatePage();
    void updateTitle();
    QTableView *makeTable(QAbstractItemModel *model, PartitionMapDelegate *delegate);

    PartitionMapModel *m_partitionModel;
    PartitionMapBrokerModel *m_brokerModel;
    Mode m_mode = ByPartition;

    QLabel *m_title = nullptr;
    QAbstractButton *m_byPartition = nullptr;
    QAbstractButton *m_byBroker = nullptr;
    QLabel *m_emptyLabel = nullptr; // the empty state, in place of the map and its legend
    QWidget *m_partitionPage = nullptr;
    QWidget *m_brokerPage = nullptr;
    QTableView *m_partitionTable = nullptr;
    QTableView *m_brokerTable = nullptr;
    PartitionMapLegend *m_legend = nullptr;
    PartitionMapFlasher *m_flasher = nullptr; // keyed by partition and broker (no topic)
};

} // namespace kafdesk
