#pragma once

#include "kafka/acltypes.h"
#include "util/result.h"

#include <QList>

namespace kafdesk {

class AdminClient;

// ACL checks before anything is sent: one clear sentence per bad field, so a dialog can show
// each under its field and kafdesk-ctl the first one.
namespace aclvalidation {

enum class Field { Principal, Host, ResourceType, ResourceName, PatternType, Operation, Permission, Filter };

struct Problem {
    Field field;
    QString message;
};

// What a filter is for: listing takes any filter; deleting refuses one that matches every ACL.
enum class Purpose { List, Delete };

// "Type:name" (User:alice, User:*, Group:admins): a type of letters and digits, a name.
std::optional<QString> principalProblem(const QString &principal);
// "*" or an IP address (Kafka compares ACL hosts with the client's IP, never with host names).
std::optional<QString> hostProblem(const QString &host);

QList<Problem> problems(const AclBinding &acl);
QList<Problem> problems(const AclFilter &filter, Purpose purpose);
// The first problem, as a bad-input error (nothing sent), or ok.
Status validate(const AclBinding &acl);
Status validate(const AclFilter &filter, Purpose purpose);

} // namespace aclvalidation

// ACL requests over an AdminClient owned elsewhere (by one worker thread, like ClusterOperations').
// Requests are expected to be validated already (aclvalidation).
class AclAdmin {
public:
    explicit AclAdmin(AdminClient &admin) : m_admin(admin) {}

    Result<QList<AclBinding>> list(const AclFilter &filter = {});
    // Creates the ACLs; the first one the broker refuses fails the call with the broker's text.
    // Creating an ACL that exists already succeeds and changes nothing (Kafka's rule).
    Status create(const QList<AclBinding> &acls);
    // Deletes what the filters match; returns the ACLs deleted (none is not an error).
    Result<QList<AclBinding>> remove(const QList<AclFilter> &filters);

private:
    AdminClient &m_admin;
};

} // namespace kafdesk
