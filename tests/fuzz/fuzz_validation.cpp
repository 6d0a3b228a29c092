// Fuzzes the checks of request values (admin/validation.h): topic names, partition counts and
// replica assignments, group ids, and topic config values against every rule Kafdesk knows.
//
// Input, one field a line (what the dialogs and kafdesk-ctl hand over as text):
//   1  topic name
//   2  numbers: partitions, replication factor, live brokers, current partitions
//   3  replica assignment as kafdesk-ctl takes it, e.g. 1:2:3,2:3:1
//   4  group id
//   5… key=value configs; a line without '=' is an existing topic and a config to remove

#include "fuzzsupport.h"

#include "admin/validation.h"

#include <QRegularExpression>

using namespace kafdesk;
using namespace kafdesk::validation;

namespace {

// Every key with a rule of its own in validation.cpp (numbers, words, booleans, lists).
const QStringList &knownKeys()
{
    static const QStringList keys = [] {
        QStringList k;
        for (const char *key :
             {"retention.ms", "retention.bytes", "local.retention.ms", "local.retention.bytes", "segment.bytes",
              "segment.ms", "segment.jitter.ms", "segment.index.bytes", "max.message.bytes", "index.interval.bytes",
              "delete.retention.ms", "min.compaction.lag.ms", "max.compaction.lag.ms", "file.delete.delay.ms",
              "flush.messages", "flush.ms", "message.timestamp.before.max.ms", "message.timestamp.after.max.ms",
              "min.insync.replicas", "compression.gzip.level", "compression.lz4.level", "compression.zstd.level",
              "compression.type", "message.timestamp.type", "unclean.leader.election.enable", "preallocate",
              "remote.storage.enable", "remote.log.copy.disable", "remote.log.delete.on.disable",
              "message.downconversion.enable", "cleanup.policy", "min.cleanable.dirty.ratio",
              "leader.replication.throttled.replicas", "follower.replication.throttled.replicas"})
            k << QLatin1String(key);
        return k;
    }();
    return keys;
}

int numberAt(const QStringList &fields, int index, int fallback)
{
    bool ok = false;
    const int v = index < fields.size() ? fields.at(index).toInt(&ok) : 0;
    return ok ? v : fallback;
}

QList<QList<int>> assignmentOf(const QString &text)
{
    QList<QList<int>> out;
    for (const QString &partition : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        QList<int> brokers;
        for (const QString &b : partition.split(QLatin1Char(':'), Qt::SkipEmptyParts)) {
            bool ok = false;
            const int id = b.toInt(&ok);
            if (ok)
                brokers << id;
        }
        out << brokers;
    }
    return out;
}

void checkMessage(const Status &s)
{
    if (!s)
        KAFDESK_FUZZ_CHECK(!s.error().message.isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::ensureApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QStringList lines;
    for (const QByteArrayView line : fuzz::split(fuzz::bytesOf(data, size), '\n'))
        lines << QString::fromUtf8(line);
    while (lines.size() < 4)
        lines << QString();
    const QString name = lines.at(0);
    const QStringList numbers = lines.at(1).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const int partitions = numberAt(numbers, 0, 1);
    const int replication = numberAt(numbers, 1, -1);
    const int liveBrokers = numberAt(numbers, 2, -1);
    const int currentPartitions = numberAt(numbers, 3, -1);
    const QString group = lines.at(3);
    QMap<QString, QString> configs;
    QStringList others;
    for (qsizetype i = 4; i < lines.size(); ++i) {
        const qsizetype eq = lines.at(i).indexOf(QLatin1Char('='));
        if (eq < 0)
            others << lines.at(i);
        else
            configs.insert(lines.at(i).left(eq), lines.at(i).mid(eq + 1));
    }

    // Names: exactly Kafka's rule.
    static const QRegularExpression legal(QStringLiteral("^[a-zA-Z0-9._-]{1,249}$"));
    const Status nameStatus = validateTopicName(name);
    checkMessage(nameStatus);
    const bool legalName = legal.match(name).hasMatch() && name != QLatin1String(".") && name != QLatin1String("..");
    KAFDESK_FUZZ_CHECK(nameStatus.ok() == legalName);
    KAFDESK_FUZZ_CHECK(!collidingTopics(name, others).contains(name));
    KAFDESK_FUZZ_CHECK(hasCollisionWarning(name, others) == !collisionWarning(name, others).isEmpty());

    const Status groupStatus = validateGroupId(group);
    checkMessage(groupStatus);
    if (groupStatus)
        KAFDESK_FUZZ_CHECK(!group.isEmpty() && group.size() <= maxGroupIdLength);

    // Every value against every rule, and the configs as the user gave them.
    for (auto it = configs.constBegin(); it != configs.constEnd(); ++it) {
        checkMessage(validateConfig(it.key(), it.value(), replication));
        for (const QString &key : knownKeys())
            checkMessage(validateConfig(key, it.value(), replication));
    }
    const Status configsStatus = validateConfigs(configs, replication);
    checkMessage(configsStatus);

    CreateTopicRequest create{name, partitions, replication, {}, configs};
    const Status plain = validate(create, liveBrokers, others);
    checkMessage(plain);
    if (plain) {
        KAFDESK_FUZZ_CHECK(nameStatus.ok() && !others.contains(name));
        KAFDESK_FUZZ_CHECK(partitions >= 1 && partitions <= maxPartitionsPerRequest);
        KAFDESK_FUZZ_CHECK(validateConfigs(configs).ok());
    }
    create.replicaAssignment = assignmentOf(lines.at(2));
    QList<int> brokerIds;
    for (int id = 1; id <= std::clamp(liveBrokers, 0, 5); ++id)
        brokerIds << id;
    checkMessage(validate(create, liveBrokers, others, brokerIds));
    checkMessage(validate(create, liveBrokers, others));

    const Status add = validate(AddPartitionsRequest{name, partitions}, currentPartitions);
    checkMessage(add);
    if (add)
        KAFDESK_FUZZ_CHECK(partitions >= 1 && (currentPartitions < 0 || partitions > currentPartitions));

    checkMessage(validate(DeleteTopicsRequest{QStringList{name} + others}));
    checkMessage(validate(AlterTopicConfigsRequest{name, configs, others}, replication));
    checkMessage(validate(DeleteGroupRequest{group}));
    checkMessage(validate(DeleteGroupOffsetsRequest{group, name}));
    QMap<int, qint64> before;
    before.insert(partitions, qint64(currentPartitions) * liveBrokers);
    checkMessage(validate(DeleteRecordsRequest{name, before}));
    ResetOffsetsRequest reset{group, name, {partitions, currentPartitions}, ResetStrategy::ShiftBy, replication, {}, false};
    checkMessage(validate(reset));
    reset.strategy = ResetStrategy::Offset;
    checkMessage(validate(reset));
    return 0;
}
