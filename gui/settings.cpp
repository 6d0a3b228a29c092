#include "settings.h"

namespace kafdesk::settings {

const SettingValue<bool> &keepLocalClusterRunning()
{
    static const SettingValue<bool> v(QStringLiteral("localCluster/keepRunningAfterQuit"), false);
    return v;
}

const SettingValue<QByteArray> &mainWindowGeometry()
{
    static const SettingValue<QByteArray> v(QStringLiteral("mainWindow/geometry"), QByteArray());
    return v;
}

const SettingValue<QByteArray> &mainWindowState()
{
    static const SettingValue<QByteArray> v(QStringLiteral("mainWindow/state"), QByteArray());
    return v;
}

const SettingValue<QByteArray> &mainWindowSplitter()
{
    static const SettingValue<QByteArray> v(QStringLiteral("mainWindow/splitter"), QByteArray());
    return v;
}

const SettingValue<int> &metadataIntervalMs()
{
    static const SettingValue<int> v(QStringLiteral("polling/metadataIntervalMs"), 2000);
    return v;
}

const SettingValue<int> &replicationIntervalMs()
{
    static const SettingValue<int> v(QStringLiteral("polling/replicationIntervalMs"), 1000);
    return v;
}

const SettingValue<int> &savedConnectionCount()
{
    static const SettingValue<int> v(QStringLiteral("connections/count"), 0);
    return v;
}

const SettingValue<QStringList> &completedLessons()
{
    static const SettingValue<QStringList> v(QStringLiteral("lessons/completed"), QStringList());
    return v;
}

} // namespace kafdesk::settings
