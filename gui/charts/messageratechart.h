#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QTimer>
#include <QWidget>

class QCPGraph;
class QCPItemText;
class QCustomPlot;

namespace kafdesk {

// Messages per second over the last minute, as a filled line. addMessages() only counts (cheap,
// called per batch); a timer takes a sample every sampleMs and redraws through a queued replot,
// so the chart costs the same at 10 or 100,000 messages a second. Sampling runs while active.
// Colours come from the palette (a palette change redraws). GUI thread only.
class MessageRateChart : public QWidget {
    Q_OBJECT
public:
    static constexpr int sampleMs = 500;
    static constexpr int historySeconds = 60;

    explicit MessageRateChart(QWidget *parent = nullptr);
    ~MessageRateChart() override;

    void addMessages(qint64 count);
    // Start or stop sampling (a stopped chart keeps what it shows).
    void setActive(bool active);
    bool isActive() const { return m_timer.isActive(); }
    void clear();

    // The latest sample, messages per second (0 before the first one).
    double currentRate() const { return m_samples.isEmpty() ? 0.0 : m_samples.last().rate; }
    // The samples shown (seconds since the chart was cleared, messages/s), oldest first.
    QList<QPointF> samples() const;
    int replotCount() const { return m_replots; }

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Sample {
        double at = 0; // seconds since m_clock started
        double rate = 0;
    };
    void takeSample();
    void redraw();
    void applyPalette();

    QCustomPlot *m_plot = nullptr;
    QCPGraph *m_graph = nullptr;
    QCPItemText *m_label = nullptr;
    QTimer m_timer;
    QElapsedTimer m_clock;
    double m_lastSampleAt = 0;
    qint64 m_pending = 0;
    QList<Sample> m_samples;
    int m_replots = 0;
};

} // namespace kafdesk
