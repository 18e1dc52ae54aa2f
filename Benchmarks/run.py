#!/usr/bin/env python3
"""Side-by-side benchmark of GraphAlgorithms against NetworkX, igraph,
NetworKit, rustworkx and scipy. One command, from the repository root:

    python3 Benchmarks/run.py            # full run (~30 min on 2 cores)
    python3 Benchmarks/run.py --quick    # smoke run: small graphs, 3 rounds

Steps: install missing peers with pip, generate missing graphs, build
AlgorithmsBench in release, then for every (task, graph) case run every
configuration (ours 1 and 2 threads, each peer) as a separate process,
interleaved round by round (A B C ... A B C ...), so machine noise hits all
alike. Writes Benchmarks/results.md and Benchmarks/results.json (or
results-quick.* with --quick).
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import importlib.metadata
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
PY = sys.executable

REL_TOL = 1e-9

# ------------------------------------------------------------------ configs
# name -> (tool, threads). "ours" is AlgorithmsBench.
CONFIGS = {
    "ours-1t": ("ours", 1),
    "ours-2t": ("ours", 2),
    "networkx": ("networkx", 1),
    "igraph": ("igraph", 1),
    "networkit-1t": ("networkit", 1),
    "networkit-2t": ("networkit", 2),
    "rustworkx-1t": ("rustworkx", 1),
    "rustworkx-2t": ("rustworkx", 2),
    "scipy": ("scipy", 1),
}
PEER_COLUMNS = ["networkx", "igraph", "networkit-1t", "networkit-2t", "rustworkx-1t", "rustworkx-2t", "scipy"]

# Which peers can run which task. rustworkx has no harmonic centrality;
# its 2-thread configuration is run only where rustworkx uses threads.
SUPPORTS = {
    "networkx": {"load", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
                 "components", "bfs", "bipartite"},
    "igraph": {"load", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
               "components", "bfs", "bipartite"},
    "networkit-1t": {"load", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
                     "components", "bfs"},
    "networkit-2t": {"load", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
                     "components", "bfs"},
    "rustworkx-1t": {"load", "betweenness", "closeness", "pagerank", "eigenvector", "components", "bfs"},
    "rustworkx-2t": {"betweenness", "closeness"},
    "scipy": {"bipartite"},
}

# Peers whose result is not comparable in work done, shown but never "best".
NOT_COMPARABLE = {
    ("pagerank", "igraph"): "PRPACK direct solver, not iteration-matched",
}

# Reference for the agreement check, first one that ran.
REFERENCE_ORDER = {
    "pagerank": ["networkx", "networkit-1t", "rustworkx-1t", "igraph"],
    "eigenvector": ["networkx", "rustworkx-1t", "igraph"],
    "bipartite": ["networkx", "igraph", "scipy"],
}
DEFAULT_REFERENCE = ["networkx", "igraph", "rustworkx-1t", "networkit-1t"]

# Targets: (peer configs the target is measured against at 1 thread,
#           at 2 threads, factor). At 2 threads any peer configuration using
#           at most 2 threads counts (a 1-thread peer is a valid 2-thread
#           configuration).
TARGETS = {
    "betweenness": (["igraph"], ["igraph"], 0.5, 0.3, "igraph 1-thread"),
    "closeness": (["networkit-1t"], ["networkit-1t", "networkit-2t"], 0.7, 0.7, "NetworKit"),
    "harmonic": (["networkit-1t"], ["networkit-1t", "networkit-2t"], 0.7, 0.7, "NetworKit"),
    "pagerank": (["networkit-1t"], ["networkit-1t", "networkit-2t"], 0.3, 0.3, "NetworKit"),
    "eigenvector": (["networkit-1t"], ["networkit-1t", "networkit-2t"], 0.7, 0.7, "NetworKit"),
    "components": (["networkit-1t"], ["networkit-1t", "networkit-2t"], 0.5, 0.5, "NetworKit"),
    "bfs": (["networkit-1t"], ["networkit-1t", "networkit-2t"], 0.4, 0.4, "NetworKit"),
    "bipartite": (["scipy"], ["scipy"], 1.0, 1.0, "scipy B·Bᵀ"),
    "load": (["rustworkx-1t"], ["rustworkx-1t"], 0.2, 0.2, "rustworkx"),
}
LOAD_MEMORY_LIMIT_KB = 100 * 1024  # "< 100 MB" for the whole process

# (task, graph, in-process repeats, peers skipped with the reason[, rounds])
NX_SLOW = "NetworkX skipped: minutes per run at this size"
NX_PROJ = "NetworkX skipped: ~5M projected edges, minutes and GBs"
ONE_ROUND = 1
FULL_CASES = [
    ("load", "er_1m", 3, {"networkx": NX_SLOW}),
    ("load", "ba_20k", 5, {}),
    ("betweenness", "ba_5k", 1, {}),
    # Scale check: every configuration takes 15-100 s here, so one round only.
    ("betweenness", "ba_20k", 1, {"networkx": NX_SLOW}, ONE_ROUND),
    ("closeness", "ba_5k", 1, {}),
    ("harmonic", "ba_5k", 1, {}),
    ("pagerank", "ba_20k", 5, {}),
    ("pagerank", "er_1m", 1, {"networkx": NX_SLOW}),
    ("eigenvector", "ba_20k", 5, {}),
    ("eigenvector", "er_1m", 1, {"networkx": NX_SLOW,
                                  "rustworkx-1t": "rustworkx skipped: over 80 s per run at this size"}),
    ("components", "ba_20k", 5, {}),
    ("components", "er_1m", 3, {"networkx": NX_SLOW}),
    ("bfs", "ba_20k", 5, {}),
    ("bfs", "er_1m", 3, {"networkx": NX_SLOW}),
    ("bipartite", "bip_50k_20k", 3, {"networkx": NX_PROJ}),
]
QUICK_CASES = [
    ("load", "ba_20k", 3, {}),
    ("betweenness", "ba_2k", 1, {}),
    ("closeness", "ba_2k", 1, {}),
    ("harmonic", "ba_2k", 1, {}),
    ("pagerank", "ba_20k", 3, {}),
    ("eigenvector", "ba_20k", 3, {}),
    ("components", "ba_20k", 3, {}),
    ("bfs", "ba_20k", 3, {}),
    ("bipartite", "bip_50k_20k", 1, {"networkx": NX_PROJ}),
]

TIMEOUT_S = 900

# Configurations run in the first round only: NetworkX is the correctness
# reference and far slower than everything else, so repeating it would only
# spend the time budget.
FIRST_ROUND_ONLY = {"networkx"}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ------------------------------------------------------------------ setup

def ensure_peers() -> None:
    missing = []
    for module, package in [("igraph", "igraph"), ("networkit", "networkit"), ("rustworkx", "rustworkx"),
                            ("scipy", "scipy"), ("networkx", "networkx"), ("numpy", "numpy")]:
        # find_spec, not import: importing would grow this process, and its size at
        # fork time would show up in children's rusage.
        if importlib.util.find_spec(module) is None:
            missing.append(package)
    if missing:
        log(f"installing {' '.join(missing)} with pip")
        subprocess.run([PY, "-m", "pip", "install", "--quiet", *missing], check=True)


def peer_versions() -> dict:
    out = {}
    for dist in ["networkx", "igraph", "networkit", "rustworkx", "scipy", "numpy"]:
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = "not installed"
    return out


def ensure_graphs(quick: bool) -> None:
    cmd = [PY, os.path.join(HERE, "generate_graphs.py")]
    if quick:
        cmd.append("--quick")
    subprocess.run(cmd, check=True)


def build_ours() -> str:
    log("building AlgorithmsBench (release)")
    base = ["swift", "build", "-c", "release", "--package-path", HERE, "--product", "AlgorithmsBench"]
    subprocess.run(base, check=True)
    binpath = subprocess.run(base + ["--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(binpath, "AlgorithmsBench")


def algorithms_commit() -> str:
    """The last commit that touched Sources/GraphAlgorithms, plus "+dirty" if edited."""
    root = os.path.dirname(HERE)
    try:
        h = subprocess.run(["git", "-C", root, "log", "-1", "--format=%h", "--", "Sources/GraphAlgorithms"],
                           capture_output=True, text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--", "Sources/GraphAlgorithms"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return h + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


# ------------------------------------------------------------------ running

def command(config: str, task: str, graph_path: str, repeat: int, ours_bin: str) -> tuple[list[str], dict]:
    tool, threads = CONFIGS[config]
    env = dict(os.environ)
    for var in ("RAYON_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        env[var] = str(threads)
    if tool == "ours":
        cmd = [ours_bin, "--task", task, "--graph", graph_path, "--threads", str(threads), "--repeat", str(repeat)]
        if task == "bipartite":
            cmd += ["--people", "50000"]
    else:
        cmd = [PY, os.path.join(HERE, "peers.py"), "--tool", tool, "--task", task, "--graph", graph_path,
               "--threads", str(threads), "--repeat", str(repeat)]
    return cmd, env


def run_one(config, task, graph_path, repeat, ours_bin) -> dict:
    cmd, env = command(config, task, graph_path, repeat, ours_bin)
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return {"error": f"timeout after {TIMEOUT_S}s"}
    wall = time.perf_counter() - t0
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    if p.returncode != 0 or not lines:
        return {"error": f"exit {p.returncode}: {(p.stderr or p.stdout).strip()[-300:]}"}
    out = json.loads(lines[-1])
    out["wall_s"] = wall
    return out


# ------------------------------------------------------------------ checks

def close(a, b) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, int) and isinstance(b, int):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        scale = max(abs(a), abs(b))
        return abs(a - b) <= REL_TOL * scale or abs(a - b) <= 1e-15
    return False


def agree(ours: dict, ref: dict) -> tuple[bool, str]:
    for key, rv in ref.items():
        if key == "iterations":
            continue
        if key not in ours:
            return False, f"missing {key}"
        ov = ours[key]
        if isinstance(rv, list):
            if not isinstance(ov, list) or len(ov) != len(rv):
                return False, f"{key}: length {len(ov) if isinstance(ov, list) else '?'} vs {len(rv)}"
            for i, (x, y) in enumerate(zip(ov, rv)):
                if not close(x, y):
                    return False, f"{key}[{i}]: {x!r} vs {y!r}"
        elif not close(ov, rv):
            return False, f"{key}: {ov!r} vs {rv!r}"
    return True, "ok"


# ------------------------------------------------------------------ main

def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small graphs, 3 rounds (smoke run)")
    ap.add_argument("--rounds", type=int, help="interleaved rounds per case (default 3)")
    ap.add_argument("--task", action="append", help="only these tasks (repeatable)")
    ap.add_argument("--graph", action="append", help="only these graphs (repeatable)")
    ap.add_argument("--no-install", action="store_true", help="do not pip-install missing peers")
    ap.add_argument("--no-build", action="store_true", help="use the existing release build")
    ap.add_argument("--out", help="output file stem (default Benchmarks/results or results-quick)")
    ap.add_argument("--update", action="store_true",
                    help="with --task: replace only those cases in the existing results file")
    args = ap.parse_args()

    rounds = args.rounds or 3
    cases = QUICK_CASES if args.quick else FULL_CASES
    if args.task:
        cases = [c for c in cases if c[0] in args.task]
    if args.graph:
        cases = [c for c in cases if c[1] in args.graph]
    stem = args.out or os.path.join(HERE, "results-quick" if args.quick else "results")

    if not args.no_install:
        ensure_peers()
    ensure_graphs(args.quick)
    if args.no_build:
        base = ["swift", "build", "-c", "release", "--package-path", HERE, "--show-bin-path"]
        ours_bin = os.path.join(subprocess.run(base, check=True, capture_output=True, text=True).stdout.strip(),
                                "AlgorithmsBench")
    else:
        ours_bin = build_ours()

    started = time.time()
    results = []
    for case in cases:
        task, graph, repeat, skips = case[:4]
        case_rounds = case[4] if len(case) > 4 and not args.rounds else rounds
        path = os.path.join(DATA, graph + ".txt")
        configs = ["ours-1t", "ours-2t"] + [c for c in PEER_COLUMNS if task in SUPPORTS[c] and c not in skips]
        runs = {c: [] for c in configs}
        load_before = os.getloadavg()[0]
        for r in range(case_rounds):
            # Rotate the order each round so no configuration always runs first.
            order = configs[r % len(configs):] + configs[:r % len(configs)]
            for config in order:
                if r > 0 and config in FIRST_ROUND_ONLY:
                    continue
                out = run_one(config, task, path, repeat, ours_bin)
                runs[config].append(out)
                status = f"{out['median_s']:.4f}s" if "median_s" in out else out["error"][:120]
                log(f"[{time.time() - started:7.1f}s] {task:12s} {graph:12s} round {r + 1}/{case_rounds} {config:13s} {status}")
        results.append(summarise(task, graph, repeat, skips, runs))
        results[-1]["rounds"] = case_rounds
        results[-1]["graphalgorithms_commit"] = algorithms_commit()
        results[-1]["loadavg_1min"] = [load_before, os.getloadavg()[0]]

    if args.update and os.path.exists(stem + ".json"):
        with open(stem + ".json") as f:
            old = json.load(f)
        fresh = {(c["task"], c["graph"]): c for c in results}
        for c in results:
            c["generated"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        updated = sorted(fresh)
        merged = [fresh.pop((c["task"], c["graph"]), c) for c in old["cases"]] + list(fresh.values())
        results = merged
    doc = {
        "generated": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "mode": "quick" if args.quick else "full",
        "rounds": rounds,
        "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
        "peers": peer_versions(),
        "wall_s": time.time() - started,
        "cases": results,
    }
    if args.update and os.path.exists(stem + ".json"):
        doc["generated"] = old["generated"]
        doc["wall_s"] = old["wall_s"]
        doc["updates"] = old.get("updates", []) + [{
            "at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
            "cases": [f"{t}/{g}" for t, g in updated], "wall_s": time.time() - started}]
    with open(stem + ".json", "w") as f:
        json.dump(doc, f, indent=1)
    with open(stem + ".md", "w") as f:
        f.write(markdown(doc))
    log(f"wrote {os.path.relpath(stem)}.md and .json in {doc['wall_s']:.0f}s")


def summarise(task, graph, repeat, skips, runs) -> dict:
    configs = {}
    for config, outs in runs.items():
        ok = [o for o in outs if "median_s" in o]
        errs = [o["error"] for o in outs if "error" in o]
        if ok:
            configs[config] = {
                "median_s": statistics.median(o["median_s"] for o in ok),
                "round_medians_s": [o["median_s"] for o in ok],
                "peak_rss_kb": max(o["peak_rss_kb"] for o in ok),
                "digest": ok[-1]["digest"],
                "errors": errs,
            }
        else:
            configs[config] = {"error": errs[0] if errs else "did not run"}

    def t(c):
        return configs.get(c, {}).get("median_s")

    def best(pool):
        cands = [(t(c), c) for c in pool if t(c) is not None and (task, c.split("-")[0]) not in NOT_COMPARABLE]
        return min(cands) if cands else (None, None)

    peers = [c for c in runs if not c.startswith("ours")]
    best1 = best([c for c in peers if CONFIGS[c][1] == 1])
    best2 = best(peers)

    # Agreement with the reference implementation.
    ref_name = next((c for c in REFERENCE_ORDER.get(task, DEFAULT_REFERENCE) if "digest" in configs.get(c, {})), None)
    agreement = {}
    for ours in ("ours-1t", "ours-2t"):
        if "digest" in configs.get(ours, {}) and ref_name:
            ok, why = agree(configs[ours]["digest"], configs[ref_name]["digest"])
            agreement[ours] = {"ok": ok, "detail": why}
        else:
            agreement[ours] = {"ok": False, "detail": "no result" if ref_name else "no reference"}

    # Targets.
    pool1, pool2, f1, f2, label = TARGETS[task]
    target = {"against": label, "factor_1t": f1, "factor_2t": f2}
    for ours, pool, factor, key in (("ours-1t", pool1, f1, "1t"), ("ours-2t", pool2, f2, "2t")):
        ref_t, ref_c = best(pool) if task != "pagerank" else min(
            ((t(c), c) for c in pool if t(c) is not None), default=(None, None))
        mine = t(ours)
        if ref_t is None or mine is None:
            target[key] = {"ratio": None, "met": None, "peer": ref_c}
            continue
        ratio = mine / ref_t
        met = ratio <= factor
        if task == "load":
            rss = configs[ours]["peak_rss_kb"]
            target[key + "_peak_rss_kb"] = rss
            met = met and rss < LOAD_MEMORY_LIMIT_KB
        target[key] = {"ratio": ratio, "met": met, "peer": ref_c}

    return {
        "task": task, "graph": graph, "repeat": repeat, "skipped": skips, "configs": configs,
        "best_peer_1t": {"config": best1[1], "median_s": best1[0]},
        "best_peer_2t": {"config": best2[1], "median_s": best2[0]},
        "ratio_1t_vs_best": (t("ours-1t") / best1[0]) if best1[0] and t("ours-1t") else None,
        "ratio_2t_vs_best": (t("ours-2t") / best2[0]) if best2[0] and t("ours-2t") else None,
        "reference": ref_name, "agreement": agreement, "target": target,
        "not_comparable": {c: why for (tk, c), why in NOT_COMPARABLE.items() if tk == task},
    }


def fmt_t(x) -> str:
    if x is None:
        return "—"
    if x >= 100:
        return f"{x:.0f} s"
    if x >= 1:
        return f"{x:.2f} s"
    if x >= 1e-3:
        return f"{x * 1e3:.1f} ms"
    return f"{x * 1e6:.0f} µs"


def fmt_r(x) -> str:
    return "—" if x is None else f"{x:.2f}×"


def markdown(doc: dict) -> str:
    L = []
    L.append(f"# GraphAlgorithms vs peers — {doc['mode']} run\n")
    L.append(f"Generated {doc['generated']} by `Benchmarks/run.py{' --quick' if doc['mode'] == 'quick' else ''}`; "
             f"{doc['rounds']} interleaved rounds per case, each configuration a separate process; times are "
             f"medians of per-round medians. Machine: {doc['machine']['cpus']} CPUs, {doc['machine']['platform']}. "
             f"Peers: " + ", ".join(f"{k} {v}" for k, v in doc["peers"].items()) + f". Total wall time "
             f"{doc['wall_s'] / 60:.1f} min.\n")
    for u in doc.get("updates", []):
        L.append(f"Re-run at {u['at']} with a newer GraphAlgorithms ({u['wall_s'] / 60:.1f} min): "
                 + ", ".join(u["cases"]) + ".\n")
    commits = sorted({c.get("graphalgorithms_commit", "?") for c in doc["cases"]})
    L.append("GraphAlgorithms commit per case: " + "; ".join(
        f"`{h}`: " + ", ".join(f"{c['task']}/{c['graph']}" for c in doc["cases"]
                               if c.get("graphalgorithms_commit", "?") == h) for h in commits) + ".\n")
    loads = [x for c in doc["cases"] for x in c.get("loadavg_1min", [])]
    if loads:
        L.append(f"1-minute load average at case boundaries: {min(loads):.1f}–{max(loads):.1f} on "
                 f"{doc['machine']['cpus']} CPUs (above 2 means other work shared the machine; interleaving "
                 "spreads that over all configurations).\n")
    L.append("Ratio = ours ÷ fastest peer configuration at the same thread count (at 2 threads, any peer "
             "configuration using ≤ 2 threads). Target = ours ÷ the named peer (see README). "
             "`agree` = our digest matches the reference tool's to 1e-9 relative.\n")
    cols = ["task", "graph", "ours 1t", "ours 2t"] + PEER_COLUMNS + [
        "best peer 1t", "best peer 2t", "ratio 1t", "ratio 2t", "target", "met 1t", "met 2t", "agree"]
    L.append("| " + " | ".join(cols) + " |")
    L.append("|" + "---|" * len(cols))
    for c in doc["cases"]:
        cf = c["configs"]
        row = [c["task"], c["graph"]]
        for name in ["ours-1t", "ours-2t"] + PEER_COLUMNS:
            if name not in cf:
                row.append("skip" if name in c["skipped"] else "n/a")
            elif "median_s" in cf[name]:
                cell = fmt_t(cf[name]["median_s"])
                if name in c["not_comparable"]:
                    cell += "†"
                row.append(cell)
            else:
                row.append("error")
        b1, b2 = c["best_peer_1t"], c["best_peer_2t"]
        row.append(f"{b1['config']} {fmt_t(b1['median_s'])}" if b1["config"] else "—")
        row.append(f"{b2['config']} {fmt_t(b2['median_s'])}" if b2["config"] else "—")
        row.append(fmt_r(c["ratio_1t_vs_best"]))
        row.append(fmt_r(c["ratio_2t_vs_best"]))
        tg = c["target"]
        tt = f"1t ≤ {tg['factor_1t']}×, 2t ≤ {tg['factor_2t']}× {tg['against']}"
        if c["task"] == "load":
            tt += ", peak RSS < 100 MiB"
        row.append(tt)
        for key in ("1t", "2t"):
            v = tg.get(key, {})
            if v.get("met") is None:
                row.append("—")
            else:
                extra = ""
                if c["task"] == "load" and tg.get(key + "_peak_rss_kb") is not None:
                    extra = f", {tg[key + '_peak_rss_kb'] / 1024:.1f} MiB"
                row.append(f"{'yes' if v['met'] else 'NO'} ({fmt_r(v['ratio'])}{extra})")
        ag = c["agreement"]
        row.append(", ".join(f"{k[-2:]} {'yes' if v['ok'] else 'NO'}" for k, v in ag.items())
                   + (f" vs {c['reference']}" if c["reference"] else ""))
        L.append("| " + " | ".join(row) + " |")
    L.append("")
    L.append("† not used as best peer: " + "; ".join(f"{t}/{c}: {w}" for (t, c), w in NOT_COMPARABLE.items()) + ".\n")

    L.append("## Peak resident memory (MiB, whole process, max over rounds)\n")
    cols = ["task", "graph", "ours 1t", "ours 2t"] + PEER_COLUMNS
    L.append("| " + " | ".join(cols) + " |")
    L.append("|" + "---|" * len(cols))
    for c in doc["cases"]:
        row = [c["task"], c["graph"]]
        for name in ["ours-1t", "ours-2t"] + PEER_COLUMNS:
            v = c["configs"].get(name)
            row.append(f"{v['peak_rss_kb'] / 1024:.0f}" if v and "peak_rss_kb" in v else "—")
        L.append("| " + " | ".join(row) + " |")
    L.append("")

    notes = []
    for c in doc["cases"]:
        if c.get("rounds", doc["rounds"]) != doc["rounds"]:
            notes.append(f"- {c['task']} / {c['graph']}: {c['rounds']} round(s) only (scale check; slow for every tool).")
        for k, v in c["skipped"].items():
            notes.append(f"- {c['task']} / {c['graph']}: {v}.")
        for name, v in c["configs"].items():
            if "error" in v:
                notes.append(f"- {c['task']} / {c['graph']} / {name}: {v['error']}")
        for k, v in c["agreement"].items():
            if not v["ok"]:
                notes.append(f"- {c['task']} / {c['graph']} / {k} disagrees with {c['reference']}: {v['detail']}")
        if c["task"] == "pagerank":
            it = {n: v["digest"].get("iterations") for n, v in c["configs"].items()
                  if "digest" in v and "iterations" in v["digest"]}
            if it:
                notes.append(f"- pagerank / {c['graph']}: iterations reported " +
                             ", ".join(f"{k} {v}" for k, v in it.items()) + ".")
    if notes:
        L.append("## Notes\n")
        L.extend(notes)
        L.append("")
    return "\n".join(L)


if __name__ == "__main__":
    main()
