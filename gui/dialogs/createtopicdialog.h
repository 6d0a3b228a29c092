#pragma once

#include "admin/requests.h"
#include "dialogs/topicdialog.h"

#include <QMap>
#include <QStringList>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace kafdesk {

class TopicDialogConfigTable;
class TopicDialogMessage;
class TopicDialogPresetField;

// Create a topic: name (checked as typed with Kafka's rules), partitions, replication factor
// (checked against the live brokers of the latest snapshot), presets for the configs people set
// most (retention, cleanup policy, min.insync.replicas, max.message.bytes) and a table for others.
class CreateTopicDialog : public TopicDialog {
    Q_OBJECT
public:
    CreateTopicDialog(QWidget *parent, ClusterSession *session, MessageLog *log);

    // The request the form describes now (whether it is valid or not).
    CreateTopicRequest request() const;

protected:
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void submit() override;

private:
    void buildForm();
    void equalizeSpinBoxes();
    void requestBrokerDefaults(const ClusterSnapshot &snapshot);
    void showBrokerDefaults(const QMap<QString, QString> &defaults);
    void revalidate();
    // The name's own problem (rules, taken, colliding), or an empty string; *warning gets advice.
    QString nameProblem(const QString &name, QString *warning) const;
    // A config set twice (by a preset and in the table, or twice in the table), or an empty string.
    QString duplicateConfig() const;
    // When the topic would inherit a min.insync.replicas above its replication factor.
    QString minInsyncWarning(const CreateTopicRequest &r) const;

    QLineEdit *m_name = nullptr;
    TopicDialogMessage *m_nameMessage = nullptr;
    QSpinBox *m_partitions = nullptr;
    QSpinBox *m_replication = nullptr;
    QLabel *m_brokersHint = nullptr;
    TopicDialogPresetField *m_retention = nullptr;
    TopicDialogPresetField *m_cleanup = nullptr;
    QSpinBox *m_minInsync = nullptr;
    TopicDialogPresetField *m_maxMessage = nullptr;
    TopicDialogConfigTable *m_others = nullptr;
    TopicDialogMessage *m_formMessage = nullptr;

    QStringList m_existing;                  // topic names in the latest snapshot
    QMap<QString, QString> m_brokerDefaults; // what "Broker default" means, once read
    bool m_defaultsRequested = false;
    int m_liveBrokers = -1; // -1: no snapshot yet
    bool m_replicationTouched = false;
};

} // namespace kafdesk
