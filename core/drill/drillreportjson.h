#pragma once

#include "drill/failuredrill.h"

#include <QJsonObject>

namespace kafdesk {

// The report as one JSON object, what `kafdesk-ctl drill --json` prints and the drill page saves:
// the totals (sent, acknowledged, failed, consumed, lost, duplicated, out_of_order,
// unacknowledged_but_consumed), "partitions" and "kills" (arrays), the settings, the verdicts
// (guarantee_held, promise_held), the explanation paragraphs and notes. Times are ISO 8601 UTC.
QJsonObject drillReportJson(const DrillReport &report);

} // namespace kafdesk
