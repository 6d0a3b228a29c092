#pragma once

#include "admin/requests.h"
#include "dialogs/topicdialog.h"
#include "dialogs/topicdialogconfigchange.h"
#include "kafka/admintypes.h"

#include <QList>
#include <QMap>
#include <QStringList>

#include <optional>

class QLabel;
class QLineEdit;
class QModelIndex;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace kafdesk {

class ConfigTableModel;
class TopicDialogChangePreview;
class TopicDialogMessage;

// Edit a topic's configs: the topic's overrides are listed apart from what it inherits (broker
// settings, Kafka's defaults). The user sets a value, adds an override, or resets one to its
// default; the pending changes are previewed exactly as they will be sent (old → new, "reset to
// default") and applied together through ClusterOperations::alterTopicConfigs.
class EditConfigsDialog : public TopicDialog {
    Q_OBJECT
public:
    EditConfigsDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic);

    // The pending change, as it will be sent.
    AlterTopicConfigsRequest request() const;
    // What the pending change does, line by line (as the preview lists it).
    QList<TopicDialogConfigChange> changes() const;
    bool isLoaded() const { return m_loaded; }
    ConfigTableModel *configModel() const { return m_model; }

protected:
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void submit() override;
    // Enter in the name moves on to the value; Enter in the value sets it. Neither applies.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildTables();
    QWidget *buildEditor();
    void load();
    void onLoaded(const QList<ConfigEntry> &entries);
    void onRowActivated(const QModelIndex &index);
    void setPending(const QString &name, const QString &value);
    void resetPending(const QString &name);
    void undo(const QStringList &names);
    void updateEditor();
    void updatePreview();
    // The topic's own override of the config, if it has one.
    std::optional<QString> overrideOf(const QString &name) const;
    const ConfigEntry *entry(const QString &name) const;

    QString m_topic;
    QList<ConfigEntry> m_entries;
    bool m_loaded = false;
    int m_replicationFactor = -1;
    QMap<QString, QString> m_set;
    QStringList m_remove;

    ConfigTableModel *m_model = nullptr;
    QSortFilterProxyModel *m_overridesProxy = nullptr;
    QSortFilterProxyModel *m_inheritedSourceProxy = nullptr;
    QSortFilterProxyModel *m_inheritedProxy = nullptr;
    QLabel *m_topicLabel = nullptr;
    QLabel *m_overridesTitle = nullptr;
    QTableView *m_overrides = nullptr;
    QTableView *m_inherited = nullptr;
    QLineEdit *m_filter = nullptr;
    QPushButton *m_reload = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_value = nullptr;
    QPushButton *m_setButton = nullptr;
    QPushButton *m_resetButton = nullptr;
    TopicDialogMessage *m_editorMessage = nullptr;
    TopicDialogChangePreview *m_preview = nullptr;
};

} // namespace kafdesk
