#include "views/overviewpage.h"

#include "charts/brokerloadchart.h"
#include "cluster/clustersession.h"
#include "models/brokertablemodel.h"
#include "widgets/messagelog.h"

#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace kafdesk {

namespace {

enum StackPage { EmptyPage, FiguresPage };

// A colour for a style sheet, its alpha included (PlaceholderText is often translucent).
QString css(const QColor &c)
{
    return QStringLiteral("rgba(%1, %2, %3, %4)").arg(c.red()).arg(c.green()).arg(c.blue()).arg(c.alpha());
}

QString number(int n)
{
    return n < 0 ? QStringLiteral("…") : QLocale().toString(n);
}

} // namespace

OverviewPage::OverviewPage(QWidget *parent) : ClusterPage(parent)
{
    auto *outer = new QVBoxLayout(this);
    m_stack = new QStackedWidget(this);
    outer->addWidget(m_stack);

    auto *empty = new QWidget(m_stack);
    auto *emptyLayout = new QVBoxLayout(empty);
    m_emptyLabel = new QLabel(empty);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    auto *busy = new QProgressBar(empty);
    busy->setObjectName(QStringLiteral("busy"));
    busy->setRange(0, 0);
    busy->setTextVisible(false);
    busy->setMaximumWidth(240);
    emptyLayout->addStretch();
    emptyLayout->addWidget(m_emptyLabel);
    emptyLayout->addWidget(busy, 0, Qt::AlignCenter);
    emptyLayout->addStretch();
    m_stack->insertWidget(EmptyPage, empty);

    auto *content = new QWidget(m_stack);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *cards = new QGridLayout;
    cards->setSpacing(10);
    m_brokers = makeCard(tr("brokers alive"), tr("Brokers listed by the cluster's metadata, of every broker seen."));
    m_topics = makeCard(tr("topics"), tr("Topics without the internal ones (__consumer_offsets, ...)."));
    m_partitions = makeCard(tr("partitions"), tr("Partitions of every topic, internal ones included."));
    m_underReplicated = makeCard(tr("under-replicated"),
                                 tr("Partitions whose in-sync replica set is smaller than their replica set: a "
                                    "replica is down or falling behind."));
    m_offline = makeCard(tr("offline partitions"),
                         tr("Partitions without a leader: nobody can produce to or consume from them."));
    m_groups = makeCard(tr("consumer groups"), tr("Groups the brokers know (ListGroups), in any state."));
    int column = 0;
    for (const Card *card : {&m_brokers, &m_topics, &m_partitions, &m_underReplicated, &m_offline, &m_groups}) {
        cards->addWidget(card->frame, 0, column);
        cards->setColumnStretch(column++, 1);
    }
    layout->addLayout(cards);
    layout->addSpacing(12);

    auto *chartTitle = new QLabel(tr("Leaders and replicas per broker"), content);
    QFont titleFont = chartTitle->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    chartTitle->setFont(titleFont);
    m_chartHint = new QLabel(tr("Bars of about the same height mean a balanced cluster: each broker leads and "
                                "stores a similar share of the partitions."),
                             content);
    m_chartHint->setWordWrap(true);
    m_chartHint->setForegroundRole(QPalette::PlaceholderText);
    m_chart = new BrokerLoadChart(content);
    layout->addWidget(chartTitle);
    layout->addWidget(m_chartHint);
    layout->addWidget(m_chart, 1);
    m_stack->insertWidget(FiguresPage, content);

    m_groupTimer = new QTimer(this);
    m_groupTimer->setInterval(groupIntervalMs);
    connect(m_groupTimer, &QTimer::timeout, this, &OverviewPage::fetchGroups);

    showEmptyState(tr("Not connected to a cluster."));
}

OverviewPage::Card OverviewPage::makeCard(const QString &caption, const QString &toolTip)
{
    Card card;
    card.frame = new QFrame(this);
    card.frame->setObjectName(QStringLiteral("card"));
    card.frame->setToolTip(toolTip);
    auto *layout = new QVBoxLayout(card.frame);
    layout->setContentsMargins(12, 8, 12, 10);
    layout->setSpacing(2);
    card.value = new QLabel(card.frame);
    QFont big = card.value->font();
    big.setPointSizeF(big.pointSizeF() * 2.2);
    big.setBold(true);
    card.value->setFont(big);
    card.caption = new QLabel(caption, card.frame);
    QFont captionFont = card.caption->font();
    captionFont.setBold(true);
    card.caption->setFont(captionFont);
    card.value->setObjectName(QStringLiteral("value"));
    card.detail = new QLabel(card.frame);
    card.detail->setObjectName(QStringLiteral("detail"));
    card.detail->setWordWrap(true);
    layout->addWidget(card.value);
    layout->addWidget(card.caption);
    layout->addWidget(card.detail);
    layout->addStretch();
    setCard(card, number(-1), {}, Tone::Muted);
    return card;
}

void OverviewPage::setCard(Card &card, const QString &value, const QString &detail, Tone tone)
{
    card.value->setText(value);
    card.detail->setText(detail);
    card.tone = tone;
    // Colours from the page's palette (so a dark one works), spelled out: a style sheet freezes
    // the palette of the widgets it styles. The alert red reads on light and dark alike.
    const QPalette pal = palette();
    const QString alert = QStringLiteral("rgb(214, 69, 65)");
    const QString text = css(pal.color(QPalette::WindowText));
    const QString muted = css(pal.color(QPalette::PlaceholderText));
    const QString sheet =
        QStringLiteral("#card { border: %1 solid %2; border-radius: 6px; background: %3; }"
                       " #card QLabel { color: %4; background: transparent; border: none; }"
                       " #card QLabel#detail { color: %5; } #card QLabel#value { color: %6; }")
            .arg(tone == Tone::Alert ? QStringLiteral("2px") : QStringLiteral("1px"),
                 tone == Tone::Alert ? alert : css(pal.color(QPalette::Mid)),
                 tone == Tone::Alert ? QStringLiteral("rgba(214, 69, 65, 30)") : css(pal.color(QPalette::Base)),
                 text, muted,
                 tone == Tone::Alert ? alert : tone == Tone::Muted ? muted : text);
    if (card.frame->styleSheet() != sheet)
        card.frame->setStyleSheet(sheet);
}

void OverviewPage::changeEvent(QEvent *event)
{
    ClusterPage::changeEvent(event);
    if (event->type() != QEvent::PaletteChange || !m_groupTimer)
        return;
    for (Card *card : {&m_brokers, &m_topics, &m_partitions, &m_underReplicated, &m_offline, &m_groups})
        setCard(*card, card->value->text(), card->detail->text(), card->tone);
}

void OverviewPage::attach(ClusterSession *session, MessageLog *log)
{
    ClusterPage::attach(session, log);
    ++m_generation;
    m_groupRequest = 0; // an answer still on its way belongs to the old generation
    m_groupsAgain = false;
    m_groupsFailed = false;
    m_groupsError.clear();
    m_sinceGroupFetch.invalidate();
    m_figures = {};
    m_hasSnapshot = false;
    m_chart->setBrokers({});
    if (!session) {
        m_groupTimer->stop();
        showEmptyState(tr("Not connected to a cluster."));
        return;
    }
    showEmptyState(tr("Waiting for the cluster's metadata…"));
    if (isVisible())
        m_groupTimer->start();
    fetchGroups(); // asks only once the cluster answered: see fetchGroups()
}

void OverviewPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (!snapshot || !session())
        return;
    Figures f = m_figures;
    f.brokersTotal = static_cast<int>(snapshot->brokers.size());
    f.brokersAlive = static_cast<int>(snapshot->aliveBrokerIds().size());
    f.topics = f.internalTopics = f.partitions = f.internalPartitions = 0;
    for (const TopicState &t : snapshot->topics) {
        const int partitions = static_cast<int>(t.partitions.size());
        ++(t.internal ? f.internalTopics : f.topics);
        f.partitions += partitions;
        if (t.internal)
            f.internalPartitions += partitions;
    }
    f.underReplicated = snapshot->underReplicatedCount();
    f.offline = snapshot->offlineCount();

    QList<BrokerLoadChart::Broker> load;
    for (const BrokerTableModel::Row &r : BrokerTableModel::rowsOf(*snapshot))
        load << BrokerLoadChart::Broker{r.id, r.alive, r.leaders, r.replicas};
    m_chart->setBrokers(load); // redraws only when the figures changed

    const bool first = !m_hasSnapshot;
    m_hasSnapshot = true;
    if (first) {
        m_stack->setCurrentIndex(FiguresPage);
        if (m_figures.groups < 0)
            fetchGroups(); // the cluster answers now
    }
    if (first || !(f == m_figures)) {
        m_figures = f;
        showFigures();
    }
}

void OverviewPage::showFigures()
{
    const Figures &f = m_figures;
    const int down = f.brokersTotal - f.brokersAlive;
    // The words say what the red border says, for anyone who cannot tell the colours apart.
    setCard(m_brokers, QStringLiteral("%1 / %2").arg(number(f.brokersAlive), number(f.brokersTotal)),
            down > 0 ? tr("⚠ %1 down").arg(down) : tr("✓ all alive"), down > 0 ? Tone::Alert : Tone::Normal);
    setCard(m_topics, number(f.topics),
            f.internalTopics > 0 ? tr("+ %1 internal").arg(number(f.internalTopics)) : tr("no internal topic"),
            Tone::Normal);
    setCard(m_partitions, number(f.partitions),
            f.internalPartitions > 0 ? tr("%1 of them internal").arg(number(f.internalPartitions)) : QString(),
            Tone::Normal);
    setCard(m_underReplicated, number(f.underReplicated),
            f.underReplicated > 0 ? tr("⚠ replicas out of sync") : tr("✓ all replicas in sync"),
            f.underReplicated > 0 ? Tone::Alert : Tone::Normal);
    setCard(m_offline, number(f.offline),
            f.offline > 0 ? tr("⚠ no leader: unavailable") : tr("✓ all have a leader"),
            f.offline > 0 ? Tone::Alert : Tone::Normal);
    QString groupDetail;
    if (!m_groupsError.isEmpty())
        groupDetail = tr("⚠ could not list: %1").arg(m_groupsError);
    else if (f.groups < 0)
        groupDetail = tr("listing…");
    else if (f.groups == 0)
        groupDetail = tr("none yet");
    else
        groupDetail = tr("%1 empty").arg(number(f.emptyGroups));
    setCard(m_groups, m_groupsError.isEmpty() || f.groups >= 0 ? number(f.groups) : QStringLiteral("?"), groupDetail,
            f.groups < 0 ? Tone::Muted : Tone::Normal);
}

void OverviewPage::showEmptyState(const QString &text)
{
    m_emptyLabel->setText(text);
    if (auto *busy = findChild<QProgressBar *>(QStringLiteral("busy")))
        busy->setVisible(session() != nullptr);
    m_stack->setCurrentIndex(EmptyPage);
}

QString OverviewPage::emptyStateText() const
{
    return m_stack->currentIndex() == EmptyPage ? m_emptyLabel->text() : QString();
}

void OverviewPage::refresh()
{
    fetchGroups();
}

void OverviewPage::showEvent(QShowEvent *event)
{
    ClusterPage::showEvent(event);
    if (session()) {
        m_groupTimer->start();
        // The count may be old after the page was hidden; but switching pages back and forth
        // asks no more often than the timer would.
        if (!isFetchingGroups() && (!m_sinceGroupFetch.isValid() || m_sinceGroupFetch.elapsed() >= groupIntervalMs))
            fetchGroups();
    }
}

void OverviewPage::hideEvent(QHideEvent *event)
{
    ClusterPage::hideEvent(event);
    m_groupTimer->stop();
}

void OverviewPage::fetchGroups()
{
    ClusterSession *s = session();
    // Not before the cluster answered once, nor while it does not: requests run one at a time on
    // the session's thread, and one that waits for its timeout would hold back the metadata poll
    // that tells the window the cluster is (back) up.
    if (!s || !s->latestSnapshot() || s->state() == ConnectionState::Lost)
        return;
    if (m_groupRequest) {
        m_groupsAgain = true;
        return;
    }
    const quint64 generation = m_generation;
    m_sinceGroupFetch.start();
    m_groupRequest = s->submit<QList<GroupListing>>(
        [](ClusterOperations &ops) { return ops.groups().list(); }, this,
        [this, generation](const Result<QList<GroupListing>> &result) {
            if (generation != m_generation)
                return; // another session by now
            m_groupRequest = 0;
            const Figures before = m_figures;
            const QString errorBefore = m_groupsError;
            if (result) {
                m_groupsFailed = false;
                m_groupsError.clear();
                m_figures.groups = static_cast<int>(result->size());
                m_figures.emptyGroups = static_cast<int>(std::count_if(
                    result->cbegin(), result->cend(),
                    [](const GroupListing &g) { return g.state == QLatin1String("Empty"); }));
            } else if (result.error().message != cancelledError().message) {
                // Say it once per failure spell (not every poll); a refresh that fails after a good
                // answer is transient.
                if (!m_groupsFailed && messageLog())
                    messageLog()->error(result.error(), m_figures.groups >= 0);
                m_groupsFailed = true;
                m_groupsError = result.error().message;
            }
            if (m_hasSnapshot && (!(before == m_figures) || errorBefore != m_groupsError))
                showFigures();
            if (m_groupsAgain) {
                m_groupsAgain = false;
                fetchGroups();
            }
        });
}

} // namespace kafdesk
