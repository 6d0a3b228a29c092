#include "views/clusterpage.h"

#include "cluster/clustersession.h"
#include "widgets/messagelog.h"

namespace kafdesk {

ClusterPage::ClusterPage(QWidget *parent) : QWidget(parent) {}

void ClusterPage::attach(ClusterSession *session, MessageLog *log)
{
    m_session = session;
    m_log = log;
}

ClusterSession *ClusterPage::session() const
{
    return m_session;
}

MessageLog *ClusterPage::messageLog() const
{
    return m_log;
}

bool ClusterPage::isReadOnly() const
{
    return m_session && m_session->settings().readOnly;
}

QString ClusterPage::readOnlyReason() const
{
    if (!isReadOnly())
        return {};
    return tr("The connection \"%1\" is read-only: changes are disabled. Clear \"Read-only\" in its settings to "
              "make changes.")
        .arg(m_session->settings().name);
}

} // namespace kafdesk
