#pragma once

#include "views/clusterpage.h"

class QAction;
class QCheckBox;
class QDialog;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace kafdesk {

class TopicFilterProxyModel;
class TopicTableModel;

// The cluster's topics in a table (name, partitions, replication factor, under-replicated and
// offline partitions, internal), filtered as the user types and sorted by any column. Internal
// topics are hidden unless asked for. Snapshots merge into the model, so selection, sort and
// scroll position survive every refresh. Enter or a double click opens a topic (topicActivated);
// the toolbar creates, deletes and changes topics through the topic dialogs. GUI thread only.
class TopicsPage : public ClusterPage {
    Q_OBJECT
public:
    explicit TopicsPage(QWidget *parent = nullptr);

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void focusFilter() override;
    void refresh() override;
    void deleteSelected() override;

    // The selected topic, or empty.
    QString selectedTopic() const;
    // Selects the topic's row (and scrolls to it), if the table shows it.
    bool selectTopic(const QString &topic);
    void setFilterText(const QString &text);
    void setShowInternal(bool show);

    // The sentence shown instead of the table (loading, no topics, nothing matches), or empty.
    QString emptyStateText() const;

    TopicTableModel *model() const { return m_model; }
    TopicFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *showInternalBox() const { return m_showInternal; }
    QAction *newTopicAction() const { return m_newAction; }
    QAction *addPartitionsAction() const { return m_addPartitionsAction; }
    QAction *editConfigsAction() const { return m_editConfigsAction; }
    QAction *deleteAction() const { return m_deleteAction; }

public Q_SLOTS:
    void createTopic();
    void addPartitions();
    void editConfigs();

private:
    void buildActions();
    QWidget *buildToolbar();
    QWidget *buildEmptyPage();
    void updateActions();
    void updateState();
    void showContextMenu(const QPoint &pos);
    void activate(const QModelIndex &index);
    void watch(QDialog *dialog);
    bool selectedIsInternal() const;

    TopicTableModel *m_model;
    TopicFilterProxyModel *m_proxy;
    ClusterSnapshotPtr m_snapshot;

    QLabel *m_summary = nullptr;
    QLineEdit *m_filter = nullptr;
    QCheckBox *m_showInternal = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_emptyButton = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_addPartitionsAction = nullptr;
    QAction *m_editConfigsAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_copyNameAction = nullptr;
    QAction *m_produceAction = nullptr;
    QAction *m_consumeAction = nullptr;
    QAction *m_groupLabAction = nullptr;
};

} // namespace kafdesk
