#pragma once

// The threads behind GroupLab (messages/grouplab.h): one per member, each owning its GroupMemberClient
// from creation to destruction, and one for the trickle producer. Internal to the lab.

#include "kafka/groupmember.h"

#include <QMutex>
#include <QObject>

#include <atomic>
#include <functional>
#include <memory>

namespace kafdesk {

// What a member's thread tells the lab.
struct MemberReport {
    enum class Kind { Progress, Rebalance, Problem, PartitionCount, Leaving, Left, Crashed, Failed, Produced };
    int id = 0;
    Kind kind = Kind::Progress;
    QList<int> assignment;
    QMap<int, qint64> consumed;
    QString memberId;
    QString joinState;
    bool joinedOnce = false;
    MemberRebalance rebalance;
    std::optional<Error> error;
    int partitionCount = -1;
    qint64 produced = 0;
    int trickle = 0;       // Produced: which trickle thread (the lab numbers them)
    bool finished = false; // Produced: the trickle thread's last report
};

// Where reports go while the lab lives: posts each one to the receiver's thread, queued. After
// disconnect() nothing more is posted (a worker that outlives its lab just finishes).
class LabChannel {
public:
    LabChannel(QObject *receiver, std::function<void(const MemberReport &)> apply);
    void post(const MemberReport &report);
    void disconnect();

private:
    QMutex m_mutex;
    QObject *m_receiver = nullptr; // guarded by m_mutex; nulled before the receiver is deleted
    std::function<void(const MemberReport &)> m_apply;
};

// How the lab steers a worker: written by the lab, read by the worker between polls.
struct WorkerControl {
    enum Command { Run, Leave, Kill };
    std::atomic<int> command{Run};
    std::atomic<int> rate{0}; // the trickle producer's messages per second
};

// Starts a member's thread: create, subscribe, poll until told to leave (close) or to crash
// (destroy without leaving). The thread deletes itself when it ends.
void startMemberThread(const GroupMemberConfig &config, int id, std::shared_ptr<WorkerControl> control,
                       std::shared_ptr<LabChannel> channel);
// How many lab threads (of every lab) still run, and waiting for them to end (at exit).
int runningLabThreads();
bool waitForLabThreads(int timeoutMs);

// Starts the trickle producer's thread (reports with id 0, kind Produced or Problem).
void startTrickleThread(const QMap<QString, QString> &clientConfig, const QString &topic, int trickle,
                        std::shared_ptr<WorkerControl> control, std::shared_ptr<LabChannel> channel);

} // namespace kafdesk
