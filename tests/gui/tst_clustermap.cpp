// The cluster-wide partition map on a cluster of the test's own (3 nodes), in the main window:
// filters over live data, then the leader of a partition is SIGKILLed and the map shows its new
// leader (flashing) within the session timeout plus two refreshes; kcat agrees; the topic detail's
// map shows the same; the restarted node's cells turn back in sync.

#include "cluster/clustersession.h"
#include "kafka/metadataclient.h"
#include "models/clusterpartitionmapmodel.h"
#include "models/partitionmapmodel.h"
#include "settings.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/clustermappage.h"
#include "views/mainwindow.h"
#include "views/partitionmapview.h"
#include "views/topicdetailpage.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTableView>
#include <QTest>

#include <atomic>
#include <chrono>
#include <thread> // std::jthread: a failed check must not leave a joinable thread behind

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

using Cell = PartitionMapModel::ReplicaCell;

namespace {

// broker.session.timeout.ms of the bundled cluster (core/local/nodeconfig.cpp), and what a loaded
// two-core machine may add to fencing, a metadata round and a repaint.
constexpr qint64 sessionTimeoutMs = 3000;
constexpr qint64 loadedMachineMs = 2000;

struct KcatPartition {
    int leader = -1;
    QList<int> replicas;
    QList<int> isr;
};

QList<int> ids(const QString &list)
{
    QList<int> out;
    for (const QString &s : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out << s.toInt();
    return out;
}

// What kcat (an independent client) says of a topic's partitions, by id.
QMap<int, KcatPartition> kcatPartitions(const QString &bootstrap, const QString &topic)
{
    const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-L"),
                                                     QStringLiteral("-t"), topic, QStringLiteral("-m"),
                                                     QStringLiteral("5")});
    static const QRegularExpression line(
        QStringLiteral("partition (\\d+), leader (-?\\d+), replicas: ([\\d,]*), isrs: ([\\d,]*)"));
    QMap<int, KcatPartition> out;
    for (auto it = line.globalMatch(r.out); it.hasNext();) {
        const auto m = it.next();
        out.insert(m.captured(1).toInt(), {m.captured(2).toInt(), ids(m.captured(3)), ids(m.captured(4))});
    }
    return out;
}

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

class TestClusterMap : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<OwnCluster> m_own;
    std::unique_ptr<MainWindow> m_window;
    QString m_bootstrap;
    const QString m_topic = uniqueName(QStringLiteral("cmap"));          // 6 partitions, RF 3
    const QString m_single = uniqueName(QStringLiteral("cmap-single"));  // 3 partitions, RF 1

    ClusterMapPage *showMap()
    {
        m_window->navigation()->select(NavigationTree::Page::PartitionMap);
        return qobject_cast<ClusterMapPage *>(m_window->currentPage());
    }

    // The broker the map shows as the partition's leader, or -1.
    static int shownLeader(const ClusterMapPage *page, const QString &topic, int partition)
    {
        for (const BrokerState &b : page->model()->brokers())
            if (page->shownCell(topic, partition, b.id) == Cell::Leader)
                return b.id;
        return -1;
    }

    static QString brokerHeader(const ClusterMapPage *page, int broker)
    {
        return page->model()->headerData(page->model()->columnOf(broker), Qt::Horizontal).toString();
    }

    int activeController() const
    {
        const RunResult r = kafkaTool(QStringLiteral("org.apache.kafka.tools.MetadataQuorumCommand"),
                                      {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("describe"),
                                       QStringLiteral("--status")});
        static const QRegularExpression leader(QStringLiteral("LeaderId:\\s+(\\d+)"));
        const auto m = leader.match(r.out);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        settings::keepLocalClusterRunning().set(true); // OwnCluster's destructor takes it down
        m_own = std::make_unique<OwnCluster>(QStringLiteral("clustermap"));
        MainWindow::Options options;
        options.localClusterName = m_own->name();
        options.clustersRoot = clustersDir();
        options.openLocalCluster = true;
        options.newClusterBrokers = 3;
        options.profilesFile = QDir::tempPath() + QStringLiteral("/kafdesk-tst-clustermap-profiles.ini");
        m_window = std::make_unique<MainWindow>(options);
        m_window->resize(1180, 760);
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->isConnected(), 150000);
        QTRY_COMPARE_WITH_TIMEOUT(m_window->statusTexts().value(1), QStringLiteral("3 of 3 brokers alive"), 60000);
        m_bootstrap = m_own->cluster().state()->bootstrapServers();

        for (const auto &[name, partitions, rf] : {std::tuple{m_topic, 6, 3}, std::tuple{m_single, 3, 1}}) {
            const RunResult r = ctl({QStringLiteral("topics"), QStringLiteral("create"), name,
                                     QStringLiteral("--partitions"), QString::number(partitions),
                                     QStringLiteral("--replication-factor"), QString::number(rf),
                                     QStringLiteral("--bootstrap"), m_bootstrap});
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        }
        const auto ready = [](const QMap<int, KcatPartition> &parts, int count, int rf) {
            return parts.size() == count && std::all_of(parts.cbegin(), parts.cend(), [rf](const KcatPartition &p) {
                       return p.leader > 0 && p.isr.size() == rf;
                   });
        };
        QVERIFY(waitUntil([&] {
            return ready(kcatPartitions(m_bootstrap, m_topic), 6, 3) && ready(kcatPartitions(m_bootstrap, m_single), 3, 1);
        }, 30s) >= 0);
    }

    void showsEveryPartitionAndFilters()
    {
        ClusterMapPage *page = showMap();
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(page->indexOf(m_topic, 5).isValid() && page->indexOf(m_single, 2).isValid(), 20000);
        QCOMPARE(page->model()->brokers().size(), 3);
        for (int b = 1; b <= 3; ++b)
            QVERIFY(!brokerHeader(page, b).contains(QStringLiteral("(down)")));

        // The map agrees with kcat, cell by cell.
        const auto parts = kcatPartitions(m_bootstrap, m_topic);
        const auto singles = kcatPartitions(m_bootstrap, m_single);
        QCOMPARE(parts.size(), 6);
        QCOMPARE(singles.size(), 3);
        for (auto it = parts.cbegin(); it != parts.cend(); ++it)
            QTRY_COMPARE_WITH_TIMEOUT(shownLeader(page, m_topic, it.key()), it.value().leader, 10000);
        QCOMPARE(page->shownCell(m_single, 0, singles.value(0).leader), Cell::Leader);

        // Ctrl+F (the window's Filter action) lands in the topic filter.
        QAction *find = m_window->findChild<QAction *>(QStringLiteral("actionFilter"));
        QVERIFY(find);
        find->trigger();
        QTRY_VERIFY(QApplication::focusWidget() == page->topicFilterEdit() || !m_window->isActiveWindow());

        // The topic filter: a substring, regardless of case.
        page->setTopicFilter(m_topic.toUpper());
        QCOMPARE(page->filter()->rowCount(), 6);
        for (int r = 0; r < 6; ++r)
            QCOMPARE(page->filter()->index(r, 0).data(ClusterPartitionMapModel::TopicNameRole).toString(), m_topic);
        page->setTopicFilter(QStringLiteral("cmap-"));
        QCOMPARE(page->filter()->rowCount(), 9);
        QVERIFY(page->summaryText().endsWith(QStringLiteral("showing 9")));

        // The broker filter: the rows a broker leads, and the rows it holds a replica of.
        int led = 0;
        for (int b = 1; b <= 3; ++b) {
            page->setBrokerFilter(ClusterMapPage::BrokerFilter::Leads, b);
            int expected = 0;
            for (const auto &map : {parts, singles})
                for (const KcatPartition &p : map)
                    expected += p.leader == b ? 1 : 0;
            QCOMPARE(page->filter()->rowCount(), expected);
            led += expected;
        }
        QCOMPARE(led, 9);
        page->setBrokerFilter(ClusterMapPage::BrokerFilter::HasReplica, 2);
        int onTwo = 6;
        for (const KcatPartition &p : singles)
            onTwo += p.replicas.contains(2) ? 1 : 0;
        QCOMPARE(page->filter()->rowCount(), onTwo);
        QVERIFY(onTwo < 9);
        page->setOnlyProblems(true);
        QCOMPARE(page->filter()->rowCount(), 0);
        QCOMPARE(page->emptyStateText(), QStringLiteral("No partition matches the filter"));
        page->clearFilters();
        QVERIFY(page->filter()->rowCount() >= 9);

        // A double click on a row opens its topic.
        const QModelIndex row = page->indexOf(m_topic, 1, 1);
        page->table()->scrollTo(row);
        const QPoint at = page->table()->visualRect(row).center();
        QTest::mouseClick(page->table()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(page->table()->viewport(), Qt::LeftButton, {}, at);
        auto *detail = qobject_cast<TopicDetailPage *>(m_window->currentPage());
        QTRY_VERIFY((detail = qobject_cast<TopicDetailPage *>(m_window->currentPage())) != nullptr);
        QCOMPARE(detail->topic(), m_topic);
    }

    void killedLeaderMovesOnScreen()
    {
        ClusterMapPage *page = showMap();
        QVERIFY(page);
        page->setTopicFilter(QStringLiteral("cmap-"));
        QTRY_COMPARE_WITH_TIMEOUT(page->filter()->rowCount(), 9, 10000);

        // A partition whose leader is not the active controller: killing that would add a quorum
        // election to what is measured.
        const int controller = activeController();
        QVERIFY(controller > 0);
        int partition = -1;
        int victim = -1;
        for (int p = 0; p < 6 && partition < 0; ++p) {
            const int leader = shownLeader(page, m_topic, p);
            if (leader > 0 && leader != controller) {
                partition = p;
                victim = leader;
            }
        }
        QVERIFY(partition >= 0);
        qInfo("active controller: node %d; killing node %d, the leader of %s partition %d", controller, victim,
              qPrintable(m_topic), partition);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isFlashing(), 10000);

        std::atomic<qint64> killedAt{0};
        Status killed = ok();
        // Every cell change the map shows from here on, timed from the kill (for the log).
        const QMetaObject::Connection logChanges = connect(
            page->model(), &ClusterPartitionMapModel::cellKindsChanged, this,
            [&](const QList<ClusterPartitionMapModel::CellChange> &changes) {
                int ours = 0;
                for (const auto &c : changes)
                    ours += c.topic == m_topic ? 1 : 0;
                qInfo("+%lld ms: %d cells changed (%d of %s)", steadyMs() - killedAt, int(changes.size()), ours,
                      qPrintable(m_topic));
            });
        // When the window's session got each snapshot, and what it said of the partition.
        const QMetaObject::Connection logSnapshots = connect(
            m_window->session(), &ClusterSession::snapshotReady, this, [&](const ClusterSnapshotPtr &snapshot) {
                const TopicState *t = snapshot ? snapshot->topic(m_topic) : nullptr;
                const PartitionState *p = t ? t->partition(partition) : nullptr;
                if (killedAt > 0)
                    qInfo("+%lld ms: snapshot, leader %d, %d brokers alive", steadyMs() - killedAt, p ? p->leader : -2,
                          snapshot ? int(snapshot->aliveBrokerIds().size()) : -1);
            });
        const QMetaObject::Connection logFailures = connect(
            m_window->session(), &ClusterSession::stateChanged, this, [&](ConnectionState, const Error &error) {
                if (killedAt > 0 && !error.message.isEmpty())
                    qInfo("+%lld ms: poll failed: %s", steadyMs() - killedAt, qPrintable(error.fullText()));
            });
        const auto stopLogging = qScopeGuard([&] {
            disconnect(logChanges); // they capture locals
            disconnect(logSnapshots);
            disconnect(logFailures);
        });
        // An independent client asks for metadata every 100 ms from the kill on: when Kafka itself
        // names the new leader, to tell the cluster's share of the time from the window's.
        std::atomic<qint64> kafkaAt{0};
        std::atomic<bool> stopProbe{false};
        std::jthread probe([&] {
            MetadataClient client(m_bootstrap);
            while (!stopProbe && kafkaAt == 0) {
                const auto md = client.fetch(1000);
                const TopicInfo *t = md ? md->topic(m_topic) : nullptr;
                for (const PartitionInfo &p : t ? t->partitions : QList<PartitionInfo>())
                    if (killedAt > 0 && p.id == partition && p.leader > 0 && p.leader != victim)
                        kafkaAt = steadyMs();
                std::this_thread::sleep_for(100ms);
            }
        });
        std::jthread killer([&] {
            killedAt = steadyMs();
            killed = m_own->cluster().killNode(victim, true);
        });
        int newLeader = -1;
        qint64 onScreenAt = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const int shown = shownLeader(page, m_topic, partition);
                if (shown > 0 && shown != victim && killedAt > 0) {
                    newLeader = shown;
                    onScreenAt = steadyMs();
                    return true;
                }
                return false;
            }(),
            30000);
        const qreal flash = page->flashLevel(m_topic, partition, newLeader);
        // The topic detail page (hidden, but fed the same snapshots) flashed the same cell.
        auto *detail = qobject_cast<TopicDetailPage *>(m_window->page(NavigationTree::Page::TopicDetail));
        QVERIFY(detail);
        QCOMPARE(detail->topic(), m_topic);
        const qreal detailFlash = detail->mapView()->flashLevel(partition, newLeader);
        killer.join();
        QVERIFY2(killed.ok(), qPrintable(killed.ok() ? QString() : killed.error().fullText()));
        const qint64 tookMs = onScreenAt - killedAt;
        const qint64 limitMs = sessionTimeoutMs + 2 * settings::replicationIntervalMs().get() + loadedMachineMs;
        qInfo("kill-to-new-leader-on-screen: %lld ms (limit %lld ms; new leader broker %d)", tookMs, limitMs, newLeader);
        QTRY_VERIFY_WITH_TIMEOUT(kafkaAt > 0, 15000);
        stopProbe = true;
        const qint64 kafkaMs = kafkaAt - killedAt;
        qInfo("kill-to-new-leader-in-metadata (an independent client polling every 100 ms): %lld ms; the window's "
              "share: %lld ms",
              kafkaMs, tookMs - kafkaMs);
        QVERIFY2(flash > 0.0, "the new leader's cell flashes");
        QVERIFY(page->flashLevel(m_topic, partition, victim) > 0.0); // the old leader's cell went down
        QVERIFY2(tookMs <= limitMs, qPrintable(QStringLiteral("took %1 ms; Kafka itself named the new leader after %2 ms")
                                                   .arg(tookMs)
                                                   .arg(kafkaMs)));
        QCOMPARE(page->shownCell(m_topic, partition, victim), Cell::OnDownBroker);
        QTRY_VERIFY_WITH_TIMEOUT(brokerHeader(page, victim).contains(QStringLiteral("(down)")), 10000);
        test::saveScreenshot(*m_window, QStringLiteral("partition-map-mid-failover.png"));

        // The topic detail's map shows the same.
        m_window->openTopic(m_topic);
        QCOMPARE(m_window->currentPage(), detail);
        detail->setCurrentTab(TopicDetailPage::MapTab);
        PartitionMapModel *topicMap = detail->mapView()->partitionModel();
        const int detailRow = partition; // rows are partitions by id
        QCOMPARE(topicMap->data(topicMap->index(detailRow, newLeader - 1), PartitionMapModel::CellKindRole).toInt(),
                 int(Cell::Leader));
        QCOMPARE(topicMap->data(topicMap->index(detailRow, victim - 1), PartitionMapModel::CellKindRole).toInt(),
                 int(Cell::OnDownBroker));
        QVERIFY2(detailFlash > 0.0, "the topic detail's map flashed the new leader's cell as well");
        test::saveScreenshot(*m_window, QStringLiteral("topic-map-mid-failover.png"));

        // kcat, an independent client, sees the same new leader.
        QVERIFY(waitUntil([&] { return kcatPartitions(m_bootstrap, m_topic).value(partition).leader == newLeader; },
                          15s) >= 0);

        // Only problems: every partition of the RF-3 topic is under-replicated, and the single
        // replica partition on the dead broker is offline.
        page = showMap();
        page->setOnlyProblems(true);
        int offlineOnVictim = 0;
        for (const KcatPartition &p : kcatPartitions(m_bootstrap, m_single))
            offlineOnVictim += p.replicas.contains(victim) ? 1 : 0;
        QTRY_COMPARE_WITH_TIMEOUT(page->filter()->rowCount(), 6 + offlineOnVictim, 15000);
        QVERIFY(page->summaryText().contains(QStringLiteral("6 under-replicated")) ||
                page->summaryText().contains(QStringLiteral("%1 under-replicated").arg(6 + offlineOnVictim)));
        test::saveScreenshot(*m_window, QStringLiteral("partition-map-only-problems.png"));

        // The node comes back: its cells turn back in sync and the problems go away.
        Status started = ok();
        std::jthread starter([&] { started = m_own->cluster().startNode(victim); });
        const auto allInSync = [&] {
            for (int p = 0; p < 6; ++p)
                for (int b = 1; b <= 3; ++b) {
                    const QModelIndex i = page->model()->index(page->model()->rowOf(m_topic, p),
                                                               page->model()->columnOf(b));
                    const auto kind = static_cast<Cell>(i.data(ClusterPartitionMapModel::CellKindRole).toInt());
                    if (kind != Cell::Leader && kind != Cell::InSyncFollower)
                        return false;
                }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allInSync(), 90000);
        starter.join();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().fullText()));
        QVERIFY(!brokerHeader(page, victim).contains(QStringLiteral("(down)")));
        QTRY_COMPARE_WITH_TIMEOUT(page->filter()->rowCount(), 0, 30000);
        page->clearFilters();
    }

    void cleanupTestCase()
    {
        m_window.reset();
        m_own.reset();
    }
};

QTEST_MAIN(TestClusterMap)
#include "tst_clustermap.moc"
