#include "views/topicdetailpage.h"

#include "cluster/clustersession.h"
#include "dialogs/topicdialogs.h"
#include "views/partitionmapview.h"
#include "views/topicconfigstab.h"
#include "views/topicpartitionstab.h"
#include "widgets/messagelog.h"

#include <QAction>
#include <QDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

QString count(int n, const QString &one, const QString &many)
{
    return n == 1 ? one : many.arg(n);
}

// How long after an edit the configs are read a second time.
constexpr int configsSettleMs = 2000;

// State colours that read on light and dark palettes alike; each goes with a symbol and words.
const QColor healthyColor(0x2e, 0xa0, 0x43);
const QColor degradedColor(0xc8, 0x86, 0x00);
const QColor offlineColor(0xd6, 0x45, 0x41);

QString coloured(const QColor &color, const QString &text)
{
    return QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color.name(), text.toHtmlEscaped());
}

} // namespace

TopicDetailPage::TopicDetailPage(QWidget *parent) : ClusterPage(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildHeader());

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_partitions = new TopicPartitionsTab(m_tabs);
    m_map = new PartitionMapView(m_tabs);
    m_map->setTitleVisible(false); // the page's header says what it would
    m_configs = new TopicConfigsTab(m_tabs);
    m_tabs->addTab(m_partitions, tr("Partitions"));
    m_tabs->addTab(m_map, tr("Partition Map"));
    m_tabs->addTab(m_configs, tr("Configs"));
    m_tabs->setTabToolTip(PartitionsTab, tr("Leaders, replicas, in-sync replicas and offsets of each partition"));
    m_tabs->setTabToolTip(MapTab, tr("Which broker holds which replica"));
    m_tabs->setTabToolTip(ConfigsTab, tr("The topic's configs: its overrides and Kafka's defaults"));
    connect(m_configs, &TopicConfigsTab::editRequested, this, &TopicDetailPage::editConfigs);

    m_stateText = new QLabel(this);
    m_stateText->setAlignment(Qt::AlignCenter);
    m_stateText->setWordWrap(true);
    m_stateText->setForegroundRole(QPalette::PlaceholderText);
    QFont font = m_stateText->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    m_stateText->setFont(font);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_tabs);
    m_stack->addWidget(m_stateText);
    layout->addWidget(m_stack, 1);
    updateHeader();
    updateActions();
}

QWidget *TopicDetailPage::buildHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    m_title = new QLabel(header);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    text->addWidget(m_title);
    m_summary = new QLabel(header);
    m_summary->setTextFormat(Qt::RichText);
    text->addWidget(m_summary);
    row->addLayout(text, 1);

    m_addPartitionsAction = new QAction(tr("Add Partitions…"), this);
    connect(m_addPartitionsAction, &QAction::triggered, this, &TopicDetailPage::addPartitions);
    m_deleteAction = new QAction(tr("Delete…"), this);
    connect(m_deleteAction, &QAction::triggered, this, &TopicDetailPage::deleteSelected);
    // Messages: the panes open on this topic (they are pages of the window, not dialogs).
    m_produceAction = new QAction(tr("Produce…"), this);
    m_produceAction->setToolTip(tr("Write messages to this topic"));
    connect(m_produceAction, &QAction::triggered, this, [this] { Q_EMIT produceRequested(m_topic); });
    m_consumeAction = new QAction(tr("Consume…"), this);
    m_consumeAction->setToolTip(tr("Read the messages of this topic"));
    connect(m_consumeAction, &QAction::triggered, this, [this] { Q_EMIT consumeRequested(m_topic); });
    for (QAction *action : {m_produceAction, m_consumeAction, m_addPartitionsAction, m_deleteAction}) {
        auto *button = new QToolButton(header);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        row->addWidget(button, 0, Qt::AlignTop);
    }
    return header;
}

void TopicDetailPage::showTopic(const QString &topic)
{
    const bool another = topic != m_topic;
    m_topic = topic;
    if (another)
        m_seen = m_snapshot && m_snapshot->topic(topic);
    m_map->setTopic(topic);
    m_map->setSnapshot(m_snapshot);
    m_partitions->setTopic(topic); // reads at once; the same topic again reads again
    m_configs->setTopic(topic);
    updateHeader();
    updateActions();
}

void TopicDetailPage::attach(ClusterSession *newSession, MessageLog *log)
{
    const bool anotherCluster = newSession != session();
    ClusterPage::attach(newSession, log);
    if (anotherCluster) {
        m_snapshot.reset();
        m_seen = false;
        m_map->clear();
    }
    m_partitions->setSession(newSession, log);
    m_configs->setSession(newSession, log);
    if (newSession && newSession->latestSnapshot())
        showSnapshot(newSession->latestSnapshot());
    if (anotherCluster && !m_topic.isEmpty()) {
        m_partitions->refresh();
        m_configs->reload();
    }
    updateHeader();
    updateActions();
}

void TopicDetailPage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    if (!snapshot)
        return;
    m_snapshot = snapshot;
    const bool found = !m_topic.isEmpty() && snapshot->topic(m_topic);
    const bool reappeared = found && !m_seen;
    m_seen = m_seen || found;
    m_partitions->setSnapshot(snapshot);
    m_map->setSnapshot(snapshot);
    if (reappeared) // created since it was chosen (or again after a delete)
        m_configs->reload();
    updateHeader();
    updateActions();
}

void TopicDetailPage::focusFilter()
{
    setCurrentTab(ConfigsTab);
    m_configs->focusFilter();
}

void TopicDetailPage::refresh()
{
    if (session())
        session()->refreshNow();
    m_partitions->refresh();
    m_configs->reload();
}

void TopicDetailPage::setCurrentTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

TopicDetailPage::Tab TopicDetailPage::currentTab() const
{
    return static_cast<Tab>(m_tabs->currentIndex());
}

const TopicState *TopicDetailPage::topicState() const
{
    return m_snapshot && !m_topic.isEmpty() ? m_snapshot->topic(m_topic) : nullptr;
}

QString TopicDetailPage::stateText() const
{
    if (m_topic.isEmpty())
        return tr("Choose a topic on the Topics page.");
    if (!session())
        return tr("Not connected to a cluster.");
    if (!m_snapshot)
        return tr("Loading “%1”…").arg(m_topic);
    if (topicState())
        return {};
    if (m_seen)
        return tr("Topic “%1” was deleted.\nIt is no longer in the cluster's metadata.").arg(m_topic);
    return tr("The cluster has no topic named “%1”.").arg(m_topic);
}

QString TopicDetailPage::titleText() const
{
    return m_title->text();
}

QString TopicDetailPage::summaryText() const
{
    const TopicState *t = topicState();
    if (!t)
        return {};
    const int partitions = static_cast<int>(t->partitions.size());
    QStringList parts{count(partitions, tr("1 partition"), tr("%1 partitions")),
                      tr("replication factor %1").arg(t->replicationFactor())};
    if (t->internal)
        parts << tr("internal");
    const int offline = t->offlineCount();
    const int under = t->underReplicatedCount();
    if (offline > 0)
        parts << count(offline, tr("✖ 1 partition offline"), tr("✖ %1 partitions offline"));
    if (under > 0)
        parts << count(under, tr("⚠ 1 partition under-replicated"), tr("⚠ %1 partitions under-replicated"));
    if (offline == 0 && under == 0)
        parts << tr("✔ healthy");
    return parts.join(QStringLiteral("  ·  "));
}

void TopicDetailPage::updateHeader()
{
    m_title->setText(m_topic.isEmpty() ? tr("Topic") : m_topic);
    const QString state = stateText();
    m_stateText->setText(state);
    m_stack->setCurrentIndex(state.isEmpty() ? 0 : 1);
    const TopicState *t = topicState();
    if (!t) {
        m_summary->setText(m_seen && m_snapshot ? coloured(offlineColor, tr("✖ deleted")) : QString());
        return;
    }
    // The same words as summaryText(), each state in its colour.
    QStringList parts;
    const QStringList plain = summaryText().split(QStringLiteral("  ·  "));
    for (const QString &part : plain) {
        if (part.startsWith(QStringLiteral("✖")))
            parts << coloured(offlineColor, part);
        else if (part.startsWith(QStringLiteral("⚠")))
            parts << coloured(degradedColor, part);
        else if (part.startsWith(QStringLiteral("✔")))
            parts << coloured(healthyColor, part);
        else
            parts << part.toHtmlEscaped();
    }
    m_summary->setText(parts.join(QStringLiteral(" &nbsp;·&nbsp; ")));
}

void TopicDetailPage::updateActions()
{
    const TopicState *t = topicState();
    const bool usable = session() && t;
    const bool readOnly = isReadOnly();
    const QString reason = readOnly ? readOnlyReason()
                           : !t     ? tr("The topic is not in the cluster's metadata")
                                    : QString();
    const QString internal = t && t->internal ? tr("“%1” is an internal topic: Kafka itself depends on it").arg(m_topic)
                                              : QString();
    m_addPartitionsAction->setEnabled(usable && !readOnly && internal.isEmpty());
    m_addPartitionsAction->setToolTip(!reason.isEmpty() ? reason
                                      : !internal.isEmpty() ? internal
                                                            : tr("Add partitions to “%1”").arg(m_topic));
    m_deleteAction->setEnabled(usable && !readOnly && internal.isEmpty());
    m_deleteAction->setToolTip(!reason.isEmpty() ? reason
                               : !internal.isEmpty() ? internal
                                                     : tr("Delete “%1” and every message in it").arg(m_topic));
    m_configs->setEditable(usable && !readOnly,
                           !reason.isEmpty() ? reason : tr("Change the configs of “%1”").arg(m_topic));
}

void TopicDetailPage::watch(QDialog *dialog, bool reloadConfigs)
{
    if (!dialog)
        return;
    connect(dialog, &QDialog::finished, this, [this, reloadConfigs] {
        if (session())
            session()->refreshNow();
        if (reloadConfigs) {
            // The broker that answers may learn of the change a moment after the controller.
            m_configs->reload();
            QTimer::singleShot(configsSettleMs, m_configs, &TopicConfigsTab::reload);
        }
        m_partitions->refresh();
    });
}

void TopicDetailPage::addPartitions()
{
    if (m_addPartitionsAction->isEnabled())
        watch(topicdialogs::addPartitions(this, session(), messageLog(), m_topic), false);
}

void TopicDetailPage::editConfigs()
{
    if (session() && topicState() && !isReadOnly())
        watch(topicdialogs::editConfigs(this, session(), messageLog(), m_topic), true);
}

void TopicDetailPage::deleteSelected()
{
    if (m_deleteAction->isEnabled())
        watch(topicdialogs::deleteTopic(this, session(), messageLog(), m_topic), false);
}

} // namespace kafdesk
