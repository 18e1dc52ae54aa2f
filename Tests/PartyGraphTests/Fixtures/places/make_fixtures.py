"""Writes the fixtures of PlacesAndVocabularyTests: one valid dataset with places and a declared vocabulary,
and one file per class of bad input of those fields (each with exactly one cause). Run from this folder."""
import copy
import json

def ev(quote):
    return [{"source": "s1", "quote": quote}]

def node(id, kind, name, **extra):
    record = {"id": id, "kind": kind, "name": name}
    record.update(extra)
    record["evidence"] = ev(name)
    return record

def meeting(id, name, kind, start, **extra):
    record = {"id": id, "kind": "meeting", "name": name, "meeting_kind": kind, "start": start, "status": "held"}
    record.update(extra)
    record["evidence"] = ev(name)
    return record

def rel(relation, frm, to, **extra):
    record = {"relation": relation, "from": frm, "to": to}
    record.update(extra)
    record["evidence"] = ev(f"{frm} {relation} {to}")
    return record

valid = {
    "format": "partygraph-dataset",
    "version": 2,
    "title": "Places and declared kinds",
    "sources": [{"id": "s1", "publisher": "Test Wire", "title": "A report", "date": "2025-05-01"}],
    "nodes": [
        node("country/vietnam", "country", "Việt Nam", aliases=["Viet Nam"]),
        node("country/cambodia", "country", "Cambodia"),
        node("place/ho-chi-minh-city", "place", "Hồ Chí Minh City", aliases=["Saigon"]),
        node("place/independence-palace", "place", "Independence Palace"),
        node("place/phnom-penh", "place", "Phnom Penh"),
        node("person/anh", "person", "Nguyễn Văn Anh"),
        node("person/bopha", "person", "Bopha Chea"),
        node("person/chanthy", "person", "Chanthy Sok"),
        meeting("meeting/courtesy-call-palace", "Courtesy call at the palace", "courtesy-call", "2025-01-10"),
        meeting("meeting/long-call-phnom-penh", "Extended call in Phnom Penh", "extended-courtesy-call", "2025-02-10"),
        meeting("meeting/talks-saigon", "Meeting in Saigon", "meeting", "2025-03-10"),
        meeting("meeting/audience-hanoi", "Audience in Hà Nội", "audience", "2025-04-10", place="Hà Nội"),
    ],
    "relations": [
        rel("located-in", "place/ho-chi-minh-city", "country/vietnam"),
        rel("located-in", "place/independence-palace", "place/ho-chi-minh-city"),
        rel("located-in", "place/phnom-penh", "country/cambodia"),
        rel("held-at", "meeting/courtesy-call-palace", "place/independence-palace"),
        rel("held-at", "meeting/long-call-phnom-penh", "place/phnom-penh"),
        rel("held-at", "meeting/talks-saigon", "place/ho-chi-minh-city"),
        rel("participant-in", "person/anh", "meeting/courtesy-call-palace", role="host"),
        rel("participant-in", "person/bopha", "meeting/courtesy-call-palace", role="guest"),
        rel("participant-in", "person/anh", "meeting/long-call-phnom-penh", role="guest"),
        rel("participant-in", "person/chanthy", "meeting/long-call-phnom-penh", role="host"),
        rel("participant-in", "person/bopha", "meeting/talks-saigon", role="attendee"),
        rel("participant-in", "person/chanthy", "meeting/talks-saigon", role="note-taker"),
        rel("participant-in", "person/anh", "meeting/audience-hanoi", role="guest"),
        rel("participant-in", "person/chanthy", "meeting/audience-hanoi", role="interpreter"),
    ],
    # Declared after the nodes and relations that use it: the loader resolves declared ids once it has read everything.
    "vocabulary": {
        "meeting_kinds": [
            {"id": "courtesy-call", "refines": "meeting", "label": "Courtesy call"},
            {"id": "extended-courtesy-call", "refines": "courtesy-call", "label": "Extended courtesy call"},
            {"id": "working-breakfast", "refines": "meeting", "label": "Working breakfast"},
        ],
        "roles": [
            {"id": "note-taker", "refines": "attendee", "label": "Note-taker"},
            {"id": "interpreter", "refines": "member", "label": "Interpreter"},
        ],
    },
}

def write(name, document):
    with open(name, "w", encoding="utf-8") as file:
        file.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")

write("places-and-vocabulary.json", valid)

def variant(name, change):
    document = copy.deepcopy(valid)
    change(document)
    write("invalid-" + name + ".json", document)

def set_relation(index, **fields):
    return lambda d: d["relations"][index].update(fields)

variant("unknown-place", set_relation(3, to="place/independence-palac"))
variant("held-at-non-place", set_relation(4, to="country/cambodia"))
variant("located-in-cycle", lambda d: d["relations"].append(rel("located-in", "place/ho-chi-minh-city", "place/independence-palace")))
variant("place-as-participant", set_relation(6, **{"from": "place/phnom-penh"}))
variant("undeclared-kind", lambda d: d["nodes"][8].update(meeting_kind="courtesy-cal"))
variant("undeclared-role", set_relation(11, role="note-taking"))
variant("refines-unknown", lambda d: d["vocabulary"]["meeting_kinds"][2].update(refines="meetin"))
variant("refines-cycle", lambda d: d["vocabulary"]["meeting_kinds"][0].update(refines="extended-courtesy-call"))
variant("duplicate-declared-id", lambda d: d["vocabulary"]["roles"].append({"id": "note-taker", "refines": "member", "label": "Note taker"}))
variant("declared-core-id", lambda d: d["vocabulary"]["meeting_kinds"][2].update(id="audience"))
variant("declaration-without-label", lambda d: d["vocabulary"]["roles"][0].pop("label"))

def version1(change):
    def apply(d):
        d["version"] = 1
        change(d)
    return apply

def strip_v2(d):
    d.pop("vocabulary")
    d["nodes"] = [n for n in d["nodes"] if n["kind"] != "place"]
    for n in d["nodes"]:
        if n.get("meeting_kind") in ("courtesy-call", "extended-courtesy-call"):
            n["meeting_kind"] = "meeting"
    d["relations"] = [r for r in d["relations"] if r["relation"] not in ("located-in", "held-at")]
    for r in d["relations"]:
        if r.get("role") in ("note-taker", "interpreter"):
            r["role"] = "attendee"

def v1_vocabulary(d):
    strip_v2(d)
    d["vocabulary"] = {"meeting_kinds": [{"id": "courtesy-call", "refines": "meeting", "label": "Courtesy call"}]}

def v1_place(d):
    strip_v2(d)
    d["nodes"].append(node("place/phnom-penh", "place", "Phnom Penh"))

def v1_held_at(d):
    # Two causes, each reported once: a place node and a held-at relation, both new in version 2.
    strip_v2(d)
    d["nodes"].append(node("place/phnom-penh", "place", "Phnom Penh"))
    d["relations"].append(rel("held-at", "meeting/talks-saigon", "place/phnom-penh"))

variant("v1-vocabulary", version1(v1_vocabulary))
variant("v1-place", version1(v1_place))
variant("v1-held-at", version1(v1_held_at))
