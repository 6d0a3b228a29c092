// The consume pane against real Kafka, offscreen: what it reads from the beginning is what kcat
// reads (partition, offset, key, value, in order within each partition); the substring and
// regular-expression filters; the JSON Lines export parsed back field by field against kcat; bad
// inputs (a date-time that does not parse, a partition out of range, a topic that does not exist,
// a group without an id, a bad regular expression) said clearly; the event loop's longest stall
// while 200,000 messages stream in; and a screenshot with JSON messages.

#include "charts/messageratechart.h"
#include "cluster/clustersession.h"
#include "models/messagefiltermodel.h"
#include "models/messagetablemodel.h"
#include "support/screenshot.h"
#include "support/testsupport.h"
#include "views/consumedatetimefield.h"
#include "views/consumefilterbar.h"
#include "views/consumeform.h"
#include "views/consumepage.h"
#include "widgets/messagedetailview.h"
#include "widgets/messagelog.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

struct KcatMessage {
    int partition = -1;
    qint64 offset = -1;
    qint64 timestamp = -1;
    QString key;
    QString value;
};

// Everything in the topic, as kcat reads it (-e: up to the end), in kcat's order.
QList<KcatMessage> kcatRead(const QString &bootstrap, const QString &topic)
{
    const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-C"), QStringLiteral("-t"),
                                                      topic, QStringLiteral("-o"), QStringLiteral("beginning"), QStringLiteral("-e"),
                                                      QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("%p\\t%o\\t%T\\t%k\\t%s\\n")},
                            {}, 60000);
    QList<KcatMessage> out;
    for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() < 5)
            continue;
        out << KcatMessage{f[0].toInt(), f[1].toLongLong(), f[2].toLongLong(), f[3], f.mid(4).join(QLatin1Char('\t'))};
    }
    return out;
}

// Produces "key:value" lines with kcat -K: (the key is what comes before the first colon).
bool kcatProduce(const QString &bootstrap, const QString &topic, const QByteArray &lines)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("in.txt"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(lines) != lines.size())
        return false;
    f.close();
    const RunResult r = run(QStringLiteral("sh"),
                            {QStringLiteral("-c"), QStringLiteral("kcat -b %1 -P -t %2 -K: -z lz4 < %3").arg(bootstrap, topic, file)}, {},
                            180000);
    if (r.exitCode != 0)
        qWarning("%s", qPrintable(r.describe()));
    return r.exitCode == 0;
}

QByteArray jsonLines(int count, const QByteArray &prefix)
{
    QByteArray out;
    for (int i = 0; i < count; ++i) {
        out += prefix + QByteArray::number(i) + ":{\"id\":" + QByteArray::number(i) + ",\"name\":\"item " +
               QByteArray::number(i) + "\",\"price\":" + QByteArray::number(i * 1.25, 'f', 2) +
               ",\"tags\":[\"" + (i % 2 ? "odd" : "even") + "\",\"demo\"],\"stock\":{\"warehouse\":\"W" +
               QByteArray::number(i % 3) + "\",\"count\":" + QByteArray::number(100 - i) + "}}\n";
    }
    return out;
}


// The page's rows as (partition, offset, key, value) text, in table order.
QList<KcatMessage> pageRows(const ConsumePage &page)
{
    QList<KcatMessage> out;
    const MessageTableModel *model = page.model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const Message m = model->message(row);
        out << KcatMessage{m.partition, m.offset, m.timestampMs, QString::fromUtf8(m.key.value_or(QByteArray())),
                           QString::fromUtf8(m.value.value_or(QByteArray()))};
    }
    return out;
}

QMap<int, QList<KcatMessage>> byPartition(const QList<KcatMessage> &messages)
{
    QMap<int, QList<KcatMessage>> out;
    for (const KcatMessage &m : messages)
        out[m.partition] << m;
    return out;
}

} // namespace

class TestConsumePane : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    std::unique_ptr<ClusterSession> m_session;
    MessageLog m_log;
    const QString m_prefix = uniqueName(QStringLiteral("cp"));
    const QString m_json = m_prefix + QStringLiteral("-json"); // 3 partitions, 60 JSON messages
    QList<KcatMessage> m_kcat;

    bool createTopic(const QString &name, int partitions)
    {
        const RunResult r = ctl({QStringLiteral("topics"), QStringLiteral("create"), name, QStringLiteral("--partitions"),
                                 QString::number(partitions), QStringLiteral("--replication-factor"), QStringLiteral("3"),
                                 QStringLiteral("--bootstrap"), m_bootstrap});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return r.exitCode == 0;
    }

    bool inSnapshot(const QString &topic) const
    {
        const ClusterSnapshotPtr s = m_session->latestSnapshot();
        return s && s->topic(topic);
    }

    void attach(ConsumePage &page)
    {
        connect(m_session.get(), &ClusterSession::snapshotReady, &page, &ConsumePage::showSnapshot);
        page.attach(m_session.get(), &m_log);
    }

    // Reads the JSON topic from the beginning until all 60 messages are in.
    void readAll(ConsumePage &page)
    {
        attach(page);
        page.capacitySpin()->setValue(int(MessageStore::defaultCapacity)); // the setting may hold another one
        page.setTopic(m_json);
        page.form()->startCombo()->setCurrentIndex(page.form()->startCombo()->findData(ConsumeForm::FromBeginning));
        page.start();
        QVERIFY2(page.form()->errorText().isEmpty(), qPrintable(page.form()->errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(page.messagesRead(), qint64(m_kcat.size()), 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
        m_session = std::make_unique<ClusterSession>(ConnectionSettings::forBootstrap(m_bootstrap));
        m_session->setPollInterval(500);
        m_session->start();
        QVERIFY(createTopic(m_json, 3));
        QVERIFY(kcatProduce(m_bootstrap, m_json, jsonLines(60, "order-")));
        m_kcat = kcatRead(m_bootstrap, m_json);
        QCOMPARE(m_kcat.size(), 60);
        QVERIFY(QTest::qWaitFor([&] { return inSnapshot(m_json); }, 30000));
    }

    void readsFromTheBeginningLikeKcat()
    {
        ConsumePage page;
        page.resize(1200, 760);
        readAll(page);
        const QList<KcatMessage> rows = pageRows(page);
        QCOMPARE(rows.size(), m_kcat.size());
        // In order within each partition, and the same messages as kcat's.
        const auto mine = byPartition(rows);
        const auto theirs = byPartition(m_kcat);
        QCOMPARE(mine.keys(), theirs.keys());
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it) {
            const QList<KcatMessage> &a = mine[it.key()];
            const QList<KcatMessage> &b = it.value();
            QCOMPARE(a.size(), b.size());
            for (qsizetype i = 0; i < a.size(); ++i) {
                QCOMPARE(a[i].offset, b[i].offset);
                QCOMPARE(a[i].key, b[i].key);
                QCOMPARE(a[i].value, b[i].value);
                QCOMPARE(a[i].timestamp, b[i].timestamp);
            }
        }
        // The table shows them: keys, compact JSON previews, and a status line that counts them.
        const QModelIndex first = page.filterModel()->index(0, MessageTableModel::ValueColumn);
        QVERIFY(first.data().toString().startsWith(QStringLiteral("{\"id\":")));
        // The status line is redrawn on its timer, not per batch.
        QTRY_VERIFY2(page.statusText().contains(QStringLiteral("60 messages read")), qPrintable(page.statusText()));
        QVERIFY(page.statusText().contains(QStringLiteral("buffer 60 of %1").arg(QLocale().toString(100000))));
        QVERIFY(page.droppedText().isEmpty());

        // Selecting a row shows it in full, pretty.
        page.table()->setCurrentIndex(page.filterModel()->index(5, 0));
        const Message selected = page.model()->message(5);
        QVERIFY(page.detailView()->hasMessage());
        QCOMPARE(page.detailView()->message()->offset, selected.offset);
        QVERIFY2(page.detailView()->valueText().contains(QStringLiteral("\n  \"name\": \"item ")), qPrintable(page.detailView()->valueText()));
        // Ctrl+C on the table copies the selected value, decoded.
        QApplication::clipboard()->clear();
        page.table()->setFocus();
        QTest::keySequence(page.table(), QKeySequence::Copy);
        QCOMPARE(QApplication::clipboard()->text(), page.detailView()->valueText());
        page.stop();
        QTRY_COMPARE_WITH_TIMEOUT(page.state(), ConsumeSession::State::Finished, 20000);
    }

    void pausesResumesAndCommitsAsAGroup()
    {
        ConsumePage page;
        attach(page);
        page.capacitySpin()->setValue(int(MessageStore::defaultCapacity));
        page.setTopic(m_json);
        ConsumeForm *form = page.form();
        form->startCombo()->setCurrentIndex(form->startCombo()->findData(ConsumeForm::FromBeginning));
        const QString group = m_prefix + QStringLiteral("-group");
        form->modeCombo()->setCurrentIndex(1);
        QVERIFY(form->groupEdit()->isVisible() || !page.isVisible());
        form->groupEdit()->setText(group);
        QTest::keyClick(form->groupEdit(), Qt::Key_Return); // Enter on the form starts
        QVERIFY2(form->errorText().isEmpty(), qPrintable(form->errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(page.messagesRead(), qint64(m_kcat.size()), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(page.state(), ConsumeSession::State::Running, 10000);
        QVERIFY(!form->startButton()->isEnabled());
        QVERIFY(!form->topicCombo()->isEnabled());

        page.pauseOrResume();
        QTRY_COMPARE_WITH_TIMEOUT(page.state(), ConsumeSession::State::Paused, 10000);
        QCOMPARE(form->pauseButton()->text(), QStringLiteral("Resume"));
        QTRY_VERIFY(page.statusText().contains(QStringLiteral("Paused")));
        page.pauseOrResume();
        QTRY_COMPARE_WITH_TIMEOUT(page.state(), ConsumeSession::State::Running, 10000);
        QCOMPARE(form->pauseButton()->text(), QStringLiteral("Pause"));

        page.stop();
        QTRY_COMPARE_WITH_TIMEOUT(page.state(), ConsumeSession::State::Finished, 30000);
        QVERIFY(form->startButton()->isEnabled());
        // The group committed the end of every partition: Kafka's own tool says so.
        QMap<int, qint64> ends;
        for (const KcatMessage &m : m_kcat)
            ends[m.partition] = std::max(ends.value(m.partition), m.offset + 1);
        const RunResult described = kafkaTool(QStringLiteral("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"),
                                              {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--describe"),
                                               QStringLiteral("--group"), group});
        QMap<int, qint64> committed;
        static const QRegularExpression row(QStringLiteral("^\\S+\\s+(\\S+)\\s+(\\d+)\\s+(\\d+|-)\\s+"),
                                            QRegularExpression::MultilineOption);
        for (auto it = row.globalMatch(described.out); it.hasNext();) {
            const auto m = it.next();
            if (m.captured(1) == m_json)
                committed[m.captured(2).toInt()] = m.captured(3).toLongLong();
        }
        QVERIFY2(committed == ends, qPrintable(described.describe()));
    }

    void startsAtADateTime()
    {
        const QString topic = m_prefix + QStringLiteral("-time");
        QVERIFY(createTopic(topic, 1));
        QVERIFY(kcatProduce(m_bootstrap, topic, "a0:early\na1:early\na2:early\na3:early\na4:early\n"));
        QThread::msleep(1500);
        const QDateTime between = QDateTime::currentDateTime();
        QThread::msleep(500);
        QVERIFY(kcatProduce(m_bootstrap, topic, "b0:late\nb1:late\nb2:late\n"));
        QVERIFY(QTest::qWaitFor([&] { return inSnapshot(topic); }, 30000));

        ConsumePage page;
        attach(page);
        page.setTopic(topic);
        ConsumeForm *form = page.form();
        form->startCombo()->setCurrentIndex(form->startCombo()->findData(ConsumeForm::AtDateTime));
        // Typed as local time with milliseconds, the way the field shows it.
        form->dateTimeField()->setText(between.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")));
        QCOMPARE(form->dateTimeField()->dateTime()->toMSecsSinceEpoch(), between.toMSecsSinceEpoch());
        page.start();
        QVERIFY2(form->errorText().isEmpty(), qPrintable(form->errorText()));
        QTRY_COMPARE_WITH_TIMEOUT(page.messagesRead(), qint64(3), 30000);
        QTest::qWait(500); // nothing earlier follows
        const QList<KcatMessage> rows = pageRows(page);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].offset, 5);
        QCOMPARE(rows[0].key, QStringLiteral("b0"));
        QCOMPARE(rows[2].value, QStringLiteral("late"));
        page.stop();
    }

    void readOnlyConnectionsCannotCommit()
    {
        ConnectionSettings settings = ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("ro"));
        settings.readOnly = true;
        ClusterSession readOnly(settings);
        ConsumePage page;
        page.attach(&readOnly, &m_log);
        const auto *model = qobject_cast<const QStandardItemModel *>(page.form()->modeCombo()->model());
        QVERIFY(model);
        QVERIFY(!(model->item(1)->flags() & Qt::ItemIsEnabled)); // "As consumer group" cannot be chosen
        QVERIFY(model->item(1)->toolTip().contains(QStringLiteral("read-only")));
        QVERIFY(model->item(0)->flags() & Qt::ItemIsEnabled);
        page.attach(nullptr, &m_log);
        QCOMPARE(page.emptyStateText(), QStringLiteral("Not connected to a cluster."));
    }

    void filtersBySubstringAndRegex()
    {
        ConsumePage page;
        readAll(page);
        page.stop();
        auto expected = [&](const QRegularExpression &re) {
            return std::count_if(m_kcat.cbegin(), m_kcat.cend(), [&](const KcatMessage &m) {
                return re.match(m.key).hasMatch() || re.match(m.value).hasMatch();
            });
        };
        // Substring, any case: "ITEM 1" is in item 1, 10-19.
        page.filterBar()->patternEdit()->setText(QStringLiteral("ITEM 1"));
        page.filterBar()->applyNow();
        QTRY_VERIFY(!page.filterModel()->isScanning());
        QCOMPARE(page.filterModel()->rowCount(), int(expected(QRegularExpression(QStringLiteral("item 1"), QRegularExpression::CaseInsensitiveOption))));
        QCOMPARE(page.filterModel()->rowCount(), 11);
        QCOMPARE(page.filterBar()->countText(), QStringLiteral("11 of 60 match")); // (the count is locale-formatted)
        for (int row = 0; row < page.filterModel()->rowCount(); ++row)
            QVERIFY(page.filterModel()->index(row, MessageTableModel::ValueColumn).data().toString().contains(QStringLiteral("item 1")));
        // Match case: nothing.
        page.filterBar()->caseBox()->setChecked(true);
        QTRY_COMPARE(page.filterModel()->rowCount(), 0);
        page.filterBar()->caseBox()->setChecked(false);

        // A regular expression on the key only: order-3, order-13, ... order-53.
        page.filterBar()->regexBox()->setChecked(true);
        page.filterBar()->valueBox()->setChecked(false);
        page.filterBar()->patternEdit()->setText(QStringLiteral("^order-\\d*3$"));
        page.filterBar()->applyNow();
        QTRY_VERIFY(!page.filterModel()->isScanning());
        QCOMPARE(page.filterModel()->rowCount(), 6);
        // An invalid one is said so and not applied (the previous filter stays).
        page.filterBar()->patternEdit()->setText(QStringLiteral("order-(\\d"));
        page.filterBar()->applyNow();
        QVERIFY2(page.filterBar()->errorText().contains(QStringLiteral("not valid")), qPrintable(page.filterBar()->errorText()));
        QCOMPARE(page.filterModel()->rowCount(), 6);
        // Cleared: every row again.
        page.filterBar()->patternEdit()->clear();
        page.filterBar()->applyNow();
        QCOMPARE(page.filterModel()->rowCount(), 60);
        QVERIFY(page.filterBar()->errorText().isEmpty());
    }

    void exportsJsonLinesWithEveryField()
    {
        ConsumePage page;
        readAll(page);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.jsonl"));
        QSignalSpy done(&page, &ConsumePage::exportFinished);
        QVERIFY(page.exportTo(path, ExportFormat::JsonLines, false));
        QVERIFY(done.wait(20000));
        QVERIFY2(done[0][0].toBool(), qPrintable(done[0][1].toString()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.size(), m_kcat.size() + 1);
        QMap<QPair<int, qint64>, KcatMessage> kcat;
        for (const KcatMessage &m : m_kcat)
            kcat.insert({m.partition, m.offset}, m);
        for (qsizetype i = 0; i < m_kcat.size(); ++i) {
            QJsonParseError error{};
            const QJsonObject o = QJsonDocument::fromJson(lines[i], &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            QCOMPARE(o.keys().size(), 8);
            QCOMPARE(o.value(QStringLiteral("topic")).toString(), m_json);
            const auto key = qMakePair(o.value(QStringLiteral("partition")).toInt(), o.value(QStringLiteral("offset")).toInteger());
            QVERIFY(kcat.contains(key));
            const KcatMessage &m = kcat.take(key);
            QCOMPARE(o.value(QStringLiteral("timestamp")).toInteger(), m.timestamp);
            QCOMPARE(o.value(QStringLiteral("timestampType")).toString(), QStringLiteral("CreateTime"));
            QCOMPARE(o.value(QStringLiteral("key")).toString(), m.key);
            QCOMPARE(o.value(QStringLiteral("value")).toString(), m.value);
            QVERIFY(o.value(QStringLiteral("headers")).isArray());
            QCOMPARE(o.value(QStringLiteral("headers")).toArray().size(), 0);
        }
        QVERIFY(kcat.isEmpty()); // every message once

        // The filtered rows only, as CSV: the header row and 11 rows.
        page.filterBar()->patternEdit()->setText(QStringLiteral("item 1"));
        page.filterBar()->applyNow();
        QTRY_VERIFY(!page.filterModel()->isScanning());
        const QString csv = dir.filePath(QStringLiteral("filtered.csv"));
        QVERIFY(page.exportTo(csv, ExportFormat::Csv, true));
        QVERIFY(done.wait(20000));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QCOMPARE(csvFile.readAll().count("\r\n"), 12);
    }

    void badInputsAreSaidClearly()
    {
        ConsumePage page;
        attach(page);
        ConsumeForm *form = page.form();
        page.setTopic(m_json);

        form->startCombo()->setCurrentIndex(form->startCombo()->findData(ConsumeForm::AtDateTime));
        form->dateTimeField()->setText(QStringLiteral("next tuesday-ish"));
        QTest::keyClick(form->dateTimeField()->lineEdit(), Qt::Key_Return); // Enter on the form starts
        QVERIFY2(form->errorText().contains(QStringLiteral("does not parse")), qPrintable(form->errorText()));
        QVERIFY(form->errorText().contains(QStringLiteral("next tuesday-ish")));
        QCOMPARE(page.state(), ConsumeSession::State::Idle);
        form->dateTimeField()->setText(QStringLiteral("2026-12-01 14:30"));
        QVERIFY(form->dateTimeField()->dateTime().has_value());

        form->startCombo()->setCurrentIndex(form->startCombo()->findData(ConsumeForm::FromBeginning));
        form->partitionsEdit()->setText(QStringLiteral("0,7"));
        page.start();
        QCOMPARE(form->errorText(), QStringLiteral("Partition 7 is out of range: topic \"%1\" has 3 partitions (0–2).").arg(m_json));
        form->partitionsEdit()->setText(QStringLiteral("1,x"));
        page.start();
        QVERIFY2(form->errorText().contains(QStringLiteral("\"x\" is not a partition number")), qPrintable(form->errorText()));
        form->partitionsEdit()->clear();

        form->modeCombo()->setCurrentIndex(1);
        form->groupEdit()->clear();
        page.start();
        QVERIFY2(form->errorText().contains(QStringLiteral("group id")), qPrintable(form->errorText()));
        form->modeCombo()->setCurrentIndex(0);

        // A topic that does not exist: the session says so, next to the form and in the log.
        const qsizetype logged = m_log.messages().size();
        page.setTopic(m_prefix + QStringLiteral("-missing"));
        page.start();
        QTRY_COMPARE_WITH_TIMEOUT(page.state(), ConsumeSession::State::Failed, 30000);
        QVERIFY2(form->errorText().contains(m_prefix + QStringLiteral("-missing")) ||
                     form->errorText().contains(QStringLiteral("not exist"), Qt::CaseInsensitive),
                 qPrintable(form->errorText()));
        QVERIFY(m_log.messages().size() > logged);
        QTRY_VERIFY(page.statusText().contains(QStringLiteral("Failed")));
        page.resize(1200, 760);
        test::saveScreenshot(page, QStringLiteral("consume-missing-topic.png"));
    }

    void staysSmoothWhileIngesting()
    {
        const QString topic = m_prefix + QStringLiteral("-bulk");
        QVERIFY(createTopic(topic, 3));
        constexpr int total = 200000;
        QByteArray lines;
        lines.reserve(total * 110);
        const QByteArray pad(60, 'x');
        for (int i = 0; i < total; ++i)
            lines += "k" + QByteArray::number(i) + ":{\"n\":" + QByteArray::number(i) + ",\"pad\":\"" + pad + "\"}\n";
        QVERIFY(kcatProduce(m_bootstrap, topic, lines));
        QVERIFY(QTest::qWaitFor([&] { return inSnapshot(topic); }, 30000));

        ConsumePage page;
        page.resize(1200, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        attach(page);
        page.capacitySpin()->setValue(150000); // so the oldest get dropped on the way
        page.setTopic(topic);
        // A filter is on while the messages stream in: new batches are filtered as they come.
        page.filterBar()->patternEdit()->setText(QStringLiteral("\"n\":1999"));
        page.filterBar()->applyNow();

        QList<qint64> gaps;     // wall-clock time between beats
        QList<qint64> busyGaps; // of which the GUI thread spent this much on the CPU
        QElapsedTimer clock;
        qint64 last = -1;
        qint64 lastCpu = 0;
        QTimer heartbeat;
        heartbeat.setInterval(5);
        heartbeat.setTimerType(Qt::PreciseTimer);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            const qint64 cpu = threadCpuMs();
            if (last >= 0) {
                gaps << now - last;
                busyGaps << cpu - lastCpu;
            }
            last = now;
            lastCpu = cpu;
        });
        QElapsedTimer reading;
        reading.start();
        page.start();
        clock.start();
        heartbeat.start();
        QTRY_COMPARE_WITH_TIMEOUT(page.messagesRead(), qint64(total), 120000);
        const qint64 elapsed = reading.elapsed();
        QCOMPARE(page.model()->rowCount(), 150000);
        QCOMPARE(page.model()->store().droppedTotal(), qint64(total - 150000));
        QTRY_VERIFY(!page.filterModel()->isScanning());
        heartbeat.stop(); // the test's own checks below block the loop: they are not the pane's
        // How many buffered messages have an n (read from their JSON) that passes `test`.
        QList<int> buffered;
        for (int row = 0; row < page.model()->rowCount(); ++row)
            buffered << QJsonDocument::fromJson(page.model()->message(row).value.value_or(QByteArray())).object().value(QStringLiteral("n")).toInt();
        auto count = [&](auto test) { return int(std::count_if(buffered.cbegin(), buffered.cend(), test)); };
        // n starting with 1999: 1999, 19990-19999, 199900-199999, those still buffered.
        const int expected = count([](int n) { return QString::number(n).startsWith(QStringLiteral("1999")); });
        QVERIFY(expected > 0 && expected <= 111);
        QCOMPARE(page.filterModel()->rowCount(), expected);
        // Another filter over the whole buffer, a regular expression this time: the heartbeat goes on.
        page.filterBar()->regexBox()->setChecked(true);
        page.filterBar()->patternEdit()->setText(QStringLiteral("\\{\"n\":\\d*7,"));
        last = -1;
        heartbeat.start();
        page.filterBar()->applyNow();
        QVERIFY(page.filterModel()->isScanning());
        QTRY_VERIFY_WITH_TIMEOUT(!page.filterModel()->isScanning(), 30000);
        QCOMPARE(page.filterModel()->rowCount(), count([](int n) { return n % 10 == 7; })); // about 15,000
        heartbeat.stop();
        QTRY_VERIFY2(page.droppedText().contains(QStringLiteral("%1 older messages were dropped").arg(QLocale().toString(50000))), qPrintable(page.droppedText()));
        QVERIFY2(page.statusText().contains(QStringLiteral("%1 dropped").arg(QLocale().toString(50000))), qPrintable(page.statusText()));
        page.stop();
        page.capacitySpin()->setValue(int(MessageStore::defaultCapacity)); // the setting persists

        QVERIFY(gaps.size() > 10);
        const qint64 maxBusy = *std::max_element(busyGaps.cbegin(), busyGaps.cend());
        qInfo("longest gap spent on the CPU by the GUI thread: %lld ms; GUI thread CPU %lld ms in all", maxBusy,
              std::accumulate(busyGaps.cbegin(), busyGaps.cend(), qint64(0)));
        std::sort(gaps.begin(), gaps.end());
        const qint64 maxGap = gaps.last();
        const qint64 p95 = gaps[gaps.size() * 95 / 100];
        const qint64 p99 = gaps[gaps.size() * 99 / 100];
        qInfo("read %d messages in %lld ms (%.0f msg/s); heartbeat gaps: max %lld ms, p99 %lld ms, p95 %lld ms, %lld beats; "
              "%lld bytes per buffered message",
              total, elapsed, total * 1000.0 / std::max<qint64>(elapsed, 1), maxGap, p99, p95, qint64(gaps.size()),
              page.model()->store().memoryBytes() / std::max<qsizetype>(page.model()->rowCount(), 1));
        // What the pane controls: no turn of the event loop kept the GUI thread busy for 50 ms (its
        // own CPU time, which other processes do not inflate). The wall-clock gaps also include
        // waiting for a core while other tests run beside this one (a CI run saw p95 91 ms), so
        // they are reported here and measured where timing belongs: bench_consume (label benchmark).
        QVERIFY2(maxBusy <= 50, qPrintable(QStringLiteral("the GUI thread was busy %1 ms without a beat").arg(maxBusy)));
    }

    void screenshot()
    {
        const QString topic = m_prefix + QStringLiteral("-orders");
        QVERIFY(createTopic(topic, 3));
        QVERIFY(kcatProduce(m_bootstrap, topic, jsonLines(50, "customer-")));
        QVERIFY(QTest::qWaitFor([&] { return inSnapshot(topic); }, 30000));
        ConsumePage page;
        page.resize(1200, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        attach(page);
        page.capacitySpin()->setValue(int(MessageStore::defaultCapacity));
        page.setTopic(topic);
        page.start();
        QTRY_COMPARE_WITH_TIMEOUT(page.messagesRead(), qint64(50), 30000);
        QTest::qWait(1200); // two rate samples
        page.table()->setCurrentIndex(page.filterModel()->index(7, 0));
        QVERIFY(page.detailView()->valueText().contains(QStringLiteral("\"stock\": {")));
        QVERIFY(!page.rateChart()->samples().isEmpty());
        QTest::qWait(100);
        test::saveScreenshot(page, QStringLiteral("consume-json.png"));
        page.stop();
    }
};

QTEST_MAIN(TestConsumePane)
#include "tst_consumepane.moc"
