#pragma once

#include "cluster/clustersnapshot.h"
#include "kafka/admintypes.h"
#include "util/result.h"

#include <QDateTime>
#include <QMap>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QTableView;

namespace kafdesk {

class ClusterSession;
class MessageLog;
class PartitionTableModel;

// The topic detail page's Partitions tab: a row per partition with its leader, replicas, ISR and
// offline replicas from the snapshot, and its watermarks and message count read through the
// session when the topic is chosen, on refresh(), and every PollIntervalMs while the tab is
// shown. One read at a time; a read for a topic no longer shown is dropped. GUI thread only.
class TopicPartitionsTab : public QWidget {
    Q_OBJECT
public:
    static constexpr int PollIntervalMs = 5000;
    static constexpr int ReadTimeoutMs = 5000;

    explicit TopicPartitionsTab(QWidget *parent = nullptr);

    void setSession(ClusterSession *session, MessageLog *log);
    // Another topic: the table resets and its offsets are read.
    void setTopic(const QString &topic);
    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    // Reads the offsets now, or right after the read that is running.
    void refresh();

    PartitionTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QString statusText() const;
    bool isReading() const { return m_request != 0; }
    // Reads whose result was shown, since the tab was made (for tests).
    int completedReads() const { return m_completedReads; }

Q_SIGNALS:
    // After the watermarks of a read are in the model, or a read failed.
    void readFinished(bool ok);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void startRead();
    void finishRead(quint64 generation, const Result<QMap<int, Watermarks>> &result);
    void updateStatus();

    QPointer<ClusterSession> m_session;
    QPointer<MessageLog> m_log;
    PartitionTableModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_busy = nullptr;
    QTimer m_poll;

    quint64 m_generation = 0; // bumped with each topic and session: older results are dropped
    quint64 m_request = 0;    // the session's id of the read that is running, or 0
    bool m_readAgain = false;
    int m_completedReads = 0;
    QDateTime m_readAt;
    QString m_error; // the last read's error, or empty
    QList<int> m_readPartitions; // what the last read covered, to re-read when partitions change
};

} // namespace kafdesk
