#!/usr/bin/env bash
# Runs vdirsyncer between two local vCard folders (vdir layout, one .vcf per card), never a network.
#   run-vdirsyncer.sh <work-dir> <folder-a> <folder-b> <discover|sync>
# The config and vdirsyncer's status live in <work-dir>; the pair is "bench" with
# conflict_resolution "a wins", so A plays the same part as Tandem's winning side A.
# Used by `Tandem.Bench vcard`; usable by hand to repeat a measurement.
set -euo pipefail

if [[ $# -ne 4 ]]; then
    echo "usage: $0 <work-dir> <folder-a> <folder-b> <discover|sync>" >&2
    exit 2
fi

work=$(realpath -m "$1")
a=$(realpath -m "$2")
b=$(realpath -m "$3")
step=$4
command -v vdirsyncer >/dev/null || { echo "vdirsyncer is not installed (apt-get install -y vdirsyncer)" >&2; exit 3; }

mkdir -p "$work/status"
config="$work/config"
if [[ ! -f "$config" ]]; then
    cat > "$config" <<CONFIG
[general]
status_path = "$work/status/"

[pair bench]
a = "bench_a"
b = "bench_b"
collections = null
conflict_resolution = "a wins"

[storage bench_a]
type = "filesystem"
path = "$a/"
fileext = ".vcf"

[storage bench_b]
type = "filesystem"
path = "$b/"
fileext = ".vcf"
CONFIG
fi

case "$step" in
    # vdirsyncer reports every item on stderr; keep it in a log instead of a terminal that would slow it.
    discover) vdirsyncer -c "$config" discover bench </dev/null >>"$work/vdirsyncer.log" 2>&1 ;;
    sync) vdirsyncer -c "$config" sync bench </dev/null >>"$work/vdirsyncer.log" 2>&1 ;;
    *) echo "unknown step '$step'; use discover or sync" >&2; exit 2 ;;
esac
