#pragma once

#include "admin/requests.h"
#include "kafka/admintypes.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace kafdesk {

// One line of the edit-configs preview: what a change does to one of the topic's configs.
// Computed from the dynamic set TopicAdmin::mergedDynamicConfigs sends, so the preview is exactly
// what goes to the broker.
struct TopicDialogConfigChange {
    Q_DECLARE_TR_FUNCTIONS(kafdesk::TopicDialogConfigChange)

public:
    enum class Kind {
        Added,   // a new topic override of an inherited value
        Changed, // a topic override gets another value
        Reset,   // a topic override is removed: the topic inherits the broker's or Kafka's default again
    };
    QString name;
    Kind kind = Kind::Added;
    QString before;       // the topic's override, or for Added the value it inherits now
    QString beforeSource; // librdkafka's source name of `before`
    QString after;        // empty for Reset

    // "retention.ms: 604800000 → 86400000", "max.message.bytes: 200000 → reset to default"
    QString text() const;
    friend bool operator==(const TopicDialogConfigChange &, const TopicDialogConfigChange &) = default;

    // Every config whose topic override differs between `current` and the merged set the request
    // would send, sorted by name. A request that sets a config to the value it has changes nothing.
    // "86400000 = 1 day" for a config with a unit (configunits.h), else the value as it is.
    static QString withUnits(const QString &name, const QString &value);

    static QList<TopicDialogConfigChange> compute(const QList<ConfigEntry> &current,
                                                  const AlterTopicConfigsRequest &request);
};

} // namespace kafdesk
