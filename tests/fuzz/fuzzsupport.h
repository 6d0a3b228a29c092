#pragma once

// What every Kafdesk fuzzer shares: one QCoreApplication for the whole run (translations,
// QSettings and QStandardPaths want one), an input split into lines, and a check that aborts so
// that libFuzzer records the input that broke a property.

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QList>

#include <cstdio>
#include <cstdlib>

namespace kafdesk::fuzz {

inline void ensureApplication(int *argc, char ***argv)
{
    if (QCoreApplication::instance())
        return;
    // Lives as long as the process (QCoreApplication::instance() holds it): libFuzzer never
    // returns from its loop to tear it down, and argc/argv are main()'s.
    new QCoreApplication(*argc, *argv);
    QCoreApplication::setApplicationName(QStringLiteral("kafdesk-fuzz"));
    QCoreApplication::setOrganizationName(QStringLiteral("kafdesk"));
}

inline QByteArrayView bytesOf(const uint8_t *data, size_t size)
{
    return QByteArrayView(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

// The input cut at separator (a trailing separator makes no empty last part).
inline QList<QByteArrayView> split(QByteArrayView bytes, char separator)
{
    QList<QByteArrayView> parts;
    qsizetype start = 0;
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == separator) {
            parts << bytes.sliced(start, i - start);
            start = i + 1;
        }
    }
    if (start < bytes.size())
        parts << bytes.sliced(start);
    return parts;
}

// A property the code promises; failing it is a finding like a crash.
#define KAFDESK_FUZZ_CHECK(condition)                                                                                 \
    do {                                                                                                              \
        if (!(condition)) {                                                                                           \
            std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__);                  \
            std::abort();                                                                                             \
        }                                                                                                             \
    } while (false)

} // namespace kafdesk::fuzz
