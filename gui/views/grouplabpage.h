#pragma once

#include "messages/grouplab.h"
#include "views/clusterpage.h"

#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace kafdesk {

class GroupLab;
class GroupLabEventModel;
class GroupLabMemberModel;
class GroupLabPartitionModel;
class GroupLabStrip;

// The consumer-group lab: 1-8 in-app consumers in one group on a topic, and who owns which
// partition, live. A learner sees that each partition is read by exactly one member, that extra
// members stay idle, and what moves when a member joins, leaves or crashes. The members are real
// (GroupLab, on threads of their own), so the Consumer groups view shows the same group.
// Hiding the page keeps the lab running; attaching another session (or none) stops it at once.
class GroupLabPage : public ClusterPage {
    Q_OBJECT
public:
    explicit GroupLabPage(QWidget *parent = nullptr);
    ~GroupLabPage() override;

    // Presets the topic (and the default group id "kafdesk-lab-<topic>" unless one was typed).
    void setTopic(const QString &topic);
    QString topic() const;
    QString groupId() const;

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;

    // For tests and the window.
    GroupLab *lab() const { return m_lab; }
    GroupLabMemberModel *memberModel() const { return m_memberModel; }
    GroupLabPartitionModel *partitionModel() const { return m_partitionModel; }
    GroupLabEventModel *eventModel() const { return m_eventModel; }
    QComboBox *topicCombo() const { return m_topicCombo; }
    QComboBox *assignorCombo() const { return m_assignorCombo; }
    QLineEdit *groupEdit() const { return m_groupEdit; }
    QSpinBox *memberCountSpin() const { return m_countSpin; }
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    QPushButton *crashButton() const { return m_crashButton; }
    QPushButton *showGroupButton() const { return m_showGroupButton; }
    QTableView *memberTable() const { return m_memberTable; }
    QString summaryText() const;
    QString idleText() const;
    QString inputError() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildControls();
    void buildViews();
    void start();
    void stopAll();
    void addMember();
    void removeMember(bool crash);
    void countChanged(int count);
    void showState(const LabState &state);
    void updateActions();
    void updateSummary(const LabState &state);
    void validateInput();
    int chosenMember() const; // the selected member, else the newest active one
    void dropLab();
    LabSettings labSettings() const;

    QPointer<GroupLab> m_lab;
    bool m_groupTyped = false; // the user typed a group id: setTopic() keeps it
    bool m_settingCount = false;
    bool m_mergingMembers = false; // selection changes meanwhile are the view's, not the user's
    int m_selectedMember = -1;
    QMap<QString, int> m_partitionCounts;

    QLabel *m_intro = nullptr;
    QComboBox *m_topicCombo = nullptr;
    QLineEdit *m_groupEdit = nullptr;
    QComboBox *m_assignorCombo = nullptr;
    QSpinBox *m_countSpin = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    QPushButton *m_crashButton = nullptr;
    QCheckBox *m_trickleCheck = nullptr;
    QSpinBox *m_trickleSpin = nullptr;
    QPushButton *m_showGroupButton = nullptr;
    QLabel *m_inputError = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_stripTitle = nullptr;
    QLabel *m_idleLabel = nullptr;
    GroupLabStrip *m_strip = nullptr;
    QTableView *m_memberTable = nullptr;
    QTableView *m_eventTable = nullptr;
    GroupLabMemberModel *m_memberModel = nullptr;
    GroupLabPartitionModel *m_partitionModel = nullptr;
    GroupLabEventModel *m_eventModel = nullptr;
};

} // namespace kafdesk
