#pragma once

#include "kafka/admintypes.h"
#include "util/result.h"

#include <QDateTime>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QToolButton;

namespace kafdesk {

class ClusterSession;
class ConfigTableModel;
class MessageLog;

// The topic detail page's Configs tab: the topic's configs as the broker describes them, its
// overrides first and in bold, Kafka's defaults hidden unless "Show defaults" is checked;
// durations and sizes in human units beside the raw value ("86400000  1 day (24 h)"); a filter on
// names and values. Loaded through the session for each topic, on reload(), and when the tab is
// shown again after a while; a load for a topic no longer shown is dropped. GUI thread only.
class TopicConfigsTab : public QWidget {
    Q_OBJECT
public:
    explicit TopicConfigsTab(QWidget *parent = nullptr);

    void setSession(ClusterSession *session, MessageLog *log);
    // Another topic: the table resets and the topic's configs load.
    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }
    void reload();
    // Whether "Edit Configs…" can be used, and its tooltip (the read-only reason when not).
    void setEditable(bool editable, const QString &toolTip);

    void focusFilter();
    void setFilterText(const QString &text);
    void setShowDefaults(bool show);

    ConfigTableModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    QCheckBox *showDefaultsBox() const { return m_showDefaults; }
    QToolButton *editButton() const { return m_edit; }
    bool isLoading() const { return m_request != 0; }
    // Whether the configs of the topic have arrived at least once.
    bool isLoaded() const { return m_loadedAt.isValid(); }
    QString statusText() const;

Q_SIGNALS:
    void editRequested();
    void loadFinished(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void finishLoad(quint64 generation, const Result<QList<ConfigEntry>> &result);
    void updateState();

    QPointer<ClusterSession> m_session;
    QPointer<MessageLog> m_log;
    QString m_topic;
    ConfigTableModel *m_model;
    QSortFilterProxyModel *m_proxy;

    QLineEdit *m_filter = nullptr;
    QCheckBox *m_showDefaults = nullptr;
    QToolButton *m_edit = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_emptyText = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_status = nullptr;

    quint64 m_generation = 0;
    quint64 m_request = 0;
    bool m_reloadAgain = false;
    QDateTime m_loadedAt;
    QString m_error;
};

} // namespace kafdesk
