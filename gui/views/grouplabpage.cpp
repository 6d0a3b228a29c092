#include "views/grouplabpage.h"

namespace kafdesk {

GroupLabPage::GroupLabPage(QWidget *parent) : ClusterPage(parent) {}

void GroupLabPage::setTopic(const QString &topic)
{
    m_topic = topic;
}

} // namespace kafdesk
