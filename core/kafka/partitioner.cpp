#include "kafka/partitioner.h"

#include <librdkafka/rdkafka.h>

namespace kafdesk {

int javaPartitionForKey(QByteArrayView key, int partitionCount)
{
    if (partitionCount < 1)
        return -1;
    static const char empty = 0; // librdkafka hashes (pointer, length); never hand it a null pointer
    const void *data = key.isEmpty() ? static_cast<const void *>(&empty) : static_cast<const void *>(key.data());
    // The topic and opaques are unused by this partitioner: it is a pure function of the key.
    return rd_kafka_msg_partitioner_murmur2(nullptr, data, static_cast<size_t>(key.size()), partitionCount, nullptr,
                                            nullptr);
}

} // namespace kafdesk
