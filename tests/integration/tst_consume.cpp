// ConsumeSession against the shared bundled cluster: messages produced by kcat come back as they
// were (keys, values, headers, order within each partition), from every kind of start, checked
// against kcat's own reading and Kafka's ConsumerGroupCommand for committed offsets.

#include "messages/consumesession.h"
#include "support/testsupport.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

// One session and everything it said.
struct Reading : QObject {
    std::unique_ptr<ConsumeSession> session;
    QList<Message> messages;
    QMap<int, qint64> starts;
    QList<Error> errors;
    QStringList warnings;
    int batches = 0;
    bool started = false;
    bool finished = false;
    ConsumeStats stats;

    Reading(const QString &bootstrap, const ConsumeRequest &request)
    {
        session = std::make_unique<ConsumeSession>(ConnectionSettings::forBootstrap(bootstrap), request);
        connect(session.get(), &ConsumeSession::started, this, [this](const QMap<int, qint64> &s) {
            starts = s;
            started = true;
        });
        connect(session.get(), &ConsumeSession::batchReady, this, [this](const MessageBatchPtr &b) {
            ++batches;
            for (qsizetype i = 0; i < b->size(); ++i)
                messages << b->message(i);
        });
        connect(session.get(), &ConsumeSession::failed, this, [this](const Error &e) { errors << e; });
        connect(session.get(), &ConsumeSession::warning, this, [this](const QString &w) { warnings << w; });
        connect(session.get(), &ConsumeSession::finished, this, [this](const ConsumeStats &s) {
            stats = s;
            finished = true;
        });
        session->start();
    }

    QList<Message> ofPartition(int p) const
    {
        QList<Message> out;
        for (const Message &m : messages)
            if (m.partition == p)
                out << m;
        return out;
    }
    QString errorText() const { return errors.isEmpty() ? QString() : errors.first().fullText(); }
    // What went on, for a failure message.
    QString story() const
    {
        return QStringLiteral("state %1, %2 messages, errors: %3; warnings: %4")
            .arg(int(session ? session->state() : ConsumeSession::State::Idle))
            .arg(messages.size())
            .arg(errorText(), warnings.join(QStringLiteral(" | ")));
    }
};

QByteArray bytes(const QString &s) { return s.toUtf8(); }

} // namespace

class TestConsume : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;

    QString createTopic(const QString &prefix, int partitions)
    {
        const QString name = uniqueName(prefix);
        const RunResult r = ctl({QStringLiteral("topics"), QStringLiteral("create"), name, QStringLiteral("--partitions"),
                                 QString::number(partitions), QStringLiteral("--bootstrap"), m_bootstrap});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return r.exitCode == 0 ? name : QString();
    }

    // kcat -P -K: into one partition: "key:value" lines, with these headers on each message.
    bool produce(const QString &topic, int partition, const QStringList &lines, const QStringList &headers = {})
    {
        QStringList args{QStringLiteral("-b"), m_bootstrap, QStringLiteral("-P"), QStringLiteral("-t"), topic,
                         QStringLiteral("-K:"), QStringLiteral("-p"), QString::number(partition)};
        for (const QString &h : headers)
            args << QStringLiteral("-H") << h;
        QProcess kcat;
        kcat.start(QStringLiteral("kcat"), args);
        if (!kcat.waitForStarted(10000))
            return false;
        for (const QString &line : lines)
            kcat.write(line.toUtf8() + '\n');
        kcat.closeWriteChannel();
        return kcat.waitForFinished(60000) && kcat.exitCode() == 0;
    }

    QStringList numbered(const QString &tag, int from, int count)
    {
        QStringList lines;
        for (int i = from; i < from + count; ++i)
            lines << QStringLiteral("%1-k%2:%1-v%2").arg(tag).arg(i);
        return lines;
    }

    // kcat's own reading: "partition offset key value" per message.
    QStringList kcatRead(const QString &topic, const QStringList &extra = {})
    {
        const RunResult r = run(QStringLiteral("kcat"), QStringList{QStringLiteral("-b"), m_bootstrap, QStringLiteral("-C"),
                                                                    QStringLiteral("-t"), topic, QStringLiteral("-e"),
                                                                    QStringLiteral("-q"), QStringLiteral("-f"),
                                                                    QStringLiteral("%p %o %k %s\n")} +
                                                            extra);
        return r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    ConsumeRequest request(const QString &topic, ConsumeStart::Kind kind = ConsumeStart::Kind::Beginning)
    {
        ConsumeRequest r;
        r.topic = topic;
        r.start.kind = kind;
        r.stopAtEnd = true;
        return r;
    }

    // Reads to the end and returns the reading (finished, or the test fails).
    std::unique_ptr<Reading> readToEnd(const ConsumeRequest &r)
    {
        auto reading = std::make_unique<Reading>(m_bootstrap, r);
        const bool done = QTest::qWaitFor([&] { return reading->finished; }, 60000);
        if (!done)
            qWarning("the reading did not finish");
        return reading;
    }

private Q_SLOTS:
    void initTestCase() { m_bootstrap = sharedClusterState().bootstrapServers(); }

    void validation_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty topic") << 0 << QStringLiteral("Choose a topic");
        QTest::newRow("bad topic") << 1 << QStringLiteral("Topic names");
        QTest::newRow("negative partition") << 2 << QStringLiteral("Partition -1 is not valid");
        QTest::newRow("duplicate partition") << 3 << QStringLiteral("Partition 1 is chosen twice");
        QTest::newRow("negative offset") << 4 << QStringLiteral("-5 is negative");
        QTest::newRow("invalid date-time") << 5 << QStringLiteral("not a valid date");
        QTest::newRow("negative last n") << 6 << QStringLiteral("-2 is negative");
        QTest::newRow("group with line break") << 7 << QStringLiteral("control characters");
        QTest::newRow("group with spaces") << 8 << QStringLiteral("spaces");
        QTest::newRow("negative limit") << 9 << QStringLiteral("limit");
    }
    void validation()
    {
        QFETCH(int, field);
        QFETCH(QString, expected);
        ConsumeRequest r = request(QStringLiteral("some-topic"));
        QVERIFY(validateConsumeRequest(r).ok());
        switch (field) {
        case 0: r.topic.clear(); break;
        case 1: r.topic = QStringLiteral("no spaces allowed"); break;
        case 2: r.partitions = {0, -1}; break;
        case 3: r.partitions = {1, 2, 1}; break;
        case 4: r.start.kind = ConsumeStart::Kind::Offset; r.start.offset = -5; break;
        case 5: r.start.kind = ConsumeStart::Kind::DateTime; r.start.dateTime = QDateTime::fromString(QStringLiteral("2024-13-45 99:00"), Qt::ISODate); break;
        case 6: r.start.kind = ConsumeStart::Kind::LastN; r.start.lastN = -2; break;
        case 7: r.groupId = QStringLiteral("a\nb"); break;
        case 8: r.groupId = QStringLiteral(" padded "); break;
        case 9: r.maxMessages = -1; break;
        }
        const Status s = validateConsumeRequest(r);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(expected), qPrintable(s.error().message));
        QVERIFY(s.error().badInput);

        // A session started with it fails the same way, without touching the cluster.
        Reading reading(m_bootstrap, r);
        QTRY_VERIFY_WITH_TIMEOUT(reading.finished, 5000);
        QCOMPARE(reading.errors.size(), 1);
        QCOMPARE(reading.errors.first().message, s.error().message);
        QCOMPARE(reading.session->state(), ConsumeSession::State::Failed);
        QCOMPARE(reading.batches, 0);
    }

    void fromBeginningMatchesKcat()
    {
        const QString topic = createTopic(QStringLiteral("consume-all"), 3);
        QVERIFY(!topic.isEmpty());
        for (int p = 0; p < 3; ++p)
            QVERIFY(produce(topic, p, numbered(QStringLiteral("p%1").arg(p), 0, 20 + 7 * p),
                            {QStringLiteral("trace=t%1").arg(p), QStringLiteral("empty=")}));
        auto reading = readToEnd(request(topic));
        QVERIFY2(reading->errors.isEmpty(), qPrintable(reading->errorText()));
        QCOMPARE(reading->starts, (QMap<int, qint64>{{0, 0}, {1, 0}, {2, 0}}));
        QCOMPARE(reading->messages.size(), 20 + 27 + 34);
        QCOMPARE(reading->stats.messages, 20 + 27 + 34);
        QCOMPARE(reading->session->state(), ConsumeSession::State::Finished);

        // Every message as kcat produced it, in order within its partition.
        for (int p = 0; p < 3; ++p) {
            const QList<Message> got = reading->ofPartition(p);
            QCOMPARE(got.size(), 20 + 7 * p);
            for (int i = 0; i < got.size(); ++i) {
                QCOMPARE(got[i].offset, i);
                QCOMPARE(got[i].key, bytes(QStringLiteral("p%1-k%2").arg(p).arg(i)));
                QCOMPARE(got[i].value, bytes(QStringLiteral("p%1-v%2").arg(p).arg(i)));
                const QList<MessageHeader> headers{{"trace", bytes(QStringLiteral("t%1").arg(p))}, {"empty", QByteArray()}};
                QCOMPARE(got[i].headers, headers);
                QCOMPARE(got[i].timestampType, TimestampType::CreateTime);
                QVERIFY(got[i].timestampMs > QDateTime::currentMSecsSinceEpoch() - 600000);
            }
        }
        // And kcat's own reading agrees on partition, offset, key and value.
        QStringList kafdesk;
        for (const Message &m : std::as_const(reading->messages))
            kafdesk << QStringLiteral("%1 %2 %3 %4").arg(m.partition).arg(m.offset).arg(QString::fromUtf8(*m.key), QString::fromUtf8(*m.value));
        QStringList kcat = kcatRead(topic);
        kcat.sort();
        kafdesk.sort();
        QCOMPARE(kafdesk, kcat);
    }

    void emptyPartitionsFinish()
    {
        const QString topic = createTopic(QStringLiteral("consume-empty"), 3);
        QVERIFY(!topic.isEmpty());
        QVERIFY(produce(topic, 1, numbered(QStringLiteral("one"), 0, 3)));
        auto reading = readToEnd(request(topic));
        QVERIFY2(reading->errors.isEmpty(), qPrintable(reading->errorText()));
        QCOMPARE(reading->messages.size(), 3);
        QCOMPARE(reading->starts, (QMap<int, qint64>{{0, 0}, {1, 0}, {2, 0}}));
    }

    void latestOnlyNewMessages()
    {
        const QString topic = createTopic(QStringLiteral("consume-latest"), 2);
        QVERIFY(!topic.isEmpty());
        QVERIFY(produce(topic, 0, numbered(QStringLiteral("old"), 0, 5)));
        ConsumeRequest r = request(topic, ConsumeStart::Kind::Latest);
        r.stopAtEnd = false;
        Reading reading(m_bootstrap, r);
        QVERIFY2(QTest::qWaitFor([&] { return reading.started; }, 60000), qPrintable(reading.story()));
        QCOMPARE(reading.starts, (QMap<int, qint64>{{0, 5}, {1, 0}}));
        QCOMPARE(reading.session->state(), ConsumeSession::State::Running);
        QVERIFY(produce(topic, 0, numbered(QStringLiteral("new"), 0, 4)));
        QVERIFY(produce(topic, 1, numbered(QStringLiteral("new1"), 0, 2)));
        QTRY_COMPARE_WITH_TIMEOUT(reading.messages.size(), 6, 15000);
        for (const Message &m : std::as_const(reading.messages))
            QVERIFY2(m.key->startsWith("new"), m.key->constData());
        QCOMPARE(reading.ofPartition(0).first().offset, 5);
        reading.session->stop();
        QTRY_VERIFY_WITH_TIMEOUT(reading.finished, 10000);
        QCOMPARE(reading.session->state(), ConsumeSession::State::Finished);
    }

    void fromOffsetAndLastN()
    {
        const QString topic = createTopic(QStringLiteral("consume-offset"), 2);
        QVERIFY(!topic.isEmpty());
        QVERIFY(produce(topic, 0, numbered(QStringLiteral("a"), 0, 10)));
        QVERIFY(produce(topic, 1, numbered(QStringLiteral("b"), 0, 4)));

        ConsumeRequest r = request(topic, ConsumeStart::Kind::Offset);
        r.start.offset = 6;
        auto fromOffset = readToEnd(r);
        QVERIFY2(fromOffset->errors.isEmpty(), qPrintable(fromOffset->errorText()));
        // Like kcat -o 6: clamped to the end where the partition is shorter.
        QCOMPARE(fromOffset->starts, (QMap<int, qint64>{{0, 6}, {1, 4}}));
        QCOMPARE(fromOffset->messages.size(), 4);
        QCOMPARE(fromOffset->messages.first().key, QByteArray("a-k6"));
        QStringList kcat = kcatRead(topic, {QStringLiteral("-p"), QStringLiteral("0"), QStringLiteral("-o"), QStringLiteral("6")});
        QCOMPARE(kcat.size(), 4);
        QVERIFY(kcat.first().startsWith(QStringLiteral("0 6 a-k6")));

        r.start.kind = ConsumeStart::Kind::LastN;
        r.start.lastN = 3;
        auto last = readToEnd(r);
        QCOMPARE(last->starts, (QMap<int, qint64>{{0, 7}, {1, 1}}));
        QCOMPARE(last->messages.size(), 6);
        r.start.lastN = 50; // more than there are: from the start
        auto all = readToEnd(r);
        QCOMPARE(all->starts, (QMap<int, qint64>{{0, 0}, {1, 0}}));
        QCOMPARE(all->messages.size(), 14);

        r.start.kind = ConsumeStart::Kind::Beginning;
        r.partitions = {1};
        auto chosen = readToEnd(r);
        QCOMPARE(chosen->starts, (QMap<int, qint64>{{1, 0}}));
        QCOMPARE(chosen->messages.size(), 4);
        for (const Message &m : std::as_const(chosen->messages))
            QCOMPARE(m.partition, 1);

        r.partitions.clear();
        r.maxMessages = 5;
        auto limited = readToEnd(r);
        QCOMPARE(limited->messages.size(), 5);
        QCOMPARE(limited->stats.messages, 5);
    }

    void fromDateTime()
    {
        const QString topic = createTopic(QStringLiteral("consume-time"), 2);
        QVERIFY(!topic.isEmpty());
        QVERIFY(produce(topic, 0, numbered(QStringLiteral("first"), 0, 6)));
        QVERIFY(produce(topic, 1, numbered(QStringLiteral("first"), 0, 3)));
        QThread::msleep(1500);
        const QDateTime at = QDateTime::currentDateTimeUtc();
        QThread::msleep(20);
        QVERIFY(produce(topic, 0, numbered(QStringLiteral("second"), 0, 4)));
        QVERIFY(produce(topic, 1, numbered(QStringLiteral("second"), 0, 5)));

        ConsumeRequest r = request(topic, ConsumeStart::Kind::DateTime);
        r.start.dateTime = at;
        auto reading = readToEnd(r);
        QVERIFY2(reading->errors.isEmpty(), qPrintable(reading->errorText()));
        QCOMPARE(reading->starts, (QMap<int, qint64>{{0, 6}, {1, 3}}));
        QCOMPARE(reading->messages.size(), 9);
        for (const Message &m : std::as_const(reading->messages))
            QVERIFY2(m.key->startsWith("second"), m.key->constData());
        // kcat -o s@<ms> starts at the same offsets.
        for (int p = 0; p < 2; ++p) {
            const QStringList kcat = kcatRead(topic, {QStringLiteral("-p"), QString::number(p), QStringLiteral("-o"),
                                                      QStringLiteral("s@%1").arg(at.toMSecsSinceEpoch())});
            QVERIFY(!kcat.isEmpty());
            QCOMPARE(kcat.first().section(QLatin1Char(' '), 1, 1).toLongLong(), reading->starts.value(p));
        }
        // A time after every message: the end, nothing read.
        r.start.dateTime = QDateTime::currentDateTimeUtc().addSecs(60);
        auto future = readToEnd(r);
        QCOMPARE(future->starts, (QMap<int, qint64>{{0, 10}, {1, 8}}));
        QCOMPARE(future->messages.size(), 0);
    }

    void namedGroupCommits()
    {
        const QString topic = createTopic(QStringLiteral("consume-group"), 3);
        QVERIFY(!topic.isEmpty());
        for (int p = 0; p < 3; ++p)
            QVERIFY(produce(topic, p, numbered(QStringLiteral("g"), 0, 4 + p)));
        ConsumeRequest r = request(topic);
        r.groupId = uniqueName(QStringLiteral("consume-group"));
        auto reading = readToEnd(r);
        QVERIFY2(reading->errors.isEmpty(), qPrintable(reading->errorText()));
        QCOMPARE(reading->messages.size(), 4 + 5 + 6);
        QCOMPARE(reading->starts, (QMap<int, qint64>{{0, 0}, {1, 0}, {2, 0}}));

        // ConsumerGroupCommand: CURRENT-OFFSET is what was consumed, LAG 0, on every partition.
        QMap<int, QPair<qint64, qint64>> described; // partition -> (current, lag)
        const auto describe = [&] {
            const RunResult d = kafkaTool(QStringLiteral("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand"),
                                          {QStringLiteral("--bootstrap-server"), m_bootstrap, QStringLiteral("--describe"),
                                           QStringLiteral("--group"), r.groupId});
            described.clear();
            for (const QString &line : d.out.split(QLatin1Char('\n'))) {
                const QStringList f = line.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
                if (f.size() >= 6 && f[1] == topic)
                    described.insert(f[2].toInt(), {f[3].toLongLong(), f[5].toLongLong()});
            }
            return described.size() == 3;
        };
        QVERIFY(waitUntil(describe, 30s, 500) >= 0);
        for (int p = 0; p < 3; ++p) {
            QCOMPARE(described.value(p).first, 4 + p);
            QCOMPARE(described.value(p).second, 0);
        }

        // Again in the same group: it continues from the commits, so nothing is left to read.
        QVERIFY(produce(topic, 2, numbered(QStringLiteral("more"), 0, 2)));
        auto again = readToEnd(r);
        QVERIFY2(again->errors.isEmpty(), qPrintable(again->errorText()));
        QCOMPARE(again->starts, (QMap<int, qint64>{{0, 4}, {1, 5}, {2, 6}}));
        QCOMPARE(again->messages.size(), 2);
        QCOMPARE(again->messages.first().key, QByteArray("more-k0"));

        // Chosen partitions in a group: read by assignment, still committed.
        ConsumeRequest chosen = request(topic);
        chosen.groupId = uniqueName(QStringLiteral("consume-group-chosen"));
        chosen.partitions = {1};
        auto one = readToEnd(chosen);
        QCOMPARE(one->messages.size(), 5);
        r.groupId = chosen.groupId;
        QVERIFY(waitUntil([&] { return describe() || described.contains(1); }, 30s, 500) >= 0);
        QCOMPARE(described.value(1).first, 5);
        QCOMPARE(described.value(1).second, 0);
    }

    void badTopicAndPartition()
    {
        auto missing = readToEnd(request(uniqueName(QStringLiteral("no-such-topic"))));
        QCOMPARE(missing->errors.size(), 1);
        QVERIFY2(missing->errorText().contains(QStringLiteral("does not exist")), qPrintable(missing->errorText()));
        QCOMPARE(missing->session->state(), ConsumeSession::State::Failed);

        const QString topic = createTopic(QStringLiteral("consume-range"), 3);
        QVERIFY(!topic.isEmpty());
        ConsumeRequest r = request(topic);
        r.partitions = {0, 7};
        auto outOfRange = readToEnd(r);
        QCOMPARE(outOfRange->errors.size(), 1);
        QCOMPARE(outOfRange->errors.first().message,
                 QStringLiteral("Partition 7 does not exist: topic %1 has 3 partitions (0-2).").arg(topic));
        QVERIFY(!outOfRange->started);
    }

    void pauseAndResume()
    {
        const QString topic = createTopic(QStringLiteral("consume-pause"), 1);
        QVERIFY(!topic.isEmpty());
        ConsumeRequest r = request(topic, ConsumeStart::Kind::Latest);
        r.stopAtEnd = false;
        Reading reading(m_bootstrap, r);
        QVERIFY2(QTest::qWaitFor([&] { return reading.started; }, 60000), qPrintable(reading.story()));
        QVERIFY(produce(topic, 0, numbered(QStringLiteral("before"), 0, 3)));
        QTRY_COMPARE_WITH_TIMEOUT(reading.messages.size(), 3, 15000);

        reading.session->pause();
        QCOMPARE(reading.session->state(), ConsumeSession::State::Paused);
        QTest::qWait(200);
        QVERIFY(produce(topic, 0, numbered(QStringLiteral("during"), 0, 5)));
        QTest::qWait(1500);
        QCOMPARE(reading.messages.size(), 3); // nothing delivered while paused

        reading.session->resume();
        QCOMPARE(reading.session->state(), ConsumeSession::State::Running);
        QTRY_COMPARE_WITH_TIMEOUT(reading.messages.size(), 8, 15000);
        for (int i = 0; i < 8; ++i)
            QCOMPARE(reading.messages[i].offset, i); // no gap, no repeat
        reading.session->stop();
        QTRY_VERIFY_WITH_TIMEOUT(reading.finished, 10000);
    }

    void unreachableClusterWarns()
    {
        ConsumeRequest r = request(QStringLiteral("anything"));
        Reading reading(QStringLiteral("127.0.0.1:1"), r);
        QTRY_VERIFY_WITH_TIMEOUT(!reading.warnings.isEmpty(), 20000);
        QVERIFY2(reading.warnings.first().contains(QStringLiteral("still trying")), qPrintable(reading.warnings.first()));
        QVERIFY(reading.errors.isEmpty());
        QCOMPARE(reading.session->state(), ConsumeSession::State::Starting);
        reading.session->stop();
        QTRY_VERIFY_WITH_TIMEOUT(reading.finished, 15000);
        QVERIFY(reading.errors.isEmpty());
    }

    void destroyedFromItsOwnSignals()
    {
        // A slot that deletes the session on failed(), and one that does on finished().
        ConsumeRequest bad = request(QString());
        auto failing = std::make_unique<ConsumeSession>(ConnectionSettings::forBootstrap(m_bootstrap), bad);
        bool failedSeen = false;
        connect(failing.get(), &ConsumeSession::failed, this, [&] {
            failedSeen = true;
            failing.reset();
        });
        failing->start();
        QTRY_VERIFY_WITH_TIMEOUT(failedSeen, 5000);
        QVERIFY(!failing);

        const QString topic = createTopic(QStringLiteral("consume-delete"), 1);
        QVERIFY(!topic.isEmpty());
        QVERIFY(produce(topic, 0, numbered(QStringLiteral("d"), 0, 3)));
        auto finishing = std::make_unique<ConsumeSession>(ConnectionSettings::forBootstrap(m_bootstrap), request(topic));
        int messages = 0;
        connect(finishing.get(), &ConsumeSession::batchReady, this, [&](const MessageBatchPtr &b) { messages += int(b->size()); });
        connect(finishing.get(), &ConsumeSession::stateChanged, this, [&](ConsumeSession::State s) {
            if (s == ConsumeSession::State::Finished)
                finishing.reset();
        });
        finishing->start();
        QTRY_VERIFY_WITH_TIMEOUT(!finishing, 30000);
        QCOMPARE(messages, 3);
        QTest::qWait(200);
    }

    void stoppingIsQuickForTheCaller()
    {
        const QString topic = createTopic(QStringLiteral("consume-stop"), 3);
        QVERIFY(!topic.isEmpty());
        for (int p = 0; p < 3; ++p)
            QVERIFY(produce(topic, p, numbered(QStringLiteral("s"), 0, 30000)));

        // stop() mid-stream, in a named group (closing leaves the group).
        ConsumeRequest r = request(topic);
        r.groupId = uniqueName(QStringLiteral("consume-stop"));
        r.stopAtEnd = false;
        Reading reading(m_bootstrap, r);
        QVERIFY2(QTest::qWaitFor([&] { return reading.batches > 0; }, 60000), qPrintable(reading.story()));
        QElapsedTimer t;
        t.start();
        reading.session->stop();
        const qint64 stopMs = t.elapsed();
        qInfo("stop() took %lld ms on the caller's thread", stopMs);
        QVERIFY(stopMs < 250); // leaving the group and committing would take longer; 250: a loaded CI machine
        QTRY_VERIFY_WITH_TIMEOUT(reading.finished, 15000);
        QVERIFY(reading.stats.messages > 0);
        QCOMPARE(reading.stats.messages, qint64(reading.messages.size()));

        // Destroying a running session does not wait either, and nothing arrives afterwards.
        r.groupId = uniqueName(QStringLiteral("consume-destroy")); // not waiting for the first member to leave
        auto second = std::make_unique<Reading>(m_bootstrap, r);
        QVERIFY2(QTest::qWaitFor([&] { return second->batches > 0; }, 60000), qPrintable(second->story()));
        t.restart();
        second->session.reset();
        const qint64 destroyMs = t.elapsed();
        qInfo("destroying a running session took %lld ms", destroyMs);
        QVERIFY(destroyMs < 250);
        QTest::qWait(500);
    }
};

QTEST_GUILESS_MAIN(TestConsume)
#include "tst_consume.moc"
