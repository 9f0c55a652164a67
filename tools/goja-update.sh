#!/usr/bin/env bash
# goja-update.sh VERSION: replace third_party/goja with upstream goja at
# VERSION (a module version or anything `go mod download` accepts, e.g. a
# commit hash), then re-apply journeyjs's patch (third_party/goja.patch).
#
# It fails loudly, leaving third_party/goja untouched, when the download
# fails or the patch no longer applies cleanly; then port the hunks by hand
# (third_party/goja/JOURNEYJS.md lists what they do) and regenerate the patch
# with `tools/goja-update.sh --diff VERSION`.
#
#   tools/goja-update.sh v0.0.0-20260917113740-793a2a65c13b
#   tools/goja-update.sh --diff v0.0.0-20260917113740-793a2a65c13b   # rewrite goja.patch from third_party/goja
set -euo pipefail
cd "$(dirname "$0")/.."

mode=apply
if [ "${1:-}" = "--diff" ]; then
	mode=diff
	shift
fi
version=${1:?usage: tools/goja-update.sh [--diff] VERSION}
patchfile=third_party/goja.patch
dest=third_party/goja

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Fetch through the module proxy (GOPROXY), checked against the sum database.
if ! go mod download -json "github.com/dop251/goja@$version" >"$work/download.json"; then
	cat "$work/download.json" >&2
	echo "goja-update: could not download github.com/dop251/goja@$version" >&2
	exit 1
fi
dir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' "$work/download.json")
if [ -z "$dir" ] || [ ! -d "$dir" ]; then
	echo "goja-update: could not download github.com/dop251/goja@$version" >&2
	exit 1
fi
resolved=$(sed -n 's/^[[:space:]]*"Version": "\(.*\)",\{0,1\}$/\1/p' "$work/download.json")

mkdir -p "$work/a" "$work/b"
cp -R "$dir/." "$work/a/"
chmod -R u+w "$work/a"

if [ "$mode" = diff ]; then
	# The patch is everything third_party/goja adds to or changes in
	# upstream, except JOURNEYJS.md (kept outside the diff, re-added below).
	cp -R "$dest/." "$work/b/"
	rm -f "$work/b/JOURNEYJS.md"
	# Without file times, so that regenerating an unchanged patch changes nothing.
	{ (cd "$work" && diff -ruN a b) || [ $? -eq 1 ]; } | sed -E 's/^(---|\+\+\+) ([^\t]+)\t.*$/\1 \2/' >"$patchfile"
	echo "goja-update: wrote $patchfile ($(wc -l <"$patchfile") lines) against $resolved"
	exit 0
fi

cp -R "$work/a/." "$work/b/"
if ! patch -d "$work/b" -p1 --forward --fuzz=0 --no-backup-if-mismatch -s <"$patchfile"; then
	echo "goja-update: $patchfile does not apply to goja $resolved; third_party/goja is unchanged." >&2
	echo "goja-update: port the rejected hunks (see the .rej files under $work/b, kept: $work)" >&2
	trap - EXIT
	exit 1
fi
cp "$dest/JOURNEYJS.md" "$work/b/JOURNEYJS.md"
rm -rf "$dest"
mkdir -p "$dest"
cp -R "$work/b/." "$dest/"

# Pin the version the copy came from, for `go list -m` and for the record.
go mod edit -require="github.com/dop251/goja@$resolved"
go mod edit -replace=github.com/dop251/goja=./third_party/goja
sed -i "s/^Upstream version: .*/Upstream version: $resolved/" "$dest/JOURNEYJS.md"
echo "goja-update: third_party/goja is goja $resolved with $patchfile applied."
echo "goja-update: now run: go mod tidy && go build ./... && (cd third_party/goja && go test -run Journeyjs ./...) && go test ./runtime/"
