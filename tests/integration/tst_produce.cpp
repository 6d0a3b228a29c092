// ProduceSession against the real bundled cluster: where keyed messages land (and that Kafka's
// own Java producer puts the same keys in the same partitions), what kcat reads back (partitions,
// offsets, values, headers), acks and compression, idempotence, and the refusals: a topic that
// does not exist, a partition out of range, a read-only connection; cancel and teardown.

#include "kafka/partitioner.h"
#include "local/kafkadistribution.h"
#include "messages/producecommand.h"
#include "messages/producesession.h"
#include "support/testsupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;
using namespace std::chrono_literals;

namespace {

struct KcatRecord {
    int partition = -1;
    qint64 offset = -1;
    QString key;
    QString value;
    QString headers;
};

// Every message of the topic as kcat reads it, from the beginning: "%p %o %k|%s|%h".
QList<KcatRecord> kcatRead(const QString &bootstrap, const QString &topic)
{
    const RunResult r = run(QStringLiteral("kcat"), {QStringLiteral("-b"), bootstrap, QStringLiteral("-C"), QStringLiteral("-t"),
                                                      topic, QStringLiteral("-o"), QStringLiteral("beginning"),
                                                      QStringLiteral("-e"), QStringLiteral("-q"), QStringLiteral("-f"),
                                                      QStringLiteral("%p %o %k\t%s\t%h\\n")},
                            {}, 30000);
    QList<KcatRecord> out;
    for (const QString &line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList tabs = line.split(QLatin1Char('\t'));
        const QStringList head = tabs.value(0).split(QLatin1Char(' '));
        KcatRecord rec;
        rec.partition = head.value(0).toInt();
        rec.offset = head.value(1).toLongLong();
        rec.key = head.mid(2).join(QLatin1Char(' '));
        rec.value = tabs.value(1);
        rec.headers = tabs.value(2);
        out.append(rec);
    }
    return out;
}

struct Outcome {
    ProduceProgress progress;
    QList<DeliveryReport> reports;
};

} // namespace

class TestProduce : public QObject {
    Q_OBJECT
private:
    QString m_bootstrap;
    const QString m_prefix = uniqueName(QStringLiteral("produce"));

    bool createTopic(const QString &name, int partitions, int replication = 3)
    {
        const RunResult r = ctl({QStringLiteral("topics"), QStringLiteral("create"), name, QStringLiteral("--partitions"),
                                 QString::number(partitions), QStringLiteral("--replication-factor"),
                                 QString::number(replication), QStringLiteral("--bootstrap"), m_bootstrap});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.describe()));
        return r.exitCode == 0;
    }

    ProduceRequest request(const QString &topic, int copies = 1)
    {
        ProduceRequest r;
        r.topic = topic;
        r.key = QStringLiteral("user-42");
        r.value = QStringLiteral("value {i}");
        r.copies = copies;
        return r;
    }

    // Sends and waits for finished(); every delivered() batch collected.
    Outcome sendAndWait(ProduceSession &session, const ProduceRequest &r, int timeoutMs = 60000)
    {
        Outcome out;
        QSignalSpy finished(&session, &ProduceSession::finished);
        const auto c = connect(&session, &ProduceSession::delivered, this,
                               [&out](quint64, const QList<DeliveryReport> &reports) { out.reports += reports; });
        auto id = session.send(r);
        if (!id) {
            out.progress.error = id.error();
            out.progress.finished = true;
            disconnect(c);
            return out;
        }
        if (!finished.wait(timeoutMs))
            qWarning("the send did not finish in %d ms", timeoutMs);
        disconnect(c);
        if (!finished.isEmpty())
            out.progress = finished.first().first().value<ProduceProgress>();
        return out;
    }

    ConnectionSettings settings() const { return ConnectionSettings::forBootstrap(m_bootstrap, QStringLiteral("test")); }

private Q_SLOTS:
    void initTestCase()
    {
        m_bootstrap = sharedClusterState().bootstrapServers();
        QVERIFY(!m_bootstrap.isEmpty());
    }

    void sameKeyLandsInOnePartitionAsKcatSees()
    {
        const QString topic = m_prefix + QStringLiteral("-keyed");
        QVERIFY(createTopic(topic, 3));
        ProduceSession session(settings());
        ProduceRequest r = request(topic, 10);
        r.headers = {{QStringLiteral("trace"), QStringLiteral("t-1")}, {QStringLiteral("source"), QStringLiteral("kafdesk")}};
        const Outcome out = sendAndWait(session, r);
        QVERIFY2(!out.progress.error, qPrintable(out.progress.error ? out.progress.error->fullText() : QString()));
        QCOMPARE(out.progress.total, 10);
        QCOMPARE(out.progress.delivered, 10);
        QCOMPARE(out.progress.failed, 0);
        QCOMPARE(out.reports.size(), 10);

        const int expected = javaPartitionForKey("user-42", 3);
        QCOMPARE(expected, 1); // as Kafka's Java client computes it (tst_producerequest)
        QList<qint64> offsets;
        for (const DeliveryReport &d : out.reports) {
            QVERIFY(d.ok());
            QCOMPARE(d.partition, expected);
            QCOMPARE(d.key, std::optional<QByteArray>("user-42"));
            QVERIFY(d.timestampMs > QDateTime::currentMSecsSinceEpoch() - 120000);
            offsets << d.offset;
        }
        std::sort(offsets.begin(), offsets.end());
        for (qsizetype i = 0; i < offsets.size(); ++i)
            QCOMPARE(offsets.at(i), offsets.first() + i); // consecutive

        const QList<KcatRecord> kcat = kcatRead(m_bootstrap, topic);
        QCOMPARE(kcat.size(), 10);
        for (const DeliveryReport &d : out.reports) {
            auto it = std::find_if(kcat.cbegin(), kcat.cend(), [&](const KcatRecord &k) { return k.offset == d.offset; });
            QVERIFY(it != kcat.cend());
            QCOMPARE(it->partition, d.partition);
            QCOMPARE(it->key, QStringLiteral("user-42"));
            QCOMPARE(it->value, QStringLiteral("value %1").arg(d.id));
            QCOMPARE(it->headers, QStringLiteral("trace=t-1,source=kafdesk"));
        }
        // In partition order, kcat's values follow the copy counter 1..10 (idempotence keeps order).
        for (qsizetype i = 0; i < kcat.size(); ++i)
            QCOMPARE(kcat.at(i).value, QStringLiteral("value %1").arg(i + 1));
    }

    void javaConsoleProducerPutsKeysWhereWeSay()
    {
        const QString topic = m_prefix + QStringLiteral("-java");
        QVERIFY(createTopic(topic, 6));
        const QStringList keys{QStringLiteral("user-42"), QStringLiteral("user-1"), QStringLiteral("order-7"),
                               QStringLiteral("a"), QStringLiteral("kafka"), QStringLiteral("héllo"),
                               QStringLiteral("k-%1").arg(17), QStringLiteral("0123456789abcdef0123")};
        auto dist = KafkaDistribution::locate();
        QVERIFY2(dist.ok(), dist.ok() ? "" : qPrintable(dist.error().fullText()));
        QString input;
        for (const QString &k : keys)
            input += k + QStringLiteral(":from-java\n");
        const QString script =
            QStringLiteral("printf '%s' \"$INPUT\" | \"$JAVA\" -Xmx256m -XX:TieredStopAtLevel=1 -Dlog4j2.level=WARN -cp \"$CP\" "
                           "org.apache.kafka.tools.ConsoleProducer --bootstrap-server \"$BOOT\" --topic \"$TOPIC\" "
                           "--property parse.key=true --property key.separator=:");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("INPUT"), input);
        env.insert(QStringLiteral("JAVA"), dist->javaPath);
        env.insert(QStringLiteral("CP"), dist->classPath());
        env.insert(QStringLiteral("BOOT"), m_bootstrap);
        env.insert(QStringLiteral("TOPIC"), topic);
        const RunResult java = run(QStringLiteral("sh"), {QStringLiteral("-c"), script}, env, 120000);
        QVERIFY2(java.exitCode == 0, qPrintable(java.describe()));

        // Ours, to the same topic.
        ProduceSession session(settings());
        QMap<QString, int> ours;
        for (const QString &k : keys) {
            ProduceRequest r = request(topic);
            r.key = k;
            r.value = QStringLiteral("from-kafdesk");
            const Outcome out = sendAndWait(session, r);
            QCOMPARE(out.reports.size(), 1);
            QVERIFY(out.reports.first().ok());
            ours.insert(k, out.reports.first().partition);
        }

        QList<KcatRecord> kcat;
        waitUntil([&] { return (kcat = kcatRead(m_bootstrap, topic)).size() >= 2 * keys.size(); }, 20s, 500);
        QCOMPARE(kcat.size(), 2 * keys.size());
        for (const KcatRecord &rec : kcat) {
            QVERIFY2(keys.contains(rec.key), qPrintable(rec.key));
            QCOMPARE(javaPartitionForKey(rec.key.toUtf8(), 6), rec.partition);
            if (rec.value == QStringLiteral("from-kafdesk"))
                QCOMPARE(ours.value(rec.key), rec.partition);
        }
    }

    // The command line the pane shows does what the pane does: kcat puts the same keys in the
    // same partitions with the same values and headers.
    void theShownKcatLineSendsTheSame()
    {
        const QString topic = m_prefix + QStringLiteral("-cli");
        QVERIFY(createTopic(topic, 6));
        ProduceRequest r = request(topic, 4);
        r.key = QStringLiteral("user-{i}");
        r.value = QStringLiteral("it's \"{i}\" $HOME");
        r.headers = {{QStringLiteral("via"), QStringLiteral("kcat line")}};
        const QString line = produce::kcatCommand(r, settings().clientConfig);
        QVERIFY2(line.contains(QStringLiteral("-X partitioner=murmur2_random")), qPrintable(line));
        const RunResult sent = run(QStringLiteral("sh"), {QStringLiteral("-c"), line}, {}, 60000);
        QVERIFY2(sent.exitCode == 0, qPrintable(line + QLatin1Char('\n') + sent.describe()));

        // A hex value goes through a file, with -k for the key.
        ProduceRequest hex = request(topic);
        hex.key = QStringLiteral("bin");
        hex.format = ValueFormat::Hex;
        hex.value = QStringLiteral("68 65 78");
        const QString hexLine = QStringLiteral("cd \"$(mktemp -d)\" && ") + produce::kcatCommand(hex, settings().clientConfig);
        const RunResult hexSent = run(QStringLiteral("sh"), {QStringLiteral("-c"), hexLine}, {}, 60000);
        QVERIFY2(hexSent.exitCode == 0, qPrintable(hexLine + QLatin1Char('\n') + hexSent.describe()));

        QList<KcatRecord> kcat;
        waitUntil([&] { return (kcat = kcatRead(m_bootstrap, topic)).size() >= 5; }, 20s, 300);
        QCOMPARE(kcat.size(), 5);
        for (const KcatRecord &rec : kcat) {
            QCOMPARE(rec.partition, javaPartitionForKey(rec.key.toUtf8(), 6));
            if (rec.key == QStringLiteral("bin")) {
                QCOMPARE(rec.value, QStringLiteral("hex"));
                QVERIFY(rec.headers.isEmpty());
                continue;
            }
            const QString n = rec.key.mid(5);
            QCOMPARE(rec.value, QStringLiteral("it's \"%1\" $HOME").arg(n));
            QCOMPARE(rec.headers, QStringLiteral("via=kcat line"));
        }
    }

    void acksAndCompression_data()
    {
        QTest::addColumn<QString>("acks");
        QTest::addColumn<bool>("idempotence");
        QTest::addColumn<QString>("compression");
        QTest::newRow("all, idempotent") << QStringLiteral("all") << true << QStringLiteral("none");
        QTest::newRow("1") << QStringLiteral("1") << false << QStringLiteral("gzip");
        QTest::newRow("0") << QStringLiteral("0") << false << QStringLiteral("snappy");
        QTest::newRow("all, lz4") << QStringLiteral("all") << true << QStringLiteral("lz4");
        QTest::newRow("all, zstd") << QStringLiteral("all") << false << QStringLiteral("zstd");
    }

    void acksAndCompression()
    {
        QFETCH(QString, acks);
        QFETCH(bool, idempotence);
        QFETCH(QString, compression);
        const QString topic = uniqueName(m_prefix + QStringLiteral("-acks"));
        QVERIFY(createTopic(topic, 2));
        ProduceSession session(settings());
        ProduceRequest r = request(topic, 5);
        r.key.reset();
        r.partition = 1;
        r.acks = *acksFromValue(acks);
        r.idempotence = idempotence;
        r.compression = *compressionFromValue(compression);
        const Outcome out = sendAndWait(session, r);
        QVERIFY2(!out.progress.error, qPrintable(out.progress.error ? out.progress.error->fullText() : QString()));
        QCOMPARE(out.progress.delivered, 5);
        for (const DeliveryReport &d : out.reports) {
            QCOMPARE(d.partition, 1);
            QVERIFY(!d.key.has_value());
            // acks=0 gets no offset back from the broker.
            if (r.acks == Acks::None)
                QCOMPARE(d.offset, -1);
            else
                QVERIFY(d.offset >= 0 && d.offset < 5);
        }
        QList<KcatRecord> kcat;
        waitUntil([&] { return (kcat = kcatRead(m_bootstrap, topic)).size() >= 5; }, 20s, 300);
        QCOMPARE(kcat.size(), 5);
        QStringList values;
        for (const KcatRecord &rec : kcat) {
            QCOMPARE(rec.partition, 1);
            values << rec.value;
        }
        QCOMPARE(values, (QStringList{QStringLiteral("value 1"), QStringLiteral("value 2"), QStringLiteral("value 3"),
                                      QStringLiteral("value 4"), QStringLiteral("value 5")}));
    }

    void fileAndHexValues()
    {
        const QString topic = m_prefix + QStringLiteral("-values");
        QVERIFY(createTopic(topic, 1));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("value.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"from\": \"file\"}");
        file.close();
        ProduceSession session(settings());
        ProduceRequest r = request(topic);
        r.format = ValueFormat::File;
        r.value = path;
        QCOMPARE(sendAndWait(session, r).progress.delivered, 1);
        r.format = ValueFormat::Hex;
        r.value = QStringLiteral("68 65 78 21");
        QCOMPARE(sendAndWait(session, r).progress.delivered, 1);
        r.format = ValueFormat::Json;
        r.value = QStringLiteral("{\"n\": {i}}");
        r.copies = 2;
        QCOMPARE(sendAndWait(session, r).progress.delivered, 2);
        QList<KcatRecord> kcat;
        waitUntil([&] { return (kcat = kcatRead(m_bootstrap, topic)).size() >= 4; }, 20s, 300);
        QStringList values;
        for (const KcatRecord &rec : kcat)
            values << rec.value;
        QCOMPARE(values, (QStringList{QStringLiteral("{\"from\": \"file\"}"), QStringLiteral("hex!"),
                                      QStringLiteral("{\"n\": 1}"), QStringLiteral("{\"n\": 2}")}));
    }

    void idempotenceNeedsAcksAll()
    {
        ProduceSession session(settings());
        ProduceRequest r = request(m_prefix + QStringLiteral("-keyed"));
        r.acks = Acks::Leader;
        r.idempotence = true;
        auto id = session.send(r);
        QVERIFY(!id.ok());
        QVERIFY2(id.error().message.contains(QStringLiteral("needs acks=all")), qPrintable(id.error().message));
        QVERIFY(!session.isBusy());
    }

    void missingTopicIsRefusedAndNotCreated()
    {
        const QString topic = m_prefix + QStringLiteral("-does-not-exist");
        ProduceSession session(settings());
        QElapsedTimer timer;
        timer.start();
        const Outcome out = sendAndWait(session, request(topic, 3));
        QVERIFY(out.progress.finished);
        QVERIFY(out.progress.error.has_value());
        QVERIFY2(out.progress.error->message.contains(QStringLiteral("The topic %1 does not exist").arg(topic)),
                 qPrintable(out.progress.error->fullText()));
        QVERIFY2(out.progress.error->detail.contains(QStringLiteral("UNKNOWN_TOPIC_OR_PART")),
                 qPrintable(out.progress.error->detail));
        QVERIFY(out.progress.error->badInput);
        QCOMPARE(out.progress.delivered, 0);
        QVERIFY(out.reports.isEmpty());
        QVERIFY(timer.elapsed() < 15000); // refused by a metadata check, not after message.timeout.ms
        // The bundled brokers run with auto.create.topics.enable=false and the producer asks for
        // no creation: the topic still does not exist.
        const RunResult list = ctl({QStringLiteral("topics"), QStringLiteral("list"), QStringLiteral("--bootstrap"), m_bootstrap});
        QCOMPARE(list.exitCode, 0);
        QVERIFY(!list.out.contains(topic));
    }

    void partitionOutOfRangeIsRefusedBeforeSending()
    {
        const QString topic = m_prefix + QStringLiteral("-range");
        QVERIFY(createTopic(topic, 3));
        ProduceSession session(settings());
        ProduceRequest r = request(topic, 2);
        r.partition = 7;
        const Outcome out = sendAndWait(session, r);
        QVERIFY(out.progress.error.has_value());
        QVERIFY2(out.progress.error->message.contains(QStringLiteral("there is no partition 7")),
                 qPrintable(out.progress.error->message));
        QVERIFY(out.reports.isEmpty());
        QVERIFY(kcatRead(m_bootstrap, topic).isEmpty());
    }

    void readOnlyConnectionsDoNotProduce()
    {
        ConnectionSettings s = settings();
        s.readOnly = true;
        ProduceSession session(s);
        const Outcome out = sendAndWait(session, request(m_prefix + QStringLiteral("-keyed")));
        QVERIFY(out.progress.error.has_value());
        QVERIFY2(out.progress.error->message.contains(QStringLiteral("is read-only: producing messages is not allowed")),
                 qPrintable(out.progress.error->message));
        QVERIFY(out.reports.isEmpty());
    }

    void cancelStopsAndEveryCopyIsAccountedFor()
    {
        const QString topic = m_prefix + QStringLiteral("-cancel");
        QVERIFY(createTopic(topic, 3));
        ProduceSession session(settings());
        ProduceRequest r = request(topic, 500000);
        r.key = QStringLiteral("k{i}");
        QSignalSpy progress(&session, &ProduceSession::progressChanged);
        QSignalSpy finished(&session, &ProduceSession::finished);
        QVERIFY(session.send(r).ok());
        QVERIFY(session.isBusy());
        QVERIFY(progress.wait(20000));
        session.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        const auto p = finished.first().first().value<ProduceProgress>();
        QVERIFY(p.cancelled);
        QVERIFY(!p.error);
        QVERIFY(p.delivered > 0);
        QVERIFY2(p.delivered + p.failed < p.total, qPrintable(QStringLiteral("%1 + %2").arg(p.delivered).arg(p.failed)));
        QVERIFY(!session.isBusy());
        // The next send works on the same session.
        const Outcome again = sendAndWait(session, request(topic, 3));
        QCOMPARE(again.progress.delivered, 3);
    }

    void teardownDoesNotBlock()
    {
        const QString topic = m_prefix + QStringLiteral("-teardown");
        QVERIFY(createTopic(topic, 3));
        auto session = std::make_unique<ProduceSession>(settings());
        QSignalSpy progress(session.get(), &ProduceSession::progressChanged);
        QVERIFY(session->send(request(topic, 300000)).ok());
        QVERIFY(progress.wait(20000));
        QElapsedTimer timer;
        timer.start();
        session.reset();
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestProduce)
#include "tst_produce.moc"
