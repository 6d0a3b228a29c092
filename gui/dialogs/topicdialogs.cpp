#include "dialogs/topicdialogs.h"

// Placeholder until the dialogs land (being written in this same change): nothing opens yet.
namespace kafdesk::topicdialogs {

QDialog *createTopic(QWidget *, ClusterSession *, MessageLog *) { return nullptr; }
QDialog *addPartitions(QWidget *, ClusterSession *, MessageLog *, const QString &) { return nullptr; }
QDialog *editConfigs(QWidget *, ClusterSession *, MessageLog *, const QString &) { return nullptr; }
QDialog *deleteTopic(QWidget *, ClusterSession *, MessageLog *, const QString &) { return nullptr; }

} // namespace kafdesk::topicdialogs
