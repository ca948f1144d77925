#pragma once

#include "demodataset.h"

#include <QDateTime>

namespace Mainstay {

// Generates the demo repository "demo/lambda-powertools", modelled on the conventions of the
// maintainers' guide: its label table plus area labels, ~400 issues and ~300 pull requests over
// two years with semantic titles and size labels, comments from maintainers, users and bots,
// ~25 releases with notes grouped by label, and Release workflow runs shaped like the guide's
// Gantt chart (one of them in progress at `now`).
//
// Deterministic: the same seed and `now` give an identical dataset on any machine (own PRNG,
// own range mapping, integer arithmetic only). Every time is relative to `now`.
class DemoDataGenerator
{
public:
    static constexpr quint64 DefaultSeed = 20240611;

    static DemoDataset generate(quint64 seed, const QDateTime &now);
    // The jobs of a new Release run (as shaped in generate()), all succeeding, from
    // run.createdAt on, with job ids counting up from firstJobId. For runs started later.
    static QList<WorkflowJob> planReleaseRun(quint64 seed, const WorkflowRun &run,
                                             qint64 firstJobId);
};

} // namespace Mainstay
