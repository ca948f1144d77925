#!/bin/sh
# Builds and inspects the Debian package of a build tree. Two steps, run as two CTest tests so that
# a failure says which half broke:
#
#   check-deb.sh contents BUILD_DIR VERSION DEB_DIR
#       Runs `cpack -G DEB` on BUILD_DIR (which must have the `mainstay` target built) in a
#       temporary directory, checks the package's file list and control fields, then leaves the
#       package in DEB_DIR as mainstay.deb for the next step.
#   check-deb.sh runs DEB_DIR VERSION
#       Unpacks DEB_DIR/mainstay.deb into a temporary directory and runs the packaged
#       `usr/bin/mainstay --version` against the system's Qt, as an installed copy would.
#
# Environment: CPACK (default: cpack), APP_ID (default: io.github.mainstayapp.Mainstay).
# Needs dpkg-deb, dpkg-shlibdeps (dpkg-dev), file, readelf (binutils), desktop-file-validate,
# appstreamcli.
# Touches no network and nothing outside the temporary directory and DEB_DIR.
set -eu

app_id=${APP_ID:-io.github.mainstayapp.Mainstay}
status=0
fail() { echo "FAIL: $*" >&2; status=1; }
die() { echo "FAIL: $*" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/mainstay-deb-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

step=${1:-}
case $step in
contents)
    [ $# -eq 4 ] || die "usage: $0 contents BUILD_DIR VERSION DEB_DIR"
    build_dir=$2 version=$3 deb_dir=$4
    [ -x "$build_dir/bin/mainstay" ] || die "$build_dir/bin/mainstay is not built"

    # -B keeps CPack's staging tree (_CPack_Packages) and the package out of the build tree.
    if ! "${CPACK:-cpack}" -G DEB --config "$build_dir/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1; then
        cat "$tmp/cpack.log" >&2
        die "cpack -G DEB failed"
    fi
    set -- "$tmp"/out/*.deb
    [ $# -eq 1 ] && [ -f "$1" ] || { cat "$tmp/cpack.log" >&2; die "cpack made no single .deb: $*"; }
    deb=$1
    echo "built $(basename "$deb")"

    # ---- file list ----
    dpkg-deb -c "$deb" >"$tmp/contents" || die "dpkg-deb -c cannot read $deb"
    # "-rwxr-xr-x root/root 123 2026-11-27 12:00 ./usr/bin/mainstay" -> mode, owner, path
    awk '{ print $1, $2, $NF }' "$tmp/contents" >"$tmp/files"
    expect_file() { # MODE PATH
        grep -qxF -e "$1 root/root ./$2" "$tmp/files" || fail "package lacks ./$2 ($1, owned by root)"
    }
    expect_file -rwxr-xr-x usr/bin/mainstay
    expect_file -rw-r--r-- "usr/share/applications/$app_id.desktop"
    expect_file -rw-r--r-- "usr/share/metainfo/$app_id.metainfo.xml"
    expect_file -rw-r--r-- "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    # Everything lives under /usr, and nothing of the build machine leaks in.
    awk '$3 != "./" && $3 !~ /^\.\/usr\// { print }' "$tmp/files" | grep . &&
        fail "package has files outside /usr (above)"

    # ---- control fields ----
    field() { dpkg-deb -f "$deb" "$1"; }
    [ "$(field Package)" = mainstay ] || fail "Package: '$(field Package)', expected mainstay"
    [ "$(field Version)" = "$version" ] || fail "Version: '$(field Version)', expected $version"
    [ "$(field Section)" = devel ] || fail "Section: '$(field Section)', expected devel"
    [ -n "$(field Maintainer)" ] || fail "no Maintainer"
    [ -n "$(field Homepage)" ] || fail "no Homepage"
    [ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture: '$(field Architecture)'"
    depends=$(field Depends)
    echo "Depends: $depends"
    # Package names, one a line, without version constraints or alternatives.
    echo "$depends" | tr ',|' '\n\n' | sed 's/(.*//; s/[[:space:]]//g' | grep . >"$tmp/depends"
    # Computed by dpkg-shlibdeps from the executable (the libraries any build of a Qt Widgets
    # application links; which other Qt modules show depends on what the code uses) ...
    for package in libqt6core6 libqt6gui6 libqt6widgets6 libc6 libstdc++6; do
        grep -qxF "$package" "$tmp/depends" || fail "Depends lacks $package (shlibdeps)"
    done
    # ... and the plugins Qt loads at run time, listed by packaging/CMakeLists.txt.
    for package in libqt6sql6-sqlite qt6-qpa-plugins; do
        grep -qxF "$package" "$tmp/depends" || fail "Depends lacks $package (Qt plugin)"
    done

    # ---- the installed files themselves ----
    dpkg-deb -x "$deb" "$tmp/root"
    desktop-file-validate "$tmp/root/usr/share/applications/$app_id.desktop" ||
        fail "the packaged desktop file does not validate"
    # The metainfo as installed, next to the desktop file its <launchable> names.
    appstreamcli validate-tree --no-net "$tmp/root" ||
        fail "appstreamcli validate-tree rejects the installed tree"
    # An installed executable must not look for libraries in the build tree.
    if readelf -d "$tmp/root/usr/bin/mainstay" | grep -E '\((RPATH|RUNPATH)\)' >"$tmp/rpath"; then
        grep -F "$build_dir" "$tmp/rpath" && fail "usr/bin/mainstay has a run path into the build tree"
    fi

    mkdir -p "$deb_dir"
    rm -f "$deb_dir/mainstay.deb"
    [ $status -eq 0 ] && cp "$deb" "$deb_dir/mainstay.deb"
    [ $status -eq 0 ] && echo "package contents and control fields OK"
    ;;

runs)
    [ $# -eq 3 ] || die "usage: $0 runs DEB_DIR VERSION"
    deb=$2/mainstay.deb version=$3
    [ -f "$deb" ] || die "$deb is missing (the 'contents' step did not pass)"
    dpkg-deb -x "$deb" "$tmp/root"
    # As installed: only the system's libraries and plugins, a fresh home, no display.
    mkdir -p "$tmp/home"
    if ! env -u LD_LIBRARY_PATH -u QT_PLUGIN_PATH -u QT_QPA_PLATFORM_PLUGIN_PATH \
             HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
             XDG_CACHE_HOME="$tmp/home/.cache" XDG_RUNTIME_DIR="$tmp/home" MAINSTAY_DATA_DIR="$tmp/home/data" \
             QT_QPA_PLATFORM=offscreen \
             timeout 60 "$tmp/root/usr/bin/mainstay" --version >"$tmp/version" 2>"$tmp/version.err"; then
        cat "$tmp/version" "$tmp/version.err" >&2
        die "the packaged usr/bin/mainstay --version exited with an error"
    fi
    cat "$tmp/version"
    grep -qF "$version" "$tmp/version" ||
        { cat "$tmp/version.err" >&2; die "the packaged usr/bin/mainstay --version does not print $version"; }
    echo "packaged executable runs and reports $version"
    ;;

*)
    die "usage: $0 contents BUILD_DIR VERSION DEB_DIR | runs DEB_DIR VERSION"
    ;;
esac
exit $status
