#pragma once

#include <QString>

namespace kafdesk {

// What the number in a config value counts, judged from the key: Kafka names durations by their
// unit (retention.ms, log.retention.hours, offsets.retention.minutes) and sizes by .bytes.
enum class ConfigUnit { None, Milliseconds, Seconds, Minutes, Hours, Bytes };

ConfigUnit configUnit(const QString &name);

// "250 ms", "1.5 s", "5 min", "1 h", "7 days (168 h)"; "≈ " in front when the figure is rounded.
QString formatDuration(qint64 ms);
// "512 B", "4 KiB", "64 MiB", "1 GiB"; "≈ " in front when the figure is rounded.
QString formatBytes(qint64 bytes);

// The value of a well-known duration or size config in human units ("7 days (168 h)" for
// retention.ms 604800000, "64 MiB" for 67108864 bytes), "unlimited" for -1 (and Long.MAX_VALUE),
// "same as retention.ms" for -2 on a local.retention key; empty for keys without a unit and for
// values that are not whole numbers. Pure.
QString humanConfigValue(const QString &name, const QString &value);

} // namespace kafdesk
