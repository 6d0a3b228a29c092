#pragma once

#include "cluster/clustersnapshot.h"

#include <QPointer>
#include <QWidget>

namespace kafdesk {

class ClusterSession;
class MessageLog;

// One page of the main window's stack (overview, brokers, topics, topic detail, groups, ...).
// The window owns the ClusterSession; a page is attached to it while connected and gets every
// snapshot as a value. Pages never call librdkafka: they submit work to the session and show the
// value that comes back. Messages go to the MessageLog (banner + log), never to message boxes.
class ClusterPage : public QWidget {
    Q_OBJECT
public:
    explicit ClusterPage(QWidget *parent = nullptr);

    // The session to use from now on, or nullptr when the window disconnects. The session lives
    // until the next attach() call at least. The base class remembers both; overrides call it.
    virtual void attach(ClusterSession *session, MessageLog *log);
    // Every snapshot the session takes (also the latest one right after attach()).
    virtual void showSnapshot(const ClusterSnapshotPtr &snapshot) { Q_UNUSED(snapshot) }
    // Ctrl+F: put the keyboard focus in the page's filter, if it has one.
    virtual void focusFilter() {}
    // F5: fetch what the page shows that is not in the snapshot (configs, offsets, groups).
    virtual void refresh() {}
    // Delete: delete what is selected (after a confirmation), if the page can.
    virtual void deleteSelected() {}

    ClusterSession *session() const;
    MessageLog *messageLog() const;
    // True when connected through a read-only profile: every mutating action is disabled, and
    // its tooltip says why (readOnlyReason()).
    bool isReadOnly() const;
    QString readOnlyReason() const;

Q_SIGNALS:
    // Asks the window to show the topic's detail page.
    void topicActivated(const QString &topic);
    // Asks the window to show the group's detail page.
    void groupActivated(const QString &group);
    // Asks the window to open the produce / consume pane / group lab on the topic.
    void produceRequested(const QString &topic);
    void consumeRequested(const QString &topic);
    void groupLabRequested(const QString &topic);

private:
    QPointer<ClusterSession> m_session;
    QPointer<MessageLog> m_log;
};

} // namespace kafdesk
