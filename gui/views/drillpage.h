#pragma once

#include "drill/failuredrill.h"
#include "views/clusterpage.h"

#include <QPointer>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace kafdesk {

class DrillForm;
class DrillReportView;
class DrillRunView;
class FailureDrill;
class ReplicationHistory;

// The failure drill: set it up, run it, watch it, read the report. The drill itself
// (FailureDrill) runs on threads of its own and reports values; this page only shows them, and
// adds each kill and restart to the window's replication history as a marker, so the timeline
// shows them among the events they caused. Attaching another session (or none) cancels a
// running drill without waiting for it.
class DrillPage : public ClusterPage {
    Q_OBJECT
public:
    enum class State { Empty, Running, Report, Failed };
    Q_ENUM(State)

    explicit DrillPage(ReplicationHistory *history, QWidget *parent = nullptr);
    ~DrillPage() override;

    // The bundled cluster the drill may kill nodes of; an empty name: an external cluster (the
    // drill then only observes, and the user breaks brokers by other means).
    void setLocalCluster(const QString &name, const QString &clustersRoot);

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;

    // Start, Finish and Cancel. start() refuses (and says why beside the buttons) while the
    // set-up has problems.
    bool start();
    void finish();
    void cancel();
    // Shows a report: the drill's own, or any other (the page does not care where it came from).
    void showReport(const DrillReport &report);

    State state() const { return m_state; }
    // The drill the form and the connection describe.
    DrillConfig drillConfig() const;
    // Why the drill cannot start now, a sentence each (empty: it can).
    QStringList problems() const;
    QString problemText() const;

    DrillForm *form() const { return m_form; }
    DrillRunView *runView() const { return m_run; }
    DrillReportView *reportView() const { return m_report; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *finishButton() const { return m_finish; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *emptyState() const { return m_empty; }
    FailureDrill *drill() const { return m_drill; }

Q_SIGNALS:
    void stateChanged(kafdesk::DrillPage::State state);

private:
    void setState(State state);
    void updateActions();
    void onKilled(const DrillKill &kill);
    void onRestarted(const DrillKill &kill);
    void onFinished(const Result<DrillReport> &report);
    // Lets a drill end on its own, deleting it once it has, and forgets it here at once.
    void abandonDrill(const QString &why);
    void refreshReportHistory();

    QPointer<ReplicationHistory> m_history;
    QString m_clusterName;
    QString m_clustersRoot;
    QPointer<FailureDrill> m_drill;
    DrillConfig m_running; // the config of the drill running now
    State m_state = State::Empty;
    bool m_reportLive = false; // the history still belongs to the session the report was made on
    QString m_startError;      // why the last start() was refused by the drill itself

    DrillForm *m_form = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_finish = nullptr;
    QPushButton *m_cancel = nullptr;
    QLabel *m_problems = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    DrillRunView *m_run = nullptr;
    DrillReportView *m_report = nullptr;
};

} // namespace kafdesk
