#include "dialogs/topicdialogs.h"

#include "dialogs/addpartitionsdialog.h"
#include "dialogs/createtopicdialog.h"
#include "dialogs/deletetopicdialog.h"
#include "dialogs/editconfigsdialog.h"

namespace kafdesk::topicdialogs {

namespace {

// Non-modal: the window stays usable while the dialog is open; it deletes itself when closed.
QDialog *open(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

} // namespace

QDialog *createTopic(QWidget *parent, ClusterSession *session, MessageLog *log)
{
    return open(new CreateTopicDialog(parent, session, log));
}

QDialog *addPartitions(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic)
{
    return open(new AddPartitionsDialog(parent, session, log, topic));
}

QDialog *editConfigs(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic)
{
    return open(new EditConfigsDialog(parent, session, log, topic));
}

QDialog *deleteTopic(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic)
{
    return open(new DeleteTopicDialog(parent, session, log, topic));
}

} // namespace kafdesk::topicdialogs
