#pragma once

#include "cluster/metatypes.h"

#include <QObject>
#include <QThread>

namespace kafdesk {

class MetadataPollWorker;

// Polls a cluster's metadata on a worker thread of its own, which owns the librdkafka handle,
// and delivers each answer as a value. Create, connect and destroy it on one (the GUI) thread;
// destruction stops the worker and waits for it.
class MetadataPoller : public QObject {
    Q_OBJECT
public:
    MetadataPoller(const QString &bootstrapServers, int intervalMs, QObject *parent = nullptr);
    ~MetadataPoller() override;

    void start();
    // Asks for a fetch now, without waiting for the next tick.
    void refreshNow();
    // Each result carries the generation it was asked under; setInterval bumps nothing.
    void setInterval(int intervalMs);

Q_SIGNALS:
    void snapshotReady(const kafdesk::MetadataSnapshot &snapshot);
    void fetchFailed(const kafdesk::Error &error);

private:
    QThread m_thread;
    MetadataPollWorker *m_worker = nullptr; // lives on m_thread
};

} // namespace kafdesk
