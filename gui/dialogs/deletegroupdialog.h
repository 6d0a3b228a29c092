#pragma once

#include "admin/grouplag.h"
#include "admin/requests.h"
#include "dialogs/topicdialog.h"

#include <optional>

class QLineEdit;

namespace kafdesk {

// Delete a consumer group with every offset it committed, which cannot be undone: the dialog says
// exactly what goes (from the group's lag, when known), and Delete stays disabled until the
// group's name is typed. The broker refuses while the group has members; its own text is shown.
class DeleteGroupDialog : public TopicDialog {
    Q_OBJECT
public:
    DeleteGroupDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &group,
                      const std::optional<GroupLag> &known = std::nullopt);

    DeleteGroupRequest request() const { return DeleteGroupRequest{m_group}; }
    QLineEdit *confirmEdit() const { return m_confirm; }
    TopicDialogMessage *warning() const { return m_warning; }

Q_SIGNALS:
    void groupDeleted(const QString &group);

protected:
    void submit() override;

private:
    void revalidate();

    QString m_group;
    TopicDialogMessage *m_warning = nullptr;
    QLineEdit *m_confirm = nullptr;
    TopicDialogMessage *m_message = nullptr;
};

} // namespace kafdesk
