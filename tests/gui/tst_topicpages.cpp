// The Topics page and the Topic detail page against real Kafka, offscreen: what they list is what
// kcat sees; filtering, internal topics, selection and sort across refreshes; watermarks and
// message counts; a config override in human units; a deleted topic; a killed broker on the
// partition map of a cluster of the test's own; screenshots of both pages.

#include "cluster/clustersession.h"
#include "models/configtablemodel.h"
#include "models/partitionmapbrokermodel.h"
#include "models/partitionmapmodel.h"
#include "models/partitiontablemodel.h"
#include "models/topicfilterproxymodel.h"
#include "models/topictablemodel.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/partitionmapview.h"
#include "views/topicconfigstab.h"
#include "views/topicdetailpage.h"
#include "views/topicpartitionstab.h"
#include "views/topicspage.h"
#include "widgets/messagelog.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

struct KcatPartition {
    int leader = -1;
    QList<int> replicas;
    QList<int> isr;
};

QList<int> ints(const QString &csv)
{
    QList<int> out;
    for (const QString &part : csv.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << part.toInt();
    return out;
}

// The topic's partitions as kcat, an independent client, sees them.
QMap<int, KcatPartition> kcatPartitions(const QString &bootstrap, const QString &topic)
{
    const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-L"),
                                                      QStringLiteral("-t"), topic},
                            {}, 20000);
    static const QRegularExpression line(
        QStringLiteral("^\\s+partition (\\d+), leader (-?\\d+), replicas: ([\\d,]*), isrs: ([\\d,]*)"),
        QRegularExpression::MultilineOption);
    QMap<int, KcatPartition> out;
    for (auto it = line.globalMatch(r.out); it.hasNext();) {
        const auto m = it.next();
        out.insert(m.captured(1).toInt(), KcatPartition{m.captured(2).toInt(), ints(m.captured(3)), ints(m.captured(4))});
    }
    return out;
}

// kcat -Q: the offset of the partition at -1 (its end) or -2 (its start).
qint64 kcatOffset(const QString &bootstrap, const QString &topic, int partition, int which)
{
    const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-Q"),
                                                      QStringLiteral("-t"),
                                                      QStringLiteral("%1:%2:%3").arg(topic).arg(partition).arg(which)},
                            {}, 20000);
    const QRegularExpression line(QStringLiteral("\\[%1\\] offset (-?\\d+)").arg(partition));
    const auto m = line.match(r.out);
    return m.hasMatch() ? m.captured(1).toLongLong() : -100;
}

// The messages kcat reads from the partition, from its start to its end.
int kcatCount(const QString &bootstrap, const QString &topic, int partition)
{
    const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-C"),
                                                      QStringLiteral("-t"), topic, QStringLiteral("-p"),
                                                      QString::number(partition), QStringLiteral("-o"),
                                                      QStringLiteral("beginning"), QStringLiteral("-e"),
                                                      QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("%o\\n")},
                            {}, 30000);
    return r.exitCode == 0 ? static_cast<int>(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size()) : -1;
}

bool produce(const QString &bootstrap, const QString &topic, int partition, int count)
{
    const QString script = QStringLiteral("seq 1 %1 | kcat -P -b %2 -t %3 -p %4").arg(count).arg(bootstrap, topic).arg(partition);
    return run(QStringLiteral("sh"), {QStringLiteral("-c"), script}, {}, 30000).exitCode == 0;
}


bool healthyInSnapshot(const ClusterSession &session, const QString &topic, int partitions)
{
    const ClusterSnapshotPtr s = session.latestSnapshot();
    const TopicState *t = s ? s->topic(topic) : nullptr;
    return t && t->partitions.size() == partitions &&
           std::all_of(t->partitions.cbegin(), t->partitions.cend(),
                       [](const PartitionState &p) { return p.leader >= 0 && !p.isUnderReplicated(); });
}

QStringList proxyNames(const QAbstractItemModel &proxy)
{
    QStringList names;
    for (int row = 0; row < proxy.rowCount(); ++row)
        names << proxy.index(row, 0).data(TopicTableModel::TopicNameRole).toString();
    return names;
}

int brokerColumn(const QAbstractItemModel &model, int brokerId)
{
    for (int c = 0; c < model.columnCount(); ++c)
        if (model.headerData(c, Qt::Horizontal, PartitionMapModel::BrokerIdRole).toInt() == brokerId)
            return c;
    return -1;
}

} // namespace

class TestTopicPages : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    std::unique_ptr<ClusterSession> m_session;
    MessageLog m_log;
    const QString m_prefix = uniqueName(QStringLiteral("tp"));
    QString m_alpha = m_prefix + QStringLiteral("-alpha"); // 3 partitions, RF 3
    QString m_beta = m_prefix + QStringLiteral("-beta");   // 1 partition, RF 2
    QString m_gamma = m_prefix + QStringLiteral("-gamma"); // 4 partitions, RF 1

    RunResult topics(const QStringList &args, const QString &bootstrap)
    {
        return ctl(QStringList{QStringLiteral("topics")} + args + QStringList{QStringLiteral("--bootstrap"), bootstrap});
    }

    bool createTopic(const QString &name, int partitions, int replication, const QString &bootstrap)
    {
        const RunResult r = topics({QStringLiteral("create"), name, QStringLiteral("--partitions"),
                                    QString::number(partitions), QStringLiteral("--replication-factor"),
                                    QString::number(replication)},
                                   bootstrap);
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return r.exitCode == 0;
    }

    // A page attached to the shared cluster's session, fed with its snapshots.
    template <typename Page>
    void attach(Page &page, ClusterSession *session = nullptr)
    {
        session = session ? session : m_session.get();
        connect(session, &ClusterSession::snapshotReady, &page, &Page::showSnapshot);
        page.attach(session, &m_log);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        m_session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(m_bootstrap));
        m_session->setPollInterval(500);
        m_session->start();
        QVERIFY(createTopic(m_alpha, 3, 3, m_bootstrap));
        QVERIFY(createTopic(m_beta, 1, 2, m_bootstrap));
        QVERIFY(createTopic(m_gamma, 4, 1, m_bootstrap));
        QVERIFY(QTest::qWaitFor([&] {
            return healthyInSnapshot(*m_session, m_alpha, 3) && healthyInSnapshot(*m_session, m_beta, 1) &&
                   healthyInSnapshot(*m_session, m_gamma, 4);
        }, 30000));
    }

    void listsTheTopicsAsKcatSeesThem()
    {
        TopicsPage page;
        QAbstractItemModelTester modelTester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(page.emptyStateText(), QStringLiteral("Not connected to a cluster."));
        attach(page);
        page.resize(1100, 700);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(m_gamma) >= 0, 10000);
        QVERIFY(page.emptyStateText().isEmpty());
        QVERIFY(page.table()->isVisible());

        for (const QString &name : {m_alpha, m_beta, m_gamma}) {
            const QMap<int, KcatPartition> kcat = kcatPartitions(m_bootstrap, name);
            QVERIFY2(!kcat.isEmpty(), qPrintable(name));
            const TopicTableModel::Row &row = page.model()->rows().at(page.model()->rowOf(name));
            QCOMPARE(row.partitions, kcat.size());
            QCOMPARE(row.replicationFactor, kcat.value(0).replicas.size());
            QCOMPARE(row.underReplicated, 0);
            QVERIFY(!row.internal);
            // What the table shows, through the proxy.
            const QModelIndex shown = page.proxy()->mapFromSource(
                page.model()->index(page.model()->rowOf(name), TopicTableModel::PartitionsColumn));
            QVERIFY(shown.isValid());
            QCOMPARE(shown.data().toInt(), kcat.size());
            QCOMPARE(shown.siblingAtColumn(TopicTableModel::ReplicationFactorColumn).data().toInt(),
                     kcat.value(0).replicas.size());
        }
    }

    void filterNarrowsTheRows()
    {
        TopicsPage page;
        QAbstractItemModelTester proxyTester(page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        attach(page);
        page.resize(1100, 700);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(m_gamma) >= 0, 10000);
        const int all = page.proxy()->rowCount();

        page.setFilterText(m_prefix);
        QCOMPARE(proxyNames(*page.proxy()), (QStringList{m_alpha, m_beta, m_gamma}));
        QVERIFY(all >= 3);
        // Typed, in another case: one topic left.
        page.filterEdit()->clear();
        QTest::keyClicks(page.filterEdit(), (m_prefix + QStringLiteral("-GAM")).toUpper());
        QCOMPARE(proxyNames(*page.proxy()), QStringList{m_gamma});

        page.setFilterText(m_prefix + QStringLiteral("-no-such-topic"));
        QCOMPARE(page.proxy()->rowCount(), 0);
        QVERIFY2(page.emptyStateText().startsWith(QStringLiteral("No topic matches")), qPrintable(page.emptyStateText()));
        QVERIFY(!page.table()->isVisible());
        test::saveScreenshot(page, QStringLiteral("topics-no-match.png"));
        page.setFilterText({});
        QCOMPARE(page.proxy()->rowCount(), all);
        QVERIFY(page.table()->isVisible());

        // Ctrl+F lands in the filter.
        page.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&page));
        page.table()->setFocus();
        page.focusFilter();
        QTRY_VERIFY(page.filterEdit()->hasFocus());
    }

    void internalTopicsAreHiddenUntilAskedFor()
    {
        // A consumer in a group makes Kafka create __consumer_offsets, if no test did before.
        const QString offsets = QStringLiteral("__consumer_offsets");
        if (!m_session->latestSnapshot() || !m_session->latestSnapshot()->topic(offsets)) {
            const RunResult consumed = run(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-G"),
                                                                    uniqueName(QStringLiteral("tp-group")),
                                                                    QStringLiteral("-o"), QStringLiteral("beginning"),
                                                                    QStringLiteral("-e"), QStringLiteral("-q"), m_alpha},
                                           {}, 60000);
            QVERIFY2(consumed.started, qPrintable(consumed.describe()));
        }
        QVERIFY(QTest::qWaitFor([&] { return m_session->latestSnapshot()->topic(offsets) != nullptr; }, 30000));
        QVERIFY(run(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-L")}, {}, 20000)
                    .out.contains(QStringLiteral("topic \"__consumer_offsets\"")));

        TopicsPage page;
        QAbstractItemModelTester proxyTester(page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        attach(page);
        page.show();
        QVERIFY(page.model()->rowOf(offsets) >= 0);
        QVERIFY(!page.showInternalBox()->isChecked());
        QVERIFY(!proxyNames(*page.proxy()).contains(offsets));
        QVERIFY(proxyNames(*page.proxy()).contains(m_alpha));

        QTest::mouseClick(page.showInternalBox(), Qt::LeftButton, {}, QPoint(8, page.showInternalBox()->height() / 2));
        QVERIFY(page.showInternalBox()->isChecked());
        QVERIFY(proxyNames(*page.proxy()).contains(offsets));
        const QModelIndex internal =
            page.proxy()->mapFromSource(page.model()->index(page.model()->rowOf(offsets), TopicTableModel::InternalColumn));
        QCOMPARE(internal.data().toString(), QStringLiteral("yes"));
        // Internal topics cannot be deleted or grown from here.
        QVERIFY(page.selectTopic(offsets));
        QVERIFY(!page.deleteAction()->isEnabled());
        QVERIFY(!page.addPartitionsAction()->isEnabled());
        QVERIFY(page.deleteAction()->toolTip().contains(QStringLiteral("internal topic")));
        page.setShowInternal(false);
        QVERIFY(!proxyNames(*page.proxy()).contains(offsets));
    }

    void selectionAndSortSurviveARefresh()
    {
        TopicsPage page;
        QAbstractItemModelTester modelTester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(page.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        attach(page);
        page.resize(1100, 700);
        page.show();
        QTRY_VERIFY_WITH_TIMEOUT(page.model()->rowOf(m_gamma) >= 0, 10000);
        page.setFilterText(m_prefix);
        page.table()->sortByColumn(TopicTableModel::PartitionsColumn, Qt::DescendingOrder);
        QCOMPARE(proxyNames(*page.proxy()), (QStringList{m_gamma, m_alpha, m_beta}));
        QVERIFY(page.selectTopic(m_beta));
        QVERIFY(page.deleteAction()->isEnabled());
        QVERIFY(page.addPartitionsAction()->isEnabled());
        QVERIFY(page.editConfigsAction()->isEnabled());

        QSignalSpy resets(page.model(), &QAbstractItemModel::modelReset);
        QSignalSpy snapshots(m_session.get(), &ClusterSession::snapshotReady);
        const QString delta = m_prefix + QStringLiteral("-delta");
        QVERIFY(createTopic(delta, 2, 2, m_bootstrap));
        QTRY_VERIFY_WITH_TIMEOUT(proxyNames(*page.proxy()).contains(delta), 20000);
        QVERIFY(snapshots.count() >= 1);

        QCOMPARE(resets.count(), 0);
        QCOMPARE(page.selectedTopic(), m_beta);
        QCOMPARE(page.table()->currentIndex().data(TopicTableModel::TopicNameRole).toString(), m_beta);
        QCOMPARE(page.table()->horizontalHeader()->sortIndicatorSection(), int(TopicTableModel::PartitionsColumn));
        QCOMPARE(page.table()->horizontalHeader()->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(proxyNames(*page.proxy()), (QStringList{m_gamma, m_alpha, delta, m_beta}));

        // Enter and a double click open the topic.
        QSignalSpy activated(&page, &ClusterPage::topicActivated);
        page.table()->setFocus();
        QTest::keyClick(page.table(), Qt::Key_Return);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), m_beta);
        const QModelIndex alphaRow = page.proxy()->index(1, TopicTableModel::NameColumn);
        const QPoint at = page.table()->visualRect(alphaRow).center();
        QTest::mouseClick(page.table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(page.table()->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(activated.count(), 2);
        QCOMPARE(activated.last().first().toString(), m_alpha);
    }

    void aClusterWithoutTopicsSaysHowToMakeOne()
    {
        TopicsPage page;
        page.attach(m_session.get(), &m_log); // no live snapshots: only the one below
        page.resize(1100, 700);
        page.show();
        auto onlyInternal = std::make_shared<ClusterSnapshot>(*m_session->latestSnapshot());
        onlyInternal->topics.removeIf([](const TopicState &t) { return !t.internal; });
        page.showSnapshot(onlyInternal);
        QCOMPARE(page.emptyStateText(), QStringLiteral("No topics yet. Create one with New Topic (Ctrl+N)."));
        QVERIFY(!page.table()->isVisible());
        QVERIFY(page.newTopicAction()->isEnabled());
        // Ctrl+N itself is the window's New Topic action (tst_mainwindow): one binding, not two.
        QVERIFY(page.newTopicAction()->shortcut().isEmpty());
        test::saveScreenshot(page, QStringLiteral("topics-empty.png"));
        // Internal topics are topics too, once asked for.
        if (!onlyInternal->topics.isEmpty()) {
            page.setShowInternal(true);
            QVERIFY(page.emptyStateText().isEmpty());
        }
    }

    void readOnlyConnectionsDisableChanges()
    {
        ConnectionSettings settings = ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("prod-ro"));
        settings.readOnly = true;
        ClusterSession readOnly(settings);
        readOnly.start();
        TopicsPage page;
        attach(page, &readOnly);
        page.showSnapshot(m_session->latestSnapshot());
        QVERIFY(page.selectTopic(m_alpha));
        for (QAction *action : {page.newTopicAction(), page.addPartitionsAction(), page.editConfigsAction(),
                                page.deleteAction()}) {
            QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
            QVERIFY2(action->toolTip().contains(QStringLiteral("read-only")), qPrintable(action->toolTip()));
        }

        TopicDetailPage detail;
        attach(detail, &readOnly);
        detail.showSnapshot(m_session->latestSnapshot());
        detail.showTopic(m_alpha);
        QVERIFY(!detail.addPartitionsAction()->isEnabled());
        QVERIFY(!detail.deleteAction()->isEnabled());
        QVERIFY(!detail.configsTab()->editButton()->isEnabled());
        QVERIFY(detail.configsTab()->editButton()->toolTip().contains(QStringLiteral("\"prod-ro\" is read-only")));
        QTRY_VERIFY_WITH_TIMEOUT(detail.configsTab()->isLoaded(), 20000); // reading is allowed
    }

    void partitionTableMatchesKcat()
    {
        const QString topic = m_prefix + QStringLiteral("-offsets");
        QVERIFY(createTopic(topic, 3, 3, m_bootstrap));
        QVERIFY(QTest::qWaitFor([&] { return healthyInSnapshot(*m_session, topic, 3); }, 30000));
        QVERIFY(produce(m_bootstrap, topic, 0, 5));
        QVERIFY(produce(m_bootstrap, topic, 1, 3));
        // Kafka's own tool moves partition 0's log start to offset 2.
        QTemporaryDir dir;
        QFile json(dir.filePath(QStringLiteral("delete.json")));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(QStringLiteral("{\"partitions\":[{\"topic\":\"%1\",\"partition\":0,\"offset\":2}],\"version\":1}")
                       .arg(topic)
                       .toUtf8());
        json.close();
        const RunResult deleted = kafkaTool(QStringLiteral("org.apache.kafka.tools.DeleteRecordsCommand"),
                                            {QStringLiteral("--bootstrap-server"), m_bootstrap,
                                             QStringLiteral("--offset-json-file"), json.fileName()});
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.describe()));

        struct Expected {
            qint64 low, high;
            int count;
        };
        QList<Expected> expected;
        for (int p = 0; p < 3; ++p)
            expected << Expected{kcatOffset(m_bootstrap, topic, p, -2), kcatOffset(m_bootstrap, topic, p, -1),
                                 kcatCount(m_bootstrap, topic, p)};
        QCOMPARE(expected.at(0).low, 2);
        QCOMPARE(expected.at(0).high, 5);
        QCOMPARE(expected.at(0).count, 3);
        QCOMPARE(expected.at(1).count, 3);
        QCOMPARE(expected.at(2).count, 0);

        TopicDetailPage page;
        PartitionTableModel *model = page.partitionsTab()->model();
        QAbstractItemModelTester modelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(page.partitionsTab()->proxy(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        attach(page);
        page.resize(1100, 700);
        page.show();
        page.showTopic(topic);
        QVERIFY(page.stateText().isEmpty());
        QCOMPARE(page.titleText(), topic);
        QVERIFY2(page.summaryText().contains(QStringLiteral("3 partitions")), qPrintable(page.summaryText()));
        QVERIFY(page.summaryText().contains(QStringLiteral("replication factor 3")));
        QVERIFY(page.summaryText().contains(QStringLiteral("healthy")));
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() == 3 && model->rows().at(0).hasWatermarks(), 20000);

        const QMap<int, KcatPartition> kcat = kcatPartitions(m_bootstrap, topic);
        for (int p = 0; p < 3; ++p) {
            const PartitionTableModel::Row &row = model->rows().at(model->rowOf(p));
            QCOMPARE(row.low, expected.at(p).low);
            QCOMPARE(row.high, expected.at(p).high);
            QCOMPARE(row.messages(), qint64(expected.at(p).count));
            QCOMPARE(model->index(model->rowOf(p), PartitionTableModel::MessagesColumn).data().toString(),
                     QLocale().toString(expected.at(p).count));
            QCOMPARE(row.partition.leader, kcat.value(p).leader);
            QCOMPARE(row.partition.replicas, kcat.value(p).replicas);
            QCOMPARE(row.partition.isr, kcat.value(p).isr);
        }
        QCOMPARE(model->totalMessages(), 6);
        QVERIFY2(page.partitionsTab()->statusText().contains(QStringLiteral("6 messages")),
                 qPrintable(page.partitionsTab()->statusText()));

        // Without a refresh: the tab reads again every few seconds while it is shown.
        QVERIFY(produce(m_bootstrap, topic, 2, 4));
        QCOMPARE(kcatOffset(m_bootstrap, topic, 2, -1), 4);
        QTRY_COMPARE_WITH_TIMEOUT(model->rows().at(2).high, 4, TopicPartitionsTab::PollIntervalMs * 3);
        QCOMPARE(model->totalMessages(), 10);

        // A read for a topic no longer shown is dropped: gamma's partitions never get this topic's offsets.
        const int before = page.partitionsTab()->completedReads();
        page.showTopic(m_alpha);
        page.showTopic(m_gamma);
        QCOMPARE(model->topic(), m_gamma);
        QTRY_VERIFY_WITH_TIMEOUT(page.partitionsTab()->completedReads() > before && !page.partitionsTab()->isReading(),
                                 20000);
        QCOMPARE(model->rowCount(), 4);
        for (const PartitionTableModel::Row &row : model->rows()) {
            QCOMPARE(row.low, 0);
            QCOMPARE(row.high, 0);
        }
    }

    void configsTabShowsOverridesInHumanUnits()
    {
        const QString topic = m_prefix + QStringLiteral("-configs");
        QVERIFY(createTopic(topic, 1, 1, m_bootstrap));
        QVERIFY(QTest::qWaitFor([&] { return healthyInSnapshot(*m_session, topic, 1); }, 30000));
        // Right after the create, the broker that answers may not know the topic yet.
        RunResult r;
        const auto alter = [&](const QString &setting) {
            return waitUntil([&] {
                       r = topics({QStringLiteral("alter"), topic, QStringLiteral("--config"), setting}, m_bootstrap);
                       return r.exitCode == 0;
                   }, 20s, 500) >= 0;
        };
        QVERIFY2(alter(QStringLiteral("retention.ms=86400000")), qPrintable(r.describe()));
        // Kafka's ConfigCommand reads the override back.
        RunResult described;
        QVERIFY2(waitUntil([&] {
                     described = kafkaTool(QStringLiteral("kafka.admin.ConfigCommand"),
                                           {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--entity-type"),
                                            QStringLiteral("topics"), QStringLiteral("--entity-name"), topic,
                                            QStringLiteral("--describe")});
                     return described.out.contains(QStringLiteral("retention.ms=86400000"));
                 }, 30s, 500) >= 0,
                 qPrintable(described.describe()));

        TopicDetailPage page;
        TopicConfigsTab *tab = page.configsTab();
        QAbstractItemModelTester modelTester(tab->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(tab->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        attach(page);
        page.resize(1100, 700);
        page.show();
        page.showTopic(topic);
        page.setCurrentTab(TopicDetailPage::ConfigsTab);
        QTRY_VERIFY_WITH_TIMEOUT(tab->isLoaded(), 20000);
        const auto humanRetention = [tab] {
            const int row = tab->model()->rowOf(QStringLiteral("retention.ms"));
            return row < 0 ? QString()
                           : tab->model()->index(row, ConfigTableModel::ValueColumn).data(ConfigTableModel::HumanValueRole).toString();
        };
        // The broker that answers may learn of a change a moment after the controller: F5 until it has.
        QSignalSpy loads(tab, &TopicConfigsTab::loadFinished);
        const auto reloadUntil = [&](const QString &human) {
            for (int attempt = 0; attempt < 20 && humanRetention() != human; ++attempt) {
                loads.clear();
                page.refresh();
                if (!loads.wait(10000))
                    return false;
                if (humanRetention() != human)
                    QTest::qWait(500);
            }
            return humanRetention() == human;
        };
        QVERIFY(reloadUntil(QStringLiteral("1 day (24 h)")));

        const auto findRow = [&](const QString &name) {
            for (int row = 0; row < tab->proxy()->rowCount(); ++row)
                if (tab->proxy()->index(row, 0).data(ConfigTableModel::ConfigNameRole).toString() == name)
                    return row;
            return -1;
        };
        // Defaults hidden: only overrides, retention.ms among them, in human units beside the raw value.
        QVERIFY(!tab->showDefaultsBox()->isChecked());
        const int overrides = tab->model()->overrideCount();
        QVERIFY(overrides >= 1);
        QCOMPARE(tab->proxy()->rowCount(), overrides);
        int retention = findRow(QStringLiteral("retention.ms"));
        QVERIFY(retention >= 0);
        const QModelIndex value = tab->proxy()->index(retention, ConfigTableModel::ValueColumn);
        QCOMPARE(value.data().toString(), QStringLiteral("86400000"));
        QCOMPARE(value.data(ConfigTableModel::HumanValueRole).toString(), QStringLiteral("1 day (24 h)"));
        QCOMPARE(value.data(ConfigTableModel::SourceRole).toString(), QStringLiteral("DYNAMIC_TOPIC_CONFIG"));
        QCOMPARE(tab->proxy()->index(retention, ConfigTableModel::SourceColumn).data().toString(),
                 QStringLiteral("Topic override"));
        // The human reading fits beside the raw value.
        QVERIFY(tab->table()->columnWidth(ConfigTableModel::ValueColumn) >=
                tab->table()->itemDelegateForColumn(ConfigTableModel::ValueColumn)
                    ->sizeHint(QStyleOptionViewItem(), value)
                    .width());

        // Defaults shown: overrides first, apart from the rest.
        tab->setShowDefaults(true);
        QVERIFY(tab->proxy()->rowCount() > overrides + 10);
        for (int row = 0; row < tab->proxy()->rowCount(); ++row)
            QCOMPARE(tab->proxy()->index(row, 0).data(ConfigTableModel::OverrideRole).toBool(), row < overrides);
        tab->setFilterText(QStringLiteral("retention"));
        QVERIFY(tab->proxy()->rowCount() >= 2);
        for (int row = 0; row < tab->proxy()->rowCount(); ++row)
            QVERIFY(tab->proxy()->index(row, 0).data().toString().contains(QStringLiteral("retention")));
        test::saveScreenshot(page, QStringLiteral("topicdetail-configs.png"));

        // Changed elsewhere: F5 shows the new value.
        QVERIFY2(alter(QStringLiteral("retention.ms=3600000")), qPrintable(r.describe()));
        QVERIFY(reloadUntil(QStringLiteral("1 h")));

        // Deleted elsewhere: the page says so instead of showing what it was.
        r = topics({QStringLiteral("delete"), topic, QStringLiteral("--yes")}, m_bootstrap);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QTRY_VERIFY_WITH_TIMEOUT(page.stateText().contains(QStringLiteral("was deleted")), 20000);
        QCOMPARE(page.stateText().section(QLatin1Char('\n'), 0, 0), QStringLiteral("Topic “%1” was deleted.").arg(topic));
        QVERIFY(!page.tabs()->isVisible());
        QVERIFY(!page.deleteAction()->isEnabled());
        QCOMPARE(page.partitionsTab()->model()->rowCount(), 0);
        test::saveScreenshot(page, QStringLiteral("topicdetail-deleted.png"));
    }

    void killedBrokerOnThePartitionMap()
    {
        OwnCluster own(QStringLiteral("topicpages"));
        const RunResult started = ctl({QStringLiteral("cluster"), QStringLiteral("start"), QStringLiteral("--name"),
                                       own.name(), QStringLiteral("-q")});
        QVERIFY2(started.exitCode == 0, qPrintable(started.describe()));
        const QString bootstrap = own.bootstrap();
        const QString orders = QStringLiteral("orders");
        QVERIFY(createTopic(orders, 6, 3, bootstrap));
        QVERIFY(createTopic(QStringLiteral("payments"), 3, 3, bootstrap));
        QVERIFY(createTopic(QStringLiteral("audit-log"), 1, 2, bootstrap));
        QVERIFY(createTopic(QStringLiteral("clickstream"), 12, 2, bootstrap));
        QVERIFY(createTopic(QStringLiteral("inventory-updates"), 4, 1, bootstrap));
        QVERIFY(waitUntil([&] {
                    const auto kcat = kcatPartitions(bootstrap, orders);
                    return kcat.size() == 6 && std::all_of(kcat.cbegin(), kcat.cend(),
                                                           [](const KcatPartition &p) { return p.isr.size() == 3; });
                }, 30s) >= 0);
        for (int p = 0; p < 6; ++p)
            QVERIFY(produce(bootstrap, orders, p, 10 * (p + 1)));

        auto session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(bootstrap, own.name()));
        session->setPollInterval(500);
        session->start();
        QVERIFY(QTest::qWaitFor([&] { return healthyInSnapshot(*session, orders, 6); }, 30000));

        TopicDetailPage detail;
        QAbstractItemModelTester mapTester(detail.mapView()->partitionModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester brokerTester(detail.mapView()->brokerModel(),
                                              QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tableTester(detail.partitionsTab()->model(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        attach(detail, session.get());
        detail.resize(1100, 700);
        detail.show();
        detail.showTopic(orders);
        TopicsPage topicsPage;
        attach(topicsPage, session.get());
        topicsPage.resize(1100, 700);
        topicsPage.show();
        PartitionTableModel *table = detail.partitionsTab()->model();
        QTRY_VERIFY_WITH_TIMEOUT(table->totalMessages() == 210, 20000);

        // SIGKILL, through LocalCluster: no controlled shutdown, the controller fences it after its session.
        const Status killed = own.cluster().killNode(3);
        QVERIFY2(killed.ok(), qPrintable(killed.ok() ? QString() : killed.error().fullText()));
        QVERIFY2(QTest::qWaitFor([&] {
            const ClusterSnapshotPtr s = session->latestSnapshot();
            const BrokerState *b = s->broker(3);
            const TopicState *t = s->topic(orders);
            return b && !b->alive && t && std::all_of(t->partitions.cbegin(), t->partitions.cend(), [](const PartitionState &p) {
                       return p.leader > 0 && p.leader != 3 && !p.isr.contains(3);
                   });
        }, 40000), "the snapshot did not show broker 3 down with every leader moved");
        // kcat agrees: nobody leads on broker 3, which stays a replica outside every ISR.
        const QMap<int, KcatPartition> kcat = kcatPartitions(bootstrap, orders);
        QCOMPARE(kcat.size(), 6);
        for (const KcatPartition &p : kcat) {
            QVERIFY(p.leader != 3);
            QVERIFY(p.replicas.contains(3));
            QVERIFY(!p.isr.contains(3));
        }

        // By partition: broker 3's column is all "replica on a down broker", with no leader in it.
        PartitionMapModel *map = detail.mapView()->partitionModel();
        QCOMPARE(map->rowCount(), 6);
        const int down = brokerColumn(*map, 3);
        QVERIFY(down >= 0);
        QVERIFY(map->headerData(down, Qt::Horizontal).toString().contains(QStringLiteral("down")));
        QVERIFY(PartitionMapModel::meaning(PartitionMapModel::OnDownBroker).contains(QStringLiteral("replica on a broker that is down")));
        for (int row = 0; row < map->rowCount(); ++row) {
            QCOMPARE(map->cellKind(row, down), PartitionMapModel::OnDownBroker);
            int leaders = 0;
            for (int c = 0; c < map->columnCount(); ++c)
                leaders += map->cellKind(row, c) == PartitionMapModel::Leader ? 1 : 0;
            QCOMPARE(leaders, 1);
            const int partitionId = map->headerData(row, Qt::Vertical, PartitionMapModel::PartitionIdRole).toInt();
            QCOMPARE(map->cellKind(row, brokerColumn(*map, kcat.value(partitionId).leader)), PartitionMapModel::Leader);
        }
        // By broker: broker 3 stores its replicas still, and leads none.
        bool sawBroker3 = false;
        for (const PartitionMapBrokerModel::Column &c : detail.mapView()->brokerModel()->columns()) {
            if (c.id != 3)
                continue;
            sawBroker3 = true;
            QCOMPARE(c.replicas.size(), 6);
            QCOMPARE(c.leaderCount(), 0);
            for (const auto &replica : c.replicas)
                QCOMPARE(replica.kind, PartitionMapModel::OnDownBroker);
        }
        QVERIFY(sawBroker3);
        // The partition table and the header tell the same story.
        for (int row = 0; row < table->rowCount(); ++row)
            QCOMPARE(table->index(row, PartitionTableModel::OfflineReplicasColumn).data().toString(), QStringLiteral("3"));
        QVERIFY2(detail.summaryText().contains(QStringLiteral("6 partitions under-replicated")), qPrintable(detail.summaryText()));
        QTRY_VERIFY_WITH_TIMEOUT(topicsPage.model()->rows().at(topicsPage.model()->rowOf(orders)).underReplicated == 6, 10000);

        // Offsets read again after the leaders moved; the map stopped flashing.
        // (The first reads may time out on the dead broker until librdkafka's metadata catches up.)
        QSignalSpy reads(detail.partitionsTab(), &TopicPartitionsTab::readFinished);
        detail.refresh();
        const auto succeeded = [&reads] {
            return std::any_of(reads.cbegin(), reads.cend(), [](const QList<QVariant> &r) { return r.first().toBool(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(succeeded(), 30000);
        QCOMPARE(table->totalMessages(), 210);
        QVERIFY2(!detail.partitionsTab()->statusText().contains(QStringLiteral("failed")),
                 qPrintable(detail.partitionsTab()->statusText()));
        QTRY_VERIFY_WITH_TIMEOUT(!detail.mapView()->isFlashing(), 5000);

        detail.setCurrentTab(TopicDetailPage::PartitionsTab);
        test::saveScreenshot(detail, QStringLiteral("topicdetail-partitions.png"));
        detail.setCurrentTab(TopicDetailPage::MapTab);
        detail.mapView()->setMode(PartitionMapView::ByPartition);
        test::saveScreenshot(detail, QStringLiteral("topicdetail-map.png"));
        detail.mapView()->setMode(PartitionMapView::ByBroker);
        test::saveScreenshot(detail, QStringLiteral("topicdetail-map-by-broker.png"));
        QVERIFY(topicsPage.selectTopic(orders));
        test::saveScreenshot(topicsPage, QStringLiteral("topics.png"));

        session.reset(); // before the cluster goes down
    }

    void cleanupTestCase() { m_session.reset(); }
};

QTEST_MAIN(TestTopicPages)
#include "tst_topicpages.moc"
