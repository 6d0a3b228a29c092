#pragma once

#include "cluster/clustersnapshot.h"
#include "messages/consumesession.h"
#include "messages/decoders.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;

namespace kafdesk {

class ConsumeDateTimeField;

// What to read: topic (from the snapshot, or typed), partitions (all, or a list such as "0,2,4-6"
// checked against the topic's partition count), where to start (beginning, latest, an offset, a
// date-time, the last N per partition), assignment without commits or a named group that commits,
// and the key / value decoders; with the Start, Pause/Resume and Stop buttons and the line that
// says what is wrong with the input. Enter anywhere in the form starts. GUI thread only.
class ConsumeForm : public QWidget {
    Q_OBJECT
public:
    enum StartChoice { FromBeginning, Latest, AtOffset, AtDateTime, LastN };

    explicit ConsumeForm(QWidget *parent = nullptr);

    void setSnapshot(const ClusterSnapshotPtr &snapshot);
    void setTopic(const QString &topic);
    QString topic() const;

    // The request the form describes, or the sentence that says what is wrong with it.
    Result<ConsumeRequest> request() const;
    // "0,2,4-6" → {0, 2, 4, 5, 6}; empty or "all" → {} (every partition). `partitionCount` < 0: unknown.
    static Result<QList<int>> parsePartitions(const QString &text, const QString &topic, int partitionCount);

    Decoder keyDecoder() const;
    Decoder valueDecoder() const;
    void setDecoders(Decoder key, Decoder value);

    // The session's state: what can be edited and pressed.
    void setSessionState(ConsumeSession::State state, bool haveSession);
    // Reading as a group commits offsets, a change: not on read-only connections.
    void setGroupAllowed(bool allowed, const QString &reason);

    void showError(const QString &text);
    void clearError();
    QString errorText() const;

    QComboBox *topicCombo() const { return m_topic; }
    QLineEdit *partitionsEdit() const { return m_partitions; }
    QComboBox *startCombo() const { return m_start; }
    QLineEdit *offsetEdit() const { return m_offset; }
    ConsumeDateTimeField *dateTimeField() const { return m_dateTime; }
    QSpinBox *lastNSpin() const { return m_lastN; }
    QComboBox *modeCombo() const { return m_mode; }
    QLineEdit *groupEdit() const { return m_group; }
    QComboBox *keyDecoderCombo() const { return m_keyDecoder; }
    QComboBox *valueDecoderCombo() const { return m_valueDecoder; }
    QPushButton *startButton() const { return m_startButton; }
    QPushButton *pauseButton() const { return m_pauseButton; }
    QPushButton *stopButton() const { return m_stopButton; }

Q_SIGNALS:
    void startRequested();
    void pauseResumeRequested();
    void stopRequested();
    void decodersChanged();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QComboBox *decoderCombo();
    void updateStartInput();
    void updateMode();
    void updatePartitionHint();
    int partitionCount(const QString &topic) const;

    ClusterSnapshotPtr m_snapshot;
    bool m_groupAllowed = true;
    QString m_groupDisallowedReason;
    QComboBox *m_topic = nullptr;
    QLineEdit *m_partitions = nullptr;
    QComboBox *m_start = nullptr;
    QStackedWidget *m_startInput = nullptr;
    QLineEdit *m_offset = nullptr;
    ConsumeDateTimeField *m_dateTime = nullptr;
    QSpinBox *m_lastN = nullptr;
    QComboBox *m_mode = nullptr;
    QLineEdit *m_group = nullptr;
    QComboBox *m_keyDecoder = nullptr;
    QComboBox *m_valueDecoder = nullptr;
    QPushButton *m_startButton = nullptr;
    QPushButton *m_pauseButton = nullptr;
    QPushButton *m_stopButton = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace kafdesk
