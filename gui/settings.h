#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace kafdesk {

// One home for every persisted GUI setting: its key and its default live here, nowhere else.
template <typename T>
class SettingValue {
public:
    SettingValue(QString key, T defaultValue) : m_key(std::move(key)), m_default(std::move(defaultValue)) {}
    T get() const { return QSettings().value(m_key, QVariant::fromValue(m_default)).template value<T>(); }
    void set(const T &value) const { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    bool isSet() const { return QSettings().contains(m_key); }
    const QString &key() const { return m_key; }

private:
    QString m_key;
    T m_default;
};

namespace settings {

// Whether a local cluster that Kafdesk started keeps running after Kafdesk quits.
const SettingValue<bool> &keepLocalClusterRunning();
const SettingValue<QByteArray> &mainWindowGeometry();
const SettingValue<QByteArray> &mainWindowState();
const SettingValue<QByteArray> &mainWindowSplitter();
// How often the broker list refreshes.
const SettingValue<int> &metadataIntervalMs();
// While a replication view (topic detail, partition map, timeline, drill, local cluster) is shown.
const SettingValue<int> &replicationIntervalMs();
// How many saved connection profiles there are; none means a first run.
const SettingValue<int> &savedConnectionCount();
// The guided lessons whose check has passed (their ids): ticked in the list, next time too.
const SettingValue<QStringList> &completedLessons();

} // namespace settings
} // namespace kafdesk
