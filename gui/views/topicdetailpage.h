#pragma once

#include "views/clusterpage.h"

class QAction;
class QDialog;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace kafdesk {

class PartitionMapView;
class TopicConfigsTab;
class TopicPartitionsTab;

// One topic: a header with its name, partition count, replication factor and health, and tabs
// for its partitions (leaders, replicas, ISR, watermarks, message counts), the partition map
// (where the replicas live, by partition or by broker) and its configs. Add Partitions… and
// Delete… act on the topic; Edit Configs… sits on the Configs tab. When the topic leaves the
// snapshot the page says it was deleted instead of showing what it was. GUI thread only.
class TopicDetailPage : public ClusterPage {
    Q_OBJECT
public:
    enum Tab { PartitionsTab, MapTab, ConfigsTab };
    Q_ENUM(Tab)

    explicit TopicDetailPage(QWidget *parent = nullptr);

    void showTopic(const QString &topic);
    QString topic() const { return m_topic; }

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void focusFilter() override;
    void refresh() override;
    // Deletes the topic shown (after the dialog's confirmation).
    void deleteSelected() override;

    void setCurrentTab(Tab tab);
    Tab currentTab() const;

    // The sentence shown instead of the tabs (no topic, loading, unknown or deleted topic), or empty.
    QString stateText() const;
    QString titleText() const;
    QString summaryText() const; // partitions, replication factor and health, as plain text

    TopicPartitionsTab *partitionsTab() const { return m_partitions; }
    PartitionMapView *mapView() const { return m_map; }
    TopicConfigsTab *configsTab() const { return m_configs; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *addPartitionsAction() const { return m_addPartitionsAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *produceAction() const { return m_produceAction; }
    QAction *consumeAction() const { return m_consumeAction; }

public Q_SLOTS:
    void addPartitions();
    void editConfigs();

private:
    QWidget *buildHeader();
    void updateHeader();
    void updateActions();
    void watch(QDialog *dialog, bool reloadConfigs);
    const TopicState *topicState() const;

    QString m_topic;
    ClusterSnapshotPtr m_snapshot;
    bool m_seen = false; // the topic was in a snapshot since showTopic()

    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_stateText = nullptr;
    QTabWidget *m_tabs = nullptr;
    TopicPartitionsTab *m_partitions = nullptr;
    PartitionMapView *m_map = nullptr;
    TopicConfigsTab *m_configs = nullptr;
    QAction *m_addPartitionsAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_produceAction = nullptr;
    QAction *m_consumeAction = nullptr;
};

} // namespace kafdesk
