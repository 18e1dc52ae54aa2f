#!/bin/sh
# Generates the synthetic scale dataset (if missing or if GENERATE=1), runs ScaleBench on it, then
# Benchmarks/projection_peers.py (the persons projection against NetworkX and scipy, whole CLI commands).
#
#     Benchmarks/scale.sh                 # default: 100k persons, 200k meetings, 1M participations (~294 MB)
#     SAMPLES=50 Benchmarks/scale.sh      # fewer who-met samples
#     PEERS_ARGS=--skip-networkx Benchmarks/scale.sh   # without NetworkX (minutes at the default size)
#     TIME_AXIS_ONLY=1 Benchmarks/scale.sh  # load, timeline of the busiest party, yearly PageRank trajectory only
#     GENERATE=1 Benchmarks/scale.sh --persons 1000 --meetings 2000 --participations 10000   # other sizes
#
# Arguments are passed to the generator. Run from anywhere; paths are relative to the repository.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data="$here/data/scale.json"
if [ "${GENERATE:-0}" = 1 ] || [ ! -f "$data" ] || [ "$#" -gt 0 ]; then
    python3 "$here/generate_dataset.py" --out "$data" "$@"
fi
swift build -c release --package-path "$here" --product ScaleBench
bin=$(swift build -c release --package-path "$here" --product ScaleBench --show-bin-path)
if [ "${TIME_AXIS_ONLY:-0}" = 1 ]; then
    # Only the load and the time axis (timeline, centrality --by year): a short run.
    "$bin/ScaleBench" "$data" --time-axis-only
    exit 0
fi
"$bin/ScaleBench" "$data" --samples "${SAMPLES:-200}" --write-attendance "$here/data/scale-attendance.txt"
# The persons projection against NetworkX and scipy on the same attendance, and whole CLI commands, in one run.
swift build -c release --package-path "$here" --product AlgorithmsBench
swift build -c release --package-path "$here/.." --product partygraph
python3 "$here/projection_peers.py" --dataset "$data" --attendance "$here/data/scale-attendance.txt" ${PEERS_ARGS:-}
