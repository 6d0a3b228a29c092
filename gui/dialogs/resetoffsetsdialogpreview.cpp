// ResetOffsetsDialog: the preview (a read, computed by the cluster), Execute with its
// confirmation, and what the fields say about both.

#include "dialogs/resetoffsetsdialog.h"

#include "commands/kafkacommand.h"
#include "dialogs/resetoffsetspreviewmodel.h"
#include "dialogs/topicdialogmessage.h"
#include "widgets/messagelog.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>

#include <utility>

namespace kafdesk {

namespace {

QString strategyName(const ResetOffsetsRequest &r)
{
    switch (r.strategy) {
    case ResetStrategy::Earliest:
        return ResetOffsetsDialog::tr("to the earliest offset");
    case ResetStrategy::Latest:
        return ResetOffsetsDialog::tr("to the latest offset");
    case ResetStrategy::DateTime:
        return ResetOffsetsDialog::tr("to %1").arg(commands::resetDateTimeText(r.dateTime));
    case ResetStrategy::Offset:
        return ResetOffsetsDialog::tr("to offset %1").arg(r.value);
    case ResetStrategy::ShiftBy:
        return ResetOffsetsDialog::tr("shifted by %1%2").arg(r.value > 0 ? QStringLiteral("+") : QString()).arg(r.value);
    }
    return {};
}

} // namespace

void ResetOffsetsDialog::inputsChanged()
{
    ++m_generation;
    m_planValid = false;
    clearResult();
    m_utc->setText(tr("= %1 (UTC)").arg(commands::resetDateTimeText(m_dateTime->dateTime())));
    const Result<ResetOffsetsRequest> r = currentRequest();
    if (!r) {
        m_inputMessage->showMessage(TopicDialogMessage::Kind::Error, r.error().message,
                                    tr("Nothing is sent until the input is right."));
        m_debounce->stop();
        m_model->clear();
        m_planMessage->clear();
        m_status->setText(tr("No preview: fix the input above first."));
        setCommand(commands::KafkaCommand{});
    } else {
        m_inputMessage->clear();
        setCommand(commands::resetOffsets(commandTarget(), r.value()));
        m_status->setText(tr("Updating the preview…"));
        m_debounce->start();
    }
    updateExecute();
}

void ResetOffsetsDialog::preview()
{
    m_debounce->stop();
    const Result<ResetOffsetsRequest> r = currentRequest();
    if (!r || !session() || isBusy())
        return;
    if (m_previewRequest) {
        m_previewAgain = true;
        return;
    }
    m_status->setText(tr("Computing the preview…"));
    const quint64 generation = m_generation;
    ResetOffsetsRequest request = r.value();
    request.execute = false;
    m_previewRequest = session()->submit<ResetPlan>(
        [request](ClusterOperations &ops) { return ops.planReset(request); }, this,
        [this, generation](const Result<ResetPlan> &result) {
            m_previewRequest = 0;
            const bool again = std::exchange(m_previewAgain, false);
            if (generation == m_generation) // else the fields changed since: a newer preview follows
                showPlan(result);
            if (again)
                preview();
        });
}

void ResetOffsetsDialog::showPlan(const Result<ResetPlan> &result)
{
    if (!result) {
        m_planValid = false;
        m_model->clear();
        m_planMessage->showMessage(TopicDialogMessage::Kind::Error, result.error().message, result.error().detail);
        m_status->setText(tr("No preview."));
        updateExecute();
        return;
    }
    m_plan = result.value();
    m_planValid = true;
    m_model->setPartitions(m_plan.partitions);
    const int total = static_cast<int>(m_plan.partitions.size());
    const int changed = m_model->changedCount();
    if (total == 0)
        m_status->setText(tr("The topic has no partition to reset."));
    else
        m_status->setText(tr("Preview (nothing written yet): %1 of %2 %3 change.")
                              .arg(changed)
                              .arg(total)
                              .arg(total == 1 ? tr("partition") : tr("partitions")));
    if (!m_plan.refusal.isEmpty())
        m_planMessage->showMessage(
            TopicDialogMessage::Kind::Warning, m_plan.refusal,
            tr("Kafka resets offsets only while no consumer is in the group (state %1 now). Stop the group's "
               "consumers, wait until they have left, then preview again.")
                .arg(m_plan.groupState.isEmpty() ? tr("unknown") : m_plan.groupState));
    else
        m_planMessage->clear();
    updateExecute();
}

void ResetOffsetsDialog::updateExecute()
{
    const bool ready = m_planValid && m_plan.refusal.isEmpty() && !m_plan.partitions.isEmpty();
    setSubmittable(ready);
    QString tip;
    if (isReadOnly())
        tip = readOnlyReason();
    else if (m_planValid && !m_plan.refusal.isEmpty())
        tip = m_plan.refusal;
    else if (!m_planValid)
        tip = tr("Wait for the preview of the fields as they are");
    else if (m_plan.partitions.isEmpty())
        tip = tr("There is no partition to reset");
    else
        tip = tr("Commit the previewed offsets (asks first)");
    actionButton()->setToolTip(tip);
}

QString ResetOffsetsDialog::confirmationText() const
{
    const int total = static_cast<int>(m_plan.partitions.size());
    const int changed = m_model->changedCount();
    QString text = tr("Reset the committed offsets of group \"%1\" on topic \"%2\" %3?")
                       .arg(m_group, m_plan.request.topic, strategyName(m_plan.request));
    text += QLatin1String("\n\n");
    text += tr("%1 of %2 %3 change:").arg(changed).arg(total).arg(total == 1 ? tr("partition") : tr("partitions"));
    int listed = 0;
    for (const PartitionReset &p : m_plan.partitions) {
        if (!ResetOffsetsPreviewModel::changes(p))
            continue;
        if (++listed > 8) {
            text += QLatin1Char('\n') + tr("  … and %1 more").arg(changed - 8);
            break;
        }
        text += QLatin1Char('\n') + tr("  partition %1: %2 → %3")
                                        .arg(p.partition)
                                        .arg(p.current ? QString::number(*p.current) : tr("no commit"))
                                        .arg(p.newOffset);
    }
    text += QLatin1String("\n\n") + tr("The group's consumers start from the new offsets when they next join.");
    return text;
}

void ResetOffsetsDialog::submit()
{
    if (!m_planValid || !m_plan.refusal.isEmpty() || m_confirmation)
        return;
    ResetOffsetsRequest executing = m_plan.request;
    executing.execute = true;
    setCommand(commands::resetOffsets(commandTarget(), executing));
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Reset Offsets — %1").arg(m_group), confirmationText(),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("resetConfirmation"));
    QPushButton *reset = box->addButton(tr("Reset Offsets"), QMessageBox::AcceptRole);
    reset->setObjectName(QStringLiteral("confirmReset"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, reset] {
        if (box->clickedButton() == reset)
            execute();
        else if (const Result<ResetOffsetsRequest> r = currentRequest())
            setCommand(commands::resetOffsets(commandTarget(), r.value())); // back to the dry run
    });
    m_confirmation = box;
    box->open();
}

void ResetOffsetsDialog::execute()
{
    ResetPlan plan = m_plan;
    plan.request.execute = true;
    const int changed = m_model->changedCount();
    runRequest<Done>(
        tr("Resetting the offsets of %1…").arg(m_group), [plan](ClusterOperations &ops) { return ops.executeReset(plan); },
        [this, plan, changed](const Done &) {
            const QString text = tr("Reset the offsets of group \"%1\" on topic \"%2\" %3 (%4 %5 changed).")
                                     .arg(m_group, plan.request.topic, strategyName(plan.request))
                                     .arg(changed)
                                     .arg(changed == 1 ? tr("partition") : tr("partitions"));
            resultMessage()->showMessage(TopicDialogMessage::Kind::Success, text);
            if (messageLog())
                messageLog()->info(text);
            Q_EMIT resetExecuted(plan);
            // The preview again, from the offsets just committed (the command stays --execute).
            ++m_generation;
            m_planValid = false;
            updateExecute();
            preview();
        });
}

} // namespace kafdesk
