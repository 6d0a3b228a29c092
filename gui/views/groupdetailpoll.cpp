// GroupDetailPage: which group, and polling its lag and description.

#include "views/groupdetailpage.h"

#include "charts/lagchart.h"
#include "cluster/clustersession.h"
#include "models/groupmembermodel.h"
#include "models/groupoffsetmodel.h"
#include "widgets/messagelog.h"

#include <QAction>
#include <QDateTime>
#include <QMap>
#include <QThread>
#include <QTimer>

namespace kafdesk {

namespace {

// What one poll brings.
struct Detail {
    GroupDescription description;
    GroupLag lag;
    bool exists = false;
};

} // namespace

void GroupDetailPage::attach(ClusterSession *session, MessageLog *log)
{
    ClusterPage::attach(session, log);
    showGroup(m_group); // everything again, for this session
}

void GroupDetailPage::showGroup(const QString &group)
{
    const bool same = group == m_group && m_loaded;
    m_group = group;
    if (!same || !session()) {
        ++m_generation;
        m_request = 0;
        m_again = false;
        m_loaded = false;
        m_exists = false;
        m_failing = false;
        m_loads = 0;
        m_sinceLoad.invalidate();
        m_lag.reset();
        m_description = GroupDescription{};
        m_members->clear();
        m_offsets->clear();
        m_chart->clear();
        m_chart->setEmptyText(tr("Waiting for the first lag sample…"));
        showNotice({});
    }
    updateHeader();
    updateEmptyStates();
    updateActions();
    if (!session() || m_group.isEmpty()) {
        m_timer->stop();
        return;
    }
    if (isVisible())
        m_timer->start();
    if (!same)
        load();
}

void GroupDetailPage::showEvent(QShowEvent *event)
{
    ClusterPage::showEvent(event);
    if (session() && !m_group.isEmpty()) {
        m_timer->start();
        // Switching pages back and forth asks no more often than the timer would.
        if (!isLoading() && (!m_sinceLoad.isValid() || m_sinceLoad.elapsed() >= m_timer->interval()))
            load();
    }
}

void GroupDetailPage::hideEvent(QHideEvent *event)
{
    ClusterPage::hideEvent(event);
    m_timer->stop();
}

void GroupDetailPage::refresh()
{
    load();
}

void GroupDetailPage::load()
{
    ClusterSession *s = session();
    if (!s || m_group.isEmpty() || s->state() == ConnectionState::Lost)
        return;
    if (m_request) {
        m_again = true;
        return;
    }
    const quint64 generation = m_generation;
    const QString group = m_group;
    m_sinceLoad.start();
    m_request = s->submit<Detail>(
        [group](ClusterOperations &ops) -> Result<Detail> {
            // lagOfGroups, not lag(): a group that is gone comes back as Dead and empty, not as an error.
            auto lags = ops.groups().lagOfGroups({group});
            if (!lags)
                return lags.error();
            Detail d;
            d.lag = lags->value(0);
            d.exists = !(d.lag.state == QLatin1String("Dead") && d.lag.partitions.isEmpty() && d.lag.members <= 0);
            if (d.exists) {
                // The coordinator, the assignor and each member's assignment (GroupLag has only owners).
                auto described = ops.admin().describeGroups({group});
                if (described && !described->isEmpty())
                    d.description = described->first();
            }
            return d;
        },
        this,
        [this, generation](const Result<Detail> &result) {
            if (generation != m_generation)
                return; // another group or session by now
            m_request = 0;
            ++m_loads;
            if (result) {
                m_failing = false;
                showDetail(result->description, result->lag, result->exists);
            } else if (result.error().message != cancelledError().message) {
                if (!m_failing && messageLog())
                    messageLog()->error(result.error(), m_loaded);
                m_failing = true;
                showNotice(tr("Could not read group “%1”: %2").arg(m_group, result.error().fullText()));
            }
            if (m_again) {
                m_again = false;
                load();
            }
        });
}

void GroupDetailPage::showDetail(const GroupDescription &description, const GroupLag &lag, bool exists)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const bool wasThere = m_loaded && m_exists;
    m_loaded = true;
    m_exists = exists;
    if (!exists) {
        showMissing();
        if (wasThere && messageLog())
            messageLog()->warning(tr("Consumer group “%1” no longer exists.").arg(m_group));
        return;
    }
    m_lag = lag;
    m_description = description.error.isEmpty() ? description : GroupDescription{};
    m_offsets->setPartitions(lag.partitions);
    m_members->setMembers(m_description.members);
    // Lag is known only where the group committed: a topic (or a group) without a commit has no
    // point, rather than a misleading 0.
    QMap<QString, qint64> perTopic;
    for (const PartitionLag &p : lag.partitions)
        if (p.lag)
            perTopic[p.topic] += *p.lag;
    if (!perTopic.isEmpty())
        m_chart->addSample(QDateTime::currentDateTime(), lag.totalLag, perTopic);
    else if (m_chart->pointCount() == 0)
        m_chart->setEmptyText(tr("No lag to draw: the group has not committed an offset yet."));
    QString notice = lag.note;
    if (lag.partitionsWithoutCommit > 0 && !lag.partitions.isEmpty()) {
        const QString count = lag.partitionsWithoutCommit == 1 ? tr("1 partition") : tr("%1 partitions").arg(lag.partitionsWithoutCommit);
        notice = (notice.isEmpty() ? QString() : notice + QLatin1Char(' ')) +
                 tr("%1 assigned to the group %2 no commit yet (shown as “no commit”): their lag is not known.")
                     .arg(count, lag.partitionsWithoutCommit == 1 ? tr("has") : tr("have"));
    }
    showNotice(notice);
    updateHeader();
    updateEmptyStates();
    updateActions();
}

void GroupDetailPage::showMissing()
{
    m_lag.reset();
    m_description = GroupDescription{};
    m_offsets->clear();
    m_members->clear();
    showNotice(tr("Consumer group “%1” does not exist (any more). It appears again when a consumer of it commits.")
                   .arg(m_group));
    updateHeader();
    updateEmptyStates();
    updateActions();
}

void GroupDetailPage::updateActions()
{
    const bool usable = session() && !m_group.isEmpty() && m_exists;
    const bool readOnly = isReadOnly();
    const QString why = readOnly ? readOnlyReason()
                        : m_group.isEmpty() ? tr("Choose a group first")
                        : !m_exists ? tr("The group does not exist")
                                    : QString();
    m_refreshAction->setEnabled(session() && !m_group.isEmpty());
    m_resetAction->setEnabled(usable && !readOnly);
    m_resetAction->setToolTip(why.isEmpty() ? tr("Move the group's committed offsets, with a preview") : why);
    const bool hasCommits = !committedTopics().isEmpty();
    m_deleteOffsetsAction->setEnabled(usable && !readOnly && hasCommits);
    m_deleteOffsetsAction->setToolTip(!why.isEmpty() ? why
                                      : hasCommits ? tr("Delete the group's committed offsets on one topic")
                                                   : tr("The group has no committed offset"));
    m_deleteGroupAction->setEnabled(usable && !readOnly);
    m_deleteGroupAction->setToolTip(why.isEmpty() ? tr("Delete the group and every offset it committed") : why);
}

} // namespace kafdesk
