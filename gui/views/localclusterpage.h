#pragma once

#include "local/clusterstate.h"
#include "views/clusterpage.h"

class QAction;
class QCheckBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace kafdesk {

class LocalClusterController;

// The bundled cluster's own page: where it lives, its nodes (ports, process, whether the
// cluster's metadata lists them), and starting or stopping it as a whole. Breaking single
// brokers on purpose is the failure drill's job (a later page).
class LocalClusterPage : public ClusterPage {
    Q_OBJECT
public:
    explicit LocalClusterPage(LocalClusterController *controller, QWidget *parent = nullptr);

    // The "keep running after quit" checkbox follows the window's action, and sets it.
    void bindKeepRunning(QAction *action);
    void setClusterState(const ClusterState &state);
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;

private:
    void updateTable();
    void updateButtons();

    LocalClusterController *m_controller;
    ClusterState m_state;
    ClusterSnapshotPtr m_snapshot;
    QLabel *m_summary;
    QTableWidget *m_nodes;
    QPushButton *m_stop;
    QCheckBox *m_keepRunning;
};

} // namespace kafdesk
