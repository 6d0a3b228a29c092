#pragma once

#include "admin/requests.h"
#include "dialogs/topicdialog.h"

class QLabel;
class QSpinBox;

namespace kafdesk {

class TopicDialogMessage;

// Add partitions to a topic: the new total must be above the count in the latest snapshot, and
// the dialog says plainly that keyed records map to other partitions afterwards.
class AddPartitionsDialog : public TopicDialog {
    Q_OBJECT
public:
    AddPartitionsDialog(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic);

    AddPartitionsRequest request() const;
    // The topic's partition count in the latest snapshot; -1 while unknown.
    int currentPartitions() const { return m_current; }

protected:
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void submit() override;

private:
    void revalidate();

    QString m_topic;
    QLabel *m_currentLabel = nullptr;
    QSpinBox *m_total = nullptr;
    TopicDialogMessage *m_message = nullptr;
    TopicDialogMessage *m_keyWarning = nullptr;
    int m_current = -1;
    bool m_missing = false; // the snapshot has no such topic
    bool m_totalTouched = false;
};

} // namespace kafdesk
