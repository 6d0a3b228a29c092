#include "dialogs/topicdialogs.h"

#include "dialogs/addpartitionsdialog.h"
#include "dialogs/createtopicdialog.h"
#include "dialogs/deletetopicdialog.h"
#include "dialogs/editconfigsdialog.h"

namespace kafdesk::topicdialogs {

QDialog *showNonModal(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

QDialog *createTopic(QWidget *parent, ClusterSession *session, MessageLog *log)
{
    return showNonModal(new CreateTopicDialog(parent, session, log));
}

QDialog *addPartitions(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic)
{
    return showNonModal(new AddPartitionsDialog(parent, session, log, topic));
}

QDialog *editConfigs(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic)
{
    return showNonModal(new EditConfigsDialog(parent, session, log, topic));
}

QDialog *deleteTopic(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic)
{
    return showNonModal(new DeleteTopicDialog(parent, session, log, topic));
}

} // namespace kafdesk::topicdialogs
