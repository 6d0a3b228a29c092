#include "dialogs/topicdialogconfigchange.h"

#include "admin/topicadmin.h"
#include "models/configunits.h"

#include <algorithm>

namespace kafdesk {

QString TopicDialogConfigChange::text() const
{
    switch (kind) {
    case Kind::Reset:
        return tr("%1: %2 → reset to default").arg(name, before);
    case Kind::Added:
    case Kind::Changed:
        break;
    }
    return tr("%1: %2 → %3").arg(name, before, after);
}

QString TopicDialogConfigChange::withUnits(const QString &name, const QString &value)
{
    const QString human = humanConfigValue(name, value);
    return human.isEmpty() ? value : QStringLiteral("%1 = %2").arg(value, human);
}

QList<TopicDialogConfigChange> TopicDialogConfigChange::compute(const QList<ConfigEntry> &current,
                                                                const AlterTopicConfigsRequest &request)
{
    QMap<QString, QString> before;
    QMap<QString, ConfigEntry> byName;
    for (const ConfigEntry &e : current) {
        byName.insert(e.name, e);
        if (e.source == QLatin1String("DYNAMIC_TOPIC_CONFIG") && !e.isValueNull)
            before.insert(e.name, e.value);
    }
    const QMap<QString, QString> after = TopicAdmin::mergedDynamicConfigs(current, request);

    QStringList names = before.keys() + after.keys();
    names.sort();
    names.erase(std::unique(names.begin(), names.end()), names.end());

    QList<TopicDialogConfigChange> changes;
    for (const QString &name : names) {
        const bool was = before.contains(name);
        const bool will = after.contains(name);
        if (was && will && before.value(name) == after.value(name))
            continue;
        TopicDialogConfigChange c;
        c.name = name;
        if (was && !will) {
            c.kind = Kind::Reset;
            c.before = before.value(name);
            c.beforeSource = QStringLiteral("DYNAMIC_TOPIC_CONFIG");
        } else if (was) {
            c.kind = Kind::Changed;
            c.before = before.value(name);
            c.beforeSource = QStringLiteral("DYNAMIC_TOPIC_CONFIG");
            c.after = after.value(name);
        } else {
            c.kind = Kind::Added;
            const ConfigEntry inherited = byName.value(name);
            c.before = inherited.sensitive ? QString() : inherited.value;
            c.beforeSource = inherited.source;
            c.after = after.value(name);
        }
        changes << c;
    }
    return changes;
}

} // namespace kafdesk
