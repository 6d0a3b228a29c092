#include "views/producepage.h"

namespace kafdesk {

ProducePage::ProducePage(QWidget *parent) : ClusterPage(parent) {}

void ProducePage::setTopic(const QString &topic)
{
    m_topic = topic;
}

} // namespace kafdesk
