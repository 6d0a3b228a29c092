#pragma once

// Inside ConsumeSession: what its worker thread and its owner share, and the worker itself.

#include "messages/consumesession.h"

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

namespace kafdesk::consumeworker {

// What the worker tells the owner; delivered on the owner's thread.
struct Report {
    enum class Kind { Started, Batch, Warning, Failed, Finished };
    Kind kind = Kind::Warning;
    QMap<int, qint64> startOffsets;
    MessageBatchPtr batch;
    QString warning;
    Error error;
    ConsumeStats stats;
};

// Outlives both sides: the owner may go away while the worker finishes (then reports reach
// nobody), and the worker goes away on its own.
struct Shared : std::enable_shared_from_this<Shared> {
    std::atomic_bool stop{false};
    std::atomic_bool paused{false};
    std::atomic_int batchesInFlight{0}; // posted to the owner, not yet handled: the worker waits past a few

    // Owner thread only: set by the session, cleared by its destructor.
    std::function<void(const Report &)> deliver;

    void setOwner(QObject *owner);
    // Any thread: posts the report to the owner's thread (dropped once the owner is gone).
    void report(Report report);

private:
    std::mutex m_mutex;
    QObject *m_owner = nullptr; // guarded by m_mutex
};

// Starts the worker thread, which reads until `shared->stop`, the request's own end or an
// error, reports Finished last, closes its consumer and ends by itself.
void startWorker(std::shared_ptr<Shared> shared, ConnectionSettings settings, ConsumeRequest request);

} // namespace kafdesk::consumeworker
