#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace kafdesk {

// One combined broker+controller node of the bundled cluster, all on 127.0.0.1.
struct NodeSpec {
    int id = 0;
    quint16 brokerPort = 0;
    quint16 controllerPort = 0;
    QString dataDir;
};

using Properties = QList<QPair<QString, QString>>;

// The server.properties of one node: KRaft with a static quorum of every node, plus the durable,
// fast-failing demo defaults (RF 3, min ISR 2, 3 s broker session) that make failures visible.
Properties nodeProperties(const NodeSpec &node, const QList<NodeSpec> &allNodes);
QString quorumVoters(const QList<NodeSpec> &allNodes);

// Renders properties as a Java .properties file (with the few escapes a value may need).
QString renderProperties(const Properties &properties, const QString &headerComment = {});
// Parses the simple key=value form that renderProperties writes (and Kafka's own files use).
Properties parseProperties(const QString &text);
QString propertyValue(const Properties &properties, const QString &key);
// Sets each of `overrides` in `properties`: in place where the key is there, else at the end.
void overrideProperties(Properties &properties, const Properties &overrides);

} // namespace kafdesk
