#include "messages/grouplabworker.h"

#include "kafka/labproducer.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QThread>

namespace kafdesk {

LabChannel::LabChannel(QObject *receiver, std::function<void(const MemberReport &)> apply)
    : m_receiver(receiver), m_apply(std::move(apply))
{
}

void LabChannel::post(const MemberReport &report)
{
    // Posting under the lock: the receiver cannot be deleted in between (it disconnects first),
    // and deleting it drops what is still queued for it.
    QMutexLocker lock(&m_mutex);
    if (!m_receiver)
        return;
    QMetaObject::invokeMethod(m_receiver, [apply = m_apply, report] { apply(report); }, Qt::QueuedConnection);
}

void LabChannel::disconnect()
{
    QMutexLocker lock(&m_mutex);
    m_receiver = nullptr;
}

namespace {

constexpr int pollMs = 100;
constexpr int statusIntervalMs = 250;
constexpr int metadataIntervalMs = 5000;

MemberReport reportOf(const GroupMemberClient &member, int id, MemberReport::Kind kind)
{
    MemberReport r;
    r.id = id;
    r.kind = kind;
    r.assignment = member.assignment();
    r.consumed = member.consumed();
    r.memberId = member.memberId();
    r.joinState = member.joinState();
    r.joinedOnce = member.hasJoinedOnce();
    return r;
}

void runMember(const GroupMemberConfig &config, int id, const std::shared_ptr<WorkerControl> &control,
               const std::shared_ptr<LabChannel> &channel)
{
    auto created = GroupMemberClient::create(config);
    if (!created) {
        MemberReport r;
        r.id = id;
        r.kind = MemberReport::Kind::Failed;
        r.error = created.error();
        channel->post(r);
        return;
    }
    std::unique_ptr<GroupMemberClient> member = std::move(created.value());
    GroupMemberClient *m = member.get();
    member->setRebalanceObserver([m, id, &channel](const MemberRebalance &event) {
        MemberReport r = reportOf(*m, id, MemberReport::Kind::Rebalance);
        r.rebalance = event;
        channel->post(r);
    });
    if (const Status s = member->subscribe(); !s) {
        MemberReport r = reportOf(*member, id, MemberReport::Kind::Failed);
        r.error = s.error();
        channel->post(r);
        (void)member->close();
        return;
    }

    auto postProblem = [&](const Error &error) {
        MemberReport r = reportOf(*member, id, MemberReport::Kind::Problem);
        r.error = error;
        channel->post(r);
    };
    int partitions = -1;
    auto checkPartitions = [&](int timeoutMs) {
        const Result<int> count = member->partitionCount(timeoutMs);
        if (count && count.value() != partitions) {
            partitions = count.value();
            MemberReport r = reportOf(*member, id, MemberReport::Kind::PartitionCount);
            r.partitionCount = partitions;
            channel->post(r);
        } else if (!count) {
            postProblem(count.error());
        }
    };
    checkPartitions(5000);

    QElapsedTimer sinceStatus;
    QElapsedTimer sinceMetadata;
    sinceStatus.start();
    sinceMetadata.start();
    MemberReport last = reportOf(*member, id, MemberReport::Kind::Progress);
    channel->post(last);
    QString lastProblem;
    while (control->command.load() == WorkerControl::Run) {
        const GroupMemberClient::PollResult polled = member->poll(pollMs);
        if (polled.problem && polled.problem->message != lastProblem) {
            lastProblem = polled.problem->message;
            postProblem(*polled.problem);
        }
        if (sinceStatus.elapsed() >= statusIntervalMs) {
            sinceStatus.restart();
            MemberReport now = reportOf(*member, id, MemberReport::Kind::Progress);
            if (now.consumed != last.consumed || now.joinState != last.joinState || now.memberId != last.memberId ||
                now.assignment != last.assignment) {
                channel->post(now);
                last = now;
            }
        }
        if (sinceMetadata.elapsed() >= metadataIntervalMs) {
            sinceMetadata.restart();
            checkPartitions(2000);
        }
    }

    if (control->command.load() == WorkerControl::Kill) {
        channel->post(reportOf(*member, id, MemberReport::Kind::Crashed));
        member.reset(); // no LeaveGroup: the coordinator waits for the session to time out
        return;
    }
    channel->post(reportOf(*member, id, MemberReport::Kind::Leaving));
    const Status closed = member->close(); // the revoke callback reports from in here
    MemberReport left = reportOf(*member, id, MemberReport::Kind::Left);
    if (!closed)
        left.error = closed.error();
    member.reset();
    channel->post(left);
}

void runTrickle(const QMap<QString, QString> &clientConfig, const QString &topic, int trickle,
                const std::shared_ptr<WorkerControl> &control, const std::shared_ptr<LabChannel> &channel)
{
    auto progress = [&](qint64 sent, bool finished) {
        MemberReport r;
        r.kind = MemberReport::Kind::Produced;
        r.produced = sent;
        r.trickle = trickle;
        r.finished = finished;
        channel->post(r);
    };
    auto created = LabProducer::create(clientConfig, topic);
    if (!created) {
        MemberReport r;
        r.kind = MemberReport::Kind::Problem;
        r.error = created.error();
        channel->post(r);
        progress(0, true);
        return;
    }
    std::unique_ptr<LabProducer> producer = std::move(created.value());
    double owed = 0;
    qint64 reported = -1;
    QElapsedTimer step;
    step.start();
    while (control->command.load() == WorkerControl::Run) {
        owed += control->rate.load() * static_cast<double>(step.restart()) / 1000.0;
        const int now = static_cast<int>(owed);
        owed -= now;
        if (const Status s = producer->send(now, pollMs); !s) {
            MemberReport r;
            r.kind = MemberReport::Kind::Problem;
            r.error = s.error();
            channel->post(r);
            QThread::msleep(1000);
        }
        if (producer->sent() != reported) {
            reported = producer->sent();
            progress(reported, false);
        }
    }
    producer->flush(5000);
    progress(producer->sent(), true);
}

std::atomic<int> labThreads{0};

void startThread(std::function<void()> body)
{
    ++labThreads;
    QThread *thread = QThread::create([body = std::move(body)] {
        body();
        --labThreads;
    });
    // The QThread object lives on the starting thread and goes once its thread has ended.
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace

int runningLabThreads()
{
    return labThreads.load();
}

bool waitForLabThreads(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (labThreads.load() > 0) {
        if (timer.elapsed() >= timeoutMs)
            return false;
        QThread::msleep(10);
    }
    return true;
}

void startMemberThread(const GroupMemberConfig &config, int id, std::shared_ptr<WorkerControl> control,
                       std::shared_ptr<LabChannel> channel)
{
    startThread([config, id, control = std::move(control), channel = std::move(channel)] {
        runMember(config, id, control, channel);
    });
}

void startTrickleThread(const QMap<QString, QString> &clientConfig, const QString &topic, int trickle,
                        std::shared_ptr<WorkerControl> control, std::shared_ptr<LabChannel> channel)
{
    startThread([clientConfig, topic, trickle, control = std::move(control), channel = std::move(channel)] {
        runTrickle(clientConfig, topic, trickle, control, channel);
    });
}

} // namespace kafdesk
