#pragma once

#include "admin/requests.h"
#include "dialogs/topicdialog.h"

class QLineEdit;

namespace kafdesk {

class TopicDialogMessage;

// Delete a topic, which cannot be undone: Delete stays disabled until the topic's name is typed.
class DeleteTopicDialog : public TopicDialog {
    Q_OBJECT
public:
    DeleteTopicDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic);

    DeleteTopicsRequest request() const { return DeleteTopicsRequest{{m_topic}}; }

protected:
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void submit() override;

private:
    void revalidate();
    QString consequences(const TopicState *topic) const;

    QString m_topic;
    TopicDialogMessage *m_warning = nullptr;
    QLineEdit *m_confirm = nullptr;
    TopicDialogMessage *m_message = nullptr;
    bool m_missing = false;
};

} // namespace kafdesk
