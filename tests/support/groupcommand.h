#pragma once

// Kafka's own ConsumerGroupCommand as a peer: its class name and parsers of its tables.

#include <QList>
#include <QMap>
#include <QString>

namespace kafdesk::test {

inline const QString groupCommand = QStringLiteral("org.apache.kafka.tools.consumer.group.ConsumerGroupCommand");

// One row of ConsumerGroupCommand --describe.
struct DescribedRow {
    QString topic;
    int partition = -1;
    QString current; // "-": no commit
    QString logEnd;
    QString lag;
    QString consumerId;
    QString host;
    QString clientId;
};

// The table of `--describe --group G` (GROUP TOPIC PARTITION CURRENT-OFFSET LOG-END-OFFSET LAG
// CONSUMER-ID HOST CLIENT-ID), sorted by topic, then partition.
QList<DescribedRow> parseDescribe(const QString &out);

// The table of `--reset-offsets ... --dry-run` (GROUP TOPIC PARTITION NEW-OFFSET) for `topic`, as
// partition -> offset.
QMap<int, qint64> parseResetTable(const QString &out, const QString &topic);

} // namespace kafdesk::test
