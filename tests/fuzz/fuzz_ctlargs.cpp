// Fuzzes kafdesk-ctl's argument parsing through runCtl(), the same dispatch main() calls, in
// parse-only mode (ctl/ctlsupport.h): every command parses and checks its options, verbs, numbers,
// names, addresses, configs and offsets as always, and returns where it would first connect,
// start or stop a cluster, or wait. Input: one argument a line.

#include "fuzzsupport.h"

#include "ctl/ctlmain.h"
#include "ctl/ctlsupport.h"

#include <QDir>
#include <QTemporaryDir>

using namespace kafdesk;

namespace {

// Where the commands would find clusters and saved profiles: empty directories of this run's own,
// which must stay empty (nothing parsed may create a cluster or save anything).
QTemporaryDir *home = nullptr;

QString clustersDir()
{
    return home->filePath(QStringLiteral("clusters"));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    home = new QTemporaryDir(QDir::tempPath() + QStringLiteral("/kafdesk-fuzz-ctl-XXXXXX"));
    KAFDESK_FUZZ_CHECK(home->isValid());
    KAFDESK_FUZZ_CHECK(QDir().mkpath(clustersDir()));
    qputenv("KAFDESK_CLUSTERS_DIR", clustersDir().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home->filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home->filePath(QStringLiteral("data")).toLocal8Bit());
    fuzz::ensureApplication(argc, argv);
    ctl::setParseOnly(true);
    // Removes the directories when libFuzzer exits (it ends the process with exit()).
    std::atexit([] { delete home; });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QStringList args;
    for (const QByteArrayView line : fuzz::split(fuzz::bytesOf(data, size), '\n'))
        args << QString::fromUtf8(line);

    const int code = ctl::runCtl(args);
    KAFDESK_FUZZ_CHECK(code >= ctl::ExitOk && code <= ctl::ExitNeedsForce);
    // The same command line parses the same way every time (no state kept between runs).
    KAFDESK_FUZZ_CHECK(ctl::runCtl(args) == code);
    // Parsing has no side effects on clusters or settings.
    KAFDESK_FUZZ_CHECK(QDir(clustersDir()).isEmpty());
    KAFDESK_FUZZ_CHECK(!QDir(home->filePath(QStringLiteral("config"))).exists());
    return 0;
}
