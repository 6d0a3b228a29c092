#pragma once

#include "admin/offsetreset.h"
#include "dialogs/topicdialog.h"

#include <QMessageBox>
#include <QPointer>
#include <QStringList>

class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;

class QPushButton;
class QRadioButton;
class QTableView;
class QTimer;

namespace kafdesk {

class ResetOffsetsPreviewModel;

// Reset a consumer group's committed offsets on one topic: the scope (the topic, all or chosen
// partitions), the strategy (earliest, latest, a date-time, an offset, a shift by ±N), and a
// preview per partition computed by the cluster before anything is written (ClusterOperations::
// planReset, a read), refreshed as the fields change (debounced) or with Preview. The command
// line is kafka-consumer-groups.sh's --dry-run, --execute once executing. Execute asks for a
// confirmation (a window-modal box, never a blocking exec) and commits the previewed plan.
// While the group is active Kafka refuses: the plan's refusal is shown and Execute is disabled
// with it. Bad input is said at once and nothing is sent. Non-modal. GUI thread only.
class ResetOffsetsDialog : public TopicDialog {
    Q_OBJECT
public:
    static constexpr int previewDelayMs = 400;

    // `groupTopics`: the topics the group committed or is assigned, listed first; `topic`: the one
    // to start with (else the first of them).
    ResetOffsetsDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &group,
                       const QStringList &groupTopics, const QString &topic = {});
    ~ResetOffsetsDialog() override;

    QString group() const { return m_group; }
    // The request the fields describe now, or why they do not describe one (bad input).
    Result<ResetOffsetsRequest> currentRequest() const;

    // Fields, for tests.
    QComboBox *topicBox() const { return m_topic; }
    QComboBox *strategyBox() const { return m_strategy; }
    QRadioButton *allPartitionsButton() const { return m_all; }
    QRadioButton *chosenPartitionsButton() const { return m_chosen; }
    QListWidget *partitionList() const { return m_partitions; }
    QDateTimeEdit *dateTimeEdit() const { return m_dateTime; }
    QLineEdit *valueEdit() const { return m_value; }
    QPushButton *previewButton() const { return m_previewButton; }
    QTableView *previewTable() const { return m_table; }
    ResetOffsetsPreviewModel *previewModel() const { return m_model; }
    TopicDialogMessage *inputMessage() const { return m_inputMessage; }
    TopicDialogMessage *planMessage() const { return m_planMessage; }
    QLabel *previewStatus() const { return m_status; }
    // The confirmation box while it is open, else null.
    QMessageBox *confirmation() const { return m_confirmation; }

    void setStrategy(ResetStrategy strategy);
    void setTopic(const QString &topic);
    // Whether a preview is being computed, and whether the table shows one for the fields as they are.
    bool isPreviewing() const { return m_previewRequest != 0; }
    bool hasCurrentPlan() const { return m_planValid; }
    const ResetPlan &plan() const { return m_plan; }

public Q_SLOTS:
    // Computes the preview now (also what the debounce timer calls).
    void preview();

Q_SIGNALS:
    // A reset was executed (the plan that was committed).
    void resetExecuted(const kafdesk::ResetPlan &plan);

protected:
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void submit() override;

private:
    QWidget *buildScope();
    QWidget *buildPreview();
    void fillTopics(const ClusterSnapshotPtr &snapshot);
    void fillPartitions(const ClusterSnapshotPtr &snapshot);
    void updateStrategyFields();
    void inputsChanged();
    void showPlan(const Result<ResetPlan> &result);
    void updateExecute();
    void execute();
    QString confirmationText() const;

    QString m_group;
    QStringList m_groupTopics;
    QComboBox *m_topic = nullptr;
    QRadioButton *m_all = nullptr;
    QRadioButton *m_chosen = nullptr;
    QListWidget *m_partitions = nullptr;
    QComboBox *m_strategy = nullptr;
    QFormLayout *m_form = nullptr;
    QDateTimeEdit *m_dateTime = nullptr;
    QLabel *m_utc = nullptr;
    QLineEdit *m_value = nullptr;
    QLabel *m_valueLabel = nullptr;
    TopicDialogMessage *m_inputMessage = nullptr;
    QPushButton *m_previewButton = nullptr;
    QLabel *m_status = nullptr;
    QTableView *m_table = nullptr;
    ResetOffsetsPreviewModel *m_model = nullptr;
    TopicDialogMessage *m_planMessage = nullptr;
    QTimer *m_debounce = nullptr;
    QPointer<QMessageBox> m_confirmation;

    QList<int> m_knownPartitions; // of the topic in the list, as the snapshot had them
    quint64 m_generation = 0;     // bumped by every change of the fields: older previews are dropped
    quint64 m_previewRequest = 0;
    bool m_previewAgain = false;
    bool m_planValid = false;
    ResetPlan m_plan;
};

} // namespace kafdesk
