#pragma once

#include "dialogs/topicdialogconfigchange.h"

#include <QGroupBox>
#include <QList>
#include <QStringList>

class QPushButton;
class QTreeWidget;

namespace kafdesk {

class TopicDialogMessage;

// "Changes to apply": the edit-configs preview, one row per config the pending change touches
// (Config | Now | After | Source now, "reset to default" for a removal), an Undo button for the
// selected rows, and a message for what stops the change from being applied. GUI thread only.
class TopicDialogChangePreview : public QGroupBox {
    Q_OBJECT
public:
    explicit TopicDialogChangePreview(QWidget *parent = nullptr);

    void setChanges(const QList<TopicDialogConfigChange> &changes);
    TopicDialogMessage *message() const { return m_message; }
    QTreeWidget *tree() const { return m_tree; }

Q_SIGNALS:
    // The user wants these configs left as they are.
    void undoRequested(const QStringList &names);

private:
    QTreeWidget *m_tree = nullptr;
    QPushButton *m_undo = nullptr;
    TopicDialogMessage *m_message = nullptr;
};

} // namespace kafdesk
