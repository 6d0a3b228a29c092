#pragma once

#include <QList>
#include <QWidget>

class QCPBars;
class QCustomPlot;

namespace kafdesk {

// Leaders and replicas per broker as grouped bars, one group per broker id, so an unbalanced
// cluster shows at a glance. Down brokers are marked (a shaded band and "down" under the id).
// Colours come from the palette (a palette change, e.g. to dark, redraws the chart), except the
// two bar colours, picked to read on light and dark backgrounds alike. setBrokers() redraws only
// when the figures changed, through a queued replot. GUI thread only.
class BrokerLoadChart : public QWidget {
    Q_OBJECT
public:
    struct Broker {
        int id = -1;
        bool alive = false;
        int leaders = 0;
        int replicas = 0;
        friend bool operator==(const Broker &, const Broker &) = default;
    };

    explicit BrokerLoadChart(QWidget *parent = nullptr);
    ~BrokerLoadChart() override;

    // Sorted by id or not; an empty list shows empty axes.
    void setBrokers(QList<Broker> brokers);
    const QList<Broker> &brokers() const { return m_brokers; }

    // What the bars show, read back from the plot (for tests and accessibility): one entry per
    // broker, in the order of brokers().
    QList<double> leaderBarValues() const;
    QList<double> replicaBarValues() const;
    // The tick label under each group, in the same order.
    QStringList brokerLabels() const;
    // How many times the figures were redrawn (setBrokers() with new figures, palette changes).
    int redrawCount() const { return m_redraws; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    void applyPalette();

    QCustomPlot *m_plot = nullptr;
    QCPBars *m_leaders = nullptr;
    QCPBars *m_replicas = nullptr;
    QList<Broker> m_brokers; // sorted by id
    int m_redraws = 0;
};

} // namespace kafdesk
