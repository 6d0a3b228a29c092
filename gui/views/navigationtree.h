#pragma once

#include <QTreeWidget>

namespace kafdesk {

struct ClusterSnapshot;

// The window's left pane: the connected cluster and its views. The Topics entry holds the topic
// opened last as a child; counts next to the entries come from the latest snapshot.
class NavigationTree : public QTreeWidget {
    Q_OBJECT
public:
    enum class Page { None, Overview, Brokers, Topics, TopicDetail, Groups, GroupDetail, Produce, Consume, GroupLab, PartitionMap, Timeline, Drill, LocalCluster, Acls, Lessons };
    Q_ENUM(Page)

    explicit NavigationTree(QWidget *parent = nullptr);

    // Rebuilds the tree for a cluster (empty name: nothing connected).
    void setCluster(const QString &name, bool local);
    void showCounts(const ClusterSnapshot &snapshot);
    void setGroupCount(int groups);
    // Adds or renames the Topics child for the topic and selects it.
    void openTopic(const QString &topic);
    void removeTopic();
    QString openedTopic() const;
    // The same for the Consumer groups entry and the group opened last.
    void openGroup(const QString &group);
    void removeGroup();
    QString openedGroup() const;

    void select(Page page);
    Page currentPage() const;

Q_SIGNALS:
    void pageSelected(kafdesk::NavigationTree::Page page);

private:
    QTreeWidgetItem *itemFor(Page page) const;
    QTreeWidgetItem *addEntry(QTreeWidgetItem *parent, Page page, const QString &text);
    void openChild(Page parentPage, Page childPage, const QString &text, const QString &toolTip);
    QString childText(Page childPage) const;
    static Page pageOf(const QTreeWidgetItem *item);

    QTreeWidgetItem *m_root = nullptr;
};

} // namespace kafdesk
