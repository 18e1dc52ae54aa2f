#!/bin/sh
# Builds the libFuzzer target of the dataset loader (release, -sanitize=fuzzer,address) into .build-fuzz and runs it
# for FUZZ_SECONDS seconds (default 60) over a seed corpus of the dataset fixtures, copied into a temporary folder
# (the fixtures themselves are never written). Fails on any crash, ASan report, leak, timeout or out-of-memory, and
# prints the number of inputs executed.
#
#     Tests/fuzz/run.sh                  # 60 s (what make test runs)
#     FUZZ_SECONDS=600 Tests/fuzz/run.sh # what make fuzz runs
#     Tests/fuzz/run.sh crash-1234…      # replays one input (a crash artifact) and exits
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
seconds=${FUZZ_SECONDS:-60}
scratch="$root/.build-fuzz"
flags="-c release --package-path Tests/fuzz --scratch-path $scratch --product DatasetFuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library"
build_start=$(date +%s)
# shellcheck disable=SC2086
${SWIFT:-swift} build $flags
bin="$(${SWIFT:-swift} build $flags --show-bin-path)/DatasetFuzzer"
echo "fuzz: built $bin in $(( $(date +%s) - build_start )) s"

if [ "$#" -gt 0 ]; then exec "$bin" "$@"; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/partygraph-fuzz.XXXXXX")
corpus="$work/corpus"
artifacts="$work/artifacts"
mkdir -p "$corpus" "$artifacts"
# The seeds: every dataset fixture, the bundled dataset, and the edge-list fixtures (the target reads both).
find Tests/PartyGraphTests/Fixtures datasets -maxdepth 3 \( -name '*.json' -o -name '*.edges' \) -type f | while read -r seed; do
    cp "$seed" "$corpus/$(echo "$seed" | tr '/' '_')"
done
echo "fuzz: $(ls "$corpus" | wc -l) seeds in $corpus, fuzzing for $seconds s"

status=0
"$bin" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts/" \
    -dict=Tests/fuzz/dataset.dict -print_final_stats=1 -print_pcs=0 >"$work/log" 2>&1 || status=$?
executed=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
if [ "$status" -ne 0 ]; then
    tail -60 "$work/log"
    echo "fuzz: FAILED (exit $status) after ${executed:-an unknown number of} inputs. Full log: $work/log"
    for artifact in "$artifacts"/*; do
        [ -e "$artifact" ] || continue
        echo "fuzz: the failing input is $artifact"
        echo "  replay it:              Tests/fuzz/run.sh $artifact"
        echo "  see what the CLI says:  .build/debug/partygraph validate $artifact"
        echo "  make it a fixture:      cp $artifact Tests/PartyGraphTests/Fixtures/invalid/<what-it-is>.json, then add a"
        echo "                          Case (file, line, column, path, message) to InvalidInputTests.cases"
        echo "                          (Tests/PartyGraphTests/InvalidInputTests.swift) and fix the loader until it passes."
    done
    exit 1
fi
tail -1 "$work/log" | grep -q Done || true
echo "fuzz: $executed inputs executed in $seconds s, no crash, leak or timeout ($(grep -c '' "$work/log") log lines: $work/log)"
rm -rf "$corpus" "$artifacts"
