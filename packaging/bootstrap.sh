#!/usr/bin/env bash
# The README's two set-up commands:
#   packaging/bootstrap.sh demo   install what is missing, build, start the GUI on the demo workspace
#   packaging/bootstrap.sh test   install what is missing, build, run every test through ctest
# Both are incremental on a second run. Extra arguments after `demo` go to mainstay.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-}"
case "$mode" in
  demo|test) shift ;;
  *) echo "usage: packaging/bootstrap.sh demo|test" >&2; exit 2 ;;
esac

bash packaging/setup-debian.sh

build=build
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
jobs=$(nproc 2>/dev/null || echo 2)

if [ "$mode" = demo ]; then
  cmake --build "$build" --target mainstay -j "$jobs"
  exec "$build/bin/mainstay" --demo "$@"
fi

# The tests compare against GitHub's published references (npm, pinned by the lock file).
npm_dir=tests/npm
if ! cmp -s "$npm_dir/package-lock.json" "$npm_dir/node_modules/.mainstay-lock" 2>/dev/null; then
  (cd "$npm_dir" && npm ci --no-audit --no-fund --loglevel=error)
  cp "$npm_dir/package-lock.json" "$npm_dir/node_modules/.mainstay-lock"
fi

cmake --build "$build" -j "$jobs"
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "$build" --output-on-failure -j "$jobs"
