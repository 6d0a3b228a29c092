// Kill-to-new-leader-on-screen: the real main window shows the partition map of a bundled cluster
// (3 nodes); the leader of a partition (never the active controller, which would add a quorum
// election) is SIGKILLed, and the time until the map shows another broker as that partition's
// leader is measured, against an independent client (MetadataClient on its own thread) polling
// metadata every 100 ms, as tst_clustermap does: the peer says when Kafka itself names the new
// leader, so the window's own share is the difference. The node is started again and every ISR
// is full again before the next kill. Median of --kills kills; writes a JSON result file.
//
// The cluster is --cluster-name in --clusters-dir: attached to when it runs (the suite's shared
// benchmark cluster, left running), else started and taken down at the end.

#include "kafka/metadataclient.h"
#include "local/localcluster.h"
#include "local/quorumstatus.h"
#include "models/clusterpartitionmapmodel.h"
#include "models/partitionmapmodel.h"
#include "settings.h"
#include "views/clustermappage.h"
#include "views/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>
#include <thread>

using namespace kafdesk;
using namespace std::chrono_literals;
using Cell = PartitionMapModel::ReplicaCell;

namespace {

constexpr int Partitions = 6;
constexpr int Replication = 3;
// broker.session.timeout.ms of the bundled cluster (core/local/nodeconfig.cpp): the goal is that
// the window adds no more than two of its refreshes to the time the cluster itself takes.
constexpr qint64 sessionTimeoutMs = 3000;

void say(const QString &line)
{
    std::fprintf(stderr, "bench_leader %s: %s\n", qPrintable(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))),
                 qPrintable(line));
    std::fflush(stderr);
}

qint64 steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Runs the event loop until `done` holds (checked every 10 ms) or the timeout passes.
bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(10, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// Runs `work` on a thread of its own while the event loop goes on (the GUI thread never blocks).
template <typename T>
T offThread(const std::function<T()> &work)
{
    std::optional<T> result; // Result<T> has no empty state
    std::atomic<bool> finished{false};
    {
        std::jthread worker([&] {
            result.emplace(work());
            finished = true;
        });
        waitFor([&] { return finished.load(); }, 10 * 60 * 1000);
    } // joins: the work is done even when the wait gave up
    return std::move(*result);
}

int shownLeader(const ClusterMapPage *page, const QString &topic, int partition)
{
    for (const BrokerState &b : page->model()->brokers())
        if (page->shownCell(topic, partition, b.id) == Cell::Leader)
            return b.id;
    return -1;
}

// Every partition of the topic with a leader and a full ISR, as one metadata request says.
bool fullyReplicated(MetadataClient &client, const QString &topic)
{
    const auto md = client.fetch(2000);
    const TopicInfo *t = md ? md->topic(topic) : nullptr;
    if (!t || t->partitions.size() != Partitions)
        return false;
    return std::all_of(t->partitions.cbegin(), t->partitions.cend(),
                       [](const PartitionInfo &p) { return p.leader > 0 && p.isr.size() == Replication; });
}

struct Kill {
    int victim = -1;
    int partition = -1;
    int newLeader = -1;
    qint64 onScreenMs = -1;
    qint64 metadataMs = -1;
};

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // The window's settings in a directory of their own, not the user's.
    QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("kafdesk-bench"));
    QApplication::setApplicationName(QStringLiteral("bench_leader"));

    QCommandLineParser parser;
    const QCommandLineOption clustersOpt(QStringLiteral("clusters-dir"), QStringLiteral("where the cluster lives"),
                                         QStringLiteral("DIR"), QDir::currentPath() + QStringLiteral("/bench-clusters"));
    const QCommandLineOption nameOpt(QStringLiteral("cluster-name"), QStringLiteral("the local cluster"),
                                     QStringLiteral("NAME"), QStringLiteral("bench"));
    const QCommandLineOption killsOpt(QStringLiteral("kills"), QStringLiteral("kills"), QStringLiteral("N"),
                                      QStringLiteral("5"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("JSON result"), QStringLiteral("FILE"),
                                    QStringLiteral("bench_leader.json"));
    const QCommandLineOption ctlOpt(QStringLiteral("ctl"), QStringLiteral("kafdesk-ctl (creates the topic)"),
                                    QStringLiteral("PATH"));
    parser.addOptions({clustersOpt, nameOpt, killsOpt, outOpt, ctlOpt});
    parser.addHelpOption();
    parser.process(app);
    const QString root = parser.value(clustersOpt);
    const QString name = parser.value(nameOpt);
    const int kills = std::max(1, parser.value(killsOpt).toInt());
    const QString ctl = parser.value(ctlOpt);
    QDir().mkpath(root);

    // Attach, or start the cluster (then it is ours to take down).
    const bool wasRunning = offThread<bool>([&] {
        LocalCluster c(name, root);
        if (!c.exists())
            return false;
        auto seen = c.observe();
        return seen && std::all_of(seen->cbegin(), seen->cend(), [](const NodeObservation &o) { return o.isUp(); });
    });
    const auto started = offThread<Result<ClusterState>>([&]() -> Result<ClusterState> {
        LocalCluster c(name, root);
        LocalCluster::StartOptions options;
        options.brokers = 3;
        return c.start(options);
    });
    if (!started) {
        say(QStringLiteral("the cluster did not start: %1").arg(started.error().fullText()));
        return 2;
    }
    const QString bootstrap = started->bootstrapServers();
    say(QStringLiteral("cluster %1 at %2 (%3)").arg(name, bootstrap, wasRunning ? QStringLiteral("shared, left running")
                                                                                   : QStringLiteral("ours, taken down at the end")));
    const auto down = [&] {
        if (!wasRunning)
            offThread<bool>([&] { return bool(LocalCluster(name, root).down()); });
    };

    settings::keepLocalClusterRunning().set(true);
    MainWindow::Options options;
    options.localClusterName = name;
    options.clustersRoot = root;
    options.openLocalCluster = true;
    options.profilesFile = config.path() + QStringLiteral("/profiles.ini");
    auto window = std::make_unique<MainWindow>(options);
    window->resize(1180, 760);
    window->show();

    const QString topic = QStringLiteral("bench-leader-%1").arg(QDateTime::currentMSecsSinceEpoch());
    QString failure;
    QList<Kill> results;
    [&] {
        if (!waitFor([&] { return window->isConnected() && window->statusTexts().value(1) == QStringLiteral("3 of 3 brokers alive"); },
                     180000)) {
            failure = QStringLiteral("the window did not connect with 3 brokers alive: %1").arg(window->statusTexts().join(QStringLiteral(" | ")));
            return;
        }
        MetadataClient client(bootstrap);
        {
            QProcess p;
            p.start(ctl,
                    {QStringLiteral("topics"), QStringLiteral("create"), topic, QStringLiteral("--partitions"),
                     QString::number(Partitions), QStringLiteral("--replication-factor"), QString::number(Replication),
                     QStringLiteral("--bootstrap"), bootstrap});
            waitFor([&] { return p.state() == QProcess::NotRunning; }, 120000);
            if (p.exitCode() != 0) {
                failure = QStringLiteral("creating %1 failed: %2").arg(topic, QString::fromUtf8(p.readAllStandardError()));
                return;
            }
        }
        if (!waitFor([&] { return offThread<bool>([&] { return fullyReplicated(client, topic); }); }, 60000)) {
            failure = QStringLiteral("%1 never had every partition fully replicated").arg(topic);
            return;
        }
        window->navigation()->select(NavigationTree::Page::PartitionMap);
        auto *page = qobject_cast<ClusterMapPage *>(window->currentPage());
        if (!page) {
            failure = QStringLiteral("no partition map page");
            return;
        }
        page->setTopicFilter(topic);

        for (int k = 0; k < kills; ++k) {
            // Every partition fully replicated, the map showing the leaders, nothing flashing.
            if (!waitFor([&] { return offThread<bool>([&] { return fullyReplicated(client, topic); }); }, 120000)) {
                failure = QStringLiteral("the partitions did not recover before kill %1").arg(k + 1);
                return;
            }
            const auto quorum = offThread<Result<QuorumStatus>>([&] { return QuorumStatus::fetch(bootstrap, 60s); });
            if (!quorum || quorum->leaderId < 0) {
                failure = QStringLiteral("no active controller: %1").arg(quorum ? QStringLiteral("none") : quorum.error().fullText());
                return;
            }
            Kill kill;
            // Turn by turn through the partitions, so that the victims vary between the two non-controllers.
            for (int i = 0; i < Partitions && kill.partition < 0; ++i) {
                const int p = (k + i) % Partitions;
                int leader = -1;
                waitFor([&] { return (leader = shownLeader(page, topic, p)) > 0; }, 20000);
                if (leader > 0 && leader != quorum->leaderId) {
                    kill.partition = p;
                    kill.victim = leader;
                }
            }
            if (kill.partition < 0) {
                failure = QStringLiteral("no partition led by a node other than the active controller %1").arg(quorum->leaderId);
                return;
            }
            waitFor([&] { return !page->isFlashing(); }, 10000);

            std::atomic<qint64> killedAt{0};
            std::atomic<qint64> kafkaAt{0};
            std::atomic<bool> stopProbe{false};
            Status killed = ok();
            std::jthread probe([&] {
                MetadataClient own(bootstrap);
                while (!stopProbe && kafkaAt == 0) {
                    const auto md = own.fetch(1000);
                    const TopicInfo *t = md ? md->topic(topic) : nullptr;
                    const PartitionInfo *p = t ? t->partition(kill.partition) : nullptr;
                    if (killedAt > 0 && p && p->leader > 0 && p->leader != kill.victim)
                        kafkaAt = steadyMs();
                    std::this_thread::sleep_for(100ms);
                }
            });
            std::jthread killer([&] {
                killedAt = steadyMs();
                killed = LocalCluster(name, root).killNode(kill.victim, true);
            });
            qint64 onScreenAt = 0;
            const bool shown = waitFor(
                [&] {
                    const int now = shownLeader(page, topic, kill.partition);
                    if (killedAt > 0 && now > 0 && now != kill.victim) {
                        kill.newLeader = now;
                        onScreenAt = steadyMs();
                        return true;
                    }
                    return false;
                },
                60000);
            killer.join();
            waitFor([&] { return kafkaAt > 0; }, 30000);
            stopProbe = true;
            probe.join();
            if (!killed) {
                failure = QStringLiteral("killing node %1 failed: %2").arg(kill.victim).arg(killed.error().fullText());
                return;
            }
            if (!shown || kafkaAt == 0) {
                failure = QStringLiteral("kill %1: the new leader of partition %2 was %3 after 60 s")
                              .arg(k + 1)
                              .arg(kill.partition)
                              .arg(shown ? QStringLiteral("shown but not in metadata") : QStringLiteral("not shown"));
                return;
            }
            kill.onScreenMs = onScreenAt - killedAt;
            kill.metadataMs = kafkaAt - killedAt;
            results << kill;
            say(QStringLiteral("kill %1/%2: node %3 (leader of partition %4): on screen after %5 ms (new leader %6), "
                               "in metadata (100 ms polls) after %7 ms")
                    .arg(k + 1)
                    .arg(kills)
                    .arg(kill.victim)
                    .arg(kill.partition)
                    .arg(kill.onScreenMs)
                    .arg(kill.newLeader)
                    .arg(kill.metadataMs));

            const Status restarted = offThread<Status>([&] { return LocalCluster(name, root).startNode(kill.victim); });
            if (!restarted) {
                failure = QStringLiteral("restarting node %1 failed: %2").arg(kill.victim).arg(restarted.error().fullText());
                return;
            }
            if (!waitFor([&] { return window->statusTexts().value(1) == QStringLiteral("3 of 3 brokers alive"); }, 120000)) {
                failure = QStringLiteral("the window did not see node %1 back").arg(kill.victim);
                return;
            }
        }
        // The topic goes, so that the shared cluster is left as it was found.
        QProcess p;
        p.start(ctl,
                {QStringLiteral("topics"), QStringLiteral("delete"), topic, QStringLiteral("--yes"),
                 QStringLiteral("--bootstrap"), bootstrap});
        waitFor([&] { return p.state() == QProcess::NotRunning; }, 60000);
    }();
    window.reset();
    down();
    if (!failure.isEmpty()) {
        say(QStringLiteral("failed: %1").arg(failure));
        return 2;
    }

    QList<double> onScreen, metadata, share;
    QJsonArray samples;
    for (const Kill &k : std::as_const(results)) {
        onScreen << double(k.onScreenMs);
        metadata << double(k.metadataMs);
        share << double(k.onScreenMs - k.metadataMs);
        samples.append(QJsonObject{{QStringLiteral("victim"), k.victim},
                                   {QStringLiteral("partition"), k.partition},
                                   {QStringLiteral("new_leader"), k.newLeader},
                                   {QStringLiteral("on_screen_ms"), k.onScreenMs},
                                   {QStringLiteral("metadata_poll_ms"), k.metadataMs}});
    }
    const double goalMs = double(sessionTimeoutMs + 2 * settings::replicationIntervalMs().get());
    const double med = median(onScreen);
    const QJsonObject json{{QStringLiteral("kills"), int(results.size())},
                           {QStringLiteral("on_screen_median_ms"), med},
                           {QStringLiteral("metadata_poll_median_ms"), median(metadata)},
                           {QStringLiteral("window_share_median_ms"), median(share)},
                           {QStringLiteral("ratio"), median(metadata) > 0 ? med / median(metadata) : 0.0},
                           {QStringLiteral("goal_ms"), goalMs},
                           {QStringLiteral("goal_met"), med <= goalMs},
                           {QStringLiteral("refresh_interval_ms"), settings::replicationIntervalMs().get()},
                           {QStringLiteral("shared_cluster"), wasRunning},
                           {QStringLiteral("samples"), samples}};
    QFile out(parser.value(outOpt));
    if (out.open(QIODevice::WriteOnly))
        out.write(QJsonDocument(json).toJson());
    std::printf("bench_leader: %d kills: new leader on screen after %.0f ms (median), in metadata polled every 100 ms "
                "after %.0f ms, the window's share %.0f ms (goal on screen <= %.0f ms) -> %s\n",
                int(results.size()), med, median(metadata), median(share), goalMs, med <= goalMs ? "met" : "missed");
    return 0;
}
