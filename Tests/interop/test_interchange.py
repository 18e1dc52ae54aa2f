"""Interop tests: files written by `partygraph export` read by real peers (NetworkX 3.6, Python's csv module).

Run from the package root after `swift build`:

    python3 -m pytest Tests/interop

The binary is taken from $PARTYGRAPH_BIN (default .build/debug/partygraph); the dataset is the bundled one.
Every peer's view is checked against our own nodes.csv/edges.csv, read with the csv module.
"""

import csv
import json
import os
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("PARTYGRAPH_BIN", ROOT / ".build" / "debug" / "partygraph"))
DATASET = ROOT / "datasets" / "indochina-summits-2026.json"


def run(*args, check=True):
    if not BIN.exists():
        pytest.fail(f"{BIN} does not exist; run `swift build` or set PARTYGRAPH_BIN")
    return subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True, check=check, cwd=ROOT)


def export(tmp_path, fmt, *extra):
    out = tmp_path / (f"export-{fmt}" + ("" if fmt in ("csv", "neo4j") else f".{fmt}"))
    run("export", "--dataset", DATASET, "--format", fmt, "--out", out, *extra)
    return out


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def ours(tmp_path_factory):
    """Our own CSV export: the reference every other format is compared with."""
    folder = export(tmp_path_factory.mktemp("csv"), "csv")
    nodes = {row["id"]: row for row in read_csv(folder / "nodes.csv")}
    edges = {row["id"]: row for row in read_csv(folder / "edges.csv")}
    return nodes, edges


def test_csv_has_every_node_and_relation(ours):
    nodes, edges = ours
    dataset = json.loads(DATASET.read_text(encoding="utf-8"))
    assert len(nodes) == len(dataset["nodes"]) == 38
    assert len(edges) == len(dataset["relations"]) == 62
    assert nodes["person/to-lam"]["name"] == "Tô Lâm"
    assert nodes["country/vietnam"]["name"] == "Việt Nam"
    assert nodes["meeting/2026-02-cpp-cpv-summit"]["start"] == "2026-02-06"
    for index, relation in enumerate(dataset["relations"]):
        row = edges[f"e{index}"]
        assert (row["from"], row["to"], row["relation"]) == (relation["from"], relation["to"], relation["relation"])
        assert json.loads(row["evidence"]) == relation["evidence"]
        assert row["role"] == relation.get("role", "")
        assert row["led_by"] == relation.get("led_by", "")


def test_csv_rows_round_trip_through_the_csv_module(tmp_path, ours):
    nodes, _ = ours
    folder = export(tmp_path, "csv")
    with open(folder / "nodes.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rewritten = tmp_path / "rewritten.csv"
    with open(rewritten, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)  # the csv module's defaults: minimal quoting, CRLF
    assert rewritten.read_bytes() == (folder / "nodes.csv").read_bytes()
    assert len(rows) - 1 == len(nodes)


def check_graph(graph, nodes, edges, key_attribute):
    assert graph.is_directed() and graph.is_multigraph()
    assert graph.number_of_nodes() == len(nodes)
    assert graph.number_of_edges() == len(edges)
    for node_id, row in nodes.items():
        data = graph.nodes[node_id]
        assert data["kind"] == row["kind"]
        assert data["name"] == row["name"]
        for field in ("start", "end", "meeting_kind", "status"):
            if row[field]:
                assert data[key_attribute.get(field, field)] == row[field], (node_id, field)
    for source, target, key, data in graph.edges(keys=True, data=True):
        row = edges[data.get("id", key) if key_attribute.get("edge_id") else key]
        assert (source, target, data["relation"]) == (row["from"], row["to"], row["relation"])
        assert json.loads(data["evidence"]) == json.loads(row["evidence"])


def test_networkx_reads_graphml_with_attributes(tmp_path, ours):
    nodes, edges = ours
    graph = nx.read_graphml(export(tmp_path, "graphml"))
    check_graph(graph, nodes, edges, {})
    assert graph.nodes["person/to-lam"]["name"] == "Tô Lâm"
    assert graph.nodes["country/vietnam"]["name"] == "Việt Nam"
    assert json.loads(graph.nodes["country/vietnam"]["aliases"]) == ["Viet Nam", "Vietnam"]
    assert graph.graph["title"].startswith("CPP-hosted summits")
    assert json.loads(graph.graph["sources"])[0]["id"] == "ppp-2026-02-03"
    manifest = json.loads(graph.graph["manifest"])  # what produced the file (docs/manifest.md)
    assert manifest["tool"]["name"] == "partygraph" and manifest["command"][0] == "export" and "graphml" in manifest["command"]
    assert len(manifest["dataset"]["sha256"]) == 64
    led = [d for _, _, d in graph.edges(data=True) if d.get("led_by") == "person/to-lam"]
    assert len(led) == 1 and led[0]["capacity"] == "party/cpv" and led[0]["role"] == "guest"


def test_networkx_reads_dynamic_gexf(tmp_path, ours):
    nodes, edges = ours
    graph = nx.read_gexf(export(tmp_path, "gexf"))
    check_graph(graph, nodes, edges, {"start": "start_date", "end": "end_date", "edge_id": True})
    assert graph.graph["mode"] == "dynamic"
    summit = graph.nodes["meeting/2026-02-cpp-cpv-summit"]
    assert (summit["start"], summit["end"]) == ("2026-02-06", "2026-02-07")
    assert "start" not in graph.nodes["party/cpp"]  # open bounds are omitted
    assert graph.nodes["person/to-lam"]["label"] == "Tô Lâm"
    assert graph.nodes["country/vietnam"]["label"] == "Việt Nam"


def test_networkx_reads_node_link_json_with_its_defaults(tmp_path, ours):
    nodes, edges = ours
    data = json.loads(export(tmp_path, "json").read_text(encoding="utf-8"))
    assert "edges" in data and "links" not in data
    graph = nx.node_link_graph(data)  # networkx 3.6 defaults: edges="edges", source/target, key
    assert graph.is_directed() and graph.is_multigraph()
    assert graph.number_of_nodes() == len(nodes) and graph.number_of_edges() == len(edges)
    for node_id, row in nodes.items():
        assert graph.nodes[node_id]["kind"] == row["kind"]
        assert graph.nodes[node_id]["name"] == row["name"]
        assert graph.nodes[node_id].get("start", "") == row["start"]
    for source, target, key, attributes in graph.edges(keys=True, data=True):
        row = edges[key]
        assert (source, target, attributes["relation"]) == (row["from"], row["to"], row["relation"])
        assert attributes["evidence"] == json.loads(row["evidence"])
    assert graph.nodes["person/to-lam"]["aliases"] == ["To Lam"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_persons_projection_is_weighted_who_meets_whom(tmp_path, fmt):
    path = export(tmp_path, fmt, "--projection", "persons")
    if fmt == "graphml":
        graph = nx.read_graphml(path)
    elif fmt == "gexf":
        graph = nx.read_gexf(path)
    else:
        graph = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")))
    assert not graph.is_directed()
    weights = {frozenset((u, v)): d["weight"] for u, v, d in graph.edges(data=True)}
    persons = {pair: w for pair, w in weights.items() if all(n.startswith("person/") for n in pair)}
    assert persons == {
        frozenset(("person/hun-sen", "person/to-lam")): 2,
        frozenset(("person/hun-sen", "person/thongloun-sisoulith")): 2,
        frozenset(("person/to-lam", "person/thongloun-sisoulith")): 1,
    }
    # The shared encounter rule (as `partygraph matrix --level person`): the six offices whose holder is not named
    # stand in for their holders at the trilateral summit, so its nine attendees form a clique of 36 edges.
    assert graph.number_of_nodes() == 9 and len(weights) == 36
    assert all(w == 1 for pair, w in weights.items() if pair not in persons)
    assert graph.nodes["office/cambodia-prime-minister"]["kind"] == "office"
    assert graph.nodes["person/to-lam"]["name"] == "Tô Lâm"


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json", "csv", "neo4j", "dot"])
def test_exports_are_byte_identical_across_runs(tmp_path, fmt):
    # The same command twice: the manifest records the command, --out included, so both runs write the same path.
    def read(out):
        paths = sorted(out.iterdir()) if out.is_dir() else [out]
        sidecar = out.parent / (out.name + ".manifest.json")
        return [p.read_bytes() for p in paths] + ([sidecar.read_bytes()] if sidecar.exists() else [])
    first = read(export(tmp_path, fmt))
    second = read(export(tmp_path, fmt))
    assert first == second and first


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_import_gives_back_the_dataset_byte_for_byte(tmp_path, fmt):
    shutil.copytree(DATASET.parent / "sources", tmp_path / "sources")  # quotes are checked against the texts
    out = tmp_path / "imported.json"
    run("import", "--from", fmt, export(tmp_path, fmt), "--out", out)
    assert out.read_bytes() == DATASET.read_bytes()


def test_bad_import_writes_nothing_and_names_file_row_and_column(tmp_path):
    folder = export(tmp_path, "csv")
    nodes = folder / "nodes.csv"
    nodes.write_text(nodes.read_text(encoding="utf-8").replace("person/to-lam,person,", "person/to-lam,persn,"), encoding="utf-8", newline="")
    shutil.copytree(DATASET.parent / "sources", tmp_path / "sources")
    out = tmp_path / "imported.json"
    result = run("import", "--from", "csv", folder, "--out", out, check=False)
    assert result.returncode == 65
    assert f'{nodes}:31: ' in result.stderr and 'row 31, column "kind": unknown kind \'persn\'' in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_is_well_formed_for_xmllint(tmp_path, fmt):
    # The GraphML and GEXF XSDs are not shipped by any Debian or PyPI package reachable here, so this checks
    # well-formedness; the structure is checked by NetworkX above and by the Swift tests.
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        pytest.skip("xmllint is not installed (apt-get install libxml2-utils)")
    path = export(tmp_path, fmt)
    result = subprocess.run([xmllint, "--noout", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_inputs_are_never_overwritten(tmp_path):
    copy = tmp_path / "dataset.json"
    copy.write_bytes(DATASET.read_bytes())
    result = run("export", "--dataset", copy, "--format", "json", "--out", tmp_path / "." / "dataset.json", check=False)
    assert result.returncode == 64 and "--out names the dataset being exported" in result.stderr
    graph = export(tmp_path, "json")
    before = graph.read_bytes()
    result = run("import", "--from", "json", graph, "--out", graph, check=False)
    assert result.returncode == 64 and "inputs are never overwritten" in result.stderr
    assert graph.read_bytes() == before and copy.read_bytes() == DATASET.read_bytes()


def test_window_and_default_output(tmp_path):
    result = run("export", "--dataset", DATASET, "--format", "graphml", "--from", "2026-02-07", "--out", tmp_path / "w.graphml")
    assert result.stdout.startswith(f"wrote {tmp_path / 'w.graphml'} (")
    graph = nx.read_graphml(tmp_path / "w.graphml")
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (37, 58)
    assert "meeting/2026-02-06-to-lam-state-visit" not in graph
    bad = run("export", "--dataset", DATASET, "--format", "csv", "--from", "2026-02-30", check=False)
    assert bad.returncode == 64 and "day 30 does not exist" in bad.stderr
