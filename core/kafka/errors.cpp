#include "kafka/errors.h"

#include <librdkafka/rdkafka.h>

namespace kafdesk::kafkaerrors {

namespace {

QString sentenceFor(rd_kafka_resp_err_t err)
{
    switch (err) {
    case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS:
        return QStringLiteral("the topic already exists");
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
        return QStringLiteral("the topic or partition does not exist");
    case RD_KAFKA_RESP_ERR_TOPIC_EXCEPTION:
        return QStringLiteral("the topic name is not valid");
    case RD_KAFKA_RESP_ERR_INVALID_PARTITIONS:
        return QStringLiteral("the partition count is not valid");
    case RD_KAFKA_RESP_ERR_INVALID_REPLICATION_FACTOR:
        return QStringLiteral("the replication factor is not valid for the live brokers");
    case RD_KAFKA_RESP_ERR_INVALID_REPLICA_ASSIGNMENT:
        return QStringLiteral("the replica assignment is not valid");
    case RD_KAFKA_RESP_ERR_INVALID_CONFIG:
        return QStringLiteral("the broker refused a configuration value");
    case RD_KAFKA_RESP_ERR_POLICY_VIOLATION:
        return QStringLiteral("a broker policy forbids it");
    case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED:
        return QStringLiteral("authorization was denied (an ACL does not allow it)");
    case RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED:
    case RD_KAFKA_RESP_ERR__AUTHENTICATION:
        return QStringLiteral("authentication failed");
    case RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM:
        return QStringLiteral("the SASL mechanism is not enabled on the broker");
    case RD_KAFKA_RESP_ERR__SSL:
        return QStringLiteral("the TLS handshake failed");
    case RD_KAFKA_RESP_ERR__TIMED_OUT:
    case RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT:
        return QStringLiteral("the cluster did not answer in time");
    case RD_KAFKA_RESP_ERR__TRANSPORT:
    case RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN:
        return QStringLiteral("no broker could be reached");
    case RD_KAFKA_RESP_ERR__RESOLVE:
        return QStringLiteral("the broker's host name could not be resolved");
    case RD_KAFKA_RESP_ERR_NON_EMPTY_GROUP:
        return QStringLiteral("the group still has members");
    case RD_KAFKA_RESP_ERR_GROUP_ID_NOT_FOUND:
        return QStringLiteral("the group does not exist");
    case RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID:
    case RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS:
        return QStringLiteral("the group is active: stop its consumers first");
    case RD_KAFKA_RESP_ERR_GROUP_SUBSCRIBED_TO_TOPIC:
        return QStringLiteral("the group's members still consume this topic");
    case RD_KAFKA_RESP_ERR_OFFSET_OUT_OF_RANGE:
        return QStringLiteral("the offset is outside the partition's range");
    case RD_KAFKA_RESP_ERR_NOT_CONTROLLER:
    case RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION:
    case RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE:
        return QStringLiteral("leadership is moving in the cluster; try again");
    case RD_KAFKA_RESP_ERR__DESTROY:
        return QStringLiteral("the connection was closed");
    default:
        return QString::fromUtf8(rd_kafka_err2str(err));
    }
}

} // namespace

Error connectionError(int code, const QString &text, const QString &bootstrap, int timeoutMs)
{
    const auto err = static_cast<rd_kafka_resp_err_t>(code);
    const QString lower = text.toLower();
    QString detail = text.isEmpty() ? QString::fromUtf8(rd_kafka_err2str(err)) : text;
    QString message;
    if (lower.contains(QStringLiteral("might require sasl")))
        message = QStringLiteral("The broker closed the connection after the TLS handshake: it requires SASL "
                                 "authentication, so set the SASL mechanism, user name and password.");
    else if (lower.contains(QStringLiteral("security.protocol")) ||
             (lower.contains(QStringLiteral("disconnected")) && lower.contains(QStringLiteral("apiversion"))))
        message = QStringLiteral("The broker closed the connection at once: it probably expects TLS or SASL, so check "
                                 "the security protocol.");
    else if (err == RD_KAFKA_RESP_ERR__RESOLVE || lower.contains(QStringLiteral("resolve")))
        message = QStringLiteral("The bootstrap address %1 could not be resolved: check the host names.").arg(bootstrap);
    else if (lower.contains(QStringLiteral("unsupported sasl mechanism")) ||
             (lower.contains(QStringLiteral("mechanism")) && lower.contains(QStringLiteral("not enabled"))) ||
             err == RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM)
        message = QStringLiteral("The broker does not enable this SASL mechanism.");
    else if (err == RD_KAFKA_RESP_ERR__AUTHENTICATION || err == RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED ||
             lower.contains(QStringLiteral("authentication")))
        message = QStringLiteral("Authentication failed: check the user name, password and SASL mechanism.");
    else if (err == RD_KAFKA_RESP_ERR__SSL || lower.contains(QStringLiteral("ssl")) ||
             lower.contains(QStringLiteral("certificate"))) {
        if (lower.contains(QStringLiteral("hostname")) || lower.contains(QStringLiteral("host name")))
            message = QStringLiteral("The TLS handshake failed: the broker's certificate does not match its host name.");
        else if (lower.contains(QStringLiteral("verify failed")) || lower.contains(QStringLiteral("unknown ca")) ||
                 lower.contains(QStringLiteral("self signed")) || lower.contains(QStringLiteral("self-signed")))
            message = QStringLiteral("The TLS handshake failed: the broker's certificate is not signed by a trusted CA.");
        else
            message = QStringLiteral("The TLS handshake failed.");
    } else if (lower.contains(QStringLiteral("connection refused")))
        message = QStringLiteral("Nothing is listening at %1.").arg(bootstrap);
    else
        message = QStringLiteral("No broker at %1 answered within %2 ms.").arg(bootstrap).arg(timeoutMs);
    return failure(message, detail);
}

QString codeName(int code)
{
    return QString::fromUtf8(rd_kafka_err2name(static_cast<rd_kafka_resp_err_t>(code)));
}

Error fromCode(int code, const QString &what, const QString &brokerText)
{
    const auto err = static_cast<rd_kafka_resp_err_t>(code);
    QString detail = brokerText.trimmed();
    const QString name = codeName(code);
    if (detail.isEmpty())
        detail = QString::fromUtf8(rd_kafka_err2str(err));
    if (!detail.contains(name))
        detail += QStringLiteral(" (") + name + QLatin1Char(')');
    return failure(QStringLiteral("%1 failed: %2.").arg(what, sentenceFor(err)), detail);
}

} // namespace kafdesk::kafkaerrors
