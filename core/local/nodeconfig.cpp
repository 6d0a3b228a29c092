#include "local/nodeconfig.h"

#include <QStringList>

#include <algorithm>

namespace kafdesk {

namespace {

QString listener(const char *name, quint16 port)
{
    return QLatin1String(name) + QStringLiteral("://127.0.0.1:") + QString::number(port);
}

QString escapeValue(const QString &value)
{
    QString out;
    out.reserve(value.size());
    for (const QChar c : value) {
        if (c == QLatin1Char('\\'))
            out += QStringLiteral("\\\\");
        else if (c == QLatin1Char('\n'))
            out += QStringLiteral("\\n");
        else
            out += c;
    }
    return out;
}

} // namespace

QString quorumVoters(const QList<NodeSpec> &allNodes)
{
    QStringList voters;
    for (const NodeSpec &n : allNodes)
        voters << QString::number(n.id) + QStringLiteral("@127.0.0.1:") + QString::number(n.controllerPort);
    return voters.join(QLatin1Char(','));
}

Properties nodeProperties(const NodeSpec &node, const QList<NodeSpec> &allNodes)
{
    const int replication = std::min<int>(3, static_cast<int>(allNodes.size()));
    const QString rf = QString::number(replication);
    const QString minIsr = QString::number(replication >= 3 ? 2 : 1);
    const QString listeners = listener("PLAINTEXT", node.brokerPort) + QLatin1Char(',') +
                              listener("CONTROLLER", node.controllerPort);
    return {
        {QStringLiteral("node.id"), QString::number(node.id)},
        {QStringLiteral("process.roles"), QStringLiteral("broker,controller")},
        {QStringLiteral("listeners"), listeners},
        {QStringLiteral("advertised.listeners"), listeners},
        {QStringLiteral("listener.security.protocol.map"), QStringLiteral("CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT")},
        {QStringLiteral("controller.listener.names"), QStringLiteral("CONTROLLER")},
        {QStringLiteral("inter.broker.listener.name"), QStringLiteral("PLAINTEXT")},
        {QStringLiteral("controller.quorum.voters"), quorumVoters(allNodes)},
        {QStringLiteral("log.dirs"), node.dataDir},
        // Durable defaults, so that losing one broker is survivable and visible.
        {QStringLiteral("num.partitions"), QStringLiteral("3")},
        {QStringLiteral("default.replication.factor"), rf},
        {QStringLiteral("min.insync.replicas"), minIsr},
        {QStringLiteral("offsets.topic.replication.factor"), rf},
        {QStringLiteral("offsets.topic.num.partitions"), QStringLiteral("3")},
        {QStringLiteral("transaction.state.log.replication.factor"), rf},
        {QStringLiteral("transaction.state.log.min.isr"), minIsr},
        {QStringLiteral("transaction.state.log.num.partitions"), QStringLiteral("3")},
        {QStringLiteral("unclean.leader.election.enable"), QStringLiteral("false")},
        {QStringLiteral("auto.create.topics.enable"), QStringLiteral("false")},
        // Fast failure detection: a killed broker is fenced in about 3 s instead of 9.
        {QStringLiteral("broker.heartbeat.interval.ms"), QStringLiteral("500")},
        {QStringLiteral("broker.session.timeout.ms"), QStringLiteral("3000")},
        {QStringLiteral("replica.lag.time.max.ms"), QStringLiteral("10000")},
        {QStringLiteral("group.initial.rebalance.delay.ms"), QStringLiteral("0")},
        {QStringLiteral("leader.imbalance.check.interval.seconds"), QStringLiteral("30")},
        // Light on a small machine.
        {QStringLiteral("num.network.threads"), QStringLiteral("2")},
        {QStringLiteral("num.io.threads"), QStringLiteral("4")},
        {QStringLiteral("num.recovery.threads.per.data.dir"), QStringLiteral("1")},
        {QStringLiteral("log.segment.bytes"), QStringLiteral("67108864")},
        // ACL calls need an authorizer; on this plaintext cluster everyone is allowed.
        {QStringLiteral("authorizer.class.name"),
         QStringLiteral("org.apache.kafka.metadata.authorizer.StandardAuthorizer")},
        {QStringLiteral("super.users"), QStringLiteral("User:ANONYMOUS")},
        {QStringLiteral("allow.everyone.if.no.acl.found"), QStringLiteral("true")},
    };
}

QString renderProperties(const Properties &properties, const QString &headerComment)
{
    QString out;
    if (!headerComment.isEmpty())
        out += QStringLiteral("# ") + headerComment + QLatin1Char('\n');
    for (const auto &[key, value] : properties)
        out += key + QLatin1Char('=') + escapeValue(value) + QLatin1Char('\n');
    return out;
}

Properties parseProperties(const QString &text)
{
    Properties out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (QString line : lines) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char('!')))
            continue;
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq <= 0)
            continue;
        QString value = line.mid(eq + 1).trimmed();
        value.replace(QStringLiteral("\\n"), QStringLiteral("\n")).replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
        out.append({line.left(eq).trimmed(), value});
    }
    return out;
}

QString propertyValue(const Properties &properties, const QString &key)
{
    for (const auto &[k, v] : properties)
        if (k == key)
            return v;
    return {};
}

void overrideProperties(Properties &properties, const Properties &overrides)
{
    for (const auto &[key, value] : overrides) {
        // An init-capture: clang 14 (the sanitizer builds) cannot capture a structured binding.
        auto it = std::find_if(properties.begin(), properties.end(), [&key = key](const auto &p) { return p.first == key; });
        if (it != properties.end())
            it->second = value;
        else
            properties.append({key, value});
    }
}

} // namespace kafdesk
