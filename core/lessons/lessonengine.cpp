#include "lessons/lessonengine.h"

#include "messages/grouplab.h"

#include <QTimer>

namespace kafdesk {

LessonEngine::LessonEngine(QObject *parent)
    : QObject(parent)
    , m_context(std::make_shared<LessonContext>())
    , m_cancel(std::make_shared<std::atomic_bool>(false))
{
    m_thread.setObjectName(QStringLiteral("lessons"));
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_context->cancel = m_cancel.get();
    m_thread.start();
}

LessonEngine::~LessonEngine()
{
    m_cancel->store(true);
    stopLab();
    if (m_drill)
        m_drill->cancel();
    // The worker's clients close on the worker, after whatever runs there gave up.
    auto context = m_context;
    QMetaObject::invokeMethod(m_worker, [context] {
        context->ops.reset();
        QThread::currentThread()->quit();
    }, Qt::QueuedConnection);
    m_thread.wait();
}

void LessonEngine::post(std::function<void(LessonContext &)> work)
{
    auto context = m_context;
    auto cancel = m_cancel; // outlives the engine while the worker uses it
    QMetaObject::invokeMethod(m_worker, [context, cancel, work = std::move(work)] { work(*context); },
                              Qt::QueuedConnection);
}

void LessonEngine::setConnection(const ConnectionSettings &connection)
{
    if (connection.clientConfig == m_connection.clientConfig && connection.readOnly == m_connection.readOnly)
        return;
    m_connection = connection;
    ++m_generation;
    m_busy = false;
    stopLab();
    if (m_drill) { // a drill on the old cluster reports to nobody
        m_drill->disconnect(this);
        m_drill->cancel();
    }
    post([connection](LessonContext &c) {
        c.connection = connection;
        c.ops.reset();
        c.killedNode = -1;
        c.restartedNode = -1;
        c.consumed.clear();
        c.consumedTotal.clear();
        c.quorum.reset();
    });
}

void LessonEngine::setLocalCluster(const QString &name, const QString &clustersRoot)
{
    m_clusterName = name;
    m_clustersRoot = clustersRoot;
    post([name, clustersRoot](LessonContext &c) {
        c.clusterName = name;
        c.clustersRoot = clustersRoot;
    });
}

bool LessonEngine::runStep(const Lesson &lesson, int index)
{
    if (m_busy || index < 0 || index >= lesson.steps.size() || !isConnected())
        return false;
    m_busy = true;
    Q_EMIT stepStarted(lesson.id, index);
    const quint64 generation = m_generation;
    QPointer<LessonEngine> self(this);
    auto perform = [self, generation, lesson, index] {
        if (!self || generation != self->m_generation)
            return;
        const LessonAction action = lesson.steps.at(index).action;
        if (action.kind == QLatin1String("startGroup"))
            return self->startGroup(lesson, index);
        if (action.kind == QLatin1String("drill"))
            return self->startDrill(lesson, index);
        if (action.kind == QLatin1String("stopGroup")) {
            self->stopLab();
            return self->finishStep(lesson, index, tr("Every consumer left the group."));
        }
        self->post([self, generation, lesson, index, action](LessonContext &c) {
            const Result<QString> result = runLessonAction(c, action);
            QMetaObject::invokeMethod(self.data(), [self, generation, lesson, index, result] {
                if (self && generation == self->m_generation)
                    self->finishStep(lesson, index, result);
            }, Qt::QueuedConnection);
        });
    };
    if (index > 0) {
        perform();
        return true;
    }
    // A fresh start: what an earlier run made goes first.
    stopLab();
    post([self, generation, lesson, perform](LessonContext &c) {
        const Result<QString> reset = resetLesson(c, lesson);
        QMetaObject::invokeMethod(self.data(), [self, generation, lesson, reset, perform] {
            if (!self || generation != self->m_generation)
                return;
            if (!reset)
                return self->finishStep(lesson, 0, reset);
            perform();
        }, Qt::QueuedConnection);
    });
    return true;
}

void LessonEngine::finishStep(const Lesson &lesson, int index, const Result<QString> &result)
{
    m_busy = false;
    Q_EMIT stepFinished(lesson.id, index, result.ok(), result.ok() ? result.value() : result.error().fullText());
    if (result.ok() && (index == lesson.steps.size() - 1 || lesson.steps.at(index).thenCheck))
        runCheck(lesson);
}

bool LessonEngine::runCheck(const Lesson &lesson)
{
    if (m_busy || !isConnected())
        return false;
    m_busy = true;
    if (lesson.check.kind == QLatin1String("drillHeld")) {
        m_busy = false;
        if (!m_lastDrill)
            Q_EMIT checkFinished(lesson.id, false, tr("Run the drill first."));
        else if (m_lastDrill->guaranteeHeld() && m_lastDrill->total.duplicated == 0 && m_lastDrill->total.lost == 0)
            Q_EMIT checkFinished(lesson.id, true,
                                 tr("All %1 acknowledged messages were read back once each, in order, though a leader was killed.")
                                     .arg(m_lastDrill->total.acknowledged));
        else
            Q_EMIT checkFinished(lesson.id, false,
                                 tr("%1 lost, %2 duplicated.").arg(m_lastDrill->total.lost).arg(m_lastDrill->total.duplicated));
        return true;
    }
    const quint64 generation = m_generation;
    QPointer<LessonEngine> self(this);
    const QString id = lesson.id;
    const LessonAction check = lesson.check;
    post([self, generation, id, check](LessonContext &c) {
        const Result<LessonOutcome> outcome = runLessonCheck(c, check);
        QMetaObject::invokeMethod(self.data(), [self, generation, id, outcome] {
            if (!self || generation != self->m_generation)
                return;
            self->m_busy = false;
            if (outcome)
                Q_EMIT self->checkFinished(id, outcome->passed, outcome->text);
            else
                Q_EMIT self->checkFinished(id, false, outcome.error().fullText());
        }, Qt::QueuedConnection);
    });
    return true;
}

void LessonEngine::stopLab()
{
    if (m_lab) {
        m_lab->stopAll();
        m_lab->deleteLater(); // its members leave on their own threads
        m_lab = nullptr;
    }
}

void LessonEngine::startGroup(const Lesson &lesson, int index)
{
    const LessonAction action = lesson.steps.at(index).action;
    stopLab();
    m_lab = new GroupLab(m_connection, this);
    LabSettings settings;
    settings.topic = action.text(QStringLiteral("topic"));
    settings.groupId = action.text(QStringLiteral("group"));
    const int members = action.number(QStringLiteral("members"), 3);
    if (const Status s = m_lab->start(settings, members); !s)
        return finishStep(lesson, index, s.error());
    // The step is done once the coordinator has shared the partitions out, or after a minute.
    auto done = std::make_shared<bool>(false);
    QPointer<GroupLab> lab(m_lab);
    auto settle = [this, lesson, index, members, done, lab](bool timedOut) {
        if (*done || !lab || lab != m_lab)
            return; // stopped, or another run's lab
        const LabState &state = m_lab->state();
        int assigned = 0;
        for (const LabMember &m : state.members)
            assigned += m.state == LabMember::State::Assigned ? 1 : 0;
        if (assigned < std::min(members, state.partitionCount < 0 ? members : state.partitionCount) && !timedOut)
            return;
        *done = true;
        finishStep(lesson, index, tr("%1 consumers joined group %2; %3 of them read partitions.")
                                      .arg(members).arg(state.groupId).arg(assigned));
    };
    connect(m_lab, &GroupLab::stateChanged, this, [settle] { settle(false); });
    QTimer::singleShot(60000, this, [settle] { settle(true); });
}

void LessonEngine::startDrill(const Lesson &lesson, int index)
{
    const LessonAction action = lesson.steps.at(index).action;
    if (m_clusterName.isEmpty())
        return finishStep(lesson, index, failure(tr("The drill kills a broker: it needs the bundled cluster.")));
    DrillConfig config;
    config.connection = m_connection;
    config.topic = action.text(QStringLiteral("topic"));
    config.createTopic = true;
    config.partitions = action.number(QStringLiteral("partitions"), 3);
    config.acks = action.flag(QStringLiteral("acksAll"), true) ? Acks::All : Acks::Leader;
    config.idempotence = action.flag(QStringLiteral("idempotence"), true);
    config.messagesPerSecond = action.number(QStringLiteral("messagesPerSecond"), 200);
    config.kills = action.number(QStringLiteral("kills"), 1);
    config.killInterval = std::chrono::seconds(action.number(QStringLiteral("killIntervalSeconds"), 5));
    config.clusterName = m_clusterName;
    config.clustersRoot = m_clustersRoot;
    if (m_drill)
        m_drill->deleteLater();
    m_drill = new FailureDrill(this);
    connect(m_drill, &FailureDrill::finished, this, [this, lesson, index](const Result<DrillReport> &report) {
        if (!report)
            return finishStep(lesson, index, report.error());
        m_lastDrill = std::make_shared<DrillReport>(report.value());
        Q_EMIT drillReported(report.value());
        const DrillPartitionReport &t = report->total;
        finishStep(lesson, index, tr("The drill sent %1 messages, %2 acknowledged, read back %3 (%4 lost, %5 duplicated).")
                                      .arg(t.sent).arg(t.acknowledged).arg(t.consumed).arg(t.lost).arg(t.duplicated));
    });
    if (const Status s = m_drill->start(config); !s)
        finishStep(lesson, index, s.error());
}

} // namespace kafdesk
