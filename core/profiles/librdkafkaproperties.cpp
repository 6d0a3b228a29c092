#include "profiles/librdkafkaproperties.h"

#include <QSet>
#include <QStringList>

#include <librdkafka/rdkafka.h>

#include <cstdio>
#include <cstdlib>

namespace kafdesk {

namespace {

// librdkafka prints its property table as Markdown; the first column is the name.
QSet<QString> readPropertyTable()
{
    QSet<QString> names;
    char *buffer = nullptr;
    size_t size = 0;
    FILE *stream = open_memstream(&buffer, &size);
    if (!stream)
        return names;
    rd_kafka_conf_properties_show(stream);
    std::fclose(stream);
    const QString table = QString::fromUtf8(buffer, static_cast<qsizetype>(size));
    std::free(buffer);
    const QStringList lines = table.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const qsizetype bar = line.indexOf(QLatin1Char('|'));
        if (bar <= 0)
            continue;
        const QString name = line.left(bar).trimmed();
        if (name.isEmpty() || name == QLatin1String("Property") || name.startsWith(QLatin1Char('-')))
            continue;
        names.insert(name);
    }
    return names;
}

const QSet<QString> &propertyNames()
{
    static const QSet<QString> names = readPropertyTable();
    return names;
}

bool isFalse(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v == QLatin1String("false") || v == QLatin1String("0") || v == QLatin1String("no") ||
           v == QLatin1String("off");
}

} // namespace

bool isLibrdkafkaProperty(const QString &name)
{
    return propertyNames().contains(name);
}

PropertyVerdict checkLibrdkafkaProperty(const QString &name, const QString &value)
{
    if (!isLibrdkafkaProperty(name))
        return {PropertyCheck::UnknownName, {}};
    if (!dangerReason(name, value).isEmpty())
        return {PropertyCheck::Valid, {}};
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    char errstr[512] = {};
    const QByteArray n = name.toUtf8();
    const QByteArray v = value.toUtf8();
    const rd_kafka_conf_res_t res = rd_kafka_conf_set(conf, n.constData(), v.constData(), errstr, sizeof errstr);
    rd_kafka_conf_destroy(conf);
    // A topic property set on a global configuration succeeds with a leftover message: only the
    // result code counts.
    if (res == RD_KAFKA_CONF_OK)
        return {PropertyCheck::Valid, {}};
    if (res == RD_KAFKA_CONF_UNKNOWN)
        return {PropertyCheck::UnknownName, {}};
    QString message = QString::fromUtf8(errstr).trimmed();
    while (message.endsWith(QLatin1Char('.')))
        message.chop(1);
    return {PropertyCheck::InvalidValue, message};
}

bool isSecretProperty(const QString &name)
{
    const QString n = name.toLower();
    return n.contains(QLatin1String("password")) || n.contains(QLatin1String("secret")) ||
           n == QLatin1String("sasl.jaas.config") || n == QLatin1String("ssl.key.pem") ||
           n == QLatin1String("ssl_key") || n == QLatin1String("ssl.keystore.key") ||
           n == QLatin1String("sasl.oauthbearer.config");
}

QString dangerReason(const QString &name, const QString &value)
{
    const QString n = name.toLower();
    if (n == QLatin1String("plugin.library.paths"))
        return QStringLiteral("It loads shared libraries into Kafdesk, which run with your rights.");
    if (n == QLatin1String("ssl.engine.location") || n == QLatin1String("ssl.engine.id"))
        return QStringLiteral("It loads an OpenSSL engine, native code that runs inside Kafdesk.");
    if (n == QLatin1String("ssl.providers"))
        return QStringLiteral("It loads OpenSSL providers, native code that runs inside Kafdesk.");
    if (n.endsWith(QLatin1String(".cmd")) || n.contains(QLatin1String(".cmd.")))
        return QStringLiteral("It is a shell command that librdkafka runs on your machine.");
    if (n.startsWith(QLatin1String("sasl.oauthbearer.")) || n == QLatin1String("enable.sasl.oauthbearer.unsecure.jwt"))
        return QStringLiteral("OAUTHBEARER settings fetch tokens from, and send client credentials to, the URL the "
                              "file names, or accept unsigned tokens.");
    if (n == QLatin1String("ssl.keylog.filename"))
        return QStringLiteral("It writes the TLS session keys to a file, so anyone who reads it can decrypt the "
                              "traffic.");
    if (n == QLatin1String("enable.ssl.certificate.verification") && isFalse(value))
        return QStringLiteral("It turns off the check of the broker's certificate: anyone on the network path can "
                              "pose as the broker and read your credentials and data.");
    if (n == QLatin1String("ssl.endpoint.identification.algorithm") &&
        (value.trimmed().isEmpty() || value.trimmed().compare(QLatin1String("none"), Qt::CaseInsensitive) == 0))
        return QStringLiteral("It turns off the check that the broker's certificate names the host you connect "
                              "to: any holder of a certificate from the same CA can pose as the broker.");
    return {};
}

} // namespace kafdesk
