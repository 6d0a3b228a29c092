#pragma once

#include "profiles/connectionprofile.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kafdesk {

struct JavaProperty;

// A key that went into the profile, and how; never a secret's value.
struct MappedProperty {
    QString key;
    QString description;
};

// A key that did not go into the profile, and why.
struct UnmappedProperty {
    QString key;
    QString reason;
};

// A key that runs commands, loads code or turns off certificate checks: left out of the profile
// until acceptDangerous() names it. `value` is as the file has it, "(hidden)" for a secret.
struct DangerousProperty {
    QString key;
    QString value;
    QString reason;
};

// Turns a Java client.properties (what kafka-console-consumer --command-config and most
// tutorials use) into a ConnectionProfile plus a report of every key: mapped, left out with a
// reason, or waiting for the caller's explicit confirmation. The report never holds a secret.
class ClientPropertiesImport {
public:
    // The profile is named `profileName`, or "Imported".
    static ClientPropertiesImport fromText(const QString &text, const QString &profileName = {});
    // The profile is named `profileName`, or after the file ("client" for client.properties).
    static Result<ClientPropertiesImport> fromFile(const QString &path, const QString &profileName = {});

    // Holds no dangerous property that was not accepted.
    const ConnectionProfile &profile() const { return m_profile; }
    const QList<MappedProperty> &mapped() const { return m_mapped; }
    const QList<UnmappedProperty> &unmapped() const { return m_unmapped; }
    // The dangerous properties still waiting for confirmation.
    const QList<DangerousProperty> &needsConfirmation() const { return m_needsConfirmation; }
    // Inferences and warnings that concern no single key.
    const QStringList &notes() const { return m_notes; }
    // Shell commands that convert Java keystores into files librdkafka reads (they ask for passwords).
    const QStringList &conversionCommands() const { return m_commands; }

    bool isUnmapped(const QString &key) const;
    QString unmappedReason(const QString &key) const;
    bool needsConfirmation(const QString &key) const;

    // Takes the named dangerous properties into the profile. If any key is not waiting for
    // confirmation, nothing is taken and the error names it.
    Status acceptDangerous(const QStringList &keys);

    // Everything above as text for people.
    QString reportText() const;

private:
    struct Pending {
        QString librdkafkaKey;
        QString librdkafkaValue;
    };

    ClientPropertiesImport() = default;
    void import(const QList<JavaProperty> &entries);
    void importSasl(QMap<QString, QString> &props);
    void importJaas(const QString &value);
    void importTruststore(QMap<QString, QString> &props);
    void importKeystore(QMap<QString, QString> &props);
    void importOther(const QString &key, const QString &value);
    void map(const QString &key, const QString &description);
    void leaveOut(const QString &key, const QString &reason);
    void askFirst(const QString &key, const QString &value, const QString &reason, const QString &librdkafkaValue);

    ConnectionProfile m_profile;
    QString m_source;
    QList<MappedProperty> m_mapped;
    QList<UnmappedProperty> m_unmapped;
    QList<DangerousProperty> m_needsConfirmation;
    QStringList m_notes;
    QStringList m_commands;
    QMap<QString, Pending> m_pending;
};

} // namespace kafdesk
