#pragma once

#include "util/result.h"

#include <QElapsedTimer>
#include <QThread>

namespace kafdesk {

// Brokers learn of a new topic one after another: one that has not yet says the topic does not
// exist. Ask again for a few seconds before believing it (as librdkafka's
// topic.metadata.propagation.max.ms does for producing). `ask` returns the partition count, or an
// Error that is badInput when the answer was "no such topic" (the only one worth asking again).
constexpr int topicPropagationMs = 5000;

template <typename Ask>
Result<int> askUntilTopicKnown(Ask ask, int propagationMs = topicPropagationMs)
{
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        Result<int> count = ask();
        if (count || !count.error().badInput || timer.elapsed() >= propagationMs)
            return count;
        QThread::msleep(250);
    }
}

} // namespace kafdesk
