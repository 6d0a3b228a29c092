// The Consumer groups page, the group detail page and the reset / delete dialogs against the
// shared real cluster, offscreen, checked against Kafka's own ConsumerGroupCommand: lag per group
// and per partition, "no commit" for an assigned partition without a commit, resets through the
// dialog for four strategies (preview = --dry-run, result = --describe), the refusal for an active
// group, deletes, bad input, and the lag chart; screenshots of the detail page and the preview.

#include "charts/lagchart.h"
#include "cluster/clustersession.h"
#include "commands/kafkacommand.h"
#include "dialogs/deletegroupdialog.h"
#include "dialogs/deletegroupoffsetsdialog.h"
#include "dialogs/resetoffsetsdialog.h"
#include "dialogs/resetoffsetspreviewmodel.h"
#include "dialogs/topicdialogmessage.h"
#include "models/grouplistmodel.h"
#include "models/groupmembermodel.h"
#include "models/groupoffsetmodel.h"
#include "support/screenshot.h"
#include "support/groupcommand.h"
#include "support/pythonpeers.h"
#include "support/testsupport.h"
#include "views/groupdetailpage.h"
#include "views/groupspage.h"
#include "widgets/commandlinepreview.h"
#include "widgets/messagelog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

template <typename T>
T *findDialog(const QString &objectName)
{
    for (QWidget *w : QApplication::topLevelWidgets())
        if (auto *d = qobject_cast<T *>(w); d && d->objectName() == objectName && d->isVisible())
            return d;
    return nullptr;
}

} // namespace

class TestGroupsPages : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    std::unique_ptr<ClusterSession> m_session;
    MessageLog m_log;
    const QString m_prefix = uniqueName(QStringLiteral("gp"));
    const QString m_topic = m_prefix + QStringLiteral("-orders"); // 3 partitions: 10, 6, 4 messages
    const QString m_other = m_prefix + QStringLiteral("-audit");  // 1 partition: 5 messages
    const QString m_idle = m_prefix + QStringLiteral("-idle");    // committed 4, 6, 1 on m_topic
    QDateTime m_between; // after the first half of each partition's messages, before the second

    QStringList bootstrapArgs() const { return {QStringLiteral("--bootstrap-server"), m_bootstrap}; }
    RunResult groupTool(const QStringList &args) const { return kafkaTool(groupCommand, bootstrapArgs() + args); }
    QList<DescribedRow> describe(const QString &group) const
    {
        return parseDescribe(groupTool({QStringLiteral("--describe"), QStringLiteral("--group"), group}).out);
    }

    bool produce(const QString &topic, int partition, int count) const
    {
        const QString script =
            QStringLiteral("seq 1 %1 | kcat -P -b %2 -t %3 -p %4").arg(count).arg(m_bootstrap, topic).arg(partition);
        return run(QStringLiteral("sh"), {QStringLiteral("-c"), script}, {}, 30000).exitCode == 0;
    }
    bool commit(const QString &group, const QStringList &offsets) const
    {
        const RunResult r =
            commitOffsetsWithPython(m_bootstrap, group, offsets);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return r.exitCode == 0;
    }
    QString tp(int partition, qint64 offset, const QString &topic = {}) const
    {
        return QStringLiteral("%1:%2:%3").arg(topic.isEmpty() ? m_topic : topic).arg(partition).arg(offset);
    }

    template <typename Page>
    void attach(Page &page)
    {
        connect(m_session.get(), &ClusterSession::snapshotReady, &page, &Page::showSnapshot);
        page.attach(m_session.get(), &m_log);
    }

    // A detail page on the group, shown, after its first answer.
    void openDetail(GroupDetailPage &page, const QString &group, int pollMs = 1000)
    {
        attach(page);
        page.setPollInterval(pollMs);
        page.resize(1200, 760);
        page.showGroup(group);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.loadCount() > 0, 20000);
    }

    // The dialog's preview for the fields as they are, computed.
    static bool previewDone(const ResetOffsetsDialog &d) { return d.hasCurrentPlan() && !d.isPreviewing(); }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        for (const auto &[name, partitions] : {std::pair{m_topic, 3}, std::pair{m_other, 1}}) {
            const RunResult r = ctl({QStringLiteral("topics"), QStringLiteral("create"), name,
                                     QStringLiteral("--partitions"), QString::number(partitions),
                                     QStringLiteral("--replication-factor"), QStringLiteral("3"),
                                     QStringLiteral("--bootstrap"), m_bootstrap});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        }
        QVERIFY(produce(m_topic, 0, 5) && produce(m_topic, 1, 3) && produce(m_topic, 2, 2));
        QTest::qWait(1200);
        m_between = QDateTime::currentDateTimeUtc();
        QTest::qWait(1200);
        QVERIFY(produce(m_topic, 0, 5) && produce(m_topic, 1, 3) && produce(m_topic, 2, 2));
        QVERIFY(produce(m_other, 0, 5));
        QVERIFY(commit(m_idle, {tp(0, 4), tp(1, 6), tp(2, 1)}));

        m_session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(m_bootstrap));
        m_session->setPollInterval(1000);
        m_session->start();
        QVERIFY(QTest::qWaitFor([&] {
            const ClusterSnapshotPtr s = m_session->latestSnapshot();
            return s && s->topic(m_topic) && s->topic(m_other);
        }, 30000));
    }

    void groupsTableShowsLagAsConsumerGroupCommand()
    {
        GroupsPage page;
        QAbstractItemModelTester tester(page.groupModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(page.proxyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        attach(page);
        page.setRefreshInterval(1000);
        page.resize(1100, 600);
        page.show();
        auto row = [&]() -> const GroupListModel::Row * {
            const int r = page.groupModel()->rowOf(m_idle);
            return r < 0 ? nullptr : &page.groupModel()->rows().at(r);
        };
        QTRY_VERIFY_WITH_TIMEOUT(row() && row()->lagKnown, 30000);
        const QList<DescribedRow> kafka = describe(m_idle);
        QCOMPARE(kafka.size(), 3);
        qint64 kafkaLag = 0;
        for (const DescribedRow &k : kafka)
            kafkaLag += k.lag.toLongLong();
        QCOMPARE(kafkaLag, 9); // 10-4, 6-6, 4-1
        QCOMPARE(row()->state, QStringLiteral("Empty"));
        QCOMPARE(row()->members, 0);
        QCOMPARE(row()->totalLag, kafkaLag);
        QCOMPARE(row()->topics, QStringList{m_topic});
        const int r = page.groupModel()->rowOf(m_idle);
        QCOMPARE(page.groupModel()->index(r, GroupListModel::LagColumn).data().toString(), QStringLiteral("9"));
        QCOMPARE(page.groupModel()->index(r, GroupListModel::TopicsColumn).data().toString(), m_topic);
        QVERIFY(page.emptyStateText().isEmpty());
        page.filterEdit()->setText(m_prefix);
        QTest::qWait(50);
        test::saveScreenshot(page, QStringLiteral("groups-lag-table.png"));
        page.filterEdit()->clear();

        // The lag moves with the log: the next poll merges it in (no reset).
        QSignalSpy resets(page.groupModel(), &QAbstractItemModel::modelReset);
        QVERIFY(produce(m_topic, 1, 2));
        QTRY_COMPARE_WITH_TIMEOUT(row()->totalLag, 11, 15000);
        QCOMPARE(resets.count(), 0);

        // Filter by topic, then Enter on the row opens the group.
        page.filterEdit()->setText(m_topic);
        QTRY_VERIFY(page.proxyModel()->rowCount() >= 1);
        QVERIFY(page.selectGroup(m_idle));
        QCOMPARE(page.selectedGroup(), m_idle);
        QVERIFY(page.resetAction()->isEnabled());
        QSignalSpy activated(&page, &ClusterPage::groupActivated);
        page.table()->setFocus();
        QTest::keyClick(page.table(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), m_idle);
        page.openAction()->trigger();
        QCOMPARE(activated.count(), 2);

        // Delete asks first, naming the group and what goes.
        page.deleteSelected();
        auto *del = findDialog<DeleteGroupDialog>(QStringLiteral("deleteGroupDialog"));
        QVERIFY(del);
        QVERIFY2(del->warning()->text().contains(m_idle) && del->warning()->text().contains(QStringLiteral("3 partitions")),
                 qPrintable(del->warning()->text()));
        QVERIFY(!del->actionButton()->isEnabled());
        QCOMPARE(del->commandLine()->command(),
                 QStringLiteral("kafka-consumer-groups.sh --bootstrap-server %1 --delete --group %2").arg(m_bootstrap, m_idle));
        del->close();
        QCOMPARE(describe(m_idle).size(), 3); // nothing deleted
    }

    void readOnlyConnectionDisablesChanges()
    {
        ConnectionSettings settings = ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("prod"));
        settings.readOnly = true;
        ClusterSession session(settings);
        session.start();
        GroupsPage page;
        connect(&session, &ClusterSession::snapshotReady, &page, &GroupsPage::showSnapshot);
        page.attach(&session, &m_log);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.groupModel()->rowOf(m_idle) >= 0, 30000);
        QVERIFY(page.selectGroup(m_idle));
        QVERIFY(page.openAction()->isEnabled());
        QVERIFY(!page.resetAction()->isEnabled());
        QVERIFY(!page.deleteAction()->isEnabled());
        QCOMPARE(page.resetAction()->toolTip(), page.readOnlyReason());
        QVERIFY(page.readOnlyReason().contains(QStringLiteral("read-only")));
        QVERIFY(!page.resetOffsets());

        GroupDetailPage detail;
        connect(&session, &ClusterSession::snapshotReady, &detail, &GroupDetailPage::showSnapshot);
        detail.attach(&session, &m_log);
        detail.showGroup(m_idle);
        detail.show();
        QTRY_VERIFY_WITH_TIMEOUT(detail.loadCount() > 0, 20000);
        QVERIFY(!detail.resetAction()->isEnabled());
        QVERIFY(!detail.deleteGroupAction()->isEnabled());
        QCOMPARE(detail.deleteGroupAction()->toolTip(), detail.readOnlyReason());
        QVERIFY(detail.refreshAction()->isEnabled());
    }

    void detailOffsetsEqualDescribe()
    {
        GroupDetailPage page;
        QAbstractItemModelTester t1(page.offsetModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(page.memberModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        openDetail(page, m_idle);
        QVERIFY(page.exists());
        const QList<DescribedRow> kafka = describe(m_idle);
        page.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 10000);
        QCOMPARE(page.offsetModel()->rowCount(), kafka.size());
        for (int i = 0; i < kafka.size(); ++i) {
            const QModelIndex row = page.offsetModel()->index(i, 0);
            QCOMPARE(row.data(GroupOffsetModel::TopicRole).toString(), kafka[i].topic);
            QCOMPARE(row.data(GroupOffsetModel::PartitionRole).toInt(), kafka[i].partition);
            QCOMPARE(row.siblingAtColumn(GroupOffsetModel::CommittedColumn).data(GroupOffsetModel::CommittedRole).toString(),
                     kafka[i].current);
            QCOMPARE(row.siblingAtColumn(GroupOffsetModel::LogEndColumn).data().toString(), kafka[i].logEnd);
            QCOMPARE(row.siblingAtColumn(GroupOffsetModel::LagColumn).data().toString(), kafka[i].lag);
            QCOMPARE(row.siblingAtColumn(GroupOffsetModel::OwnerColumn).data().toString(), QStringLiteral("—"));
            QCOMPARE(kafka[i].clientId, QStringLiteral("-"));
        }
        QVERIFY2(page.headerText().contains(QStringLiteral("State: Empty")), qPrintable(page.headerText()));
        QVERIFY2(page.headerText().contains(QStringLiteral("Members: 0")), qPrintable(page.headerText()));
        QVERIFY(page.offsetsEmptyText().isEmpty());
        QVERIFY2(page.membersEmptyText().contains(QStringLiteral("No member is connected")), qPrintable(page.membersEmptyText()));
        // A group nobody ever used says so instead of showing an empty table.
        page.showGroup(m_prefix + QStringLiteral("-never"));
        QTRY_VERIFY_WITH_TIMEOUT(page.loadCount() > 0, 20000);
        QVERIFY(!page.exists());
        QVERIFY2(page.noticeText().contains(QStringLiteral("does not exist")), qPrintable(page.noticeText()));
        QVERIFY(!page.offsetsEmptyText().isEmpty());
        QVERIFY(!page.resetAction()->isEnabled());
    }

    void liveMemberWithoutCommitAndTheRefusal()
    {
        const QString group = m_prefix + QStringLiteral("-live");
        const QString client = m_prefix + QStringLiteral("-client");
        PythonGroupMember member(m_bootstrap, group, m_topic, client);
        QVERIFY2(!member.waitForAssignment(60000).isEmpty(), qPrintable(member.output()));

        GroupDetailPage page;
        QAbstractItemModelTester t1(page.offsetModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(page.memberModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        openDetail(page, group);
        QTRY_COMPARE_WITH_TIMEOUT(page.offsetModel()->rowCount(), 3, 20000);
        const QList<DescribedRow> kafka = describe(group);
        QCOMPARE(kafka.size(), 3);
        for (int i = 0; i < 3; ++i) {
            const QModelIndex row = page.offsetModel()->index(i, GroupOffsetModel::CommittedColumn);
            QCOMPARE(kafka[i].current, QStringLiteral("-"));
            QCOMPARE(row.data().toString(), QStringLiteral("no commit"));
            QCOMPARE(row.siblingAtColumn(GroupOffsetModel::LogEndColumn).data().toString(), kafka[i].logEnd);
            QCOMPARE(row.siblingAtColumn(GroupOffsetModel::OwnerColumn).data().toString(), kafka[i].clientId);
            QCOMPARE(row.siblingAtColumn(GroupOffsetModel::OwnerColumn).data().toString(), client);
        }
        QCOMPARE(page.memberModel()->rowCount(), 1);
        QCOMPARE(page.memberModel()->index(0, GroupMemberModel::ClientColumn).data().toString(), client);
        QCOMPARE(page.memberModel()->index(0, GroupMemberModel::AssignmentColumn).data().toString(),
                 QStringLiteral("%1: 0, 1, 2").arg(m_topic));
        QVERIFY2(page.headerText().contains(QStringLiteral("Total lag: no commit")), qPrintable(page.headerText()));
        QVERIFY2(page.headerText().contains(QStringLiteral("Assignor: range")) ||
                     page.headerText().contains(QStringLiteral("Assignor: roundrobin")),
                 qPrintable(page.headerText()));
        QVERIFY(page.noticeText().contains(QStringLiteral("no commit")));
        // No commit, no lag to draw (not a line at 0).
        QCOMPARE(page.chart()->pointCount(), 0);
        QVERIFY2(page.chart()->emptyText().contains(QStringLiteral("not committed")), qPrintable(page.chart()->emptyText()));
        QTest::qWait(LagChart::replotIntervalMs + 100);
        test::saveScreenshot(page, QStringLiteral("group-detail-live.png"));

        // Kafka refuses to reset an active group: the preview still shows, Execute does not.
        auto *dialog = qobject_cast<ResetOffsetsDialog *>(page.resetOffsets(m_topic));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(previewDone(*dialog), 20000);
        QVERIFY2(dialog->plan().refusal.contains(QStringLiteral("stop its consumers first")), qPrintable(dialog->plan().refusal));
        QCOMPARE(dialog->planMessage()->kind(), TopicDialogMessage::Kind::Warning);
        QCOMPARE(dialog->planMessage()->text(), dialog->plan().refusal);
        QVERIFY(!dialog->actionButton()->isEnabled());
        QCOMPARE(dialog->actionButton()->toolTip(), dialog->plan().refusal);
        QCOMPARE(dialog->previewModel()->rowCount(), 3);
        dialog->close();

        // So does the broker for deleting it: its own text is shown.
        auto *del = qobject_cast<DeleteGroupDialog *>(page.deleteGroup());
        QVERIFY(del);
        QVERIFY(del->warning()->detail().contains(QStringLiteral("1 member")));
        del->confirmEdit()->setText(group);
        QVERIFY(del->actionButton()->isEnabled());
        del->actionButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!del->isBusy(), 20000);
        QVERIFY(del->isVisible());
        QCOMPARE(del->resultMessage()->kind(), TopicDialogMessage::Kind::Error);
        QVERIFY2(!del->resultMessage()->text().isEmpty(), "no refusal shown");
        qInfo("refusal: %s / %s", qPrintable(del->resultMessage()->text()), qPrintable(del->resultMessage()->detail()));
        del->close();
        QCOMPARE(describe(group).size(), 3);

        // The groups table counts the member and says there is no commit.
        GroupsPage groups;
        attach(groups);
        groups.show();
        QTRY_VERIFY_WITH_TIMEOUT(groups.groupModel()->rowOf(group) >= 0 &&
                                     groups.groupModel()->rows().at(groups.groupModel()->rowOf(group)).lagKnown,
                                 30000);
        const int r = groups.groupModel()->rowOf(group);
        QCOMPARE(groups.groupModel()->rows().at(r).members, 1);
        QCOMPARE(groups.groupModel()->rows().at(r).state, QStringLiteral("Stable"));
        QCOMPARE(groups.groupModel()->index(r, GroupListModel::LagColumn).data().toString(), QStringLiteral("no commit"));
    }

    void resetThroughTheDialogMatchesConsumerGroupCommand_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QStringList>("kafkaArgs");
        QTest::newRow("to-earliest") << int(ResetStrategy::Earliest) << QString() << QStringList{QStringLiteral("--to-earliest")};
        QTest::newRow("to-offset") << int(ResetStrategy::Offset) << QStringLiteral("7")
                                   << QStringList{QStringLiteral("--to-offset"), QStringLiteral("7")};
        QTest::newRow("shift-by") << int(ResetStrategy::ShiftBy) << QStringLiteral("-3")
                                  << QStringList{QStringLiteral("--shift-by"), QStringLiteral("-3")};
        QTest::newRow("to-datetime") << int(ResetStrategy::DateTime) << QString()
                                     << QStringList{QStringLiteral("--to-datetime"), commands::resetDateTimeText(m_between)};
    }

    void resetThroughTheDialogMatchesConsumerGroupCommand()
    {
        QFETCH(int, strategy);
        QFETCH(QString, value);
        QFETCH(QStringList, kafkaArgs);
        const QString group = m_prefix + QStringLiteral("-reset-") + QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(commit(group, {tp(0, 8), tp(1, 4), tp(2, 2)}));

        GroupDetailPage page;
        openDetail(page, group);
        auto *dialog = qobject_cast<ResetOffsetsDialog *>(page.resetOffsets());
        QVERIFY(dialog);
        QAbstractItemModelTester tester(dialog->previewModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dialog->topicBox()->currentData().toString(), m_topic);
        dialog->setStrategy(static_cast<ResetStrategy>(strategy));
        if (!value.isEmpty())
            dialog->valueEdit()->setText(value);
        if (strategy == int(ResetStrategy::DateTime))
            dialog->dateTimeEdit()->setDateTime(m_between.toLocalTime());
        QTRY_VERIFY_WITH_TIMEOUT(previewDone(*dialog), 20000); // auto-preview, debounced
        QVERIFY2(dialog->planMessage()->isEmpty(), qPrintable(dialog->planMessage()->text()));
        const QString dryRun = dialog->commandLine()->command();
        QVERIFY2(dryRun.endsWith(QStringLiteral("--dry-run")), qPrintable(dryRun));
        QVERIFY2(dryRun.contains(kafkaArgs.join(QLatin1Char(' '))), qPrintable(dryRun));

        const RunResult kafka = groupTool(QStringList{QStringLiteral("--group"), group, QStringLiteral("--topic"), m_topic,
                                                      QStringLiteral("--reset-offsets")} +
                                          kafkaArgs + QStringList{QStringLiteral("--dry-run")});
        const QMap<int, qint64> expected = parseResetTable(kafka.out, m_topic);
        QVERIFY2(expected.size() == 3, qPrintable(kafka.describe()));
        QMap<int, qint64> ours;
        for (int r = 0; r < dialog->previewModel()->rowCount(); ++r) {
            const QModelIndex i = dialog->previewModel()->index(r, 0);
            ours.insert(i.data(ResetOffsetsPreviewModel::PartitionRole).toInt(),
                        i.data(ResetOffsetsPreviewModel::NewOffsetRole).toLongLong());
        }
        QCOMPARE(ours, expected);
        if (strategy == int(ResetStrategy::Offset)) {
            // 7 is past partition 2's end (4): clamped, with Kafka's note.
            QCOMPARE(expected.value(2), 4);
            QVERIFY(!dialog->previewModel()->index(2, ResetOffsetsPreviewModel::NoteColumn).data().toString().isEmpty());
            dialog->resize(900, 640);
            QTest::qWait(100);
            test::saveScreenshot(*dialog, QStringLiteral("reset-preview.png"));
        }

        QVERIFY(dialog->actionButton()->isEnabled());
        dialog->actionButton()->click();
        QTRY_VERIFY(dialog->confirmation());
        QMessageBox *box = dialog->confirmation();
        QVERIFY2(box->text().contains(group) && box->text().contains(m_topic), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QStringLiteral("of 3 partitions change")), qPrintable(box->text()));
        QVERIFY(dialog->commandLine()->command().endsWith(QStringLiteral("--execute")));
        box->findChild<QPushButton *>(QStringLiteral("confirmReset"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(dialog->resultMessage()->kind() == TopicDialogMessage::Kind::Success &&
                                     !dialog->resultMessage()->isEmpty(),
                                 20000);
        QVERIFY(dialog->commandLine()->command().endsWith(QStringLiteral("--execute")));

        const QList<DescribedRow> after = describe(group);
        QCOMPARE(after.size(), 3);
        for (const DescribedRow &row : after)
            QCOMPARE(row.current.toLongLong(), expected.value(row.partition));
        // The page shows the new commits, and the preview now shows nothing left to change.
        QTRY_VERIFY_WITH_TIMEOUT(page.offsetModel()->rowCount() == 3 &&
                                     page.offsetModel()->index(0, GroupOffsetModel::CommittedColumn)
                                             .data(GroupOffsetModel::CommittedRole)
                                             .toLongLong() == expected.value(0),
                                 20000);
        QTRY_VERIFY_WITH_TIMEOUT(previewDone(*dialog), 20000);
        if (strategy != int(ResetStrategy::ShiftBy))
            QCOMPARE(dialog->previewModel()->changedCount(), 0);
        dialog->close();
    }

    void badInputIsSaidAndNothingSent()
    {
        GroupDetailPage page;
        openDetail(page, m_idle);
        auto *dialog = qobject_cast<ResetOffsetsDialog *>(page.resetOffsets(m_topic));
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(previewDone(*dialog), 20000);
        auto expectBad = [&](const QString &words) {
            QVERIFY2(dialog->inputMessage()->text().contains(words), qPrintable(dialog->inputMessage()->text()));
            QCOMPARE(dialog->inputMessage()->kind(), TopicDialogMessage::Kind::Error);
            QVERIFY(!dialog->hasCurrentPlan());
            QCOMPARE(dialog->previewModel()->rowCount(), 0);
            QVERIFY(!dialog->actionButton()->isEnabled());
            dialog->preview(); // refuses too
            QVERIFY(!dialog->isPreviewing());
        };
        dialog->setStrategy(ResetStrategy::Offset);
        dialog->valueEdit()->setText(QStringLiteral("-5"));
        expectBad(QStringLiteral("must be 0 or more"));
        dialog->valueEdit()->setText(QStringLiteral("12abc"));
        expectBad(QStringLiteral("is not a whole number"));
        dialog->valueEdit()->clear();
        expectBad(QStringLiteral("Type the offset"));
        dialog->setStrategy(ResetStrategy::ShiftBy);
        dialog->valueEdit()->setText(QStringLiteral("0"));
        expectBad(QStringLiteral("shift by 0"));
        dialog->setStrategy(ResetStrategy::DateTime);
        dialog->dateTimeEdit()->setDateTime(QDateTime(QDate(1960, 1, 1), QTime(0, 0), Qt::UTC).toLocalTime());
        expectBad(QStringLiteral("1970"));
        dialog->setStrategy(ResetStrategy::Earliest);
        dialog->chosenPartitionsButton()->setChecked(true);
        QCOMPARE(dialog->partitionList()->count(), 3);
        expectBad(QStringLiteral("No partition is chosen"));
        // Choosing one makes it good again: the preview covers that partition only.
        dialog->partitionList()->item(1)->setCheckState(Qt::Checked);
        QTRY_VERIFY_WITH_TIMEOUT(previewDone(*dialog), 20000);
        QVERIFY(dialog->inputMessage()->isEmpty());
        QCOMPARE(dialog->previewModel()->rowCount(), 1);
        QCOMPARE(dialog->previewModel()->index(0, 0).data(ResetOffsetsPreviewModel::PartitionRole).toInt(), 1);
        QVERIFY2(dialog->commandLine()->command().contains(QStringLiteral("--topic %1:1 ").arg(m_topic)),
                 qPrintable(dialog->commandLine()->command()));
        dialog->close();
        QCOMPARE(describe(m_idle).value(1).current, QStringLiteral("6")); // untouched
    }

    void deleteOffsetsOfATopicThenTheGroup()
    {
        const QString group = m_prefix + QStringLiteral("-doomed");
        QVERIFY(commit(group, {tp(0, 1), tp(1, 1), tp(0, 2, m_other)}));
        GroupDetailPage page;
        openDetail(page, group);
        QTRY_COMPARE_WITH_TIMEOUT(page.offsetModel()->rowCount(), 3, 20000);

        auto *offsets = qobject_cast<DeleteGroupOffsetsDialog *>(page.deleteOffsets(m_other));
        QVERIFY(offsets);
        QCOMPARE(offsets->topicBox()->currentText(), m_other);
        QVERIFY2(offsets->warning()->text().contains(QStringLiteral("partition 0 at 2")), qPrintable(offsets->warning()->text()));
        QCOMPARE(offsets->commandLine()->command(),
                 QStringLiteral("kafka-consumer-groups.sh --bootstrap-server %1 --delete-offsets --group %2 --topic %3")
                     .arg(m_bootstrap, group, m_other));
        QSignalSpy finished(offsets, &QDialog::finished);
        offsets->actionButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 20000);
        QList<DescribedRow> left = describe(group);
        QCOMPARE(left.size(), 2);
        QVERIFY(std::none_of(left.cbegin(), left.cend(), [&](const DescribedRow &r) { return r.topic == m_other; }));
        QTRY_COMPARE_WITH_TIMEOUT(page.offsetModel()->rowCount(), 2, 20000);

        auto *del = qobject_cast<DeleteGroupDialog *>(page.deleteGroup());
        QVERIFY(del);
        del->confirmEdit()->setText(QStringLiteral("wrong"));
        QVERIFY(!del->actionButton()->isEnabled());
        del->confirmEdit()->setText(group);
        QSignalSpy closed(del, &QDialog::finished);
        del->actionButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 20000);
        const RunResult list = groupTool({QStringLiteral("--list")});
        QVERIFY2(list.exitCode == 0, qPrintable(list.describe()));
        QVERIFY(!list.out.split(QLatin1Char('\n')).contains(group));
        QVERIFY(list.out.split(QLatin1Char('\n')).contains(m_idle));
        QTRY_VERIFY_WITH_TIMEOUT(!page.exists(), 20000);
        QVERIFY2(page.noticeText().contains(QStringLiteral("does not exist")), qPrintable(page.noticeText()));
    }

    void lagChartFollowsThePolls()
    {
        const QString group = m_prefix + QStringLiteral("-chart");
        QVERIFY(commit(group, {tp(0, 2), tp(1, 2), tp(2, 2), tp(0, 0, m_other)}));
        GroupDetailPage page;
        QAbstractItemModelTester t1(page.offsetModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        openDetail(page, group, 500);
        QTRY_VERIFY_WITH_TIMEOUT(page.chart()->pointCount() >= 2, 20000); // two polls, two points
        QVERIFY(page.chart()->topics().contains(m_topic) && page.chart()->topics().contains(m_other));
        // More messages between polls: the line climbs.
        for (int i = 0; i < 6; ++i) {
            QVERIFY(produce(m_topic, i % 3, 4 + 3 * i));
            const int points = page.chart()->pointCount();
            QTRY_VERIFY_WITH_TIMEOUT(page.chart()->pointCount() > points, 10000);
            if (i == 2)
                QVERIFY(produce(m_other, 0, 6));
        }
        QTRY_VERIFY_WITH_TIMEOUT(!page.chart()->isReplotPending(), 2000);
        const QList<double> totals = page.chart()->totalValues();
        QVERIFY(totals.last() > totals.first());
        // Redraws are coalesced: never more than one per sample, and a burst of samples gets one.
        QVERIFY2(page.chart()->replotCount() <= page.chart()->pointCount() + 2,
                 qPrintable(QStringLiteral("%1 replots for %2 points").arg(page.chart()->replotCount()).arg(page.chart()->pointCount())));
        QCOMPARE(page.chart()->legendNames().first(), QStringLiteral("Total"));
        QTest::qWait(LagChart::replotIntervalMs + 100);
        test::saveScreenshot(page, QStringLiteral("groups-lag-chart.png"));

        // The same in a dark palette: the chart follows it (axes, text, the total's line).
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(45, 45, 48));
        dark.setColor(QPalette::WindowText, QColor(225, 225, 225));
        dark.setColor(QPalette::Base, QColor(30, 30, 32));
        dark.setColor(QPalette::AlternateBase, QColor(40, 40, 44));
        dark.setColor(QPalette::Text, QColor(225, 225, 225));
        dark.setColor(QPalette::Button, QColor(55, 55, 58));
        dark.setColor(QPalette::ButtonText, QColor(225, 225, 225));
        dark.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
        page.setPalette(dark);
        QCOMPARE(page.chart()->totalColour(), QColor(225, 225, 225));
        QTest::qWait(LagChart::replotIntervalMs + 100);
        test::saveScreenshot(page, QStringLiteral("groups-lag-chart-dark.png"));
    }

    void cleanupTestCase()
    {
        m_session.reset();
        ctl({QStringLiteral("topics"), QStringLiteral("delete"), m_topic, m_other, QStringLiteral("--yes"),
             QStringLiteral("--bootstrap"), m_bootstrap});
    }
};

QTEST_MAIN(TestGroupsPages)
#include "tst_groupspages.moc"
