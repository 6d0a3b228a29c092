#include "messages/consumesession.h"

#include "admin/validation.h"
#include "messages/consumesessionworker.h"

#include <QPointer>
#include <QSet>

namespace kafdesk {

namespace {

Error badInput(QString message)
{
    return Error{std::move(message), {}, true};
}

void registerMetaTypes()
{
    static const bool done = [] {
        qRegisterMetaType<MessageBatchPtr>("kafdesk::MessageBatchPtr");
        qRegisterMetaType<ConsumeStats>("kafdesk::ConsumeStats");
        qRegisterMetaType<Error>("kafdesk::Error");
        qRegisterMetaType<ConsumeSession::State>("kafdesk::ConsumeSession::State");
        qRegisterMetaType<QMap<int, qint64>>("QMap<int,qint64>");
        return true;
    }();
    Q_UNUSED(done)
}

} // namespace

Status validateConsumeRequest(const ConsumeRequest &request)
{
    if (request.topic.isEmpty())
        return badInput(QStringLiteral("Choose a topic to read."));
    if (Status s = validation::validateTopicName(request.topic); !s)
        return badInput(s.error().message);
    QSet<int> seen;
    for (int p : request.partitions) {
        if (p < 0)
            return badInput(QStringLiteral("Partition %1 is not valid: partitions are numbered from 0.").arg(p));
        if (seen.contains(p))
            return badInput(QStringLiteral("Partition %1 is chosen twice.").arg(p));
        seen.insert(p);
    }
    const ConsumeStart &start = request.start;
    switch (start.kind) {
    case ConsumeStart::Kind::Offset:
        if (start.offset < 0)
            return badInput(QStringLiteral("The start offset must be 0 or more; %1 is negative.").arg(start.offset));
        break;
    case ConsumeStart::Kind::DateTime:
        if (!start.dateTime.isValid())
            return badInput(QStringLiteral("The start date-time is not a valid date and time."));
        if (start.dateTime.toMSecsSinceEpoch() < 0)
            return badInput(QStringLiteral("The start date-time is before 1970, where Kafka timestamps begin."));
        break;
    case ConsumeStart::Kind::LastN:
        if (start.lastN < 0)
            return badInput(QStringLiteral("The number of last messages per partition must be 0 or more; %1 is negative.")
                                .arg(start.lastN));
        break;
    case ConsumeStart::Kind::Beginning:
    case ConsumeStart::Kind::Latest:
        break;
    }
    if (!request.groupId.isEmpty()) {
        if (Status s = validation::validateGroupId(request.groupId); !s)
            return badInput(s.error().message);
        if (request.groupId.trimmed() != request.groupId)
            return badInput(QStringLiteral("The group id \"%1\" starts or ends with spaces; Kafka would keep them, "
                                           "which is rarely meant.")
                                .arg(request.groupId));
    }
    if (request.maxMessages < 0)
        return badInput(QStringLiteral("The message limit must be 0 (none) or more; %1 is negative.").arg(request.maxMessages));
    return ok();
}

struct ConsumeSession::Impl {
    ConnectionSettings settings;
    ConsumeRequest request;
    State state = State::Idle;
    std::shared_ptr<consumeworker::Shared> shared = std::make_shared<consumeworker::Shared>();
};

ConsumeSession::ConsumeSession(ConnectionSettings settings, ConsumeRequest request, QObject *parent)
    : QObject(parent), d(std::make_shared<Impl>())
{
    registerMetaTypes();
    d->settings = std::move(settings);
    d->request = std::move(request);
    d->shared->setOwner(this);
    using consumeworker::Report;
    // Reports run here, on this object's thread, and only while it lives.
    d->shared->deliver = [this](const Report &r) {
        // A slot may destroy this session from any of these signals: stop at once then.
        const QPointer<ConsumeSession> alive(this);
        const std::shared_ptr<Impl> impl = d;
        auto setState = [&](State s) {
            if (impl->state == s)
                return true;
            impl->state = s;
            Q_EMIT stateChanged(s);
            return !alive.isNull();
        };
        switch (r.kind) {
        case Report::Kind::Started:
            if (impl->state == State::Starting && !setState(impl->shared->paused ? State::Paused : State::Running))
                return;
            Q_EMIT started(r.startOffsets);
            break;
        case Report::Kind::Batch:
            --impl->shared->batchesInFlight;
            if (impl->state != State::Finished && impl->state != State::Failed)
                Q_EMIT batchReady(r.batch);
            break;
        case Report::Kind::Warning:
            Q_EMIT warning(r.warning);
            break;
        case Report::Kind::Failed:
            if (!setState(State::Failed))
                return;
            Q_EMIT failed(r.error);
            break;
        case Report::Kind::Finished:
            if (impl->state != State::Failed && !setState(State::Finished))
                return;
            Q_EMIT finished(r.stats);
            break;
        }
    };
}

ConsumeSession::~ConsumeSession()
{
    // Never waits: the worker finishes (commits, leaves the group) on its own thread.
    d->shared->setOwner(nullptr);
    d->shared->deliver = nullptr;
    d->shared->stop = true;
}

const ConsumeRequest &ConsumeSession::request() const { return d->request; }
ConsumeSession::State ConsumeSession::state() const { return d->state; }

void ConsumeSession::start()
{
    if (d->state != State::Idle)
        return;
    d->state = State::Starting;
    Q_EMIT stateChanged(d->state);
    if (const Status s = validateConsumeRequest(d->request); !s) {
        using consumeworker::Report;
        Report failure;
        failure.kind = Report::Kind::Failed;
        failure.error = s.error();
        d->shared->report(failure);
        Report end;
        end.kind = Report::Kind::Finished;
        d->shared->report(end);
        return;
    }
    consumeworker::startWorker(d->shared, d->settings, d->request);
}

void ConsumeSession::pause()
{
    if (d->state != State::Running && d->state != State::Starting)
        return;
    d->shared->paused = true;
    if (d->state == State::Running) {
        d->state = State::Paused;
        Q_EMIT stateChanged(d->state);
    }
}

void ConsumeSession::resume()
{
    if (!d->shared->paused)
        return;
    d->shared->paused = false;
    if (d->state == State::Paused) {
        d->state = State::Running;
        Q_EMIT stateChanged(d->state);
    }
}

void ConsumeSession::stop()
{
    if (d->state == State::Idle) {
        d->state = State::Finished;
        Q_EMIT stateChanged(d->state);
        Q_EMIT finished(ConsumeStats{});
        return;
    }
    d->shared->stop = true;
}

} // namespace kafdesk
