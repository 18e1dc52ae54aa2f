"""Writes hostile.json: names built to break writers (see Tests/PartyGraphTests/HostileOutputTests.swift).

Run from the package root: python3 Tests/PartyGraphTests/Fixtures/interchange/make_hostile.py
"""
import json
controls = "".join(chr(c) for c in range(0x00, 0x20)) + "\x7f"
names = [
    "<script>alert(1)</script>",
    "</script><script>window.__pgPwned = 1</script>",
    "]]> <![CDATA[ x ]]>",
    "<!-- a -- b --> -->",
    "He said \"hi\" and 'bye'",
    "C:\\path\\N\\n \\u0041 \\\\u0001 end\\",
    "ctl:" + controls + ":end",
    "nonchar:\ufffe\uffff:end",
    "rtl:\u202egnp.exe zwj:\u200d\u200c bom:\ufeff ls:\u2028ps:\u2029",
    "js:${alert(1)} `backtick` \\` ${'x'}",
    "=HYPERLINK(\"http://example.org\",\"click\")",
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTab first",
    "\rCR first",
    "'=already quoted",
    "''=two quotes",
    "'plain quote",
    "&amp; &lt; &#0; &nbsp;",
    "{record|<port>}",
]
nodes = [{"id": "party/hostile", "kind": "party", "name": "=cmd|' /C calc'!A0", "aliases": ["-alias", "@alias", "<b>alias</b>"],
          "note": "note\x00with nul and ]]> and --"}]
for i, name in enumerate(names):
    nodes.append({"id": f"person/h{i:02d}", "kind": "person", "name": name})
nodes.append({"id": "meeting/m1", "kind": "meeting", "name": "<img src=x onerror=alert(1)>", "meeting_kind": "talks",
              "start": "2026-02-01", "end": "2026-02-02", "place": "=1+1 \ufffe", "status": "held",
              "evidence": [{"source": "=s1", "quote": "quote: </script> ${x} \x01 \ufffe =1"}]})
nodes.append({"id": "office/h-chair", "kind": "office", "name": "@office =chair"})
relations = [{"relation": "holds", "from": "person/h11", "to": "office/h-chair", "start": "2020",
              "evidence": [{"source": "=s1", "quote": "+holds"}]},
             {"relation": "member-of", "from": "person/h00", "to": "party/hostile", "evidence": [{"source": "=s1", "quote": "-member"}]}]
for i in range(len(names)):
    relations.append({"relation": "participant-in", "from": f"person/h{i:02d}", "to": "meeting/m1", "role": "delegation-head",
                      "evidence": [{"source": "=s1", "quote": names[i]}]})
doc = {"format": "partygraph-dataset", "version": 2,
       "title": "Hostile <script>alert('title')</script> ]]> -- \ufffe \x01 =1+1",
       "description": "@desc \u202e ${x}",
       "sources": [{"id": "=s1", "publisher": "+publisher", "title": "-title <b>", "date": "2026-02"}],
       "nodes": nodes, "relations": relations}
open("Tests/PartyGraphTests/Fixtures/interchange/hostile.json", "w").write(json.dumps(doc, indent=2, ensure_ascii=True) + "\n")
