// Read-only connections in the GUI: every action that would change the cluster is disabled and
// its tooltip (or the form's message) gives the reason, one row per action, on a real session to
// the shared cluster. tests/integration/tst_readonly.cpp checks that core refuses the same
// operations and that nothing reaches the broker.

#include "cluster/clustersession.h"
#include "dialogs/deletegroupdialog.h"
#include "dialogs/resetoffsetsdialog.h"
#include "dialogs/topicdialog.h"
#include "dialogs/topicdialogs.h"
#include "models/grouplistmodel.h"
#include "support/pythonpeers.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/consumeform.h"
#include "views/consumepage.h"
#include "views/drillpage.h"
#include "views/grouplabpage.h"
#include "views/groupspage.h"
#include "views/producepage.h"
#include "views/topicspage.h"
#include "widgets/messagelog.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

const QString roName = QStringLiteral("ro-gui");
const QString reason = QStringLiteral("The connection \"%1\" is read-only").arg(roName);

} // namespace

class TestReadOnlyGui : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    QString m_topic;
    QString m_group;
    std::unique_ptr<ClusterSession> m_session; // read-only
    MessageLog m_log;

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        m_topic = uniqueName(QStringLiteral("rog-topic"));
        const RunResult made = ctl({QStringLiteral("topics"), QStringLiteral("create"), m_topic, QStringLiteral("--partitions"),
                                    QStringLiteral("3"), QStringLiteral("--replication-factor"), QStringLiteral("3"),
                                    QStringLiteral("--bootstrap"), m_bootstrap});
        QVERIFY2(made.exitCode == 0, qPrintable(made.describe()));
        m_group = uniqueName(QStringLiteral("rog-group"));
        QCOMPARE(commitOffsetsWithPython(m_bootstrap, m_group, {m_topic + QStringLiteral(":0:0")}).exitCode, 0);
        ConnectionSettings settings = ConnectionSettings::forBootstrap(m_bootstrap, roName);
        settings.readOnly = true;
        m_session = std::make_unique<ClusterSession>(settings);
        m_session->setPollInterval(500);
        m_session->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->latestSnapshot() && m_session->latestSnapshot()->topic(m_topic), 60000);
    }

    void actionIsDisabledWithTheReason_data()
    {
        QTest::addColumn<QString>("action");
        for (const char *a : {"topics: new topic", "topics: edit configs", "topics: add partitions", "topics: delete",
                              "groups: reset offsets", "groups: delete", "produce: send", "group lab: start",
                              "drill: start", "consume: read as a group", "dialog: create topic", "dialog: delete topic",
                              "dialog: add partitions", "dialog: reset offsets", "dialog: delete group"})
            QTest::newRow(a) << QString::fromLatin1(a);
    }
    void actionIsDisabledWithTheReason()
    {
        QFETCH(QString, action);
        bool enabled = true;
        QString why;
        if (action.startsWith(QLatin1String("topics: "))) {
            TopicsPage page;
            connect(m_session.get(), &ClusterSession::snapshotReady, &page, &TopicsPage::showSnapshot);
            page.attach(m_session.get(), &m_log);
            page.show();
            QTRY_VERIFY_WITH_TIMEOUT(page.selectTopic(m_topic), 20000);
            QAction *a = action.endsWith(QLatin1String("new topic"))       ? page.newTopicAction()
                         : action.endsWith(QLatin1String("edit configs"))  ? page.editConfigsAction()
                         : action.endsWith(QLatin1String("add partitions")) ? page.addPartitionsAction()
                                                                            : page.deleteAction();
            enabled = a->isEnabled();
            why = a->toolTip();
            a->trigger(); // a shortcut that slipped through opens nothing
            QVERIFY(!page.findChild<QDialog *>());
            if (action.endsWith(QLatin1String("new topic")))
                saveScreenshot(page, QStringLiteral("readonly-topicspage.png"));
            page.attach(nullptr, &m_log);
        } else if (action.startsWith(QLatin1String("groups: "))) {
            GroupsPage page;
            connect(m_session.get(), &ClusterSession::snapshotReady, &page, &GroupsPage::showSnapshot);
            page.attach(m_session.get(), &m_log);
            page.show();
            QTRY_VERIFY_WITH_TIMEOUT(page.groupModel()->rowOf(m_group) >= 0, 30000);
            QVERIFY(page.selectGroup(m_group));
            QAction *a = action.endsWith(QLatin1String("reset offsets")) ? page.resetAction() : page.deleteAction();
            enabled = a->isEnabled();
            why = a->toolTip();
            page.attach(nullptr, &m_log);
        } else if (action == QLatin1String("produce: send")) {
            ProducePage page;
            connect(m_session.get(), &ClusterSession::snapshotReady, &page, &ProducePage::showSnapshot);
            page.attach(m_session.get(), &m_log);
            page.setTopic(m_topic);
            enabled = page.sendButton()->isEnabled() || page.send();
            why = page.sendButton()->toolTip() + page.sendBlockedReason();
            page.attach(nullptr, &m_log);
        } else if (action == QLatin1String("group lab: start")) {
            GroupLabPage page;
            page.attach(m_session.get(), &m_log);
            page.setTopic(m_topic);
            enabled = page.startButton()->isEnabled();
            why = page.startButton()->toolTip();
            page.attach(nullptr, &m_log);
        } else if (action == QLatin1String("drill: start")) {
            DrillPage page(nullptr);
            page.setLocalCluster(QStringLiteral("local"), QDir::tempPath());
            page.attach(m_session.get(), &m_log);
            page.showSnapshot(m_session->latestSnapshot());
            enabled = page.startButton()->isEnabled() || page.start();
            why = page.problems().join(QLatin1Char('\n'));
            page.attach(nullptr, &m_log);
        } else if (action == QLatin1String("consume: read as a group")) {
            ConsumePage page;
            page.attach(m_session.get(), &m_log);
            const auto *model = qobject_cast<const QStandardItemModel *>(page.form()->modeCombo()->model());
            QVERIFY(model);
            enabled = model->item(1)->flags() & Qt::ItemIsEnabled;
            why = model->item(1)->toolTip();
            page.attach(nullptr, &m_log);
        } else {
            QDialog *dialog = nullptr;
            if (action.endsWith(QLatin1String("create topic")))
                dialog = topicdialogs::createTopic(nullptr, m_session.get(), &m_log);
            else if (action.endsWith(QLatin1String("delete topic")))
                dialog = topicdialogs::deleteTopic(nullptr, m_session.get(), &m_log, m_topic);
            else if (action.endsWith(QLatin1String("add partitions")))
                dialog = topicdialogs::addPartitions(nullptr, m_session.get(), &m_log, m_topic);
            else if (action.endsWith(QLatin1String("reset offsets")))
                dialog = topicdialogs::showNonModal(
                    new ResetOffsetsDialog(nullptr, m_session.get(), &m_log, m_group, {m_topic}, m_topic));
            else
                dialog = topicdialogs::showNonModal(new DeleteGroupDialog(nullptr, m_session.get(), &m_log, m_group));
            QPointer<QDialog> guard = dialog;
            auto *d = qobject_cast<TopicDialog *>(dialog);
            QVERIFY(d);
            // Fill what the dialog needs, so that only the connection stands in the way.
            if (auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("topicName")))
                QTest::keyClicks(name, uniqueName(QStringLiteral("rog-new")));
            if (auto *confirm = dialog->findChild<QLineEdit *>(QStringLiteral("confirmName")))
                QTest::keyClicks(confirm, action.endsWith(QLatin1String("delete group")) ? m_group : m_topic);
            if (auto *reset = qobject_cast<ResetOffsetsDialog *>(dialog)) {
                reset->setStrategy(ResetStrategy::Latest);
                reset->preview();
                QTRY_VERIFY_WITH_TIMEOUT(reset->hasCurrentPlan(), 20000);
            }
            enabled = d->actionButton()->isEnabled();
            why = d->actionButton()->toolTip();
            QVERIFY(d->isReadOnly());
            QVERIFY(d->readOnlyReason().startsWith(reason));
            dialog->close();
            QTRY_VERIFY(!guard);
        }
        QVERIFY2(!enabled, qPrintable(action));
        QVERIFY2(why.contains(reason), qPrintable(why));
    }

    void cleanupTestCase()
    {
        m_session.reset();
        if (!m_topic.isEmpty())
            ctl({QStringLiteral("topics"), QStringLiteral("delete"), m_topic, QStringLiteral("--yes"), QStringLiteral("--bootstrap"),
                 m_bootstrap});
    }
};

QTEST_MAIN(TestReadOnlyGui)
#include "tst_readonlygui.moc"
