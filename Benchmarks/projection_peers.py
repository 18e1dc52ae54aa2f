#!/usr/bin/env python3
"""The persons projection at research scale, side by side with its peers in one run.

    python3 Benchmarks/projection_peers.py [--dataset Benchmarks/data/scale.json]
                                           [--attendance Benchmarks/data/scale-attendance.txt]
                                           [--repeat 3] [--skip-networkx] [--json FILE]

Needs the release builds (`swift build -c release --product partygraph` and
`swift build -c release --package-path Benchmarks`) and the person-level attendance of
the dataset as a person x meeting edge list, which `ScaleBench --write-attendance FILE`
writes from `Dataset.coMeetingGraph(level: .person)` (so every tool projects exactly
the attendance our rules give: offices replaced by their holders, `led_by` persons
added). `Benchmarks/scale.sh` does all of that.

Measured, in this order, in one run:
  1. The projection itself on that attendance: ours (`CoMembership`, the kernel behind
     `CoMeetingGraph`, which also keeps each pair's meetings), one thread and all
     cores; NetworkX `bipartite.weighted_projected_graph`; scipy `B @ B.T` (B already a
     CSR matrix, counts only). Each tool's digest (edge count, total weight, top
     strengths) must agree, or the run fails.
  2. Whole commands of the release CLI, as a user runs them: `info` (load only),
     `centrality --measure degree`, `centrality --measure pagerank --projection persons`,
     `export --format csv --projection persons`: wall time and peak memory
     (`/usr/bin/time`, maximum resident set), median of --repeat runs.
Prints a Markdown table with the ratios and the load average; --json also writes the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def bench_bin(product: str) -> str:
    path = subprocess.run(
        ["swift", "build", "-c", "release", "--package-path", HERE, "--product", product, "--show-bin-path"],
        check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(path, product)


def cli_bin() -> str:
    path = subprocess.run(["swift", "build", "-c", "release", "--product", "partygraph", "--show-bin-path"],
                          cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "partygraph")


def people_of(attendance: str) -> int:
    """The number of persons, from the first line ScaleBench writes (`... N actors, M meetings`)."""
    with open(attendance, encoding="utf-8") as handle:
        first = handle.readline()
    words = first.split()
    return int(words[words.index("actors,") - 1])


def run_json(command: list[str]) -> dict:
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def timed(command: list[str], repeat: int) -> dict:
    """Wall seconds and peak resident set (MiB) of a whole process, median of `repeat` runs."""
    walls, peaks = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for _ in range(repeat):
            report = os.path.join(scratch, "time.txt")
            subprocess.run(["/usr/bin/time", "-o", report, "-f", "%e %M"] + command, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall, peak_kb = open(report, encoding="utf-8").read().split()[-2:]
            walls.append(float(wall))
            peaks.append(int(peak_kb) / 1024)
    return {"wall_s": statistics.median(walls), "peak_mib": max(peaks), "walls": walls}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dataset", default=os.path.join(HERE, "data", "scale.json"))
    ap.add_argument("--attendance", default=os.path.join(HERE, "data", "scale-attendance.txt"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--skip-networkx", action="store_true", help="leave out NetworkX (minutes at the default size)")
    ap.add_argument("--json", help="also write the figures to this file")
    args = ap.parse_args()
    for path in (args.dataset, args.attendance):
        if not os.path.exists(path):
            sys.exit(f"{path} is missing: run Benchmarks/scale.sh (it writes both)")

    people = people_of(args.attendance)
    algorithms = bench_bin("AlgorithmsBench")
    common = ["--graph", args.attendance, "--people", str(people), "--repeat", str(args.repeat)]
    threads = os.cpu_count() or 1
    projection = {
        "ours, CoMembership, 1 thread": run_json([algorithms, "--task", "comembership", "--threads", "1"] + common),
        f"ours, CoMembership, {threads} threads": run_json([algorithms, "--task", "comembership", "--threads", str(threads)] + common),
        "scipy B @ B.T": run_json([sys.executable, os.path.join(HERE, "peers.py"), "--tool", "scipy", "--task", "bipartite"] + common),
    }
    if not args.skip_networkx:
        projection["NetworkX weighted_projected_graph"] = run_json(
            [sys.executable, os.path.join(HERE, "peers.py"), "--tool", "networkx", "--task", "bipartite",
             "--graph", args.attendance, "--people", str(people), "--repeat", "1"])
    digests = {name: json.dumps(result["digest"], sort_keys=True) for name, result in projection.items()}
    if len(set(digests.values())) != 1:
        for name, digest in digests.items():
            print(f"{name}: {digest}", file=sys.stderr)
        sys.exit("the tools disagree on the projection")

    cli = cli_bin()
    dataset = args.dataset
    with tempfile.TemporaryDirectory() as scratch:
        commands = {
            "info (load only)": [cli, "info", "--dataset", dataset],
            "centrality --measure degree": [cli, "centrality", "--measure", "degree", "--dataset", dataset, "--format", "csv"],
            "centrality --measure pagerank --projection persons": [
                cli, "centrality", "--measure", "pagerank", "--projection", "persons", "--dataset", dataset, "--format", "csv"],
            "export --format csv --projection persons": [
                cli, "export", "--format", "csv", "--projection", "persons", "--dataset", dataset,
                "--out", os.path.join(scratch, "persons-csv")],
        }
        processes = {name: timed(command, args.repeat) for name, command in commands.items()}

    load = os.getloadavg()
    print(f"dataset {os.path.basename(dataset)}, attendance {os.path.basename(args.attendance)} ({people} persons); "
          f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {threads} cores at the end")
    print()
    scipy = projection["scipy B @ B.T"]["median_s"]
    networkx = projection.get("NetworkX weighted_projected_graph", {}).get("median_s")
    print("| projection on the same attendance | median s | peak MiB (process) | × scipy | × NetworkX |")
    print("|---|---|---|---|---|")
    for name, result in projection.items():
        seconds = result["median_s"]
        ratio_nx = f"{seconds / networkx:.3f}" if networkx else "—"
        print(f"| {name} | {seconds:.3f} | {result['peak_rss_kb'] / 1024:.0f} | {seconds / scipy:.2f} | {ratio_nx} |")
    print()
    print("| whole process (release CLI) | wall s (median) | peak MiB |")
    print("|---|---|---|")
    for name, result in processes.items():
        print(f"| `partygraph {name}` | {result['wall_s']:.2f} | {result['peak_mib']:.0f} |")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump({"projection": projection, "processes": processes, "load_average": load}, handle, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
