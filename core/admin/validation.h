#pragma once

// Checks of request values (admin/requests.h) before anything is sent, with Kafka's own rules
// where Kafka has them, so that a mistake is explained in one sentence instead of a broker error
// code. Every check returns ok() or a failure whose message names the bad value and the rule.
//
// A request with several problems reports the first one found, in the order the fields appear
// in the request (name first, then counts, then assignment, then configs): fixing it and checking
// again shows the next, the way a form does.

#include "admin/requests.h"
#include "util/result.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kafdesk::validation {

inline constexpr int maxTopicNameLength = 249;        // org.apache.kafka.common.internals.Topic
inline constexpr int maxPartitionsPerRequest = 10000; // Kafdesk's own bound, against typos
inline constexpr int maxReplicationFactor = 32767;    // an int16 in the protocol
inline constexpr int maxGroupIdLength = 255;          // Kafdesk's own bound; Kafka sets none

// 1 to 249 characters of [a-zA-Z0-9._-], and neither "." nor "..".
Status validateTopicName(const QString &name);

// The topics of existingNames that Kafka considers the same as name once '.' and '_' are
// folded together (its metric names cannot tell them apart); name itself is never listed.
QStringList collidingTopics(const QString &name, const QStringList &existingNames);
bool hasCollisionWarning(const QString &name, const QStringList &existingNames);
// A sentence naming the colliding topics, or an empty string when there are none.
QString collisionWarning(const QString &name, const QStringList &existingNames);

// One topic config. Known keys are checked against the broker's rules (whole numbers for sizes
// and durations, the allowed words for enumerations); unknown keys pass, as the broker decides,
// except for an empty key or one with spaces, '=' or ','. replicationFactor -1: unknown.
Status validateConfig(const QString &key, const QString &value, int replicationFactor = -1);
// Every config, then the rules between them (min.compaction.lag.ms <= max.compaction.lag.ms;
// tiered storage only with cleanup.policy=delete, and local retention within retention).
Status validateConfigs(const QMap<QString, QString> &configs, int replicationFactor = -1);

// Non-empty, at most 255 characters, no control characters (line breaks, tabs).
Status validateGroupId(const QString &group);

// liveBrokerCount < 0: unknown (the replication factor is then only checked for its range).
// knownBrokerIds: the cluster's broker ids, for an explicit replica assignment; empty: unknown.
// A name that collides with an existing topic fails, as the KRaft controller refuses it.
Status validate(const CreateTopicRequest &request, int liveBrokerCount, const QStringList &existingTopics,
                const QList<int> &knownBrokerIds = {});
Status validate(const DeleteTopicsRequest &request);
// currentPartitions < 0: unknown (only the request's own range is checked).
Status validate(const AddPartitionsRequest &request, int currentPartitions);
Status validate(const AlterTopicConfigsRequest &request, int replicationFactor = -1);
Status validate(const DeleteRecordsRequest &request);
Status validate(const ResetOffsetsRequest &request);
Status validate(const DeleteGroupRequest &request);
Status validate(const DeleteGroupOffsetsRequest &request);

} // namespace kafdesk::validation
