#!/bin/sh
# Rewrites tests/notes/golden/*.md from the current generator. Review the diff before committing.
#   tests/notes/update-golden.sh [build dir, default: build]
set -e
build=${1:-build}
cmake --build "$build" --target test_notesgolden
MAINSTAY_UPDATE_GOLDEN=1 "$build/tests/notes/test_notesgolden"
git -C "$(dirname "$0")" status --short golden
