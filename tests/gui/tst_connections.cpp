// The connections dialog, its profile editor and the connection badge, offscreen, against the
// shared bundled cluster. Runs without a keychain (the plain ctest run: no session bus) and,
// through tests/support/run-with-keychain.sh with KAFDESK_EXPECT_KEYCHAIN=1, with one.

#include "dialogs/connectionsdialog.h"
#include "dialogs/profileeditor.h"
#include "models/profilelistmodel.h"
#include "profiles/profilestore.h"
#include "support/testsupport.h"
#include "widgets/connectionbadge.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

const QString secret = QStringLiteral("Pw4ConnectionsTest");

template <typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QLatin1String(name));
}

void type(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
}

void choose(QComboBox *combo, const QString &text)
{
    const int index = combo->findText(text);
    QVERIFY2(index >= 0, qPrintable(text));
    combo->setCurrentIndex(index);
}

// The longest the event loop went without running a 10 ms timer while `running` holds.
template <typename Condition>
qint64 worstGap(Condition running, int timeoutMs)
{
    QElapsedTimer total;
    total.start();
    QElapsedTimer sinceTick;
    sinceTick.start();
    qint64 worst = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] { worst = qMax(worst, sinceTick.restart()); });
    ticker.start();
    while (running() && total.elapsed() < timeoutMs)
        QTest::qWait(20);
    return qMax(worst, sinceTick.elapsed());
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    QFile f(dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(content);
    return f.fileName();
}

} // namespace

class TestConnections : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    bool m_expectKeychain = false;
    int m_files = 0;

    QString newSettingsFile() { return m_dir.filePath(QStringLiteral("settings-%1.conf").arg(++m_files)); }

    std::unique_ptr<ProfileStore> newStore(const QString &file)
    {
        auto store = std::make_unique<ProfileStore>(file);
        store->setKeychainTimeout(5000);
        return store;
    }

    // Saves a profile through the store and waits for the keychain's answer, whatever it is.
    void saveDirectly(ProfileStore &store, const ConnectionProfile &p)
    {
        QSignalSpy saved(&store, &ProfileStore::saved);
        QSignalSpy failed(&store, &ProfileStore::secretsFailed);
        QVERIFY(store.save(p).ok());
        QTRY_VERIFY_WITH_TIMEOUT(saved.size() + failed.size() == 1, 8000);
    }

    ConnectionProfile plain(const QString &name, const QString &bootstrap)
    {
        ConnectionProfile p;
        p.name = name;
        p.bootstrapServers = bootstrap;
        return p;
    }

    // Every file under the test's directory holding the secret (as UTF-8 or UTF-16).
    QStringList filesHoldingSecret() const
    {
        QStringList found;
        QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            if (bytes.contains(secret.toUtf8()) ||
                bytes.contains(QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)))
                found << f.fileName();
        }
        return found;
    }

    void waitForSecrets(ProfileEditor *editor)
    {
        QTRY_VERIFY_WITH_TIMEOUT(editor->secretsState() != ProfileEditor::SecretsState::Loading, 8000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_expectKeychain = qEnvironmentVariableIntValue("KAFDESK_EXPECT_KEYCHAIN") == 1;
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("config")));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
        if (!m_expectKeychain) {
            // No bus: the no-keychain path, and never the keychain of whoever runs this.
            qunsetenv("DBUS_SESSION_BUS_ADDRESS");
            qunsetenv("DISPLAY");
            qunsetenv("WAYLAND_DISPLAY");
        }
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QDir().mkpath(screenshotDir());
    }

    void editorSavesAProfileWithoutItsPasswordInTheSettings()
    {
        const QString file = newSettingsFile();
        auto store = newStore(file);
        const QString ca = writeFile(m_dir, QStringLiteral("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        QTest::mouseClick(child<QPushButton>(&dialog, "newButton"), Qt::LeftButton);
        ProfileEditor *editor = dialog.editor();
        QVERIFY(editor->isVisible());
        QVERIFY(!child<QGroupBox>(editor, "saslBox")->isEnabled()); // PLAINTEXT: no SASL, no TLS
        QVERIFY(!child<QGroupBox>(editor, "tlsBox")->isEnabled());

        type(child<QLineEdit>(editor, "name"), QStringLiteral("Prod eu"));
        type(child<QLineEdit>(editor, "bootstrapServers"), QStringLiteral("b1.example.com:9093, b2.example.com:9093"));
        choose(child<QComboBox>(editor, "securityProtocol"), QStringLiteral("SASL_SSL"));
        QVERIFY(child<QGroupBox>(editor, "saslBox")->isEnabled());
        QVERIFY(child<QGroupBox>(editor, "tlsBox")->isEnabled());
        // Required per protocol: SASL_SSL needs a mechanism and a user, shown inline; Save waits.
        QLabel *saslMessage = child<QLabel>(editor, "saslMessage");
        QVERIFY2(saslMessage->text().contains(QStringLiteral("needs a SASL mechanism")),
                 qPrintable(saslMessage->text()));
        QVERIFY(!child<QPushButton>(editor, "saveButton")->isEnabled());
        choose(child<QComboBox>(editor, "saslMechanism"), QStringLiteral("SCRAM-SHA-512"));
        type(child<QLineEdit>(editor, "userName"), QStringLiteral("alice"));
        type(child<QLineEdit>(editor, "password"), secret);
        type(child<QLineEdit>(editor, "caFile"), ca);
        QTest::mouseClick(child<QCheckBox>(editor, "readOnly"), Qt::LeftButton);
        editor->setLabelColour(QColor(0x1f, 0x77, 0xb4));
        QTest::mouseClick(child<QPushButton>(editor, "addProperty"), Qt::LeftButton);
        auto *extras = child<QTableWidget>(editor, "extraProperties");
        QCOMPARE(extras->rowCount(), 1);
        type(qobject_cast<QLineEdit *>(extras->cellWidget(0, 0)), QStringLiteral("client.id"));
        type(qobject_cast<QLineEdit *>(extras->cellWidget(0, 1)), QStringLiteral("kafdesk-test"));
        QVERIFY2(editor->problems().isEmpty(), qPrintable(editor->problems().join(QLatin1Char('\n'))));
        QVERIFY(child<QPushButton>(editor, "saveButton")->isEnabled());

        QSignalSpy saved(store.get(), &ProfileStore::saved);
        QSignalSpy failed(store.get(), &ProfileStore::secretsFailed);
        QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(saved.size() + failed.size() == 1, 8000);
        QLabel *status = child<QLabel>(editor, "saveStatus");
        if (m_expectKeychain) {
            QCOMPARE(saved.size(), 1);
            QVERIFY2(status->text().contains(QStringLiteral("secrets are in the keychain")),
                     qPrintable(status->text()));
        } else {
            QCOMPARE(failed.size(), 1);
            QVERIFY2(status->text().contains(QStringLiteral("No keychain is reachable")), qPrintable(status->text()));
        }
        // The list has it, selected, and the editor no longer counts it as new.
        const QModelIndex row = dialog.model()->indexOf(QStringLiteral("Prod eu"));
        QVERIFY(row.isValid());
        QCOMPARE(child<QListView>(&dialog, "profileList")->currentIndex(), row);
        QVERIFY(!editor->isNew());
        QVERIFY(!editor->hasUnsavedChanges());

        // Another store, as the next start of Kafdesk, reads it back.
        ProfileStore reread(file);
        const Result<ConnectionProfile> back = reread.load(QStringLiteral("Prod eu"));
        QVERIFY(back.ok());
        QCOMPARE(back->bootstrapServers, QStringLiteral("b1.example.com:9093, b2.example.com:9093"));
        QCOMPARE(back->securityProtocol, SecurityProtocol::SaslSsl);
        QCOMPARE(back->saslMechanism, SaslMechanism::ScramSha512);
        QCOMPARE(back->userName, QStringLiteral("alice"));
        QCOMPARE(back->caFile, ca);
        QVERIFY(back->readOnly);
        QCOMPARE(back->labelColour, QStringLiteral("#1f77b4"));
        QCOMPARE(back->extraProperties.value(QStringLiteral("client.id")), QStringLiteral("kafdesk-test"));
        QVERIFY(back->password.isEmpty());
        QCOMPARE(reread.secretFields(QStringLiteral("Prod eu")), QStringList{QStringLiteral("password")});

        QFile conf(file);
        QVERIFY(conf.open(QIODevice::ReadOnly));
        const QByteArray bytes = conf.readAll();
        QVERIFY(bytes.contains("alice"));
        QVERIFY(!bytes.contains(secret.toUtf8()));
        QVERIFY2(filesHoldingSecret().isEmpty(), qPrintable(filesHoldingSecret().join(QLatin1Char(' '))));

        // Editing it: a rename moves it (the old name goes), and the edit persists.
        type(child<QLineEdit>(editor, "name"), QStringLiteral("Prod eu-west"));
        QVERIFY(editor->hasUnsavedChanges());
        QTest::mouseClick(child<QPushButton>(editor, "saveButton"), Qt::LeftButton);
        QTRY_VERIFY(!store->contains(QStringLiteral("Prod eu")));
        QVERIFY(store->contains(QStringLiteral("Prod eu-west")));
        QCOMPARE(dialog.model()->rowCount(), 2);
        QCOMPARE(child<QListView>(&dialog, "profileList")->currentIndex().data().toString(),
                 QStringLiteral("Prod eu-west"));
        QTRY_VERIFY_WITH_TIMEOUT(!child<QLabel>(editor, "saveStatus")->text().contains(QStringLiteral("storing")),
                                 8000);
        QVERIFY(filesHoldingSecret().isEmpty());
    }

    void badAddressShowsItsMessage()
    {
        auto store = newStore(newSettingsFile());
        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        dialog.show();
        dialog.newProfile();
        ProfileEditor *editor = dialog.editor();
        type(child<QLineEdit>(editor, "bootstrapServers"), QStringLiteral("localhost"));
        QLabel *message = child<QLabel>(editor, "bootstrapMessage");
        QVERIFY(message->isVisible());
        QVERIFY2(message->text().contains(QStringLiteral("\"localhost\" has no port: write it as host:port.")),
                 qPrintable(message->text()));
        QVERIFY(!child<QPushButton>(editor, "saveButton")->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "connectButton")->isEnabled());
        type(child<QLineEdit>(editor, "bootstrapServers"), QStringLiteral("localhost:9092"));
        QVERIFY(!message->isVisible());
        QVERIFY(child<QPushButton>(&dialog, "connectButton")->isEnabled());
    }

    void testConnectionReachesTheSharedCluster()
    {
        const QString bootstrap = sharedClusterState().bootstrapServers();
        const QList<int> kcat = kcatBrokerIds(bootstrap);
        QCOMPARE(kcat.size(), 3);
        auto store = newStore(newSettingsFile());
        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        dialog.show();
        dialog.newProfile();
        type(child<QLineEdit>(dialog.editor(), "bootstrapServers"), bootstrap);
        QSignalSpy finished(&dialog, &ConnectionsDialog::testFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QVERIFY(child<QProgressBar>(&dialog, "testBusy")->isVisible());
        QVERIFY(child<QPushButton>(&dialog, "cancelTestButton")->isVisible());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
        const QString text = child<QLabel>(&dialog, "testStatus")->text();
        QVERIFY2(text.contains(QStringLiteral("Connected: 3 brokers, ")), qPrintable(text));
        const QString detail = child<QLabel>(&dialog, "testDetail")->text();
        for (const int id : kcat)
            QVERIFY2(detail.contains(QStringLiteral("%1 at 127.0.0.1:").arg(id)), qPrintable(detail));
        QVERIFY(!child<QProgressBar>(&dialog, "testBusy")->isVisible());
    }

    void testConnectionOfTheLocalCluster()
    {
        const ClusterState state = sharedClusterState();
        auto store = newStore(newSettingsFile());
        ConnectionsDialog dialog(store.get(), sharedClusterName());
        dialog.show();
        QSignalSpy finished(&dialog, &ConnectionsDialog::testFinished);
        dialog.testConnection();
        QVERIFY(finished.wait(30000));
        const QString text = finished.first().at(1).toString();
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(text));
        QVERIFY2(text.startsWith(QStringLiteral("Connected: 3 brokers")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(cluster id %1)").arg(state.clusterId)), qPrintable(text));
    }

    void deadAddressLeavesTheDialogResponsive()
    {
        auto store = newStore(newSettingsFile());
        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        dialog.setTestTimeout(4000);
        dialog.show();
        dialog.newProfile();
        type(child<QLineEdit>(dialog.editor(), "bootstrapServers"), QStringLiteral("127.0.0.1:1"));
        QSignalSpy finished(&dialog, &ConnectionsDialog::testFinished);
        QElapsedTimer took;
        took.start();
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QVERIFY(dialog.isTesting());
        // The dialog takes input while the test waits.
        QTimer::singleShot(300, &dialog, [&dialog] {
            QTest::keyClicks(child<QLineEdit>(dialog.editor(), "name"), QStringLiteral(" typed"));
        });
        const qint64 gap = worstGap([&] { return finished.isEmpty(); }, 20000);
        QCOMPARE(finished.size(), 1);
        qInfo("test took %lld ms; worst event-loop gap %lld ms", took.elapsed(), gap);
        QVERIFY2(gap < 250, qPrintable(QString::number(gap)));
        QVERIFY(dialog.editor()->profile().name.endsWith(QStringLiteral(" typed")));
        QVERIFY(!finished.first().at(0).toBool());
        const QString text = child<QLabel>(&dialog, "testStatus")->text();
        QVERIFY2(text.contains(QStringLiteral("Nothing is listening at 127.0.0.1:1.")), qPrintable(text));
        QVERIFY2(child<QLabel>(&dialog, "testDetail")->text().contains(QStringLiteral("refused"), Qt::CaseInsensitive),
                 qPrintable(child<QLabel>(&dialog, "testDetail")->text()));
        const QString shot = screenshotDir() + QStringLiteral("/connections-dialog-test-failed.png");
        QVERIFY(dialog.grab().save(shot));
        qInfo("screenshot: %s", qPrintable(shot));

        // Cancel: the dialog is free at once, and the late result is dropped.
        finished.clear();
        QTest::mouseClick(child<QPushButton>(&dialog, "testButton"), Qt::LeftButton);
        QVERIFY(dialog.isTesting());
        QTest::mouseClick(child<QPushButton>(&dialog, "cancelTestButton"), Qt::LeftButton);
        QVERIFY(!dialog.isTesting());
        QVERIFY(child<QPushButton>(&dialog, "testButton")->isEnabled());
        QVERIFY(!child<QProgressBar>(&dialog, "testBusy")->isVisible());
        QVERIFY(child<QLabel>(&dialog, "testStatus")->text().contains(QStringLiteral("Test cancelled.")));
        QTest::qWait(5000);
        QCOMPARE(finished.size(), 0);
        QVERIFY(child<QLabel>(&dialog, "testStatus")->text().contains(QStringLiteral("Test cancelled.")));
    }

    void importsClientPropertiesWithAJksTruststore()
    {
        auto store = newStore(newSettingsFile());
        const QString path =
            writeFile(m_dir, QStringLiteral("client.properties"),
                      "bootstrap.servers=kafka-1.example.com:9093,kafka-2.example.com:9093\n"
                      "security.protocol=SASL_SSL\n"
                      "sasl.mechanism=SCRAM-SHA-256\n"
                      "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required "
                      "username=\"bob\" password=\"bob-s3cret\";\n"
                      "ssl.truststore.location=/etc/kafka/truststore.jks\n"
                      "ssl.truststore.password=trust-s3cret\n"
                      "ssl.endpoint.identification.algorithm=\n"
                      "request.timeout.ms=20000\n");
        for (const bool take : {false, true}) {
            ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
            dialog.show();
            dialog.importFile(path);
            // The dangerous property waits for an explicit answer.
            QMessageBox *box = nullptr;
            QTRY_VERIFY((box = child<QMessageBox>(&dialog, "dangerousBox")) && box->isVisible());
            QVERIFY2(box->informativeText().contains(QStringLiteral("ssl.endpoint.identification.algorithm")),
                     qPrintable(box->informativeText()));
            QTest::mouseClick(child<QPushButton>(box, take ? "takeDangerous" : "leaveDangerous"), Qt::LeftButton);

            ProfileEditor *editor = dialog.editor();
            QTRY_VERIFY(editor->isVisible());
            QCOMPARE(child<QLineEdit>(editor, "name")->text(), QStringLiteral("client"));
            QCOMPARE(child<QLineEdit>(editor, "bootstrapServers")->text(),
                     QStringLiteral("kafka-1.example.com:9093,kafka-2.example.com:9093"));
            QCOMPARE(child<QComboBox>(editor, "securityProtocol")->currentText(), QStringLiteral("SASL_SSL"));
            QCOMPARE(child<QComboBox>(editor, "saslMechanism")->currentText(), QStringLiteral("SCRAM-SHA-256"));
            QCOMPARE(child<QLineEdit>(editor, "userName")->text(), QStringLiteral("bob"));
            QCOMPARE(child<QLineEdit>(editor, "password")->text(), QStringLiteral("bob-s3cret"));
            QCOMPARE(child<QLineEdit>(editor, "password")->echoMode(), QLineEdit::Password);
            QVERIFY(child<QLineEdit>(editor, "caFile")->text().isEmpty());
            const ConnectionProfile p = editor->profile();
            QCOMPARE(p.extraProperties.value(QStringLiteral("request.timeout.ms")), QStringLiteral("20000"));
            QCOMPARE(p.extraProperties.contains(QStringLiteral("ssl.endpoint.identification.algorithm")), take);
            QVERIFY(editor->hasUnsavedChanges());

            const QString report = child<QTextBrowser>(&dialog, "importReport")->toPlainText();
            QVERIFY(child<QTextBrowser>(&dialog, "importReport")->isVisible());
            QVERIFY2(report.contains(QStringLiteral("ssl.truststore.location")), qPrintable(report));
            QVERIFY(report.contains(QStringLiteral("librdkafka cannot read a JKS truststore")));
            QVERIFY(report.contains(QStringLiteral("keytool -importkeystore -srckeystore /etc/kafka/truststore.jks "
                                                   "-srcstoretype JKS -destkeystore /etc/kafka/truststore.p12 "
                                                   "-deststoretype PKCS12")));
            QVERIFY(report.contains(QStringLiteral("openssl pkcs12 -in /etc/kafka/truststore.p12 -nokeys")));
            QVERIFY(report.contains(QStringLiteral("ssl.truststore.password")));
            QVERIFY(!report.contains(QStringLiteral("s3cret")));
            QCOMPARE(report.contains(QStringLiteral("not confirmed")), !take);
            if (!take) {
                const QString shot = screenshotDir() + QStringLiteral("/connections-dialog-import.png");
                QVERIFY(dialog.grab().save(shot));
                qInfo("screenshot: %s", qPrintable(shot));
            }
        }
    }

    void connectEmitsTheProfilesSettings()
    {
        auto store = newStore(newSettingsFile());
        const QString bootstrap = sharedClusterState().bootstrapServers();
        ConnectionProfile ro = plain(QStringLiteral("shared read-only"), bootstrap);
        ro.readOnly = true;
        ro.labelColour = QStringLiteral("#d03a2f");
        ro.extraProperties.insert(QStringLiteral("client.id"), QStringLiteral("kafdesk-gui"));
        saveDirectly(*store, ro);
        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        dialog.show();
        QSignalSpy requested(&dialog, &ConnectionsDialog::connectRequested);
        dialog.selectProfile(ro.name);
        waitForSecrets(dialog.editor());
        QTest::mouseClick(child<QPushButton>(&dialog, "connectButton"), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        const auto request = requested.first().first().value<ConnectionRequest>();
        QVERIFY(!request.local);
        QCOMPARE(request.settings.name, ro.name);
        QCOMPARE(request.settings.clientConfig.value(QStringLiteral("bootstrap.servers")), bootstrap);
        QCOMPARE(request.settings.clientConfig.value(QStringLiteral("security.protocol")), QStringLiteral("plaintext"));
        QCOMPARE(request.settings.clientConfig.value(QStringLiteral("client.id")), QStringLiteral("kafdesk-gui"));
        QVERIFY(request.settings.readOnly);
        QCOMPARE(request.colour, QColor(0xd0, 0x3a, 0x2f));
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void connectAsksForASecretTheKeychainDoesNotHave()
    {
        auto store = newStore(newSettingsFile());
        ConnectionProfile sasl = plain(QStringLiteral("sasl"), QStringLiteral("kafka.example.com:9093"));
        sasl.securityProtocol = SecurityProtocol::SaslSsl;
        sasl.saslMechanism = SaslMechanism::ScramSha256;
        sasl.userName = QStringLiteral("carol");
        sasl.password = secret;
        saveDirectly(*store, sasl);
        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        dialog.show();
        QSignalSpy requested(&dialog, &ConnectionsDialog::connectRequested);
        dialog.selectProfile(sasl.name);
        waitForSecrets(dialog.editor());
        dialog.connectSelected();
        if (!m_expectKeychain) {
            // No keychain: nothing emitted yet; a password field, with the reason.
            QCOMPARE(requested.size(), 0);
            QVERIFY(child<QFrame>(&dialog, "secretPanel")->isVisible());
            const QString why = child<QLabel>(&dialog, "secretReason")->text();
            QVERIFY2(why.contains(QStringLiteral("No keychain is reachable")) ||
                         why.contains(QStringLiteral("keychain holds no password")),
                     qPrintable(why));
            QVERIFY(why.contains(QStringLiteral("not stored")));
            auto *field = child<QLineEdit>(&dialog, "secret-password");
            QVERIFY(field);
            QCOMPARE(field->echoMode(), QLineEdit::Password);
            QTest::keyClicks(field, QStringLiteral("typed-once"));
            QTest::keyClick(field, Qt::Key_Return);
        }
        QCOMPARE(requested.size(), 1);
        const auto request = requested.first().first().value<ConnectionRequest>();
        QCOMPARE(request.settings.clientConfig.value(QStringLiteral("sasl.password")),
                 m_expectKeychain ? secret : QStringLiteral("typed-once"));
        QCOMPARE(request.settings.clientConfig.value(QStringLiteral("sasl.username")), QStringLiteral("carol"));
        QCOMPARE(request.settings.clientConfig.value(QStringLiteral("sasl.mechanisms")),
                 QStringLiteral("SCRAM-SHA-256"));
        QCOMPARE(request.settings.clientConfig.value(QStringLiteral("security.protocol")), QStringLiteral("sasl_ssl"));
        QVERIFY(!request.settings.readOnly);
        QVERIFY(!request.colour.isValid());
        QVERIFY(filesHoldingSecret().isEmpty());
        QVERIFY(!QFile(store->settingsFileName()).exists() || [&] {
            QFile f(store->settingsFileName());
            return f.open(QIODevice::ReadOnly) && !f.readAll().contains("typed-once");
        }());
    }

    void selectingTheLocalClusterEmitsLocal()
    {
        auto store = newStore(newSettingsFile());
        saveDirectly(*store, plain(QStringLiteral("other"), QStringLiteral("h:9092")));
        ConnectionsDialog dialog(store.get(), QStringLiteral("my-local"));
        dialog.show();
        dialog.selectProfile(QStringLiteral("other"));
        waitForSecrets(dialog.editor());
        // An unsaved edit makes the dialog ask before it switches.
        type(child<QLineEdit>(dialog.editor(), "bootstrapServers"), QStringLiteral("h:9093"));
        auto *list = child<QListView>(&dialog, "profileList");
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(dialog.model()->index(0)).center());
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = child<QMessageBox>(&dialog, "unsavedBox")) && box->isVisible());
        QVERIFY(dialog.editor()->isVisible());
        QTest::mouseClick(box->button(QMessageBox::Discard), Qt::LeftButton);
        QTRY_VERIFY(child<QLabel>(&dialog, "localText")->isVisible());
        QCOMPARE(list->currentIndex().row(), 0);
        QCOMPARE(store->load(QStringLiteral("other"))->bootstrapServers, QStringLiteral("h:9092"));

        QSignalSpy requested(&dialog, &ConnectionsDialog::connectRequested);
        QTest::mouseClick(child<QPushButton>(&dialog, "connectButton"), Qt::LeftButton);
        QCOMPARE(requested.size(), 1);
        const auto request = requested.first().first().value<ConnectionRequest>();
        QVERIFY(request.local);
        QCOMPARE(request.localClusterName, QStringLiteral("my-local"));
    }

    void deleteAsksFirst()
    {
        auto store = newStore(newSettingsFile());
        saveDirectly(*store, plain(QStringLiteral("doomed"), QStringLiteral("h:9092")));
        saveDirectly(*store, plain(QStringLiteral("kept"), QStringLiteral("h:9093")));
        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        dialog.show();
        dialog.selectProfile(QStringLiteral("doomed"));
        waitForSecrets(dialog.editor());
        QTest::mouseClick(child<QPushButton>(&dialog, "deleteButton"), Qt::LeftButton);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = child<QMessageBox>(&dialog, "deleteBox")) && box->isVisible());
        QVERIFY(store->contains(QStringLiteral("doomed")));
        QTest::mouseClick(child<QPushButton>(box, "confirmDelete"), Qt::LeftButton);
        QTRY_VERIFY(!store->contains(QStringLiteral("doomed")));
        QCOMPARE(dialog.model()->rowCount(), 2);
        QCOMPARE(dialog.editor()->savedName(), QStringLiteral("kept"));
    }

    void screenshots()
    {
        auto store = newStore(newSettingsFile());
        const QString ca = writeFile(m_dir, QStringLiteral("prod-ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        ConnectionProfile prod = plain(QStringLiteral("Production (eu-west)"),
                                       QStringLiteral("b-1.prod.example.com:9096,b-2.prod.example.com:9096"));
        prod.securityProtocol = SecurityProtocol::SaslSsl;
        prod.saslMechanism = SaslMechanism::ScramSha512;
        prod.userName = QStringLiteral("kafdesk-ops");
        prod.password = secret;
        prod.caFile = ca;
        prod.readOnly = true;
        prod.labelColour = QStringLiteral("#d03a2f");
        prod.extraProperties.insert(QStringLiteral("client.id"), QStringLiteral("kafdesk"));
        saveDirectly(*store, prod);
        ConnectionProfile staging = plain(QStringLiteral("Staging"), QStringLiteral("kafka.staging.example.com:9093"));
        staging.securityProtocol = SecurityProtocol::Ssl;
        staging.labelColour = QStringLiteral("#e0a100");
        saveDirectly(*store, staging);
        saveDirectly(*store, plain(QStringLiteral("Dev laptop"), QStringLiteral("localhost:9092")));

        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        dialog.show();
        dialog.selectProfile(prod.name);
        waitForSecrets(dialog.editor());
        QTest::qWait(100);
        const QString file = screenshotDir() + QStringLiteral("/connections-dialog.png");
        QVERIFY(dialog.grab().save(file));
        qInfo("screenshot: %s", qPrintable(file));

        if (!m_expectKeychain) {
            dialog.connectSelected(); // no keychain: it asks for the password
            QVERIFY(child<QFrame>(&dialog, "secretPanel")->isVisible());
            const QString asked = screenshotDir() + QStringLiteral("/connections-dialog-password.png");
            QVERIFY(dialog.grab().save(asked));
            qInfo("screenshot: %s", qPrintable(asked));
        }

        dialog.selectLocalCluster();
        const QString local = screenshotDir() + QStringLiteral("/connections-dialog-local.png");
        QVERIFY(dialog.grab().save(local));
        qInfo("screenshot: %s", qPrintable(local));

        for (const bool dark : {false, true}) {
            QWidget strip;
            QPalette palette = QApplication::palette();
            if (dark) {
                palette.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
                palette.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
                palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
                palette.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
                palette.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
                palette.setColor(QPalette::PlaceholderText, QColor(0x99, 0x99, 0x99));
            }
            strip.setPalette(palette);
            strip.setAutoFillBackground(true);
            auto *layout = new QHBoxLayout(&strip);
            auto *ro = new ConnectionBadge(&strip);
            ro->setConnection(prod.name, QColor(0xd0, 0x3a, 0x2f), true);
            auto *rw = new ConnectionBadge(&strip);
            rw->setConnection(staging.name, QColor(0xe0, 0xa1, 0x00), false);
            auto *none = new ConnectionBadge(&strip);
            none->setConnection(QStringLiteral("local"), QColor(), false);
            auto *off = new ConnectionBadge(&strip);
            off->clear();
            for (ConnectionBadge *b : {ro, rw, none, off})
                layout->addWidget(b);
            layout->addStretch(1);
            strip.resize(780, 50);
            strip.show();
            QVERIFY(ro->isReadOnly());
            QVERIFY(ro->sizeHint().width() > rw->sizeHint().width()); // the pill takes room
            QVERIFY(ro->toolTip().contains(QStringLiteral("Read-only")));
            const QString badge = screenshotDir() + (dark ? QStringLiteral("/connection-badge-dark.png")
                                                          : QStringLiteral("/connection-badge.png"));
            QVERIFY(strip.grab().save(badge));
            qInfo("screenshot: %s", qPrintable(badge));
        }
    }
};

QTEST_MAIN(TestConnections)
#include "tst_connections.moc"
