"""Nothing let in: hostile names and texts round-trip unchanged, and `kg query` without
--write cannot change the graph, on FalkorDB always and on Neo4j when NEO4J_URI is set."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import replace

import pytest
from reliability_plugin import assert_one_line_failure, kg_env, kg_command

from kg.errors import KGError
from kg.model import Actor, Document, Extraction, Relation, Statement

HOSTILE = [
    "x'}) DETACH DELETE n //",
    'Robert "Bobby" O\'Brien',
    "`Actor`) MATCH (m) DETACH DELETE m //",
    "Acme } { Corp",
    "C:\\new\\table and a trailing backslash \\",
    '\\" OR 1=1 RETURN 1 //',
    "line one\nline two\r\nMATCH (n) DELETE n",
    "MERGE (a:Actor) SET a.name = 'pwned' RETURN a",
    "CYPHER doc=1 RETURN $doc",
    "$doc.id ${actors} {{label}}",
    "EL PAÍS ‘single’ “double” \u202eevil\u202c 🙂",
    "'; CALL db.clear() //\ttab",
]

# Queries that write; each one succeeds with write=True (checked below), so a refusal
# without --write comes from the read-only mode and not from a syntax error.
WRITES = {
    "CREATE": "CREATE (n:Actor {id: 'intruder', name: 'intruder'}) RETURN n.id",
    "MERGE": "MERGE (n:Actor {id: 'intruder'}) RETURN n.id",
    "SET": "MATCH (a:Actor) SET a.name = 'pwned' RETURN count(a)",
    "DELETE": "MATCH (a:Actor)-[r]->() DELETE r RETURN count(*)",
    "DETACH DELETE": "MATCH (n) DETACH DELETE n RETURN count(*)",
    "REMOVE": "MATCH (a:Actor) REMOVE a.aliases RETURN count(a)",
    "CALL { write }": "CALL { CREATE (n:Actor {id: 'hidden'}) RETURN n } RETURN n.id",
    "CALL { write } per row": "MATCH (a:Actor) CALL { WITH a SET a.mentions = -1 } RETURN count(a)",
    "CREATE INDEX": "CREATE INDEX FOR (a:Actor) ON (a.role)",
}


def hostile_extraction(tag: str = "") -> Extraction:
    """One document whose every string is hostile (tag makes ids unique per run)."""
    names = [name + tag for name in HOSTILE]
    types = ["NGO", "Company", "Person", "GovernmentBody"]
    actors = tuple(
        Actor(name=name, type=types[i % len(types)], aliases=(HOSTILE[(i + 1) % len(HOSTILE)],), mentions=i + 1)
        for i, name in enumerate(names)
    )
    sentences = tuple(f"{HOSTILE[i]} sentence {i}" for i in range(len(names)))
    relations = tuple(
        Relation(source=names[i], type="CRITICIZED", target=names[(i + 1) % len(names)],
                 sentence=sentences[i], sentence_index=i, confidence=0.9)
        for i in range(len(names))
    )
    statements = tuple(
        Statement(speaker=names[i], kind="quote", text=HOSTILE[-1 - i], about=(names[(i + 2) % len(names)],),
                  sentence_index=i, sentence=sentences[i])
        for i in range(len(names))
    )
    text = "\n".join(sentences) + tag
    doc = Document(text=text, path="hostile.txt", name="hostile.txt", title=HOSTILE[0], source=HOSTILE[1])
    return Extraction(document=doc, actors=actors, relations=relations, statements=statements, sentences=sentences)


@pytest.fixture(params=["falkordb", "neo4j"])
def any_store(request):
    """An empty graph on FalkorDB (the session server), or on the Neo4j of NEO4J_URI."""
    if request.param == "falkordb":
        yield request.getfixturevalue("store"), request.getfixturevalue("falkordb_settings")
        return
    if not os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI is not set: no Neo4j server to run the Neo4j half against")
    from kg.config import store_settings
    from kg.store import open_store

    settings = store_settings(store="neo4j")
    with open_store(settings) as s:
        s.reset()
        yield s, settings
        s.reset()


def _signature(store):
    snap = store.snapshot()
    return store.stats(), snap.actors, snap.relations, snap.statements, snap.documents, snap.mentions


@pytest.mark.reliability(
    "Injection",
    "names, aliases, titles, sentences and quotes holding ' \" ` } \\ newlines and Cypher "
    "(DETACH DELETE, MERGE, CALL, $params) written and read back",
    cases=len(HOSTILE),
)
def test_hostile_strings_round_trip_unchanged(any_store, make_extraction):
    store, _ = any_store
    sentinel = make_extraction("The ACLU criticised Amazon", actors=[("ACLU", "NGO"), ("Amazon", "Company")],
                               relations=[("ACLU", "CRITICIZED", "Amazon", 0)])
    store.write_extraction(sentinel)
    ex = hostile_extraction()
    store.write_extraction(ex)
    store.write_extraction(ex)  # idempotent even with hostile contents

    snap = store.snapshot()
    by_id = {a["id"]: a for a in snap.actors}
    assert {"aclu", "amazon"} <= set(by_id), "the sentinel document was damaged"
    for actor in ex.actors:
        row = by_id[actor.id]
        assert row["name"] == actor.name
        assert row["aliases"] == [a for a in actor.aliases if a != actor.name]
        assert row["mentions"] == actor.mentions
    texts = {s["text"] for s in snap.statements}
    assert {s.text for s in ex.statements} <= texts
    rel_sentences = {s for r in snap.relations for s in r["sentences"]}
    assert set(ex.sentences) <= rel_sentences
    hostile_doc = [d for d in snap.documents if d["id"] == ex.document.id]
    assert hostile_doc and hostile_doc[0]["title"] == HOSTILE[0] and hostile_doc[0]["source"] == HOSTILE[1]
    assert len(snap.documents) == 2 and len(snap.actors) == len(HOSTILE) + 2
    assert sum(r["count"] for r in snap.relations) == len(HOSTILE) + 1

    # ... and as parameters of a user query, matched exactly.
    for actor in ex.actors:
        rows = store.query("MATCH (a:Actor {name: $name}) RETURN a.name, a.aliases", {"name": actor.name}).rows
        assert rows == [[actor.name, list(actor.aliases)]]


@pytest.mark.reliability(
    "Injection",
    "a NUL byte in an actor name: written exactly or refused with one line, store unchanged",
)
def test_a_nul_byte_is_written_or_refused_whole(store, make_extraction):
    store.write_extraction(make_extraction("Amnesty criticised IBM", actors=[("Amnesty", "NGO"), ("IBM", "Company")]))
    before = _signature(store)
    ex = make_extraction("The nul\x00group criticised IBM", actors=[("nul\x00group", "NGO"), ("IBM", "Company")],
                         relations=[("nul\x00group", "CRITICIZED", "IBM", 0)], name="nul.txt")
    try:
        store.write_extraction(ex)
    except KGError as exc:
        assert "\n" not in str(exc)
        assert _signature(store) == before, "a refused document left something behind"
    else:
        names = {a["name"] for a in store.snapshot().actors}
        assert "nul\x00group" in names


@pytest.mark.reliability(
    "Injection",
    "kg query --param with hostile values (JSON-quoted) returns them byte for byte",
    cases=len(HOSTILE),
)
def test_hostile_params_through_the_cli(store, falkordb_settings):
    import subprocess

    env = kg_env(falkordb_settings.home, store.graph_name)
    args = []
    for i, value in enumerate(HOSTILE):
        args += ["--param", f"p{i}={json.dumps(value)}"]
    columns = ", ".join(f"$p{i} AS p{i}" for i in range(len(HOSTILE)))
    proc = subprocess.run([*kg_command(), "query", f"RETURN {columns}", *args, "--format", "json"],
                          env=env, capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)[0]
    assert [row[f"p{i}"] for i in range(len(HOSTILE))] == HOSTILE


def _seed_small_graph(store, make_extraction):
    store.write_extraction(make_extraction(
        "The ACLU criticised Amazon. Amazon supplied police departments",
        actors=[("ACLU", "NGO", "American Civil Liberties Union"), ("Amazon", "Company"),
                ("police departments", "GovernmentBody")],
        relations=[("ACLU", "CRITICIZED", "Amazon", 0), ("Amazon", "SUPPLIED", "police departments", 1)],
        statements=[("ACLU", "quote", "Stop selling it", "Amazon")],
    ))


@pytest.mark.reliability(
    "Injection",
    "kg query without --write: CREATE, MERGE, SET, DELETE, DETACH DELETE, REMOVE, CALL { write }, "
    "CREATE INDEX; each refused with one line, graph unchanged",
    cases=len(WRITES),
)
def test_read_only_query_cannot_write(any_store, make_extraction, tmp_path):
    import subprocess

    store, settings = any_store
    _seed_small_graph(store, make_extraction)
    before = _signature(store)
    if settings.kind == "falkordb":
        env = kg_env(settings.home, store.graph_name)
    else:
        env = kg_env(NEO4J_URI=settings.neo4j_uri, NEO4J_USERNAME=settings.neo4j_username,
                     NEO4J_PASSWORD=settings.neo4j_password or "", **(
                         {"NEO4J_DATABASE": settings.neo4j_database} if settings.neo4j_database else {}))
    procs = {
        name: subprocess.Popen([*kg_command(), "query", cypher], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
        for name, cypher in WRITES.items()
    }
    refused = []
    for name, proc in procs.items():
        out, err = proc.communicate(timeout=120)
        proc.stdout, proc.stderr = out, err
        line = assert_one_line_failure(proc)
        refused.append((name, line))
        assert "--write" in line or "read" in line.lower(), f"{name}: refused for another reason: {line}"
    assert _signature(store) == before, "a read-only query changed the graph"

    # Every one of them is a real write: allowed with write=True on a scratch copy.
    scratch_graph = f"scratch_{uuid.uuid4().hex[:8]}"
    if settings.kind == "falkordb":
        from kg.store import open_store

        with open_store(replace(settings, graph=scratch_graph)) as scratch:
            for name, cypher in WRITES.items():
                scratch.reset()
                _seed_small_graph(scratch, make_extraction)
                scratch.query(cypher, write=True)
            scratch.reset()
