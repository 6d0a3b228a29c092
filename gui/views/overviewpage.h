#pragma once

#include "views/clusterpage.h"

#include <QElapsedTimer>
#include <QList>

class QFrame;
class QLabel;
class QStackedWidget;
class QTimer;

namespace kafdesk {

class BrokerLoadChart;

// The cluster at a glance: a row of cards (brokers alive of total, topics, partitions,
// under-replicated and offline partitions, consumer groups; the two problem counts highlighted,
// with words as well as colour, when above zero) and a chart of leaders and replicas per broker.
// Everything but the group count comes from the snapshot; the group count is one ListGroups
// through the session on attach, on refresh() and every groupIntervalMs while the page is shown,
// never two at a time, and a stale answer (another session) is dropped. A snapshot that changes
// no figure redraws nothing. GUI thread only.
class OverviewPage : public ClusterPage {
    Q_OBJECT
public:
    static constexpr int groupIntervalMs = 10000;

    // What the cards show. -1: not known (yet).
    struct Figures {
        int brokersAlive = -1;
        int brokersTotal = -1;
        int topics = -1;           // without the internal ones (__consumer_offsets, ...)
        int internalTopics = -1;
        int partitions = -1;       // of every topic, internal ones included
        int internalPartitions = -1;
        int underReplicated = -1;
        int offline = -1;
        int groups = -1;
        int emptyGroups = -1;      // groups in state Empty (offsets kept, no member)
        friend bool operator==(const Figures &, const Figures &) = default;
    };

    explicit OverviewPage(QWidget *parent = nullptr);

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void refresh() override;

    const Figures &figures() const { return m_figures; }
    BrokerLoadChart *chart() const { return m_chart; }
    // The sentence shown instead of the figures (not connected, waiting for metadata), or empty.
    QString emptyStateText() const;
    // Whether a group listing is under way.
    bool isFetchingGroups() const { return m_groupRequest != 0; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum class Tone { Normal, Alert, Muted };
    struct Card {
        QFrame *frame = nullptr;
        QLabel *value = nullptr;
        QLabel *caption = nullptr;
        QLabel *detail = nullptr;
        Tone tone = Tone::Muted;
    };

    Card makeCard(const QString &caption, const QString &toolTip);
    void setCard(Card &card, const QString &value, const QString &detail, Tone tone);
    void showFigures();
    void showEmptyState(const QString &text);
    void fetchGroups();

    QStackedWidget *m_stack = nullptr;
    QLabel *m_emptyLabel = nullptr;
    Card m_brokers, m_topics, m_partitions, m_underReplicated, m_offline, m_groups;
    BrokerLoadChart *m_chart = nullptr;
    QLabel *m_chartHint = nullptr;
    QTimer *m_groupTimer = nullptr;

    Figures m_figures;
    bool m_hasSnapshot = false;
    quint64 m_generation = 0; // bumped by attach(): answers for an older one are dropped
    quint64 m_groupRequest = 0;
    QElapsedTimer m_sinceGroupFetch; // since the last listing was asked for
    bool m_groupsAgain = false; // refresh() while a listing was under way: list once more after it
    bool m_groupsFailed = false;
    QString m_groupsError;
};

} // namespace kafdesk
