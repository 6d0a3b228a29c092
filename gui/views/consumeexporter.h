#pragma once

#include "messages/messageexport.h"

#include <QFutureWatcher>
#include <QObject>

namespace kafdesk {

// One export of buffered messages at a time, written on a worker thread (QtConcurrent) from
// shared read-only batches, so the consume pane goes on reading meanwhile. Progress and the
// outcome come back on the GUI thread. GUI thread only.
class ConsumeExporter : public QObject {
    Q_OBJECT
public:
    struct Outcome {
        bool ok = false;
        ExportStats stats;
        Error error;
        QString path;
    };

    explicit ConsumeExporter(QObject *parent = nullptr);
    ~ConsumeExporter() override;

    // False (nothing started) while another export runs.
    bool start(ExportSource source, ExportFormat format, const QString &path);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    void finished(const kafdesk::ConsumeExporter::Outcome &outcome);

private:
    QFutureWatcher<Outcome> m_watcher;
    qint64 m_total = 0;
};

} // namespace kafdesk
