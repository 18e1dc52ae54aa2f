#!/bin/sh
# Times `partygraph import --from icews` (release build) on a generated ICEWS file (Benchmarks/SCALE.md,
# "Event-data import"). A benchmark, not a test: the figure depends on the machine and its load.
#
#     Benchmarks/event_import.sh                # 1,000,000 rows (generated once into Benchmarks/data/)
#     ROWS=100000 Benchmarks/event_import.sh    # another size
set -eu
here=$(cd "$(dirname "$0")" && pwd)
rows=${ROWS:-1000000}
data="$here/data/icews-$rows.tsv"
mkdir -p "$here/data"
if [ ! -f "$data" ]; then python3 "$here/generate_icews.py" --rows "$rows" --out "$data"; fi
swift build -c release --package-path "$here/.." --product partygraph
bin=$(swift build -c release --package-path "$here/.." --product partygraph --show-bin-path)/partygraph
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "import --from icews $(wc -l < "$data") lines ($(du -h "$data" | cut -f1))"
/usr/bin/time -f "elapsed %e s, max resident %M KB" "$bin" import --from icews "$data" --out "$out/events.json"
