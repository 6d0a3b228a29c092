#include "views/producepage.h"

#include "cluster/clustersession.h"
#include "messages/producecommand.h"
#include "messages/producepayload.h"
#include "models/deliverytablemodel.h"
#include "views/datatableview.h"
#include "views/produceform.h"
#include "widgets/commandlinepreview.h"
#include "widgets/messagelog.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

QString messages(int n)
{
    return n == 1 ? ProducePage::tr("1 message") : ProducePage::tr("%1 messages").arg(n);
}

} // namespace

ProducePage::ProducePage(QWidget *parent)
    : ClusterPage(parent)
    , m_deliveries(new DeliveryTableModel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);

    auto *top = new QWidget(splitter);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_form = new ProduceForm(top);
    auto *commandBox = new QGroupBox(tr("Command line"), m_form);
    auto *commandLayout = new QVBoxLayout(commandBox);
    m_command = new CommandLinePreview(commandBox);
    m_command->setPlaceholder(tr("Connect to a cluster to see the equivalent kcat command."));
    m_command->setVisibleLines(9);
    commandLayout->addWidget(m_command);
    m_form->sideColumn()->addWidget(commandBox);
    m_form->sideColumn()->addStretch(1);
    topLayout->addWidget(m_form, 1);
    topLayout->addWidget(buildSendBar());
    splitter->addWidget(top);
    splitter->addWidget(buildDeliveries());
    // The inputs keep their height; the deliveries get what is left.
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter);

    connect(m_form, &ProduceForm::changed, this, &ProducePage::updateState);
    connect(m_command, &CommandLinePreview::copied, this, [this] {
        if (messageLog())
            messageLog()->info(tr("Command copied to the clipboard."));
    });
    updateState();
}

ProducePage::~ProducePage() = default;

QWidget *ProducePage::buildSendBar()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 4, 0, 4);
    m_send = new QPushButton(tr("&Send"), bar);
    m_send->setDefault(true);
    m_send->setMinimumWidth(m_send->sizeHint().width() + 24);
    connect(m_send, &QPushButton::clicked, this, [this] { send(); });
    m_reason = new QLabel(bar);
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_reason->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_progress = new QProgressBar(bar);
    m_progress->setFormat(tr("%v of %m"));
    m_progress->setMinimumWidth(220);
    m_progress->hide();
    m_cancel = new QPushButton(tr("Cancel"), bar);
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &ProducePage::cancel);
    row->addWidget(m_send);
    row->addWidget(m_reason, 1);
    row->addWidget(m_progress);
    row->addWidget(m_cancel);
    return bar;
}

QWidget *ProducePage::buildDeliveries()
{
    auto *box = new QGroupBox(tr("Deliveries"), this);
    auto *layout = new QVBoxLayout(box);
    auto *head = new QHBoxLayout;
    m_summary = new QLabel(tr("Nothing sent yet. A message counts as sent once the broker acknowledges it."), box);
    m_summary->setWordWrap(true);
    m_clear = new QPushButton(tr("C&lear"), box);
    m_clear->setEnabled(false);
    connect(m_clear, &QPushButton::clicked, this, [this] {
        m_deliveries->clear();
        m_clear->setEnabled(false);
    });
    head->addWidget(m_summary, 1);
    head->addWidget(m_clear);
    layout->addLayout(head);
    m_table = new QTableView(box);
    setUpDataTable(m_table, QAbstractItemView::ExtendedSelection);
    m_table->setModel(m_deliveries);
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    header->resizeSection(DeliveryTableModel::CopyColumn, digit * 8);
    header->resizeSection(DeliveryTableModel::KeyColumn, digit * 22);
    header->resizeSection(DeliveryTableModel::PartitionColumn, digit * 10);
    header->resizeSection(DeliveryTableModel::OffsetColumn, digit * 14);
    header->resizeSection(DeliveryTableModel::TimestampColumn, digit * 25);
    layout->addWidget(m_table);
    return box;
}

void ProducePage::attach(ClusterSession *session, MessageLog *log)
{
    if (session != this->session()) {
        m_producer.reset(); // a send in progress is cancelled; the old producer closes on its thread
        m_progress->hide();
        m_cancel->hide();
        m_lastError.clear();
    }
    ClusterPage::attach(session, log);
    showSnapshot(session ? session->latestSnapshot() : nullptr);
}

void ProducePage::showSnapshot(const ClusterSnapshotPtr &snapshot)
{
    m_form->showSnapshot(snapshot);
    updateState();
}

void ProducePage::setTopic(const QString &topic)
{
    m_form->setTopic(topic);
}

QString ProducePage::topic() const
{
    return m_form->topic();
}

ProduceSession *ProducePage::producer()
{
    if (!m_producer && session()) {
        m_producer = std::make_unique<ProduceSession>(session()->settings());
        connect(m_producer.get(), &ProduceSession::delivered, this, &ProducePage::onDelivered);
        connect(m_producer.get(), &ProduceSession::progressChanged, this, &ProducePage::onProgress);
        connect(m_producer.get(), &ProduceSession::finished, this, &ProducePage::onFinished);
    }
    return m_producer.get();
}

bool ProducePage::isSending() const
{
    return m_producer && m_producer->isBusy();
}

QString ProducePage::sendBlockedReason() const
{
    if (!session())
        return tr("Not connected to a cluster.");
    if (isReadOnly())
        return readOnlyReason();
    if (isSending())
        return tr("Sending…");
    const Status s = produce::validate(m_form->request(), m_form->topicInfo());
    return s ? QString() : s.error().message;
}

QString ProducePage::lastError() const
{
    return m_lastError;
}

void ProducePage::updateState()
{
    const QString reason = sendBlockedReason();
    m_send->setEnabled(reason.isEmpty());
    m_send->setToolTip(reason.isEmpty() ? tr("Send %1").arg(messages(m_form->request().copies)) : reason);
    QString shown = reason;
    // The last failure stays beside Send until the user changes what is to be sent.
    if (reason.isEmpty() && !m_lastError.isEmpty() && m_form->request() == m_lastErrorRequest)
        shown = m_lastError;
    const bool problem = !shown.isEmpty() && !isSending();
    m_reason->setText(problem ? tr("✗ %1").arg(shown) : shown);
    QPalette pal = m_reason->palette();
    pal.setColor(QPalette::WindowText, problem ? QColor(0xd6, 0x45, 0x45) : palette().color(QPalette::WindowText));
    m_reason->setPalette(pal);

    if (session())
        m_command->setCommand(produce::kcatCommand(m_form->request(), session()->settings().clientConfig));
    else
        m_command->setCommand({});
}

bool ProducePage::send()
{
    m_lastError.clear();
    updateState();
    if (!m_send->isEnabled())
        return false;
    const ProduceRequest request = m_form->request();
    ProduceSession *p = producer();
    auto id = p->send(request);
    if (!id) {
        m_lastError = id.error().fullText();
        m_lastErrorRequest = request;
        if (messageLog())
            messageLog()->error(id.error());
        updateState();
        return false;
    }
    m_sendingTopic = request.topic;
    m_sendingRequest = request;
    m_firstFailure.reset();
    m_progress->setRange(0, request.copies);
    m_progress->setValue(0);
    m_progress->setVisible(request.copies > 1);
    m_cancel->setVisible(request.copies > 1);
    m_cancel->setEnabled(true);
    m_summary->setText(tr("Sending %1 to %2…").arg(messages(request.copies), request.topic));
    updateState();
    return true;
}

void ProducePage::cancel()
{
    if (m_producer)
        m_producer->cancel();
    m_cancel->setEnabled(false);
}

void ProducePage::onDelivered(quint64 sendId, const QList<DeliveryReport> &reports)
{
    Q_UNUSED(sendId)
    QScrollBar *bar = m_table->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum();
    m_deliveries->append(reports);
    m_clear->setEnabled(true);
    if (!m_firstFailure)
        for (const DeliveryReport &r : reports)
            if (!r.ok()) {
                m_firstFailure = r.error;
                break;
            }
    if (atBottom)
        m_table->scrollToBottom();
}

void ProducePage::onProgress(const ProduceProgress &progress)
{
    m_progress->setValue(progress.delivered + progress.failed);
    if (!progress.finished)
        m_summary->setText(tr("Sending to %1: %2 of %3 delivered, %4 failed.")
                               .arg(m_sendingTopic)
                               .arg(progress.delivered)
                               .arg(progress.total)
                               .arg(progress.failed));
}

void ProducePage::onFinished(const ProduceProgress &progress)
{
    m_progress->hide();
    m_cancel->hide();
    QString summary;
    if (progress.error) {
        m_lastError = progress.error->fullText();
        m_lastErrorRequest = m_sendingRequest;
        summary = tr("Nothing was sent to %1.").arg(m_sendingTopic);
        if (messageLog())
            messageLog()->error(*progress.error);
    } else {
        summary = tr("%1 of %2 delivered to %3").arg(progress.delivered).arg(messages(progress.total), m_sendingTopic);
        if (progress.failed > 0)
            summary += tr(", %1 failed").arg(progress.failed);
        if (progress.cancelled)
            summary += tr(" (cancelled: %1 not sent)").arg(progress.pending());
        summary += QLatin1Char('.');
        if (messageLog()) {
            if (progress.failed > 0 || progress.cancelled)
                messageLog()->warning(summary, m_firstFailure ? m_firstFailure->fullText() : QString());
            else
                messageLog()->info(summary);
        }
    }
    m_summary->setText(summary);
    updateState();
}

} // namespace kafdesk
