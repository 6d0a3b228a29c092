#include "models/acltablemodel.h"

#include <QFont>

#include <tuple>

namespace kafdesk {

namespace {

auto keyOf(const AclBinding &x)
{
    return std::make_tuple(x.principal, static_cast<int>(x.resourceType), x.resourceName, static_cast<int>(x.patternType),
                           static_cast<int>(x.operation), static_cast<int>(x.permission), x.host);
}

} // namespace

AclTableModel::AclTableModel(QObject *parent) : MergingTableModel(parent) {}

bool AclTableModel::less(const AclBinding &a, const AclBinding &b)
{
    return keyOf(a) < keyOf(b);
}

void AclTableModel::setAcls(QList<AclBinding> acls)
{
    mergeRows(m_acls, std::move(acls), &AclTableModel::less, ColumnCount);
}

void AclTableModel::clear()
{
    beginResetModel();
    m_acls.clear();
    endResetModel();
}

const AclBinding *AclTableModel::aclAt(int row) const
{
    return row >= 0 && row < m_acls.size() ? &m_acls.at(row) : nullptr;
}

int AclTableModel::rowOf(const AclBinding &acl) const
{
    const auto it = std::lower_bound(m_acls.cbegin(), m_acls.cend(), acl, &AclTableModel::less);
    return it != m_acls.cend() && *it == acl ? static_cast<int>(it - m_acls.cbegin()) : -1;
}

int AclTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_acls.size());
}

int AclTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AclTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AclBinding &a = m_acls.at(index.row());
    if (role == AclRole)
        return index.row();
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case PrincipalColumn: return a.principal;
        case HostColumn: return a.host == QLatin1String("*") && role == Qt::DisplayRole ? tr("* (any host)") : a.host;
        case ResourceTypeColumn: return acl::displayName(a.resourceType);
        case PatternColumn: return acl::name(a.patternType);
        case ResourceColumn:
            return a.resourceName == QLatin1String("*") && a.patternType == AclPatternType::Literal && role == Qt::DisplayRole
                       ? tr("* (every %1)").arg(acl::displayName(a.resourceType).toLower())
                       : a.resourceName;
        case OperationColumn: return acl::displayName(a.operation);
        case PermissionColumn: return acl::name(a.permission);
        default: break;
        }
    }
    if (role == Qt::ToolTipRole)
        return acl::sentence(a);
    if (role == Qt::FontRole && index.column() == PermissionColumn && a.permission == AclPermission::Deny) {
        // A deny overrides every allow: it stands out by weight as well as by word.
        QFont f;
        f.setBold(true);
        return f;
    }
    return {};
}

QVariant AclTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case PrincipalColumn: return tr("Principal");
    case HostColumn: return tr("Host");
    case ResourceTypeColumn: return tr("Resource type");
    case PatternColumn: return tr("Pattern");
    case ResourceColumn: return tr("Resource");
    case OperationColumn: return tr("Operation");
    case PermissionColumn: return tr("Permission");
    default: return {};
    }
}

AclFilterModel::AclFilterModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(AclTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void AclFilterModel::setPrincipalFilter(const QString &text)
{
    if (text.trimmed() == m_principal)
        return;
    m_principal = text.trimmed();
    invalidateRowsFilter();
}

void AclFilterModel::setResourceFilter(const QString &text)
{
    if (text.trimmed() == m_resource)
        return;
    m_resource = text.trimmed();
    invalidateRowsFilter();
}

void AclFilterModel::setOperationFilter(AclOperation operation)
{
    if (operation == m_operation)
        return;
    m_operation = operation;
    invalidateRowsFilter();
}

bool AclFilterModel::isFiltering() const
{
    return !m_principal.isEmpty() || !m_resource.isEmpty() || m_operation != AclOperation::Any;
}

bool AclFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent)
    const auto *model = qobject_cast<const AclTableModel *>(sourceModel());
    const AclBinding *a = model ? model->aclAt(sourceRow) : nullptr;
    if (!a)
        return false;
    if (!m_principal.isEmpty() && !a->principal.contains(m_principal, Qt::CaseInsensitive))
        return false;
    if (!m_resource.isEmpty() && !a->resourceName.contains(m_resource, Qt::CaseInsensitive))
        return false;
    return m_operation == AclOperation::Any || a->operation == m_operation;
}

} // namespace kafdesk
