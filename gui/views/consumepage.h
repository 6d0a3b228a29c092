#pragma once

#include "views/clusterpage.h"

namespace kafdesk {

// Reading a topic into a bounded buffer: start position, assignment or group, decoders, filter, detail, rate chart, export.
class ConsumePage : public ClusterPage {
    Q_OBJECT
public:
    explicit ConsumePage(QWidget *parent = nullptr);

    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }

private:
    QString m_topic;
};

} // namespace kafdesk
