#include "widgets/topiccombo.h"

#include <QComboBox>
#include <QSignalBlocker>

namespace kafdesk {

void fillTopicCombo(QComboBox *combo, const ClusterSnapshotPtr &snapshot)
{
    QStringList names;
    if (snapshot)
        for (const TopicState &t : snapshot->topics)
            if (!t.internal)
                names << t.name;
    QStringList current;
    for (int i = 0; i < combo->count(); ++i)
        current << combo->itemText(i);
    if (names == current)
        return;
    const QString typed = combo->currentText();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItems(names);
    combo->setCurrentIndex(-1);
    combo->setEditText(typed);
}

} // namespace kafdesk
