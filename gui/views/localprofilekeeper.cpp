#include "views/localprofilekeeper.h"

#include "local/localclusterprofile.h"
#include "profiles/profilestore.h"

namespace kafdesk {

LocalProfileKeeper::LocalProfileKeeper(ProfileStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    connect(m_store, &ProfileStore::saved, this, &LocalProfileKeeper::onSaved);
    connect(m_store, &ProfileStore::secretsLoaded, this, &LocalProfileKeeper::onSecretsLoaded);
    connect(m_store, &ProfileStore::secretsFailed, this, &LocalProfileKeeper::onSecretsFailed);
}

void LocalProfileKeeper::keep(const ConnectionProfile &profile, const ConnectionSettings &connection)
{
    m_pending = profile.name;
    m_reading = false;
    m_connection = connection;
    if (m_store->keychainState() == ProfileStore::KeychainState::Unavailable) {
        fallBack(failure(m_store->keychainProblem()));
        return;
    }
    // Saved every time the cluster starts: a recreated cluster has new passwords and ports.
    if (const Status saved = m_store->save(profile); !saved)
        fallBack(saved.error());
}

void LocalProfileKeeper::forget(const QString &clusterName)
{
    const QString name = localclusterprofile::profileName(clusterName);
    if (!m_store->contains(name))
        return;
    // The settings go at once; a keychain failure afterwards leaves only an orphaned entry there.
    if (const Status removed = m_store->remove(name); !removed)
        Q_EMIT forgetFailed(removed.error());
}

void LocalProfileKeeper::cancel()
{
    m_pending.clear();
    m_reading = false;
}

void LocalProfileKeeper::onSaved(const QString &name)
{
    if (name != m_pending || m_reading)
        return;
    m_reading = true;
    m_store->loadSecrets(name);
}

void LocalProfileKeeper::onSecretsLoaded(const QString &name, const ConnectionProfile &profile)
{
    if (name != m_pending || !m_reading)
        return;
    if (profile.password.isEmpty()) {
        fallBack(failure(tr("The keychain did not give back the password of \u201c%1\u201d.").arg(name)));
        return;
    }
    ConnectionSettings connection = m_connection;
    connection.clientConfig = profile.librdkafkaConfig();
    cancel();
    Q_EMIT ready(connection);
}

void LocalProfileKeeper::onSecretsFailed(const QString &name, const Error &error)
{
    if (name == m_pending)
        fallBack(error);
}

void LocalProfileKeeper::fallBack(const Error &error)
{
    const ConnectionSettings connection = m_connection;
    cancel();
    Q_EMIT keychainFailed(error);
    Q_EMIT ready(connection);
}

} // namespace kafdesk
