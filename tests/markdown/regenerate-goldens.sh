#!/bin/sh
# Rewrites tests/markdown/golden/*.html and *.txt from the current renderer. Review the result
# with `git diff tests/markdown/golden` before committing.
#   tests/markdown/regenerate-goldens.sh [BUILD_DIR]   (default: build)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../../build"}
cmake --build "$build" --target markdownrenderertest
MAINSTAY_REGENERATE_GOLDENS=1 QT_QPA_PLATFORM=offscreen \
  "$build/tests/markdown/markdownrenderertest" --gtest_filter='Files/MarkdownGolden.*'
git -C "$here" status --short -- golden
