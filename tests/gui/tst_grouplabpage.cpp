// The consumer-group lab page against the shared cluster, offscreen: four members on a
// three-partition topic show three owners and one idle member, the partition strip names the
// owner the core reports (and Kafka's ConsumerGroupCommand too), removing an owner moves its
// partition, and switching clusters stops the lab without blocking. Screenshot lab-4-consumers.png.

#include "cluster/clustersession.h"
#include "messages/grouplab.h"
#include "models/grouplabeventmodel.h"
#include "models/grouplabmembermodel.h"
#include "models/grouplabpartitionmodel.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/grouplabpage.h"
#include "widgets/messagelog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <cmath>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

// WCAG contrast ratio between two colours (1 to 21).
double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}


// Every cell of the strip names its owner in a colour that reads on its background.
void checkStripContrast(const GroupLabPartitionModel &model)
{
    for (int p = 0; p < model.rowCount(); ++p) {
        const QModelIndex cell = model.index(p);
        const double ratio = contrast(cell.data(Qt::BackgroundRole).value<QColor>(),
                                      cell.data(Qt::ForegroundRole).value<QColor>());
        QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("partition %1: contrast %2").arg(p).arg(ratio)));
    }
}

bool settled(const LabState &state, int partitions, int members)
{
    return state.members.size() == members && state.owners().size() == partitions &&
           std::all_of(state.members.cbegin(), state.members.cend(), [](const LabMember &m) {
               return m.state == LabMember::State::Assigned || m.state == LabMember::State::Idle;
           });
}

} // namespace

class TestGroupLabPage : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    std::unique_ptr<ClusterSession> m_session;
    MessageLog m_log;
    QString m_topic = uniqueName(QStringLiteral("labpage"));
    QStringList m_violations;

    void attach(GroupLabPage &page, ClusterSession *session)
    {
        connect(session, &ClusterSession::snapshotReady, &page, &GroupLabPage::showSnapshot);
        page.attach(session, &m_log);
        if (session->latestSnapshot())
            page.showSnapshot(session->latestSnapshot());
    }

    // Checks every state the page's lab emits: never two members on one partition, and the strip
    // names the owner the core reports.
    void watch(GroupLabPage &page)
    {
        connect(page.lab(), &GroupLab::stateChanged, this, [this, &page](const LabState &state) {
            if (const QList<int> twice = state.partitionsOwnedTwice(); !twice.isEmpty())
                m_violations << QStringLiteral("partitions %1 owned twice").arg(partitionListText(twice));
            const QMap<int, int> owners = state.owners();
            for (auto it = owners.cbegin(); it != owners.cend(); ++it)
                if (page.partitionModel()->ownerName(it.key()) != state.member(it.value())->clientId)
                    m_violations << QStringLiteral("strip cell %1 names %2").arg(it.key()).arg(page.partitionModel()->ownerName(it.key()));
        });
    }

    bool groupEmpty(const QString &group)
    {
        const RunResult r = kafkaTool(QStringLiteral("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"),
                                      {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--describe"),
                                       QStringLiteral("--group"), group, QStringLiteral("--state")});
        return r.exitCode == 0 && r.out.contains(QStringLiteral(" Empty "));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        m_session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(m_bootstrap));
        m_session->setPollInterval(500);
        m_session->start();
        const RunResult created = ctl({QStringLiteral("topics"), QStringLiteral("create"), m_topic,
                                       QStringLiteral("--partitions"), QStringLiteral("3"),
                                       QStringLiteral("--replication-factor"), QStringLiteral("3"),
                                       QStringLiteral("--bootstrap"), m_bootstrap});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        QVERIFY(QTest::qWaitFor([&] {
            const ClusterSnapshotPtr s = m_session->latestSnapshot();
            return s && s->topic(m_topic) && s->topic(m_topic)->partitions.size() == 3;
        }, 30000));
    }

    void cleanupTestCase() { QVERIFY(GroupLab::waitForAllMembers(10000)); }

    void cleanup()
    {
        QVERIFY2(m_violations.isEmpty(), qPrintable(m_violations.join(QLatin1Char('\n'))));
        m_violations.clear();
    }

    void fourConsumersOnThreePartitions()
    {
        GroupLabPage page;
        QAbstractItemModelTester members(page.memberModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester strip(page.partitionModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester log(page.eventModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1200, 760);
        page.show();
        QVERIFY(!page.startButton()->isEnabled());
        attach(page, m_session.get());
        QTRY_VERIFY_WITH_TIMEOUT(page.topicCombo()->findText(m_topic) >= 0, 10000);
        page.setTopic(m_topic);
        QCOMPARE(page.topic(), m_topic);
        QCOMPARE(page.groupId(), QStringLiteral("kafdesk-lab-") + m_topic);
        QVERIFY(page.inputError().isEmpty());
        QVERIFY(page.startButton()->isEnabled());
        page.memberCountSpin()->setValue(4);
        page.assignorCombo()->setCurrentIndex(page.assignorCombo()->findData(static_cast<int>(GroupAssignor::CooperativeSticky)));
        QTest::mouseClick(page.startButton(), Qt::LeftButton);
        QVERIFY(page.lab());
        watch(page);
        QVERIFY(!page.startButton()->isEnabled());
        QVERIFY(!page.topicCombo()->isEnabled());
        QCOMPARE(page.memberModel()->rowCount(), 4);

        QTRY_VERIFY_WITH_TIMEOUT(settled(page.lab()->state(), 3, 4), 30000);
        const LabState state = page.lab()->state();
        // Three owners and one idle member, as the table shows them.
        int reading = 0;
        int idle = 0;
        for (int row = 0; row < page.memberModel()->rowCount(); ++row) {
            const auto s = static_cast<LabMember::State>(
                page.memberModel()->index(row, 0).data(GroupLabMemberModel::StateRole).toInt());
            const QString shown = page.memberModel()->index(row, GroupLabMemberModel::StateColumn).data().toString();
            if (s == LabMember::State::Assigned) {
                ++reading;
                QVERIFY2(shown.contains(QStringLiteral("Reading")), qPrintable(shown));
            } else if (s == LabMember::State::Idle) {
                ++idle;
                QVERIFY2(shown.contains(QStringLiteral("Idle")), qPrintable(shown));
                QCOMPARE(page.memberModel()->index(row, GroupLabMemberModel::PartitionsColumn).data().toString(),
                         QStringLiteral("none"));
            }
        }
        QCOMPARE(reading, 3);
        QCOMPARE(idle, 1);
        // The strip: one cell per partition, naming the owner the core reports.
        QCOMPARE(page.partitionModel()->rowCount(), 3);
        for (int p = 0; p < 3; ++p) {
            const QString owner = state.member(state.owners().value(p))->clientId;
            QCOMPARE(page.partitionModel()->ownerName(p), owner);
            const QString text = page.partitionModel()->index(p).data().toString();
            QVERIFY2(text.contains(owner) && text.contains(QStringLiteral("Partition %1").arg(p)), qPrintable(text));
        }
        QVERIFY2(page.summaryText().startsWith(QStringLiteral("4 members, 3 partitions:")), qPrintable(page.summaryText()));
        QVERIFY2(page.summaryText().contains(QStringLiteral("so one member is idle")), qPrintable(page.summaryText()));
        QVERIFY(page.eventModel()->rowCount() >= 7); // 4 joined, 3+ assignments

        // Something to read, so the counts move in the screenshot.
        page.findChild<QCheckBox *>()->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(page.lab()->state().produced >= 20, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            std::all_of(page.lab()->state().members.cbegin(), page.lab()->state().members.cend(),
                        [](const LabMember &m) { return m.partitions.isEmpty() || m.totalConsumed() > 0; }),
            20000);
        page.findChild<QCheckBox *>()->setChecked(false);
        QTest::qWait(300);
        const QString idleName = state.members.at(
            std::find_if(state.members.cbegin(), state.members.cend(),
                         [](const LabMember &m) { return m.state == LabMember::State::Idle; }) -
            state.members.cbegin()).clientId;
        QVERIFY2(page.idleText().contains(idleName), qPrintable(page.idleText()));
        checkStripContrast(*page.partitionModel());
        test::saveScreenshot(page, QStringLiteral("lab-4-consumers.png"));
        // The same in a dark palette: the cells turn deep, the names stay readable.
        const QColor lightCell = page.partitionModel()->index(0).data(Qt::BackgroundRole).value<QColor>();
        page.setPalette(darkPalette());
        QTRY_VERIFY(page.partitionModel()->index(0).data(Qt::BackgroundRole).value<QColor>() != lightCell);
        QVERIFY(page.partitionModel()->index(0).data(Qt::BackgroundRole).value<QColor>().lightness() < 128);
        checkStripContrast(*page.partitionModel());
        test::saveScreenshot(page, QStringLiteral("lab-4-consumers-dark.png"));
        page.setPalette(QPalette());

        // "Show in Consumer groups" asks the window for this group.
        QSignalSpy activated(&page, &ClusterPage::groupActivated);
        QTest::mouseClick(page.showGroupButton(), Qt::LeftButton);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().toString(), page.groupId());

        // Remove the owner of partition 0 (selected in the table): the idle member takes it over.
        const LabState before = page.lab()->state();
        const int owner = before.owners().value(0);
        int idleId = -1;
        for (const LabMember &m : before.members)
            if (m.state == LabMember::State::Idle)
                idleId = m.id;
        page.memberTable()->selectRow(page.memberModel()->rowOf(owner));
        QTest::mouseClick(page.removeButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(settled(page.lab()->state(), 3, 3), 15000);
        QCOMPARE(page.partitionModel()->ownerName(0), page.lab()->state().member(idleId)->clientId);
        QCOMPARE(page.memberCountSpin()->value(), 3);
        QVERIFY(page.memberTable()->selectionModel()->selectedRows().isEmpty()); // not moved to a neighbour
        QVERIFY2(page.summaryText().contains(QStringLiteral("each member reads exactly one partition")),
                 qPrintable(page.summaryText()));

        // The member count is live while the lab runs: eight members, five of them idle.
        page.memberCountSpin()->setValue(8);
        QTRY_VERIFY_WITH_TIMEOUT(settled(page.lab()->state(), 3, 8), 30000);
        QCOMPARE(page.memberModel()->rowCount(), 8);
        QVERIFY(!page.addButton()->isEnabled());
        QVERIFY2(page.summaryText().contains(QStringLiteral("so five members are idle")), qPrintable(page.summaryText()));
        test::saveScreenshot(page, QStringLiteral("lab-8-consumers.png"));
        // And back down to two: the newest leave, the two left share the three partitions.
        page.memberCountSpin()->setValue(2);
        QTRY_VERIFY_WITH_TIMEOUT(settled(page.lab()->state(), 3, 2), 30000);
        QVERIFY2(page.summaryText().contains(QStringLiteral("some members read more than one")),
                 qPrintable(page.summaryText()));

        // A crash: the member's partitions stay its own, unread, until the session times out.
        const int victim = page.lab()->state().owners().value(0);
        page.memberTable()->selectRow(page.memberModel()->rowOf(victim));
        QTest::mouseClick(page.crashButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(page.lab()->state().member(victim) &&
                                     page.lab()->state().member(victim)->state == LabMember::State::Crashed,
                                 5000);
        QTRY_VERIFY(page.summaryText().contains(QStringLiteral("crashed without leaving the group")));
        QVERIFY2(page.partitionModel()->index(0).data().toString().contains(QStringLiteral("crashed")),
                 qPrintable(page.partitionModel()->index(0).data().toString()));
        test::saveScreenshot(page, QStringLiteral("lab-crashed.png"));
        QTRY_VERIFY_WITH_TIMEOUT(settled(page.lab()->state(), 3, 1), 30000);

        QVERIFY2(page.summaryText().startsWith(QStringLiteral("1 member, 3 partitions: the only member")),
                 qPrintable(page.summaryText()));

        // Switching clusters stops the lab at once; the members leave on their own threads.
        const QString group = page.groupId();
        QElapsedTimer timer;
        timer.start();
        page.attach(nullptr, &m_log);
        QVERIFY2(timer.elapsed() < 250, qPrintable(QString::number(timer.elapsed()))); // members leaving would take longer
        QVERIFY(!page.lab());
        QCOMPARE(page.memberModel()->rowCount(), 0);
        QVERIFY(!page.startButton()->isEnabled());
        QVERIFY(waitUntil([&] { return groupEmpty(group); }, 30s, 200) >= 0);
    }

    void explainsBadInput()
    {
        GroupLabPage page;
        page.resize(1200, 760);
        page.show();
        attach(page, m_session.get());
        QTRY_VERIFY_WITH_TIMEOUT(page.topicCombo()->findText(m_topic) >= 0, 10000);
        page.setTopic(m_topic + QStringLiteral("-missing"));
        QVERIFY2(page.inputError().contains(QStringLiteral("no topic named")), qPrintable(page.inputError()));
        QVERIFY(!page.startButton()->isEnabled());
        page.setTopic(m_topic);
        QVERIFY(page.inputError().isEmpty());
        page.groupEdit()->clear();
        QTest::keyClicks(page.groupEdit(), QStringLiteral("a"));
        QTest::keyClick(page.groupEdit(), Qt::Key_Backspace);
        QVERIFY2(page.inputError().contains(QStringLiteral("group")), qPrintable(page.inputError()));
        QVERIFY(!page.startButton()->isEnabled());
        // A typed group id survives a change of topic.
        QTest::keyClicks(page.groupEdit(), QStringLiteral("my-lab"));
        page.setTopic(m_topic);
        QCOMPARE(page.groupId(), QStringLiteral("my-lab"));
        QVERIFY(page.startButton()->isEnabled());
    }

    void readOnlyConnectionsCannotStart()
    {
        ConnectionSettings settings = ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("prod"));
        settings.readOnly = true;
        ClusterSession readOnly(settings);
        GroupLabPage page;
        page.attach(&readOnly, &m_log);
        page.setTopic(m_topic);
        QVERIFY(!page.startButton()->isEnabled());
        QVERIFY2(page.startButton()->toolTip().contains(QStringLiteral("read-only")),
                 qPrintable(page.startButton()->toolTip()));
        page.attach(nullptr, &m_log);
    }
};

QTEST_MAIN(TestGroupLabPage)
#include "tst_grouplabpage.moc"
