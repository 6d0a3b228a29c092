#pragma once

#include <QByteArrayView>

namespace kafdesk {

// The partition that Kafka's Java client (and librdkafka's murmur2 / murmur2_random partitioners)
// picks for a non-null key: toPositive(murmur2(key)) % partitionCount, computed by librdkafka's
// own rd_kafka_msg_partitioner_murmur2, not a copy of it. An empty key is a key (it is hashed);
// a null key has no fixed partition, so callers do not ask. -1 when partitionCount < 1.
int javaPartitionForKey(QByteArrayView key, int partitionCount);

} // namespace kafdesk
