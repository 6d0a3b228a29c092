#include "models/configunits.h"

#include <QCoreApplication>
#include <QtNumeric>

#include <limits>

namespace kafdesk {

namespace {

class ConfigUnits {
    Q_DECLARE_TR_FUNCTIONS(kafdesk::ConfigUnits)
public:
    static QString approximately(const QString &text, bool exact)
    {
        return exact ? text : tr("≈ %1").arg(text);
    }
};

constexpr qint64 Second = 1000;
constexpr qint64 Minute = 60 * Second;
constexpr qint64 Hour = 60 * Minute;
constexpr qint64 Day = 24 * Hour;

// value / unit with at most `decimals` decimals, trailing zeros dropped; `exact` tells whether
// anything was rounded away. Fixed point, so 1.5 is "1.5" in every locale and nothing drifts;
// value >= 0, unit <= 2^50 and decimals <= 3 keep the products below 2^63.
QString ratio(qint64 value, qint64 unit, int decimals, bool &exact)
{
    qint64 scale = 1;
    for (int i = 0; i < decimals; ++i)
        scale *= 10;
    qint64 whole = value / unit;
    const qint64 rest = value % unit;
    qint64 fraction = (rest * scale + unit / 2) / unit;
    exact = (rest * scale) % unit == 0;
    if (fraction == scale) {
        ++whole;
        fraction = 0;
    }
    QString text = QString::number(whole);
    if (fraction > 0) {
        QString digits = QString::number(fraction).rightJustified(decimals, QLatin1Char('0'));
        while (digits.endsWith(QLatin1Char('0')))
            digits.chop(1);
        text += QLatin1Char('.') + digits;
    }
    return text;
}

} // namespace

ConfigUnit configUnit(const QString &name)
{
    if (name.endsWith(QLatin1String(".ms")))
        return ConfigUnit::Milliseconds;
    if (name.endsWith(QLatin1String(".seconds")))
        return ConfigUnit::Seconds;
    if (name.endsWith(QLatin1String(".minutes")))
        return ConfigUnit::Minutes;
    if (name.endsWith(QLatin1String(".hours")))
        return ConfigUnit::Hours;
    if (name.endsWith(QLatin1String(".bytes")) || name == QLatin1String("log.cleaner.dedupe.buffer.size") ||
        name == QLatin1String("log.cleaner.io.buffer.size"))
        return ConfigUnit::Bytes;
    return ConfigUnit::None;
}

QString formatDuration(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms < Second)
        return ConfigUnits::tr("%1 ms").arg(ms);
    bool exact = true;
    if (ms < Minute) {
        const QString s = ratio(ms, Second, 3, exact);
        return ConfigUnits::approximately(ConfigUnits::tr("%1 s").arg(s), exact);
    }
    if (ms < Hour) {
        const QString m = ratio(ms, Minute, 2, exact);
        return ConfigUnits::approximately(ConfigUnits::tr("%1 min").arg(m), exact);
    }
    if (ms < Day) {
        const QString h = ratio(ms, Hour, 2, exact);
        return ConfigUnits::approximately(ConfigUnits::tr("%1 h").arg(h), exact);
    }
    bool hoursExact = true;
    const QString days = ratio(ms, Day, 2, exact);
    const QString hours = ratio(ms, Hour, 2, hoursExact);
    const QString text = days == QLatin1String("1") ? ConfigUnits::tr("%1 day (%2 h)").arg(days, hours)
                                                    : ConfigUnits::tr("%1 days (%2 h)").arg(days, hours);
    return ConfigUnits::approximately(text, exact);
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return {};
    if (bytes < 1024)
        return ConfigUnits::tr("%1 B").arg(bytes);
    // Up to PiB: ratio() needs the unit below 2^50, and 1024 PiB is the most anyone configures.
    static const char *const names[] = {QT_TRANSLATE_NOOP("kafdesk::ConfigUnits", "%1 KiB"),
                                        QT_TRANSLATE_NOOP("kafdesk::ConfigUnits", "%1 MiB"),
                                        QT_TRANSLATE_NOOP("kafdesk::ConfigUnits", "%1 GiB"),
                                        QT_TRANSLATE_NOOP("kafdesk::ConfigUnits", "%1 TiB"),
                                        QT_TRANSLATE_NOOP("kafdesk::ConfigUnits", "%1 PiB")};
    int index = 0;
    qint64 unit = 1024;
    while (index < 4 && bytes >= unit * 1024) {
        unit *= 1024;
        ++index;
    }
    bool exact = true;
    const QString figure = ratio(bytes, unit, 2, exact);
    return ConfigUnits::approximately(ConfigUnits::tr(names[index]).arg(figure), exact);
}

QString humanConfigValue(const QString &name, const QString &value)
{
    const ConfigUnit unit = configUnit(name);
    if (unit == ConfigUnit::None)
        return {};
    bool ok = false;
    const qint64 number = value.trimmed().toLongLong(&ok);
    if (!ok)
        return {};
    if (number == -1 || number == std::numeric_limits<qint64>::max())
        return ConfigUnits::tr("unlimited");
    // Tiered storage: -2 keeps on local disk what the whole log keeps (local.retention.ms follows
    // retention.ms, log.local.retention.bytes follows log.retention.bytes).
    if (number == -2 && name.contains(QLatin1String("local.retention.")))
        return ConfigUnits::tr("same as %1").arg(QString(name).remove(QLatin1String("local.")));
    if (number < 0)
        return {};
    qint64 factor = 1;
    switch (unit) {
    case ConfigUnit::Bytes:
        return formatBytes(number);
    case ConfigUnit::Milliseconds:
        return formatDuration(number);
    case ConfigUnit::Seconds:
        factor = Second;
        break;
    case ConfigUnit::Minutes:
        factor = Minute;
        break;
    case ConfigUnit::Hours:
        factor = Hour;
        break;
    case ConfigUnit::None:
        return {};
    }
    qint64 ms = 0;
    if (qMulOverflow(number, factor, &ms))
        return ConfigUnits::tr("unlimited"); // more than 292 million years
    return formatDuration(ms);
}

} // namespace kafdesk
