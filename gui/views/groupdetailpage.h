#pragma once

#include "admin/grouplag.h"
#include "kafka/admintypes.h"
#include "views/clusterpage.h"

#include <QElapsedTimer>

#include <optional>

class QAction;
class QDialog;
class QLabel;
class QStackedWidget;
class QTableView;
class QTimer;

namespace kafdesk {

class GroupMemberModel;
class GroupOffsetModel;
class LagChart;

// One consumer group: a header (state, members, coordinator, assignor, total lag), its members
// with their assigned partitions, its per-partition offsets (committed — "no commit" where there
// is none —, log end, lag, owner and host) and a lag-over-time chart (total and per topic).
// Polls the group's lag (with the owners) and description every pollInterval() while shown,
// never two at a time, dropping answers for another group or session; refreshes merge. A group
// that disappears says so. Actions: Reset Offsets…, Delete Offsets of Topic…, Delete Group…
// (disabled with the reason on read-only connections) and Refresh (F5). GUI thread only.
class GroupDetailPage : public ClusterPage {
    Q_OBJECT
public:
    static constexpr int defaultPollIntervalMs = 5000; // ARCHITECTURE.md: lag every 5 s

    explicit GroupDetailPage(QWidget *parent = nullptr);

    void attach(ClusterSession *session, MessageLog *log) override;
    void refresh() override;
    void deleteSelected() override;

    void showGroup(const QString &group);
    QString group() const { return m_group; }

    void setPollInterval(int ms);
    int pollInterval() const;

    GroupMemberModel *memberModel() const { return m_members; }
    GroupOffsetModel *offsetModel() const { return m_offsets; }
    QTableView *memberTable() const { return m_memberTable; }
    QTableView *offsetTable() const { return m_offsetTable; }
    LagChart *chart() const { return m_chart; }
    QAction *resetAction() const { return m_resetAction; }
    QAction *deleteOffsetsAction() const { return m_deleteOffsetsAction; }
    QAction *deleteGroupAction() const { return m_deleteGroupAction; }
    QAction *refreshAction() const { return m_refreshAction; }

    bool isLoading() const { return m_request != 0; }
    // How many answers for this group came back (successful or not) since showGroup().
    int loadCount() const { return m_loads; }
    bool exists() const { return m_exists; }
    std::optional<GroupLag> lastLag() const { return m_lag; }
    const GroupDescription &description() const { return m_description; }
    // The header as one line of text ("State: Empty · Members: 0 · …"), and the sentence shown
    // above the tables (the group is gone, has no commit, a refresh failed), or empty.
    QString headerText() const;
    QString noticeText() const;
    // The sentences shown instead of the offsets / members tables when they are empty.
    QString offsetsEmptyText() const;
    QString membersEmptyText() const;

    // Dialogs for this group (non-modal, deleted on close); null when not possible.
    QDialog *resetOffsets(const QString &topic = {});
    QDialog *deleteOffsets(const QString &topic = {});
    QDialog *deleteGroup();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    QWidget *buildHeader();
    QWidget *buildToolbar();
    QWidget *buildTables();
    void load();
    void showDetail(const GroupDescription &description, const GroupLag &lag, bool exists);
    void showMissing();
    void showNotice(const QString &text);
    void updateHeader();
    void updateEmptyStates();
    void updateActions();
    QString selectedTopic() const;
    QStringList committedTopics() const;

    QString m_group;
    GroupMemberModel *m_members = nullptr;
    GroupOffsetModel *m_offsets = nullptr;
    LagChart *m_chart = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_memberCount = nullptr;
    QLabel *m_coordinator = nullptr;
    QLabel *m_assignor = nullptr;
    QLabel *m_totalLag = nullptr;
    QLabel *m_notice = nullptr;
    QStackedWidget *m_offsetStack = nullptr;
    QStackedWidget *m_memberStack = nullptr;
    QTableView *m_offsetTable = nullptr;
    QTableView *m_memberTable = nullptr;
    QLabel *m_offsetsEmpty = nullptr;
    QLabel *m_membersEmpty = nullptr;
    QAction *m_resetAction = nullptr;
    QAction *m_deleteOffsetsAction = nullptr;
    QAction *m_deleteGroupAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QTimer *m_timer = nullptr;

    std::optional<GroupLag> m_lag;
    GroupDescription m_description;
    quint64 m_generation = 0; // bumped by attach() and showGroup(): older answers are dropped
    quint64 m_request = 0;
    QElapsedTimer m_sinceLoad; // since the last poll was asked for
    bool m_again = false;
    bool m_exists = false;
    bool m_loaded = false;
    bool m_failing = false;
    int m_loads = 0;
};

} // namespace kafdesk
