// kafdesk-ctl groups against the shared cluster, checked with Kafka's ConsumerGroupCommand.

#include "support/testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

// TOPIC PARTITION -> the named column of Kafka's own table output.
QMap<int, QString> kafkaColumn(const QString &output, const QString &topic, const QString &column)
{
    QMap<int, QString> values;
    int index = -1;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        const QStringList cells = line.simplified().split(QLatin1Char(' '));
        if (cells.contains(column)) {
            index = static_cast<int>(cells.indexOf(column));
            continue;
        }
        const qsizetype topicAt = cells.indexOf(topic);
        if (index >= 0 && topicAt >= 0 && cells.size() > index)
            values.insert(cells.at(topicAt + 1).toInt(), cells.at(index));
    }
    return values;
}

} // namespace

class TestCtlGroups : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    QString m_topic = uniqueName(QStringLiteral("ctlgroups"));
    QString m_group = uniqueName(QStringLiteral("ctlgroup"));

    RunResult groups(const QStringList &args)
    {
        return ctl(QStringList{QStringLiteral("groups")} + args + QStringList{QStringLiteral("--bootstrap"), m_bootstrap});
    }

    RunResult consumerGroupCommand(const QStringList &args)
    {
        return kafkaTool(QStringLiteral("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"),
                         QStringList{QStringLiteral("--bootstrap-server"), m_bootstrap} + args);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        const RunResult created = ctl({QStringLiteral("topics"), QStringLiteral("create"), m_topic, QStringLiteral("--partitions"),
                                       QStringLiteral("3"), QStringLiteral("--bootstrap"), m_bootstrap});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        for (int p = 0; p < 3; ++p) {
            QProcess kcat;
            kcat.start(QStringLiteral("kcat"), {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-P"), QStringLiteral("-t"),
                                                m_topic, QStringLiteral("-p"), QString::number(p)});
            QVERIFY(kcat.waitForStarted());
            for (int i = 0; i < 5 + 3 * p; ++i)
                kcat.write("m\n");
            kcat.closeWriteChannel();
            QVERIFY(kcat.waitForFinished(30000));
            QCOMPARE(kcat.exitCode(), 0);
        }
        // Another client commits for partitions 0 and 1; partition 2 has no commit.
        const QString script = QStringLiteral(
                                   "from confluent_kafka import Consumer, TopicPartition\n"
                                   "c = Consumer({'bootstrap.servers': '%1', 'group.id': '%2', 'enable.auto.commit': False})\n"
                                   "c.commit(offsets=[TopicPartition('%3', 0, 2), TopicPartition('%3', 1, 6)], asynchronous=False)\n"
                                   "c.close()\n")
                                   .arg(m_bootstrap, m_group, m_topic);
        const RunResult committed = run(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), script});
        QVERIFY2(committed.exitCode == 0, qPrintable(committed.describe()));
    }

    void lagMatchesConsumerGroupCommand()
    {
        const RunResult ours = groups({QStringLiteral("lag"), QStringLiteral("--group"), m_group, QStringLiteral("--json")});
        QVERIFY2(ours.exitCode == 0, qPrintable(ours.describe()));
        const QJsonArray rows = QJsonDocument::fromJson(ours.out.toUtf8()).array();
        const RunResult kafka = consumerGroupCommand({QStringLiteral("--describe"), QStringLiteral("--group"), m_group});
        QVERIFY2(kafka.exitCode == 0, qPrintable(kafka.describe()));
        const auto kafkaLag = kafkaColumn(kafka.out, m_topic, QStringLiteral("LAG"));
        const auto kafkaEnd = kafkaColumn(kafka.out, m_topic, QStringLiteral("LOG-END-OFFSET"));
        const auto kafkaCurrent = kafkaColumn(kafka.out, m_topic, QStringLiteral("CURRENT-OFFSET"));
        QCOMPARE(rows.size(), kafkaLag.size());
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue &v : rows) {
            const QJsonObject o = v.toObject();
            const int p = o.value(QStringLiteral("partition")).toInt();
            QCOMPARE(QString::number(o.value(QStringLiteral("lag")).toInteger()), kafkaLag.value(p));
            QCOMPARE(QString::number(o.value(QStringLiteral("end")).toInteger()), kafkaEnd.value(p));
            QCOMPARE(QString::number(o.value(QStringLiteral("committed")).toInteger()), kafkaCurrent.value(p));
            for (const char *key : {"topic", "partition", "committed", "end", "lag"})
                QVERIFY(o.contains(QLatin1String(key)));
        }
    }

    void resetPreviewMatchesKafkasDryRun_data()
    {
        QTest::addColumn<QStringList>("strategy");
        QTest::newRow("earliest") << QStringList{QStringLiteral("--to-earliest")};
        QTest::newRow("latest") << QStringList{QStringLiteral("--to-latest")};
        QTest::newRow("offset") << QStringList{QStringLiteral("--to-offset"), QStringLiteral("4")};
    }

    void resetPreviewMatchesKafkasDryRun()
    {
        QFETCH(QStringList, strategy);
        const QStringList common{QStringLiteral("--group"), m_group, QStringLiteral("--topic"), m_topic};
        const RunResult ours = groups(QStringList{QStringLiteral("reset")} + common + strategy + QStringList{QStringLiteral("--json")});
        QVERIFY2(ours.exitCode == 0, qPrintable(ours.describe()));
        const QJsonObject plan = QJsonDocument::fromJson(ours.out.toUtf8()).object();
        QCOMPARE(plan.value(QStringLiteral("executed")).toBool(), false);
        QVERIFY(plan.value(QStringLiteral("command")).toString().contains(QStringLiteral("--dry-run")));
        const RunResult kafka = consumerGroupCommand(QStringList{QStringLiteral("--reset-offsets")} + common + strategy +
                                                     QStringList{QStringLiteral("--dry-run")});
        QVERIFY2(kafka.exitCode == 0, qPrintable(kafka.describe()));
        const auto expected = kafkaColumn(kafka.out, m_topic, QStringLiteral("NEW-OFFSET"));
        const QJsonArray parts = plan.value(QStringLiteral("partitions")).toArray();
        QCOMPARE(parts.size(), expected.size());
        for (const QJsonValue &v : parts)
            QCOMPARE(QString::number(v.toObject().value(QStringLiteral("new")).toInteger()),
                     expected.value(v.toObject().value(QStringLiteral("partition")).toInt()));
    }

    void executeAndDelete()
    {
        const RunResult reset = groups({QStringLiteral("reset"), QStringLiteral("--group"), m_group, QStringLiteral("--topic"),
                                        m_topic, QStringLiteral("--to-latest"), QStringLiteral("--execute")});
        QVERIFY2(reset.exitCode == 0, qPrintable(reset.describe()));
        const RunResult kafka = consumerGroupCommand({QStringLiteral("--describe"), QStringLiteral("--group"), m_group});
        const auto lag = kafkaColumn(kafka.out, m_topic, QStringLiteral("LAG"));
        QCOMPARE(lag.size(), 3);
        for (const QString &l : lag)
            QCOMPARE(l, QStringLiteral("0"));
        QCOMPARE(groups({QStringLiteral("delete"), QStringLiteral("--group"), m_group}).exitCode, 2);
        const RunResult deleted = groups({QStringLiteral("delete"), QStringLiteral("--group"), m_group, QStringLiteral("--yes")});
        QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.describe()));
        const RunResult list = groups({QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(!list.out.contains(m_group));
    }

    void badInput()
    {
        QCOMPARE(groups({QStringLiteral("lag")}).exitCode, 2);
        QCOMPARE(groups({QStringLiteral("reset"), QStringLiteral("--group"), m_group, QStringLiteral("--topic"), m_topic}).exitCode, 2);
        QCOMPARE(groups({QStringLiteral("reset"), QStringLiteral("--group"), m_group, QStringLiteral("--topic"), m_topic,
                         QStringLiteral("--to-offset"), QStringLiteral("x")})
                     .exitCode,
                 2);
        QCOMPARE(groups({QStringLiteral("explode")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCtlGroups)
#include "tst_ctlgroups.moc"
