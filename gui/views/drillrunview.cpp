#include "views/drillrunview.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

constexpr int killedAtRole = Qt::UserRole + 1; // QDateTime: which kill an item shows
constexpr int nodeRole = Qt::UserRole + 2;
constexpr int partitionRole = Qt::UserRole + 3;
constexpr int restartedAtRole = Qt::UserRole + 4;
constexpr int newLeaderRole = Qt::UserRole + 5;
constexpr int leaderlessRole = Qt::UserRole + 6;

DrillKill killOf(const QTreeWidgetItem *item)
{
    DrillKill k;
    k.killedAt = item->data(0, killedAtRole).toDateTime();
    k.node = item->data(0, nodeRole).toInt();
    k.partition = item->data(0, partitionRole).toInt();
    k.restartedAt = item->data(0, restartedAtRole).toDateTime();
    k.newLeader = item->data(0, newLeaderRole).toInt();
    k.leaderlessMs = item->data(0, leaderlessRole).toLongLong();
    return k;
}

QString seconds(qint64 ms)
{
    return QLocale().toString(static_cast<double>(ms) / 1000.0, 'f', 1);
}

} // namespace

DrillRunView::DrillRunView(QWidget *parent) : QWidget(parent), m_timer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_phase = new QLabel(this);
    m_phase->setObjectName(QStringLiteral("drillPhase"));
    QFont larger = m_phase->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    larger.setBold(true);
    m_phase->setFont(larger);
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("drillProgress"));
    layout->addWidget(m_phase);
    layout->addWidget(m_text);
    layout->addWidget(m_progress);

    auto *counters = new QGridLayout;
    const QList<QPair<QString, QString>> names{{QStringLiteral("sent"), tr("Sent")},
                                               {QStringLiteral("acknowledged"), tr("Acknowledged")},
                                               {QStringLiteral("failed"), tr("Failed")},
                                               {QStringLiteral("consumed"), tr("Consumed")}};
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    for (int i = 0; i < names.size(); ++i) {
        auto *value = new QLabel(QStringLiteral("0"), this);
        value->setFont(big);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(QStringLiteral("000,000,000")));
        auto *caption = new QLabel(names[i].second, this);
        caption->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        counters->addWidget(value, 0, i);
        counters->addWidget(caption, 1, i);
        m_counters.insert(names[i].first, value);
    }
    counters->setColumnStretch(names.size(), 1);
    layout->addLayout(counters);

    // The kills beside what the cluster did about them.
    auto *columns = new QGridLayout;
    m_killsTitle = new QLabel(this);
    m_kills = makeKillTree(this);
    m_history = makeHistoryTree(this);
    m_history->setObjectName(QStringLiteral("drillRunEvents"));
    columns->addWidget(m_killsTitle, 0, 0);
    columns->addWidget(new QLabel(tr("<b>What happened</b>"), this), 0, 1);
    columns->addWidget(m_kills, 1, 0);
    columns->addWidget(m_history, 1, 1);
    columns->setColumnStretch(0, 1);
    columns->setColumnStretch(1, 1);
    layout->addLayout(columns, 1);

    m_timer->setInterval(250);
    connect(m_timer, &QTimer::timeout, this, &DrillRunView::tick);
}

QTreeWidget *DrillRunView::makeKillTree(QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->setFocusPolicy(Qt::NoFocus);
    tree->setHeaderLabels({tr("Killed at"), tr("Node"), tr("Partition led"), tr("New leader"), tr("Down for")});
    tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(true);
    tree->setMinimumHeight(tree->fontMetrics().height() * 6);
    return tree;
}

void DrillRunView::fillKillItem(QTreeWidgetItem *item, const DrillKill &kill, const QString &topic)
{
    item->setData(0, killedAtRole, kill.killedAt);
    item->setData(0, nodeRole, kill.node);
    item->setData(0, partitionRole, kill.partition);
    item->setData(0, restartedAtRole, kill.restartedAt);
    item->setData(0, newLeaderRole, kill.newLeader);
    item->setData(0, leaderlessRole, kill.leaderlessMs);
    item->setText(KillTimeColumn, kill.killedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")));
    item->setToolTip(KillTimeColumn, kill.killedAt.toUTC().toString(Qt::ISODateWithMs));
    item->setText(KillNodeColumn, tr("broker %1").arg(kill.node));
    item->setText(KillPartitionColumn, QString::number(kill.partition));
    item->setToolTip(KillPartitionColumn, tr("The node led partition %1 of %2.").arg(kill.partition).arg(topic));
    if (kill.newLeader < 0)
        item->setText(KillNewLeaderColumn, QStringLiteral("—"));
    else if (kill.leaderlessMs >= 0)
        item->setText(KillNewLeaderColumn,
                      tr("broker %1 after %2 s").arg(kill.newLeader).arg(seconds(kill.leaderlessMs)));
    else
        item->setText(KillNewLeaderColumn, tr("broker %1").arg(kill.newLeader));
    item->setToolTip(KillNewLeaderColumn, tr("The partition's new leader as metadata showed it, and the longest time a "
                                             "partition the node led had no live leader after the kill."));
    if (kill.restartedAt.isValid())
        item->setText(KillDownColumn, tr("%1 s").arg(seconds(kill.killedAt.msecsTo(kill.restartedAt))));
    else
        item->setText(KillDownColumn, tr("%1 s, still down")
                                          .arg(seconds(kill.killedAt.msecsTo(QDateTime::currentDateTimeUtc()))));
    item->setToolTip(KillDownColumn, tr("From the kill until the restarted node registered with the controller again."));
}

QTreeWidget *DrillRunView::makeHistoryTree(QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->setHeaderLabels({tr("Time"), tr("What happened")});
    // A fixed time column: sizing it to its contents would measure every row at each refresh.
    tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    tree->header()->resizeSection(0, tree->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000")) + 24);
    tree->setMinimumHeight(tree->fontMetrics().height() * 10);
    return tree;
}

bool DrillRunView::fillHistoryTree(QTreeWidget *tree, const QList<ReplicationEvent> &events,
                                   const QList<TimelineMarker> &markers, const QString &topic, const QDateTime &from,
                                   const QDateTime &to, QStringList *shown)
{
    struct Line {
        QDateTime at;
        QString text;
        bool marker;
    };
    QList<Line> lines;
    for (const TimelineMarker &m : markers)
        if (m.timestamp >= from && m.timestamp <= to)
            lines.append({m.timestamp, m.text, true});
    for (const ReplicationEvent &e : events)
        if (e.timestamp >= from && e.timestamp <= to && (e.topic.isEmpty() || e.topic == topic))
            lines.append({e.timestamp, e.description(), false});
    // The action before what it caused, at equal times.
    std::stable_sort(lines.begin(), lines.end(), [](const Line &a, const Line &b) {
        return a.at < b.at || (a.at == b.at && a.marker && !b.marker);
    });
    // Rebuilt only when the window gained something: a rebuild of hundreds of rows is not free.
    QStringList now;
    for (const Line &l : lines)
        now << l.at.toString(Qt::ISODateWithMs) + l.text;
    if (now == *shown && tree->topLevelItemCount() > 0)
        return false;
    *shown = now;
    QFont bold = tree->font();
    bold.setBold(true);
    QList<QTreeWidgetItem *> items;
    items.reserve(lines.size());
    for (const Line &l : lines) {
        auto *item = new QTreeWidgetItem;
        item->setText(0, l.at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")));
        item->setText(1, l.text);
        item->setToolTip(1, l.text);
        if (l.marker) {
            item->setFont(0, bold);
            item->setFont(1, bold);
        }
        items << item;
    }
    if (lines.isEmpty()) {
        auto *item = new QTreeWidgetItem;
        item->setText(1, tr("No replication event was recorded during the drill."));
        item->setDisabled(true);
        items << item;
    }
    tree->clear();
    tree->addTopLevelItems(items); // one insertion, not one per row
    return true;
}

void DrillRunView::setHistory(const QList<ReplicationEvent> &events, const QList<TimelineMarker> &markers)
{
    if (m_running && fillHistoryTree(m_history, events, markers, m_config.topic, m_startedAt,
                                     QDateTime::currentDateTimeUtc(), &m_shownHistory))
        m_history->scrollToBottom(); // the newest
}

QString DrillRunView::phaseName(DrillProgress::Phase phase)
{
    switch (phase) {
    case DrillProgress::Phase::Preparing: return tr("Preparing");
    case DrillProgress::Phase::Producing: return tr("Producing and reading back");
    case DrillProgress::Phase::Killing: return tr("Killing a node");
    case DrillProgress::Phase::Restarting: return tr("Restarting the node");
    case DrillProgress::Phase::Draining: return tr("Reading the rest back");
    case DrillProgress::Phase::Verifying: return tr("Checking every message");
    case DrillProgress::Phase::Done: return tr("Done");
    }
    return {};
}

void DrillRunView::start(const DrillConfig &config)
{
    m_config = config;
    m_last = DrillProgress{};
    m_last.killsPlanned = config.kills;
    m_kills->clear();
    m_history->clear();
    m_shownHistory.clear();
    m_startedAt = QDateTime::currentDateTimeUtc().addSecs(-1);
    m_running = true;
    m_killsTitle->setText(config.kills > 0 ? tr("<b>Nodes killed</b> (the leader of partition 0, every %n s)", nullptr,
                                                static_cast<int>(config.killInterval.count() / 1000))
                                           : tr("<b>Nodes killed by the drill</b>: none planned, break them yourself"));
    m_elapsed.start();
    m_timer->start();
    showProgress(m_last);
}

void DrillRunView::showProgress(const DrillProgress &progress)
{
    m_last = progress;
    m_phase->setText(phaseName(progress.phase));
    m_text->setText(progress.text);
    m_counters.value(QStringLiteral("sent"))->setText(QLocale().toString(progress.sent));
    m_counters.value(QStringLiteral("acknowledged"))->setText(QLocale().toString(progress.acknowledged));
    m_counters.value(QStringLiteral("failed"))->setText(QLocale().toString(progress.failed));
    m_counters.value(QStringLiteral("consumed"))->setText(QLocale().toString(progress.consumed));
    tick();
}

void DrillRunView::tick()
{
    const int planned = m_last.killsPlanned > 0 ? m_last.killsPlanned : m_config.kills;
    if (planned > 0) {
        m_progress->setRange(0, planned);
        m_progress->setValue(std::min(m_last.killsDone, planned));
        m_progress->setFormat(tr("%v of %m kills"));
    } else {
        const int total = static_cast<int>(m_config.duration.count() / 1000);
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(static_cast<int>(std::min<qint64>(m_elapsed.isValid() ? m_elapsed.elapsed() / 1000 : 0, total)));
        m_progress->setFormat(tr("%v of %m s"));
    }
    for (int i = 0; i < m_kills->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_kills->topLevelItem(i);
        const DrillKill k = killOf(item);
        if (!k.restartedAt.isValid())
            fillKillItem(item, k, m_config.topic); // the time it has been down grows
    }
}

void DrillRunView::addKill(const DrillKill &kill)
{
    auto *item = new QTreeWidgetItem(m_kills);
    fillKillItem(item, kill, m_config.topic);
    m_kills->scrollToItem(item);
}

void DrillRunView::updateKill(const DrillKill &kill)
{
    for (int i = 0; i < m_kills->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_kills->topLevelItem(i);
        const DrillKill shown = killOf(item);
        if (shown.node == kill.node && shown.killedAt == kill.killedAt) {
            fillKillItem(item, kill, m_config.topic);
            return;
        }
    }
    addKill(kill); // a restart whose kill was not seen: show it anyway
}

void DrillRunView::stop(const QString &error)
{
    m_timer->stop();
    m_running = false;
    if (!error.isEmpty()) {
        m_phase->setText(tr("The drill stopped"));
        m_text->setText(error);
    }
}

QString DrillRunView::phaseText() const
{
    return m_phase->text();
}

QString DrillRunView::counterText(const QString &name) const
{
    const QLabel *l = m_counters.value(name);
    return l ? l->text() : QString();
}

} // namespace kafdesk
