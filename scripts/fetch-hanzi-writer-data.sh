#!/bin/sh
# Fetches the hanzi-writer-data npm package (stroke medians from Make Me a Hanzi) for the
# handwriting tests and bench, into the user cache: the data is not ours to commit.
# Usage: scripts/fetch-hanzi-writer-data.sh [DESTINATION]
set -eu

version="2.0.1"
destination="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/courtkiosk/hanzi-writer-data-$version}"

if [ -f "$destination/package.json" ]; then
    echo "$destination"
    exit 0
fi
command -v npm >/dev/null || { echo "npm is needed to fetch hanzi-writer-data" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "hanzi-writer-data@$version" >/dev/null)
mkdir -p "$work/extracted"
tar -xzf "$work/hanzi-writer-data-$version.tgz" -C "$work/extracted"
mkdir -p "$(dirname "$destination")"
rm -rf "$destination.partial"
mv "$work/extracted/package" "$destination.partial"
mv "$destination.partial" "$destination"
echo "$destination"
