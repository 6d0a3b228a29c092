// The bad-input catalogue, part 1 of 3: what needs no cluster. Validators, the client.properties
// parser and import, connection profiles, the message decoders and kafdesk-ctl's usage errors,
// each row one bad input with the sentence it must produce. Parts 2 and 3:
// tests/integration/tst_badinput_cluster.cpp (the cluster is left unchanged) and
// tests/gui/tst_badinputdialogs.cpp (the dialogs show the sentence and send nothing).
// docs/bad-input-catalogue.md lists every case of the three files.

#include "admin/validation.h"
#include "messages/decoders.h"
#include "profiles/clientpropertiesimport.h"
#include "profiles/connectionprofile.h"
#include "profiles/javaproperties.h"
#include "support/testsupport.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace kafdesk;
using namespace kafdesk::test;

namespace {

// Everything an import tells people about its keys, in one text.
QString importText(const ClientPropertiesImport &i)
{
    QString out = i.reportText();
    for (const UnmappedProperty &u : i.unmapped())
        out += u.key + QStringLiteral(": ") + u.reason + QLatin1Char('\n');
    return out + i.notes().join(QLatin1Char('\n'));
}

QByteArray garbage(int size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &b : bytes)
        b = static_cast<char>(random.bounded(256));
    return bytes;
}

} // namespace

class TestBadInput : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private Q_SLOTS:
    // --- Topic names (validation::validateTopicName) -------------------------------------------
    void topicNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("message");
        QTest::newRow("name: empty") << QString() << QStringLiteral("Topic names have 1 to 249 characters; this one is empty.");
        QTest::newRow("name: 250 characters")
            << QString(250, QLatin1Char('a')) << QStringLiteral("Topic names have at most 249 characters; this one has 250.");
        QTest::newRow("name: 100,000 characters")
            << QString(100000, QLatin1Char('x'))
            << QStringLiteral("Topic names have at most 249 characters; this one has 100000.");
        QTest::newRow("name: a space") << QStringLiteral("my topic") << QStringLiteral("\"my topic\" has a space.");
        QTest::newRow("name: a slash") << QStringLiteral("a/b") << QStringLiteral("\"a/b\" has '/'.");
        QTest::newRow("name: non-ASCII") << QStringLiteral("caf\u00e9") << QStringLiteral("has '\u00e9'.");
        QTest::newRow("name: NUL character") << QStringLiteral("a") + QChar(u'\0') + QStringLiteral("b")
                                             << QStringLiteral("has the character U+0000.");
        QTest::newRow("name: ..") << QStringLiteral("..") << QStringLiteral("Topic names cannot be \".\" or \"..\"");
    }
    void topicNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, message);
        const Status s = validation::validateTopicName(name);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message.left(300)));
    }

    // --- Topic config values (validation::validateConfig) --------------------------------------
    void configValues_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("config: retention.ms abc")
            << QStringLiteral("retention.ms") << QStringLiteral("abc")
            << QStringLiteral("retention.ms takes milliseconds as a whole number, such as 604800000 for 7 days; "
                              "\"abc\" is not one.");
        QTest::newRow("config: retention.ms 1.5")
            << QStringLiteral("retention.ms") << QStringLiteral("1.5") << QStringLiteral("\"1.5\" is not one.");
        QTest::newRow("config: retention.ms -5")
            << QStringLiteral("retention.ms") << QStringLiteral("-5")
            << QStringLiteral("retention.ms must be at least -1 (-1 keeps records forever); it is -5.");
        QTest::newRow("config: retention.ms past int64")
            << QStringLiteral("retention.ms") << QStringLiteral("99999999999999999999")
            << QStringLiteral("retention.ms must be at most 9223372036854775807; it is 99999999999999999999.");
        QTest::newRow("config: segment.bytes too small")
            << QStringLiteral("segment.bytes") << QStringLiteral("100")
            << QStringLiteral("segment.bytes must be at least 1048576");
        QTest::newRow("config: max.message.bytes past int32")
            << QStringLiteral("max.message.bytes") << QStringLiteral("2147483648")
            << QStringLiteral("max.message.bytes must be at most 2147483647; it is 2147483648.");
        QTest::newRow("config: compression.type brotli")
            << QStringLiteral("compression.type") << QStringLiteral("brotli")
            << QStringLiteral("compression.type must be one of uncompressed, zstd, lz4, snappy, gzip or producer; "
                              "\"brotli\" is none of them.");
        QTest::newRow("config: cleanup.policy empty") << QStringLiteral("cleanup.policy") << QString()
                                                      << QStringLiteral("cleanup.policy must be delete, compact or both "
                                                                        "(delete,compact); it is empty.");
        QTest::newRow("config: preallocate yes") << QStringLiteral("preallocate") << QStringLiteral("yes")
                                                 << QStringLiteral("preallocate must be true or false; \"yes\" is neither.");
        QTest::newRow("config: dirty ratio 1.5") << QStringLiteral("min.cleanable.dirty.ratio") << QStringLiteral("1.5")
                                                 << QStringLiteral("must be a number from 0 to 1, such as 0.5");
        QTest::newRow("config: dirty ratio nan") << QStringLiteral("min.cleanable.dirty.ratio") << QStringLiteral("nan")
                                                 << QStringLiteral("\"nan\" is not.");
        QTest::newRow("config: name with a space") << QStringLiteral("retention ms") << QStringLiteral("1")
                                                   << QStringLiteral("Config names have no spaces, '=' or ','");
        QTest::newRow("config: empty name") << QString() << QStringLiteral("1")
                                            << QStringLiteral("A config name cannot be empty.");
        QTest::newRow("config: huge value") << QStringLiteral("retention.ms") << QString(1 << 20, QLatin1Char('9'))
                                            << QStringLiteral("retention.ms must be at most 9223372036854775807");
    }
    void configValues()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, message);
        const Status s = validation::validateConfig(key, value, 3);
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message.left(300)));
        // The same through the whole-request check, with a good config beside it.
        const Status all = validation::validateConfigs({{key, value}, {QStringLiteral("segment.ms"), QStringLiteral("1000")}});
        QVERIFY(!all.ok());
    }

    // --- Requests (validation::validate) -------------------------------------------------------
    void requests_data()
    {
        QTest::addColumn<int>("kind"); // 0 create, 1 add partitions (3 now), 2 alter, 3 group, 4 reset, 5 delete topics
        QTest::addColumn<int>("number");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        // For create, number is the partition count and text the replication factor.
        QTest::newRow("create: 0 partitions") << 0 << 0 << QStringLiteral("3") << QStringLiteral("A topic needs at least 1 partition; 0 were asked for.");
        QTest::newRow("create: -1 partitions") << 0 << -1 << QStringLiteral("3") << QStringLiteral("A topic needs at least 1 partition; -1 were asked for.");
        QTest::newRow("create: 10001 partitions")
            << 0 << 10001 << QStringLiteral("3") << QStringLiteral("Kafdesk creates at most 10000 partitions in one request; 10001 were asked for.");
        QTest::newRow("create: RF 0") << 0 << 1 << QStringLiteral("0")
                                      << QStringLiteral("Replication factor must be -1 (the broker's default) or from 1 to 32767; it is 0.");
        QTest::newRow("create: RF 4 on 3 brokers") << 0 << 1 << QStringLiteral("4")
                                                   << QStringLiteral("Replication factor 4 needs 4 live brokers; 3 are alive.");
        QTest::newRow("create: RF 40000") << 0 << 1 << QStringLiteral("40000")
                                          << QStringLiteral("Replication factor must be -1 (the broker's default) or from 1 to 32767; it is 40000.");
        QTest::newRow("add partitions: 2 of 3") << 1 << 2 << QString()
                                                << QStringLiteral("Kafka cannot remove partitions: topic \"t\" has 3");
        QTest::newRow("add partitions: 3 of 3") << 1 << 3 << QString()
                                                << QStringLiteral("Topic \"t\" has 3 partitions already");
        QTest::newRow("alter: set and removed") << 2 << 0 << QStringLiteral("retention.ms")
                                                << QStringLiteral("retention.ms is both set and removed; choose one.");
        QTest::newRow("group: empty") << 3 << 0 << QString() << QStringLiteral("A consumer group needs an id; this one is empty.");
        QTest::newRow("group: 256 characters") << 3 << 0 << QString(256, QLatin1Char('g'))
                                               << QStringLiteral("at most 255 characters; this one has 256.");
        QTest::newRow("group: a line break") << 3 << 0 << QStringLiteral("a\nb")
                                             << QStringLiteral("cannot hold control characters such as line breaks or tabs");
        QTest::newRow("reset: shift by 0") << 4 << 0 << QString()
                                           << QStringLiteral("A shift by 0 changes nothing");
        QTest::newRow("delete topics: none") << 5 << 0 << QString() << QStringLiteral("Choose at least one topic to delete.");
        QTest::newRow("delete topics: twice") << 5 << 2 << QStringLiteral("t") << QStringLiteral("Topic \"t\" is listed twice.");
    }
    void requests()
    {
        QFETCH(int, kind);
        QFETCH(int, number);
        QFETCH(QString, text);
        QFETCH(QString, message);
        Status s = ok();
        switch (kind) {
        case 0:
            s = validation::validate(CreateTopicRequest{QStringLiteral("t"), number, text.toInt(), {}, {}}, 3, {});
            break;
        case 1:
            s = validation::validate(AddPartitionsRequest{QStringLiteral("t"), number}, 3);
            break;
        case 2:
            s = validation::validate(AlterTopicConfigsRequest{QStringLiteral("t"), {{text, QStringLiteral("1000")}}, {text}});
            break;
        case 3:
            s = validation::validate(DeleteGroupRequest{text});
            break;
        case 4: {
            ResetOffsetsRequest r;
            r.group = QStringLiteral("g");
            r.topic = QStringLiteral("t");
            r.strategy = ResetStrategy::ShiftBy;
            r.value = 0;
            s = validation::validate(r);
            break;
        }
        default: {
            QStringList topics;
            for (int i = 0; i < number; ++i)
                topics << text;
            s = validation::validate(DeleteTopicsRequest{topics});
        }
        }
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message.left(300)));
    }

    // --- Connection profiles (ConnectionProfile::problems) ------------------------------------
    void profiles_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        QTest::newRow("profile: port 70000") << QStringLiteral("bootstrap") << QStringLiteral("kafka:70000")
                                             << QStringLiteral("The bootstrap server \"kafka:70000\" has the port \"70000\": "
                                                               "a port is a number from 1 to 65535.");
        QTest::newRow("profile: port 0") << QStringLiteral("bootstrap") << QStringLiteral("kafka:0")
                                         << QStringLiteral("a port is a number from 1 to 65535.");
        QTest::newRow("profile: port abc") << QStringLiteral("bootstrap") << QStringLiteral("kafka:abc")
                                           << QStringLiteral("has the port \"abc\"");
        QTest::newRow("profile: no port") << QStringLiteral("bootstrap") << QStringLiteral("kafka")
                                          << QStringLiteral("The bootstrap server \"kafka\" has no port: write it as host:port.");
        QTest::newRow("profile: empty entry") << QStringLiteral("bootstrap") << QStringLiteral("a:1,,b:2")
                                              << QStringLiteral("has an empty entry");
        QTest::newRow("profile: protocol prefix") << QStringLiteral("bootstrap") << QStringLiteral("PLAINTEXT://a:9092")
                                                  << QStringLiteral("has a protocol prefix");
        QTest::newRow("profile: empty bootstrap") << QStringLiteral("bootstrap") << QString()
                                                  << QStringLiteral("Give at least one bootstrap server, as host:port.");
        QTest::newRow("profile: empty name") << QStringLiteral("name") << QString() << QStringLiteral("The profile needs a name.");
        QTest::newRow("profile: name with /") << QStringLiteral("name") << QStringLiteral("a/b")
                                              << QStringLiteral("The profile name cannot contain / or \\.");
        QTest::newRow("profile: name of 101 characters")
            << QStringLiteral("name") << QString(101, QLatin1Char('n'))
            << QStringLiteral("The profile name is longer than 100 characters.");
        QTest::newRow("profile: colour red") << QStringLiteral("colour") << QStringLiteral("red")
                                             << QStringLiteral("The label colour \"red\" is not of the form #rrggbb.");
        QTest::newRow("profile: unknown extra property") << QStringLiteral("extra") << QStringLiteral("no.such.property")
                                                         << QStringLiteral("The extra property \"no.such.property\" is "
                                                                           "not a librdkafka property.");
        QTest::newRow("profile: extra property wrong type") << QStringLiteral("extra") << QStringLiteral("socket.timeout.ms")
                                                            << QStringLiteral("librdkafka refuses the value of the extra "
                                                                              "property \"socket.timeout.ms\"");
    }
    void profiles()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, message);
        ConnectionProfile p;
        p.name = QStringLiteral("p");
        p.bootstrapServers = QStringLiteral("127.0.0.1:9092");
        if (field == QLatin1String("bootstrap"))
            p.bootstrapServers = value;
        else if (field == QLatin1String("name"))
            p.name = value;
        else if (field == QLatin1String("colour"))
            p.labelColour = value;
        else
            p.extraProperties.insert(value, QStringLiteral("abc"));
        const Status s = p.validate();
        QVERIFY(!s.ok());
        QVERIFY2(s.error().message.contains(message), qPrintable(s.error().message));
    }

    // --- client.properties text (ClientPropertiesImport::fromText) -----------------------------
    void clientPropertiesText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        QTest::newRow("import: unterminated \\u escape")
            << QStringLiteral("bootstrap.servers=a:9092\nclient.id=abc\\u12") << QStringLiteral("client.id")
            << QStringLiteral("Line 2 has a malformed \\uXXXX escape (Java refuses the file)");
        QTest::newRow("import: \\u escape with non-hex digits")
            << QStringLiteral("client.id=\\uZZZZ") << QStringLiteral("client.id")
            << QStringLiteral("Line 1 has a malformed \\uXXXX escape");
        QTest::newRow("import: jaas quote not closed")
            << QStringLiteral("sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                              "username=\"u\" password=\"p;")
            << QStringLiteral("sasl.jaas.config")
            << QStringLiteral("In sasl.jaas.config, the quoted value of password is not closed.");
        QTest::newRow("import: jaas no control flag")
            << QStringLiteral("sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule username=u;")
            << QStringLiteral("sasl.jaas.config") << QStringLiteral("must be followed by required, requisite");
        QTest::newRow("import: security.protocol FOO")
            << QStringLiteral("security.protocol=FOO") << QStringLiteral("security.protocol")
            << QStringLiteral("\"FOO\" is not one of PLAINTEXT, SSL, SASL_PLAINTEXT and SASL_SSL.");
        QTest::newRow("import: sasl.mechanism GSSAPI")
            << QStringLiteral("sasl.mechanism=GSSAPI") << QStringLiteral("sasl.mechanism")
            << QStringLiteral("Kafdesk profiles support PLAIN, SCRAM-SHA-256 and SCRAM-SHA-512, not \"GSSAPI\".");
        QTest::newRow("import: wrong type (abc for an int)")
            << QStringLiteral("socket.timeout.ms=abc") << QStringLiteral("socket.timeout.ms")
            << QStringLiteral("librdkafka refuses its value: ");
        QTest::newRow("import: out of range") << QStringLiteral("socket.timeout.ms=999999999999")
                                              << QStringLiteral("socket.timeout.ms")
                                              << QStringLiteral("librdkafka refuses its value: ");
        QTest::newRow("import: Java-only setting") << QStringLiteral("retry.backoff.max.ms.java=1")
                                                   << QStringLiteral("retry.backoff.max.ms.java")
                                                   << QStringLiteral("librdkafka has no property of this name");
        QTest::newRow("import: NUL in a value")
            << QStringLiteral("client.id=ab") + QChar(u'\0') + QStringLiteral("cd") << QStringLiteral("client.id")
            << QStringLiteral("Its value holds control characters (U+0000 at position 3)");
        QTest::newRow("import: no value") << QStringLiteral("client.id=") << QStringLiteral("client.id")
                                          << QStringLiteral("It has no value.");
        QTest::newRow("import: endpoint algorithm foo")
            << QStringLiteral("ssl.endpoint.identification.algorithm=foo")
            << QStringLiteral("ssl.endpoint.identification.algorithm") << QStringLiteral("librdkafka knows only https and none.");
    }
    void clientPropertiesText()
    {
        QFETCH(QString, text);
        QFETCH(QString, key);
        QFETCH(QString, message);
        const ClientPropertiesImport i = ClientPropertiesImport::fromText(text, QStringLiteral("t"));
        QVERIFY2(i.isUnmapped(key), qPrintable(importText(i)));
        QVERIFY2(i.unmappedReason(key).contains(message), qPrintable(i.unmappedReason(key)));
        // Left out means left out: the profile holds no trace of the key.
        QVERIFY(!i.profile().extraProperties.contains(key));
        if (key == QLatin1String("security.protocol"))
            QCOMPARE(i.profile().securityProtocol, SecurityProtocol::Plaintext);
        if (key == QLatin1String("sasl.jaas.config"))
            QVERIFY(i.profile().password.isEmpty());
    }

    // --- client.properties files (ClientPropertiesImport::fromFile) ----------------------------
    void clientPropertiesFiles_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("file: does not exist") << QStringLiteral("missing") << QStringLiteral("Cannot read ");
        QTest::newRow("file: a directory") << QStringLiteral("directory") << QStringLiteral("is a directory, not a file.");
        QTest::newRow("file: binary garbage") << QStringLiteral("garbage")
                                              << QStringLiteral("is not a text file (it has a NUL byte at byte ");
        QTest::newRow("file: NUL bytes in text") << QStringLiteral("nul")
                                                 << QStringLiteral("is not a text file (it has a NUL byte at byte 23)");
        QTest::newRow("file: a 10 MB line") << QStringLiteral("huge")
                                            << QStringLiteral("is 10.0 MB: a client.properties file is small, and "
                                                              "Kafdesk reads files of up to 1 MB.");
        QTest::newRow("file: empty") << QStringLiteral("empty") << QStringLiteral("No properties are set");
    }
    void clientPropertiesFiles()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        QString path;
        if (kind == QLatin1String("missing"))
            path = m_dir.filePath(QStringLiteral("no-such.properties"));
        else if (kind == QLatin1String("directory"))
            path = m_dir.path();
        else if (kind == QLatin1String("garbage"))
            path = writeFile(QStringLiteral("garbage.properties"), garbage(4096, 7) + QByteArray(1, '\0'));
        else if (kind == QLatin1String("nul"))
            path = writeFile(QStringLiteral("nul.properties"),
                             QByteArray("bootstrap.servers=a:1\nx") + QByteArray(1, '\0') + QByteArray("=1\n"));
        else if (kind == QLatin1String("huge"))
            path = writeFile(QStringLiteral("huge.properties"),
                             QByteArray("client.id=") + QByteArray(10 * 1024 * 1024, 'x') + QByteArray("\n"));
        else
            path = writeFile(QStringLiteral("empty.properties"), QByteArray("# only a comment\n"));
        const Result<ClientPropertiesImport> r = ClientPropertiesImport::fromFile(path);
        if (kind == QLatin1String("empty")) {
            QVERIFY(r.ok());
            QVERIFY2(r->notes().join(QLatin1Char('\n')).contains(message), qPrintable(r->notes().join(QLatin1Char('\n'))));
            QVERIFY(r->profile().bootstrapServers.isEmpty());
            return;
        }
        QVERIFY(!r.ok());
        QVERIFY2(r.error().fullText().contains(message), qPrintable(r.error().fullText()));
    }

    // --- Message decoders ----------------------------------------------------------------------
    void decoders_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("decoder");
        QTest::addColumn<QString>("message");
        QTest::newRow("decode: JSON of binary garbage") << garbage(64, 3) << QStringLiteral("json") << QStringLiteral("Not JSON: ");
        QTest::newRow("decode: truncated JSON") << QByteArray("{\"a\": [1, 2") << QStringLiteral("json")
                                                << QStringLiteral("Not JSON: ");
        QTest::newRow("decode: text of invalid UTF-8") << QByteArray("ok\xff\xfe") << QStringLiteral("text")
                                                       << QStringLiteral("Not valid UTF-8: byte 2 (0xff)");
        QTest::newRow("decode: int32 of 3 bytes") << QByteArray("\x00\x01\x02", 3) << QStringLiteral("int32")
                                                  << QStringLiteral("3 bytes, not 4: not a big-endian int32.");
        QTest::newRow("decode: int64 of 9 bytes") << QByteArray(9, '\x01') << QStringLiteral("int64")
                                                  << QStringLiteral("9 bytes, not 8: not a big-endian int64.");
        QTest::newRow("decode: float64 of nothing") << QByteArray() << QStringLiteral("float64")
                                                    << QStringLiteral("0 bytes, not 8: not a big-endian float64.");
        QTest::newRow("decode: int32 of 16 MB") << QByteArray(16 * 1024 * 1024, '\x7f') << QStringLiteral("int32")
                                                << QStringLiteral("16777216 bytes, not 4: not a big-endian int32.");
    }
    void decoders()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, decoder);
        QFETCH(QString, message);
        const std::optional<Decoder> d = decoderFromId(decoder);
        QVERIFY(d);
        const Decoded out = decode(bytes, *d);
        QVERIFY2(out.error.contains(message), qPrintable(out.error));
        // The table's one-line preview stays short and says what is wrong, whatever the size.
        const QString line = preview(bytes, *d, 80);
        QVERIFY2(line.size() <= 80, qPrintable(QString::number(line.size())));
        if (*d == Decoder::Int32 || *d == Decoder::Int64 || *d == Decoder::Float64)
            QVERIFY2(line.startsWith(QStringLiteral("(%1 bytes, not ").arg(bytes.size())), qPrintable(line));
        // Every decoder takes the same bytes without crashing.
        for (Decoder any : allDecoders()) {
            QVERIFY(!preview(bytes, any, 40).isNull() || bytes.isEmpty());
            if (bytes.size() < 1024 * 1024)
                (void)decode(bytes, any, true);
        }
    }

    // --- kafdesk-ctl usage errors (the built binary, no cluster) -------------------------------
    void ctlUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString b = QStringLiteral("--bootstrap");
        const QString addr = QStringLiteral("127.0.0.1:1");
        QTest::newRow("ctl: topics without verb") << QStringList{QStringLiteral("topics")} << QStringLiteral("Name a verb.");
        QTest::newRow("ctl: topics create without topic")
            << QStringList{QStringLiteral("topics"), QStringLiteral("create"), b, addr} << QStringLiteral("create needs one topic.");
        QTest::newRow("ctl: --partitions abc")
            << QStringList{QStringLiteral("topics"), QStringLiteral("create"), QStringLiteral("t"), QStringLiteral("--partitions"),
                           QStringLiteral("abc"), b, addr}
            << QStringLiteral("--partitions takes a whole number.");
        QTest::newRow("ctl: --partitions past int32")
            << QStringList{QStringLiteral("topics"), QStringLiteral("create"), QStringLiteral("t"), QStringLiteral("--partitions"),
                           QStringLiteral("99999999999"), b, addr}
            << QStringLiteral("--partitions takes a whole number.");
        QTest::newRow("ctl: --replication-factor x")
            << QStringList{QStringLiteral("topics"), QStringLiteral("create"), QStringLiteral("t"),
                           QStringLiteral("--replication-factor"), QStringLiteral("x"), b, addr}
            << QStringLiteral("--replication-factor takes a whole number.");
        QTest::newRow("ctl: --config without =")
            << QStringList{QStringLiteral("topics"), QStringLiteral("create"), QStringLiteral("t"), QStringLiteral("--config"),
                           QStringLiteral("retention.ms"), b, addr}
            << QStringLiteral("\"retention.ms\" is not a config: write KEY=VALUE");
        QTest::newRow("ctl: --config =5")
            << QStringList{QStringLiteral("topics"), QStringLiteral("alter"), QStringLiteral("t"), QStringLiteral("--config"),
                           QStringLiteral("=5"), b, addr}
            << QStringLiteral("\"=5\" is not a config");
        QTest::newRow("ctl: delete without --yes")
            << QStringList{QStringLiteral("topics"), QStringLiteral("delete"), QStringLiteral("t"), b, addr}
            << QStringLiteral("Deleting topics cannot be undone: repeat with --yes.");
        QTest::newRow("ctl: add-partitions without --partitions")
            << QStringList{QStringLiteral("topics"), QStringLiteral("add-partitions"), QStringLiteral("t"), b, addr}
            << QStringLiteral("add-partitions needs --partitions N (the new total).");
        QTest::newRow("ctl: port 70000")
            << QStringList{QStringLiteral("topics"), QStringLiteral("list"), b, QStringLiteral("127.0.0.1:70000")}
            << QStringLiteral("\"127.0.0.1:70000\" is not a broker address: write host:port");
        QTest::newRow("ctl: bootstrap without port")
            << QStringList{QStringLiteral("describe"), b, QStringLiteral("localhost")}
            << QStringLiteral("\"localhost\" is not a broker address");
        QTest::newRow("ctl: empty bootstrap") << QStringList{QStringLiteral("describe"), b, QString()}
                                              << QStringLiteral("--bootstrap needs at least one host:port.");
        QTest::newRow("ctl: two clusters named")
            << QStringList{QStringLiteral("describe"), b, addr, QStringLiteral("--local"), QStringLiteral("x")}
            << QStringLiteral("Give only one of --bootstrap, --local and --profile.");
        QTest::newRow("ctl: --timeout abc") << QStringList{QStringLiteral("describe"), b, addr, QStringLiteral("--timeout"),
                                                           QStringLiteral("abc")}
                                            << QStringLiteral("--timeout takes a whole number of seconds from 1 to 3600; "
                                                              "\"abc\" is not one.");
        QTest::newRow("ctl: --timeout past int32 ms")
            << QStringList{QStringLiteral("describe"), b, addr, QStringLiteral("--timeout"), QStringLiteral("99999999")}
            << QStringLiteral("--timeout takes a whole number of seconds from 1 to 3600; \"99999999\" is not one.");
        QTest::newRow("ctl: no such profile")
            << QStringList{QStringLiteral("describe"), QStringLiteral("--profile"), QStringLiteral("ghost")}
            << QStringLiteral("There is no profile named \"ghost\".");
        QTest::newRow("ctl: groups reset --to-offset abc")
            << QStringList{QStringLiteral("groups"), QStringLiteral("reset"), QStringLiteral("--group"), QStringLiteral("g"),
                           QStringLiteral("--topic"), QStringLiteral("t"), QStringLiteral("--to-offset"), QStringLiteral("abc"), b, addr}
            << QStringLiteral("--to-offset and --shift-by take a whole number.");
        QTest::newRow("ctl: groups reset two strategies")
            << QStringList{QStringLiteral("groups"), QStringLiteral("reset"), QStringLiteral("--group"), QStringLiteral("g"),
                           QStringLiteral("--topic"), QStringLiteral("t"), QStringLiteral("--to-earliest"),
                           QStringLiteral("--to-latest"), b, addr}
            << QStringLiteral("Choose exactly one of --to-earliest, --to-latest");
        QTest::newRow("ctl: groups reset bad datetime")
            << QStringList{QStringLiteral("groups"), QStringLiteral("reset"), QStringLiteral("--group"), QStringLiteral("g"),
                           QStringLiteral("--topic"), QStringLiteral("t"), QStringLiteral("--to-datetime"),
                           QStringLiteral("yesterday"), b, addr}
            << QStringLiteral("--to-datetime takes an ISO 8601 time, such as 2026-12-01T10:00:00Z.");
        QTest::newRow("ctl: groups reset --partitions a,b")
            << QStringList{QStringLiteral("groups"), QStringLiteral("reset"), QStringLiteral("--group"), QStringLiteral("g"),
                           QStringLiteral("--topic"), QStringLiteral("t"), QStringLiteral("--to-latest"),
                           QStringLiteral("--partitions"), QStringLiteral("a,b"), b, addr}
            << QStringLiteral("--partitions takes partition numbers, such as 0,1,2.");
        QTest::newRow("ctl: groups delete without --yes")
            << QStringList{QStringLiteral("groups"), QStringLiteral("delete"), QStringLiteral("--group"), QStringLiteral("g"), b, addr}
            << QStringLiteral("Deleting cannot be undone: repeat with --yes.");
        QTest::newRow("ctl: groups describe without group")
            << QStringList{QStringLiteral("groups"), QStringLiteral("describe"), b, addr} << QStringLiteral("describe needs --group G.");
        QTest::newRow("ctl: binary garbage argument")
            << QStringList{QString::fromLatin1(garbage(40, 11).replace('\0', 'x'))} << QStringLiteral("unknown command");
    }
    void ctlUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir config; // no saved profiles
        const RunResult r = ctl(args, {{QStringLiteral("KAFDESK_CLUSTERS_DIR"), m_dir.path()},
                                       {QStringLiteral("XDG_CONFIG_HOME"), config.path()}});
        QVERIFY2(r.started, qPrintable(r.describe()));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.describe()));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
