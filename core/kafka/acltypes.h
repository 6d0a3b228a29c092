#pragma once

// ACL values: what AdminClient sends (CreateAcls, DescribeAcls, DeleteAcls) and returns, as
// plain copies. The enums follow Kafka's own (AclOperation, AclPermissionType, ResourceType,
// PatternType); their names are Kafka's CamelCase names as kafka-acls.sh takes them.

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace kafdesk {

enum class AclResourceType { Any, Topic, Group, Cluster, TransactionalId, DelegationToken, Unknown };
// Match and Any exist only in filters: Match finds the literal, wildcard and prefixed ACLs that
// apply to a name; Any finds every pattern type.
enum class AclPatternType { Any, Match, Literal, Prefixed, Unknown };
enum class AclOperation {
    Any,
    All,
    Read,
    Write,
    Create,
    Delete,
    Alter,
    Describe,
    ClusterAction,
    DescribeConfigs,
    AlterConfigs,
    IdempotentWrite,
    Unknown
};
enum class AclPermission { Any, Allow, Deny, Unknown };

// One ACL: `principal` may (or may not: permission) do `operation` on the resources that
// `resourceName` names under `patternType`, from `host`.
struct AclBinding {
    AclResourceType resourceType = AclResourceType::Topic;
    QString resourceName;
    AclPatternType patternType = AclPatternType::Literal;
    QString principal; // Type:name, e.g. User:alice
    QString host = QStringLiteral("*");
    AclOperation operation = AclOperation::All;
    AclPermission permission = AclPermission::Allow;

    friend bool operator==(const AclBinding &, const AclBinding &) = default;
};

// Which ACLs to list or delete: an empty text or an Any matches every value of that field.
struct AclFilter {
    AclResourceType resourceType = AclResourceType::Any;
    QString resourceName;
    AclPatternType patternType = AclPatternType::Any;
    QString principal;
    QString host;
    AclOperation operation = AclOperation::Any;
    AclPermission permission = AclPermission::Any;

    // The filter that matches exactly this ACL (to delete one listed ACL).
    static AclFilter exactly(const AclBinding &acl);
    // Whether the filter names every field, as a created ACL does.
    bool isExact() const;
    // Whether it leaves every field open (lists, or would delete, every ACL).
    bool matchesEverything() const;

    friend bool operator==(const AclFilter &, const AclFilter &) = default;
};

namespace acl {

// Kafka's names: Topic, Group, Cluster, TransactionalId, DelegationToken; Literal, Prefixed,
// Match, Any; Read, ClusterAction, ...; Allow, Deny.
QString name(AclResourceType type);
QString name(AclPatternType type);
QString name(AclOperation operation);
QString name(AclPermission permission);
// Words for people in tables and menus: "Transactional ID", "Cluster action", ...
QString displayName(AclResourceType type);
QString displayName(AclOperation operation);

// Parses a name as a person may type it: any case, with or without '-', '_' or spaces
// ("transactional-id", "TRANSACTIONAL_ID", "TransactionalId", "cluster action").
std::optional<AclResourceType> parseResourceType(const QString &text);
std::optional<AclPatternType> parsePatternType(const QString &text);
std::optional<AclOperation> parseOperation(const QString &text);
std::optional<AclPermission> parsePermission(const QString &text);

// The concrete values (no Any, no Unknown), in Kafka's order, for menus and usage texts.
QList<AclResourceType> resourceTypes();
QList<AclOperation> operations();
// The operations Kafka defines for a resource type (All included), as kafka-acls.sh checks them.
QList<AclOperation> operationsFor(AclResourceType type);
// The names of a list, joined: "Read, Write, ...".
QString names(const QList<AclOperation> &operations);
QString names(const QList<AclResourceType> &types);

// One ACL as a sentence: Allow User:alice to Read topics starting with "orders" from any host.
QString sentence(const AclBinding &acl);
// The resource part alone: topic "orders", topics starting with "orders", every group, the cluster.
QString resourceText(AclResourceType type, const QString &name, AclPatternType pattern);

// The one resource name a cluster ACL can have.
inline QString clusterResourceName() { return QStringLiteral("kafka-cluster"); }

} // namespace acl
} // namespace kafdesk
