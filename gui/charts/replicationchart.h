#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QPointer>
#include <QStringList>
#include <QWidget>

class QCPAxisRect;
class QCPGraph;
class QCPItemText;
class QCPAbstractItem;
class QCustomPlot;
class QTimer;

namespace kafdesk {

class ReplicationHistory;

// A cluster's replication health over time, from a ReplicationHistory, in three plots over one
// time axis: under-replicated and offline partition counts; the partitions each broker leads
// (stacked bands, so equal counts do not hide each other and a dead broker's band goes to
// nothing); the ISR size of one chosen partition. The user's actions are vertical lines through
// all three, labelled in the top one. Redraws are coalesced: the history's signals only schedule a replot, at most every
// replotIntervalMs; each replot rebuilds the lines from the (bounded) history. Colours follow the
// palette. GUI thread only.
class ReplicationChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int replotIntervalMs = 250;
    static constexpr int maxMarkerLabels = 40; // the newest; older markers keep their line only

    explicit ReplicationChart(ReplicationHistory *history, QWidget *parent = nullptr);
    ~ReplicationChart() override;

    // The partition whose ISR size is drawn (an empty topic: none).
    void setIsrPartition(const QString &topic, int partition);
    QString isrTopic() const { return m_isrTopic; }
    int isrPartition() const { return m_isrPartition; }

    // What the chart holds after the last replot, for tests and accessibility.
    QList<double> underReplicatedValues() const;
    QList<double> offlineValues() const;
    QList<int> leaderBrokers() const;
    QList<double> leaderValues(int broker) const;
    QList<double> isrValues() const;
    int markerCount() const { return m_markerLines; }
    QStringList markerLabels() const { return m_labels; }
    QStringList legendNames() const;
    QString emptyText() const;
    int replotCount() const { return m_replots; }
    bool isReplotPending() const;
    // Redraws now instead of at the next tick (tests, screenshots).
    void replotNow();

    QSize sizeHint() const override { return {640, 380}; }
    QSize minimumSizeHint() const override { return {320, 280}; }

protected:
    void changeEvent(QEvent *event) override;

private:
    static double keyOf(const QDateTime &time); // seconds since the epoch: the time axis
    void scheduleReplot();
    QCPGraph *leaderGraph(int broker);
    void rebuildMarkers(double from, double to);
    void applyPalette();
    void styleAxisRect(QCPAxisRect *rect);

    QPointer<ReplicationHistory> m_history;
    QCustomPlot *m_plot = nullptr;
    QCPAxisRect *m_healthRect = nullptr;
    QCPAxisRect *m_leaderRect = nullptr;
    QCPAxisRect *m_isrRect = nullptr;
    QCPItemText *m_isrEmpty = nullptr;
    QMap<int, QList<double>> m_leaderValues; // per broker, not stacked
    QCPGraph *m_urp = nullptr;
    QCPGraph *m_offline = nullptr;
    QCPGraph *m_isr = nullptr;
    QMap<int, QCPGraph *> m_leaders;
    QList<QCPAbstractItem *> m_markerItems;
    QCPItemText *m_empty = nullptr;
    QTimer *m_replotTimer = nullptr;
    QString m_isrTopic;
    int m_isrPartition = -1;
    int m_markerLines = 0;
    QStringList m_labels;
    int m_replots = 0;
};

} // namespace kafdesk
