#pragma once

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QStringList>
#include <QWidget>

class QCPGraph;
class QCPItemText;
class QCustomPlot;
class QTimer;

namespace kafdesk {

// A group's lag over time: the total as a thick line and one line per topic, against a time axis,
// with a legend. History is bounded (the last maxPoints samples, at most historySeconds old), and
// redraws are coalesced: addSample() only stores the point; the plot is redrawn at most every
// replotIntervalMs, never once per point. Colours come from the palette (a palette change, e.g. to
// dark, redraws the chart), except the topic lines', picked to read on light and dark
// backgrounds alike. GUI thread only.
class LagChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int maxPoints = 360;           // 30 minutes of samples every 5 s
    static constexpr int historySeconds = 30 * 60;  // older samples are dropped
    static constexpr int replotIntervalMs = 250;

    explicit LagChart(QWidget *parent = nullptr);
    ~LagChart() override;

    // One sample: the total lag and each topic's at `time` (later than the previous sample's; an
    // earlier one is ignored). A topic missing from a sample has no point there.
    void addSample(const QDateTime &time, qint64 total, const QMap<QString, qint64> &perTopic);
    // Forgets every sample (another group).
    void clear();
    // The time axis spans at least this much (60 s by default; about a dozen polls reads well),
    // so the first samples do not stretch across the whole width.
    void setMinimumSpan(double seconds);
    // What the empty chart says ("Waiting for the first lag sample…" by default).
    void setEmptyText(const QString &text);
    QString emptyText() const;

    // What the chart holds, for tests and accessibility.
    int pointCount() const;                           // samples of the total
    QStringList topics() const;                       // the per-topic lines, sorted
    QList<double> totalValues() const;                // the total's values, oldest first
    QList<double> topicValues(const QString &topic) const;
    QStringList legendNames() const;                  // what the legend lists, in order
    // How many times the plot was redrawn, and whether a redraw is pending.
    int replotCount() const { return m_replots; }
    bool isReplotPending() const;
    // The total's line colour: the palette's text colour, so it reads on light and dark alike.
    QColor totalColour() const;

    QSize sizeHint() const override { return {640, 320}; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QCPGraph *topicGraph(const QString &topic);
    void trim();
    void scheduleReplot();
    void replotNow();
    void applyPalette();

    QCustomPlot *m_plot = nullptr;
    QCPGraph *m_total = nullptr;
    QMap<QString, QCPGraph *> m_topics;
    QCPItemText *m_empty = nullptr;
    QTimer *m_replotTimer = nullptr;
    double m_lastKey = 0;
    double m_minimumSpan = 60;
    int m_replots = 0;
};

} // namespace kafdesk
