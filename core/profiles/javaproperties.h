#pragma once

#include "util/result.h"

#include <QList>
#include <QMap>
#include <QString>

namespace kafdesk {

struct JavaProperty {
    QString key;
    QString value;
    int line = 0; // where the entry starts, from 1
    // A \u not followed by four hex digits, which java.util.Properties refuses ("Malformed
    // \uxxxx encoding"); the text is kept as it is, for the caller to leave the entry out.
    bool malformedEscape = false;
};

// Parses a Java .properties text as java.util.Properties.load does: key=value, key:value and
// "key value"; # and ! comments; a trailing backslash continues the line; \t \n \r \f \uXXXX and
// \<any> escapes. Entries come in file order; a key may repeat (the last one wins in Java).
QList<JavaProperty> parseJavaProperties(const QString &text);

// One login module of a JAAS configuration (the value of sasl.jaas.config), e.g.
// org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
struct JaasModule {
    QString loginModule; // the class name
    QString controlFlag; // required, requisite, sufficient or optional
    QMap<QString, QString> options;
};

// The first login module, with quoted values unescaped; an error names what is malformed
// (never an option value, which may be a password).
Result<JaasModule> parseJaasConfig(const QString &text);

} // namespace kafdesk
