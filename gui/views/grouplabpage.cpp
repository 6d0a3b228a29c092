#include "views/grouplabpage.h"

#include "cluster/clustersession.h"
#include "messages/grouplab.h"
#include "models/grouplabeventmodel.h"
#include "models/grouplabmembermodel.h"
#include "models/grouplabpartitionmodel.h"
#include "views/datatableview.h"
#include "views/grouplabstrip.h"
#include "widgets/messagelog.h"
#include "widgets/topiccombo.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kafdesk {

GroupLabPage::GroupLabPage(QWidget *parent)
    : ClusterPage(parent), m_memberModel(new GroupLabMemberModel(this)),
      m_partitionModel(new GroupLabPartitionModel(this)), m_eventModel(new GroupLabEventModel(this))
{
    m_memberModel->setPalette(palette());
    m_partitionModel->setPalette(palette());
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(
        tr("<b>Consumer-group lab.</b> Start a few consumers that join one consumer group and read the topic. "
           "Kafka shares the topic's partitions out among the members of a group: each partition is read by "
           "exactly one member, so a group never reads a message twice, and a member may own several partitions. "
           "With more members than partitions the extra ones are idle. When a member joins, leaves or crashes, "
           "the group <i>rebalances</i>: the partitions move, and the log below shows what moved."),
        this);
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::RichText);
    layout->addWidget(m_intro);
    buildControls();
    buildViews();
    validateInput();
    updateActions();
}

GroupLabPage::~GroupLabPage()
{
    dropLab();
}

void GroupLabPage::buildControls()
{
    auto *grid = new QGridLayout;
    m_topicCombo = new QComboBox(this);
    m_topicCombo->setEditable(true);
    m_topicCombo->setInsertPolicy(QComboBox::NoInsert);
    m_topicCombo->setMinimumContentsLength(24);
    m_topicCombo->lineEdit()->setPlaceholderText(tr("topic"));
    m_groupEdit = new QLineEdit(this);
    m_groupEdit->setPlaceholderText(tr("group id"));
    m_groupEdit->setMinimumWidth(220);
    m_assignorCombo = new QComboBox(this);
    for (GroupAssignor a : allAssignors())
        m_assignorCombo->addItem(tr(qPrintable(assignorDisplayName(a))), static_cast<int>(a));
    m_assignorCombo->setToolTip(
        tr("How the group shares the partitions out (partition.assignment.strategy).\n"
           "Cooperative sticky: only the partitions that must move are revoked; the others keep reading.\n"
           "Range and round robin (eager): every member gives up everything at each rebalance, then all are "
           "assigned again."));
    m_countSpin = new QSpinBox(this);
    m_countSpin->setRange(1, GroupLab::maxMembers);
    m_countSpin->setValue(3);
    m_countSpin->setToolTip(tr("How many members to start; while the lab runs, changing it adds or removes members."));
    m_startButton = new QPushButton(tr("Start"), this);
    m_stopButton = new QPushButton(tr("Stop all"), this);
    m_stopButton->setToolTip(tr("Every member leaves the group gracefully."));

    grid->addWidget(new QLabel(tr("Topic:"), this), 0, 0);
    grid->addWidget(m_topicCombo, 0, 1);
    grid->addWidget(new QLabel(tr("Group:"), this), 0, 2);
    grid->addWidget(m_groupEdit, 0, 3);
    // Two rows, so the window can still be made narrow (a page's minimum width is the window's).
    grid->addWidget(new QLabel(tr("Assignor:"), this), 1, 0);
    grid->addWidget(m_assignorCombo, 1, 1);
    grid->addWidget(new QLabel(tr("Members:"), this), 1, 2);
    auto *runRow = new QHBoxLayout;
    runRow->addWidget(m_countSpin);
    runRow->addWidget(m_startButton);
    runRow->addWidget(m_stopButton);
    runRow->addStretch(1);
    grid->addLayout(runRow, 1, 3);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(3, 2);

    auto *row = new QHBoxLayout;
    m_addButton = new QPushButton(tr("Add member"), this);
    m_addButton->setToolTip(tr("One more consumer joins the group: watch the partitions move."));
    m_removeButton = new QPushButton(tr("Remove member"), this);
    m_removeButton->setToolTip(tr("The selected member (or the newest) leaves gracefully: its partitions move at once."));
    m_crashButton = new QPushButton(tr("Crash member"), this);
    m_crashButton->setToolTip(tr("The selected member (or the newest) stops without saying goodbye: the group only "
                                 "notices after its session timeout (6 s), and its partitions are unread until then."));
    m_trickleCheck = new QCheckBox(tr("Produce"), this);
    m_trickleCheck->setToolTip(tr("Write small keyed messages into the topic so that the members have something to "
                                  "read."));
    m_trickleSpin = new QSpinBox(this);
    m_trickleSpin->setRange(1, 10000);
    m_trickleSpin->setValue(10);
    m_trickleSpin->setSuffix(tr(" messages/s"));
    m_showGroupButton = new QPushButton(tr("Show in Consumer groups"), this);
    m_showGroupButton->setToolTip(tr("Open this group in the Consumer groups view: the same members, seen by the "
                                     "brokers."));
    row->addWidget(m_addButton);
    row->addWidget(m_removeButton);
    row->addWidget(m_crashButton);
    row->addSpacing(16);
    row->addWidget(m_trickleCheck);
    row->addWidget(m_trickleSpin);
    row->addStretch(1);
    row->addWidget(m_showGroupButton);

    m_inputError = new QLabel(this);
    m_inputError->setWordWrap(true);
    m_inputError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *outer = qobject_cast<QVBoxLayout *>(layout());
    outer->addLayout(grid);
    outer->addLayout(row);
    outer->addWidget(m_inputError);

    connect(m_topicCombo, &QComboBox::currentTextChanged, this, [this](const QString &text) {
        if (!m_groupTyped) {
            const QSignalBlocker block(m_groupEdit);
            m_groupEdit->setText(text.trimmed().isEmpty() ? QString() : defaultLabGroupId(text.trimmed()));
        }
        validateInput();
    });
    connect(m_groupEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_groupTyped = !text.isEmpty();
        validateInput();
    });
    connect(m_startButton, &QPushButton::clicked, this, &GroupLabPage::start);
    connect(m_stopButton, &QPushButton::clicked, this, &GroupLabPage::stopAll);
    connect(m_addButton, &QPushButton::clicked, this, &GroupLabPage::addMember);
    connect(m_removeButton, &QPushButton::clicked, this, [this] { removeMember(false); });
    connect(m_crashButton, &QPushButton::clicked, this, [this] { removeMember(true); });
    connect(m_countSpin, &QSpinBox::valueChanged, this, &GroupLabPage::countChanged);
    connect(m_showGroupButton, &QPushButton::clicked, this, [this] { Q_EMIT groupActivated(groupId()); });
    auto trickle = [this] {
        if (m_lab)
            m_lab->setTrickleRate(m_trickleCheck->isChecked() ? m_trickleSpin->value() : 0);
    };
    connect(m_trickleCheck, &QCheckBox::toggled, this, trickle);
    connect(m_trickleSpin, &QSpinBox::valueChanged, this, trickle);
}

void GroupLabPage::buildViews()
{
    auto *outer = qobject_cast<QVBoxLayout *>(layout());
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    QFont larger = m_summary->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.1);
    m_summary->setFont(larger);
    outer->addWidget(m_summary);

    m_stripTitle = new QLabel(this);
    outer->addWidget(m_stripTitle);
    m_strip = new GroupLabStrip(this);
    m_strip->setModel(m_partitionModel);
    m_strip->setToolTip(tr("Each cell is one partition, coloured by the member of the group that reads it."));
    outer->addWidget(m_strip);
    m_idleLabel = new QLabel(this);
    m_idleLabel->setWordWrap(true);
    outer->addWidget(m_idleLabel);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_memberTable = new QTableView(splitter);
    m_memberTable->setModel(m_memberModel);
    setUpDataTable(m_memberTable, QAbstractItemView::SingleSelection);
    m_memberTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_memberTable->horizontalHeader()->setSectionResizeMode(GroupLabMemberModel::PartitionsColumn, QHeaderView::Stretch);
    m_eventTable = new QTableView(splitter);
    m_eventTable->setModel(m_eventModel);
    setUpDataTable(m_eventTable, QAbstractItemView::NoSelection);
    // Fixed widths that fit a time and a client id: the log stays readable however narrow it gets.
    QHeaderView *logHeader = m_eventTable->horizontalHeader();
    logHeader->setSectionResizeMode(QHeaderView::Interactive);
    logHeader->setStretchLastSection(true);
    const QFontMetrics metrics = m_eventTable->fontMetrics();
    logHeader->resizeSection(GroupLabEventModel::TimeColumn,
                             metrics.horizontalAdvance(QStringLiteral("00:00:00.000")) + 16);
    logHeader->resizeSection(GroupLabEventModel::MemberColumn,
                             metrics.horizontalAdvance(QStringLiteral("kafdesk-lab-88")) + 16);
    splitter->addWidget(m_memberTable);
    splitter->addWidget(m_eventTable);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({600, 600});

    auto *labels = new QHBoxLayout;
    auto *membersTitle = new QLabel(tr("<b>Members</b>"), this);
    auto *logTitle = new QLabel(tr("<b>Rebalance log</b> (newest first)"), this);
    labels->addWidget(membersTitle, 1);
    labels->addWidget(logTitle, 1);
    outer->addLayout(labels);
    outer->addWidget(splitter, 1);
    connect(m_memberTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        if (!m_mergingMembers) {
            const QModelIndexList rows = m_memberTable->selectionModel()->selectedRows();
            m_selectedMember = rows.isEmpty() ? -1 : rows.first().data(GroupLabMemberModel::MemberIdRole).toInt();
        }
        updateActions();
    });
    showState(LabState{});
}

void GroupLabPage::changeEvent(QEvent *event)
{
    ClusterPage::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        m_memberModel->setPalette(palette());
        m_partitionModel->setPalette(palette());
    }
}

void GroupLabPage::setTopic(const QString &topic)
{
    m_topicCombo->setCurrentText(topic);
}

QString GroupLabPage::topic() const
{
    return m_topicCombo->currentText().trimmed();
}

QString GroupLabPage::groupId() const
{
    return m_groupEdit->text().trimmed();
}

void GroupLabPage::attach(ClusterSession *session, MessageLog *log)
{
    if (session != this->session())
        dropLab();
    ClusterPage::attach(session, log);
    if (!session)
        m_partitionCounts.clear();
    validateInput();
    updateActions();
}

void GroupLabPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (!snapshot)
        return;
    m_partitionCounts.clear();
    for (const TopicState &t : snapshot->topics)
        if (!t.internal)
            m_partitionCounts.insert(t.name, static_cast<int>(t.partitions.size()));
    fillTopicCombo(m_topicCombo, snapshot);
    validateInput();
}

LabSettings GroupLabPage::labSettings() const
{
    LabSettings s;
    s.topic = topic();
    s.groupId = groupId();
    s.assignor = static_cast<GroupAssignor>(m_assignorCombo->currentData().toInt());
    return s;
}

void GroupLabPage::dropLab()
{
    if (!m_lab)
        return;
    // The members leave on their own threads; deleting the lab never waits for them.
    m_lab->disconnect(this);
    delete m_lab.data();
    m_lab = nullptr;
    showState(LabState{});
    m_eventModel->clear();
}

void GroupLabPage::start()
{
    if (!session() || isReadOnly())
        return;
    if (!m_lab) {
        m_lab = new GroupLab(session()->settings(), this);
        connect(m_lab, &GroupLab::stateChanged, this, &GroupLabPage::showState);
        connect(m_lab, &GroupLab::problem, this, [this](const Error &error) {
            if (messageLog())
                messageLog()->error(error, true);
        });
    }
    const Status started = m_lab->start(labSettings(), m_countSpin->value());
    if (!started) {
        m_inputError->setText(started.error().message);
        if (messageLog() && !started.error().badInput)
            messageLog()->error(started.error(), true);
        return;
    }
    m_lab->setTrickleRate(m_trickleCheck->isChecked() ? m_trickleSpin->value() : 0);
    updateActions();
}

void GroupLabPage::stopAll()
{
    if (m_lab)
        m_lab->stopAll();
    updateActions();
}

void GroupLabPage::addMember()
{
    if (m_lab && m_lab->addMember() < 0 && messageLog())
        messageLog()->info(tr("The lab runs at most %1 members.").arg(GroupLab::maxMembers));
}

void GroupLabPage::removeMember(bool crash)
{
    const int id = chosenMember();
    if (!m_lab || id <= 0)
        return;
    if (crash)
        m_lab->killMember(id);
    else
        m_lab->removeMember(id);
}

int GroupLabPage::chosenMember() const
{
    const QModelIndexList selected = m_memberTable->selectionModel()->selectedRows();
    if (!selected.isEmpty()) {
        const LabMember &m = m_memberModel->members().value(selected.first().row());
        if (m.isActive())
            return m.id;
    }
    const QList<LabMember> &members = m_memberModel->members();
    for (auto it = members.crbegin(); it != members.crend(); ++it)
        if (it->isActive())
            return it->id;
    return -1;
}

void GroupLabPage::countChanged(int count)
{
    if (m_settingCount || !m_lab || !m_lab->state().running)
        return;
    // While the lab runs, the count is live: members are added, or the newest leave.
    int active = m_lab->state().activeMembers();
    while (active < count && m_lab->addMember() > 0)
        ++active;
    const QList<LabMember> members = m_lab->state().members;
    for (auto it = members.crbegin(); it != members.crend() && active > count; ++it) {
        if (it->isActive() && m_lab->removeMember(it->id))
            --active;
    }
}

} // namespace kafdesk
