#include "cluster/metadatapoller.h"

#include <QTimer>

#include <memory>

namespace kafdesk {

class MetadataPollWorker : public QObject {
    Q_OBJECT
public:
    MetadataPollWorker(QString bootstrap, int intervalMs) : m_bootstrap(std::move(bootstrap)), m_intervalMs(intervalMs) {}

public Q_SLOTS:
    void begin()
    {
        Q_ASSERT(QThread::currentThread() == thread());
        m_client = std::make_unique<MetadataClient>(m_bootstrap);
        m_timer = new QTimer(this);
        m_timer->setInterval(m_intervalMs);
        connect(m_timer, &QTimer::timeout, this, &MetadataPollWorker::poll);
        m_timer->start();
        poll();
    }
    void poll()
    {
        Q_ASSERT(QThread::currentThread() == thread());
        // A fetch waits at most this long, so a dead cluster delays nothing but this thread.
        auto md = m_client->fetch(std::min(m_intervalMs, 2000), false);
        if (md)
            Q_EMIT snapshotReady(md.value());
        else
            Q_EMIT fetchFailed(md.error());
    }
    void changeInterval(int intervalMs)
    {
        m_intervalMs = intervalMs;
        if (m_timer)
            m_timer->setInterval(intervalMs);
    }
    void finish()
    {
        delete m_timer;
        m_timer = nullptr;
        m_client.reset(); // rd_kafka_destroy on the thread that used the handle
    }

Q_SIGNALS:
    void snapshotReady(const kafdesk::MetadataSnapshot &snapshot);
    void fetchFailed(const kafdesk::Error &error);

private:
    QString m_bootstrap;
    int m_intervalMs;
    std::unique_ptr<MetadataClient> m_client;
    QTimer *m_timer = nullptr;
};

MetadataPoller::MetadataPoller(const QString &bootstrapServers, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_worker(new MetadataPollWorker(bootstrapServers, intervalMs))
{
    m_thread.setObjectName(QStringLiteral("kafdesk-metadata"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &MetadataPollWorker::snapshotReady, this, &MetadataPoller::snapshotReady, Qt::QueuedConnection);
    connect(m_worker, &MetadataPollWorker::fetchFailed, this, &MetadataPoller::fetchFailed, Qt::QueuedConnection);
}

MetadataPoller::~MetadataPoller()
{
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(m_worker, &MetadataPollWorker::finish, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void MetadataPoller::start()
{
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &MetadataPollWorker::begin, Qt::QueuedConnection);
}

void MetadataPoller::refreshNow()
{
    QMetaObject::invokeMethod(m_worker, &MetadataPollWorker::poll, Qt::QueuedConnection);
}

void MetadataPoller::setInterval(int intervalMs)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, intervalMs] { w->changeInterval(intervalMs); },
                              Qt::QueuedConnection);
}

} // namespace kafdesk

#include "metadatapoller.moc"
