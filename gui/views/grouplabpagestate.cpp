// GroupLabPage: showing the lab's state (summary sentence, strip, tables) and which actions apply.

#include "cluster/clustersession.h"
#include "messages/grouplab.h"
#include "models/grouplabeventmodel.h"
#include "models/grouplabmembermodel.h"
#include "models/grouplabpartitionmodel.h"
#include "views/grouplabpage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QItemSelectionModel>
#include <QSpinBox>
#include <QTableView>

namespace kafdesk {

namespace {

// "one" .. "eight", else digits: the summary reads like a sentence.
QString countWord(int n)
{
    switch (n) {
    case 1: return GroupLabPage::tr("one");
    case 2: return GroupLabPage::tr("two");
    case 3: return GroupLabPage::tr("three");
    case 4: return GroupLabPage::tr("four");
    case 5: return GroupLabPage::tr("five");
    case 6: return GroupLabPage::tr("six");
    case 7: return GroupLabPage::tr("seven");
    case 8: return GroupLabPage::tr("eight");
    default: return QString::number(n);
    }
}

bool settling(const LabState &state)
{
    return std::any_of(state.members.cbegin(), state.members.cend(), [](const LabMember &m) {
        return m.state == LabMember::State::Joining || m.state == LabMember::State::Rebalancing;
    });
}

} // namespace

QString GroupLabPage::summaryText() const
{
    return m_summary->text();
}

QString GroupLabPage::idleText() const
{
    return m_idleLabel->text();
}

QString GroupLabPage::inputError() const
{
    return m_inputError->text();
}

void GroupLabPage::showState(const LabState &state)
{
    m_mergingMembers = true;
    m_memberModel->setMembers(state.members);
    m_mergingMembers = false;
    // When the selected member goes, nothing is selected: the view would select its neighbour, and
    // the next "Remove member" would take someone the user did not choose.
    const QModelIndexList rows = m_memberTable->selectionModel()->selectedRows();
    const int shownId = rows.isEmpty() ? -1 : rows.first().data(GroupLabMemberModel::MemberIdRole).toInt();
    if (shownId != m_selectedMember) {
        if (const int row = m_memberModel->rowOf(m_selectedMember); row >= 0) {
            m_memberTable->selectRow(row);
        } else {
            m_selectedMember = -1;
            m_memberTable->selectionModel()->clear();
        }
    }
    // Before the members know, the strip shows the chosen topic's partitions from the snapshot.
    LabState shown = state;
    if (!state.running && state.members.isEmpty()) { // what Start would run
        shown.topic = topic();
        shown.groupId = groupId();
        shown.assignor = labSettings().assignor;
        shown.partitionCount = -1;
    }
    if (shown.partitionCount < 0)
        shown.partitionCount = m_partitionCounts.value(shown.topic, -1);
    m_partitionModel->setState(shown);
    m_eventModel->setState(state);
    if (shown.topic.isEmpty() || shown.partitionCount < 0)
        m_stripTitle->setText(tr("<b>Partitions</b>: each cell is one partition, coloured by the member that reads it."));
    else
        m_stripTitle->setText(tr("<b>Partitions of %1</b>, read by group <b>%2</b> with the %3 assignor")
                                  .arg(shown.topic.toHtmlEscaped(), shown.groupId.toHtmlEscaped(),
                                       assignorConfigValue(shown.assignor)));
    QStringList idle;
    for (const LabMember &m : state.members)
        if (m.state == LabMember::State::Idle)
            idle << m.clientId;
    m_idleLabel->setText(idle.isEmpty() ? QString()
                                        : tr("\u25cb Idle, with no partition to read: %1. An idle member takes over "
                                             "when a member that owns partitions leaves.")
                                              .arg(idle.join(QStringLiteral(", "))));
    m_idleLabel->setVisible(!idle.isEmpty());
    updateSummary(state);
    if (state.running) {
        const QSignalBlocker block(m_countSpin);
        m_countSpin->setValue(std::max(1, state.activeMembers()));
    }
    updateActions();
}

void GroupLabPage::updateSummary(const LabState &state)
{
    const int members = state.activeMembers();
    const int partitions = state.partitionCount;
    QString text;
    if (!session()) {
        text = tr("Connect to a cluster to use the lab.");
    } else if (state.members.isEmpty()) {
        text = tr("Choose a topic and how many members to start, then press Start.");
    } else if (members == 0) {
        const bool crashed = std::any_of(state.members.cbegin(), state.members.cend(), [](const LabMember &m) {
            return m.state == LabMember::State::Crashed;
        });
        text = crashed ? tr("No member is running. The group keeps a crashed member until its session times out.")
                       : tr("Every member is leaving the group.");
    } else if (partitions < 0 || settling(state)) {
        text = tr("%1 joining group %2: the group coordinator is sharing out the partitions…")
                   .arg(members == 1 ? tr("One member is") : tr("%1 members are").arg(members), state.groupId);
    } else {
        const QString head = tr("%1 %2, %3 %4:")
                                 .arg(members)
                                 .arg(members == 1 ? tr("member") : tr("members"))
                                 .arg(partitions)
                                 .arg(partitions == 1 ? tr("partition") : tr("partitions"));
        QList<int> unread;
        QList<int> orphaned;
        QStringList crashed;
        const QMap<int, int> owners = state.owners();
        for (int p = 0; p < partitions; ++p) {
            if (!owners.contains(p)) {
                unread << p;
            } else if (const LabMember *m = state.member(owners.value(p)); m && m->state == LabMember::State::Crashed) {
                orphaned << p;
                if (!crashed.contains(m->clientId))
                    crashed << m->clientId;
            }
        }
        const int idle = state.idleMembers();
        if (!orphaned.isEmpty())
            text = tr("%1 %2 crashed without leaving the group. %3 still belong to it and nobody reads them "
                      "until its session times out (after %4 s); then the group gives them to the others.")
                       .arg(head, crashed.join(QStringLiteral(", ")),
                            orphaned.size() == 1 ? tr("Partition %1").arg(orphaned.first())
                                                 : tr("Partitions %1").arg(partitionListText(orphaned)))
                       .arg(m_lab ? m_lab->settings().sessionTimeoutMs / 1000 : 6);
        else if (idle > 0)
            text = tr("%1 a partition is read by only one member of a group, so %2 %3 idle.")
                       .arg(head, countWord(idle), idle == 1 ? tr("member is") : tr("members are"));
        else if (members == partitions)
            text = tr("%1 each member reads exactly one partition.").arg(head);
        else if (members == 1)
            text = tr("%1 the only member of the group reads every partition.").arg(head);
        else
            text = tr("%1 each partition is read by only one member, so some members read more than one.").arg(head);
        if (!unread.isEmpty())
            text += QLatin1Char(' ') + (unread.size() == 1 ? tr("Partition %1 is not read by anyone yet.")
                                                           : tr("Partitions %1 are not read by anyone yet."))
                                           .arg(partitionListText(unread));
    }
    m_summary->setText(text);
}

void GroupLabPage::validateInput()
{
    QString problem;
    const LabSettings s = labSettings();
    if (!s.topic.isEmpty()) {
        if (Status v = validateLabSettings(s); !v)
            problem = v.error().message;
        else if (!m_partitionCounts.isEmpty() && !m_partitionCounts.contains(s.topic))
            problem = tr("There is no topic named %1 on this cluster.").arg(s.topic);
    }
    m_inputError->setText(problem.isEmpty() ? QString() : QStringLiteral("\u26a0 ") + problem);
    m_inputError->setVisible(!problem.isEmpty());
    if (!m_lab || !m_lab->state().running)
        showState(m_lab ? m_lab->state() : LabState{});
    else
        updateActions();
}

void GroupLabPage::updateActions()
{
    const bool connected = session() != nullptr;
    const bool writable = connected && !isReadOnly();
    const LabState state = m_lab ? m_lab->state() : LabState{};
    const bool running = state.running;
    const int active = state.activeMembers();
    const bool inputOk = !topic().isEmpty() && validateLabSettings(labSettings()).ok() &&
                         (m_partitionCounts.isEmpty() || m_partitionCounts.contains(topic()));
    m_startButton->setEnabled(writable && !running && inputOk);
    QString why;
    if (!connected)
        why = tr("Connect to a cluster first.");
    else if (isReadOnly())
        why = readOnlyReason() + QLatin1Char(' ') + tr("The lab's members join a group and commit offsets.");
    else if (running)
        why = tr("The lab is running: add or remove members, or stop it first.");
    m_startButton->setToolTip(why.isEmpty() ? tr("Start the members: they join the group and read the topic.") : why);
    m_stopButton->setEnabled(running && active > 0);
    m_addButton->setEnabled(running && active < GroupLab::maxMembers);
    m_removeButton->setEnabled(running && active > 0);
    m_crashButton->setEnabled(running && active > 0);
    for (QWidget *w : {static_cast<QWidget *>(m_topicCombo), static_cast<QWidget *>(m_groupEdit),
                       static_cast<QWidget *>(m_assignorCombo)}) {
        w->setEnabled(!running);
        w->setToolTip(running ? tr("Stop the lab to change the topic, the group or the assignor: every member of a "
                                   "group must use the same assignor.")
                              : QString());
    }
    m_trickleCheck->setEnabled(writable);
    m_trickleSpin->setEnabled(writable);
    m_showGroupButton->setEnabled(connected && !groupId().isEmpty());
}

} // namespace kafdesk
