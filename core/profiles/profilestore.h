#pragma once

#include "profiles/connectionprofile.h"
#include "util/result.h"

#include <QMap>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QSettings;

namespace kafdesk {

// Connection profiles: everything but the secrets in QSettings (group "profiles/<name>", and
// "connections/count" = the number of profiles), the secrets in the OS keychain through
// QtKeychain (service "kafdesk", key "<name>/<field>", the fields of
// ConnectionProfile::secrets()). A secret is never written anywhere else: with no keychain,
// keychainAvailable() turns false and the caller asks for the password each time.
//
// Settings are read and written at once; keychain jobs finish on the event loop, so every
// keychain outcome comes as a signal. Lives on, and is used from, one thread.
class ProfileStore : public QObject {
    Q_OBJECT
public:
    enum class KeychainState { Unknown, Available, Unavailable };
    Q_ENUM(KeychainState)

    // The application's settings (QSettings() with its organisation and application name).
    explicit ProfileStore(QObject *parent = nullptr);
    // An INI file of the caller's choosing (tests): nothing else is read or written.
    explicit ProfileStore(const QString &settingsFile, QObject *parent = nullptr);
    ~ProfileStore() override;

    QString settingsFileName() const;
    QStringList profileNames() const; // sorted
    bool contains(const QString &name) const;
    // The profile without its secrets.
    Result<ConnectionProfile> load(const QString &name) const;
    // The secret fields the profile has ("password", ...), whether or not the keychain holds them.
    QStringList secretFields(const QString &name) const;

    // Writes the settings now (the name must be valid; the rest is the editor's to validate), then
    // stores the profile's secrets in the keychain and deletes those it no longer has:
    // saved(name) or secretsFailed(name, error) follows.
    Status save(const ConnectionProfile &profile);
    // The profile with its secrets: secretsLoaded(name, profile) or secretsFailed(name, error).
    void loadSecrets(const QString &name);
    // Removes the settings now; then removed(name) or secretsFailed(name, error).
    Status remove(const QString &name);
    // Moves the settings now; then the secrets: renamed(from, to) or secretsFailed(to, error).
    Status rename(const QString &from, const QString &to);

    // Stores and deletes a probe entry to learn whether the keychain works: keychainChecked() and,
    // when the state changes, keychainStateChanged() follow. Any other job also updates the state.
    void checkKeychain();
    KeychainState keychainState() const { return m_keychainState; }
    // False once the keychain failed to answer (no session bus, no secrets service, ...).
    bool keychainAvailable() const { return m_keychainState == KeychainState::Available; }
    // "No keychain is reachable (<why>): the password will be asked each time.", or empty.
    QString keychainProblem() const;

    // How long a keychain job may take before it counts as unreachable (default 20 s).
    void setKeychainTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    static QString keychainService();

Q_SIGNALS:
    void profilesChanged();
    void saved(const QString &name);
    void removed(const QString &name);
    void renamed(const QString &from, const QString &to);
    void secretsLoaded(const QString &name, const kafdesk::ConnectionProfile &profile);
    void secretsFailed(const QString &name, const kafdesk::Error &error);
    void keychainChecked(bool available);
    void keychainStateChanged(kafdesk::ProfileStore::KeychainState state);

private:
    struct KeychainOp {
        enum class Kind { Read, Write, Delete };
        Kind kind;
        QString key;
        QString value;
    };
    struct KeychainOutcome {
        QMap<QString, QString> read; // key -> secret
        QStringList notFound;        // keys read that do not exist
        bool unreachable = false;
        QString problem; // the first failure
    };
    using Completion = std::function<void(const KeychainOutcome &)>;

    Status writeSettings(const ConnectionProfile &profile, const QStringList &fields);
    Status syncSettings();
    void updateCount();
    static QString group(const QString &name);
    static QString entryKey(const QString &name, const QString &field);
    Error keychainError(const KeychainOutcome &outcome) const;

    // Runs the jobs in order (QtKeychain queues them) and calls `done` once, after the last.
    void runKeychain(const QList<KeychainOp> &ops, Completion done);
    void setKeychainState(KeychainState state, const QString &problem);

    std::unique_ptr<QSettings> m_settings;
    KeychainState m_keychainState = KeychainState::Unknown;
    QString m_keychainProblem;
    int m_timeoutMs = 20000;
};

} // namespace kafdesk
