#!/usr/bin/env bash
# Installs the Debian 12 packages Mainstay needs to build, run and test.
# Idempotent and non-interactive: packages already present are not fetched again.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-svg-dev libqt6svg6
  qt6-charts-dev libqt6opengl6-dev qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev-tools qt6-l10n-tools
  libgtest-dev libgmock-dev libbenchmark-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev qtkeychain-qt6-dev
  xvfb xauth imagemagick fonts-dejavu-core
  desktop-file-utils appstream dpkg-dev file libxml2-utils binutils
)
# The machines this project runs on ship Node.js 20 outside Debian's packaging; Debian 12's own
# nodejs (18) is only a fallback for machines that have none.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
