#pragma once

#include "admin/clusteroperations.h"
#include "profiles/connectionprofile.h"
#include "util/result.h"

#include <QObject>
#include <QString>

namespace kafdesk {

class ProfileStore;

// Keeps the connection profile of a secured bundled cluster in the profile store, its password in
// the keychain, and connects the window with what the store gives back: the profile's settings
// with the keychain's password. So the local cluster is reached as any profile is, and the
// Connections dialog and `kafdesk-ctl --profile` find it too.
//
// When there is no keychain (or it fails), the window still connects, with the settings read from
// the cluster's own directory, and keychainFailed() says why; the password is then kept nowhere
// but in the cluster's directory (mode 0600), as before.
class LocalProfileKeeper : public QObject {
    Q_OBJECT
public:
    explicit LocalProfileKeeper(ProfileStore *store, QObject *parent = nullptr);

    // Saves `profile` (settings now, the password through the keychain), reads it back with its
    // secrets and then emits ready() with `connection` carrying the profile's librdkafka settings.
    // `connection` as given is what ready() carries if the keychain cannot be used.
    void keep(const ConnectionProfile &profile, const ConnectionSettings &connection);
    // Removes the profile of `clusterName` if the store has one: the cluster is plaintext now.
    void forget(const QString &clusterName);
    // A pending keep() emits nothing (the window connected elsewhere meanwhile).
    void cancel();
    bool isPending() const { return !m_pending.isEmpty(); }

Q_SIGNALS:
    void ready(const kafdesk::ConnectionSettings &connection);
    void keychainFailed(const kafdesk::Error &error);
    void forgetFailed(const kafdesk::Error &error);

private:
    void onSaved(const QString &name);
    void onSecretsLoaded(const QString &name, const ConnectionProfile &profile);
    void onSecretsFailed(const QString &name, const Error &error);
    void fallBack(const Error &error);

    ProfileStore *m_store;
    QString m_pending; // the profile being saved and read back
    bool m_reading = false;
    ConnectionSettings m_connection;
};

} // namespace kafdesk
