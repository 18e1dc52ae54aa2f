"""Interop test: names built to break writers (Tests/PartyGraphTests/Fixtures/interchange/hostile.json: markup,
`]]>`, `--`, quotes, backslashes, every C0 control and DEL, U+FFFE/U+FFFF, right-to-left overrides, `${}` and
backticks, cells starting like spreadsheet formulas) exported and read by real peers: NetworkX (GraphML, GEXF,
node-link JSON), xmllint, Python's csv module, and `partygraph import`.

What each format keeps is in docs/interchange.md: XML keeps every character, those XML 1.0 cannot hold written as
`\\uXXXX` (`unescape_xml_text` below is the documented rule); CSV keeps every character, a text cell starting like
a formula gets a `'` in front unless `--csv-raw`; JSON keeps everything.
"""

import csv
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(os.environ.get("PARTYGRAPH_BIN", ROOT / ".build" / "debug" / "partygraph"))
HOSTILE = ROOT / "Tests" / "PartyGraphTests" / "Fixtures" / "interchange" / "hostile.json"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def run(*args, check=True):
    if not BIN.exists():
        pytest.fail(f"{BIN} does not exist; run `swift build` or set PARTYGRAPH_BIN")
    return subprocess.run([str(BIN), *map(str, args)], capture_output=True, text=True, check=check, cwd=ROOT)


def export(tmp_path, fmt, *extra):
    out = tmp_path / (f"hostile-{fmt}" + ("" if fmt in ("csv", "neo4j", "cypher") else f".{fmt}"))
    run("export", "--dataset", HOSTILE, "--format", fmt, "--out", out, *extra)
    return out


def names():
    dataset = json.loads(HOSTILE.read_text(encoding="utf-8"))
    return {node["id"]: node["name"] for node in dataset["nodes"]}


def unescape_xml_text(text):
    """docs/interchange.md: `\\uXXXX` (upper-case hex) after an odd run of backslashes is that character; a run of
    backslashes before `uXXXX` is halved; any other backslash is itself."""
    def replace(match):
        run_length = len(match.group(1))
        kept = "\\" * (run_length // 2)
        return kept + (chr(int(match.group(2), 16)) if run_length % 2 else "u" + match.group(2))
    return re.sub(r"(\\+)u([0-9A-F]{4})", replace, text)


def unneutralise(cell):
    """CSVText.readCell: one leading ' off when what follows, after its own leading 's, starts like a formula."""
    if cell.startswith("'") and cell[1:].lstrip("'")[:1] in FORMULA_STARTS and cell[1:].lstrip("'"):
        return cell[1:]
    return cell


def test_the_fixture_is_hostile():
    text = "".join(names().values())
    for needle in ("<script>", "</script>", "]]>", "--", '"', "'", "\\", "\x00", "\x1f", "\x7f", "\ufffe", "\uffff",
                   "\u202e", "\u200d", "${", "`"):
        assert needle in text, repr(needle)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_is_well_formed_for_xmllint(tmp_path, fmt):
    xmllint = shutil.which("xmllint")
    if xmllint is None:
        pytest.fail("xmllint is not installed (apt-get install libxml2-utils)")
    result = subprocess.run([xmllint, "--noout", str(export(tmp_path, fmt))], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_networkx_reads_graphml_and_the_escape_gives_every_name_back(tmp_path):
    graph = nx.read_graphml(export(tmp_path, "graphml"))
    read = {unescape_xml_text(node): unescape_xml_text(data["name"]) for node, data in graph.nodes(data=True)}
    assert read == names()
    assert "\ufffd" not in "".join(data["name"] for _, data in graph.nodes(data=True))  # nothing replaced
    title = json.loads(HOSTILE.read_text(encoding="utf-8"))["title"]
    assert unescape_xml_text(graph.graph["title"]) == title


def test_networkx_reads_gexf_and_the_escape_gives_every_name_back(tmp_path):
    graph = nx.read_gexf(export(tmp_path, "gexf"))
    read = {unescape_xml_text(node): unescape_xml_text(data["label"]) for node, data in graph.nodes(data=True)}
    assert read == names()


def test_networkx_reads_node_link_json_with_every_name(tmp_path):
    graph = nx.node_link_graph(json.loads(export(tmp_path, "json").read_text(encoding="utf-8")))
    assert {node: data["name"] for node, data in graph.nodes(data=True)} == names()


@pytest.mark.parametrize("fmt", ["csv", "neo4j", "cypher"])
def test_no_csv_text_cell_starts_like_a_formula(tmp_path, fmt):
    folder = export(tmp_path, fmt)
    checked = 0
    for path in sorted(folder.glob("*.csv")):
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        for row in rows:
            for cell in row:
                assert not cell.startswith(FORMULA_STARTS), (path.name, cell)
                checked += 1
    assert checked > 0


def test_csv_module_reads_every_name_back(tmp_path):
    neutral, raw = export(tmp_path, "csv"), export(tmp_path / "raw", "csv", "--csv-raw")
    with open(neutral / "nodes.csv", newline="", encoding="utf-8") as handle:
        neutral_rows = {row["id"]: row["name"] for row in csv.DictReader(handle)}
    with open(raw / "nodes.csv", newline="", encoding="utf-8") as handle:
        raw_rows = {row["id"]: row["name"] for row in csv.DictReader(handle)}
    assert {node: unneutralise(name) for node, name in neutral_rows.items()} == names()
    assert raw_rows == names()
    assert neutral_rows["person/h11"] == "'+1+1" and raw_rows["person/h11"] == "+1+1"
    assert neutral_rows["person/h16"] == "''=already quoted" and neutral_rows["person/h18"] == "'plain quote"


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_import_of_the_export_gives_the_same_dataset(tmp_path, fmt):
    reference = tmp_path / "reference.json"
    run("import", "--from", "json", export(tmp_path / "ref", "json"), "--out", reference)
    out = tmp_path / "imported.json"
    run("import", "--from", fmt, export(tmp_path, fmt), "--out", out)
    assert out.read_bytes() == reference.read_bytes()
    assert {node["id"]: node["name"] for node in json.loads(out.read_text(encoding="utf-8"))["nodes"]} == names()


@pytest.mark.parametrize("command", [["who-met", "person/h00"], ["meetings"], ["matrix", "--level", "person", "--long"],
                                     ["neighbors", "party/hostile"], ["centrality", "--measure", "degree"]])
def test_query_csv_neutralises_text_and_keeps_numbers(command):
    def rows(*extra):
        # Bytes, not text mode: universal newlines would turn a CR inside a quoted cell into LF.
        out = subprocess.run([str(BIN), *command, "--dataset", str(HOSTILE), "--format", "csv", *extra],
                             capture_output=True, check=True, cwd=ROOT).stdout.decode("utf-8")
        return list(csv.reader(io.StringIO(out, newline="")))
    neutral, raw = rows(), rows("--csv-raw")
    assert len(neutral) == len(raw) > 1
    for neutral_row, raw_row in zip(neutral, raw):
        assert [unneutralise(cell) for cell in neutral_row] == raw_row
        for cell in neutral_row:
            assert not cell.startswith(FORMULA_STARTS), cell
