#include "views/consumeexporter.h"

#include <QPromise>
#include <QtConcurrent>

namespace kafdesk {

ConsumeExporter::ConsumeExporter(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::progressValueChanged, this,
            [this](int value) { Q_EMIT progress(value, m_total); });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const QFuture<Outcome> future = m_watcher.future();
        Outcome outcome;
        if (future.resultCount() > 0) {
            outcome = future.result();
        } else {
            outcome.error = cancelledError();
        }
        Q_EMIT finished(outcome);
    });
}

ConsumeExporter::~ConsumeExporter()
{
    // The worker holds its own copies (shared batches, path): cancel it and let it end by itself.
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

bool ConsumeExporter::start(ExportSource source, ExportFormat format, const QString &path)
{
    if (isRunning())
        return false;
    m_total = source.messageCount();
    m_watcher.setFuture(QtConcurrent::run(
        [source = std::move(source), format, path](QPromise<Outcome> &promise) {
            promise.setProgressRange(0, int(std::min<qint64>(source.messageCount(), std::numeric_limits<int>::max())));
            const Result<ExportStats> result =
                exportMessagesToFile(source, format, path, [&promise](qint64 done, qint64) {
                    promise.setProgressValue(int(std::min<qint64>(done, std::numeric_limits<int>::max())));
                    return !promise.isCanceled();
                });
            Outcome outcome;
            outcome.path = path;
            outcome.ok = result.ok();
            if (result)
                outcome.stats = result.value();
            else
                outcome.error = result.error();
            promise.addResult(outcome);
        }));
    return true;
}

void ConsumeExporter::cancel()
{
    m_watcher.cancel();
}

bool ConsumeExporter::isRunning() const
{
    return m_watcher.isRunning();
}

} // namespace kafdesk
