#pragma once

#include "cluster/metatypes.h"
#include "cluster/replicationhistory.h"
#include "local/clusterstate.h"
#include "local/localclusterjob.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace kafdesk {

// Starts and stops the bundled local cluster for the window, one job at a time, off the GUI
// thread (LocalClusterJob). Remembers whether this run of Kafdesk started it: only then is it
// stopped at quit (unless the user asked to keep it running).
class LocalClusterController : public QObject {
    Q_OBJECT
public:
    LocalClusterController(QString clusterName, QString clustersRoot, int newClusterBrokers, QObject *parent = nullptr);
    ~LocalClusterController() override;

    const QString &clusterName() const { return m_name; }
    const QString &clustersRoot() const { return m_root; }
    bool isBusy() const { return m_job != nullptr; }
    bool isStopping() const;
    QString busyTitle() const;
    bool startedByUs() const { return *m_startedByUs; }

    void start(); // or attach, when it runs already
    void stop();
    void cancel();

Q_SIGNALS:
    void busy(const QString &title);
    void progress(const QString &text);
    void started(const kafdesk::ClusterState &state);
    void stopped();
    void failed(const kafdesk::Error &error);
    void idle();
    // A node or cluster action the user asked for, as it begins: a marker for the timeline.
    void actionPerformed(const kafdesk::TimelineMarker &marker);

private:
    void run(LocalClusterJob *job);

    QString m_name;
    QString m_root;
    int m_newClusterBrokers;
    QPointer<LocalClusterJob> m_job;
    std::shared_ptr<bool> m_startedByUs = std::make_shared<bool>(false);
};

} // namespace kafdesk
