#pragma once

// The kafka-acls.sh lines equivalent to Kafdesk's ACL requests, quoted like every other preview
// (commands/kafkacommand.h). Rules of the tool that the lines follow (Kafka 4.x AclCommand):
//  - --add and --remove take --allow-principal or --deny-principal, --allow-host or --deny-host
//    (default * when a principal is given), --operation (default All) and one resource option:
//    --topic T, --group G, --cluster, --transactional-id T, --delegation-token T.
//  - --resource-pattern-type is literal when left out; --remove and --list also take any and match.
//  - --remove asks for confirmation unless --force is given: the lines carry it, since the
//    line stands for a deletion that was confirmed already.
//  - --list filters by --principal and by the resource only: not by host, operation or permission.

#include "commands/kafkacommand.h"
#include "kafka/acltypes.h"

namespace kafdesk::commands {

KafkaCommand createAcl(const Target &target, const AclBinding &acl);
// Removes exactly this ACL.
KafkaCommand deleteAcl(const Target &target, const AclBinding &acl);
// Removes each of the ACLs, one line each, joined with " && ".
KafkaCommand deleteAcls(const Target &target, const QList<AclBinding> &acls);
// The one --remove line that deletes what the filter matches, when kafka-acls.sh can express it
// (an exact filter, or a resource with nothing else); else a command with an empty line: then
// name the matched ACLs with deleteAcls(target, acls).
KafkaCommand deleteAcls(const Target &target, const AclFilter &filter);
KafkaCommand listAcls(const Target &target, const AclFilter &filter = {});
// What the --list line cannot filter (it then lists more than Kafdesk does), as a sentence, or empty.
QString listAclsCaveat(const AclFilter &filter);

} // namespace kafdesk::commands
