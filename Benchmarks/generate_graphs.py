#!/usr/bin/env python3
"""Deterministic benchmark graphs for AlgorithmsBench and its peers.

Every graph is a plain edge list: one `u v` pair per line (0-based integer
vertex ids, separated by one space), preceded by `#` comment lines that say how
the graph was made. Every vertex id in 0..n-1 occurs in at least one edge, so
all tools agree on the vertex count without being told it. All graphs are
undirected and unweighted; files are written to Benchmarks/data/ (gitignored).

Graphs (name: model):

  ba_2k      Barabasi-Albert, n=2,000, m=4 (seed 2001): 7,984 edges; for
             --quick runs of the all-pairs measures.
  ba_5k      Barabasi-Albert, n=5,000, m=4 (networkx.barabasi_albert_graph,
             seed 5001): 19,984 edges, connected.
  ba_20k     Barabasi-Albert, n=20,000, m=5 (seed 20001): 99,975 edges,
             connected.
  er_1m      Erdos-Renyi G(n, M) with n=1,000,000 and M=5,000,000 distinct
             edges drawn with numpy (seed 1000001): pairs drawn uniformly,
             self-loops and duplicates dropped, topped up until M remain.
             Then every isolated vertex (about e^-10 * n ~ 45 of them) is
             paired with the next isolated vertex (the last one, if their
             count is odd, with vertex 0) replacing that many random edges,
             so the edge count stays exactly 5,000,000 and the graph has one
             giant component plus a few two-vertex components. Line order is
             shuffled and each pair randomly oriented. NetworkX's BA generator
             would take minutes at this size, hence the G(n, M) model.
  bip_50k_20k  Bipartite people x meetings (seed 5020): people are ids
             0..49,999, meetings are ids 50,000..69,999. Each line is
             `person meeting`. Each person attends 1 + Poisson(4) distinct
             meetings (mean 5, about 250k edges), chosen with probability
             proportional to 1 / (rank + 50) ** 0.7 over a fixed random
             ranking of the meetings, so a few meetings are large. Every
             meeting gets at least one attendee (an unattended meeting is
             given to a random person). Projection onto people: weight of
             (p, q) = number of meetings both attended.

Usage: generate_graphs.py [--quick] [--force] [--out DIR]
  --quick  only the small graphs (all but er_1m).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.join(HERE, "data")

PEOPLE = 50_000
MEETINGS = 20_000


def write_edges(path: str, header: list[str], u: np.ndarray, v: np.ndarray) -> None:
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        for line in header:
            f.write("# " + line + "\n")
        # Format in chunks: fast and memory-light even for 5M lines.
        chunk = 1_000_000
        for s in range(0, len(u), chunk):
            a = u[s:s + chunk].astype(np.int64)
            b = v[s:s + chunk].astype(np.int64)
            lines = np.char.add(np.char.add(a.astype(str), " "), b.astype(str))
            f.write("\n".join(lines.tolist()))
            f.write("\n")
    os.replace(tmp, path)


def gen_ba(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    import networkx as nx
    g = nx.barabasi_albert_graph(n, m, seed=seed)
    e = np.array(sorted((min(a, b), max(a, b)) for a, b in g.edges()), dtype=np.int64)
    return e[:, 0], e[:, 1]


def gen_er(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    keys = np.empty(0, dtype=np.int64)
    while len(keys) < m:
        need = int((m - len(keys)) * 1.02) + 1000
        a = rng.integers(0, n, need, dtype=np.int64)
        b = rng.integers(0, n, need, dtype=np.int64)
        ok = a != b
        a, b = a[ok], b[ok]
        lo, hi = np.minimum(a, b), np.maximum(a, b)
        keys = np.unique(np.concatenate([keys, lo * n + hi]))
    # Keep a random subset of exactly m distinct edges.
    keys = keys[np.sort(rng.permutation(len(keys))[:m])]
    lo, hi = keys // n, keys % n
    deg = np.bincount(lo, minlength=n) + np.bincount(hi, minlength=n)
    iso = np.flatnonzero(deg == 0)
    if len(iso):
        if len(iso) % 2:
            iso = np.append(iso, 0)
        pa, pb = iso[0::2], iso[1::2]
        # Replace as many random edges whose endpoints both keep degree >= 2.
        k = len(pa)
        cand = rng.permutation(m)
        drop = []
        for i in cand:
            if deg[lo[i]] > 1 and deg[hi[i]] > 1:
                deg[lo[i]] -= 1
                deg[hi[i]] -= 1
                drop.append(i)
                if len(drop) == k:
                    break
        keep = np.ones(m, dtype=bool)
        keep[drop] = False
        lo = np.concatenate([lo[keep], np.minimum(pa, pb)])
        hi = np.concatenate([hi[keep], np.maximum(pa, pb)])
    order = rng.permutation(len(lo))
    lo, hi = lo[order], hi[order]
    flip = rng.random(len(lo)) < 0.5
    u = np.where(flip, hi, lo)
    v = np.where(flip, lo, hi)
    return u, v


def gen_bipartite(seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    rank = rng.permutation(MEETINGS)
    p = 1.0 / (rank + 50.0) ** 0.7
    p /= p.sum()
    k = 1 + rng.poisson(4.0, PEOPLE)
    people, meetings = [], []
    for person in range(PEOPLE):
        ms = rng.choice(MEETINGS, size=k[person], replace=False, p=p)
        people.append(np.full(k[person], person, dtype=np.int64))
        meetings.append(ms.astype(np.int64))
    people = np.concatenate(people)
    meetings = np.concatenate(meetings)
    attended = np.zeros(MEETINGS, dtype=bool)
    attended[meetings] = True
    missing = np.flatnonzero(~attended)
    if len(missing):
        people = np.concatenate([people, rng.integers(0, PEOPLE, len(missing))])
        meetings = np.concatenate([meetings, missing])
    return people, meetings + PEOPLE


GRAPHS = {
    "ba_2k": dict(quick=True),
    "ba_5k": dict(quick=True),
    "ba_20k": dict(quick=True),
    "er_1m": dict(quick=False),
    "bip_50k_20k": dict(quick=True),
}


def generate(name: str, out: str, force: bool) -> str:
    path = os.path.join(out, name + ".txt")
    if os.path.exists(path) and not force:
        return path
    t0 = time.time()
    if name == "ba_2k":
        u, v = gen_ba(2_000, 4, 2001)
        header = ["Barabasi-Albert n=2000 m=4 seed=2001 (networkx.barabasi_albert_graph)"]
    elif name == "ba_5k":
        u, v = gen_ba(5_000, 4, 5001)
        header = ["Barabasi-Albert n=5000 m=4 seed=5001 (networkx.barabasi_albert_graph)"]
    elif name == "ba_20k":
        u, v = gen_ba(20_000, 5, 20001)
        header = ["Barabasi-Albert n=20000 m=5 seed=20001 (networkx.barabasi_albert_graph)"]
    elif name == "er_1m":
        u, v = gen_er(1_000_000, 5_000_000, 1000001)
        header = ["Erdos-Renyi G(n,M) n=1000000 M=5000000 seed=1000001, isolated vertices paired,",
                  "lines shuffled; see generate_graphs.py"]
    elif name == "bip_50k_20k":
        u, v = gen_bipartite(5020)
        header = [f"bipartite person meeting: people 0..{PEOPLE - 1}, meetings {PEOPLE}..{PEOPLE + MEETINGS - 1}",
                  "seed=5020; see generate_graphs.py"]
    else:
        raise SystemExit(f"unknown graph {name}")
    n = int(max(u.max(), v.max())) + 1
    header.append(f"undirected unweighted nodes={n} edges={len(u)}")
    write_edges(path, header, u, v)
    print(f"generated {name}: n={n} m={len(u)} in {time.time() - t0:.1f}s -> {os.path.relpath(path)}",
          file=sys.stderr)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="only the small graphs")
    ap.add_argument("--force", action="store_true", help="regenerate even if the file exists")
    ap.add_argument("--out", default=DEFAULT_OUT, help="output folder (default Benchmarks/data)")
    ap.add_argument("names", nargs="*", help="graphs to make (default: all, or the quick ones)")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    names = args.names or [k for k, v in GRAPHS.items() if v["quick"] or not args.quick]
    for name in names:
        generate(name, args.out, args.force)


if __name__ == "__main__":
    main()
