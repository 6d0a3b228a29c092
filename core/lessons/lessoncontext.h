#pragma once

// The lesson engine's worker-thread side (lessonengine.cpp): what the blocking actions and checks
// share. Used on the engine's worker thread only.

#include "admin/clusteroperations.h"
#include "lessons/lesson.h"
#include "local/quorumstatus.h"
#include "messages/message.h"

#include <atomic>
#include <memory>
#include <optional>

namespace kafdesk {

struct LessonOutcome {
    bool passed = false;
    QString text;
};

struct LessonContext {
    ConnectionSettings connection;
    QString clusterName;  // the bundled cluster, or empty (an external one)
    QString clustersRoot; // empty: LocalCluster::defaultClustersRoot()
    const std::atomic_bool *cancel = nullptr;

    std::unique_ptr<ClusterOperations> ops;
    int killedNode = -1;       // killed by killLeader and not restarted yet
    int restartedNode = -1;    // restarted by restartKilled
    QMap<QString, int> consumed;      // topic -> messages the last consume step read
    QMap<QString, int> consumedTotal; // topic -> messages every consume step of this run read
    std::optional<QuorumStatus> quorum;

    // Connects on first use (and again after an error dropped the clients).
    Result<ClusterOperations *> operations();
    bool cancelled() const { return cancel && cancel->load(); }
};

// Blocking, on the worker thread. Each returns a sentence for the learner.
Result<QString> runLessonAction(LessonContext &context, const LessonAction &action);
// Removes the lesson's topics and groups (waits until they are gone).
Result<QString> resetLesson(LessonContext &context, const Lesson &lesson);
Result<LessonOutcome> runLessonCheck(LessonContext &context, const LessonAction &check);

// Every message of the topic from the beginning to the current end, in offset order per
// partition (at most about `timeoutMs`). With a group: as a member, committing what it read.
Result<QList<Message>> readTopic(LessonContext &context, const QString &topic, bool fromBeginning,
                                 const QString &group, int timeoutMs);

} // namespace kafdesk
