#pragma once

#include "views/clusterpage.h"

#include <QElapsedTimer>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace kafdesk {

class GroupListModel;

// The consumer groups of the cluster: id, state, type, members and coordinator (ListGroups, then
// one DescribeConsumerGroups for all of them) with a filter. Loads on attach, on refresh() and
// every refreshIntervalMs while the page is shown, never two at a time; a stale answer (another
// session) is dropped and a refresh merges by group id, so selection, sort and scroll survive.
// GUI thread only.
class GroupsPage : public ClusterPage {
    Q_OBJECT
public:
    static constexpr int refreshIntervalMs = 10000;
    // Above that many groups only ListGroups is asked (no members or coordinator): one describe
    // for thousands of groups every few seconds would cost the coordinators more than the list is worth.
    static constexpr int maxDescribedGroups = 1000;

    explicit GroupsPage(QWidget *parent = nullptr);

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void focusFilter() override;
    void refresh() override;

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

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
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

    quint64 m_generation = 0; // bumped by attach(): older answers are dropped
    quint64 m_request = 0;
    QElapsedTimer m_sinceLoad; // since the last listing was asked for
    bool m_again = false;   // refresh() while a load was under way
    bool m_loaded = false;
    bool m_failing = false; // the last load failed (said once per failure spell)
};

} // namespace kafdesk
