#include "views/groupdetailpage.h"

namespace kafdesk {

GroupDetailPage::GroupDetailPage(QWidget *parent) : ClusterPage(parent) {}

void GroupDetailPage::showGroup(const QString &group)
{
    m_group = group;
}

} // namespace kafdesk
