#include "ctl/ctlsupport.h"

#include <QJsonArray>

#include <cstdio>
#include <unistd.h>

namespace kafdesk::ctl {

namespace {

bool parseOnlyMode = false;

} // namespace

void setParseOnly(bool on)
{
    parseOnlyMode = on;
}

bool parseOnly()
{
    return parseOnlyMode;
}

int reportError(const Error &error, int code)
{
    err() << "kafdesk-ctl: " << error.message << '\n';
    if (!error.detail.isEmpty())
        err() << error.detail << '\n';
    err().flush();
    return code;
}

int reportUsage(const QString &message, const QString &usage)
{
    err() << "kafdesk-ctl: " << message << "\n\n" << usage;
    err().flush();
    return ExitUsage;
}

QString formatTable(const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QStringList &r : rows) {
        if (widths.size() < r.size())
            widths.resize(r.size(), 0);
        for (qsizetype c = 0; c < r.size(); ++c)
            widths[c] = std::max(widths[c], r[c].size());
    }
    QString text;
    for (const QStringList &r : rows) {
        QString line;
        for (qsizetype c = 0; c < r.size(); ++c)
            line += r[c].leftJustified(widths[c] + 2);
        while (line.endsWith(QLatin1Char(' ')))
            line.chop(1);
        text += line + QLatin1Char('\n');
    }
    return text;
}

// Indented for a person at a terminal, compact for a pipe: a snapshot of 10,000 partitions is
// 4 MB indented and 1 MB compact.
JsonWriter::Layout jsonLayout()
{
    return isatty(fileno(stdout)) ? JsonWriter::Layout::Indented : JsonWriter::Layout::Compact;
}

void printBytes(const QByteArray &utf8)
{
    // Straight to stdout: through the QTextStream the bytes would be decoded and encoded again.
    out().flush();
    std::fwrite(utf8.constData(), 1, static_cast<size_t>(utf8.size()), stdout);
    std::fflush(stdout);
}

void printJson(const QJsonValue &value)
{
    const auto format = jsonLayout() == JsonWriter::Layout::Indented ? QJsonDocument::Indented : QJsonDocument::Compact;
    QByteArray bytes = value.isArray() ? QJsonDocument(value.toArray()).toJson(format)
                                       : QJsonDocument(value.toObject()).toJson(format);
    if (format == QJsonDocument::Compact)
        bytes += '\n';
    printBytes(bytes);
}

QString joinInts(const QList<int> &values)
{
    QStringList parts;
    for (const int v : values)
        parts << QString::number(v);
    return parts.join(QLatin1Char(','));
}

std::unique_ptr<ClusterOperations> connectFromOptions(const QCommandLineParser &parser, const ConnectionOptions &options,
                                                      int *exitCode, Probe probe)
{
    auto settings = options.settings(parser);
    if (!settings) {
        *exitCode = reportError(settings.error(), ExitUsage);
        return nullptr;
    }
    if (parseOnlyMode) {
        *exitCode = ExitOk;
        return nullptr;
    }
    auto ops = ClusterOperations::connect(settings.value());
    if (!ops) {
        *exitCode = reportError(ops.error(), ExitUsage);
        return nullptr;
    }
    ops.value()->admin().setTimeoutMs(options.timeoutMs(parser));
    // Fail early and clearly when nothing answers, rather than on the first request.
    if (probe == Probe::First) {
        auto md = ops.value()->metadata().fetch(options.timeoutMs(parser), false);
        if (!md) {
            *exitCode = reportError(md.error());
            return nullptr;
        }
    }
    *exitCode = ExitOk;
    return std::move(ops).value();
}

} // namespace kafdesk::ctl
