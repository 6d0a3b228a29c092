#pragma once

#include "dialogs/connectionrequest.h"
#include "profiles/connectionprofile.h"

#include <QDialog>
#include <QMap>
#include <QPointer>

class QFrame;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTextBrowser;

namespace kafdesk {

class ClientPropertiesImport;
class ProfileEditor;
class ProfileListModel;
class ProfileStore;

// Pick, edit and test connections: the bundled local cluster first, then the saved profiles.
// Connect resolves the chosen profile's secrets (the keychain, or a password typed for this
// connection only when there is none), emits connectRequested() and closes. Test connection
// runs on a pool thread, so a dead address leaves the dialog responsive; nothing here blocks.
class ConnectionsDialog : public QDialog {
    Q_OBJECT
public:
    ConnectionsDialog(ProfileStore *store, const QString &localClusterName, QWidget *parent = nullptr);
    ~ConnectionsDialog() override;

    ProfileListModel *model() const { return m_model; }
    ProfileEditor *editor() const { return m_editor; }
    // How long Test connection waits for metadata (default 10 s).
    void setTestTimeout(int milliseconds) { m_testTimeoutMs = milliseconds; }
    bool isTesting() const { return m_testGeneration != 0; }

public Q_SLOTS:
    void selectLocalCluster();
    void selectProfile(const QString &name);
    void newProfile();
    void duplicateProfile();
    void deleteProfile();          // asks first
    void importClientProperties(); // a file dialog, then importFile()
    void importFile(const QString &path);
    void testConnection();
    void cancelTest();
    void connectSelected();

Q_SIGNALS:
    void connectRequested(const kafdesk::ConnectionRequest &request);
    // A Test connection finished (not cancelled): `ok` and the text it shows.
    void testFinished(bool ok, const QString &message);

public:
    void reject() override;

private:
    enum class Action { Test, Connect };

    void buildUi();
    bool localSelected() const;
    void onCurrentChanged(const QModelIndex &current, const QModelIndex &previous);
    void showSelection(const QModelIndex &index);
    void setCurrentRow(int row);
    void updateButtons();
    void run(Action action);
    QStringList missingSecrets(const ConnectionProfile &profile) const;
    void showSecretPrompt(const QStringList &fields, Action action);
    void clearSecretPrompt();
    void startTest(const ConnectionSettings &settings, bool local);
    void setBusy(bool busy);
    void showTestResult(bool ok, const QString &message, const QString &detail);
    void finishImport(ClientPropertiesImport import, bool takeDangerous);
    void showImportReport(const ClientPropertiesImport &import, bool tookDangerous);
    QString unusedName(const QString &base) const;

    QPointer<ProfileStore> m_store;
    QString m_localClusterName;
    ProfileListModel *m_model = nullptr;
    ProfileEditor *m_editor = nullptr;
    QListView *m_list = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_localText = nullptr;
    QFrame *m_importPanel = nullptr;
    QTextBrowser *m_importReport = nullptr;
    QFrame *m_secretPanel = nullptr;
    QLabel *m_secretReason = nullptr;
    QFormLayout *m_secretForm = nullptr;
    QMap<QString, QLineEdit *> m_secretEdits; // field -> its password field
    QString m_secretProfile;                  // the profile the prompt is for
    Action m_secretAction = Action::Connect;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_connectButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QProgressBar *m_busy = nullptr;
    QLabel *m_testStatus = nullptr;
    QLabel *m_testDetail = nullptr;

    int m_testTimeoutMs = 10000;
    quint64 m_testGeneration = 0; // the running test's; 0 when none runs
    quint64 m_lastGeneration = 0;
    bool m_followSelection = true; // false while the dialog moves the selection itself
    bool m_pendingAction = false;  // an action waits for the keychain
    Action m_pending = Action::Connect;
};

} // namespace kafdesk
