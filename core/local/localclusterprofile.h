#pragma once

#include "profiles/connectionprofile.h"
#include "util/result.h"

#include <QMap>
#include <QString>

namespace kafdesk {

// The connection profile the window keeps for a secured bundled cluster, so that it is reached
// like any other cluster: its SASL_SSL bootstrap address, the cluster's own CA file and the admin
// user, with the password as the profile's secret (ProfileStore keeps it in the keychain). The
// same profile then serves the Connections dialog and `kafdesk-ctl --profile`.
namespace localclusterprofile {

// "Local cluster NAME (secured)": a fixed, untranslated name, so that it stays one profile
// whatever the interface language.
QString profileName(const QString &clusterName);

// The profile for the settings LocalCluster::clientConfig() gives (bootstrap.servers,
// security.protocol, sasl.*, ssl.ca.location); librdkafka properties with no profile field of
// their own become extra properties. Fails when the settings are not a SASL_SSL cluster's.
Result<ConnectionProfile> fromClientConfig(const QString &clusterName, const QMap<QString, QString> &clientConfig);

} // namespace localclusterprofile
} // namespace kafdesk
