#!/usr/bin/env bash
# Runs vdirsyncer between two CardDAV address books (given by their collection URLs), on 127.0.0.1 only.
#   BENCH_DAV_PASSWORD=... run-vdirsyncer-carddav.sh <work-dir> <book-a-url> <book-b-url> <username> <discover|sync>
# The config and vdirsyncer's status live in <work-dir>; the pair is "bench" with collections = null (the URLs are
# the books themselves) and conflict_resolution "a wins", as Tandem's winning side is A.
# Used by `Tandem.Bench carddav`; usable by hand to repeat a measurement.
set -euo pipefail

if [[ $# -ne 5 ]]; then
    echo "usage: BENCH_DAV_PASSWORD=... $0 <work-dir> <book-a-url> <book-b-url> <username> <discover|sync>" >&2
    exit 2
fi

work=$(realpath -m "$1")
url_a=$2
url_b=$3
user=$4
step=$5
command -v vdirsyncer >/dev/null || { echo "vdirsyncer is not installed (apt-get install -y vdirsyncer)" >&2; exit 3; }

mkdir -p "$work/status"
config="$work/config"
if [[ ! -f "$config" ]]; then
    # A bench-only password of a throwaway local server; the file stays in the temp work dir.
    umask 077
    cat > "$config" <<CONFIG
[general]
status_path = "$work/status/"

[pair bench]
a = "bench_a"
b = "bench_b"
collections = null
conflict_resolution = "a wins"

[storage bench_a]
type = "carddav"
url = "$url_a"
username = "$user"
password = "${BENCH_DAV_PASSWORD:-}"

[storage bench_b]
type = "carddav"
url = "$url_b"
username = "$user"
password = "${BENCH_DAV_PASSWORD:-}"
CONFIG
fi

case "$step" in
    discover) vdirsyncer -c "$config" discover bench </dev/null >>"$work/vdirsyncer.log" 2>&1 ;;
    sync) vdirsyncer -c "$config" sync bench </dev/null >>"$work/vdirsyncer.log" 2>&1 ;;
    *) echo "unknown step '$step'; use discover or sync" >&2; exit 2 ;;
esac
