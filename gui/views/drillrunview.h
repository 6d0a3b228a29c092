#pragma once

#include "cluster/replicationhistory.h"
#include "drill/failuredrill.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace kafdesk {

// A drill while it runs: what it does now, how far it is (kills done of planned, or time), the
// live counts (sent, acknowledged, failed, consumed), and the nodes killed as it happens.
class DrillRunView : public QWidget {
    Q_OBJECT
public:
    enum KillColumn { KillTimeColumn, KillNodeColumn, KillPartitionColumn, KillNewLeaderColumn, KillDownColumn, KillColumnCount };

    explicit DrillRunView(QWidget *parent = nullptr);

    void start(const DrillConfig &config);
    void showProgress(const DrillProgress &progress);
    void addKill(const DrillKill &kill);
    void updateKill(const DrillKill &kill);
    // The drill is over (a report follows) or failed (`error` says why).
    void stop(const QString &error = {});

    QString phaseText() const;
    QProgressBar *progressBar() const { return m_progress; }
    QTreeWidget *killTree() const { return m_kills; }
    const DrillProgress &lastProgress() const { return m_last; }
    // The counter's shown number, by DrillProgress field name: "sent", "acknowledged", "failed", "consumed".
    QString counterText(const QString &name) const;

    // The kill list's columns, shared with the report: "12:01:03.120", "broker 2", "0",
    // "broker 3 after 1.2 s" (without a leader until then), "41.6 s" (down).
    static QTreeWidget *makeKillTree(QWidget *parent);
    static void fillKillItem(QTreeWidgetItem *item, const DrillKill &kill, const QString &topic);
    static QString phaseName(DrillProgress::Phase phase);
    // What happened during a drill: the markers and the replication events of the drill's topic
    // (and of brokers) between `from` and `to`, markers in bold. `shown` keeps what the tree shows,
    // so that an unchanged list is not rebuilt; returns whether it was.
    static QTreeWidget *makeHistoryTree(QWidget *parent);
    static bool fillHistoryTree(QTreeWidget *tree, const QList<ReplicationEvent> &events,
                                const QList<TimelineMarker> &markers, const QString &topic, const QDateTime &from,
                                const QDateTime &to, QStringList *shown);

    // The events of the drill running now, from the window's history.
    void setHistory(const QList<ReplicationEvent> &events, const QList<TimelineMarker> &markers);
    QTreeWidget *historyTree() const { return m_history; }

private:
    void tick();

    DrillConfig m_config;
    DrillProgress m_last;
    QElapsedTimer m_elapsed;
    QTimer *m_timer = nullptr;
    QLabel *m_phase = nullptr;
    QLabel *m_text = nullptr;
    QProgressBar *m_progress = nullptr;
    QMap<QString, QLabel *> m_counters;
    QTreeWidget *m_kills = nullptr;
    QLabel *m_killsTitle = nullptr;
    QTreeWidget *m_history = nullptr;
    QStringList m_shownHistory;
    QDateTime m_startedAt;
    bool m_running = false;
};

} // namespace kafdesk
