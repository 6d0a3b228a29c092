#pragma once

#include "views/clusterpage.h"

namespace kafdesk {

// Writing messages to a topic: key, value (text, JSON, hex, file), headers, partition, acks, idempotence, compression, N copies; each delivery report listed.
class ProducePage : public ClusterPage {
    Q_OBJECT
public:
    explicit ProducePage(QWidget *parent = nullptr);

    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }

private:
    QString m_topic;
};

} // namespace kafdesk
