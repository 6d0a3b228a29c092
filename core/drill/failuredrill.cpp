// PLACEHOLDER: the drill helper replaces this file.
#include "drill/failuredrill.h"

namespace kafdesk {

QStringList validateDrillConfig(const DrillConfig &) { return {}; }
bool DrillReport::guaranteeHeld() const { return false; }
QStringList explainDrill(const DrillReport &) { return {}; }

struct FailureDrill::Impl {};
FailureDrill::FailureDrill(QObject *parent) : QObject(parent), d(std::make_unique<Impl>()) {}
FailureDrill::~FailureDrill() = default;
bool FailureDrill::isRunning() const { return false; }
Status FailureDrill::start(const DrillConfig &) { return failure(QStringLiteral("Not built yet.")); }
void FailureDrill::finish() {}
void FailureDrill::cancel() {}

} // namespace kafdesk
