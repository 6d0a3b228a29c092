#include "messages/grouplab.h"

#include "admin/validation.h"
#include "messages/grouplabworker.h"

#include <QDateTime>
#include <QThread>
#include <QTimer>

namespace kafdesk {

namespace {
// How long after a revoke a member whose group says "steady" counts as idle even without an
// (empty) assignment callback.
constexpr qint64 settleMs = 1500;
} // namespace

QString defaultLabGroupId(const QString &topic)
{
    return QStringLiteral("kafdesk-lab-") + topic;
}

Status validateLabSettings(const LabSettings &settings)
{
    if (Status s = validation::validateTopicName(settings.topic); !s)
        return Error{s.error().message, {}, true};
    if (Status s = validation::validateGroupId(settings.groupId); !s)
        return Error{s.error().message, {}, true};
    return ok();
}

GroupLab::GroupLab(ConnectionSettings connection, QObject *parent)
    : QObject(parent), m_connection(std::move(connection)),
      m_channel(std::make_shared<LabChannel>(this, [this](const MemberReport &report) { apply(report); }))
{
    qRegisterMetaType<LabState>();
}

GroupLab::~GroupLab()
{
    m_channel->disconnect();
    for (const auto &control : std::as_const(m_controls))
        control->command.store(WorkerControl::Leave);
    if (m_trickle)
        m_trickle->command.store(WorkerControl::Leave);
}

bool GroupLab::waitForAllMembers(int timeoutMs)
{
    return waitForLabThreads(timeoutMs);
}

Status GroupLab::start(const LabSettings &settings, int members)
{
    if (m_connection.readOnly)
        return Error{QStringLiteral("The connection %1 is read-only: the lab's members would join a group and commit "
                                    "offsets.")
                         .arg(m_connection.name),
                     {}, true};
    if (Status s = validateLabSettings(settings); !s)
        return s;
    if (members < 1 || members > maxMembers)
        return Error{QStringLiteral("The lab runs 1 to %1 members; %2 were asked for.").arg(maxMembers).arg(members),
                     {}, true};
    if (!m_controls.isEmpty())
        return failure(QStringLiteral("The lab's members are still leaving the group; start again in a moment."));
    m_settings = settings;
    const qint64 dropped = m_state.eventsDropped;
    QList<LabEvent> events = std::move(m_state.events);
    m_state = LabState{};
    m_state.events = std::move(events);
    m_state.eventsDropped = dropped;
    m_state.topic = settings.topic;
    m_state.groupId = settings.groupId;
    m_state.assignor = settings.assignor;
    m_state.running = true;
    m_track.clear();
    m_producedBefore = 0;
    m_producedNow = 0;
    for (int i = 0; i < members; ++i)
        startMember();
    if (m_trickleRate > 0)
        setTrickleRate(m_trickleRate);
    changed();
    return ok();
}

int GroupLab::startMember()
{
    int id = 1;
    while (m_state.member(id))
        ++id;
    LabMember member;
    member.id = id;
    member.clientId = QStringLiteral("kafdesk-lab-%1").arg(id);
    auto control = std::make_shared<WorkerControl>();
    m_controls.insert(id, control);
    m_track.insert(id, Track{});
    GroupMemberConfig config;
    config.clientConfig = m_connection.clientConfig;
    config.groupId = m_settings.groupId;
    config.clientId = member.clientId;
    config.topic = m_settings.topic;
    config.assignor = m_settings.assignor;
    config.sessionTimeoutMs = m_settings.sessionTimeoutMs;
    config.heartbeatIntervalMs = m_settings.heartbeatIntervalMs;
    auto at = std::lower_bound(m_state.members.begin(), m_state.members.end(), id,
                               [](const LabMember &m, int value) { return m.id < value; });
    m_state.members.insert(at, member);
    addEvent(member, LabEvent::Kind::Joining);
    startMemberThread(config, id, std::move(control), m_channel);
    return id;
}

int GroupLab::addMember()
{
    if (!m_state.running || m_state.activeMembers() >= maxMembers)
        return -1;
    const int id = startMember();
    changed();
    return id;
}

bool GroupLab::removeMember(int id)
{
    const auto control = m_controls.value(id);
    if (!control || control->command.load() != WorkerControl::Run)
        return false;
    control->command.store(WorkerControl::Leave);
    setMemberState(id, LabMember::State::Leaving);
    return true;
}

bool GroupLab::killMember(int id)
{
    const auto control = m_controls.value(id);
    if (!control || control->command.load() != WorkerControl::Run)
        return false;
    control->command.store(WorkerControl::Kill);
    setMemberState(id, LabMember::State::Crashed);
    return true;
}

void GroupLab::setMemberState(int id, LabMember::State state)
{
    for (LabMember &m : m_state.members) {
        if (m.id == id) {
            m.state = state;
            changed();
        }
    }
}

void GroupLab::stopAll()
{
    for (const auto &control : std::as_const(m_controls))
        if (control->command.load() == WorkerControl::Run)
            control->command.store(WorkerControl::Leave);
    if (m_trickle) {
        m_trickle->command.store(WorkerControl::Leave);
        m_trickle.reset();
    }
    // Members that never started are done with.
    bool removed = false;
    for (qsizetype i = m_state.members.size() - 1; i >= 0; --i) {
        if (!m_controls.contains(m_state.members[i].id)) {
            m_state.members.removeAt(i);
            removed = true;
        }
    }
    if (m_controls.isEmpty() && m_state.running) {
        m_state.running = false;
        removed = true;
    }
    if (removed)
        changed();
}

void GroupLab::setTrickleRate(int messagesPerSecond)
{
    m_trickleRate = std::max(0, messagesPerSecond);
    if (m_trickleRate == 0 || !m_state.running) {
        if (m_trickle)
            m_trickle->command.store(WorkerControl::Leave);
        m_trickle.reset();
        return;
    }
    if (!m_trickle) {
        m_trickle = std::make_shared<WorkerControl>();
        m_trickle->rate.store(m_trickleRate);
        startTrickleThread(m_connection.clientConfig, m_settings.topic, ++m_trickleRun, m_trickle, m_channel);
        m_producedNow = 0;
        m_state.trickling = true;
        changed();
    }
    m_trickle->rate.store(m_trickleRate);
}

void GroupLab::updateState(LabMember &member, const Track &track) const
{
    if (member.state == LabMember::State::Leaving || member.state == LabMember::State::Crashed ||
        member.state == LabMember::State::Failed)
        return;
    if (!member.partitions.isEmpty())
        member.state = LabMember::State::Assigned;
    else if (!track.joinedOnce)
        member.state = LabMember::State::Joining;
    else if (!track.awaitingAssignment)
        member.state = LabMember::State::Idle;
    else if (track.joinState == QLatin1String("steady") &&
             QDateTime::currentMSecsSinceEpoch() - track.revokedAtMs > settleMs)
        member.state = LabMember::State::Idle;
    else
        member.state = LabMember::State::Rebalancing;
}

void GroupLab::apply(const MemberReport &report)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (report.kind == MemberReport::Kind::Produced) {
        if (report.finished)
            m_producedBefore += report.produced;
        if (report.trickle == m_trickleRun)
            m_producedNow = report.finished ? 0 : report.produced;
        m_state.produced = m_producedBefore + m_producedNow;
        if (report.finished && report.trickle == m_trickleRun)
            m_state.trickling = false;
        changed();
        return;
    }
    if (report.id == 0) { // the trickle producer
        if (report.error)
            Q_EMIT problem(*report.error);
        return;
    }
    auto it = std::find_if(m_state.members.begin(), m_state.members.end(),
                           [&](const LabMember &m) { return m.id == report.id; });
    if (it == m_state.members.end())
        return;
    LabMember &member = *it;
    Track &track = m_track[report.id];
    if (report.kind != MemberReport::Kind::Failed) {
        member.consumed = report.consumed;
        member.memberId = report.memberId;
        member.partitions = report.assignment;
        track.joinedOnce = report.joinedOnce;
        track.joinState = report.joinState;
    }
    switch (report.kind) {
    case MemberReport::Kind::Progress:
    case MemberReport::Kind::Produced:
        break;
    case MemberReport::Kind::Rebalance:
        applyRebalance(member, report);
        break;
    case MemberReport::Kind::Problem:
        if (report.error && report.error->message != member.problem) {
            member.problem = report.error->message;
            addEvent(member, LabEvent::Kind::Problem, {}, false, report.error->fullText());
        }
        break;
    case MemberReport::Kind::PartitionCount:
        m_state.partitionCount = report.partitionCount;
        member.problem.clear();
        break;
    case MemberReport::Kind::Leaving:
        member.state = LabMember::State::Leaving;
        break;
    case MemberReport::Kind::Left:
        addEvent(member, LabEvent::Kind::Left);
        removeRow(report.id);
        return;
    case MemberReport::Kind::Crashed: {
        member.state = LabMember::State::Crashed;
        member.crashedAt = QDateTime::currentDateTime();
        m_controls.remove(report.id);
        addEvent(member, LabEvent::Kind::Crashed, member.partitions);
        const int id = report.id;
        QTimer::singleShot(m_settings.sessionTimeoutMs + 1500, this, [this, id] { expireCrashed(id); });
        break;
    }
    case MemberReport::Kind::Failed:
        member.state = LabMember::State::Failed;
        member.partitions.clear();
        if (report.error) {
            member.problem = report.error->message;
            addEvent(member, LabEvent::Kind::Problem, {}, false, report.error->fullText());
            Q_EMIT problem(*report.error);
        }
        m_controls.remove(report.id);
        break;
    }
    updateState(member, track);
    if (m_controls.isEmpty())
        m_state.running = false;
    changed();
}

void GroupLab::applyRebalance(LabMember &member, const MemberReport &report)
{
    Track &track = m_track[member.id];
    member.lastRebalance = QDateTime::currentDateTime();
    const MemberRebalance &r = report.rebalance;
    if (r.kind == MemberRebalance::Kind::Assigned) {
        track.awaitingAssignment = false;
        // The coordinator gave these away: a crashed member that the group dropped owns them no more.
        for (LabMember &other : m_state.members)
            if (other.state == LabMember::State::Crashed)
                for (int p : r.partitions)
                    other.partitions.removeAll(p);
        addEvent(member, LabEvent::Kind::Assigned, r.partitions, r.cooperative);
        return;
    }
    track.awaitingAssignment = true;
    track.revokedAtMs = QDateTime::currentMSecsSinceEpoch();
    if (!r.partitions.isEmpty())
        addEvent(member, r.kind == MemberRebalance::Kind::Lost ? LabEvent::Kind::Lost : LabEvent::Kind::Revoked,
                 r.partitions, r.cooperative);
}

void GroupLab::expireCrashed(int id)
{
    const LabMember *member = m_state.member(id);
    if (!member || member->state != LabMember::State::Crashed)
        return;
    addEvent(*member, LabEvent::Kind::Expired);
    removeRow(id);
}

void GroupLab::removeRow(int id)
{
    m_controls.remove(id);
    m_track.remove(id);
    m_state.members.removeIf([id](const LabMember &m) { return m.id == id; });
    if (m_controls.isEmpty())
        m_state.running = false;
    changed();
}

void GroupLab::addEvent(const LabMember &member, LabEvent::Kind kind, const QList<int> &partitions, bool cooperative,
                        const QString &text)
{
    LabEvent event;
    event.time = QDateTime::currentDateTime();
    event.member = member.id;
    event.clientId = member.clientId;
    event.kind = kind;
    event.partitions = partitions;
    event.owned = member.partitions;
    event.cooperative = cooperative;
    event.text = text;
    m_state.events.append(event);
    if (m_state.events.size() > LabState::maxEvents) {
        m_state.events.removeFirst();
        ++m_state.eventsDropped;
    }
}

void GroupLab::changed()
{
    Q_EMIT stateChanged(m_state);
}

} // namespace kafdesk
