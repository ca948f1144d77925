#!/bin/sh
# Checks that the application icon is a well-formed SVG document that any icon loader can take:
# an <svg> root in the SVG namespace with a viewBox of positive size, and none of the features a
# static SVG 1.1 Tiny icon must not use (scripts, event handlers, filters, embedded HTML, raster
# images, links to other files).
# Usage: check-svg-icon.sh ICON.svg
set -eu
icon=$1
fail() { echo "FAIL: $icon: $*" >&2; exit 1; }
xpath() { xmllint --nonet --xpath "$1" "$icon"; }

xmllint --nonet --noout "$icon" || fail "not well-formed XML"

[ "$(xpath "count(/*[local-name()='svg' and namespace-uri()='http://www.w3.org/2000/svg'])")" = 1 ] ||
    fail "the root element is not <svg> in the SVG namespace"

viewbox=$(xpath "string(/*/@viewBox)")
[ -n "$viewbox" ] || fail "the <svg> element has no viewBox"
# Four numbers separated by spaces and/or commas; width and height must be positive.
set -- $(echo "$viewbox" | tr ',' ' ')
[ $# -eq 4 ] || fail "viewBox '$viewbox' does not have four numbers"
for n in "$@"; do
    echo "$n" | grep -Eq '^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)$' || fail "viewBox '$viewbox': '$n' is not a number"
done
awk -v w="$3" -v h="$4" 'BEGIN { exit !(w > 0 && h > 0) }' ||
    fail "viewBox '$viewbox' has no area"

forbidden="script filter foreignObject image use animate set animateMotion animateTransform"
for element in $forbidden; do
    [ "$(xpath "count(//*[local-name()='$element'])")" = 0 ] || fail "uses <$element>"
done
[ "$(xpath "count(//@*[starts-with(local-name(), 'on')])")" = 0 ] || fail "has event handler attributes"
[ "$(xpath "count(//@*[local-name()='href' and not(starts-with(normalize-space(.), '#'))])")" = 0 ] ||
    fail "refers to other files"

echo "$icon: well-formed SVG, viewBox $viewbox"
