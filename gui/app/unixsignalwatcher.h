#pragma once

#include <QObject>

class QSocketNotifier;

namespace kafdesk {

// Turns SIGINT and SIGTERM into a Qt signal on the GUI thread (a self-pipe, the only safe way
// out of a signal handler), so that a terminal's Ctrl+C or a session logout closes the window
// properly and a local cluster the app started is stopped rather than orphaned.
class UnixSignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    static void handle(int signalNumber);
    void readSignal();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace kafdesk
