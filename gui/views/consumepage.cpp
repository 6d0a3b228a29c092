#include "views/consumepage.h"

namespace kafdesk {

ConsumePage::ConsumePage(QWidget *parent) : ClusterPage(parent) {}

void ConsumePage::setTopic(const QString &topic)
{
    m_topic = topic;
}

} // namespace kafdesk
