#pragma once

#include "kafka/acltypes.h"
#include "models/mergingtablemodel.h"

#include <QSortFilterProxyModel>

namespace kafdesk {

// The ACLs of one cluster, one row per ACL, sorted by principal then resource (the order
// AdminClient::describeAcls returns). A refresh merges (sortedmerge.h): only rows that went away
// or came are signalled, so selection, scroll and a proxy's sort survive. GUI thread only.
class AclTableModel : public MergingTableModel {
    Q_OBJECT
public:
    enum Column {
        PrincipalColumn,
        HostColumn,
        ResourceTypeColumn,
        PatternColumn,
        ResourceColumn,
        OperationColumn,
        PermissionColumn,
        ColumnCount
    };
    enum Role {
        AclRole = Qt::UserRole + 1, // int: the row in acls(), on every column
        SortRole,                   // what a proxy sorts by
    };

    explicit AclTableModel(QObject *parent = nullptr);

    void setAcls(QList<AclBinding> acls);
    // Another cluster: the data set itself changes, so this one resets.
    void clear();
    const QList<AclBinding> &acls() const { return m_acls; }
    // The ACL of a row of this model, or nullptr.
    const AclBinding *aclAt(int row) const;
    int rowOf(const AclBinding &acl) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static bool less(const AclBinding &a, const AclBinding &b);

private:
    QList<AclBinding> m_acls;
};

// The page's filter fields over an AclTableModel: the principal and the resource name contain
// the text (any case), the operation is the one chosen (Any: every one). Local: the whole list
// is fetched, so typing costs no request.
class AclFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit AclFilterModel(QObject *parent = nullptr);

    void setPrincipalFilter(const QString &text);
    void setResourceFilter(const QString &text);
    void setOperationFilter(AclOperation operation);
    QString principalFilter() const { return m_principal; }
    QString resourceFilter() const { return m_resource; }
    AclOperation operationFilter() const { return m_operation; }
    bool isFiltering() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_principal;
    QString m_resource;
    AclOperation m_operation = AclOperation::Any;
};

} // namespace kafdesk
