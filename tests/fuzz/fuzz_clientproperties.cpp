// Fuzzes the client.properties import: the Java .properties parser, the JAAS parser and the
// mapping into a ConnectionProfile with its report, on text the user picked from anywhere.

#include "fuzzsupport.h"

#include "profiles/clientpropertiesimport.h"
#include "profiles/javaproperties.h"

#include <QStringList>

using namespace kafdesk;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::ensureApplication(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytesOf(data, size));

    // Entries come in file order, each from a line that exists.
    const QList<JavaProperty> entries = parseJavaProperties(text);
    const qsizetype lines = text.count(QLatin1Char('\n')) + text.count(QLatin1Char('\r')) + 1;
    int previousLine = 0;
    for (const JavaProperty &e : entries) {
        KAFDESK_FUZZ_CHECK(e.line >= 1 && e.line >= previousLine && e.line <= lines);
        previousLine = e.line;
    }

    // The JAAS parser on the whole text and on every value (sasl.jaas.config is one of them).
    (void)parseJaasConfig(text);
    for (const JavaProperty &e : entries) {
        auto jaas = parseJaasConfig(e.value);
        if (!jaas)
            KAFDESK_FUZZ_CHECK(!jaas.error().message.isEmpty());
    }

    ClientPropertiesImport imported = ClientPropertiesImport::fromText(text, QStringLiteral("fuzz"));
    (void)imported.reportText();
    (void)imported.profile().problems();
    (void)imported.profile().librdkafkaConfig();
    (void)imported.profile().redactedDescription();

    // Accepting what waits for confirmation takes exactly that; an unknown key changes nothing.
    QStringList waiting;
    for (const DangerousProperty &d : imported.needsConfirmation())
        waiting << d.key;
    const ConnectionProfile before = imported.profile();
    KAFDESK_FUZZ_CHECK(!imported.acceptDangerous({QStringLiteral("not.a.waiting.key \x01")}).ok());
    KAFDESK_FUZZ_CHECK(imported.profile() == before);
    if (!waiting.isEmpty()) {
        KAFDESK_FUZZ_CHECK(imported.acceptDangerous(waiting).ok());
        KAFDESK_FUZZ_CHECK(imported.needsConfirmation().isEmpty());
        (void)imported.profile().dangerousSettings();
        (void)imported.profile().librdkafkaConfig();
    }
    return 0;
}
