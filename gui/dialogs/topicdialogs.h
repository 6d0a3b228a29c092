#pragma once

#include <QString>

class QDialog;
class QWidget;

namespace kafdesk {

class ClusterSession;
class MessageLog;

// The topic dialogs, opened non-modally (the window stays usable; WA_DeleteOnClose). Each
// validates as the user types, shows the equivalent Kafka command line (live, with a copy
// button), submits through the session, and shows the result or the broker's refusal inside the
// dialog. A success is also posted to the log. Each returns the dialog it opened.
namespace topicdialogs {

// Shows a dialog non-modally: the window stays usable while it is open; it deletes itself when
// closed. Returns it. (Every dialog of the window opens this way, the group dialogs too.)
QDialog *showNonModal(QDialog *dialog);

QDialog *createTopic(QWidget *parent, ClusterSession *session, MessageLog *log);
QDialog *addPartitions(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic);
QDialog *editConfigs(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic);
// Asks the user to type the topic's name to confirm.
QDialog *deleteTopic(QWidget *parent, ClusterSession *session, MessageLog *log, const QString &topic);

} // namespace topicdialogs
} // namespace kafdesk
