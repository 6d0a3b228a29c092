#include "models/configtablemodel.h"
#include "models/configunits.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace kafdesk;

namespace {

ConfigEntry entry(const QString &name, const QString &value, const QString &source = QStringLiteral("DEFAULT_CONFIG"))
{
    ConfigEntry e;
    e.name = name;
    e.value = value;
    e.source = source;
    e.isDefault = source == QLatin1String("DEFAULT_CONFIG");
    return e;
}

ConfigEntry sensitiveEntry(const QString &name, const QString &source)
{
    ConfigEntry e = entry(name, QString(), source);
    e.sensitive = true;
    e.isValueNull = true;
    return e;
}

QList<ConfigEntry> topicConfigs()
{
    ConfigEntry readOnly = entry(QStringLiteral("message.format.version"), QStringLiteral("3.0-IV1"),
                                 QStringLiteral("STATIC_BROKER_CONFIG"));
    readOnly.readOnly = true;
    return {entry(QStringLiteral("retention.ms"), QStringLiteral("604800000")),
            entry(QStringLiteral("cleanup.policy"), QStringLiteral("compact"), QStringLiteral("DYNAMIC_TOPIC_CONFIG")),
            entry(QStringLiteral("segment.bytes"), QStringLiteral("67108864"), QStringLiteral("DYNAMIC_TOPIC_CONFIG")),
            sensitiveEntry(QStringLiteral("ssl.key.password"), QStringLiteral("DYNAMIC_BROKER_CONFIG")), readOnly};
}

QStringList namesIn(const QAbstractItemModel &model)
{
    QStringList names;
    for (int r = 0; r < model.rowCount(); ++r)
        names << model.index(r, ConfigTableModel::NameColumn).data().toString();
    return names;
}

} // namespace

class TestConfigTableModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void humanValues_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *tag, const char *name, const char *value, const QString &expected) {
            QTest::newRow(tag) << QString::fromLatin1(name) << QString::fromLatin1(value) << expected;
        };
        row("a week", "retention.ms", "604800000", QStringLiteral("7 days (168 h)"));
        row("one day", "delete.retention.ms", "86400000", QStringLiteral("1 day (24 h)"));
        row("a day and a half", "retention.ms", "129600000", QStringLiteral("1.5 days (36 h)"));
        row("a year", "segment.ms", "31536000000", QStringLiteral("365 days (8760 h)"));
        row("hours", "segment.ms", "3600000", QStringLiteral("1 h"));
        row("fractional hours", "segment.ms", "5400000", QStringLiteral("1.5 h"));
        row("minutes", "file.delete.delay.ms", "60000", QStringLiteral("1 min"));
        row("rounded minutes", "message.timestamp.difference.max.ms", "100000", QStringLiteral("≈ 1.67 min"));
        row("seconds", "segment.jitter.ms", "1500", QStringLiteral("1.5 s"));
        row("milliseconds", "flush.ms", "250", QStringLiteral("250 ms"));
        row("zero", "min.compaction.lag.ms", "0", QStringLiteral("0 ms"));
        row("no limit", "retention.ms", "-1", QStringLiteral("unlimited"));
        row("Long.MAX_VALUE", "max.compaction.lag.ms", "9223372036854775807", QStringLiteral("unlimited"));
        row("broker hours", "log.retention.hours", "168", QStringLiteral("7 days (168 h)"));
        row("broker minutes", "offsets.retention.minutes", "10080", QStringLiteral("7 days (168 h)"));
        row("tiered -2", "local.retention.ms", "-2", QStringLiteral("same as retention.ms"));
        row("tiered -2, broker", "log.local.retention.bytes", "-2", QStringLiteral("same as log.retention.bytes"));
        row("other negative", "retention.ms", "-5", QString());
        row("bytes", "index.interval.bytes", "512", QStringLiteral("512 B"));
        row("KiB", "index.interval.bytes", "4096", QStringLiteral("4 KiB"));
        row("fractional KiB", "retention.bytes", "1536", QStringLiteral("1.5 KiB"));
        row("MiB", "max.message.bytes", "67108864", QStringLiteral("64 MiB"));
        row("index MiB", "segment.index.bytes", "10485760", QStringLiteral("10 MiB"));
        row("GiB", "segment.bytes", "1073741824", QStringLiteral("1 GiB"));
        row("rounded MiB", "max.message.bytes", "1048588", QStringLiteral("≈ 1 MiB"));
        row("TiB", "retention.bytes", "5497558138880", QStringLiteral("5 TiB"));
        row("unlimited bytes", "retention.bytes", "-1", QStringLiteral("unlimited"));
        row("dedupe buffer", "log.cleaner.dedupe.buffer.size", "134217728", QStringLiteral("128 MiB"));
        row("blanks around", "retention.ms", " 3600000 ", QStringLiteral("1 h"));
        row("not a number", "retention.ms", "forever", QString());
        row("a fraction", "retention.ms", "1.5", QString());
        row("empty", "retention.bytes", "", QString());
        row("no unit", "min.insync.replicas", "2", QString());
        row("not numeric key", "cleanup.policy", "delete", QString());
        row("a rate is no size", "log.cleaner.io.max.bytes.per.second", "1.7976931348623157E308", QString());
    }

    void humanValues()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(humanConfigValue(name, value), expected);
    }

    void configUnits()
    {
        QCOMPARE(configUnit(QStringLiteral("retention.ms")), ConfigUnit::Milliseconds);
        QCOMPARE(configUnit(QStringLiteral("log.retention.hours")), ConfigUnit::Hours);
        QCOMPARE(configUnit(QStringLiteral("max.message.bytes")), ConfigUnit::Bytes);
        QCOMPARE(configUnit(QStringLiteral("cleanup.policy")), ConfigUnit::None);
        QCOMPARE(formatDuration(59999), QStringLiteral("59.999 s"));
        QCOMPARE(formatBytes(1023), QStringLiteral("1023 B"));
        QCOMPARE(formatBytes(1500000), QStringLiteral("≈ 1.43 MiB"));
    }

    void rowsAndRoles()
    {
        ConfigTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEntries(topicConfigs());
        QCOMPARE(namesIn(model), (QStringList{QStringLiteral("cleanup.policy"), QStringLiteral("message.format.version"),
                                              QStringLiteral("retention.ms"), QStringLiteral("segment.bytes"),
                                              QStringLiteral("ssl.key.password")}));
        QCOMPARE(model.headerData(ConfigTableModel::SourceColumn, Qt::Horizontal).toString(), QStringLiteral("Source"));

        const int retention = model.rowOf(QStringLiteral("retention.ms"));
        const QModelIndex value = model.index(retention, ConfigTableModel::ValueColumn);
        QCOMPARE(value.data().toString(), QStringLiteral("604800000"));
        QCOMPARE(value.data(ConfigTableModel::RawValueRole).toString(), QStringLiteral("604800000"));
        QCOMPARE(value.data(ConfigTableModel::HumanValueRole).toString(), QStringLiteral("7 days (168 h)"));
        QVERIFY(value.data(Qt::ToolTipRole).toString().contains(QStringLiteral("7 days (168 h)")));
        QCOMPARE(model.index(retention, ConfigTableModel::SourceColumn).data().toString(),
                 QStringLiteral("Kafka default"));
        QCOMPARE(model.index(retention, 0).data(ConfigTableModel::SourceRole).toString(),
                 QStringLiteral("DEFAULT_CONFIG"));
        QCOMPARE(model.index(retention, 0).data(ConfigTableModel::ConfigNameRole).toString(),
                 QStringLiteral("retention.ms"));

        const int segment = model.rowOf(QStringLiteral("segment.bytes"));
        QCOMPARE(model.index(segment, 0).data(ConfigTableModel::HumanValueRole).toString(), QStringLiteral("64 MiB"));
        QCOMPARE(model.index(segment, ConfigTableModel::SourceColumn).data().toString(),
                 QStringLiteral("Topic override"));
        QCOMPARE(qvariant_cast<QFont>(model.index(segment, ConfigTableModel::ValueColumn).data(Qt::FontRole)).bold(),
                 true);

        const int readOnly = model.rowOf(QStringLiteral("message.format.version"));
        QCOMPARE(model.index(readOnly, 0).data(ConfigTableModel::ReadOnlyRole).toBool(), true);
        QVERIFY(model.index(readOnly, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("Read-only")));
        QCOMPARE(model.index(retention, 0).data(ConfigTableModel::ReadOnlyRole).toBool(), false);
        QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
    }

    void sensitiveValuesAreHidden()
    {
        ConfigTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConfigEntry withValue = entry(QStringLiteral("sasl.jaas.config"), QStringLiteral("secret-text"),
                                      QStringLiteral("DYNAMIC_BROKER_CONFIG"));
        withValue.sensitive = true; // a broker never sends it, but the model must not show it if one did
        model.setEntries({sensitiveEntry(QStringLiteral("ssl.key.password"), QStringLiteral("DYNAMIC_BROKER_CONFIG")),
                          withValue});
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex value = model.index(row, ConfigTableModel::ValueColumn);
            QCOMPARE(value.data().toString(), QStringLiteral("(hidden)"));
            QCOMPARE(value.data(ConfigTableModel::SensitiveRole).toBool(), true);
            QCOMPARE(value.data(ConfigTableModel::HumanValueRole).toString(), QString());
            QCOMPARE(value.data(ConfigTableModel::RawValueRole).toString(), QString());
            QVERIFY(!value.data(Qt::ToolTipRole).toString().contains(QStringLiteral("secret")));
            QVERIFY(value.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Sensitive")));
        }
        ConfigEntry nullValue = entry(QStringLiteral("follower.replication.throttled.replicas"), QString());
        nullValue.isValueNull = true;
        model.setEntries({nullValue});
        QCOMPARE(model.index(0, ConfigTableModel::ValueColumn).data().toString(), QStringLiteral("(none)"));
    }

    void overrideRole_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<bool>("isDefault");
        QTest::addColumn<bool>("expected");
        QTest::addColumn<QString>("sourceText");
        QTest::newRow("topic") << QStringLiteral("DYNAMIC_TOPIC_CONFIG") << false << true
                               << QStringLiteral("Topic override");
        QTest::newRow("broker") << QStringLiteral("DYNAMIC_BROKER_CONFIG") << false << true
                                << QStringLiteral("Broker override");
        QTest::newRow("cluster default") << QStringLiteral("DYNAMIC_DEFAULT_BROKER_CONFIG") << false << true
                                         << QStringLiteral("Cluster-wide broker default");
        QTest::newRow("static") << QStringLiteral("STATIC_BROKER_CONFIG") << false << true
                                << QStringLiteral("Broker properties file");
        QTest::newRow("default") << QStringLiteral("DEFAULT_CONFIG") << true << false << QStringLiteral("Kafka default");
        QTest::newRow("default flag wins") << QStringLiteral("UNKNOWN_CONFIG") << true << false
                                           << QStringLiteral("Unknown");
        QTest::newRow("future source") << QStringLiteral("GROUP_CONFIG") << false << true
                                       << QStringLiteral("GROUP_CONFIG");
    }

    void overrideRole()
    {
        QFETCH(QString, source);
        QFETCH(bool, isDefault);
        QFETCH(bool, expected);
        QFETCH(QString, sourceText);
        ConfigTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ConfigEntry e = entry(QStringLiteral("retention.ms"), QStringLiteral("3600000"), source);
        e.isDefault = isDefault;
        model.setEntries({e});
        QCOMPARE(model.index(0, 0).data(ConfigTableModel::OverrideRole).toBool(), expected);
        QCOMPARE(model.overrideCount(), expected ? 1 : 0);
        QCOMPARE(model.index(0, ConfigTableModel::SourceColumn).data().toString(), sourceText);
        QVERIFY(model.index(0, ConfigTableModel::SourceColumn).data(Qt::ToolTipRole).toString().contains(source));
    }

    void refreshMergesByName()
    {
        ConfigTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<ConfigEntry> configs = topicConfigs();
        model.setEntries(configs);
        const QPersistentModelIndex segment = model.index(model.rowOf(QStringLiteral("segment.bytes")), 1);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        model.setEntries(configs); // the same again, in another order
        std::reverse(configs.begin(), configs.end());
        model.setEntries(configs);
        QCOMPARE(changed.count() + inserted.count() + removed.count() + resets.count(), 0);

        for (ConfigEntry &e : configs)
            if (e.name == QLatin1String("retention.ms"))
                e = entry(e.name, QStringLiteral("86400000"), QStringLiteral("DYNAMIC_TOPIC_CONFIG"));
        configs.removeIf([](const ConfigEntry &e) { return e.name == QLatin1String("cleanup.policy"); });
        configs << entry(QStringLiteral("compression.type"), QStringLiteral("zstd"), QStringLiteral("DYNAMIC_TOPIC_CONFIG"));
        model.setEntries(configs);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(changed.count(), 1);
        const int retention = model.rowOf(QStringLiteral("retention.ms"));
        QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), retention);
        QCOMPARE(model.index(retention, 0).data(ConfigTableModel::HumanValueRole).toString(),
                 QStringLiteral("1 day (24 h)"));
        QCOMPARE(model.index(retention, 0).data(ConfigTableModel::OverrideRole).toBool(), true);
        QVERIFY(segment.isValid());
        QCOMPARE(segment.data(ConfigTableModel::ConfigNameRole).toString(), QStringLiteral("segment.bytes"));

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(resets.count(), 1);
    }
};

QTEST_MAIN(TestConfigTableModel)
#include "tst_gui_configtablemodel.moc"
