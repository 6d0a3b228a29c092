// Consuming 1,000,000 messages of 100 bytes from a 3-partition topic on a dedicated bundled
// cluster: Kafdesk (ConsumeSession -> MessageTableModel behind a shown QTableView, on the GUI
// thread, with a 5 ms heartbeat timer measuring the longest event-loop stall) against
// `kcat -C -e -q -o beginning > /dev/null`, in alternating rounds. Writes a JSON result file and
// fails when Kafdesk reads at less than 0.9x kcat's rate or the event loop stalls over 50 ms (the
// median round's longest stall, and in every round the longest stall less the GUI thread's wait for a CPU).

#include "kafka/offsetclient.h"
#include "messages/consumesession.h"
#include "models/messagetablemodel.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

using namespace kafdesk;

namespace {

constexpr double goalRatio = 0.9;
constexpr double goalStallMs = 50.0;

void say(const QString &line)
{
    std::fprintf(stderr, "bench_consume: %s\n", qPrintable(line));
    std::fflush(stderr);
}

struct Command {
    int exitCode = -1;
    QString out;
    QString err;
};

Command run(const QString &program, const QStringList &args, const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
            int timeoutMs = 600000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    Command c;
    if (!p.waitForStarted(10000) || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        c.err = QStringLiteral("%1 did not finish").arg(program);
        return c;
    }
    c.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    c.out = QString::fromUtf8(p.readAllStandardOutput());
    c.err = QString::fromUtf8(p.readAllStandardError());
    return c;
}

// CPU time of the calling thread.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// How long the calling thread waited, runnable, for a CPU (Linux schedstat): a gap made of this
// is the machine being busy, not the event loop being blocked.
double threadRunQueueWaitMs()
{
    QFile f(QStringLiteral("/proc/thread-self/schedstat"));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = f.readAll().split(' ');
    return fields.size() >= 2 ? double(fields[1].toLongLong()) / 1e6 : 0;
}

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// The view, timing its own paints (only visible rows are painted; this says what that costs).
class TimedTableView : public QTableView {
public:
    double paintMsMax = 0;
    double paintMsTotal = 0;
    int paints = 0;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QElapsedTimer t;
        t.start();
        QTableView::paintEvent(event);
        const double ms = double(t.nsecsElapsed()) / 1e6;
        paintMsMax = std::max(paintMsMax, ms);
        paintMsTotal += ms;
        ++paints;
    }
};

struct KafdeskRound {
    double seconds = 0;
    double rate = 0;
    double stallMs = 0;
    double stallBusyMs = 0;   // of the longest stall, the GUI thread's own CPU time
    double stallWaitMs = 0;   // of the longest stall, the GUI thread's time waiting for a CPU
    double longestBusyMs = 0; // the longest gap counted in GUI-thread CPU time: work of ours, not the scheduler
    double longestOwnMs = 0;  // the longest gap less the GUI thread's wait for a CPU
    QList<double> gapsOver20; // wall-clock gaps over 20 ms, in ms since start
    qint64 messages = 0;
    double bytesPerMessage = 0;
    int batches = 0;
    double startedMs = 0;
    double appendMsMax = 0;   // the slowest batch: appendBatch plus following the tail
    double appendMsTotal = 0; // all batches
    double paintMsMax = 0;
    double paintMsTotal = 0;
    int paints = 0;
    QString error;
};

// One Kafdesk round: batches appended on this (the GUI) thread into the consume pane's model,
// shown in a real QTableView that follows the tail, while a 5 ms timer measures the stalls.
KafdeskRound kafdeskRound(const QString &bootstrap, const QString &topic, qint64 expected)
{
    KafdeskRound result;
    MessageTableModel model;
    model.setCapacity(qsizetype(expected));
    TimedTableView view;
    view.setModel(&model);
    view.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    view.verticalHeader()->setDefaultSectionSize(view.fontMetrics().height() + 6);
    view.verticalHeader()->hide();
    view.horizontalHeader()->setStretchLastSection(true);
    view.resize(1200, 700);
    view.show();
    QApplication::processEvents();

    ConsumeRequest request;
    request.topic = topic;
    request.start.kind = ConsumeStart::Kind::Beginning;
    request.stopAtEnd = true;
    ConsumeSession session(ConnectionSettings::forBootstrap(bootstrap), request);

    QEventLoop loop;
    QElapsedTimer clock;
    QElapsedTimer sinceTick;
    double longestGap = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(5);
    double cpuAtTick = threadCpuMs();
    double waitAtTick = threadRunQueueWaitMs();
    QObject::connect(&heartbeat, &QTimer::timeout, &loop, [&] {
        const double gap = double(sinceTick.nsecsElapsed()) / 1e6;
        const double cpu = threadCpuMs();
        const double busy = cpu - cpuAtTick;
        const double waitNow = threadRunQueueWaitMs();
        const double waited = waitNow - waitAtTick;
        if (gap > longestGap) {
            longestGap = gap;
            result.stallBusyMs = busy;
            result.stallWaitMs = waited;
        }
        result.longestBusyMs = std::max(result.longestBusyMs, busy);
        result.longestOwnMs = std::max(result.longestOwnMs, gap - waited - 5.0);
        if (gap > 20 && result.gapsOver20.size() < 80)
            result.gapsOver20 << std::round(double(clock.nsecsElapsed()) / 1e6) << std::round(gap) << std::round(busy)
                              << std::round(waited);
        cpuAtTick = cpu;
        waitAtTick = waitNow;
        sinceTick.start();
    });
    QObject::connect(&session, &ConsumeSession::started, &loop,
                     [&] { result.startedMs = double(clock.nsecsElapsed()) / 1e6; });
    QObject::connect(&session, &ConsumeSession::batchReady, &loop, [&](const MessageBatchPtr &batch) {
        QElapsedTimer appendClock;
        appendClock.start();
        model.appendBatch(batch);
        view.scrollToBottom();
        const double ms = double(appendClock.nsecsElapsed()) / 1e6;
        result.appendMsMax = std::max(result.appendMsMax, ms);
        result.appendMsTotal += ms;
        ++result.batches;
    });
    QObject::connect(&session, &ConsumeSession::failed, &loop, [&](const Error &e) { result.error = e.fullText(); });
    QObject::connect(&session, &ConsumeSession::finished, &loop, [&](const ConsumeStats &stats) {
        result.messages = stats.messages;
        loop.quit();
    });
    QTimer::singleShot(600000, &loop, [&] {
        result.error = QStringLiteral("timed out");
        loop.quit();
    });

    sinceTick.start();
    heartbeat.start();
    clock.start();
    session.start();
    loop.exec();
    result.seconds = double(clock.nsecsElapsed()) / 1e9;
    heartbeat.stop();
    result.paintMsMax = view.paintMsMax;
    result.paintMsTotal = view.paintMsTotal;
    result.paints = view.paints;
    // The heartbeat's own interval is not a stall: the longest gap beyond it is.
    result.stallMs = std::max(0.0, longestGap - 5.0);
    result.rate = double(model.store().size()) / result.seconds;
    result.bytesPerMessage = model.store().size() ? double(model.store().memoryBytes()) / double(model.store().size()) : 0;
    if (result.error.isEmpty() && model.store().size() != expected)
        result.error = QStringLiteral("read %1 messages, expected %2").arg(model.store().size()).arg(expected);
    return result;
}

double kcatRound(const QString &bootstrap, const QString &topic, QString *error)
{
    QProcess kcat;
    kcat.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer clock;
    clock.start();
    kcat.start(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-C"), QStringLiteral("-t"), topic,
                                        QStringLiteral("-e"), QStringLiteral("-q"), QStringLiteral("-o"),
                                        QStringLiteral("beginning")});
    if (!kcat.waitForStarted(10000) || !kcat.waitForFinished(600000) || kcat.exitCode() != 0) {
        *error = QStringLiteral("kcat failed: %1").arg(QString::fromUtf8(kcat.readAllStandardError()));
        return 0;
    }
    return double(clock.nsecsElapsed()) / 1e9;
}

// kcat -P from a generated file: `messages` values of `size` bytes, spread over the partitions.
bool produce(const QString &bootstrap, const QString &topic, qint64 messages, int size, const QString &dir)
{
    const QString path = dir + QStringLiteral("/values.txt");
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return false;
        QByteArray chunk;
        const QByteArray pattern("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
        for (qint64 i = 0; i < messages; ++i) {
            QByteArray value = QByteArray::number(i).rightJustified(10, '0') + ' ';
            while (value.size() < size)
                value += pattern.left(size - value.size());
            chunk += value + '\n';
            if (chunk.size() > (1 << 20)) {
                file.write(chunk);
                chunk.clear();
            }
        }
        file.write(chunk);
    }
    const Command c = run(QStringLiteral("kcat"),
                          {QStringLiteral("-b"), bootstrap, QStringLiteral("-P"), QStringLiteral("-t"), topic, QStringLiteral("-l"),
                           QStringLiteral("-X"), QStringLiteral("linger.ms=50"), QStringLiteral("-X"),
                           QStringLiteral("batch.num.messages=10000"), QStringLiteral("-X"),
                           QStringLiteral("queue.buffering.max.messages=1000000"), path});
    QFile::remove(path);
    if (c.exitCode != 0)
        say(QStringLiteral("kcat -P failed: %1").arg(c.err));
    return c.exitCode == 0;
}

qint64 messagesIn(const QString &bootstrap, const QString &topic, int partitions)
{
    auto client = OffsetClient::create({{QStringLiteral("bootstrap.servers"), bootstrap}});
    if (!client)
        return -1;
    QList<OffsetClient::Partition> list;
    for (int p = 0; p < partitions; ++p)
        list << OffsetClient::Partition{topic, p};
    auto marks = client.value()->watermarks(list, 30000);
    if (!marks)
        return -1;
    qint64 total = 0;
    for (const Watermarks &w : marks.value())
        total += w.high - w.low;
    return total;
}

// A new topic with `messages` values of `size` bytes, or an empty name.
QString createAndFill(const QString &ctl, const QProcessEnvironment &env, const QString &bootstrap, int partitions,
                      qint64 messages, int size)
{
    const QString topic = QStringLiteral("bench-consume-%1").arg(QDateTime::currentMSecsSinceEpoch());
    const Command created = run(ctl, {QStringLiteral("topics"), QStringLiteral("create"), topic, QStringLiteral("--partitions"),
                                      QString::number(partitions), QStringLiteral("--replication-factor"), QStringLiteral("1"),
                                      QStringLiteral("--bootstrap"), bootstrap},
                                env);
    if (created.exitCode != 0) {
        say(QStringLiteral("creating the topic failed: %1").arg(created.err));
        return {};
    }
    QTemporaryDir scratch(QDir::currentPath() + QStringLiteral("/bench-consume-XXXXXX"));
    QElapsedTimer clock;
    clock.start();
    if (!produce(bootstrap, topic, messages, size, scratch.path()))
        return {};
    if (const qint64 stored = messagesIn(bootstrap, topic, partitions); stored != messages) {
        say(QStringLiteral("the topic holds %1 messages, not %2").arg(stored).arg(messages));
        return {};
    }
    say(QStringLiteral("produced %1 messages of %2 bytes in %3 s into %4")
            .arg(messages)
            .arg(size)
            .arg(double(clock.elapsed()) / 1000.0)
            .arg(topic));
    return topic;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption ctlOpt(QStringLiteral("ctl"), QStringLiteral("kafdesk-ctl"), QStringLiteral("PATH"));
    const QCommandLineOption messagesOpt(QStringLiteral("messages"), QStringLiteral("messages"), QStringLiteral("N"),
                                         QStringLiteral("1000000"));
    const QCommandLineOption roundsOpt(QStringLiteral("rounds"), QStringLiteral("rounds"), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption brokersOpt(QStringLiteral("brokers"), QStringLiteral("brokers"), QStringLiteral("N"),
                                        QStringLiteral("3"));
    const QCommandLineOption bootstrapOpt(QStringLiteral("bootstrap"), QStringLiteral("existing cluster (no start/down)"),
                                          QStringLiteral("HOSTS"));
    const QCommandLineOption clustersOpt(QStringLiteral("clusters-dir"), QStringLiteral("where the cluster lives"),
                                         QStringLiteral("DIR"));
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("JSON result"), QStringLiteral("FILE"),
                                    QStringLiteral("bench_consume.json"));
    const QCommandLineOption topicOpt(QStringLiteral("topic"), QStringLiteral("an existing topic holding --messages (with --bootstrap)"),
                                      QStringLiteral("NAME"));
    const QCommandLineOption keepOpt(QStringLiteral("keep"), QStringLiteral("leave the cluster running"));
    const QCommandLineOption nameOpt(QStringLiteral("cluster-name"),
                                     QStringLiteral("the local cluster; one that already runs is shared: left running"),
                                     QStringLiteral("NAME"), QStringLiteral("bench-consume"));
    parser.addOptions({ctlOpt, messagesOpt, roundsOpt, brokersOpt, bootstrapOpt, clustersOpt, outOpt, topicOpt, keepOpt, nameOpt});
    parser.addHelpOption();
    parser.process(app);
    const qint64 messages = parser.value(messagesOpt).toLongLong();
    const int rounds = std::max(1, parser.value(roundsOpt).toInt());
    constexpr int partitions = 3;
    constexpr int valueSize = 100;

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString clustersDir = parser.isSet(clustersOpt) ? parser.value(clustersOpt)
                                                          : QDir::currentPath() + QStringLiteral("/bench-consume-clusters");
    env.insert(QStringLiteral("KAFDESK_CLUSTERS_DIR"), clustersDir);
    const QString ctl = parser.value(ctlOpt);
    const QString clusterName = parser.value(nameOpt);
    QString bootstrap = parser.value(bootstrapOpt);
    const bool ownCluster = bootstrap.isEmpty();
    // A cluster that runs already (the suite's shared one) is not ours to take down.
    bool shared = false;
    if (ownCluster) {
        const Command status = run(ctl, {QStringLiteral("cluster"), QStringLiteral("status"), QStringLiteral("--name"), clusterName,
                                         QStringLiteral("--json")},
                                   env);
        const QJsonArray nodes = QJsonDocument::fromJson(status.out.toUtf8()).object().value(QStringLiteral("nodes")).toArray();
        shared = status.exitCode == 0 && !nodes.isEmpty() && std::all_of(nodes.begin(), nodes.end(), [](const QJsonValue &n) {
                     return n.toObject().value(QStringLiteral("state")).toString() == QStringLiteral("running");
                 });
    }
    QString createdTopic; // deleted from a shared cluster at the end, which is left as it was found
    auto down = [&] {
        if (shared && !createdTopic.isEmpty())
            run(ctl, {QStringLiteral("topics"), QStringLiteral("delete"), createdTopic, QStringLiteral("--yes"),
                      QStringLiteral("--bootstrap"), bootstrap},
                env);
        if (ownCluster && !shared && !parser.isSet(keepOpt))
            run(ctl, {QStringLiteral("cluster"), QStringLiteral("down"), QStringLiteral("--name"), clusterName, QStringLiteral("-q")}, env);
    };
    if (ownCluster) {
        QDir().mkpath(clustersDir);
        const Command started = run(ctl, {QStringLiteral("cluster"), QStringLiteral("start"), QStringLiteral("--name"), clusterName,
                                          QStringLiteral("--brokers"), parser.value(brokersOpt), QStringLiteral("-q")},
                                    env);
        const QStringList lines = started.out.trimmed().split(QLatin1Char('\n'));
        if (started.exitCode != 0 || !lines.last().startsWith(QStringLiteral("bootstrap="))) {
            say(QStringLiteral("the cluster did not start: %1 %2").arg(started.out, started.err));
            down();
            return 2;
        }
        bootstrap = lines.last().section(QLatin1Char('='), 1);
    }
    say(QStringLiteral("cluster at %1%2").arg(bootstrap, shared ? QStringLiteral(" (shared: left running)") : QString()));

    QString topic = parser.value(topicOpt);
    if (topic.isEmpty()) {
        topic = createAndFill(ctl, env, bootstrap, partitions, messages, valueSize);
        createdTopic = topic;
        if (topic.isEmpty()) {
            down();
            return 2;
        }
    }

    // One unmeasured read first: the brokers have just written the topic (and their JIT is cold).
    {
        QString error;
        kcatRound(bootstrap, topic, &error);
    }
    // And a pause, as bench_core.py lets its cluster settle: the brokers flush what they just took.
    say(QStringLiteral("letting the cluster settle for 10 s"));
    QThread::sleep(10);

    QList<double> kafdeskRates, kcatRates, stalls, ownStalls;
    QJsonArray roundsJson;
    double bytesPerMessage = 0;
    QString failure;
    for (int r = 0; r < rounds && failure.isEmpty(); ++r) {
        const KafdeskRound k = kafdeskRound(bootstrap, topic, messages);
        if (!k.error.isEmpty()) {
            failure = k.error;
            break;
        }
        QString error;
        const double kcatSeconds = kcatRound(bootstrap, topic, &error);
        if (!error.isEmpty()) {
            failure = error;
            break;
        }
        const double kcatRate = double(messages) / kcatSeconds;
        kafdeskRates << k.rate;
        kcatRates << kcatRate;
        stalls << k.stallMs;
        ownStalls << k.longestOwnMs;
        bytesPerMessage = k.bytesPerMessage;
        say(QStringLiteral("round %1: kafdesk %2 msg/s (%3 s, started after %8 ms, %4 batches, appending %9 ms in all, "
                           "%10 ms at most, %15 paints %16 ms in all %17 ms at most, longest stall %5 ms of which %11 ms GUI-thread CPU and %13 ms waiting for a CPU; longest GUI-thread CPU between ticks %12 ms, longest gap less CPU wait %14 ms), kcat %6 msg/s (%7 s)")
                .arg(r + 1)
                .arg(k.rate, 0, 'f', 0)
                .arg(k.seconds, 0, 'f', 2)
                .arg(k.batches)
                .arg(k.stallMs, 0, 'f', 1)
                .arg(kcatRate, 0, 'f', 0)
                .arg(kcatSeconds, 0, 'f', 2)
                .arg(k.startedMs, 0, 'f', 0)
                .arg(k.appendMsTotal, 0, 'f', 0)
                .arg(k.appendMsMax, 0, 'f', 1)
                .arg(k.stallBusyMs, 0, 'f', 1)
                .arg(k.longestBusyMs, 0, 'f', 1)
                .arg(k.stallWaitMs, 0, 'f', 1)
                .arg(std::max(0.0, k.longestOwnMs), 0, 'f', 1)
                .arg(k.paints)
                .arg(k.paintMsTotal, 0, 'f', 0)
                .arg(k.paintMsMax, 0, 'f', 1));
        roundsJson.append(QJsonObject{{QStringLiteral("kafdesk_msgs_per_s"), k.rate},
                                      {QStringLiteral("kafdesk_s"), k.seconds},
                                      {QStringLiteral("kafdesk_batches"), k.batches},
                                      {QStringLiteral("stall_ms"), k.stallMs},
                                      {QStringLiteral("stall_gui_cpu_ms"), k.stallBusyMs},
                                      {QStringLiteral("longest_gap_gui_cpu_ms"), k.longestBusyMs},
                                      {QStringLiteral("stall_cpu_wait_ms"), k.stallWaitMs},
                                      {QStringLiteral("longest_gap_less_cpu_wait_ms"), std::max(0.0, k.longestOwnMs)},
                                      {QStringLiteral("gaps_over_20ms_at_wall_cpu_wait"), QJsonArray::fromVariantList([&] {
                                           QVariantList l;
                                           for (double g : k.gapsOver20)
                                               l << g;
                                           return l;
                                       }())},
                                      {QStringLiteral("started_ms"), k.startedMs},
                                      {QStringLiteral("gui_append_ms_total"), k.appendMsTotal},
                                      {QStringLiteral("gui_append_ms_max"), k.appendMsMax},
                                      {QStringLiteral("view_paints"), k.paints},
                                      {QStringLiteral("view_paint_ms_total"), k.paintMsTotal},
                                      {QStringLiteral("view_paint_ms_max"), k.paintMsMax},
                                      {QStringLiteral("kcat_msgs_per_s"), kcatRate},
                                      {QStringLiteral("kcat_s"), kcatSeconds}});
    }
    down();
    if (!failure.isEmpty()) {
        say(QStringLiteral("failed: %1").arg(failure));
        return 2;
    }

    const double kafdeskMedian = median(kafdeskRates);
    const double kcatMedian = median(kcatRates);
    const double ratio = kafdeskMedian / kcatMedian;
    const double longestStall = *std::max_element(stalls.cbegin(), stalls.cend());
    const double medianStall = median(stalls);
    const double longestOwnStall = *std::max_element(ownStalls.cbegin(), ownStalls.cend());
    // The gate: the median round's longest stall, and in every round the longest stall less the
    // time the GUI thread waited for a CPU (on 2 cores shared with 3 brokers and librdkafka's
    // threads the scheduler alone can hold it back tens of ms). The raw maximum is reported too.
    const bool pass = ratio >= goalRatio && medianStall <= goalStallMs && longestOwnStall <= goalStallMs;
    const QJsonObject json{
        {QStringLiteral("messages"), messages},
        {QStringLiteral("value_bytes"), valueSize},
        {QStringLiteral("partitions"), partitions},
        {QStringLiteral("brokers"), ownCluster ? parser.value(brokersOpt).toInt() : 0},
        {QStringLiteral("shared_cluster"), shared},
        {QStringLiteral("rounds"), roundsJson},
        {QStringLiteral("kafdesk_median_msgs_per_s"), kafdeskMedian},
        {QStringLiteral("kcat_median_msgs_per_s"), kcatMedian},
        {QStringLiteral("ratio"), ratio},
        {QStringLiteral("longest_stall_ms"), longestStall},
        {QStringLiteral("median_stall_ms"), medianStall},
        {QStringLiteral("longest_stall_less_cpu_wait_ms"), longestOwnStall},
        {QStringLiteral("memory_bytes_per_message"), bytesPerMessage},
        {QStringLiteral("goal_ratio"), goalRatio},
        {QStringLiteral("goal_stall_ms"), goalStallMs},
        {QStringLiteral("pass"), pass}};
    QFile out(parser.value(outOpt));
    if (out.open(QIODevice::WriteOnly))
        out.write(QJsonDocument(json).toJson());
    std::printf("bench_consume: %lld msgs of %d B: kafdesk %.0f msg/s, kcat %.0f msg/s, ratio %.2f (goal >= %.1f), "
                "stall: median round %.1f ms, longest %.1f ms, longest less CPU wait %.1f ms (goal <= %.0f), "
                "%.1f bytes/message buffered -> %s\n",
                static_cast<long long>(messages), valueSize, kafdeskMedian, kcatMedian, ratio, goalRatio, medianStall,
                longestStall, longestOwnStall, goalStallMs, bytesPerMessage, pass ? "PASS" : "FAIL");
    return pass ? 0 : 1;
}
