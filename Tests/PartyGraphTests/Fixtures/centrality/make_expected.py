#!/usr/bin/env python3
"""Reference values for the centrality tests, computed with NetworkX (independent of the Swift code).

Usage (from this folder, with networkx installed):

    partygraph matrix --level person --format json > /tmp/matrix-person.json
    python3 make_expected.py /tmp/matrix-person.json

Writes
- persons-projection.json: the who-meets-whom graph among persons of the bundled dataset, taken from the
  co-meeting matrix (nodes = the matrix's actors, edges = its non-zero pairs with the number of shared meetings);
  the Swift test checks that `AnalysisGraph` builds exactly this graph before comparing values.
- expected-persons.json: centrality of that graph; with weights "strength" the path measures use the length
  1/count and the spectral measures the count; with "none" every edge counts 1.
- expected-small.json: centrality of small.edges read as undirected/directed, unweighted/weighted (the third
  column as a length for path measures, as a strength for the others).

HITS comes from NetworkX's own power iteration (`_hits_python`, tolerance 1e-13), not from nx.hits, whose ARPACK
result is only good to its tolerance and, where the top singular value repeats (directed small.edges), may pick
another vector of the singular space; the Swift run uses --tolerance 1e-13.
"""
import json
import sys

import networkx as nx
from networkx.algorithms.link_analysis import hits_alg


def measures(graph, weights):
    """All measures, keyed by the name partygraph uses, for `weights` in none/strength/distance."""
    path = {"none": None, "strength": "length", "distance": "weight"}[weights]
    spectral = None if weights == "none" else "weight"
    out = {
        "betweenness": nx.betweenness_centrality(graph, weight=path),
        "betweenness-raw": nx.betweenness_centrality(graph, weight=path, normalized=False),
        "betweenness-endpoints": nx.betweenness_centrality(graph, weight=path, endpoints=True),
        "closeness": nx.closeness_centrality(graph, distance=path),
        "harmonic": nx.harmonic_centrality(graph, distance=path),
    }
    if weights != "distance":
        out["pagerank"] = nx.pagerank(graph, weight=spectral)
        out["katz"] = nx.katz_centrality(graph, weight=spectral)
        if nx.is_connected(graph.to_undirected()) or not graph.is_directed():
            try:
                out["eigenvector"] = nx.eigenvector_centrality(graph, weight=spectral)
            except nx.PowerIterationFailedConvergence:
                pass
        if weights == "none":
            out["degree"] = nx.degree_centrality(graph)
        hubs, authorities = power_hits(graph, spectral)
        out["hits-authority"], out["hits-hub"] = authorities, hubs
    return {name: {str(k): float(v) for k, v in values.items()} for name, values in out.items()}


def power_hits(graph, weight):
    """NetworkX's pure-Python HITS (power iteration from the uniform vector, as nx.hits documents), run to a tight
    tolerance. Unlike an SVD it picks the same vector as the Swift iteration when the top singular value repeats."""
    if weight is None:
        plain = graph.__class__()
        plain.add_nodes_from(graph)
        plain.add_edges_from(graph.edges())
        graph = plain
    return hits_alg._hits_python(graph, max_iter=100000, tol=1e-13)


def persons(matrix_path):
    matrix = json.load(open(matrix_path, encoding="utf-8"))
    nodes = [actor["id"] for actor in matrix["actors"]]
    edges = sorted([sorted([p["first"]["id"], p["second"]["id"]]) + [p["count"]] for p in matrix["pairs"]])
    projection = {"level": "person", "nodes": nodes, "edges": edges}
    with open("persons-projection.json", "w", encoding="utf-8") as f:
        json.dump(projection, f, indent=1, ensure_ascii=False)
        f.write("\n")
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    for u, v, count in edges:
        graph.add_edge(u, v, weight=count, length=1 / count)
    return {w: measures(graph, w) for w in ("strength", "none")}


def small():
    result = {}
    for directed in (False, True):
        for weighted in (False, True):
            graph = nx.read_edgelist(
                "small.edges", nodetype=int, data=[("weight", float)] if weighted else False,
                create_using=nx.DiGraph if directed else nx.Graph)
            key = ("directed" if directed else "undirected") + "-" + ("weighted" if weighted else "unweighted")
            if weighted:
                result[key + "-distance"] = measures(graph, "distance")
                result[key + "-strength"] = spectral_only(graph)
            else:
                result[key] = measures(graph, "none")
    return result


def spectral_only(graph):
    """Weights read as strengths: the spectral measures with weight='weight'."""
    out = {"pagerank": nx.pagerank(graph, weight="weight"), "katz": nx.katz_centrality(graph, weight="weight")}
    hubs, authorities = power_hits(graph, "weight")
    out["hits-authority"], out["hits-hub"] = authorities, hubs
    return {name: {str(k): float(v) for k, v in values.items()} for name, values in out.items()}


def write(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    write("expected-persons.json", persons(sys.argv[1]))
    write("expected-small.json", small())
