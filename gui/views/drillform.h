#pragma once

#include "cluster/clustersnapshot.h"
#include "drill/failuredrill.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QCheckBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;
class QWidget;

namespace kafdesk {

// The failure drill's set-up: the topic (a new one, by default "drill-<hhmmss>" with 6 partitions,
// replication factor 3 and min.insync.replicas 2, or an existing one), the producer (acks all or
// 1, idempotence, rate) and how brokers are broken: the automatic schedule on the bundled cluster,
// or, on an external cluster, by the user during a fixed duration. It checks what it can see (the
// topic's name, replication against the live brokers) and says so in a sentence per problem.
class DrillForm : public QWidget {
    Q_OBJECT
public:
    explicit DrillForm(QWidget *parent = nullptr);

    // The bundled cluster (the schedule kills its nodes) or an external one (the user breaks brokers).
    void setExternal(bool external);
    bool isExternal() const { return m_external; }
    void showSnapshot(const ClusterSnapshotPtr &snapshot);
    // A fresh default name ("drill-<hhmmss>") unless the user typed one; `force`: even then (after
    // a drill created the topic, its name is taken).
    void renewTopicName(bool force = false);

    // The drill the fields describe (without connection and cluster: the page adds those).
    DrillConfig config() const;
    // What is wrong with the fields, a sentence each (empty when fine); things to know that do
    // not prevent a drill are notes().
    QStringList problems() const;
    QStringList notes() const;

    QRadioButton *newTopicRadio() const { return m_newTopic; }
    QRadioButton *existingTopicRadio() const { return m_existingTopic; }
    QLineEdit *topicEdit() const { return m_topicEdit; }
    QComboBox *existingTopicCombo() const { return m_existingCombo; }
    QSpinBox *partitionsSpin() const { return m_partitions; }
    QSpinBox *replicationSpin() const { return m_replication; }
    QSpinBox *minInsyncSpin() const { return m_minInsync; }
    QComboBox *acksCombo() const { return m_acks; }
    QCheckBox *idempotenceCheck() const { return m_idempotence; }
    QLabel *idempotenceReason() const { return m_idempotenceReason; }
    QSpinBox *rateSpin() const { return m_rate; }
    QWidget *scheduleBox() const { return m_schedule; }
    QSpinBox *killsSpin() const { return m_kills; }
    QSpinBox *intervalSpin() const { return m_interval; }
    QSpinBox *durationSpin() const { return m_duration; }
    QLabel *externalNote() const { return m_externalNote; }

    void setAcks(Acks acks);

Q_SIGNALS:
    void changed();

private:
    void buildTopicRow(QGridLayout *grid);
    void buildProducerRow(QGridLayout *grid);
    void buildBreakRow(QGridLayout *grid);
    void updateFields();
    const TopicState *existingTopic() const;

    ClusterSnapshotPtr m_snapshot;
    bool m_external = false;
    bool m_nameTyped = false;
    bool m_idempotenceWanted = true; // what the box goes back to when acks=all is chosen again

    QRadioButton *m_newTopic = nullptr;
    QRadioButton *m_existingTopic = nullptr;
    QLineEdit *m_topicEdit = nullptr;
    QComboBox *m_existingCombo = nullptr;
    QLabel *m_existingInfo = nullptr;
    QSpinBox *m_partitions = nullptr;
    QSpinBox *m_replication = nullptr;
    QSpinBox *m_minInsync = nullptr;
    QWidget *m_newFields = nullptr;
    QComboBox *m_acks = nullptr;
    QCheckBox *m_idempotence = nullptr;
    QLabel *m_idempotenceReason = nullptr;
    QSpinBox *m_rate = nullptr;
    QWidget *m_schedule = nullptr;
    QSpinBox *m_kills = nullptr;
    QSpinBox *m_interval = nullptr;
    QWidget *m_durationBox = nullptr;
    QSpinBox *m_duration = nullptr;
    QLabel *m_externalNote = nullptr;
};

} // namespace kafdesk
