#pragma once

#include <QString>

namespace kafdesk {

// Where a bundled cluster keeps its files: <root>/<name>/cluster.json, log4j2.properties, and
// node-N/{node.properties, data/, logs/server.log, stdout.log}.
class ClusterPaths {
public:
    ClusterPaths(QString root, QString name) : m_root(std::move(root)), m_name(std::move(name)) {}

    const QString &root() const { return m_root; }
    const QString &name() const { return m_name; }
    QString dir() const { return m_root + QLatin1Char('/') + m_name; }
    QString stateFile() const { return dir() + QStringLiteral("/cluster.json"); }
    QString lockFile() const { return dir() + QStringLiteral("/.lock"); }
    QString log4jConfig() const { return dir() + QStringLiteral("/log4j2.properties"); }
    QString nodeDir(int id) const { return dir() + QStringLiteral("/node-") + QString::number(id); }
    QString nodeConfig(int id) const { return nodeDir(id) + QStringLiteral("/node.properties"); }
    QString nodeDataDir(int id) const { return nodeDir(id) + QStringLiteral("/data"); }
    QString nodeLogDir(int id) const { return nodeDir(id) + QStringLiteral("/logs"); }
    QString serverLog(int id) const { return nodeLogDir(id) + QStringLiteral("/server.log"); }
    QString stdoutLog(int id) const { return nodeDir(id) + QStringLiteral("/stdout.log"); }
    // What identifies the node's JVM in the process table: its config file's path.
    QString processMarker(int id) const { return nodeConfig(id); }
    // What every JVM of this cluster (nodes and tools) has on its command line.
    QString clusterMarker() const { return dir() + QStringLiteral("/node-"); }

private:
    QString m_root;
    QString m_name;
};

} // namespace kafdesk
