#pragma once

#include "admin/clusteroperations.h"

#include <QCommandLineParser>

namespace kafdesk::ctl {

// The options that say which cluster a command talks to: --bootstrap B, --local NAME (a bundled
// cluster's bootstrap) or --profile NAME (a saved connection), plus --json and --timeout.
class ConnectionOptions {
public:
    void addTo(QCommandLineParser &parser);
    // The cluster to talk to, or a usage error.
    Result<ConnectionSettings> settings(const QCommandLineParser &parser) const;
    bool json(const QCommandLineParser &parser) const { return parser.isSet(m_json); }
    int timeoutMs(const QCommandLineParser &parser) const;

private:
    QCommandLineOption m_bootstrap{QStringLiteral("bootstrap"), QStringLiteral("brokers"), QStringLiteral("B")};
    QCommandLineOption m_local{QStringLiteral("local"), QStringLiteral("bundled cluster"), QStringLiteral("NAME")};
    QCommandLineOption m_profile{QStringLiteral("profile"), QStringLiteral("saved connection"), QStringLiteral("NAME")};
    QCommandLineOption m_json{QStringLiteral("json"), QStringLiteral("JSON output")};
    QCommandLineOption m_timeout{QStringLiteral("timeout"), QStringLiteral("seconds"), QStringLiteral("S"),
                                 QStringLiteral("15")};
};

QString connectionUsage();

} // namespace kafdesk::ctl
