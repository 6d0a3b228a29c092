#pragma once

// The consumer-group lab: 1-8 real consumers in one group on one topic, run inside the
// application, so that people learning Kafka can watch the coordinator share the partitions out
// (each to exactly one member, extra members idle) and move them when a member joins, leaves or
// crashes. They are real members of a real group: Kafka's own tools and the groups view see them.

#include "admin/clusteroperations.h" // ConnectionSettings
#include "messages/grouplabstate.h"

#include <QObject>

#include <memory>

namespace kafdesk {

class LabChannel;
struct MemberReport;
struct WorkerControl;

struct LabSettings {
    QString topic;
    QString groupId;
    GroupAssignor assignor = GroupAssignor::CooperativeSticky;
    int sessionTimeoutMs = 6000;
    int heartbeatIntervalMs = 1000;
};

// "kafdesk-lab-<topic>".
QString defaultLabGroupId(const QString &topic);
// A topic name by Kafka's rules and a group id that is not empty (admin/validation.h).
Status validateLabSettings(const LabSettings &settings);

// Each member runs on a thread of its own: it owns its librdkafka handle from creation to
// destruction, so a member that takes seconds to leave (close() revokes, commits and says
// goodbye) never delays the others' polls and rebalance callbacks, the way separate processes
// behave. The threads report to the lab's thread as values; every change of the LabState is
// emitted there. Nothing here blocks: removing a member, stopping, or destroying the lab only
// asks the threads to finish, and they leave the group and clean up by themselves.
// Create and use it on one thread (one with an event loop).
class GroupLab : public QObject {
    Q_OBJECT
public:
    static constexpr int maxMembers = 8;

    explicit GroupLab(ConnectionSettings connection, QObject *parent = nullptr);
    // Every member leaves the group on its own thread; returns at once.
    ~GroupLab() override;

    // Starts `members` (1-8) members. Refuses bad settings, a read-only connection, or a lab
    // whose members have not all left yet.
    Status start(const LabSettings &settings, int members);
    // One more member (the lowest free number); -1 when there are already 8 or it is not started.
    int addMember();
    // The member leaves the group gracefully (consumer close): its partitions move at once.
    bool removeMember(int id);
    // The member's handle is destroyed without leaving: the group only notices after the
    // session timeout, and its partitions are read by nobody until then.
    bool killMember(int id);
    // Every member leaves; the trickle stops.
    void stopAll();
    // A producer writing this many messages per second into the topic (0: none).
    void setTrickleRate(int messagesPerSecond);
    int trickleRate() const { return m_trickleRate; }

    const LabState &state() const { return m_state; }

    // For the end of the program: waits until the members of every lab (deleted or not) have
    // left their groups and their threads have ended, at most timeoutMs. True when they have.
    static bool waitForAllMembers(int timeoutMs);
    const LabSettings &settings() const { return m_settings; }

Q_SIGNALS:
    void stateChanged(const kafdesk::LabState &state);
    // Something a person should read: a member could not start, a broker is unreachable.
    void problem(const kafdesk::Error &error);

private:
    void apply(const MemberReport &report);
    void applyRebalance(LabMember &member, const MemberReport &report);
    void addEvent(const LabMember &member, LabEvent::Kind kind, const QList<int> &partitions = {},
                  bool cooperative = false, const QString &text = {});
    void expireCrashed(int id);
    void removeRow(int id);
    void setMemberState(int id, LabMember::State state);
    void changed();
    int startMember();

    // What the lab knows of each member beyond what it shows.
    struct Track {
        bool joinedOnce = false;
        bool awaitingAssignment = false; // revoked, not assigned since
        QString joinState;               // librdkafka's, from the statistics
        qint64 revokedAtMs = 0;
    };
    void updateState(LabMember &member, const Track &track) const;

    ConnectionSettings m_connection;
    QMap<int, Track> m_track;
    LabSettings m_settings;
    LabState m_state;
    std::shared_ptr<LabChannel> m_channel;
    QMap<int, std::shared_ptr<WorkerControl>> m_controls; // by member id, while its thread runs
    std::shared_ptr<WorkerControl> m_trickle;
    int m_trickleRate = 0;
    int m_trickleRun = 0;           // numbers the trickle threads
    qint64 m_producedBefore = 0;    // by the trickle threads that finished
    qint64 m_producedNow = 0;       // by the current one
};

} // namespace kafdesk
