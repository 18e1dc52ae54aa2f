#!/bin/sh
# render ego --depth 1 on generated datasets of three sizes (about 5,000, 50,000 and 200,000 nodes): the view's
# cost apart from the load, in-process (EgoBench), and the whole CLI command against `partygraph validate` (the load
# alone) on the same file. The figures are in Benchmarks/SCALE.md.
#
#     Benchmarks/ego.sh            # or: make bench-ego
#     GENERATE=1 Benchmarks/ego.sh # regenerate the datasets
set -eu
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$here/data"
for spec in "small 1000 1000 5000" "medium 10000 10000 50000" "large 100000 100000 500000"; do
    set -- $spec
    file="$here/data/ego-$1.json"
    if [ "${GENERATE:-0}" = 1 ] || [ ! -f "$file" ]; then
        python3 "$here/generate_dataset.py" --persons "$2" --meetings "$3" --participations "$4" --out "$file" >/dev/null
    fi
done
swift build -c release --package-path "$here" --product EgoBench
bin=$(swift build -c release --package-path "$here" --product EgoBench --show-bin-path)
"$bin/EgoBench" "$here/data/ego-small.json" "$here/data/ego-medium.json" "$here/data/ego-large.json" | tee "$here/data/ego-results.md"

# The whole command, as a user runs it: render ego minus validate is the view's share.
swift build -c release --package-path "$here/.." --product partygraph
cli="$(swift build -c release --package-path "$here/.." --show-bin-path)/partygraph"
out=$(mktemp -d)
echo
echo "| dataset | validate (load) | render ego --depth 1 --format svg |"
echo "|---|---:|---:|"
for size in small medium large; do
    file="$here/data/ego-$size.json"
    # The centre EgoBench chose (a person whose depth-1 view has about 52 nodes).
    centre=$(grep "| ego-$size.json |" "$here/data/ego-results.md" | cut -d'|' -f6 | tr -d ' ')
    start=$(date +%s.%N); "$cli" validate "$file" >/dev/null; mid=$(date +%s.%N)
    "$cli" render ego "$centre" --depth 1 --format svg --dataset "$file" --out "$out/ego.svg" >/dev/null; end=$(date +%s.%N)
    echo "| ego-$size.json ($centre) | $(echo "$mid - $start" | bc) s | $(echo "$end - $mid" | bc) s |"
done
rm -rf "$out"
