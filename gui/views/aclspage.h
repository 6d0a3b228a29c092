#pragma once

#include "views/clusterpage.h"

#include "kafka/acltypes.h"

#include <QElapsedTimer>

class QAction;
class QComboBox;
class QDialog;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace kafdesk {

class AclFilterModel;
class AclTableModel;
class CommandLinePreview;

// The ACLs of the cluster (DescribeAcls with an open filter), filtered here by principal,
// resource name and operation, with the kafka-acls.sh line of the selected ACL (or of the
// listing). Loads on attach, when shown (at most every staleAfterMs), on refresh() and after a
// dialog changed something, never two at a time; a stale answer (another session) is dropped and
// a refresh merges, so selection and sort survive. Create ACL… and Delete… (also the Delete key)
// open their dialogs, disabled with the reason on read-only connections. GUI thread only.
class AclsPage : public ClusterPage {
    Q_OBJECT
public:
    static constexpr int staleAfterMs = 10000;

    explicit AclsPage(QWidget *parent = nullptr);

    void attach(ClusterSession *session, MessageLog *log) override;
    void showSnapshot(const ClusterSnapshotPtr &snapshot) override;
    void focusFilter() override;
    void refresh() override;
    void deleteSelected() override;

    AclTableModel *aclModel() const { return m_acls; }
    AclFilterModel *proxyModel() const { return m_proxy; }
    QTableView *table() const { return m_table; }
    QLineEdit *principalFilter() const { return m_principal; }
    QLineEdit *resourceFilter() const { return m_resource; }
    QComboBox *operationFilter() const { return m_operation; }
    CommandLinePreview *commandLine() const { return m_command; }
    QAction *createAction() const { return m_createAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    bool isLoading() const { return m_request != 0; }
    bool hasLoaded() const { return m_loaded; }
    // The sentence shown instead of the table (loading, no ACL, error), or empty.
    QString emptyStateText() const;
    QList<AclBinding> selectedAcls() const;
    // Selects the ACL's row; false when it is not listed (or filtered out).
    bool selectAcl(const AclBinding &acl);

    // Open the dialogs (non-modal, deleted on close); nullptr when not allowed.
    QDialog *createAcl();
    QDialog *deleteAcls();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildToolbar();
    QWidget *buildFilters();
    QWidget *buildStatePage();
    void updateActions();
    void updateCommand();
    void showContextMenu(const QPoint &pos);
    void load();
    void showState(const QString &text, const QString &hint, bool busy);
    void updateView();

    AclTableModel *m_acls = nullptr;
    AclFilterModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_principal = nullptr;
    QLineEdit *m_resource = nullptr;
    QComboBox *m_operation = nullptr;
    QLabel *m_count = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_state = nullptr;
    QLabel *m_hint = nullptr;
    QWidget *m_busy = nullptr;
    CommandLinePreview *m_command = nullptr;
    QAction *m_createAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_copyAction = nullptr;

    quint64 m_generation = 0; // bumped by attach(): older answers are dropped
    quint64 m_request = 0;
    QElapsedTimer m_sinceLoad;
    bool m_again = false;
    bool m_loaded = false;
    bool m_failing = false;
};

} // namespace kafdesk
