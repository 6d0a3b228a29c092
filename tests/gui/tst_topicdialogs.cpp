// The topic dialogs (create, add partitions, edit configs, delete) driven through their widgets
// against the real shared cluster, checked with kcat and Kafka's own ConfigCommand; screenshots.

#include "cluster/clustersession.h"
#include "commands/kafkacommand.h"
#include "dialogs/editconfigsdialog.h"
#include "dialogs/topicdialog.h"
#include "dialogs/topicdialogmessage.h"
#include "dialogs/topicdialogs.h"
#include "models/configtablemodel.h"
#include "support/testsupport.h"
#include "widgets/commandlinepreview.h"
#include "widgets/messagelog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

template <typename W>
W *child(QWidget *dialog, const char *name)
{
    W *w = dialog->findChild<W *>(QLatin1String(name));
    if (!w)
        qWarning("no %s named %s", W::staticMetaObject.className(), name);
    return w;
}

TopicDialog *asTopicDialog(QDialog *d)
{
    return qobject_cast<TopicDialog *>(d);
}

QString messageText(QWidget *dialog, const char *name)
{
    auto *m = child<TopicDialogMessage>(dialog, name);
    return m && m->isVisibleTo(dialog) ? m->text() + QLatin1Char('\n') + m->detail() : QString();
}

void setText(QWidget *dialog, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(dialog, name);
    QVERIFY(edit);
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Backspace);
    else
        QTest::keyClicks(edit, text); // typed, as a user would: every keystroke revalidates
}

void choose(QWidget *dialog, const char *combo, const QString &value)
{
    auto *c = child<QComboBox>(dialog, combo);
    QVERIFY(c);
    const int i = c->findData(value);
    QVERIFY2(i >= 0, qPrintable(value));
    c->setCurrentIndex(i);
}

void screenshot(QWidget *dialog, const QString &file)
{
    QDir().mkpath(screenshotDir());
    const QString path = screenshotDir() + QLatin1Char('/') + file;
    QTest::qWait(50); // let the pending layout requests run, as they would before the next paint
    QVERIFY(dialog->grab().save(path));
    qInfo("screenshot: %s", qPrintable(path));
}

} // namespace

class TestTopicDialogs : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    std::unique_ptr<ClusterSession> m_session;
    MessageLog m_log;

    commands::Target target() const { return commands::Target(m_bootstrap); }

    RunResult kcat(const QString &topic) const
    {
        QStringList args{QStringLiteral("-b"), m_bootstrap, QStringLiteral("-L")};
        if (!topic.isEmpty())
            args << QStringLiteral("-t") << topic;
        return run(QStringLiteral("kcat"), args);
    }

    // kcat's view of a topic: its partition count, and whether every partition has `replicas` replicas.
    bool kcatShows(const QString &topic, int partitions, int replicas) const
    {
        const QString out = kcat(topic).out;
        if (!out.contains(QStringLiteral("topic \"%1\" with %2 partitions:").arg(topic).arg(partitions)))
            return false;
        static const QRegularExpression line(QStringLiteral("partition \\d+, leader \\d+, replicas: ([0-9,]+),"));
        int seen = 0;
        for (auto it = line.globalMatch(out); it.hasNext(); ++seen)
            if (it.next().captured(1).split(QLatin1Char(',')).size() != replicas)
                return false;
        return seen == partitions;
    }

    QString describeConfigs(const QString &topic) const
    {
        return kafkaTool(QStringLiteral("kafka.admin.ConfigCommand"),
                         {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--entity-type"),
                          QStringLiteral("topics"), QStringLiteral("--entity-name"), topic,
                          QStringLiteral("--describe")})
            .out;
    }

    // A topic made with kafdesk-ctl, present in the session's snapshot once this returns true.
    bool makeTopic(const QString &name, int partitions, const QStringList &configs = {})
    {
        QStringList args{QStringLiteral("topics"),
                         QStringLiteral("create"),
                         name,
                         QStringLiteral("--partitions"),
                         QString::number(partitions),
                         QStringLiteral("--replication-factor"),
                         QStringLiteral("3")};
        for (const QString &c : configs)
            args << QStringLiteral("--config") << c;
        const RunResult r = ctl(args + QStringList{QStringLiteral("--bootstrap"), m_bootstrap});
        if (r.exitCode != 0) {
            qWarning("%s", qPrintable(r.describe()));
            return false;
        }
        return waitForSnapshot(name, partitions);
    }

    bool waitForSnapshot(const QString &name, int partitions)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000) {
            const ClusterSnapshotPtr s = m_session->latestSnapshot();
            const TopicState *t = s ? s->topic(name) : nullptr;
            if (t && t->partitions.size() == partitions && t->offlineCount() == 0)
                return true;
            m_session->refreshNow();
            QTest::qWait(200);
        }
        return false;
    }

    bool logSays(const QString &text) const
    {
        for (const LogMessage &m : m_log.messages())
            if (m.text.contains(text))
                return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        m_session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(m_bootstrap));
        m_session->setPollInterval(500);
        m_session->start();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_session->latestSnapshot() && m_session->latestSnapshot()->aliveBrokerIds().size() == 3, 60000);
    }

    void createsATopicWithPresets();
    void createShowsBadInputAndTheBrokersRefusal();
    void commandLineFollowsTheFields();
    void addsPartitions();
    void editsResetsAndPreviewsConfigs();
    void editShowsBadValuesAndTheBrokersRefusal();
    void deleteNeedsTheNameTyped();
    void cancelStopsAQueuedRequest();
    void readOnlySessionDisablesActions();

    void cleanupTestCase() { m_session.reset(); }
};

void TestTopicDialogs::createsATopicWithPresets()
{
    QPointer<QDialog> dialog = topicdialogs::createTopic(nullptr, m_session.get(), &m_log);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QVERIFY(dialog->testAttribute(Qt::WA_DeleteOnClose));
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *action = asTopicDialog(dialog)->actionButton();
    QVERIFY(!action->isEnabled()); // no name yet
    // The replication factor starts at 3 (3 live brokers) and the hint says how many are alive.
    QCOMPARE(child<QSpinBox>(dialog, "replicationFactor")->value(), 3);
    QCOMPARE(child<QLabel>(dialog, "brokersHint")->text(), QStringLiteral("3 brokers alive"));

    // "Broker default" says what that is, read from a broker (the bundled cluster's node.properties
    // sets min.insync.replicas=2 and leaves retention at Kafka's 168 hours).
    QTRY_COMPARE_WITH_TIMEOUT(child<QComboBox>(dialog, "retention")->itemText(0),
                              QStringLiteral("Broker default: 7 days (168 h)"), 10000);
    QCOMPARE(child<QSpinBox>(dialog, "minInsyncReplicas")->specialValueText(), QStringLiteral("Broker default: 2"));
    QCOMPARE(child<QComboBox>(dialog, "cleanupPolicy")->itemText(0), QStringLiteral("Broker default: delete"));

    const QString name = uniqueName(QStringLiteral("dlg-create"));
    setText(dialog, "topicName", name);
    child<QSpinBox>(dialog, "replicationFactor")->setValue(1); // below the brokers' min.insync.replicas: a warning
    QVERIFY(messageText(dialog, "validationMessage").contains(QStringLiteral("acks=all could never write")));
    QCOMPARE(child<TopicDialogMessage>(dialog, "validationMessage")->kind(), TopicDialogMessage::Kind::Warning);
    QVERIFY(action->isEnabled());
    child<QSpinBox>(dialog, "partitions")->setValue(3);
    child<QSpinBox>(dialog, "replicationFactor")->setValue(2);
    choose(dialog, "retention", QStringLiteral("86400000"));
    choose(dialog, "cleanupPolicy", QStringLiteral("delete"));
    choose(dialog, "maxMessageBytes", QStringLiteral("5242880"));
    QVERIFY2(action->isEnabled(), qPrintable(messageText(dialog, "validationMessage")));
    QCOMPARE(messageText(dialog, "nameMessage"), QString());

    const CreateTopicRequest expected{name,
                                      3,
                                      2,
                                      {},
                                      {{QStringLiteral("retention.ms"), QStringLiteral("86400000")},
                                       {QStringLiteral("cleanup.policy"), QStringLiteral("delete")},
                                       {QStringLiteral("max.message.bytes"), QStringLiteral("5242880")}}};
    QCOMPARE(asTopicDialog(dialog)->commandLine()->command(), commands::createTopic(target(), expected).line);
    screenshot(dialog, QStringLiteral("createtopic-dialog.png"));

    // Enter submits; the dialog is busy until the answer comes, then posts to the log and closes.
    QTest::keyClick(child<QLineEdit>(dialog, "topicName"), Qt::Key_Return);
    QVERIFY(!dialog || !action->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 30000);
    QVERIFY(logSays(QStringLiteral("Created topic \"%1\" (3 partitions, replication factor 2).").arg(name)));

    QVERIFY2(waitUntil([&] { return kcatShows(name, 3, 2); }, 30s, 250) >= 0, qPrintable(kcat(name).out));
    const QString configs = describeConfigs(name);
    QVERIFY2(configs.contains(QStringLiteral("retention.ms=86400000")), qPrintable(configs));
    QVERIFY2(configs.contains(QStringLiteral("max.message.bytes=5242880")), qPrintable(configs));
    QVERIFY2(configs.contains(QStringLiteral("cleanup.policy=delete")), qPrintable(configs));
}

void TestTopicDialogs::createShowsBadInputAndTheBrokersRefusal()
{
    const QString existing = uniqueName(QStringLiteral("dlg-exists"));
    QVERIFY(makeTopic(existing, 1));
    QPointer<QDialog> dialog = topicdialogs::createTopic(nullptr, m_session.get(), &m_log);
    auto *action = asTopicDialog(dialog)->actionButton();

    setText(dialog, "topicName", QStringLiteral("orders and more"));
    QVERIFY2(messageText(dialog, "nameMessage").contains(QStringLiteral("a space")),
             qPrintable(messageText(dialog, "nameMessage")));
    QVERIFY(!action->isEnabled());
    setText(dialog, "topicName", QString(250, QLatin1Char('a')));
    QVERIFY(messageText(dialog, "nameMessage").contains(QStringLiteral("at most 249 characters; this one has 250")));
    QVERIFY(!action->isEnabled());
    setText(dialog, "topicName", QStringLiteral(".."));
    QVERIFY(messageText(dialog, "nameMessage").contains(QStringLiteral("cannot be \".\" or \"..\"")));
    setText(dialog, "topicName", existing);
    QCOMPARE(messageText(dialog, "nameMessage").trimmed(),
             QStringLiteral("A topic named \"%1\" exists already.").arg(existing));
    QVERIFY(!action->isEnabled());
    // A '.' is allowed, with Kafka's advice about metric names.
    const QString dotted = uniqueName(QStringLiteral("dlg.dot"));
    setText(dialog, "topicName", dotted);
    QCOMPARE(child<TopicDialogMessage>(dialog, "nameMessage")->kind(), TopicDialogMessage::Kind::Warning);
    QVERIFY(messageText(dialog, "nameMessage").contains(QStringLiteral("metric names")));
    QVERIFY(action->isEnabled());

    const QString name = uniqueName(QStringLiteral("dlg-bad"));
    setText(dialog, "topicName", name);
    QVERIFY(action->isEnabled());
    child<QSpinBox>(dialog, "replicationFactor")->setValue(5);
    QVERIFY2(messageText(dialog, "validationMessage").contains(QStringLiteral("needs 5 live brokers; 3 are alive")),
             qPrintable(messageText(dialog, "validationMessage")));
    QVERIFY(!action->isEnabled());
    child<QSpinBox>(dialog, "replicationFactor")->setValue(2);
    child<QSpinBox>(dialog, "minInsyncReplicas")->setValue(3);
    QVERIFY(messageText(dialog, "validationMessage").contains(QStringLiteral("more than the replication factor 2")));
    QVERIFY(!action->isEnabled());
    child<QSpinBox>(dialog, "minInsyncReplicas")->setValue(0); // "Broker default"
    auto *retention = child<QComboBox>(dialog, "retention");
    retention->setCurrentIndex(retention->count() - 1);
    QVERIFY(child<QLineEdit>(dialog, "retentionCustom")->isVisibleTo(dialog));
    setText(dialog, "retentionCustom", QStringLiteral("abc"));
    QVERIFY(messageText(dialog, "validationMessage").contains(QStringLiteral("retention.ms takes milliseconds")));
    QVERIFY(!action->isEnabled());
    setText(dialog, "retentionCustom", QStringLiteral("172800000"));
    QCOMPARE(child<QLabel>(dialog, "retentionHint")->text(), QStringLiteral("= 2 days (48 h)"));
    QVERIFY(action->isEnabled());
    screenshot(dialog, QStringLiteral("createtopic-custom.png"));

    // A config only the broker can judge: the refusal, with the broker's own text, shows in the dialog.
    auto *table = child<QTableWidget>(dialog, "otherConfigs");
    QTest::mouseClick(child<QPushButton>(dialog, "addConfig"), Qt::LeftButton);
    table->item(0, 0)->setText(QStringLiteral("no.such.config"));
    // Enter that ends editing a cell commits the value and does not submit the dialog.
    table->setCurrentCell(0, 1);
    table->editItem(table->item(0, 1));
    auto *cellEditor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    QVERIFY(cellEditor && table->isAncestorOf(cellEditor));
    QTest::keyClicks(cellEditor, QStringLiteral("1"));
    QTest::keyClick(cellEditor, Qt::Key_Return);
    QTRY_COMPARE(table->item(0, 1)->text(), QStringLiteral("1"));
    QVERIFY(!asTopicDialog(dialog)->isBusy());
    QTRY_VERIFY(table->hasFocus());
    QTest::keyClick(table, Qt::Key_Return); // nor does Enter on the table itself
    QVERIFY(!asTopicDialog(dialog)->isBusy());
    QVERIFY(asTopicDialog(dialog)->commandLine()->command().contains(QStringLiteral("--config no.such.config=1")));
    QVERIFY(action->isEnabled());
    QTest::mouseClick(action, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!asTopicDialog(dialog)->isBusy(), 30000);
    QVERIFY(dialog);
    const QString refusal = messageText(dialog, "resultMessage");
    QVERIFY2(refusal.contains(QStringLiteral("no.such.config")), qPrintable(refusal));
    QVERIFY(action->isEnabled()); // fix it and try again
    QVERIFY(child<QLineEdit>(dialog, "topicName")->isEnabled());
    screenshot(dialog, QStringLiteral("createtopic-refused.png"));
    QVERIFY(!m_session->latestSnapshot()->topic(name));

    QTest::keyClick(dialog, Qt::Key_Escape); // Esc closes
    QTRY_VERIFY(!dialog);
}

void TestTopicDialogs::commandLineFollowsTheFields()
{
    QPointer<QDialog> dialog = topicdialogs::createTopic(nullptr, m_session.get(), &m_log);
    CommandLinePreview *preview = asTopicDialog(dialog)->commandLine();
    auto *name = child<QLineEdit>(dialog, "topicName");
    name->setFocus();
    CreateTopicRequest expected{QString(), 1, 3, {}, {}};
    for (const QChar c : QStringLiteral("pay-v2")) {
        QTest::keyClick(name, c.toLatin1());
        expected.name += c;
        QCOMPARE(preview->command(), commands::createTopic(target(), expected).line);
    }
    child<QSpinBox>(dialog, "partitions")->setValue(7);
    expected.partitions = 7;
    QCOMPARE(preview->command(), commands::createTopic(target(), expected).line);
    child<QSpinBox>(dialog, "replicationFactor")->setValue(0); // broker default: no --replication-factor
    expected.replicationFactor = -1;
    QCOMPARE(preview->command(), commands::createTopic(target(), expected).line);
    QVERIFY(!preview->command().contains(QStringLiteral("--replication-factor")));
    choose(dialog, "cleanupPolicy", QStringLiteral("compact,delete"));
    expected.configs.insert(QStringLiteral("cleanup.policy"), QStringLiteral("compact,delete"));
    QCOMPARE(preview->command(), commands::createTopic(target(), expected).line);
    QVERIFY(preview->command().contains(QStringLiteral("--config cleanup.policy=compact,delete")));

    // Shown broken between options with shell continuations, so what is shown pastes as well.
    QString shown = preview->displayedText();
    QVERIFY2(shown.contains(QStringLiteral(" \\\n    --")), qPrintable(shown));
    shown.replace(QStringLiteral(" \\\n    "), QStringLiteral(" "));
    QCOMPARE(shown, preview->command());
    const QString two =
        commands::deleteTopics(target(), DeleteTopicsRequest{{QStringLiteral("a"), QStringLiteral("b")}}).line;
    const QString laidOut = CommandLinePreview::layOut(two, 60);
    QVERIFY2(laidOut.contains(QStringLiteral(" &&\nkafka-topics.sh")), qPrintable(laidOut));
    QCOMPARE(QString(laidOut)
                 .replace(QStringLiteral(" \\\n    "), QStringLiteral(" "))
                 .replace(QLatin1Char('\n'), QLatin1Char(' ')),
             two);
    const QString quoted = QStringLiteral("tool --config 'a b'\\''c --d' --x y");
    QCOMPARE(CommandLinePreview::layOut(quoted, 32), QStringLiteral("tool --config 'a b'\\''c --d' \\\n    --x y"));

    QTest::mouseClick(preview->copyButton(), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), preview->command());
    QCOMPARE(preview->copyButton()->text(), QStringLiteral("Copied"));
    QTRY_COMPARE(preview->copyButton()->text(), QStringLiteral("Copy"));
    dialog->close();
    QTRY_VERIFY(!dialog);
}

void TestTopicDialogs::addsPartitions()
{
    const QString topic = uniqueName(QStringLiteral("dlg-grow"));
    QVERIFY(makeTopic(topic, 3));
    QPointer<QDialog> dialog = topicdialogs::addPartitions(nullptr, m_session.get(), &m_log, topic);
    auto *action = asTopicDialog(dialog)->actionButton();
    QCOMPARE(child<QLabel>(dialog, "currentPartitions")->text(), QStringLiteral("3"));
    auto *total = child<QSpinBox>(dialog, "totalPartitions");
    QCOMPARE(total->value(), 4);
    QVERIFY(messageText(dialog, "keyWarning").contains(QStringLiteral("most keys map to a different partition")));

    total->setValue(3);
    QVERIFY(messageText(dialog, "validationMessage").contains(QStringLiteral("has 3 partitions already")));
    QVERIFY(!action->isEnabled());
    total->setValue(2);
    QVERIFY(messageText(dialog, "validationMessage").contains(QStringLiteral("Kafka cannot remove partitions")));
    QVERIFY(!action->isEnabled());
    total->setValue(5);
    QCOMPARE(messageText(dialog, "validationMessage"), QString());
    QVERIFY(action->isEnabled());
    QCOMPARE(asTopicDialog(dialog)->commandLine()->command(),
             commands::addPartitions(target(), AddPartitionsRequest{topic, 5}).line);
    screenshot(dialog, QStringLiteral("addpartitions-dialog.png"));

    QTest::mouseClick(action, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 30000);
    QVERIFY(logSays(QStringLiteral("Topic \"%1\" now has 5 partitions (it had 3).").arg(topic)));
    QVERIFY2(waitUntil([&] { return kcatShows(topic, 5, 3); }, 30s, 250) >= 0, qPrintable(kcat(topic).out));
}

namespace {

QStringList previewLines(QWidget *dialog)
{
    QStringList lines;
    auto *tree = child<QTreeWidget>(dialog, "changePreview");
    for (int i = 0; tree && i < tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = tree->topLevelItem(i);
        lines << QStringLiteral("%1 | %2 | %3").arg(item->text(0), item->text(1), item->text(2));
    }
    return lines;
}

// Selects the config's row in one of the dialog's two tables; false when it is in neither.
bool selectConfig(QWidget *dialog, const char *tableName, const QString &name)
{
    auto *view = child<QTableView>(dialog, tableName);
    for (int row = 0; view && row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (index.data().toString() == name) {
            view->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

} // namespace

void TestTopicDialogs::editsResetsAndPreviewsConfigs()
{
    const QString topic = uniqueName(QStringLiteral("dlg-edit"));
    QVERIFY(makeTopic(topic, 1, {QStringLiteral("retention.ms=3600000"), QStringLiteral("max.message.bytes=200000")}));

    QPointer<QDialog> dialog = topicdialogs::editConfigs(nullptr, m_session.get(), &m_log, topic);
    auto *edit = qobject_cast<EditConfigsDialog *>(dialog.data());
    QVERIFY(edit);
    QAbstractItemModelTester tester(edit->configModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_VERIFY_WITH_TIMEOUT(edit->isLoaded(), 30000);
    auto *action = edit->actionButton();
    QVERIFY(!action->isEnabled()); // nothing to apply yet
    // Overrides apart from what the topic inherits.
    QCOMPARE(child<QTableView>(dialog, "overrides")->model()->rowCount(), 2);
    QVERIFY(selectConfig(dialog, "overrides", QStringLiteral("max.message.bytes")));
    QVERIFY(!selectConfig(dialog, "inherited", QStringLiteral("retention.ms")));
    QVERIFY(selectConfig(dialog, "inherited", QStringLiteral("segment.bytes")));
    QVERIFY(selectConfig(dialog, "overrides", QStringLiteral("retention.ms")));
    QCOMPARE(child<QLineEdit>(dialog, "configName")->text(), QStringLiteral("retention.ms"));
    QCOMPARE(child<QLineEdit>(dialog, "configValue")->text(), QStringLiteral("3600000"));
    QVERIFY(messageText(dialog, "editorMessage").contains(QStringLiteral("Now 3600000 = 1 h — Topic override.")));

    setText(dialog, "configValue", QStringLiteral("172800000"));
    QTest::mouseClick(child<QPushButton>(dialog, "setConfig"), Qt::LeftButton);
    // The preview lists exactly the change, and the command line is the one that makes it.
    QCOMPARE(previewLines(dialog),
             QStringList{QStringLiteral("retention.ms | 3600000 = 1 h | 172800000 = 2 days (48 h)")});
    const AlterTopicConfigsRequest change{topic, {{QStringLiteral("retention.ms"), QStringLiteral("172800000")}}, {}};
    QCOMPARE(edit->request().set, change.set);
    QCOMPARE(edit->commandLine()->command(), commands::alterTopicConfigs(target(), change).line);
    QVERIFY(action->isEnabled());
    screenshot(dialog, QStringLiteral("editconfigs-dialog.png"));
    QTest::mouseClick(action, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 30000);
    QVERIFY(logSays(QStringLiteral("retention.ms: 3600000 → 172800000")));
    QString configs;
    QVERIFY2(waitUntil(
                 [&] {
                     configs = describeConfigs(topic);
                     return configs.contains(QStringLiteral("retention.ms=172800000"));
                 },
                 30s, 500) >= 0,
             qPrintable(configs));
    QVERIFY(configs.contains(QStringLiteral("max.message.bytes=200000"))); // untouched, kept

    // Reset to default: the override goes, the other stays.
    dialog = topicdialogs::editConfigs(nullptr, m_session.get(), &m_log, topic);
    edit = qobject_cast<EditConfigsDialog *>(dialog.data());
    QTRY_VERIFY_WITH_TIMEOUT(edit->isLoaded(), 30000);
    setText(dialog, "configName", QStringLiteral("retention.ms"));
    QVERIFY(child<QPushButton>(dialog, "resetConfig")->isEnabled());
    QTest::mouseClick(child<QPushButton>(dialog, "resetConfig"), Qt::LeftButton);
    QCOMPARE(previewLines(dialog),
             QStringList{QStringLiteral("retention.ms | 172800000 = 2 days (48 h) | reset to default")});
    QCOMPARE(edit->request().remove, QStringList{QStringLiteral("retention.ms")});
    QVERIFY(edit->commandLine()->command().endsWith(QStringLiteral("--alter --delete-config retention.ms")));
    // Undo drops it from the list; choosing it again brings it back.
    child<QTreeWidget>(dialog, "changePreview")->topLevelItem(0)->setSelected(true);
    QTest::mouseClick(child<QPushButton>(dialog, "undoChange"), Qt::LeftButton);
    QCOMPARE(previewLines(dialog), QStringList());
    QVERIFY(!edit->actionButton()->isEnabled());
    QTest::mouseClick(child<QPushButton>(dialog, "resetConfig"), Qt::LeftButton);
    QCOMPARE(previewLines(dialog).size(), 1);
    screenshot(dialog, QStringLiteral("editconfigs-reset.png"));
    QTest::mouseClick(edit->actionButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 30000);
    QVERIFY2(waitUntil(
                 [&] {
                     configs = describeConfigs(topic);
                     return !configs.contains(QStringLiteral("retention.ms="));
                 },
                 30s, 500) >= 0,
             qPrintable(configs));
    QVERIFY(configs.contains(QStringLiteral("max.message.bytes=200000")));
}

void TestTopicDialogs::editShowsBadValuesAndTheBrokersRefusal()
{
    const QString topic = uniqueName(QStringLiteral("dlg-refuse"));
    QVERIFY(makeTopic(topic, 1));
    QPointer<QDialog> dialog = topicdialogs::editConfigs(nullptr, m_session.get(), &m_log, topic);
    auto *edit = qobject_cast<EditConfigsDialog *>(dialog.data());
    QTRY_VERIFY_WITH_TIMEOUT(edit->isLoaded(), 30000);
    auto *set = child<QPushButton>(dialog, "setConfig");

    setText(dialog, "configName", QStringLiteral("retention.ms"));
    setText(dialog, "configValue", QStringLiteral("abc"));
    QVERIFY(messageText(dialog, "editorMessage").contains(QStringLiteral("retention.ms takes milliseconds")));
    QVERIFY(!set->isEnabled());
    setText(dialog, "configName", QStringLiteral("min.insync.replicas"));
    setText(dialog, "configValue", QStringLiteral("4"));
    QVERIFY(messageText(dialog, "editorMessage").contains(QStringLiteral("more than the replication factor 3")));
    QVERIFY(!set->isEnabled());

    // Kafdesk cannot know this name; the broker refuses it, and its words show in the dialog.
    setText(dialog, "configName", QStringLiteral("no.such.config"));
    setText(dialog, "configValue", QStringLiteral("1"));
    QVERIFY(set->isEnabled());
    QTest::keyClick(child<QLineEdit>(dialog, "configValue"), Qt::Key_Return); // Enter in the value sets it
    QCOMPARE(previewLines(dialog), QStringList{QStringLiteral("no.such.config | (none) | 1")});
    QVERIFY(!edit->isBusy()); // and did not apply
    QTest::mouseClick(edit->actionButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!edit->isBusy(), 30000);
    const QString refusal = messageText(dialog, "resultMessage");
    QVERIFY2(refusal.contains(QStringLiteral("no.such.config")), qPrintable(refusal));
    QCOMPARE(previewLines(dialog).size(), 1); // the change is still there to fix
    screenshot(dialog, QStringLiteral("editconfigs-refused.png"));
    dialog->close();
    QTRY_VERIFY(!dialog);
}

void TestTopicDialogs::deleteNeedsTheNameTyped()
{
    const QString topic = uniqueName(QStringLiteral("dlg-delete"));
    QVERIFY(makeTopic(topic, 2));
    QPointer<QDialog> dialog = topicdialogs::deleteTopic(nullptr, m_session.get(), &m_log, topic);
    auto *action = asTopicDialog(dialog)->actionButton();
    QVERIFY(messageText(dialog, "deleteWarning").contains(QStringLiteral("cannot be undone")));
    QVERIFY(messageText(dialog, "deleteWarning").contains(QStringLiteral("its 2 partitions")));
    QVERIFY(!action->isEnabled());
    auto *confirm = child<QLineEdit>(dialog, "confirmName");
    confirm->setFocus();
    QTest::keyClicks(confirm, topic.left(topic.size() - 1));
    QVERIFY(!action->isEnabled());
    QCOMPARE(messageText(dialog, "validationMessage"), QString()); // a prefix is not yet wrong
    QTest::keyClicks(confirm, QStringLiteral("x"));
    QVERIFY(!action->isEnabled());
    QVERIFY(messageText(dialog, "validationMessage").contains(QStringLiteral("not the topic's name")));
    QTest::keyClick(confirm, Qt::Key_Return); // Enter does nothing while Delete is disabled
    QVERIFY(dialog && !asTopicDialog(dialog)->isBusy());
    QTest::keyClick(confirm, Qt::Key_Backspace);
    QTest::keyClicks(confirm, topic.right(1));
    QVERIFY(action->isEnabled());
    QCOMPARE(asTopicDialog(dialog)->commandLine()->command(),
             commands::deleteTopics(target(), DeleteTopicsRequest{{topic}}).line);
    screenshot(dialog, QStringLiteral("deletetopic-dialog.png"));
    QTest::keyClick(confirm, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 30000);
    QVERIFY(logSays(QStringLiteral("Deleted topic \"%1\".").arg(topic)));
    QVERIFY2(waitUntil([&] { return !kcat({}).out.contains(QStringLiteral("topic \"%1\"").arg(topic)); }, 30s, 250) >=
                 0,
             qPrintable(kcat({}).out));
}

void TestTopicDialogs::cancelStopsAQueuedRequest()
{
    // A slow request ahead in the session's queue keeps the dialog's own request waiting.
    m_session->submit<Done>(
        [](ClusterOperations &) {
            QThread::msleep(2500);
            return Status(ok());
        },
        this, [](const Status &) {});
    QPointer<QDialog> dialog = topicdialogs::createTopic(nullptr, m_session.get(), &m_log);
    auto *d = asTopicDialog(dialog);
    const QString name = uniqueName(QStringLiteral("dlg-cancel"));
    setText(dialog, "topicName", name);
    QTest::mouseClick(d->actionButton(), Qt::LeftButton);
    QVERIFY(d->isBusy());
    QVERIFY(!d->actionButton()->isEnabled());
    QVERIFY(!child<QLineEdit>(dialog, "topicName")->isEnabled());
    QVERIFY(child<QWidget>(dialog, "busyIndicator")->isVisibleTo(dialog));
    QCOMPARE(d->closeButton()->text(), QStringLiteral("Cancel"));
    screenshot(dialog, QStringLiteral("createtopic-busy.png"));
    QTest::mouseClick(d->closeButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!d->isBusy(), 30000);
    QVERIFY(dialog); // stays open to say how it ended
    QVERIFY(messageText(dialog, "resultMessage").startsWith(QStringLiteral("Cancelled.")));
    QVERIFY(d->actionButton()->isEnabled());
    QVERIFY(d->closeButton()->text() != QStringLiteral("Cancel"));
    m_session->refreshNow();
    QTest::qWait(1500);
    QVERIFY(!kcat({}).out.contains(QStringLiteral("topic \"%1\"").arg(name)));
    dialog->close();
    QTRY_VERIFY(!dialog);
}

void TestTopicDialogs::readOnlySessionDisablesActions()
{
    ConnectionSettings settings = ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("production"));
    settings.readOnly = true;
    ClusterSession readOnly(settings);
    readOnly.start();
    QTRY_VERIFY_WITH_TIMEOUT(readOnly.latestSnapshot(), 60000);
    const QString topic = uniqueName(QStringLiteral("dlg-ro"));
    QVERIFY(makeTopic(topic, 1));
    QTRY_VERIFY_WITH_TIMEOUT(readOnly.latestSnapshot()->topic(topic), 30000);

    const QString reason = QStringLiteral("The connection \"production\" is read-only");
    QPointer<QDialog> create = topicdialogs::createTopic(nullptr, &readOnly, &m_log);
    setText(create, "topicName", uniqueName(QStringLiteral("dlg-ro-new")));
    QVERIFY(!asTopicDialog(create)->actionButton()->isEnabled());
    QVERIFY(asTopicDialog(create)->actionButton()->toolTip().startsWith(reason));
    QVERIFY(messageText(create, "readOnlyNotice").startsWith(reason));
    QVERIFY(!asTopicDialog(create)->commandLine()->command().isEmpty()); // still shows what it would run
    screenshot(create, QStringLiteral("createtopic-readonly.png"));

    QPointer<QDialog> del = topicdialogs::deleteTopic(nullptr, &readOnly, &m_log, topic);
    QTest::keyClicks(child<QLineEdit>(del, "confirmName"), topic);
    QVERIFY(!asTopicDialog(del)->actionButton()->isEnabled());
    QVERIFY(asTopicDialog(del)->actionButton()->toolTip().startsWith(reason));

    QPointer<QDialog> grow = topicdialogs::addPartitions(nullptr, &readOnly, &m_log, topic);
    QVERIFY(!asTopicDialog(grow)->actionButton()->isEnabled());

    // Configs are still read and shown; changing them is not possible.
    QPointer<QDialog> edit = topicdialogs::editConfigs(nullptr, &readOnly, &m_log, topic);
    QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<EditConfigsDialog *>(edit.data())->isLoaded(), 30000);
    QVERIFY(child<QTableView>(edit, "inherited")->model()->rowCount() > 10);
    setText(edit, "configName", QStringLiteral("retention.ms"));
    setText(edit, "configValue", QStringLiteral("1000"));
    QVERIFY(!child<QPushButton>(edit, "setConfig")->isEnabled());
    QVERIFY(child<QPushButton>(edit, "setConfig")->toolTip().startsWith(reason));
    QVERIFY(!asTopicDialog(edit)->actionButton()->isEnabled());
    for (QDialog *d : {create.data(), del.data(), grow.data(), edit.data()})
        d->close();
    QTRY_VERIFY(!create && !del && !grow && !edit);
}

QTEST_MAIN(TestTopicDialogs)
#include "tst_topicdialogs.moc"
