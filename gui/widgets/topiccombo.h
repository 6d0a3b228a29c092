#pragma once

#include "cluster/clustersnapshot.h"

class QComboBox;

namespace kafdesk {

// Fills an editable topic combo box with the snapshot's topics (internal ones left out), only
// when the list changed, keeping what the user typed and sending no signal for the refill.
void fillTopicCombo(QComboBox *combo, const ClusterSnapshotPtr &snapshot);

} // namespace kafdesk
