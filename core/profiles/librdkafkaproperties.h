#pragma once

#include <QString>

namespace kafdesk {

// What librdkafka (the library Kafdesk links) says about one configuration property.
enum class PropertyCheck { Valid, UnknownName, InvalidValue };

struct PropertyVerdict {
    PropertyCheck check = PropertyCheck::Valid;
    QString message; // librdkafka's own text for an invalid value, without a final full stop
};

// Whether librdkafka has a global or topic property of this name (from its own property table).
bool isLibrdkafkaProperty(const QString &name);

// Checks a name and a value on a throwaway librdkafka configuration. Dangerous properties are
// only looked up by name, never set: librdkafka loads plugins the moment plugin.library.paths is set.
PropertyVerdict checkLibrdkafkaProperty(const QString &name, const QString &value);

// Properties whose values are secrets (passwords, private keys, client secrets): kept in the
// keychain, never in settings, and hidden in every description.
bool isSecretProperty(const QString &name);

// Why a librdkafka property with this value is dangerous (it runs a command, loads code, sends
// credentials to a URL of the file's choosing, or turns off certificate checks); empty when it is not.
QString dangerReason(const QString &name, const QString &value);

} // namespace kafdesk
