#!/bin/sh
# Checks that the desktop file, the AppStream metainfo and the build agree with each other, which
# neither validator can see: the application id, the icon name, the executable, and that the
# newest <release> in the metainfo is the version being built (bump both together).
# Usage: check-metadata.sh APP_ID DESKTOP_FILE METAINFO_FILE PROJECT_VERSION
set -eu
app_id=$1 desktop=$2 metainfo=$3 version=$4
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
# The value of KEY in the [Desktop Entry] group.
desktop_key() {
    awk -F= -v key="$1" '/^\[/ { group = $0 } group == "[Desktop Entry]" && $1 == key { sub(/^[^=]*=/, ""); print; exit }' "$desktop"
}
expect_key() {
    value=$(desktop_key "$1")
    [ "$value" = "$2" ] || fail "$desktop: $1='$value', expected '$2'"
}
xpath() { xmllint --nonet --xpath "$1" "$metainfo"; }
expect_xpath() {
    value=$(xpath "string($1)")
    [ "$value" = "$2" ] || fail "$metainfo: $1 is '$value', expected '$2'"
}

[ "$(basename "$desktop")" = "$app_id.desktop" ] || fail "$desktop is not named $app_id.desktop"
[ "$(basename "$metainfo")" = "$app_id.metainfo.xml" ] || fail "$metainfo is not named $app_id.metainfo.xml"
expect_key Icon "$app_id"
expect_key Exec mainstay
expect_key StartupWMClass mainstay

expect_xpath "/component/id" "$app_id"
expect_xpath "/component/launchable[@type='desktop-id']" "$app_id.desktop"
expect_xpath "/component/provides/binary" mainstay
# Releases are listed newest first.
expect_xpath "/component/releases/release[1]/@version" "$version"

[ $status -eq 0 ] && echo "desktop file, metainfo and version $version agree"
exit $status
