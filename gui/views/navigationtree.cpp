#include "views/navigationtree.h"

#include "cluster/clustersnapshot.h"

#include <QHeaderView>

namespace kafdesk {

namespace {
constexpr int pageRole = Qt::UserRole + 1;
constexpr int captionRole = Qt::UserRole + 2;

void setCount(QTreeWidgetItem *item, int count)
{
    if (item)
        item->setText(0, QStringLiteral("%1  (%2)").arg(item->data(0, captionRole).toString()).arg(count));
}
} // namespace

NavigationTree::NavigationTree(QWidget *parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("navigationTree"));
    setHeaderHidden(true);
    setColumnCount(1);
    setUniformRowHeights(true);
    setMinimumWidth(170);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        const Page page = pageOf(current);
        if (page != Page::None)
            Q_EMIT pageSelected(page);
    });
}

NavigationTree::Page NavigationTree::pageOf(const QTreeWidgetItem *item)
{
    return item ? static_cast<Page>(item->data(0, pageRole).toInt()) : Page::None;
}

QTreeWidgetItem *NavigationTree::addEntry(QTreeWidgetItem *parent, Page page, const QString &text)
{
    auto *item = new QTreeWidgetItem(parent, {text});
    item->setData(0, pageRole, static_cast<int>(page));
    item->setData(0, captionRole, text);
    return item;
}

void NavigationTree::setCluster(const QString &name, bool local)
{
    const QSignalBlocker blocker(this);
    clear();
    m_root = nullptr;
    if (name.isEmpty())
        return;
    m_root = new QTreeWidgetItem(this, {name});
    m_root->setData(0, pageRole, static_cast<int>(Page::Overview));
    QFont bold = font();
    bold.setBold(true);
    m_root->setFont(0, bold);
    addEntry(m_root, Page::Overview, tr("Overview"));
    addEntry(m_root, Page::Brokers, tr("Brokers"));
    addEntry(m_root, Page::Topics, tr("Topics"));
    addEntry(m_root, Page::Groups, tr("Consumer groups"));
    addEntry(m_root, Page::Acls, tr("ACLs"));
    addEntry(m_root, Page::Produce, tr("Produce"));
    addEntry(m_root, Page::Consume, tr("Consume"));
    addEntry(m_root, Page::GroupLab, tr("Group lab"));
    addEntry(m_root, Page::PartitionMap, tr("Partition map"));
    addEntry(m_root, Page::Timeline, tr("Replication timeline"));
    addEntry(m_root, Page::Drill, tr("Failure drill"));
    addEntry(m_root, Page::Lessons, tr("Lessons"));
    if (local)
        addEntry(m_root, Page::LocalCluster, tr("Local cluster"));
    expandAll();
}

void NavigationTree::showCounts(const ClusterSnapshot &snapshot)
{
    setCount(itemFor(Page::Brokers), static_cast<int>(snapshot.brokers.size()));
    const auto visible = std::count_if(snapshot.topics.cbegin(), snapshot.topics.cend(),
                                       [](const TopicState &t) { return !t.internal; });
    setCount(itemFor(Page::Topics), static_cast<int>(visible));
}

void NavigationTree::setGroupCount(int groups)
{
    setCount(itemFor(Page::Groups), groups);
}

void NavigationTree::openChild(Page parentPage, Page childPage, const QString &text, const QString &toolTip)
{
    QTreeWidgetItem *parent = itemFor(parentPage);
    if (!parent)
        return;
    QTreeWidgetItem *child = itemFor(childPage);
    if (!child)
        child = addEntry(parent, childPage, text);
    child->setText(0, text);
    child->setData(0, captionRole, text);
    child->setToolTip(0, toolTip);
    parent->setExpanded(true);
    setCurrentItem(child);
}

QString NavigationTree::childText(Page childPage) const
{
    const QTreeWidgetItem *child = itemFor(childPage);
    return child ? child->data(0, captionRole).toString() : QString();
}

void NavigationTree::openTopic(const QString &topic)
{
    openChild(Page::Topics, Page::TopicDetail, topic, tr("Topic %1").arg(topic));
}

void NavigationTree::removeTopic()
{
    delete itemFor(Page::TopicDetail);
}

QString NavigationTree::openedTopic() const
{
    return childText(Page::TopicDetail);
}

void NavigationTree::openGroup(const QString &group)
{
    openChild(Page::Groups, Page::GroupDetail, group, tr("Consumer group %1").arg(group));
}

void NavigationTree::removeGroup()
{
    delete itemFor(Page::GroupDetail);
}

QString NavigationTree::openedGroup() const
{
    return childText(Page::GroupDetail);
}

void NavigationTree::select(Page page)
{
    if (QTreeWidgetItem *item = itemFor(page))
        setCurrentItem(item);
}

NavigationTree::Page NavigationTree::currentPage() const
{
    return pageOf(currentItem());
}

QTreeWidgetItem *NavigationTree::itemFor(Page page) const
{
    if (!m_root)
        return nullptr;
    for (QTreeWidgetItemIterator it(m_root->treeWidget()); *it; ++it)
        if ((*it) != m_root && pageOf(*it) == page)
            return *it;
    return nullptr;
}

} // namespace kafdesk
