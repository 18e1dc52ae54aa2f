#!/usr/bin/env python3
"""Run one benchmark task on one peer library for one graph file; print JSON.

    peers.py --tool TOOL --task TASK --graph FILE [--threads N] [--repeat R]
             [--people P]

Tools: networkx, igraph, networkit, rustworkx, scipy.
Tasks: load, betweenness, closeness, harmonic, pagerank, eigenvector,
       components, bfs, bipartite.

The graph is read with the tool's own edge-list reader (outside the timed
region, except for the `load` task, which times exactly that). The timed task
runs R times in this process; the JSON line on stdout holds every time, their
median, the peak resident set of the whole process (VmHWM, which includes
the Python interpreter and the imported libraries) and a digest of the result
in a tool-independent form (see `digest_*` below), so run.py can check that all
tools computed the same thing.

Conventions shared with AlgorithmsBench (all graphs undirected, unweighted):
  betweenness  Brandes, unnormalised, each unordered pair {s, t} counted once
               (NetworkX normalized=False).
  closeness    (r-1)/sum(d) * (r-1)/(n-1) with r the reachable count
               (Wasserman-Faust; equals (n-1)/sum(d) on connected graphs).
  harmonic     sum over v != u of 1/d(u, v), unnormalised.
  pagerank     damping 0.85, uniform start and teleport, power iteration
               stopped at the first iteration whose L1 change
               sum |x_k - x_{k-1}| is below PR_TOL_L1; every tool that exposes
               its stopping rule is configured to that same L1 rule, so they
               run the same number of iterations (NetworKit reports its count).
               igraph only offers PRPACK (a direct solver), which is not
               iteration-matched: its time is shown but not used as "best".
  eigenvector  leading eigenvector of A, scaled to unit L2 norm, positive;
               each tool converged tightly (EV_TOL) so values agree to ~1e-12.
  components   connected components: count and the ten largest sizes.
  bfs          breadth-first search from vertex 0: the size of every level.
  bipartite    projection of the person x meeting graph onto people; weight of
               {p, q} = number of shared meetings. scipy times B @ B.T only
               (B already a CSR matrix); the digest drops the diagonal.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time

PR_DAMPING = 0.85
PR_TOL_L1 = 1e-10      # stop when the L1 change of one iteration is below this
PR_MAX_ITER = 10_000   # never reached on the benchmark graphs
EV_TOL = 1e-14         # per-vertex L1 change (NetworkX meaning), tight
EV_MAX_ITER = 10_000

TOOLS = ["networkx", "igraph", "networkit", "rustworkx", "scipy"]
TASKS = ["load", "betweenness", "closeness", "harmonic", "pagerank", "eigenvector",
         "components", "bfs", "bipartite"]


def peak_rss_kb() -> int:
    """Peak resident set of this process (VmHWM). Not ru_maxrss: on Linux that survives
    exec, so a child of a large parent would report the parent's size."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def header_lines(path: str) -> int:
    n = 0
    with open(path, "rb") as f:
        for line in f:
            if line.startswith(b"#"):
                n += 1
            else:
                break
    return n


# ---------------------------------------------------------------- digests

def digest_values(values) -> dict:
    vals = [float(x) for x in values]
    top = sorted(vals, reverse=True)[:10]
    return {"n": len(vals), "sum": float(sum(sorted(vals))), "top10": top}


def digest_eigen(values) -> dict:
    import math
    vals = [float(x) for x in values]
    norm = math.sqrt(sum(x * x for x in vals))
    if sum(vals) < 0:
        norm = -norm
    return digest_values([x / norm for x in vals])


def digest_components(sizes) -> dict:
    sizes = sorted((int(s) for s in sizes), reverse=True)
    return {"count": len(sizes), "largest10": sizes[:10], "vertices": sum(sizes)}


def digest_levels(level_sizes) -> dict:
    levels = [int(x) for x in level_sizes]
    return {"reached": sum(levels), "levels": levels,
            "sum_dist": sum(i * c for i, c in enumerate(levels))}


def digest_projection(edges: int, total_weight: float, strengths) -> dict:
    top = sorted((float(s) for s in strengths), reverse=True)[:10]
    return {"edges": int(edges), "total_weight": float(total_weight), "top10_strength": top}


# ---------------------------------------------------------------- loaders

def load_networkx(path):
    import networkx as nx
    return nx.read_edgelist(path, nodetype=int, comments="#")


def igraph_plain_copy(path: str) -> str:
    """A header-less copy of `path` (igraph's reader has no comment syntax), made once."""
    plain = path + ".noheader"
    if not os.path.exists(plain) or os.path.getmtime(plain) < os.path.getmtime(path):
        with open(path, "rb") as src, open(plain + ".tmp", "wb") as dst:
            for line in src:
                if not line.startswith(b"#"):
                    dst.write(line)
                    break
            while True:
                block = src.read(1 << 24)
                if not block:
                    break
                dst.write(block)
        os.replace(plain + ".tmp", plain)
    return plain


def load_igraph_fast(path):
    """igraph's own C edge-list reader, on the header-less copy."""
    import igraph as ig
    return ig.Graph.Read_Edgelist(igraph_plain_copy(path), directed=False)


def load_networkit(path):
    import networkit as nk
    reader = nk.graphio.EdgeListReader(" ", 0, "#", directed=False)
    return reader.read(path)


def load_rustworkx(path):
    import rustworkx as rx
    return rx.PyGraph.read_edge_list(path, comment="#", deliminator=" ")


def load_scipy(path, people):
    """Person x meeting CSR incidence matrix B (people rows, meeting columns)."""
    import numpy as np
    import scipy.sparse as sp
    skip = header_lines(path)
    e = np.loadtxt(path, dtype=np.int64, skiprows=skip, ndmin=2)
    u, v = e[:, 0], e[:, 1]
    left = u < people
    person = np.where(left, u, v)
    meeting = np.where(left, v, u) - people
    m = int(meeting.max()) + 1
    return sp.csr_matrix((np.ones(len(u), dtype=np.float64), (person, meeting)), shape=(people, m))


LOADERS = {
    "networkx": load_networkx,
    "igraph": load_igraph_fast,
    "networkit": load_networkit,
    "rustworkx": load_rustworkx,
}


def load_digest(tool, g) -> dict:
    if tool == "networkx":
        return {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    if tool == "igraph":
        return {"nodes": g.vcount(), "edges": g.ecount()}
    if tool == "networkit":
        return {"nodes": g.numberOfNodes(), "edges": g.numberOfEdges()}
    if tool == "rustworkx":
        return {"nodes": g.num_nodes(), "edges": g.num_edges()}
    raise ValueError(tool)


# ---------------------------------------------------------------- tasks
# Each task builder returns (run, digest): run() is timed, digest(result) not.

def task_networkx(task, g, args):
    import networkx as nx
    n = g.number_of_nodes()
    order = sorted(g.nodes())
    if task == "betweenness":
        return (lambda: nx.betweenness_centrality(g, normalized=False),
                lambda r: digest_values(r.values()))
    if task == "closeness":
        return (lambda: nx.closeness_centrality(g, wf_improved=True), lambda r: digest_values(r.values()))
    if task == "harmonic":
        return (lambda: nx.harmonic_centrality(g), lambda r: digest_values(r.values()))
    if task == "pagerank":
        return (lambda: nx.pagerank(g, alpha=PR_DAMPING, tol=PR_TOL_L1 / n, max_iter=PR_MAX_ITER),
                lambda r: digest_values(r.values()))
    if task == "eigenvector":
        return (lambda: nx.eigenvector_centrality(g, tol=EV_TOL, max_iter=EV_MAX_ITER),
                lambda r: digest_eigen([r[v] for v in order]))
    if task == "components":
        return (lambda: [len(c) for c in nx.connected_components(g)], digest_components)
    if task == "bfs":
        def levels(d):
            out = [0] * (max(d.values()) + 1)
            for x in d.values():
                out[x] += 1
            return digest_levels(out)
        return (lambda: nx.single_source_shortest_path_length(g, 0), levels)
    raise NotImplementedError


def task_igraph(task, g, args):
    if task == "betweenness":
        return (lambda: g.betweenness(directed=False), digest_values)
    if task == "closeness":
        def close():
            # igraph normalises by the reachable count; apply Wasserman-Faust.
            n = g.vcount()
            return g.closeness(normalized=True), n
        def dg(res):
            vals, n = res
            if len(g.connected_components()) == 1:
                return digest_values(vals)
            sizes = g.connected_components().sizes()
            memb = g.connected_components().membership
            return digest_values([0.0 if v != v else v * (sizes[memb[i]] - 1) / (n - 1)
                                  for i, v in enumerate(vals)])
        return close, dg
    if task == "harmonic":
        return (lambda: g.harmonic_centrality(normalized=False), digest_values)
    if task == "pagerank":
        return (lambda: g.pagerank(damping=PR_DAMPING, implementation="prpack"), digest_values)
    if task == "eigenvector":
        return (lambda: g.eigenvector_centrality(), digest_eigen)
    if task == "components":
        return (lambda: g.connected_components().sizes(), digest_components)
    if task == "bfs":
        def run():
            vids, layers, parents = g.bfs(0)
            return [layers[i + 1] - layers[i] for i in range(len(layers) - 1)]
        return run, digest_levels
    raise NotImplementedError


def task_networkit(task, g, args):
    import networkit as nk
    if task == "betweenness":
        def run():
            b = nk.centrality.Betweenness(g, normalized=False)
            b.run()
            return b.scores()
        # NetworKit counts each unordered pair twice on undirected graphs.
        return run, lambda r: digest_values([x / 2 for x in r])
    if task == "closeness":
        def run():
            c = nk.centrality.Closeness(g, True, nk.centrality.ClosenessVariant.GENERALIZED)
            c.run()
            return c.scores()
        return run, digest_values
    if task == "harmonic":
        def run():
            c = nk.centrality.HarmonicCloseness(g, normalized=False)
            c.run()
            return c.scores()
        return run, digest_values
    if task == "pagerank":
        iters = []
        def run():
            p = nk.centrality.PageRank(g, damp=PR_DAMPING, tol=PR_TOL_L1)
            p.norm = nk.centrality.Norm.L1_NORM
            p.maxIterations = PR_MAX_ITER
            p.run()
            iters.append(p.numberOfIterations())
            return p.scores()
        def dg(r):
            d = digest_values(r)
            d["iterations"] = iters[-1]
            return d
        return run, dg
    if task == "eigenvector":
        def run():
            e = nk.centrality.EigenvectorCentrality(g, tol=EV_TOL)
            e.run()
            return e.scores()
        return run, digest_eigen
    if task == "components":
        def run():
            if args.threads > 1:
                c = nk.components.ParallelConnectedComponents(g)
            else:
                c = nk.components.ConnectedComponents(g)
            c.run()
            return list(c.getComponentSizes().values())
        return run, digest_components
    if task == "bfs":
        def run():
            b = nk.distance.BFS(g, 0, storePaths=False)
            b.run()
            return b.getDistances()
        def dg(d):
            inf = float("inf")
            mx = int(max(x for x in d if x < 1e300))
            out = [0] * (mx + 1)
            for x in d:
                if x < 1e300:
                    out[int(x)] += 1
            return digest_levels(out)
        return run, dg
    raise NotImplementedError


def task_rustworkx(task, g, args):
    import rustworkx as rx
    if task == "betweenness":
        return (lambda: rx.betweenness_centrality(g, normalized=False),
                lambda r: digest_values(r.values()))
    if task == "closeness":
        return (lambda: rx.closeness_centrality(g, wf_improved=True),
                lambda r: digest_values(r.values()))
    if task == "pagerank":
        dg_ = g.to_directed()
        n = g.num_nodes()
        return (lambda: rx.pagerank(dg_, alpha=PR_DAMPING, tol=PR_TOL_L1 / n, max_iter=PR_MAX_ITER),
                lambda r: digest_values(r.values()))
    if task == "eigenvector":
        return (lambda: rx.eigenvector_centrality(g, max_iter=EV_MAX_ITER, tol=EV_TOL),
                lambda r: digest_eigen([r[i] for i in sorted(r.keys())]))
    if task == "components":
        return (lambda: [len(c) for c in rx.connected_components(g)], digest_components)
    if task == "bfs":
        return (lambda: rx.bfs_layers(g, [0]), lambda r: digest_levels([len(x) for x in r]))
    raise NotImplementedError


def task_bipartite(tool, path, args):
    if tool == "scipy":
        B = load_scipy(path, args.people)
        def run():
            return B @ B.T
        def dg(P):
            P = P.tocsr(copy=True)
            P.setdiag(0)
            P.eliminate_zeros()
            return digest_projection(P.nnz // 2, P.sum() / 2, P.sum(axis=1).A1)
        return run, dg
    if tool == "igraph":
        import igraph as ig
        g = load_igraph_fast(path)
        types = [v >= args.people for v in range(g.vcount())]
        g.vs["type"] = types
        def run():
            return g.bipartite_projection(types="type", multiplicity=True, which=0)
        def dg(p):
            w = p.es["weight"] if p.ecount() else []
            return digest_projection(p.ecount(), sum(w), p.strength(weights="weight"))
        return run, dg
    if tool == "networkx":
        import networkx as nx
        g = load_networkx(path)
        people = [v for v in g.nodes() if v < args.people]
        def run():
            return nx.bipartite.weighted_projected_graph(g, people)
        def dg(p):
            s = dict(p.degree(weight="weight"))
            return digest_projection(p.number_of_edges(), p.size(weight="weight"), s.values())
        return run, dg
    raise NotImplementedError


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--tool", required=True, choices=TOOLS)
    ap.add_argument("--task", required=True, choices=TASKS)
    ap.add_argument("--graph", required=True)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--people", type=int, default=50_000,
                    help="bipartite: ids below this are people, the rest meetings")
    args = ap.parse_args()

    # Thread counts must be fixed before the libraries start their pools.
    for var in ("RAYON_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(args.threads)
    if args.tool == "networkit":
        import networkit as nk
        nk.setNumberOfThreads(args.threads)
        nk.engineering.setLogLevel("ERROR") if hasattr(nk, "engineering") else None

    times = []
    if args.task == "load":
        loader = LOADERS[args.tool]
        if args.tool == "igraph":
            igraph_plain_copy(args.graph)  # made once, outside the timed region
        g = None
        for _ in range(args.repeat):
            g = None
            t0 = time.perf_counter()
            g = loader(args.graph)
            times.append(time.perf_counter() - t0)
        digest = load_digest(args.tool, g)
    else:
        if args.task == "bipartite":
            run, dg = task_bipartite(args.tool, args.graph, args)
        else:
            g = LOADERS[args.tool](args.graph)
            run, dg = {"networkx": task_networkx, "igraph": task_igraph,
                       "networkit": task_networkit, "rustworkx": task_rustworkx}[args.tool](args.task, g, args)
        result = None
        for _ in range(args.repeat):
            result = None
            t0 = time.perf_counter()
            result = run()
            times.append(time.perf_counter() - t0)
        digest = dg(result)

    out = {
        "tool": args.tool, "task": args.task, "graph": os.path.basename(args.graph),
        "threads": args.threads, "times": times, "median_s": statistics.median(times),
        "peak_rss_kb": peak_rss_kb(), "digest": digest,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    try:
        main()
    except NotImplementedError:
        print(json.dumps({"error": "unsupported"}))
        sys.exit(3)
