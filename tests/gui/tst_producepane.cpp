// The produce pane offscreen against the shared real cluster: the partition a key goes to, shown
// as it is typed; a keyed send of 10 copies with {i}, its delivery rows and what kcat reads back;
// bad inputs (invalid JSON, a header without a name, a partition out of range, a topic that does
// not exist) each refused with its sentence and nothing sent; read-only connections; the
// deliveries model's bound; a screenshot after a keyed send.

#include "cluster/clustersession.h"
#include "kafka/partitioner.h"
#include "models/deliverytablemodel.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/produceform.h"
#include "views/producepage.h"
#include "widgets/commandlinepreview.h"
#include "widgets/messagelog.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

// "%p %o %k %s %h" of every message of the topic, as kcat reads them from the beginning.
QStringList kcatLines(const QString &bootstrap, const QString &topic)
{
    const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-C"), QStringLiteral("-t"),
                                                      topic, QStringLiteral("-o"), QStringLiteral("beginning"),
                                                      QStringLiteral("-e"), QStringLiteral("-q"), QStringLiteral("-f"),
                                                      QStringLiteral("%p %o %k %s %h\\n")},
                            {}, 30000);
    return r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}


} // namespace

class TestProducePane : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    std::unique_ptr<ClusterSession> m_session;
    MessageLog m_log;
    const QString m_prefix = uniqueName(QStringLiteral("pp"));
    const QString m_three = m_prefix + QStringLiteral("-three"); // 3 partitions
    const QString m_one = m_prefix + QStringLiteral("-one");     // 1 partition

    bool createTopic(const QString &name, int partitions)
    {
        const RunResult r = ctl({QStringLiteral("topics"), QStringLiteral("create"), name, QStringLiteral("--partitions"),
                                 QString::number(partitions), QStringLiteral("--replication-factor"), QStringLiteral("3"),
                                 QStringLiteral("--bootstrap"), m_bootstrap});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return r.exitCode == 0;
    }

    void attach(ProducePage &page, ClusterSession *session = nullptr)
    {
        session = session ? session : m_session.get();
        connect(session, &ClusterSession::snapshotReady, &page, &ProducePage::showSnapshot);
        page.attach(session, &m_log);
    }

    // A page on the shared cluster, laid out as in the window.
    void prepare(ProducePage &page)
    {
        attach(page);
        page.resize(1100, 720);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
    }

    void typeValue(ProducePage &page, const QString &text)
    {
        page.form()->valueEdit()->clear();
        page.form()->valueEdit()->setFocus();
        QTest::keyClicks(page.form()->valueEdit(), text);
    }

    void selectFormat(ProducePage &page, const QString &value)
    {
        QComboBox *c = page.form()->formatCombo();
        c->setCurrentIndex(c->findData(value));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("kafdesk-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_producepane"));
        QSettings().clear(); // the remembered acks/format/compression start from their defaults
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        m_session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("shared")));
        m_session->setPollInterval(500);
        m_session->start();
        QVERIFY(createTopic(m_three, 3));
        QVERIFY(createTopic(m_one, 1));
        QVERIFY(QTest::qWaitFor([&] {
            const ClusterSnapshotPtr s = m_session->latestSnapshot();
            return s && s->topic(m_three) && s->topic(m_one);
        }, 30000));
    }

    void keyedSendOfTenCopies()
    {
        ProducePage page;
        QAbstractItemModelTester tester(page.deliveries(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        prepare(page);
        page.setTopic(m_three);
        QCOMPARE(page.topic(), m_three);
        QVERIFY(page.form()->idempotenceBox()->isChecked()); // on by default
        QCOMPARE(page.form()->acksCombo()->currentData().toString(), QStringLiteral("all"));

        // The partition label follows the key as it is typed.
        page.form()->keyEdit()->setFocus();
        QTest::keyClicks(page.form()->keyEdit(), QStringLiteral("user-1"));
        QCOMPARE(page.form()->partitionHint(),
                 QStringLiteral("→ partition %1 (murmur2, as Kafka's Java client)").arg(javaPartitionForKey("user-1", 3)));
        QCOMPARE(page.form()->partitionHint(), QStringLiteral("→ partition 2 (murmur2, as Kafka's Java client)"));
        page.form()->keyEdit()->clear();
        QTest::keyClicks(page.form()->keyEdit(), QStringLiteral("user-42"));
        QCOMPARE(page.form()->partitionHint(), QStringLiteral("→ partition 1 (murmur2, as Kafka's Java client)"));
        page.form()->nullKeyBox()->setChecked(true);
        QVERIFY(page.form()->partitionHint().contains(QStringLiteral("null key")));
        page.form()->nullKeyBox()->setChecked(false);
        QVERIFY(page.form()->partitionHint().contains(QStringLiteral("partition 1")));

        typeValue(page, QStringLiteral("order {i}"));
        page.form()->copiesSpin()->setValue(10);
        const int row = page.form()->addHeader(QStringLiteral("source"), QStringLiteral("kafdesk-gui"));
        QCOMPARE(row, 0);
        Q_EMIT page.form()->changed();
        QVERIFY2(page.sendButton()->isEnabled(), qPrintable(page.sendBlockedReason()));
        QVERIFY(page.commandPreview()->command().contains(QStringLiteral("kcat -P -b ")));
        QVERIFY(page.commandPreview()->command().contains(QStringLiteral("-H source=kafdesk-gui")));

        QTest::mouseClick(page.sendButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page.deliveries()->rowCount(), 10, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isSending(), 10000);
        QCOMPARE(page.deliveries()->deliveredCount(), 10);
        QVERIFY2(page.summaryLabel()->text().startsWith(QStringLiteral("10 of 10 messages delivered to ") + m_three),
                 qPrintable(page.summaryLabel()->text()));
        QList<qint64> offsets;
        for (int i = 0; i < 10; ++i) {
            const DeliveryReport &r = page.deliveries()->report(i);
            QVERIFY(r.ok());
            QCOMPARE(r.partition, 1);
            QCOMPARE(page.deliveries()->index(i, DeliveryTableModel::KeyColumn).data().toString(), QStringLiteral("user-42"));
            QCOMPARE(page.deliveries()->index(i, DeliveryTableModel::StatusColumn).data().toString(), QStringLiteral("✓ Delivered"));
            offsets << r.offset;
        }
        // Newest at the bottom: in delivery order, which for one partition is offset order.
        for (int i = 1; i < 10; ++i)
            QCOMPARE(offsets.at(i), offsets.at(i - 1) + 1);

        QStringList expected;
        for (int i = 0; i < 10; ++i)
            expected << QStringLiteral("1 %1 user-42 order %2 source=kafdesk-gui").arg(offsets.at(i)).arg(i + 1);
        QStringList kcat;
        waitUntil([&] { return (kcat = kcatLines(m_bootstrap, m_three)).size() >= 10; }, 20s, 300);
        QCOMPARE(kcat, expected);

        page.deliveriesView()->scrollToBottom();
        QTest::qWait(50);
        test::saveScreenshot(page, QStringLiteral("produce-keyed-send.png"));
    }

    void badInputsAreRefusedWithTheirSentence()
    {
        ProducePage page;
        prepare(page);
        page.setTopic(m_one);
        page.form()->keyEdit()->setText(QStringLiteral("k"));
        typeValue(page, QStringLiteral("v"));
        QVERIFY2(page.sendButton()->isEnabled(), qPrintable(page.sendBlockedReason()));
        auto refused = [&](const QString &fragment) {
            const QString reason = page.sendBlockedReason();
            QVERIFY2(reason.contains(fragment), qPrintable(reason));
            QVERIFY(!page.sendButton()->isEnabled());
            QVERIFY2(page.reasonLabel()->text().contains(fragment), qPrintable(page.reasonLabel()->text()));
            QVERIFY(page.sendButton()->toolTip().contains(fragment));
            QVERIFY(!page.send());
            QVERIFY(!page.isSending());
            QCOMPARE(page.deliveries()->rowCount(), 0);
        };

        // Invalid JSON, with its position, shown as it is typed.
        selectFormat(page, QStringLiteral("json"));
        typeValue(page, QStringLiteral("{\"id\": {i}, \"name\": }"));
        QVERIFY2(page.form()->valueStatus().contains(QStringLiteral("line 1, column 21")), qPrintable(page.form()->valueStatus()));
        QVERIFY(page.form()->valueStatusLabel()->isVisible());
        refused(QStringLiteral("The JSON value is not valid at line 1, column 21"));
        typeValue(page, QStringLiteral("{\"id\": {i}}"));
        QCOMPARE(page.form()->valueStatus(), QStringLiteral("✓ Valid JSON"));
        QVERIFY(page.sendButton()->isEnabled());

        // Hex that is not hex.
        selectFormat(page, QStringLiteral("hex"));
        typeValue(page, QStringLiteral("de ad bx"));
        refused(QStringLiteral("'x' at position 8, which is not a hex digit"));
        typeValue(page, QStringLiteral("de ad be ef"));
        QCOMPARE(page.form()->valueStatus(), QStringLiteral("4 bytes"));
        QVERIFY(page.sendButton()->isEnabled());

        // A header without a name.
        page.form()->addHeader(QString(), QStringLiteral("orphan"));
        Q_EMIT page.form()->changed();
        refused(QStringLiteral("Header 1 has no name"));
        page.form()->headersTable()->selectRow(0);
        QTest::mouseClick(page.form()->removeHeaderButton(), Qt::LeftButton);
        QCOMPARE(page.form()->headersTable()->rowCount(), 0);
        QVERIFY(page.sendButton()->isEnabled());

        // A partition the topic does not have: the choice stays, and the form says so.
        page.setTopic(m_three);
        page.form()->chosenPartitionButton()->setChecked(true);
        QCOMPARE(page.form()->partitionSpin()->maximum(), 2);
        page.form()->partitionSpin()->setValue(2);
        QVERIFY(page.sendButton()->isEnabled());
        page.setTopic(m_one);
        QCOMPARE(page.form()->partitionSpin()->value(), 2);
        refused(QStringLiteral("Topic %1 has 1 partition(s), 0 to 0: there is no partition 2").arg(m_one));
        page.form()->partitionSpin()->setValue(0);
        QCOMPARE(page.form()->partitionSpin()->maximum(), 0);
        QVERIFY(page.sendButton()->isEnabled());

        // A topic that does not exist.
        const QString missing = m_prefix + QStringLiteral("-missing");
        page.form()->topicCombo()->setCurrentText(missing);
        refused(QStringLiteral("The topic %1 does not exist on this cluster").arg(missing));
        page.form()->topicCombo()->setCurrentText(QString());
        refused(QStringLiteral("Choose the topic to produce to"));

        // Idempotence goes off with acks=1, and the form says why.
        page.setTopic(m_one);
        QComboBox *acks = page.form()->acksCombo();
        acks->setCurrentIndex(acks->findData(QStringLiteral("1")));
        QVERIFY(!page.form()->idempotenceBox()->isChecked());
        QVERIFY(!page.form()->idempotenceBox()->isEnabled());
        QCOMPARE(page.form()->noteLabel()->text(), QStringLiteral("Idempotence turned off: it needs acks=all."));
        QVERIFY(page.sendButton()->isEnabled());

        // Nothing reached the one-partition topic.
        QVERIFY(kcatLines(m_bootstrap, m_one).isEmpty());
    }

    // The broker refuses a message larger than the topic's max.message.bytes: each copy's row
    // says so with the broker's own error, and the window's log gets a warning.
    void brokerRefusalsAreShownPerMessage()
    {
        const QString small = m_prefix + QStringLiteral("-small");
        const RunResult r = ctl({QStringLiteral("topics"), QStringLiteral("create"), small, QStringLiteral("--partitions"),
                                 QStringLiteral("1"), QStringLiteral("--replication-factor"), QStringLiteral("3"),
                                 QStringLiteral("--config"), QStringLiteral("max.message.bytes=1000"),
                                 QStringLiteral("--bootstrap"), m_bootstrap});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QVERIFY(QTest::qWaitFor([&] { return m_session->latestSnapshot()->topic(small) != nullptr; }, 30000));
        ProducePage page;
        prepare(page);
        page.setTopic(small);
        // The format chosen last time (hex, in the test before) is remembered.
        QCOMPARE(page.form()->formatCombo()->currentData().toString(), QStringLiteral("hex"));
        selectFormat(page, QStringLiteral("text"));
        page.form()->nullKeyBox()->setChecked(true);
        page.form()->valueEdit()->setPlainText(QString(5000, QLatin1Char('x')));
        page.form()->copiesSpin()->setValue(2);
        QVERIFY2(page.sendButton()->isEnabled(), qPrintable(page.sendBlockedReason()));
        const qsizetype logged = m_log.messages().size();
        QVERIFY(page.send());
        QTRY_COMPARE_WITH_TIMEOUT(page.deliveries()->rowCount(), 2, 40000);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isSending(), 10000);
        QCOMPARE(page.deliveries()->failedCount(), 2);
        for (int i = 0; i < 2; ++i) {
            const QModelIndex status = page.deliveries()->index(i, DeliveryTableModel::StatusColumn);
            QVERIFY2(status.data().toString().startsWith(QStringLiteral("✗ ")), qPrintable(status.data().toString()));
            QVERIFY2(status.data(Qt::ToolTipRole).toString().contains(QStringLiteral("MSG_SIZE_TOO_LARGE")),
                     qPrintable(status.data(Qt::ToolTipRole).toString()));
        }
        QVERIFY2(page.summaryLabel()->text().contains(QStringLiteral("0 of 2 messages delivered")),
                 qPrintable(page.summaryLabel()->text()));
        QVERIFY2(page.summaryLabel()->text().contains(QStringLiteral("2 failed")), qPrintable(page.summaryLabel()->text()));
        QVERIFY(m_log.messages().size() > logged);
        const LogMessage &last = m_log.messages().constLast();
        QCOMPARE(last.severity, LogMessage::Severity::Warning);
        QVERIFY2(last.detail.contains(QStringLiteral("MSG_SIZE_TOO_LARGE")), qPrintable(last.detail));
        QVERIFY(kcatLines(m_bootstrap, small).isEmpty());
        test::saveScreenshot(page, QStringLiteral("produce-refused.png"));
    }

    // A topic deleted after the last snapshot: the producer's own metadata check refuses it, and
    // the page shows the sentence with the broker's error next to the form and in the log.
    void aTopicGoneSinceTheSnapshotIsReported()
    {
        const QString gone = m_prefix + QStringLiteral("-gone");
        QVERIFY(createTopic(gone, 1));
        ClusterSession session(ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("slow poll")));
        session.setPollInterval(3600 * 1000);
        session.start();
        // The first snapshot may predate the topic reaching every broker: ask again until it shows.
        QElapsedTimer sinceRefresh;
        sinceRefresh.start();
        QVERIFY(QTest::qWaitFor([&] {
            if (session.latestSnapshot() && session.latestSnapshot()->topic(gone))
                return true;
            if (sinceRefresh.elapsed() > 500) {
                session.refreshNow();
                sinceRefresh.restart();
            }
            return false;
        }, 30000));
        const RunResult r = ctl({QStringLiteral("topics"), QStringLiteral("delete"), gone, QStringLiteral("--yes"),
                                 QStringLiteral("--bootstrap"), m_bootstrap});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        ProducePage page;
        attach(page, &session);
        page.resize(1100, 720);
        page.show();
        page.setTopic(gone);
        selectFormat(page, QStringLiteral("text"));
        page.form()->valueEdit()->setPlainText(QStringLiteral("late"));
        QVERIFY2(page.sendButton()->isEnabled(), qPrintable(page.sendBlockedReason()));
        QVERIFY(page.send());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isSending(), 30000);
        QVERIFY2(page.lastError().contains(QStringLiteral("The topic %1 does not exist").arg(gone)), qPrintable(page.lastError()));
        QVERIFY2(page.reasonLabel()->text().contains(QStringLiteral("UNKNOWN_TOPIC_OR_PART")), qPrintable(page.reasonLabel()->text()));
        QCOMPARE(page.summaryLabel()->text(), QStringLiteral("Nothing was sent to %1.").arg(gone));
        QCOMPARE(page.deliveries()->rowCount(), 0);
        const LogMessage &last = m_log.messages().constLast();
        QCOMPARE(last.severity, LogMessage::Severity::Error);
        QVERIFY(last.detail.contains(QStringLiteral("UNKNOWN_TOPIC_OR_PART")));
        test::saveScreenshot(page, QStringLiteral("produce-topic-gone.png"));
        // Changing what is to be sent clears the old error from beside Send.
        page.form()->valueEdit()->setPlainText(QStringLiteral("later"));
        QVERIFY(!page.reasonLabel()->text().contains(QStringLiteral("UNKNOWN_TOPIC_OR_PART")));
    }

    void manyCopiesShowProgressAndCancel()
    {
        ProducePage page;
        prepare(page);
        page.setTopic(m_three);
        selectFormat(page, QStringLiteral("text"));
        page.form()->keyEdit()->setText(QStringLiteral("bulk-{i}"));
        page.form()->valueEdit()->setPlainText(QStringLiteral("bulk {i}"));
        page.form()->copiesSpin()->setValue(400000);
        QVERIFY(page.form()->partitionHint().contains(QStringLiteral("varies with {i}")));
        QVERIFY(page.send());
        QVERIFY(page.isSending());
        QVERIFY(!page.sendButton()->isEnabled());
        QVERIFY(page.progressBar()->isVisible());
        QVERIFY(page.cancelButton()->isVisible());
        QCOMPARE(page.progressBar()->maximum(), 400000);
        QTRY_VERIFY_WITH_TIMEOUT(page.progressBar()->value() > 0, 20000);
        QTest::mouseClick(page.cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!page.isSending(), 30000);
        QVERIFY(!page.progressBar()->isVisible());
        QVERIFY2(page.summaryLabel()->text().contains(QStringLiteral("cancelled")), qPrintable(page.summaryLabel()->text()));
        QVERIFY(page.deliveries()->rowCount() <= page.deliveries()->capacity());
        QVERIFY(page.deliveries()->rowCount() > 0);
        QVERIFY(page.sendButton()->isEnabled());
    }

    void readOnlyConnectionsCannotSend()
    {
        ConnectionSettings settings = ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("prod (read-only)"));
        settings.readOnly = true;
        ClusterSession session(settings);
        session.start();
        ProducePage page;
        attach(page, &session);
        page.resize(1100, 720);
        page.show();
        page.setTopic(m_three);
        page.form()->keyEdit()->setText(QStringLiteral("k"));
        QTRY_VERIFY(!page.sendButton()->isEnabled());
        QCOMPARE(page.sendBlockedReason(), page.readOnlyReason());
        QVERIFY(page.sendButton()->toolTip().contains(QStringLiteral("read-only")));
        QVERIFY(!page.send());
    }

    void deliveriesAreBounded()
    {
        DeliveryTableModel model(nullptr, 5);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<DeliveryReport> reports;
        for (int i = 1; i <= 8; ++i) {
            DeliveryReport r;
            r.id = i;
            r.partition = 0;
            r.offset = i - 1;
            r.key = QByteArray("\xff\x01", 2);
            if (i == 7)
                r.error = Error{QStringLiteral("Delivering the message failed: the topic or partition does not exist."),
                                QStringLiteral("Broker: Unknown topic or partition (UNKNOWN_TOPIC_OR_PART)")};
            reports << r;
        }
        model.append(reports.mid(0, 3));
        model.append(reports.mid(3));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.droppedCount(), 3);
        QCOMPARE(model.report(0).id, 4);
        QCOMPARE(model.report(4).id, 8);
        QCOMPARE(model.failedCount(), 1);
        QCOMPARE(model.deliveredCount(), 4);
        QCOMPARE(model.index(0, DeliveryTableModel::KeyColumn).data().toString(), QStringLiteral("0xff01"));
        const QModelIndex failed = model.index(3, DeliveryTableModel::StatusColumn);
        QVERIFY(failed.data().toString().startsWith(QStringLiteral("✗ Delivering the message failed")));
        QVERIFY(failed.data(Qt::ToolTipRole).toString().contains(QStringLiteral("UNKNOWN_TOPIC_OR_PART")));
        QVERIFY(!failed.data(DeliveryTableModel::DeliveredRole).toBool());
        model.append(reports); // more than the capacity at once: the newest 5 stay
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.report(0).id, 4);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(DeliveryTableModel::keyText(std::nullopt), QStringLiteral("(null)"));
    }
};

QTEST_MAIN(TestProducePane)
#include "tst_producepane.moc"
