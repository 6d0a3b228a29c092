#pragma once

#include "admin/clusteroperations.h"
#include "drill/failuredrill.h"
#include "lessons/lesson.h"
#include "lessons/lessoncontext.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <memory>

namespace kafdesk {

class GroupLab;

// Runs lessons' steps and checks. The blocking ones (topics, producing, consuming, killing nodes,
// the quorum's status) run one after another on a worker thread of the engine's own, with clients
// of their own: the ClusterSession's thread serves the pages and must not wait seconds for a
// consumer. The group lab and the failure drill are asynchronous objects already: they live on
// the engine's thread. Results come back as signals on the engine's thread. Create, use and
// destroy it on one thread with an event loop (the GUI's); the destructor cancels what runs and
// waits for it (at most the step's own timeout).
class LessonEngine : public QObject {
    Q_OBJECT
public:
    explicit LessonEngine(QObject *parent = nullptr);
    ~LessonEngine() override;

    // The cluster to work on; a new connection drops what the worker has of the old one.
    void setConnection(const ConnectionSettings &connection);
    // The bundled cluster the kills act on; empty name: an external cluster (no kills).
    void setLocalCluster(const QString &name, const QString &clustersRoot);
    bool hasLocalCluster() const { return !m_clusterName.isEmpty(); }
    bool isConnected() const { return !m_connection.clientConfig.isEmpty(); }
    bool isBusy() const { return m_busy; }

    // Runs step `index` of the lesson; step 0 first removes what an earlier run left (its
    // topics and groups, a lab). The last step is followed by the check. Refused while busy.
    bool runStep(const Lesson &lesson, int index);
    bool runCheck(const Lesson &lesson);

Q_SIGNALS:
    void stepStarted(const QString &lessonId, int index);
    void stepFinished(const QString &lessonId, int index, bool ok, const QString &text);
    void checkFinished(const QString &lessonId, bool passed, const QString &text);
    // A drill step's whole report (the failure drill page can show it).
    void drillReported(const kafdesk::DrillReport &report);

private:
    void post(std::function<void(LessonContext &)> work);
    void finishStep(const Lesson &lesson, int index, const Result<QString> &result);
    void startGroup(const Lesson &lesson, int index);
    void stopLab();
    void startDrill(const Lesson &lesson, int index);

    struct Worker;
    ConnectionSettings m_connection;
    QString m_clusterName;
    QString m_clustersRoot;
    QThread m_thread;
    QObject *m_worker = nullptr;                  // lives on m_thread
    std::shared_ptr<LessonContext> m_context;     // used on m_thread only
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_generation = 0;                     // a result of an old connection is dropped
    bool m_busy = false;
    QPointer<GroupLab> m_lab;
    QPointer<FailureDrill> m_drill;
    std::shared_ptr<DrillReport> m_lastDrill;
};

} // namespace kafdesk
