#!/usr/bin/env python3
# Regenerate the reference fixtures (run from the package root):
#   python3 Tests/GraphAlgorithmsTests/Fixtures/make_fixtures.py
# Requires networkx (3.6.1 was used), numpy and scipy. Writes one JSON file per graph
# next to this script. Vertex ids are 0..n-1; value arrays are indexed by vertex id.
# Errors raised by NetworkX (e.g. non-convergence) are recorded as {"error": "..."}.
import json
import math
import os
import random

import networkx as nx
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def integer_graph(G):
    """Relabel to 0..n-1 in node order, keeping only the 'weight' attribute."""
    H = nx.convert_node_labels_to_integers(G, ordering="default")
    out = H.__class__()
    out.add_nodes_from(range(H.number_of_nodes()))
    for u, v, d in H.edges(data=True):
        if "weight" in d:
            out.add_edge(u, v, weight=float(d["weight"]))
        else:
            out.add_edge(u, v)
    return out


def vec(G, d):
    return [float(d[v]) for v in range(G.number_of_nodes())]


def attempt(f):
    try:
        return {"values": f()}
    except nx.PowerIterationFailedConvergence:
        return {"error": "notConverged"}


def edge_values(G, d):
    rows = []
    for (u, v), x in d.items():
        if not G.is_directed() and u > v:
            u, v = v, u
        rows.append([u, v, float(x)])
    return sorted(rows)


def hits_reference(G, weighted):
    """Exact HITS from a dense SVD; None when the top singular value is not simple."""
    n = G.number_of_nodes()
    if G.number_of_edges() == 0:
        return None
    A = nx.to_numpy_array(G, nodelist=range(n), weight="weight" if weighted else None)
    U, s, Vt = np.linalg.svd(A)
    if len(s) > 1 and (s[0] - s[1]) / s[0] < 1e-2:
        return None
    a = Vt[0]
    h = A @ a
    h, a = h / h.sum(), a / a.sum()
    # Entries that are exactly zero in theory come out of the SVD as ~1e-22 noise.
    h[np.abs(h) < 1e-15] = 0.0
    a[np.abs(a) < 1e-15] = 0.0
    return {"hubs": list(map(float, h)), "authorities": list(map(float, a))}


def measures(G, weighted):
    n = G.number_of_nodes()
    directed = G.is_directed()
    weights = [None, "weight"] if weighted else [None]
    r = {}
    r["degree"] = [G.degree(v) for v in range(n)]
    r["degree_centrality"] = vec(G, nx.degree_centrality(G))
    if directed:
        r["in_degree_centrality"] = vec(G, nx.in_degree_centrality(G))
        r["out_degree_centrality"] = vec(G, nx.out_degree_centrality(G))
    if weighted:
        r["strength"] = [float(G.degree(v, weight="weight")) for v in range(n)]
    r["betweenness"] = []
    for w in weights:
        for normalized in (True, False):
            for endpoints in (False, True):
                for k in (None, n):
                    if k is not None and n < 2:
                        continue
                    vals = nx.betweenness_centrality(
                        G, k=k, normalized=normalized, weight=w, endpoints=endpoints, seed=1)
                    r["betweenness"].append({
                        "weighted": w is not None, "normalized": normalized,
                        "endpoints": endpoints, "k": k,
                        "values": [None if math.isnan(x) else x for x in vec(G, vals)]})
    r["edge_betweenness"] = []
    for w in weights:
        for normalized in (True, False):
            vals = nx.edge_betweenness_centrality(G, normalized=normalized, weight=w)
            r["edge_betweenness"].append({
                "weighted": w is not None, "normalized": normalized, "edges": edge_values(G, vals)})
    r["closeness"] = []
    r["harmonic"] = []
    for w in weights:
        for wf in (True, False):
            r["closeness"].append({
                "weighted": w is not None, "wf_improved": wf,
                "values": vec(G, nx.closeness_centrality(G, distance=w, wf_improved=wf))})
        r["harmonic"].append({"weighted": w is not None, "values": vec(G, nx.harmonic_centrality(G, distance=w))})
    r["eigenvector"] = []
    r["katz"] = []
    r["pagerank"] = []
    r["hits"] = []
    for w in weights:
        e = attempt(lambda: vec(G, nx.eigenvector_centrality(G, weight=w)))
        e["weighted"] = w is not None
        r["eigenvector"].append(e)
        for alpha in (0.1, 0.01):
            for normalized in (True, False):
                e = attempt(lambda: vec(G, nx.katz_centrality(G, alpha=alpha, normalized=normalized, weight=w)))
                e.update({"weighted": w is not None, "alpha": alpha, "beta": 1.0, "normalized": normalized})
                r["katz"].append(e)
        personal = [float(v % 3 + (v == 0)) for v in range(n)]
        dangling = [float(1 + v % 2) for v in range(n)]
        for alpha in (0.85, 0.9):
            for pers in (None, personal):
                for dang in (None, dangling):
                    if dang is not None and alpha != 0.85:
                        continue
                    e = attempt(lambda: vec(G, nx.pagerank(
                        G, alpha=alpha, weight=w,
                        personalization=None if pers is None else dict(enumerate(pers)),
                        dangling=None if dang is None else dict(enumerate(dang)))))
                    e.update({"weighted": w is not None, "alpha": alpha,
                              "personalization": pers, "dangling": dang})
                    r["pagerank"].append(e)
        h = hits_reference(G, w is not None)
        if h is not None:
            h["weighted"] = w is not None
            r["hits"].append(h)
    if directed:
        comps = nx.weakly_connected_components(G)
        r["strong_components"] = sorted(sorted(c) for c in nx.strongly_connected_components(G))
    else:
        comps = nx.connected_components(G)
    r["weak_components"] = sorted(sorted(c) for c in comps)
    if n > 0:
        # Source: the vertex with most out-edges (smallest id on ties).
        src = max(range(n), key=lambda v: (len(G[v]), -v))
        d = nx.single_source_shortest_path_length(G, src)
        r["bfs"] = {"source": src, "distances": [d.get(v, -1) for v in range(n)]}
        if weighted:
            d = nx.single_source_dijkstra_path_length(G, src, weight="weight")
            r["dijkstra"] = {"source": src, "distances": [d.get(v) for v in range(n)]}
    return r


def write(name, G, weighted):
    G = integer_graph(G)
    edges = []
    for u, v, d in G.edges(data=True):
        edges.append([u, v, d["weight"]] if weighted else [u, v])
    doc = {
        "name": name,
        "directed": G.is_directed(),
        "weighted": weighted,
        "vertex_count": G.number_of_nodes(),
        "edges": edges,
        "results": measures(G, weighted),
    }
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))


def bipartite_fixture(name, B, top):
    B = nx.Graph(B)
    nodes = list(B.nodes())
    index = {v: i for i, v in enumerate(nodes)}
    top_ids = sorted(index[v] for v in top)
    bottom_ids = sorted(index[v] for v in nodes if v not in top)
    H = nx.relabel_nodes(B, index)
    doc = {"name": name, "vertex_count": len(nodes), "edges": sorted(sorted(e) for e in H.edges()),
           "projections": []}
    for side in (top_ids, bottom_ids):
        for kind in ("sharedNeighbours", "sharedNeighboursRatio", "collaboration"):
            if kind == "collaboration":
                P = nx.bipartite.collaboration_weighted_projected_graph(H, side)
            else:
                P = nx.bipartite.weighted_projected_graph(H, side, ratio=(kind == "sharedNeighboursRatio"))
            doc["projections"].append({
                "vertices": side, "weighting": kind,
                "edges": sorted([min(u, v), max(u, v), float(d["weight"])] for u, v, d in P.edges(data=True))})
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(doc, f, separators=(",", ":"))


def main():
    rng = random.Random(20240601)
    write("karate", nx.karate_club_graph(), weighted=True)
    write("florentine", nx.florentine_families_graph(), weighted=False)
    write("lesmis", nx.les_miserables_graph(), weighted=True)
    write("kite", nx.krackhardt_kite_graph(), weighted=False)
    D = nx.gnp_random_graph(25, 0.12, seed=3, directed=True)
    D.remove_edges_from(list(D.out_edges(0)))  # make sure there is a dangling vertex
    write("directed", D, weighted=False)
    DW = nx.gnp_random_graph(25, 0.15, seed=5, directed=True)
    for u, v in DW.edges():
        DW[u][v]["weight"] = float(rng.randint(1, 4))  # small integers: many tied paths
    write("directed_weighted", DW, weighted=True)
    W = nx.gnm_random_graph(30, 70, seed=7)
    for u, v in W.edges():
        W[u][v]["weight"] = rng.choice([0.5, 1.0, 1.5, 2.0, 2.5])
    write("weighted", W, weighted=True)
    U = nx.disjoint_union_all([nx.path_graph(4), nx.cycle_graph(5), nx.complete_graph(3), nx.empty_graph(1)])
    write("disconnected", U, weighted=False)
    write("p3", nx.path_graph(3), weighted=False)
    write("k5", nx.complete_graph(5), weighted=False)
    write("star", nx.star_graph(5), weighted=False)
    write("single", nx.empty_graph(1), weighted=False)
    write("pair", nx.path_graph(2), weighted=False)
    davis = nx.davis_southern_women_graph()
    bipartite_fixture("davis", davis, [v for v, d in davis.nodes(data=True) if d["bipartite"] == 0])
    R = nx.bipartite.random_graph(12, 9, 0.3, seed=11)
    bipartite_fixture("random_bipartite", R, [v for v, d in R.nodes(data=True) if d["bipartite"] == 0])


if __name__ == "__main__":
    main()
