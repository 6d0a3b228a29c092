// GroupDetailPage: the dialogs it opens for its group.

#include "views/groupdetailpage.h"

#include "cluster/clustersession.h"
#include "dialogs/deletegroupdialog.h"
#include "dialogs/deletegroupoffsetsdialog.h"
#include "dialogs/resetoffsetsdialog.h"
#include "dialogs/topicdialogs.h"

#include <QDialog>

namespace kafdesk {

QDialog *GroupDetailPage::resetOffsets(const QString &topic)
{
    if (!session() || isReadOnly() || m_group.isEmpty() || !m_exists)
        return nullptr;
    QStringList topics;
    if (m_lag)
        for (const PartitionLag &p : m_lag->partitions)
            if (!topics.contains(p.topic))
                topics << p.topic;
    auto *dialog = new ResetOffsetsDialog(this, session(), messageLog(), m_group, topics, topic);
    connect(dialog, &ResetOffsetsDialog::resetExecuted, this, &GroupDetailPage::refresh);
    return topicdialogs::showNonModal(dialog);
}

QDialog *GroupDetailPage::deleteOffsets(const QString &topic)
{
    const QStringList topics = committedTopics();
    if (!session() || isReadOnly() || m_group.isEmpty() || topics.isEmpty())
        return nullptr;
    auto *dialog = new DeleteGroupOffsetsDialog(this, session(), messageLog(), m_group, topics, topic, m_lag);
    connect(dialog, &DeleteGroupOffsetsDialog::offsetsDeleted, this, &GroupDetailPage::refresh);
    return topicdialogs::showNonModal(dialog);
}

QDialog *GroupDetailPage::deleteGroup()
{
    if (!session() || isReadOnly() || m_group.isEmpty() || !m_exists)
        return nullptr;
    auto *dialog = new DeleteGroupDialog(this, session(), messageLog(), m_group, m_lag);
    connect(dialog, &DeleteGroupDialog::groupDeleted, this, &GroupDetailPage::refresh);
    return topicdialogs::showNonModal(dialog);
}

void GroupDetailPage::deleteSelected()
{
    deleteGroup();
}

} // namespace kafdesk
