#pragma once

#include "local/clusterstate.h"
#include "local/localclusterjob.h"
#include "local/quorumstatus.h"
#include "views/clusterpage.h"

#include <QElapsedTimer>
#include <QMap>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;
class QToolBar;

namespace kafdesk {

class LocalClusterController;
class LocalNodeModel;
class NodeLogView;

// The bundled cluster's own page (the tree lists it for the bundled cluster only): where it
// lives, the active controller, a row per node with its state, and actions on one node (start,
// controlled stop, kill, pause, resume, restart) or the whole cluster (start, stop, reset), with
// one node's log below. Every action runs off the GUI thread through the controller, one at a
// time; destructive ones ask first, and say so when they would stall the controller quorum.
// While shown, the page observes the nodes every second (process table and state file) and asks
// the quorum for its leader every 5 s, each off the GUI thread and never overlapping itself.
class LocalClusterPage : public ClusterPage {
    Q_OBJECT
public:
    // A question before a destructive action.
    struct Confirmation {
        QString title;
        QString text;          // the question, one sentence
        QString detail;        // what it does; the quorum warning first when it stalls the cluster
        QString acceptText;    // the button that goes ahead ("Kill Node 2")
        bool stallsQuorum = false;
        QString typeToConfirm; // not empty: the user must type this (the cluster's name) to go ahead
    };
    // Answers a confirmation: true goes ahead. Tests replace the message box with their own.
    using Confirmer = std::function<bool(const Confirmation &)>;

    explicit LocalClusterPage(LocalClusterController *controller, QWidget *parent = nullptr);
    ~LocalClusterPage() override;

    // The "keep running after quit" checkbox follows the window's action, and sets it.
    void bindKeepRunning(QAction *action);
    void setClusterState(const ClusterState &state);
    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;

    void setConfirmer(Confirmer confirmer) { m_confirmer = std::move(confirmer); }
    QAction *nodeAction(NodeAction action) const { return m_nodeActions.value(action); }
    QAction *startClusterAction() const { return m_startAll; }
    QAction *stopClusterAction() const { return m_stopAll; }
    QAction *resetClusterAction() const { return m_reset; }
    QAction *recreateClusterAction() const { return m_recreate; }
    bool selectNode(int nodeId);
    int selectedNode() const;
    LocalNodeModel *nodeModel() const { return m_model; }
    QTableView *nodeTable() const { return m_table; }
    NodeLogView *logView() const { return m_logView; }
    // The quorum's leader as last learned, -1 when unknown.
    int activeController() const { return m_quorum ? m_quorum->leaderId : -1; }
    QString quorumText() const;
    // What runs now ("Killing node 2…"), empty when nothing does.
    QString busyText() const;

    // The stall sentence when taking `goingDown` out of service leaves fewer running controllers
    // than the quorum needs, else empty. Pure: observations in, sentence out.
    static QString quorumStallText(const QList<NodeObservation> &nodes, const QList<int> &goingDown);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Preflight;
    void buildActions();
    void buildLayout();
    void tick();
    void observeNow();
    void fetchQuorum();
    void applyObserved(const ClusterState &state, const QList<NodeObservation> &nodes);
    void updateSummary();
    void updateQuorumLabel();
    void updateActions();
    void updateBusy();
    void onSelectionChanged();

    // localclusterpageactions.cpp
    void requestNodeAction(NodeAction action);
    // With the quorum check's answer, asks first; without one (start, resume), goes ahead.
    void continueNodeAction(NodeAction action, int nodeId, const Preflight *preflight);
    void requestStopCluster();
    void requestResetCluster();
    void requestRecreateCluster();
    void onActionFinished();
    void onActionFailed(const Error &error);
    bool confirm(const Confirmation &c) const;
    static bool askWithMessageBox(QWidget *parent, const Confirmation &c);

    LocalClusterController *m_controller;
    ClusterState m_state;
    ClusterSnapshotPtr m_snapshot;
    QList<NodeObservation> m_observed;
    std::optional<QuorumStatus> m_quorum;
    QString m_quorumError;
    Confirmer m_confirmer;

    QLabel *m_summary;
    QLabel *m_quorumLabel;
    QToolBar *m_toolbar;
    QMap<NodeAction, QAction *> m_nodeActions;
    QAction *m_startAll = nullptr;
    QAction *m_stopAll = nullptr;
    QAction *m_reset = nullptr;
    QAction *m_recreate = nullptr; // as secured, or as plaintext when it is secured
    QProgressBar *m_busyBar;
    QLabel *m_busyLabel;
    QPushButton *m_cancel;
    LocalNodeModel *m_model;
    QTableView *m_table;
    NodeLogView *m_logView;
    QSplitter *m_splitter;
    QCheckBox *m_keepRunning;
    QTimer *m_tick;

    bool m_observing = false;     // an observation runs
    bool m_observeAgain = false;  // and another one is wanted after it (an action just ended)
    bool m_fetchingQuorum = false;
    QElapsedTimer m_sinceQuorum;  // since the last quorum answer (invalid: never asked)
    bool m_preflight = false;     // a quorum check before a confirmation runs
    std::shared_ptr<std::atomic_bool> m_cancelWork = std::make_shared<std::atomic_bool>(false);
    // The page's own workers: a quorum command holds one for seconds, and must not take the
    // global pool's few threads from the rest of the window. Last member: destroyed (and
    // waited for) first, after the destructor cancelled what runs.
    QThreadPool m_pool;
};

} // namespace kafdesk
