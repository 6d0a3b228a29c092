#pragma once

#include "views/clusterpage.h"

namespace kafdesk {

// The consumer-group lab: 1-8 in-app consumers in one group on a topic, and who owns which partition.
class GroupLabPage : public ClusterPage {
    Q_OBJECT
public:
    explicit GroupLabPage(QWidget *parent = nullptr);

    void setTopic(const QString &topic);
    QString topic() const { return m_topic; }

private:
    QString m_topic;
};

} // namespace kafdesk
