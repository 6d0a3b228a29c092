#include "admin/validation.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace kafdesk::validation {

namespace {

constexpr qint64 intMax = std::numeric_limits<qint32>::max();
constexpr qint64 longMax = std::numeric_limits<qint64>::max();

QString quoted(const QString &text)
{
    return QLatin1Char('"') + text + QLatin1Char('"');
}

QString number(qint64 n)
{
    return QString::number(n);
}

// "a", "a or b", "a, b or c"
QString alternatives(const QStringList &words, const QString &last = QStringLiteral("or"))
{
    if (words.size() <= 1)
        return words.join(QString());
    return words.mid(0, words.size() - 1).join(QStringLiteral(", ")) + QLatin1Char(' ') + last + QLatin1Char(' ') +
           words.constLast();
}

QString quotedList(const QStringList &names)
{
    QStringList out;
    for (const QString &n : names)
        out << quoted(n);
    return alternatives(out, QStringLiteral("and"));
}

bool isTopicChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.' || u == u'_' ||
           u == u'-';
}

QString describeChar(QChar c)
{
    if (c == QLatin1Char(' '))
        return QStringLiteral("a space");
    if (c.isPrint() && !c.isSpace())
        return QLatin1Char('\'') + QString(c) + QLatin1Char('\'');
    return QStringLiteral("the character U+%1").arg(QString::number(c.unicode(), 16).toUpper(), 4, QLatin1Char('0'));
}

QString foldCollisionChars(const QString &name)
{
    QString folded = name;
    folded.replace(QLatin1Char('.'), QLatin1Char('_'));
    return folded;
}

// --- Numbers -----------------------------------------------------------------------------------

enum class Parsed { Number, NotWhole, OutOfRange };

// Kafka trims values and reads them with Long.parseLong: an optional sign and decimal digits.
Parsed parseWhole(const QString &text, qint64 *out)
{
    static const QRegularExpression whole(QStringLiteral("^[+-]?[0-9]+$"));
    const QString t = text.trimmed();
    if (!whole.match(t).hasMatch())
        return Parsed::NotWhole;
    bool ok = false;
    const qint64 v = t.toLongLong(&ok, 10);
    if (!ok)
        return Parsed::OutOfRange;
    *out = v;
    return Parsed::Number;
}

struct NumberRule {
    const char *key;
    qint64 min;
    qint64 max;
    const char *unit;    // what the number counts
    const char *example; // a typical value, with its meaning
    const char *minNote; // what the smallest values mean, when they are special
};

// The broker's own ranges (LogConfig in Kafka 4.x); INT configs stop at 2147483647.
constexpr NumberRule numberRules[] = {
    {"retention.ms", -1, longMax, "milliseconds", "604800000 for 7 days", "-1 keeps records forever"},
    {"retention.bytes", -1, longMax, "bytes", "1073741824 for 1 GiB", "-1 sets no size limit"},
    {"local.retention.ms", -2, longMax, "milliseconds", "86400000 for 1 day",
     "-2 follows retention.ms, -1 keeps records forever"},
    {"local.retention.bytes", -2, longMax, "bytes", "1073741824 for 1 GiB",
     "-2 follows retention.bytes, -1 sets no size limit"},
    {"segment.bytes", 1048576, intMax, "bytes", "1073741824 for 1 GiB", "1 MiB, the smallest segment Kafka 4 takes"},
    {"segment.ms", 1, longMax, "milliseconds", "604800000 for 7 days", nullptr},
    {"segment.jitter.ms", 0, longMax, "milliseconds", "3600000 for 1 hour", nullptr},
    {"segment.index.bytes", 4, intMax, "bytes", "10485760 for 10 MiB", nullptr},
    {"max.message.bytes", 0, intMax, "bytes", "1048576 for 1 MiB", nullptr},
    {"index.interval.bytes", 0, intMax, "bytes", "4096 for 4 KiB", nullptr},
    {"delete.retention.ms", 0, longMax, "milliseconds", "86400000 for 1 day", nullptr},
    {"min.compaction.lag.ms", 0, longMax, "milliseconds", "3600000 for 1 hour", nullptr},
    {"max.compaction.lag.ms", 1, longMax, "milliseconds", "604800000 for 7 days", nullptr},
    {"file.delete.delay.ms", 0, longMax, "milliseconds", "60000 for 1 minute", nullptr},
    {"flush.messages", 1, longMax, "a number of messages", "10000", nullptr},
    {"flush.ms", 0, longMax, "milliseconds", "1000 for 1 second", nullptr},
    {"message.timestamp.before.max.ms", 0, longMax, "milliseconds", "3600000 for 1 hour", nullptr},
    {"message.timestamp.after.max.ms", 0, longMax, "milliseconds", "3600000 for 1 hour", nullptr},
    {"min.insync.replicas", 1, intMax, "a number of replicas", "2", nullptr},
    {"compression.gzip.level", -1, 9, "a level", "6", nullptr},
    {"compression.lz4.level", 1, 17, "a level", "9", nullptr},
    {"compression.zstd.level", -131072, 22, "a level", "3", nullptr},
};

const NumberRule *numberRule(const QString &key)
{
    for (const NumberRule &r : numberRules)
        if (key == QLatin1String(r.key))
            return &r;
    return nullptr;
}

QString atLeastSentence(const NumberRule &rule, const QString &value)
{
    const QString note = rule.minNote ? QStringLiteral(" (%1)").arg(QLatin1String(rule.minNote)) : QString();
    return QStringLiteral("%1 must be at least %2%3; it is %4.")
        .arg(QLatin1String(rule.key), number(rule.min), note, value);
}

Status checkNumber(const NumberRule &rule, const QString &rawValue, qint64 *out)
{
    const QString value = rawValue.trimmed();
    qint64 v = 0;
    switch (parseWhole(value, &v)) {
    case Parsed::NotWhole:
        return failure(
            QStringLiteral("%1 takes %2 as a whole number, such as %3; %4 is not one.")
                .arg(QLatin1String(rule.key), QLatin1String(rule.unit), QLatin1String(rule.example), quoted(rawValue)));
    case Parsed::OutOfRange:
        if (value.startsWith(QLatin1Char('-')))
            return failure(atLeastSentence(rule, value));
        return failure(
            QStringLiteral("%1 must be at most %2; it is %3.").arg(QLatin1String(rule.key), number(rule.max), value));
    case Parsed::Number:
        break;
    }
    if (qstrcmp(rule.key, "compression.gzip.level") == 0 && v != -1 && (v < 1 || v > 9))
        return failure(
            QStringLiteral("compression.gzip.level must be -1 (gzip's default) or from 1 to 9; it is %1.").arg(value));
    if (v < rule.min)
        return failure(atLeastSentence(rule, value));
    if (v > rule.max)
        return failure(
            QStringLiteral("%1 must be at most %2; it is %3.").arg(QLatin1String(rule.key), number(rule.max), value));
    *out = v;
    return ok();
}

// --- Words -------------------------------------------------------------------------------------

struct ChoiceRule {
    const char *key;
    QStringList allowed;
};

const QList<ChoiceRule> &choiceRules()
{
    static const QList<ChoiceRule> rules{
        {"compression.type",
         {QStringLiteral("uncompressed"), QStringLiteral("zstd"), QStringLiteral("lz4"), QStringLiteral("snappy"),
          QStringLiteral("gzip"), QStringLiteral("producer")}},
        {"message.timestamp.type", {QStringLiteral("CreateTime"), QStringLiteral("LogAppendTime")}},
    };
    return rules;
}

constexpr const char *booleanKeys[] = {
    "unclean.leader.election.enable", "preallocate",
    "remote.storage.enable",          "remote.log.copy.disable",
    "remote.log.delete.on.disable",   "message.downconversion.enable",
};

bool isBooleanKey(const QString &key)
{
    return std::any_of(std::begin(booleanKeys), std::end(booleanKeys),
                       [&key](const char *k) { return key == QLatin1String(k); });
}

bool isTrue(const QString &value)
{
    return value.trimmed().compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
}

QStringList listItems(const QString &value)
{
    QStringList items = value.split(QLatin1Char(','));
    for (QString &item : items)
        item = item.trimmed();
    return items;
}

Status checkCleanupPolicy(const QString &value)
{
    const QString rule = QStringLiteral("cleanup.policy must be delete, compact or both (delete,compact)");
    if (value.trimmed().isEmpty())
        return failure(rule + QStringLiteral("; it is empty."));
    for (const QString &item : listItems(value)) {
        if (item != QLatin1String("delete") && item != QLatin1String("compact"))
            return failure(rule + QStringLiteral("; %1 is neither.").arg(quoted(item)));
    }
    return ok();
}

Status checkRatio(const QString &key, const QString &value)
{
    bool parsed = false;
    const double ratio = value.trimmed().toDouble(&parsed);
    if (!parsed || !std::isfinite(ratio) || ratio < 0.0 || ratio > 1.0)
        return failure(
            QStringLiteral("%1 must be a number from 0 to 1, such as 0.5; %2 is not.").arg(key, quoted(value)));
    return ok();
}

Status checkThrottledReplicas(const QString &key, const QString &value)
{
    static const QRegularExpression pair(QStringLiteral("^[0-9]+:[0-9]+$"));
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty() || trimmed == QLatin1String("*"))
        return ok();
    for (const QString &item : listItems(trimmed)) {
        if (!pair.match(item).hasMatch())
            return failure(QStringLiteral("%1 must be * or a list of partition:broker pairs, such as 0:1,1:2; "
                                          "%2 is neither.")
                               .arg(key, quoted(item)));
    }
    return ok();
}

Status checkConfigKey(const QString &key)
{
    if (key.isEmpty())
        return failure(QStringLiteral("A config name cannot be empty."));
    for (const QChar c : key) {
        if (c.isSpace() || c == QLatin1Char('=') || c == QLatin1Char(',')) {
            return failure(QStringLiteral("Config names have no spaces, '=' or ','; %1 has %2.")
                               .arg(quoted(key), c.isSpace() ? QStringLiteral("a space") : describeChar(c)));
        }
    }
    return ok();
}

// local.retention.* must fit within retention.* once tiered storage is on (Kafka's
// validateRemoteStorageRetentionTime/Size); checked only when both are in the same set.
Status checkLocalRetention(const QMap<QString, QString> &configs, const QString &localKey, const QString &totalKey)
{
    if (!configs.contains(localKey) || !configs.contains(totalKey))
        return ok();
    qint64 local = 0;
    qint64 total = 0;
    if (parseWhole(configs.value(localKey), &local) != Parsed::Number ||
        parseWhole(configs.value(totalKey), &total) != Parsed::Number)
        return ok();
    if (total == -1 || local == -2)
        return ok();
    if (local == -1)
        return failure(QStringLiteral("%1 -1 (no limit) cannot exceed %2 %3; use -2 to follow %2.")
                           .arg(localKey, totalKey, number(total)));
    if (local > total)
        return failure(QStringLiteral("%1 (%2) must not be more than %3 (%4): the broker keeps no more locally "
                                      "than in total.")
                           .arg(localKey, number(local), totalKey, number(total)));
    return ok();
}

bool hasControlCharacter(const QString &text, qsizetype *at)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.category() == QChar::Other_Control) {
            *at = i;
            return true;
        }
    }
    return false;
}

Status checkPartitionNumber(int partition)
{
    if (partition < 0)
        return failure(QStringLiteral("Partition numbers are 0 or more; %1 is not one.").arg(number(partition)));
    return ok();
}

QString partitionsWord(qint64 n)
{
    return n == 1 ? QStringLiteral("partition") : QStringLiteral("partitions");
}

QString replicas(qint64 n)
{
    return number(n) + (n == 1 ? QStringLiteral(" replica") : QStringLiteral(" replicas"));
}

} // namespace

// --- Topic names -------------------------------------------------------------------------------

Status validateTopicName(const QString &name)
{
    if (name.isEmpty())
        return failure(
            QStringLiteral("Topic names have 1 to %1 characters; this one is empty.").arg(number(maxTopicNameLength)));
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return failure(QStringLiteral("Topic names cannot be \".\" or \"..\", which Kafka refuses; this one is %1.")
                           .arg(quoted(name)));
    if (name.size() > maxTopicNameLength)
        return failure(QStringLiteral("Topic names have at most %1 characters; this one has %2.")
                           .arg(number(maxTopicNameLength), number(name.size())));
    for (const QChar c : name) {
        if (!isTopicChar(c))
            return failure(QStringLiteral("Topic names use only the letters a-z and A-Z, digits, '.', '_' and '-'; "
                                          "%1 has %2.")
                               .arg(quoted(name), describeChar(c)));
    }
    return ok();
}

QStringList collidingTopics(const QString &name, const QStringList &existingNames)
{
    QStringList out;
    const QString folded = foldCollisionChars(name);
    for (const QString &existing : existingNames)
        if (existing != name && foldCollisionChars(existing) == folded && !out.contains(existing))
            out << existing;
    return out;
}

bool hasCollisionWarning(const QString &name, const QStringList &existingNames)
{
    return !collidingTopics(name, existingNames).isEmpty();
}

QString collisionWarning(const QString &name, const QStringList &existingNames)
{
    const QStringList colliding = collidingTopics(name, existingNames);
    if (colliding.isEmpty())
        return {};
    QString others;
    if (colliding.size() == 1)
        others = QStringLiteral("the existing topic ") + quoted(colliding.first());
    else
        others = QStringLiteral("the existing topics ") + quotedList(colliding);
    return QStringLiteral("Topic %1 collides with %2: Kafka's metric names turn '.' into '_', so it cannot tell "
                          "them apart and refuses the new name.")
        .arg(quoted(name), others);
}

// --- Configs -----------------------------------------------------------------------------------

Status validateConfig(const QString &key, const QString &value, int replicationFactor)
{
    if (Status s = checkConfigKey(key); !s)
        return s;

    if (const NumberRule *rule = numberRule(key)) {
        qint64 v = 0;
        if (Status s = checkNumber(*rule, value, &v); !s)
            return s;
        if (key == QLatin1String("min.insync.replicas") && replicationFactor > 0 && v > replicationFactor)
            return failure(QStringLiteral("min.insync.replicas %1 is more than the replication factor %2, so "
                                          "producers with acks=all could never write.")
                               .arg(number(v), number(replicationFactor)));
        return ok();
    }
    for (const ChoiceRule &rule : choiceRules()) {
        if (key != QLatin1String(rule.key))
            continue;
        if (rule.allowed.contains(value.trimmed()))
            return ok();
        return failure(QStringLiteral("%1 must be %2%3; %4 is %5.")
                           .arg(key, rule.allowed.size() > 2 ? QStringLiteral("one of ") : QString(),
                                alternatives(rule.allowed), quoted(value),
                                rule.allowed.size() > 2 ? QStringLiteral("none of them") : QStringLiteral("neither")));
    }
    if (isBooleanKey(key)) {
        const QString v = value.trimmed();
        if (v.compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0 ||
            v.compare(QStringLiteral("false"), Qt::CaseInsensitive) == 0)
            return ok();
        return failure(QStringLiteral("%1 must be true or false; %2 is neither.").arg(key, quoted(value)));
    }
    if (key == QLatin1String("cleanup.policy"))
        return checkCleanupPolicy(value);
    if (key == QLatin1String("min.cleanable.dirty.ratio"))
        return checkRatio(key, value);
    if (key == QLatin1String("leader.replication.throttled.replicas") ||
        key == QLatin1String("follower.replication.throttled.replicas"))
        return checkThrottledReplicas(key, value);
    return ok(); // not a config Kafdesk knows: the broker decides
}

Status validateConfigs(const QMap<QString, QString> &configs, int replicationFactor)
{
    for (auto it = configs.constBegin(); it != configs.constEnd(); ++it)
        if (Status s = validateConfig(it.key(), it.value(), replicationFactor); !s)
            return s;

    const QString minLag = QStringLiteral("min.compaction.lag.ms");
    const QString maxLag = QStringLiteral("max.compaction.lag.ms");
    if (configs.contains(minLag) && configs.contains(maxLag)) {
        qint64 lo = 0;
        qint64 hi = 0;
        if (parseWhole(configs.value(minLag), &lo) == Parsed::Number &&
            parseWhole(configs.value(maxLag), &hi) == Parsed::Number && lo > hi)
            return failure(
                QStringLiteral("min.compaction.lag.ms (%1) must not be more than max.compaction.lag.ms (%2).")
                    .arg(number(lo), number(hi)));
    }

    const QString remote = QStringLiteral("remote.storage.enable");
    if (configs.contains(remote) && isTrue(configs.value(remote))) {
        const QString policy = configs.value(QStringLiteral("cleanup.policy"));
        if (listItems(policy).contains(QStringLiteral("compact")))
            return failure(QStringLiteral("Tiered storage (remote.storage.enable=true) works only with "
                                          "cleanup.policy=delete; this topic asks for %1.")
                               .arg(quoted(policy.trimmed())));
        if (Status s =
                checkLocalRetention(configs, QStringLiteral("local.retention.ms"), QStringLiteral("retention.ms"));
            !s)
            return s;
        if (Status s = checkLocalRetention(configs, QStringLiteral("local.retention.bytes"),
                                           QStringLiteral("retention.bytes"));
            !s)
            return s;
    }
    return ok();
}

// --- Groups ------------------------------------------------------------------------------------

Status validateGroupId(const QString &group)
{
    if (group.isEmpty())
        return failure(QStringLiteral("A consumer group needs an id; this one is empty."));
    if (group.size() > maxGroupIdLength)
        return failure(QStringLiteral("Kafdesk accepts group ids of at most %1 characters; this one has %2.")
                           .arg(number(maxGroupIdLength), number(group.size())));
    qsizetype at = 0;
    if (hasControlCharacter(group, &at))
        return failure(QStringLiteral("Group ids cannot hold control characters such as line breaks or tabs; "
                                      "this one has %1 at position %2.")
                           .arg(describeChar(group.at(at)), number(at + 1)));
    return ok();
}

// --- Requests ----------------------------------------------------------------------------------

Status validate(const CreateTopicRequest &request, int liveBrokerCount, const QStringList &existingTopics,
                const QList<int> &knownBrokerIds)
{
    if (Status s = validateTopicName(request.name); !s)
        return s;
    if (existingTopics.contains(request.name))
        return failure(QStringLiteral("A topic named %1 exists already.").arg(quoted(request.name)));
    if (const QString collision = collisionWarning(request.name, existingTopics); !collision.isEmpty())
        return failure(collision);

    int effectiveReplication = -1;
    if (request.replicaAssignment.isEmpty()) {
        if (request.partitions < 1)
            return failure(QStringLiteral("A topic needs at least 1 partition; %1 were asked for.")
                               .arg(number(request.partitions)));
        if (request.partitions > maxPartitionsPerRequest)
            return failure(QStringLiteral("Kafdesk creates at most %1 partitions in one request; %2 were asked for.")
                               .arg(number(maxPartitionsPerRequest), number(request.partitions)));
        const int rf = request.replicationFactor;
        if (rf != -1 && (rf < 1 || rf > maxReplicationFactor))
            return failure(QStringLiteral("Replication factor must be -1 (the broker's default) or from 1 to %1; "
                                          "it is %2.")
                               .arg(number(maxReplicationFactor), number(rf)));
        if (rf > 0 && liveBrokerCount >= 0 && rf > liveBrokerCount)
            return failure(QStringLiteral("Replication factor %1 needs %1 live %2; %3 %4 alive.")
                               .arg(number(rf), rf == 1 ? QStringLiteral("broker") : QStringLiteral("brokers"),
                                    number(liveBrokerCount),
                                    liveBrokerCount == 1 ? QStringLiteral("is") : QStringLiteral("are")));
        effectiveReplication = rf;
    } else {
        const QList<QList<int>> &assignment = request.replicaAssignment;
        if (assignment.size() > maxPartitionsPerRequest)
            return failure(QStringLiteral("Kafdesk creates at most %1 partitions in one request; the assignment "
                                          "has %2.")
                               .arg(number(maxPartitionsPerRequest), number(assignment.size())));
        QList<int> sortedIds = knownBrokerIds;
        std::sort(sortedIds.begin(), sortedIds.end());
        QStringList idTexts;
        for (const int id : sortedIds)
            idTexts << number(id);
        const qsizetype replicaCount = assignment.first().size();
        for (qsizetype p = 0; p < assignment.size(); ++p) {
            const QList<int> &brokers = assignment.at(p);
            if (brokers.isEmpty())
                return failure(QStringLiteral("Partition %1 has no replicas; list at least one broker for every "
                                              "partition.")
                                   .arg(number(p)));
            if (brokers.size() != replicaCount)
                return failure(QStringLiteral("Partition %1 has %2 and partition 0 has %3; every partition needs "
                                              "the same number.")
                                   .arg(number(p), replicas(brokers.size()), number(replicaCount)));
            QSet<int> seen;
            for (const int broker : brokers) {
                if (broker < 0)
                    return failure(QStringLiteral("Partition %1 names broker %2; broker ids are 0 or more.")
                                       .arg(number(p), number(broker)));
                if (seen.contains(broker))
                    return failure(QStringLiteral("Partition %1 lists broker %2 twice; a partition has at most one "
                                                  "replica on each broker.")
                                       .arg(number(p), number(broker)));
                seen.insert(broker);
                if (!knownBrokerIds.isEmpty() && !knownBrokerIds.contains(broker))
                    return failure(QStringLiteral("Partition %1 names broker %2, which is not in the cluster "
                                                  "(brokers %3).")
                                       .arg(number(p), number(broker), idTexts.join(QStringLiteral(", "))));
            }
        }
        if (knownBrokerIds.isEmpty() && liveBrokerCount >= 0 && replicaCount > liveBrokerCount)
            return failure(
                QStringLiteral("Each partition has %1 but only %2 %3 alive.")
                    .arg(replicas(replicaCount), number(liveBrokerCount),
                         liveBrokerCount == 1 ? QStringLiteral("broker is") : QStringLiteral("brokers are")));
        effectiveReplication = static_cast<int>(replicaCount);
    }
    return validateConfigs(request.configs, effectiveReplication);
}

Status validate(const DeleteTopicsRequest &request)
{
    if (request.topics.isEmpty())
        return failure(QStringLiteral("Choose at least one topic to delete."));
    QSet<QString> seen;
    for (const QString &topic : request.topics) {
        if (Status s = validateTopicName(topic); !s)
            return s;
        if (seen.contains(topic))
            return failure(QStringLiteral("Topic %1 is listed twice.").arg(quoted(topic)));
        seen.insert(topic);
    }
    return ok();
}

Status validate(const AddPartitionsRequest &request, int currentPartitions)
{
    if (Status s = validateTopicName(request.topic); !s)
        return s;
    const int total = request.totalPartitions;
    if (total < 1)
        return failure(QStringLiteral("A topic needs at least 1 partition; %1 were asked for.").arg(number(total)));
    if (currentPartitions < 0)
        return total > maxPartitionsPerRequest
                   ? Status(failure(QStringLiteral("Kafdesk adds at most %1 partitions in one request; %2 were asked "
                                                   "for.")
                                        .arg(number(maxPartitionsPerRequest), number(total))))
                   : ok();
    if (total == currentPartitions)
        return failure(QStringLiteral("Topic %1 has %2 %3 already; choose a larger total to add partitions.")
                           .arg(quoted(request.topic), number(currentPartitions), partitionsWord(currentPartitions)));
    if (total < currentPartitions)
        return failure(QStringLiteral("Kafka cannot remove partitions: topic %1 has %2, so the new total must be "
                                      "more than %2, not %3.")
                           .arg(quoted(request.topic), number(currentPartitions), number(total)));
    if (static_cast<qint64>(total) - currentPartitions > maxPartitionsPerRequest)
        return failure(QStringLiteral("Kafdesk adds at most %1 partitions in one request; going from %2 to %3 adds %4.")
                           .arg(number(maxPartitionsPerRequest), number(currentPartitions), number(total),
                                number(static_cast<qint64>(total) - currentPartitions)));
    return ok();
}

Status validate(const AlterTopicConfigsRequest &request, int replicationFactor)
{
    if (Status s = validateTopicName(request.topic); !s)
        return s;
    if (request.set.isEmpty() && request.remove.isEmpty())
        return failure(
            QStringLiteral("The change to topic %1 neither sets nor removes a config.").arg(quoted(request.topic)));
    QSet<QString> removed;
    for (const QString &key : request.remove) {
        if (Status s = checkConfigKey(key); !s)
            return s;
        if (removed.contains(key))
            return failure(QStringLiteral("%1 is listed twice among the configs to remove.").arg(key));
        removed.insert(key);
        if (request.set.contains(key))
            return failure(QStringLiteral("%1 is both set and removed; choose one.").arg(key));
    }
    return validateConfigs(request.set, replicationFactor);
}

Status validate(const DeleteRecordsRequest &request)
{
    if (Status s = validateTopicName(request.topic); !s)
        return s;
    if (request.beforeOffset.isEmpty())
        return failure(QStringLiteral("Choose at least one partition to delete records from."));
    for (auto it = request.beforeOffset.constBegin(); it != request.beforeOffset.constEnd(); ++it) {
        if (Status s = checkPartitionNumber(it.key()); !s)
            return s;
        if (it.value() < 0)
            return failure(QStringLiteral("Records are deleted below an offset of 0 or more; partition %1 has %2.")
                               .arg(number(it.key()), number(it.value())));
    }
    return ok();
}

Status validate(const ResetOffsetsRequest &request)
{
    if (Status s = validateGroupId(request.group); !s)
        return s;
    if (Status s = validateTopicName(request.topic); !s)
        return s;
    QSet<int> seen;
    for (const int partition : request.partitions) {
        if (Status s = checkPartitionNumber(partition); !s)
            return s;
        if (seen.contains(partition))
            return failure(QStringLiteral("Partition %1 is listed twice.").arg(number(partition)));
        seen.insert(partition);
    }
    switch (request.strategy) {
    case ResetStrategy::Earliest:
    case ResetStrategy::Latest:
        return ok();
    case ResetStrategy::Offset:
        if (request.value < 0)
            return failure(
                QStringLiteral("The offset to reset to must be 0 or more; it is %1.").arg(number(request.value)));
        return ok();
    case ResetStrategy::ShiftBy:
        if (request.value == 0)
            return failure(QStringLiteral("A shift by 0 changes nothing; shift forward by a positive number or back "
                                          "by a negative one."));
        return ok();
    case ResetStrategy::DateTime:
        if (!request.dateTime.isValid())
            return failure(QStringLiteral("Resetting to a date and time needs a valid one; none is set."));
        if (request.dateTime.toMSecsSinceEpoch() < 0)
            return failure(QStringLiteral("Kafka finds offsets by time from 1970-01-01T00:00:00Z on; %1 is earlier.")
                               .arg(request.dateTime.toUTC().toString(Qt::ISODate)));
        return ok();
    }
    return ok();
}

Status validate(const DeleteGroupRequest &request)
{
    return validateGroupId(request.group);
}

Status validate(const DeleteGroupOffsetsRequest &request)
{
    if (Status s = validateGroupId(request.group); !s)
        return s;
    return validateTopicName(request.topic);
}

} // namespace kafdesk::validation
