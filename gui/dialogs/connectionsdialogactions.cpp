// ConnectionsDialog, continued: Test connection, Connect (with the secrets it needs) and the
// client.properties import. The layout and the list are in connectionsdialog.cpp.

#include "dialogs/connectionsdialog.h"
#include "dialogs/profileeditor.h"
#include "local/localcluster.h"
#include "models/profilelistmodel.h"
#include "profiles/clientpropertiesimport.h"
#include "profiles/profilestore.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFrame>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QTextBrowser>

namespace kafdesk {

namespace {

QString trd(const char *text)
{
    return QCoreApplication::translate("kafdesk::ConnectionsDialog", text);
}

QString quoted(const QString &text)
{
    return QStringLiteral("\u201c") + text + QStringLiteral("\u201d");
}

QString counted(qsizetype n, const char *one, const char *many)
{
    return (n == 1 ? trd(one) : trd(many)).arg(n);
}

// What a Test connection found, as a value that crosses back from the pool thread.
struct TestOutcome {
    bool ok = false;
    QString message;
    QString detail;
};

// Runs on a pool thread: connects as the window would (ClusterOperations) and fetches metadata.
TestOutcome runConnectionTest(ConnectionSettings settings, bool local, const QString &localName, int timeoutMs)
{
    QString clusterId;
    if (local) {
        const LocalCluster cluster(localName);
        if (!cluster.exists())
            return {
                false,
                trd("The local cluster %1 does not exist yet: Connect creates and starts it.").arg(quoted(localName)),
                {}};
        const Result<ClusterState> state = cluster.state();
        if (!state)
            return {false, state.error().message, state.error().detail};
        settings = ConnectionSettings::forBootstrap(state->bootstrapServers(), localName);
        // A secured cluster is tested as the window connects to it: as its admin, over SASL_SSL.
        const auto config = cluster.clientConfig();
        if (!config)
            return {false, config.error().message, config.error().detail};
        settings.clientConfig = config.value();
        clusterId = state->clusterId;
    }
    const auto ops = ClusterOperations::connect(settings);
    if (!ops)
        return {false, ops.error().message, ops.error().detail};
    const Result<MetadataSnapshot> md = ops.value()->metadata().fetch(timeoutMs);
    if (!md) {
        if (local)
            return {false,
                    trd("The local cluster %1 does not answer: Connect starts it if it is not running.")
                        .arg(quoted(localName)),
                    md.error().fullText()};
        return {false, md.error().message, md.error().detail};
    }
    QString text = trd("Connected: %1, %2")
                       .arg(counted(md->brokers.size(), "%1 broker", "%1 brokers"),
                            counted(md->topics.size(), "%1 topic", "%1 topics"));
    if (!clusterId.isEmpty())
        text += QLatin1Char(' ') + trd("(cluster id %1)").arg(clusterId);
    QStringList addresses;
    for (const BrokerInfo &b : md->brokers)
        addresses << QStringLiteral("%1 at %2").arg(b.id).arg(b.address());
    return {true, text + QLatin1Char('.'), trd("Brokers: %1").arg(addresses.join(QStringLiteral(", ")))};
}

QString secretLabel(const QString &field)
{
    if (field == QLatin1String("password"))
        return trd("SASL password:");
    if (field == QLatin1String("keyPassword"))
        return trd("Key password:");
    if (field == QLatin1String("pkcs12Password"))
        return trd("Keystore password:");
    return field.section(QLatin1Char('/'), 1) + QLatin1Char(':');
}

QString html(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

void ConnectionsDialog::setBusy(bool busy)
{
    m_busy->setVisible(busy);
    m_cancelButton->setVisible(busy);
    updateButtons();
}

void ConnectionsDialog::showTestResult(bool ok, const QString &message, const QString &detail)
{
    ProfileEditor::showMessage(m_testStatus,
                               ok ? ProfileEditor::MessageKind::Success : ProfileEditor::MessageKind::Error, message);
    m_testDetail->setText(detail);
    m_testDetail->setVisible(!message.isEmpty() && !detail.isEmpty());
}

void ConnectionsDialog::testConnection()
{
    run(Action::Test);
}

void ConnectionsDialog::connectSelected()
{
    run(Action::Connect);
}

void ConnectionsDialog::cancelTest()
{
    const bool wasTesting = isTesting();
    m_testGeneration = 0; // the pool thread runs to its timeout; its result is dropped
    m_pendingAction = false;
    setBusy(false);
    ProfileEditor::showMessage(m_testStatus, ProfileEditor::MessageKind::Info,
                               wasTesting ? tr("Test cancelled.") : tr("Cancelled."));
    m_testDetail->hide();
}

void ConnectionsDialog::run(Action action)
{
    if (isTesting() && action == Action::Test)
        return;
    if (localSelected()) {
        if (action == Action::Test) {
            startTest({}, true);
            return;
        }
        ConnectionRequest request;
        request.local = true;
        request.localClusterName = m_localClusterName;
        Q_EMIT connectRequested(request);
        accept();
        return;
    }
    if (const QStringList problems = m_editor->problems(); !problems.isEmpty()) {
        showTestResult(false, tr("Fix the profile first: %1").arg(problems.first()), {});
        return;
    }
    if (m_editor->secretsState() == ProfileEditor::SecretsState::Loading) {
        // The keychain answers on the event loop; the action goes on when it has.
        m_pendingAction = true;
        m_pending = action;
        setBusy(true);
        ProfileEditor::showMessage(m_testStatus, ProfileEditor::MessageKind::Info,
                                   tr("Reading the secrets from the keychain\u2026"));
        m_testDetail->hide();
        return;
    }
    ConnectionProfile p = m_editor->profile();
    if (m_secretProfile == p.name)
        for (auto it = m_secretEdits.cbegin(); it != m_secretEdits.cend(); ++it)
            if (!it.value()->text().isEmpty())
                p.setSecret(it.key(), it.value()->text());
    if (const QStringList missing = missingSecrets(p); !missing.isEmpty()) {
        showSecretPrompt(missing, action);
        return;
    }
    ConnectionSettings settings;
    settings.name = p.name;
    settings.clientConfig = p.librdkafkaConfig();
    settings.readOnly = p.readOnly;
    if (action == Action::Test) {
        startTest(settings, false);
        return;
    }
    // What the window connects to is what the list shows: unsaved edits are saved first (the
    // secrets typed for this connection only are not).
    if (m_editor->hasUnsavedChanges() && !m_editor->save())
        return;
    ConnectionRequest request;
    request.settings = settings;
    request.colour = p.labelColour.isEmpty() ? QColor() : QColor::fromString(p.labelColour);
    Q_EMIT connectRequested(request);
    accept();
}

QStringList ConnectionsDialog::missingSecrets(const ConnectionProfile &p) const
{
    QStringList fields;
    if (usesSasl(p.securityProtocol) && p.password.isEmpty())
        fields << QStringLiteral("password");
    if (m_editor->isNew() || !m_store)
        return fields;
    // What the profile keeps in the keychain but the editor could not read from it.
    const QMap<QString, QString> have = p.secrets();
    for (const QString &field : m_store->secretFields(m_editor->savedName())) {
        if (have.contains(field) || fields.contains(field))
            continue;
        if (field == QLatin1String("keyPassword") && (!usesTls(p.securityProtocol) || p.clientKeyFile.isEmpty()))
            continue;
        if (field == QLatin1String("pkcs12Password") && (!usesTls(p.securityProtocol) || p.pkcs12File.isEmpty()))
            continue;
        if (field == QLatin1String("password") && !usesSasl(p.securityProtocol))
            continue;
        fields << field;
    }
    return fields;
}

void ConnectionsDialog::showSecretPrompt(const QStringList &fields, Action action)
{
    const QString profileName = m_editor->profile().name;
    QStringList wanted = fields;
    wanted.sort();
    if (m_secretProfile != profileName || m_secretEdits.keys() != wanted) {
        clearSecretPrompt();
        m_secretProfile = profileName;
        for (const QString &field : fields) {
            auto *edit = new QLineEdit(m_secretPanel);
            edit->setObjectName(QStringLiteral("secret-") + field);
            edit->setEchoMode(QLineEdit::Password);
            edit->setPlaceholderText(tr("for this connection only, not stored"));
            connect(edit, &QLineEdit::returnPressed, this, [this] { run(m_secretAction); });
            m_secretForm->addRow(secretLabel(field), edit);
            m_secretEdits.insert(field, edit);
        }
    }
    m_secretAction = action;
    QString why;
    if (m_editor->secretsState() == ProfileEditor::SecretsState::Failed)
        why = m_editor->secretsProblem();
    else if (m_store && m_store->keychainState() == ProfileStore::KeychainState::Unavailable)
        why = m_store->keychainProblem();
    else
        why = tr("The profile %1 has no saved password.").arg(quoted(profileName));
    ProfileEditor::showMessage(m_secretReason, ProfileEditor::MessageKind::Warning,
                               why + QLatin1Char('\n') +
                                   tr("Type it below for this connection only: it is not stored. Then press %1 "
                                      "again.")
                                       .arg(action == Action::Test ? tr("Test connection") : tr("Connect")));
    m_secretPanel->show();
    for (const QString &field : fields) {
        if (m_secretEdits.value(field)->text().isEmpty()) {
            m_secretEdits.value(field)->setFocus();
            break;
        }
    }
}

void ConnectionsDialog::clearSecretPrompt()
{
    while (m_secretForm->rowCount() > 0)
        m_secretForm->removeRow(0);
    m_secretEdits.clear();
    m_secretProfile.clear();
    m_secretPanel->hide();
}

void ConnectionsDialog::startTest(const ConnectionSettings &settings, bool local)
{
    const quint64 generation = ++m_lastGeneration;
    m_testGeneration = generation;
    setBusy(true);
    ProfileEditor::showMessage(
        m_testStatus, ProfileEditor::MessageKind::Info,
        local ? tr("Connecting to the local cluster %1\u2026").arg(quoted(m_localClusterName))
              : tr("Connecting to %1\u2026").arg(settings.clientConfig.value(QStringLiteral("bootstrap.servers"))));
    m_testDetail->hide();
    auto *watcher = new QFutureWatcher<TestOutcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_testGeneration)
            return; // cancelled, or another test started since
        m_testGeneration = 0;
        setBusy(false);
        const TestOutcome outcome = watcher->result();
        showTestResult(outcome.ok, outcome.message, outcome.detail);
        Q_EMIT testFinished(outcome.ok, outcome.message);
    });
    watcher->setFuture(QtConcurrent::run(runConnectionTest, settings, local, m_localClusterName, m_testTimeoutMs));
}

void ConnectionsDialog::importClientProperties()
{
    auto *dialog = new QFileDialog(this, tr("Import client.properties"), QString(),
                                   tr("Java client properties (*.properties *.conf *.cfg);;All files (*)"));
    dialog->setObjectName(QStringLiteral("importFileDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &ConnectionsDialog::importFile);
    dialog->open();
}

void ConnectionsDialog::importFile(const QString &path)
{
    Result<ClientPropertiesImport> read = ClientPropertiesImport::fromFile(path);
    if (!read) {
        m_importReport->setHtml(
            QStringLiteral("<p>%1</p><p>%2</p>").arg(html(read.error().message), html(read.error().detail)));
        m_importPanel->show();
        return;
    }
    ClientPropertiesImport import = std::move(read).value();
    if (import.needsConfirmation().isEmpty()) {
        finishImport(std::move(import), false);
        return;
    }
    // A decision, so a modal question: these properties run commands, load code or turn off checks.
    QStringList lines;
    for (const DangerousProperty &d : import.needsConfirmation())
        lines << QStringLiteral("\u2022 %1 = %2\n   %3").arg(d.key, d.value, d.reason);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Dangerous settings"),
                                tr("The file %1 sets properties that can harm this computer or expose your "
                                   "credentials. Take them into the profile?")
                                    .arg(quoted(QFileInfo(path).fileName())),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("dangerousBox"));
    box->setInformativeText(lines.join(QLatin1Char('\n')));
    QPushButton *take = box->addButton(tr("Take them too"), QMessageBox::DestructiveRole);
    take->setObjectName(QStringLiteral("takeDangerous"));
    QPushButton *leave = box->addButton(tr("Leave them out"), QMessageBox::RejectRole);
    leave->setObjectName(QStringLiteral("leaveDangerous"));
    box->setDefaultButton(leave);
    box->setEscapeButton(leave);
    box->setWindowModality(Qt::WindowModal);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this,
            [this, box, take, import] { finishImport(import, box->clickedButton() == take); });
    box->open();
}

void ConnectionsDialog::finishImport(ClientPropertiesImport import, bool takeDangerous)
{
    if (takeDangerous) {
        QStringList keys;
        for (const DangerousProperty &d : import.needsConfirmation())
            keys << d.key;
        if (const Status s = import.acceptDangerous(keys); !s)
            showTestResult(false, s.error().message, s.error().detail);
    }
    showImportReport(import, takeDangerous);
    ConnectionProfile p = import.profile();
    p.name = unusedName(p.name);
    setCurrentRow(-1);
    clearSecretPrompt();
    showTestResult(true, {}, {});
    m_editor->editNew(p, true);
    m_pages->setCurrentWidget(m_editor);
    updateButtons();
}

void ConnectionsDialog::showImportReport(const ClientPropertiesImport &import, bool tookDangerous)
{
    QString out = tr("<p>%1 taken into the new profile %2: check it and press <b>Save</b>.</p>")
                      .arg(counted(import.mapped().size(), "%1 property", "%1 properties"),
                           html(quoted(unusedName(import.profile().name))));
    if (!import.unmapped().isEmpty()) {
        out += tr("<p><b>Not imported</b> (%1):</p><ul>").arg(import.unmapped().size());
        for (const UnmappedProperty &u : import.unmapped())
            out += QStringLiteral("<li><code>%1</code>: %2</li>").arg(html(u.key), html(u.reason));
        out += QStringLiteral("</ul>");
    }
    if (!import.needsConfirmation().isEmpty()) {
        out += tr("<p><b>Left out</b> (dangerous, not confirmed):</p><ul>");
        for (const DangerousProperty &d : import.needsConfirmation())
            out += QStringLiteral("<li><code>%1</code>: %2</li>").arg(html(d.key), html(d.reason));
        out += QStringLiteral("</ul>");
    } else if (tookDangerous) {
        out += tr("<p>The dangerous properties were taken, as you confirmed.</p>");
    }
    if (!import.conversionCommands().isEmpty())
        out += tr("<p><b>To convert the Java keystores</b> into files librdkafka reads, run:</p>"
                  "<p style=\"font-family: monospace; white-space: pre-wrap;\">%1</p>")
                   .arg(import.conversionCommands().join(QLatin1Char('\n')).toHtmlEscaped());
    if (!import.notes().isEmpty()) {
        out += QStringLiteral("<ul>");
        for (const QString &note : import.notes())
            out += QStringLiteral("<li>%1</li>").arg(html(note));
        out += QStringLiteral("</ul>");
    }
    m_importReport->setHtml(out);
    m_importPanel->show();
}

} // namespace kafdesk
