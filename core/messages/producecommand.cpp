#include "messages/producecommand.h"

#include "commands/kafkacommand.h"

#include <QStringList>

namespace kafdesk::produce {

namespace {

using commands::shellQuote;

// The line as one shell word with each {i} turned into the shell loop's "$i": the text is
// single-quoted where needed (no spaces inside double quotes, so the line can be broken safely).
QString quotedWithCounter(const QString &text)
{
    const QStringList parts = text.split(QStringLiteral("{i}"));
    QString out;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            out += QStringLiteral("\"$i\"");
        if (!parts.at(i).isEmpty())
            out += shellQuote(parts.at(i));
    }
    return out;
}

bool isSecret(const QString &key)
{
    return key.contains(QStringLiteral("password")) || key.contains(QStringLiteral("secret")) ||
           key.endsWith(QStringLiteral(".pem")) || key == QStringLiteral("sasl.oauthbearer.config");
}

QStringList clientOptions(const QMap<QString, QString> &clientConfig)
{
    QStringList out;
    for (auto it = clientConfig.cbegin(); it != clientConfig.cend(); ++it) {
        if (it.key() == QStringLiteral("bootstrap.servers") || it.key() == QStringLiteral("client.id"))
            continue;
        const QString value = isSecret(it.key()) ? QStringLiteral("<%1>").arg(it.key().section(QLatin1Char('.'), -1)) : it.value();
        out << QStringLiteral("-X") << shellQuote(it.key() + QLatin1Char('=') + value);
    }
    return out;
}

QString keyDelimiter(const QString &key)
{
    for (const char *d : {":", "|", "#", ";", "~"})
        if (!key.contains(QLatin1String(d)))
            return QLatin1String(d);
    return QStringLiteral("\\t");
}

} // namespace

QString kcatCommand(const ProduceRequest &request, const QMap<QString, QString> &clientConfig)
{
    QStringList kcat{QStringLiteral("kcat"), QStringLiteral("-P"), QStringLiteral("-b"),
                     shellQuote(clientConfig.value(QStringLiteral("bootstrap.servers"))), QStringLiteral("-t"),
                     shellQuote(request.topic.isEmpty() ? QStringLiteral("TOPIC") : request.topic)};
    if (request.partition >= 0)
        kcat << QStringLiteral("-p") << QString::number(request.partition);

    const bool lineMode = (request.format == ValueFormat::Text || request.format == ValueFormat::Json) &&
                          !request.value.contains(QLatin1Char('\n')) &&
                          !(request.key && request.key->contains(QLatin1Char('\n')));
    const QString delimiter = request.key ? keyDelimiter(*request.key) : QString();
    if (request.key) {
        if (lineMode)
            kcat << QStringLiteral("-K") << shellQuote(delimiter);
        else
            kcat << QStringLiteral("-k") << shellQuote(*request.key);
    }
    for (const ProduceHeader &h : request.headers)
        kcat << QStringLiteral("-H") << shellQuote(h.name + QLatin1Char('=') + h.value);
    kcat << QStringLiteral("-X") << QStringLiteral("partitioner=murmur2_random") << QStringLiteral("-X")
         << QStringLiteral("acks=") + acksValue(request.acks) << QStringLiteral("-X")
         << (request.idempotence ? QStringLiteral("enable.idempotence=true") : QStringLiteral("enable.idempotence=false"));
    if (request.compression != Compression::None)
        kcat << QStringLiteral("-X") << QStringLiteral("compression.type=") + compressionValue(request.compression);
    kcat << clientOptions(clientConfig);
    const int copies = std::max(1, request.copies);

    if (lineMode) {
        const QString line = request.key ? *request.key + delimiter + request.value : request.value;
        const bool counter = line.contains(QStringLiteral("{i}"));
        QString source;
        if (copies == 1 && !counter)
            source = QStringLiteral("printf '%s\\n' ") + shellQuote(line);
        else if (!counter)
            source = QStringLiteral("yes ") + shellQuote(line) + QStringLiteral(" | head -n ") + QString::number(copies);
        else
            source = QStringLiteral("seq %1 %2 | while read -r i; do printf '%s\\n' %3; done")
                         .arg(firstCounter)
                         .arg(firstCounter + copies - 1)
                         .arg(quotedWithCounter(line));
        return source + QStringLiteral(" | ") + kcat.join(QLatin1Char(' '));
    }

    // One file per message: kcat -P sends each file named on its command line as one message.
    QString prepare;
    QString file;
    switch (request.format) {
    case ValueFormat::Hex:
        file = QStringLiteral("value.bin");
        prepare = QStringLiteral("printf '%s' ") + shellQuote(request.value.simplified()) +
                  QStringLiteral(" | xxd -r -p > value.bin && ");
        break;
    case ValueFormat::File:
        file = shellQuote(request.value.isEmpty() ? QStringLiteral("FILE") : request.value);
        break;
    case ValueFormat::Text:
    case ValueFormat::Json:
        file = QStringLiteral("value.txt");
        prepare = QStringLiteral("printf '%s' ") + shellQuote(request.value) + QStringLiteral(" > value.txt && ");
        break;
    }
    if (copies == 1)
        kcat << file;
    else
        kcat << QStringLiteral("$(yes %1 | head -n %2)").arg(file).arg(copies);
    return prepare + kcat.join(QLatin1Char(' '));
}

} // namespace kafdesk::produce
