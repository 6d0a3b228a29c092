#pragma once

// The Kafka command line equivalent to each request (admin/requests.h) and to the reading views,
// so that whatever Kafdesk does can be seen, copied, and done again with Apache Kafka's own tools.
// Every argument that needs it is single-quoted (POSIX sh rules), so a line can be pasted into a
// shell as it is. The builders do not validate: check a request with admin/validation.h first.
//
// Rules of the tools that the lines follow (Kafka 4.x, same in 3.x):
//  - kafka-topics --alter/--delete/--describe read --topic as a Java regular expression (a ','
//    becomes '|'), so the name is escaped ('.' as '\.') to match that one topic only; --create
//    takes the name as it is. Several topics are deleted by one line per topic, joined with
//    " && " (stops at the first failure).
//  - kafka-topics --config splits each value at '=', so a config value with '=' cannot be given
//    on --create; kafka-configs --add-config splits at ',' and '=', so such values are wrapped in
//    [ ] (which it strips; values holding '[' or ']' cannot be expressed).
//  - --to-datetime is given in UTC as YYYY-MM-DDTHH:mm:SS.sssZ, which kafka-consumer-groups
//    accepts (without a zone it would also read UTC; the Z makes the line unambiguous).

#include "admin/requests.h"

#include <QString>
#include <QStringList>

#include <utility>

namespace kafdesk::commands {

// Where the tools connect.
struct Target {
    explicit Target(QString bootstrap = {}, QString commandConfigFile = {}, QString suffix = QStringLiteral(".sh"))
        : bootstrapServers(std::move(bootstrap))
        , commandConfig(std::move(commandConfigFile))
        , toolSuffix(std::move(suffix))
    {
    }

    QString bootstrapServers;
    QString commandConfig; // a client .properties file for --command-config (TLS, SASL); empty: none
    QString toolSuffix;    // ".sh"; "" for packagings that install kafka-topics without it
};

struct KafkaCommand {
    QString line;        // one shell line
    QString fileName;    // a file the line reads (kafka-delete-records); empty: none
    QString fileContent; // what to write into fileName first

    bool needsFile() const { return !fileName.isEmpty(); }
    // The line, preceded by a here-document that writes the file when there is one: a script
    // that can be pasted as a whole.
    QString script() const;
};

// POSIX shell quoting: the argument as it is when it holds only [A-Za-z0-9_@%+=:,./-], else in
// single quotes (a ' inside becomes '\''); an empty argument is ''.
QString shellQuote(const QString &argument);
QString shellJoin(const QStringList &arguments);
// A Java regular expression that matches exactly this topic name.
QString topicPattern(const QString &topic);

// Changing things.
KafkaCommand createTopic(const Target &target, const CreateTopicRequest &request);
KafkaCommand deleteTopics(const Target &target, const DeleteTopicsRequest &request);
KafkaCommand addPartitions(const Target &target, const AddPartitionsRequest &request);
KafkaCommand alterTopicConfigs(const Target &target, const AlterTopicConfigsRequest &request);
KafkaCommand deleteRecords(const Target &target, const DeleteRecordsRequest &request,
                           const QString &offsetJsonFile = QStringLiteral("delete-records.json"));
KafkaCommand resetOffsets(const Target &target, const ResetOffsetsRequest &request);
KafkaCommand deleteGroup(const Target &target, const DeleteGroupRequest &request);
KafkaCommand deleteGroupOffsets(const Target &target, const DeleteGroupOffsetsRequest &request);

// Reading things.
KafkaCommand listTopics(const Target &target);
KafkaCommand describeTopic(const Target &target, const QString &topic);
// includeDefaults: --all (every config, not only the topic's overrides).
KafkaCommand describeTopicConfigs(const Target &target, const QString &topic, bool includeDefaults = false);
// brokerId < 0: the cluster-wide dynamic defaults (--entity-default; includeDefaults is ignored).
KafkaCommand describeBrokerConfigs(const Target &target, int brokerId, bool includeDefaults = false);
KafkaCommand listGroups(const Target &target);
enum class GroupView {
    Offsets, // per partition: committed offset, end offset, lag
    Members, // --members
    State,   // --state
};
KafkaCommand describeGroup(const Target &target, const QString &group, GroupView view = GroupView::Offsets);

// The exact --to-datetime text for a time: UTC, milliseconds, a Z.
QString resetDateTimeText(const QDateTime &dateTime);

} // namespace kafdesk::commands
