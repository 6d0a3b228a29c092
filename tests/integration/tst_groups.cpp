// Consumer groups, their lag and offset resets on the shared bundled cluster, checked against
// Kafka's own ConsumerGroupCommand, with offsets committed and consumed by another client
// (Debian's python3-confluent-kafka) and messages produced by kcat.

#include "admin/groupadmin.h"
#include "kafka/adminclient.h"
#include "kafka/metadataclient.h"
#include "kafka/offsetclient.h"
#include "local/kafkadistribution.h"
#include "support/groupcommand.h"
#include "support/pythonpeers.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <vector>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {





// Kafka's own console consumer in the background, in a group of the new consumer protocol
// (KIP-848), committing every 500 ms; stopped (SIGTERM: it closes and leaves) when this goes away.
class NewProtocolConsumer {
public:
    NewProtocolConsumer(const QString &bootstrap, const QString &group, const QString &topic)
    {
        auto dist = KafkaDistribution::locate();
        if (!dist)
            return;
        m_process.setStandardOutputFile(QProcess::nullDevice());
        m_process.start(dist->javaPath,
                        {QStringLiteral("-Xmx256m"), QStringLiteral("-XX:TieredStopAtLevel=1"),
                         QStringLiteral("-Dlog4j2.level=WARN"), QStringLiteral("-cp"), dist->classPath(),
                         QStringLiteral("org.apache.kafka.tools.consumer.ConsoleConsumer"),
                         QStringLiteral("--bootstrap-server"), bootstrap, QStringLiteral("--topic"), topic,
                         QStringLiteral("--group"), group, QStringLiteral("--from-beginning"),
                         QStringLiteral("--consumer-property"), QStringLiteral("group.protocol=consumer"),
                         QStringLiteral("--consumer-property"), QStringLiteral("auto.commit.interval.ms=500")});
        m_process.waitForStarted(10000);
    }
    ~NewProtocolConsumer()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(15000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    NewProtocolConsumer(const NewProtocolConsumer &) = delete;
    NewProtocolConsumer &operator=(const NewProtocolConsumer &) = delete;

    bool running() const { return m_process.state() == QProcess::Running; }
    QString errors() { return QString::fromUtf8(m_process.readAllStandardError()); }

private:
    QProcess m_process;
};

// Several runs of one of Kafka's command-line classes at once (each JVM takes about a second to start).
QList<RunResult> kafkaToolsTogether(const QString &mainClass, const QList<QStringList> &argLists,
                                    int timeoutMs = 120000)
{
    QList<RunResult> out;
    auto dist = KafkaDistribution::locate();
    if (!dist) {
        for (qsizetype i = 0; i < argLists.size(); ++i)
            out << RunResult{false, -1, {}, dist.error().fullText()};
        return out;
    }
    const QStringList javaArgs{QStringLiteral("-Xmx256m"),
                               QStringLiteral("-XX:TieredStopAtLevel=1"),
                               QStringLiteral("-Dlog4j2.level=WARN"),
                               QStringLiteral("-cp"),
                               dist->classPath(),
                               mainClass};
    std::vector<std::unique_ptr<QProcess>> processes;
    for (const QStringList &args : argLists) {
        processes.push_back(std::make_unique<QProcess>());
        processes.back()->start(dist->javaPath, javaArgs + args);
    }
    for (const auto &p : processes) {
        RunResult r;
        r.started = p->waitForStarted(10000);
        if (r.started && p->waitForFinished(timeoutMs)) {
            r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        } else {
            p->kill();
            p->waitForFinished(5000);
            r.err = QStringLiteral("did not finish in %1 ms").arg(timeoutMs);
        }
        r.out = QString::fromUtf8(p->readAllStandardOutput());
        r.err += QString::fromUtf8(p->readAllStandardError());
        out << r;
    }
    return out;
}

QString optionalText(const std::optional<qint64> &v)
{
    return v ? QString::number(*v) : QStringLiteral("-");
}

template <typename T>
QString errorText(const Result<T> &r)
{
    return r.ok() ? QString() : r.error().fullText();
}

} // namespace

class TestGroups : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    std::unique_ptr<AdminClient> m_admin;
    std::unique_ptr<OffsetClient> m_offsets;
    std::unique_ptr<MetadataClient> m_metadata;
    std::unique_ptr<GroupAdmin> m_groups;
    QString m_topic;      // 3 partitions: logs [1, 10), [0, 4), [0, 3)
    QString m_otherTopic; // 1 partition: [0, 6)
    QString m_idle;       // committed orders-0 at 5, orders-1 at 2; partition 2 never committed
    QString m_fresh;      // does not exist until executeReset creates it
    QString m_mixed;      // committed topic-2 at 1 and otherTopic-0 at 4
    QDateTime m_between;  // after the first batch of messages, before the second

    QStringList bootstrapArgs() const { return {QStringLiteral("--bootstrap-server"), m_bootstrap}; }

    RunResult groupTool(const QStringList &args) const { return kafkaTool(groupCommand, bootstrapArgs() + args); }

    bool produce(const QString &topic, int partition, int count, const QString &prefix) const
    {
        QProcess kcat;
        kcat.start(QStringLiteral("kcat"),
                   {QStringLiteral("-b"), m_bootstrap, QStringLiteral("-P"), QStringLiteral("-t"), topic,
                    QStringLiteral("-p"), QString::number(partition)});
        if (!kcat.waitForStarted(10000))
            return false;
        QByteArray input;
        for (int i = 0; i < count; ++i)
            input += QStringLiteral("%1-%2\n").arg(prefix).arg(i).toUtf8();
        kcat.write(input);
        kcat.closeWriteChannel();
        if (!kcat.waitForFinished(30000)) {
            kcat.kill();
            kcat.waitForFinished(5000);
            return false;
        }
        if (kcat.exitStatus() != QProcess::NormalExit || kcat.exitCode() != 0) {
            qWarning("kcat: %s", kcat.readAllStandardError().constData());
            return false;
        }
        return true;
    }

    RunResult commitWithPython(const QString &group, const QStringList &offsets) const
    {
        return commitOffsetsWithPython(m_bootstrap, group, offsets);
    }

    static QString tp(const QString &topic, int partition, qint64 offset)
    {
        return QStringLiteral("%1:%2:%3").arg(topic).arg(partition).arg(offset);
    }

    // Our lag against ConsumerGroupCommand's --describe rows, partition by partition.
    static void compareLag(const GroupLag &ours, const QList<DescribedRow> &kafka)
    {
        QCOMPARE(ours.partitions.size(), kafka.size());
        for (qsizetype i = 0; i < kafka.size(); ++i) {
            const PartitionLag &p = ours.partitions[i];
            const DescribedRow &k = kafka[i];
            QCOMPARE(p.topic, k.topic);
            QCOMPARE(p.partition, k.partition);
            QCOMPARE(optionalText(p.committed), k.current);
            QCOMPARE(QString::number(p.logEnd), k.logEnd);
            if (k.lag.startsWith(QLatin1Char('-')) && k.lag.size() > 1) {
                // Kafka prints a negative lag for a commit past the log end; ours is 0, flagged.
                QCOMPARE(p.lag, std::optional<qint64>(0));
                QVERIFY(p.committedBeyondEnd);
                QCOMPARE(QString::number(p.logEnd - *p.committed), k.lag);
            } else {
                QCOMPARE(optionalText(p.lag), k.lag);
                QVERIFY(!p.committedBeyondEnd);
            }
            QCOMPARE(p.owner.isEmpty() ? QStringLiteral("-") : p.owner, k.clientId);
            QCOMPARE(p.ownerMemberId.isEmpty() ? QStringLiteral("-") : p.ownerMemberId, k.consumerId);
        }
    }

    ResetOffsetsRequest resetRequest(const QString &group, ResetStrategy strategy, qint64 value = 0,
                                     const QList<int> &partitions = {}) const
    {
        ResetOffsetsRequest r;
        r.group = group;
        r.topic = m_topic;
        r.strategy = strategy;
        r.value = value;
        r.partitions = partitions;
        r.dateTime = m_between;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const ClusterState state = sharedClusterState();
        QVERIFY2(!state.nodes.isEmpty(), "the shared cluster fixture did not start");
        m_bootstrap = state.bootstrapServers();
        const QMap<QString, QString> config{{QStringLiteral("bootstrap.servers"), m_bootstrap}};
        auto admin = AdminClient::create(config);
        QVERIFY2(admin.ok(), qPrintable(errorText(admin)));
        m_admin = std::move(admin).value();
        auto offsets = OffsetClient::create(config);
        QVERIFY2(offsets.ok(), qPrintable(errorText(offsets)));
        m_offsets = std::move(offsets).value();
        m_metadata = std::make_unique<MetadataClient>(m_bootstrap);
        m_groups = std::make_unique<GroupAdmin>(*m_admin, *m_offsets, m_metadata.get());

        m_topic = uniqueName(QStringLiteral("groups"));
        m_otherTopic = uniqueName(QStringLiteral("groups-other"));
        m_idle = uniqueName(QStringLiteral("idle"));
        m_fresh = uniqueName(QStringLiteral("fresh"));
        m_mixed = uniqueName(QStringLiteral("mixed"));

        // Kafka's own TopicCommand makes the topics.
        const auto created = kafkaToolsTogether(
            QStringLiteral("org.apache.kafka.tools.TopicCommand"),
            {bootstrapArgs() + QStringList{QStringLiteral("--create"), QStringLiteral("--topic"), m_topic,
                                           QStringLiteral("--partitions"), QStringLiteral("3")},
             bootstrapArgs() + QStringList{QStringLiteral("--create"), QStringLiteral("--topic"), m_otherTopic,
                                           QStringLiteral("--partitions"), QStringLiteral("1")}});
        for (const RunResult &r : created)
            QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const qint64 ready = waitUntil(
            [&] {
                auto md = m_metadata->fetch(5000);
                const TopicInfo *a = md ? md->topic(m_topic) : nullptr;
                const TopicInfo *b = md ? md->topic(m_otherTopic) : nullptr;
                if (!a || !b || a->partitions.size() != 3 || b->partitions.size() != 1)
                    return false;
                for (const TopicInfo *t : {a, b})
                    for (const PartitionInfo &p : t->partitions)
                        if (p.leader < 0)
                            return false;
                return true;
            },
            20s);
        QVERIFY2(ready >= 0, "the topics did not get leaders");

        // kcat produces: a first batch, then (after m_between) two more messages on partition 0.
        QVERIFY(produce(m_topic, 0, 8, QStringLiteral("a")));
        QVERIFY(produce(m_topic, 1, 4, QStringLiteral("a")));
        QVERIFY(produce(m_topic, 2, 3, QStringLiteral("a")));
        QVERIFY(produce(m_otherTopic, 0, 6, QStringLiteral("a")));
        QThread::msleep(50);
        m_between = QDateTime::currentDateTimeUtc();
        QThread::msleep(50);
        QVERIFY(produce(m_topic, 0, 2, QStringLiteral("b")));
        // Partition 0 starts at 1, so that earliest differs from 0.
        DeleteRecordsRequest del{m_topic, {{0, 1}}};
        auto deleted = m_admin->deleteRecords(del);
        QVERIFY2(deleted.ok(), qPrintable(errorText(deleted)));
        auto marks = m_offsets->watermarks({{m_topic, 0}, {m_topic, 1}, {m_topic, 2}, {m_otherTopic, 0}}, 10000);
        QVERIFY2(marks.ok(), qPrintable(errorText(marks)));
        QCOMPARE(marks->value({m_topic, 0}).low, 1);
        QCOMPARE(marks->value({m_topic, 0}).high, 10);
        QCOMPARE(marks->value({m_topic, 1}).high, 4);
        QCOMPARE(marks->value({m_topic, 2}).high, 3);
        QCOMPARE(marks->value({m_otherTopic, 0}).high, 6);

        // Another client commits: partition 2 of m_topic is left without a commit in m_idle.
        RunResult c1 = commitWithPython(m_idle, {tp(m_topic, 0, 5), tp(m_topic, 1, 2)});
        QVERIFY2(c1.exitCode == 0, qPrintable(c1.describe()));
        RunResult c2 = commitWithPython(m_mixed, {tp(m_topic, 2, 1), tp(m_otherTopic, 0, 4)});
        QVERIFY2(c2.exitCode == 0, qPrintable(c2.describe()));
    }

    void lagMatchesConsumerGroupCommand()
    {
        auto ours = m_groups->lag(m_idle);
        QVERIFY2(ours.ok(), qPrintable(errorText(ours)));
        QCOMPARE(ours->state, QStringLiteral("Empty"));
        QCOMPARE(ours->members, 0);
        const RunResult kafka = groupTool({QStringLiteral("--describe"), QStringLiteral("--group"), m_idle});
        QVERIFY2(kafka.exitCode == 0, qPrintable(kafka.describe()));
        QVERIFY2(kafka.err.contains(QStringLiteral("has no active members")), qPrintable(kafka.describe()));
        const QList<DescribedRow> rows = parseDescribe(kafka.out);
        // Kafka leaves out the uncommitted partition of a group without members; so do we.
        QCOMPARE(rows.size(), 2);
        QVERIFY(!ours->partition(m_topic, 2));
        compareLag(ours.value(), rows);
        QCOMPARE(ours->totalLag, 5 + 2);
        QCOMPARE(ours->lagPerTopic.value(m_topic), 7);
        QCOMPARE(ours->partitionsWithoutCommit, 0);
        QCOMPARE(ours->partition(m_topic, 0)->logStart, 1);
    }

    void listAndDescribeMatchKafka()
    {
        auto listed = m_groups->list();
        QVERIFY2(listed.ok(), qPrintable(errorText(listed)));
        const RunResult kafka = groupTool({QStringLiteral("--list"), QStringLiteral("--state")});
        QVERIFY2(kafka.exitCode == 0, qPrintable(kafka.describe()));
        for (const QString &g : {m_idle, m_mixed}) {
            const auto it =
                std::find_if(listed->cbegin(), listed->cend(), [&](const GroupListing &l) { return l.groupId == g; });
            QVERIFY2(it != listed->cend(), qPrintable(g));
            QCOMPARE(it->state, QStringLiteral("Empty"));
            QVERIFY(it->isSimpleConsumerGroup); // committed without ever joining
            QVERIFY2(kafka.out.contains(
                         QRegularExpression(QStringLiteral("^%1\\s+Empty\\s*$").arg(QRegularExpression::escape(g)),
                                            QRegularExpression::MultilineOption)),
                     qPrintable(kafka.out));
        }
        auto d = m_groups->describe(m_idle);
        QVERIFY2(d.ok(), qPrintable(errorText(d)));
        QCOMPARE(d->state, QStringLiteral("Empty"));
        QVERIFY(d->members.isEmpty());
        QVERIFY(d->coordinatorId > 0);

        auto missing = m_groups->describe(m_fresh);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().message, QStringLiteral("Consumer group %1 does not exist.").arg(m_fresh));
    }

    void resetPreviewMatchesDryRun()
    {
        struct Case {
            QString name;
            ResetOffsetsRequest request;
            QStringList kafkaArgs;
            QList<qint64> expected; // new offsets, by partition
        };
        const QString all = m_topic;
        const QString dateTime = m_between.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('Z');
        const QList<Case> cases{
            {QStringLiteral("to-earliest"),
             resetRequest(m_idle, ResetStrategy::Earliest),
             {QStringLiteral("--topic"), all, QStringLiteral("--to-earliest")},
             {1, 0, 0}},
            {QStringLiteral("to-latest"),
             resetRequest(m_idle, ResetStrategy::Latest),
             {QStringLiteral("--topic"), all, QStringLiteral("--to-latest")},
             {10, 4, 3}},
            {QStringLiteral("to-offset 4"),
             resetRequest(m_idle, ResetStrategy::Offset, 4),
             {QStringLiteral("--topic"), all, QStringLiteral("--to-offset"), QStringLiteral("4")},
             {4, 4, 3}},
            {QStringLiteral("to-offset 0 on 0,2"),
             resetRequest(m_idle, ResetStrategy::Offset, 0, {0, 2}),
             {QStringLiteral("--topic"), m_topic + QStringLiteral(":0,2"), QStringLiteral("--to-offset"),
              QStringLiteral("0")},
             {1, 0}},
            {QStringLiteral("shift-by -1"),
             resetRequest(m_idle, ResetStrategy::ShiftBy, -1, {0, 1}),
             {QStringLiteral("--topic"), m_topic + QStringLiteral(":0,1"), QStringLiteral("--shift-by"),
              QStringLiteral("-1")},
             {4, 1}},
            {QStringLiteral("shift-by 3"),
             resetRequest(m_idle, ResetStrategy::ShiftBy, 3, {0, 1}),
             {QStringLiteral("--topic"), m_topic + QStringLiteral(":0,1"), QStringLiteral("--shift-by"),
              QStringLiteral("3")},
             {8, 4}},
            {QStringLiteral("to-datetime"),
             resetRequest(m_idle, ResetStrategy::DateTime),
             {QStringLiteral("--topic"), all, QStringLiteral("--to-datetime"), dateTime},
             {8, 4, 3}},
        };
        QList<QStringList> argLists;
        for (const Case &c : cases)
            argLists << bootstrapArgs() +
                            QStringList{QStringLiteral("--reset-offsets"), QStringLiteral("--group"), m_idle} +
                            c.kafkaArgs + QStringList{QStringLiteral("--dry-run")};
        // Shifting a partition without a commit: refused by both.
        argLists << bootstrapArgs() + QStringList{QStringLiteral("--reset-offsets"),
                                                  QStringLiteral("--group"),
                                                  m_idle,
                                                  QStringLiteral("--topic"),
                                                  all,
                                                  QStringLiteral("--shift-by"),
                                                  QStringLiteral("-1"),
                                                  QStringLiteral("--dry-run")};
        QElapsedTimer timer;
        timer.start();
        const QList<RunResult> kafka = kafkaToolsTogether(groupCommand, argLists);
        qInfo("%lld dry runs of ConsumerGroupCommand together: %lld ms", static_cast<long long>(argLists.size()),
              static_cast<long long>(timer.elapsed()));

        for (qsizetype i = 0; i < cases.size(); ++i) {
            const Case &c = cases[i];
            const RunResult &k = kafka[i];
            QVERIFY2(k.exitCode == 0, qPrintable(c.name + QLatin1Char('\n') + k.describe()));
            auto plan = m_groups->planReset(c.request);
            QVERIFY2(plan.ok(), qPrintable(c.name + QLatin1Char('\n') + errorText(plan)));
            QCOMPARE(plan->groupState, QStringLiteral("Empty"));
            QVERIFY(plan->refusal.isEmpty());
            const QMap<int, qint64> kafkaOffsets = parseResetTable(k.out, m_topic);
            QMap<int, qint64> ourOffsets;
            QList<qint64> ourList;
            for (const PartitionReset &p : plan->partitions) {
                ourOffsets.insert(p.partition, p.newOffset);
                ourList << p.newOffset;
            }
            if (ourOffsets != kafkaOffsets)
                qWarning("%s: Kafka's output:\n%s", qPrintable(c.name), qPrintable(k.out));
            QCOMPARE(ourOffsets, kafkaOffsets);
            QCOMPARE(ourList, c.expected);
            // Kafka's warnings name the same partitions and values (it logs without the final period):
            // the clamps through log4j (on stdout here), the time fallbacks with println.
            const QString kafkaText = k.out + k.err;
            for (const PartitionReset &p : plan->partitions) {
                QCOMPARE(p.current, p.partition == 0   ? std::optional<qint64>(5)
                                    : p.partition == 1 ? std::optional<qint64>(2)
                                                       : std::nullopt);
                if (p.note.startsWith(QLatin1String("New offset"))) {
                    QString kafkaNote = p.note;
                    kafkaNote.chop(1);
                    QVERIFY2(kafkaText.contains(kafkaNote), qPrintable(p.note + QLatin1Char('\n') + k.describe()));
                } else if (!p.note.isEmpty()) {
                    QVERIFY2(k.out.contains(QStringLiteral("Partition %1 from topic %2 is empty. Falling back to "
                                                           "latest known offset.")
                                                .arg(p.partition)
                                                .arg(m_topic)),
                             qPrintable(p.note + QLatin1Char('\n') + k.describe()));
                }
            }
            const int kafkaWarnings = static_cast<int>(kafkaText.count(QStringLiteral("Value will be set to")) +
                                                       kafkaText.count(QStringLiteral("Falling back to latest")));
            QCOMPARE(static_cast<int>(plan->notes().size()), kafkaWarnings);
        }

        // The offset client answers the log end for a time after the last message (librdkafka gives -1).
        auto late = m_offsets->offsetsAt({{m_topic, 1}, {m_topic, 0}}, m_between.toMSecsSinceEpoch(), 10000);
        QVERIFY2(late.ok(), qPrintable(errorText(late)));
        QCOMPARE(late->value({m_topic, 1}), 4);
        QCOMPARE(late->value({m_topic, 0}), 8);

        const RunResult &refused = kafka.last();
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QStringLiteral("Cannot shift offset for partition %1-2 since there is no current "
                                                     "committed offset")
                                          .arg(m_topic)),
                 qPrintable(refused.describe()));
        auto ours = m_groups->planReset(resetRequest(m_idle, ResetStrategy::ShiftBy, -1));
        QVERIFY(!ours.ok());
        QCOMPARE(ours.error().message, QStringLiteral("Cannot shift the offset of %1-2: group %2 has no committed "
                                                      "offset there.")
                                           .arg(m_topic, m_idle));

        // A partition the topic does not have.
        auto unknown = m_groups->planReset(resetRequest(m_idle, ResetStrategy::Earliest, 0, {0, 7}));
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().message,
                 QStringLiteral("Topic %1 has no partition 7; its partitions are 0, 1, 2.").arg(m_topic));
    }

    void executeResetCommitsThePlan()
    {
        // A group that does not exist yet (Dead) may be reset, as Kafka allows: this creates it.
        auto plan = m_groups->planReset(resetRequest(m_fresh, ResetStrategy::Offset, 3, {0, 1}));
        QVERIFY2(plan.ok(), qPrintable(errorText(plan)));
        QCOMPARE(plan->groupState, QStringLiteral("Dead"));
        QVERIFY(plan->refusal.isEmpty());
        QVERIFY(!plan->partitions[0].current.has_value());
        const Status done = m_groups->executeReset(plan.value());
        QVERIFY2(done.ok(), qPrintable(errorText(done)));
        // A commit past the log end (the admin API does not check it): Kafka shows a negative lag.
        const Status beyond = m_admin->alterGroupOffsets(m_fresh, {{m_topic, 2, 50, {}}});
        QVERIFY2(beyond.ok(), qPrintable(errorText(beyond)));

        const RunResult kafka = groupTool({QStringLiteral("--describe"), QStringLiteral("--group"), m_fresh});
        QVERIFY2(kafka.exitCode == 0, qPrintable(kafka.describe()));
        const QList<DescribedRow> rows = parseDescribe(kafka.out);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].current, QStringLiteral("3"));
        QCOMPARE(rows[1].current, QStringLiteral("3"));
        QCOMPARE(rows[2].lag, QStringLiteral("-47"));
        auto ours = m_groups->lag(m_fresh);
        QVERIFY2(ours.ok(), qPrintable(errorText(ours)));
        compareLag(ours.value(), rows);
        QCOMPARE(ours->totalLag, 7 + 1 + 0);
    }

    void activeMemberBlocksTheReset()
    {
        const QString clientId = uniqueName(QStringLiteral("kafdesk-test-member"));
        PythonGroupMember member(m_bootstrap, m_idle, m_topic, clientId);
        const QStringList assigned = member.waitForAssignment(30000);
        QVERIFY2(assigned.size() == 3, qPrintable(member.output()));
        const qint64 stable = waitUntil(
            [&] {
                auto d = m_groups->describe(m_idle);
                return d && d->state == QLatin1String("Stable") && d->members.size() == 1 &&
                       d->members[0].assignment.size() == 3;
            },
            20s, 200);
        QVERIFY2(stable >= 0, "the group did not become Stable with one member owning 3 partitions");

        const QList<RunResult> kafka = kafkaToolsTogether(
            groupCommand,
            {bootstrapArgs() + QStringList{QStringLiteral("--describe"), QStringLiteral("--group"), m_idle},
             bootstrapArgs() + QStringList{QStringLiteral("--reset-offsets"), QStringLiteral("--group"), m_idle,
                                           QStringLiteral("--topic"), m_topic, QStringLiteral("--to-earliest"),
                                           QStringLiteral("--dry-run")}});

        // With an owner, the uncommitted partition appears, without a commit ("-" in Kafka's table).
        auto ours = m_groups->lag(m_idle);
        QVERIFY2(ours.ok(), qPrintable(errorText(ours)));
        QVERIFY2(kafka[0].exitCode == 0, qPrintable(kafka[0].describe()));
        const QList<DescribedRow> rows = parseDescribe(kafka[0].out);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[2].partition, 2);
        QCOMPARE(rows[2].current, QStringLiteral("-"));
        QCOMPARE(rows[2].lag, QStringLiteral("-"));
        QCOMPARE(rows[2].logEnd, QStringLiteral("3"));
        compareLag(ours.value(), rows);
        QCOMPARE(ours->partitionsWithoutCommit, 1);
        QCOMPARE(ours->partition(m_topic, 2)->owner, clientId);
        QCOMPARE(ours->totalLag, 7);

        // Kafka's dry run refuses an active group outright; our preview says it will be refused.
        QVERIFY2(kafka[1].out.contains(QStringLiteral("Assignments can only be reset if the group '%1' is inactive, "
                                                      "but the current state is Stable.")
                                           .arg(m_idle)),
                 qPrintable(kafka[1].describe()));
        const QString refusal = QStringLiteral("Group %1 has 1 active member; Kafka only resets the offsets of an "
                                               "inactive group: stop its consumers first.")
                                    .arg(m_idle);
        auto plan = m_groups->planReset(resetRequest(m_idle, ResetStrategy::Earliest));
        QVERIFY2(plan.ok(), qPrintable(errorText(plan)));
        QCOMPARE(plan->activeMembers, 1);
        QCOMPARE(plan->refusal, refusal);
        const Status refused = m_groups->executeReset(plan.value());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().message, refusal);
        // Even a plan made while the group was idle is checked again when executed.
        ResetPlan stale = plan.value();
        stale.refusal.clear();
        stale.activeMembers = 0;
        QCOMPARE(m_groups->executeReset(stale).error().message, refusal);

        // The broker refuses to delete a group with members, or offsets of a topic it consumes.
        const Status deleteGroup = m_groups->deleteGroup({m_idle});
        QVERIFY(!deleteGroup.ok());
        qInfo("deleting an active group: %s", qPrintable(deleteGroup.error().fullText()));
        QCOMPARE(deleteGroup.error().message,
                 QStringLiteral("Deleting group %1 failed: the group still has members.").arg(m_idle));
        QVERIFY2(deleteGroup.error().detail.contains(QStringLiteral("NON_EMPTY_GROUP")),
                 qPrintable(deleteGroup.error().detail));
        const Status deleteOffsets = m_groups->deleteGroupOffsets({m_idle, m_topic});
        QVERIFY(!deleteOffsets.ok());
        qInfo("deleting the offsets of a consumed topic: %s", qPrintable(deleteOffsets.error().fullText()));
        QVERIFY2(deleteOffsets.error().message.contains(QStringLiteral("the group's members still consume this topic")),
                 qPrintable(deleteOffsets.error().fullText()));

        // Nothing changed.
        auto after = m_groups->lag(m_idle);
        QVERIFY(after.ok());
        QCOMPARE(after->partition(m_topic, 0)->committed, std::optional<qint64>(5));

        member.stop();
        QVERIFY2(member.output().contains(QStringLiteral("closed")), qPrintable(member.output()));
        const qint64 empty = waitUntil(
            [&] {
                auto d = m_groups->describe(m_idle);
                return d && d->state == QLatin1String("Empty") && d->members.isEmpty();
            },
            15s, 200);
        QVERIFY2(empty >= 0, "the group did not become Empty after its member left");
    }

    void lagOfGroupsEqualsSingleLags()
    {
        const QString nobody = uniqueName(QStringLiteral("nobody"));
        // A group named twice comes back twice (librdkafka would refuse the duplicate).
        const QStringList groups{m_idle, m_fresh, m_mixed, nobody, m_idle};
        QElapsedTimer timer;
        timer.start();
        auto together = m_groups->lagOfGroups(groups);
        const qint64 togetherMs = timer.elapsed();
        QVERIFY2(together.ok(), qPrintable(errorText(together)));
        QCOMPARE(together->size(), 5);
        QCOMPARE(together->at(4), together->at(0));
        timer.restart();
        for (qsizetype i = 0; i < 3; ++i) {
            auto single = m_groups->lag(groups[i]);
            QVERIFY2(single.ok(), qPrintable(errorText(single)));
            QCOMPARE(together->at(i), single.value());
        }
        qInfo("lag of 4 groups together: %lld ms; 3 of them one by one: %lld ms", static_cast<long long>(togetherMs),
              static_cast<long long>(timer.elapsed()));
        QCOMPARE(together->at(3).groupId, nobody);
        QCOMPARE(together->at(3).state, QStringLiteral("Dead"));
        QVERIFY(together->at(3).partitions.isEmpty());
        QCOMPARE(together->at(3).note, QStringLiteral("Consumer group %1 does not exist.").arg(nobody));
        QVERIFY(together->at(0).note.isEmpty());
        QVERIFY(!m_groups->lag(nobody).ok());
        // The mixed group spans two topics.
        QCOMPARE(together->at(2).lagPerTopic, (QMap<QString, qint64>{{m_topic, 2}, {m_otherTopic, 2}}));
        QCOMPARE(together->at(2).totalLag, 4);
    }

    void newProtocolGroupIsShownHonestly()
    {
        // librdkafka 2.0.2 describes a KIP-848 group as Dead; the brokers list it, and its commits are readable.
        const QString group = uniqueName(QStringLiteral("kip848"));
        NewProtocolConsumer consumer(m_bootstrap, group, m_topic);
        const qint64 committedAll = waitUntil(
            [&] {
                auto offsets = m_admin->listGroupOffsets(group);
                return offsets && offsets->size() == 3;
            },
            40s, 250);
        QVERIFY2(committedAll >= 0,
                 qPrintable(QStringLiteral("the console consumer did not commit: ") + consumer.errors()));
        auto listed = m_groups->list();
        QVERIFY2(listed.ok(), qPrintable(errorText(listed)));
        const auto it =
            std::find_if(listed->cbegin(), listed->cend(), [&](const GroupListing &l) { return l.groupId == group; });
        QVERIFY(it != listed->cend());
        QCOMPARE(it->state, QStringLiteral("Stable"));

        auto described = m_groups->describe(group);
        QVERIFY(!described.ok());
        QVERIFY2(described.error().message.contains(QStringLiteral("new consumer group protocol (KIP-848)")),
                 qPrintable(described.error().fullText()));
        QCOMPARE(described.error().detail, QStringLiteral("The brokers list it in state Stable."));

        // Its lag from its commits, the same as Kafka's (which also knows the owners).
        const qint64 caughtUp = waitUntil(
            [&] {
                auto l = m_groups->lag(group);
                return l && l->totalLag == 0 && l->partitions.size() == 3;
            },
            20s, 250);
        QVERIFY2(caughtUp >= 0, "the console consumer did not commit the log ends");
        auto ours = m_groups->lag(group);
        QVERIFY2(ours.ok(), qPrintable(errorText(ours)));
        QCOMPARE(ours->state, QStringLiteral("Stable"));
        QCOMPARE(ours->members, -1);
        QVERIFY(ours->note.contains(QStringLiteral("KIP-848")));
        const RunResult kafka = groupTool({QStringLiteral("--describe"), QStringLiteral("--group"), group});
        QVERIFY2(kafka.exitCode == 0, qPrintable(kafka.describe()));
        const QList<DescribedRow> rows = parseDescribe(kafka.out);
        QCOMPARE(rows.size(), 3);
        for (qsizetype i = 0; i < rows.size(); ++i) {
            QCOMPARE(ours->partitions[i].partition, rows[i].partition);
            QCOMPARE(optionalText(ours->partitions[i].committed), rows[i].current);
            QCOMPARE(QString::number(ours->partitions[i].logEnd), rows[i].logEnd);
            QCOMPARE(optionalText(ours->partitions[i].lag), rows[i].lag);
            QVERIFY(rows[i].clientId != QLatin1String("-")); // Kafka sees the owner; we cannot
            QVERIFY(ours->partitions[i].owner.isEmpty());
        }

        // Active: a reset is refused on the listed state.
        auto plan = m_groups->planReset(resetRequest(group, ResetStrategy::Earliest));
        QVERIFY2(plan.ok(), qPrintable(errorText(plan)));
        const QString refusal = QStringLiteral("Group %1 is Stable; Kafka only resets the offsets of an inactive "
                                               "group (Empty): stop its consumers first.")
                                    .arg(group);
        QCOMPARE(plan->refusal, refusal);
        QCOMPARE(m_groups->executeReset(plan.value()).error().message, refusal);
        QVERIFY(consumer.running());
    }

    void deleteOffsetsThenGroups()
    {
        // Offsets of one topic go; the group keeps its other topic's.
        const Status offsetsGone = m_groups->deleteGroupOffsets({m_mixed, m_otherTopic});
        QVERIFY2(offsetsGone.ok(), qPrintable(errorText(offsetsGone)));
        const RunResult mixed = groupTool({QStringLiteral("--describe"), QStringLiteral("--group"), m_mixed});
        QVERIFY2(mixed.exitCode == 0, qPrintable(mixed.describe()));
        const QList<DescribedRow> rows = parseDescribe(mixed.out);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows[0].topic, m_topic);
        auto lag = m_groups->lag(m_mixed);
        QVERIFY2(lag.ok(), qPrintable(errorText(lag)));
        compareLag(lag.value(), rows);
        const Status again = m_groups->deleteGroupOffsets({m_mixed, m_otherTopic});
        QVERIFY(!again.ok());
        QCOMPARE(again.error().message,
                 QStringLiteral("Group %1 has no committed offsets for topic %2.").arg(m_mixed, m_otherTopic));

        // The whole group goes (it has no members now).
        const Status groupGone = m_groups->deleteGroup({m_idle});
        QVERIFY2(groupGone.ok(), qPrintable(errorText(groupGone)));
        const RunResult idle = groupTool({QStringLiteral("--describe"), QStringLiteral("--group"), m_idle});
        QVERIFY2(idle.out.contains(QStringLiteral("does not exist")) || idle.out.contains(QStringLiteral("not found")),
                 qPrintable(idle.describe()));
        auto described = m_groups->describe(m_idle);
        QVERIFY(!described.ok());
        QCOMPARE(described.error().message, QStringLiteral("Consumer group %1 does not exist.").arg(m_idle));
        auto listed = m_groups->list();
        QVERIFY(listed.ok());
        QVERIFY(
            std::none_of(listed->cbegin(), listed->cend(), [&](const GroupListing &l) { return l.groupId == m_idle; }));
    }

    void cleanupTestCase()
    {
        if (!m_admin)
            return;
        (void)m_admin->deleteGroups({m_idle, m_fresh, m_mixed});
        (void)m_admin->deleteTopics({m_topic, m_otherTopic});
    }
};

QTEST_GUILESS_MAIN(TestGroups)
#include "tst_groups.moc"
