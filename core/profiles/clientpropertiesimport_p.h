#pragma once

// Helpers shared by the files of ClientPropertiesImport; not a public API.

#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QString>

#include <optional>

namespace kafdesk::importdetail {

inline std::optional<QString> take(QMap<QString, QString> &props, const char *key)
{
    const auto it = props.find(QLatin1String(key));
    if (it == props.end())
        return std::nullopt;
    QString value = it.value();
    props.erase(it);
    return value;
}

inline QString shellQuoted(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_./:=+-]+$"));
    if (plain.match(text).hasMatch())
        return text;
    QString out = text;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

// Java's default store type is JKS; a file name often says better.
inline QString storeType(const std::optional<QString> &type, const QString &location)
{
    if (type && !type->trimmed().isEmpty())
        return type->trimmed().toUpper();
    const QString suffix = QFileInfo(location).suffix().toLower();
    if (suffix == QLatin1String("pem") || suffix == QLatin1String("crt") || suffix == QLatin1String("cer"))
        return QStringLiteral("PEM");
    if (suffix == QLatin1String("p12") || suffix == QLatin1String("pfx"))
        return QStringLiteral("PKCS12");
    return QStringLiteral("JKS");
}

inline QString besideFile(const QString &location, const QString &suffix)
{
    const QFileInfo info(location);
    const QString dir = info.path() == QLatin1String(".") ? QString() : info.path() + QLatin1Char('/');
    return dir + info.completeBaseName() + suffix;
}

} // namespace kafdesk::importdetail
