#pragma once

#include "admin/grouplag.h"
#include "admin/requests.h"
#include "dialogs/topicdialog.h"

#include <optional>

class QComboBox;

namespace kafdesk {

// Delete a consumer group's committed offsets for one topic (every partition it committed there),
// chosen among the group's topics; the dialog names exactly the partitions and offsets that go
// (from the group's lag, when known). The broker refuses while a member is subscribed to the
// topic; its own text is shown.
class DeleteGroupOffsetsDialog : public TopicDialog {
    Q_OBJECT
public:
    DeleteGroupOffsetsDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &group,
                             const QStringList &topics, const QString &topic = {},
                             const std::optional<GroupLag> &known = std::nullopt);

    DeleteGroupOffsetsRequest request() const;
    QComboBox *topicBox() const { return m_topic; }
    TopicDialogMessage *warning() const { return m_warning; }

Q_SIGNALS:
    void offsetsDeleted(const QString &group, const QString &topic);

protected:
    void submit() override;

private:
    void revalidate();

    QString m_group;
    std::optional<GroupLag> m_known;
    QComboBox *m_topic = nullptr;
    TopicDialogMessage *m_warning = nullptr;
    TopicDialogMessage *m_message = nullptr;
};

} // namespace kafdesk
