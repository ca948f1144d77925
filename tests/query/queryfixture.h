#pragma once

#include "issue.h"

#include <QList>

namespace Mainstay::Test {

// Twenty hand-made issues and pull requests numbered 1..20, covering every state, labels with
// spaces and mixed case, authors and assignees, dates on day boundaries and comment counts. The
// comments in queryfixture.cpp list what each one has, for reading the expectations.
QList<Issue> queryFixture();
// 2026-01-31T12:00:00Z and the like, for building and checking dates.
QDateTime utc(const char *iso);
// The numbers of `issues`, in their order.
QList<int> numbersOf(const QList<Issue> &issues);

} // namespace Mainstay::Test
