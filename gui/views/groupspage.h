#pragma once

#include "views/clusterpage.h"

#include "admin/grouplag.h"

#include <QElapsedTimer>
#include <QHash>

#include <optional>

class QAction;
class QDialog;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace kafdesk {

class GroupListModel;

// The consumer groups of the cluster: id, state, members, topics, total lag, type and coordinator
// (ListGroups, one DescribeConsumerGroups for all of them, then their lag in one round:
// GroupAdmin::lagOfGroups) with a filter. Loads on attach, on refresh() and every refreshInterval()
// while the page is shown, never two at a time; a stale answer (another session) is dropped and a
// refresh merges by group id, so selection, sort and scroll survive. Enter or a double click opens
// the group (groupActivated); Reset Offsets… and Delete Group… (also the Delete key) open their
// dialogs, disabled with the reason on read-only connections. GUI thread only.
class GroupsPage : public ClusterPage {
    Q_OBJECT
public:
    static constexpr int refreshIntervalMs = 5000; // ARCHITECTURE.md: lag every 5 s
    // Above that many groups only ListGroups is asked (no members or coordinator): one describe
    // for thousands of groups every few seconds would cost the coordinators more than the list is worth.
    static constexpr int maxDescribedGroups = 1000;
    // Lag costs one OffsetFetch per group: above that many groups the list shows no lag ("—").
    static constexpr int maxLaggedGroups = 300;

    explicit GroupsPage(QWidget *parent = nullptr);

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void focusFilter() override;
    void refresh() override;
    void deleteSelected() override;

    // How often the list and its lag are polled while shown (tests shorten it).
    void setRefreshInterval(int ms);
    int refreshInterval() const;

    GroupListModel *groupModel() const { return m_groups; }
    QSortFilterProxyModel *proxyModel() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    bool isLoading() const { return m_request != 0; }
    // Whether a listing has come back since attach().
    bool hasLoaded() const { return m_loaded; }
    // The sentence shown instead of the table (loading, no group, error), or empty.
    QString emptyStateText() const;
    // The selected group, or empty.
    QString selectedGroup() const;
    // Selects the group's row (after the next listing, if it is not listed yet); false if it is not there.
    bool selectGroup(const QString &group);
    // The last lag known for the group.
    std::optional<GroupLag> lagOf(const QString &group) const;

    QAction *openAction() const { return m_openAction; }
    QAction *resetAction() const { return m_resetAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    // Open the dialogs for the selected group; they return the dialog (non-modal, deleted on close).
    QDialog *resetOffsets();
    QDialog *deleteGroup();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void buildActions();
    QWidget *buildToolbar();
    void updateActions();
    void showContextMenu(const QPoint &pos);
    void watch(QDialog *dialog);
    void load();
    void showState(const QString &text, bool busy);
    void updateView();

    GroupListModel *m_groups = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_hint = nullptr;
    QWidget *m_busy = nullptr;
    QTimer *m_timer = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_copyAction = nullptr;
    QHash<QString, GroupLag> m_lags; // the last lag of each listed group

    quint64 m_generation = 0; // bumped by attach(): older answers are dropped
    quint64 m_request = 0;
    QElapsedTimer m_sinceLoad; // since the last listing was asked for
    bool m_again = false;   // refresh() while a load was under way
    bool m_loaded = false;
    bool m_failing = false; // the last load failed (said once per failure spell)
};

} // namespace kafdesk
