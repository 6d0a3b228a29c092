#include "dialogs/topicdialog.h"

#include "dialogs/topicdialogmessage.h"
#include "widgets/commandlinepreview.h"
#include "widgets/messagelog.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace kafdesk {

namespace {

// Client properties the Kafka tools need in a --command-config file to connect like the session.
bool needsCommandConfig(const QMap<QString, QString> &clientConfig)
{
    for (auto it = clientConfig.cbegin(); it != clientConfig.cend(); ++it) {
        if (it.key() == QLatin1String("security.protocol") &&
            it.value().compare(QLatin1String("plaintext"), Qt::CaseInsensitive) != 0)
            return true;
        if (it.key().startsWith(QLatin1String("sasl.")) || it.key().startsWith(QLatin1String("ssl.")))
            return true;
    }
    return false;
}

} // namespace

TopicDialog::TopicDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &actionText)
    : QDialog(parent)
    , m_session(session)
    , m_log(log)
    , m_readOnlyNotice(new TopicDialogMessage(this))
    , m_content(new QWidget(this))
    , m_contentLayout(new QVBoxLayout(m_content))
    , m_command(new CommandLinePreview(this))
    , m_result(new TopicDialogMessage(this))
    , m_busy(new QProgressBar(this))
    , m_busyText(new QLabel(this))
    , m_buttons(new QDialogButtonBox(this))
{
    setModal(false);
    setSizeGripEnabled(true);
    m_readOnlyNotice->setObjectName(QStringLiteral("readOnlyNotice"));
    m_result->setObjectName(QStringLiteral("resultMessage"));
    m_command->setObjectName(QStringLiteral("commandLine"));
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busyText->setObjectName(QStringLiteral("busyText"));
    m_contentLayout->setContentsMargins(0, 0, 0, 0);

    m_action = m_buttons->addButton(actionText, QDialogButtonBox::AcceptRole);
    m_action->setObjectName(QStringLiteral("actionButton"));
    m_action->setDefault(true); // Enter submits, when the action is enabled
    m_close = m_buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("closeButton"));
    m_close->setAutoDefault(false);
    m_closeText = m_close->text(); // the platform's own wording
    connect(m_action, &QPushButton::clicked, this, &TopicDialog::onActionClicked);
    connect(m_close, &QPushButton::clicked, this, &TopicDialog::reject);

    m_busy->setRange(0, 0); // indeterminate: Kafka gives no progress for these requests
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(120);
    m_busy->setVisible(false);
    m_busyText->setVisible(false);

    auto *commandLabel = new QLabel(tr("Equivalent command:"), this);
    commandLabel->setBuddy(m_command);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_busy);
    bottom->addWidget(m_busyText);
    bottom->addStretch(1);
    bottom->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_readOnlyNotice);
    layout->addWidget(m_content, 1);
    layout->addSpacing(4);
    layout->addWidget(commandLabel);
    layout->addWidget(m_command);
    layout->addWidget(m_result);
    layout->addLayout(bottom);

    if (!m_session) {
        m_result->showMessage(TopicDialogMessage::Kind::Error, tr("Not connected to a cluster."),
                              tr("Connect to a cluster, then open this dialog again."));
    } else {
        connect(m_session, &ClusterSession::snapshotReady, this,
                [this](const ClusterSnapshotPtr &snapshot) { showSnapshot(snapshot); });
        // The window closed the connection: nothing will answer a request that is still out.
        connect(m_session, &QObject::destroyed, this, [this] {
            if (m_running) {
                setIdle();
                showResult(Error{tr("The connection was closed before the cluster answered."),
                                 tr("The change may or may not have been made; connect again to check.")});
            }
            updateAction();
        });
        setWindowTitle(m_session->settings().name);
    }
    if (isReadOnly()) {
        m_readOnlyNotice->showMessage(TopicDialogMessage::Kind::Info, readOnlyReason());
        m_action->setToolTip(readOnlyReason());
    }
    updateAction();
}

TopicDialog::~TopicDialog() = default;

void TopicDialog::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        for (QWidget *w = QApplication::focusWidget(); w && w != this; w = w->parentWidget()) {
            if (qobject_cast<QAbstractItemView *>(w)) {
                event->accept();
                return;
            }
        }
    }
    QDialog::keyPressEvent(event);
}

bool TopicDialog::event(QEvent *event)
{
    const bool handled = QDialog::event(event);
    if (event->type() == QEvent::LayoutRequest) {
        // The layout has just set the new minimum (it handles the request before the widget).
        const int minimum = minimumHeight();
        if (minimum < m_minimumHeight && height() == m_minimumHeight)
            resize(width(), minimum);
        m_minimumHeight = minimum;
    }
    return handled;
}

bool TopicDialog::isReadOnly() const
{
    return m_session && m_session->settings().readOnly;
}

QString TopicDialog::readOnlyReason() const
{
    if (!isReadOnly())
        return {};
    return tr("The connection \"%1\" is read-only: changes are disabled. Clear \"Read-only\" in its settings to "
              "make changes.")
        .arg(m_session->settings().name);
}

commands::Target TopicDialog::commandTarget() const
{
    if (!m_session)
        return commands::Target(QStringLiteral("localhost:9092"));
    const QMap<QString, QString> &config = m_session->settings().clientConfig;
    return commands::Target(config.value(QStringLiteral("bootstrap.servers")),
                            needsCommandConfig(config) ? QStringLiteral("client.properties") : QString());
}

void TopicDialog::setCommand(const commands::KafkaCommand &command)
{
    m_command->setCommand(command.script());
}

void TopicDialog::setCommandPlaceholder(const QString &text)
{
    m_command->setPlaceholder(text);
}

void TopicDialog::setSubmittable(bool submittable)
{
    m_submittable = submittable;
    updateAction();
}

ClusterSnapshotPtr TopicDialog::latestSnapshot() const
{
    return m_session ? m_session->latestSnapshot() : ClusterSnapshotPtr();
}

void TopicDialog::reject()
{
    if (!m_running) {
        QDialog::reject();
        return;
    }
    if (m_session && !m_cancelRequested) {
        m_cancelRequested = true;
        m_busyText->setText(tr("Cancelling…"));
        m_close->setEnabled(false);
        m_session->cancel(m_requestId);
    }
}

void TopicDialog::showResult(const Error &error)
{
    m_result->showMessage(TopicDialogMessage::Kind::Error, error.message, error.detail);
}

void TopicDialog::clearResult()
{
    m_result->clear();
}

void TopicDialog::finishWithSuccess(const QString &logText)
{
    if (m_log)
        m_log->info(logText);
    accept();
}

void TopicDialog::setBusy(const QString &text)
{
    m_running = true;
    m_cancelRequested = false;
    m_content->setEnabled(false);
    m_busy->setVisible(true);
    m_busyText->setText(text);
    m_busyText->setVisible(true);
    m_close->setText(tr("Cancel"));
    m_close->setToolTip(tr("Stop waiting for the cluster"));
    m_close->setEnabled(true);
    updateAction();
}

void TopicDialog::setIdle()
{
    m_running = false;
    m_requestId = 0;
    m_content->setEnabled(true);
    m_busy->setVisible(false);
    m_busyText->setVisible(false);
    m_close->setText(m_closeText);
    m_close->setToolTip({});
    m_close->setEnabled(true);
    updateAction();
}

void TopicDialog::updateAction()
{
    m_action->setEnabled(m_session && m_submittable && !m_running && !isReadOnly());
}

void TopicDialog::onActionClicked()
{
    if (m_action->isEnabled())
        submit();
}

void TopicDialog::onRequestFinished(const Error *error)
{
    const bool cancelled = m_cancelRequested;
    setIdle();
    if (!error)
        return;
    if (cancelled && error->message == cancelledError().message) {
        showResult(Error{error->message, tr("If the request had reached the cluster already, the change may have been "
                                            "made anyway: the next refresh shows it.")});
        return;
    }
    showResult(*error);
}

} // namespace kafdesk
