#pragma once

#include "cluster/clustersnapshot.h"
#include "messages/producerequest.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;
class QVBoxLayout;

namespace kafdesk {

// The produce pane's inputs: topic (from the snapshot, or typed), partition (automatic or
// chosen, bounded by the topic's partition count), key (or a null key) with the partition that
// Kafka's Java client would pick for it, the value and its format (JSON validated as typed),
// headers, copies, acks, idempotence and compression. request() turns them into a value; changed()
// fires on every edit. Acks, compression and the format are remembered between runs.
// GUI thread only.
class ProduceForm : public QWidget {
    Q_OBJECT
public:
    explicit ProduceForm(QWidget *parent = nullptr);

    ProduceRequest request() const;
    void setTopic(const QString &topic);
    QString topic() const;
    // Fills the topic list and bounds the partition box; keeps what the user typed.
    void showSnapshot(const ClusterSnapshotPtr &snapshot);
    // What the snapshot says about the current topic.
    produce::TopicInfo topicInfo() const;

    // The line under the key: where the key goes, e.g. "→ partition 1 (murmur2, as Kafka's Java client)".
    QString partitionHint() const;
    // The line under the value: the JSON error with its position, a byte count, or empty.
    QString valueStatus() const;

    QComboBox *topicCombo() const { return m_topic; }
    QRadioButton *automaticPartitionButton() const { return m_automatic; }
    QRadioButton *chosenPartitionButton() const { return m_chosen; }
    QSpinBox *partitionSpin() const { return m_partition; }
    QLineEdit *keyEdit() const { return m_key; }
    QCheckBox *nullKeyBox() const { return m_nullKey; }
    QLabel *partitionHintLabel() const { return m_hint; }
    QComboBox *formatCombo() const { return m_format; }
    QPlainTextEdit *valueEdit() const { return m_value; }
    QLineEdit *fileEdit() const { return m_file; }
    QLabel *valueStatusLabel() const { return m_valueStatus; }
    QTableWidget *headersTable() const { return m_headers; }
    QPushButton *addHeaderButton() const { return m_addHeader; }
    QPushButton *removeHeaderButton() const { return m_removeHeader; }
    QSpinBox *copiesSpin() const { return m_copies; }
    QComboBox *acksCombo() const { return m_acks; }
    QCheckBox *idempotenceBox() const { return m_idempotence; }
    QComboBox *compressionCombo() const { return m_compression; }
    QLabel *noteLabel() const { return m_note; }

    // The column beside the message inputs, under the sending options: the page adds to it.
    QVBoxLayout *sideColumn() const { return m_side; }

    // Adds a header row (and returns its row).
    int addHeader(const QString &name = {}, const QString &value = {});

Q_SIGNALS:
    void changed();

private:
    QWidget *buildMessageBox();
    QWidget *buildOptionsBox();
    void onAcksChanged();
    void chooseFile();
    void updateFormat();
    void updateHints();
    void updatePartitionLimit();
    void save() const;

    ClusterSnapshotPtr m_snapshot;
    QComboBox *m_topic = nullptr;
    QRadioButton *m_automatic = nullptr;
    QRadioButton *m_chosen = nullptr;
    QSpinBox *m_partition = nullptr;
    QLineEdit *m_key = nullptr;
    QCheckBox *m_nullKey = nullptr;
    QLabel *m_hint = nullptr;
    QComboBox *m_format = nullptr;
    QPlainTextEdit *m_value = nullptr;
    QWidget *m_fileRow = nullptr;
    QLineEdit *m_file = nullptr;
    QLabel *m_valueStatus = nullptr;
    QTableWidget *m_headers = nullptr;
    QPushButton *m_addHeader = nullptr;
    QPushButton *m_removeHeader = nullptr;
    QSpinBox *m_copies = nullptr;
    QComboBox *m_acks = nullptr;
    QCheckBox *m_idempotence = nullptr;
    QComboBox *m_compression = nullptr;
    QLabel *m_note = nullptr;
    QVBoxLayout *m_side = nullptr;
};

} // namespace kafdesk
