"""The store contract on a real FalkorDB server: idempotent loads, merging, read-only
queries, errors, injection-proof parameters, snapshot and stats."""

from __future__ import annotations

import pytest

from kg.errors import KGError, QueryError
from kg.store.queries import document_write

ACLU = ("American Civil Liberties Union", "NGO", "ACLU", "the Seattle group")
AMAZON = ("Amazon", "Company", "Amazon.com")
MICROSOFT = ("Microsoft", "Company")


@pytest.fixture
def first(make_extraction):
    return make_extraction(
        "The ACLU criticised Amazon. The ACLU urged Microsoft to stop. Amazon declined",
        actors=[ACLU, AMAZON, MICROSOFT],
        relations=[("ACLU", "CRITICIZED", "Amazon", 0), ("ACLU", "CALLED_FOR", "Microsoft", 1),
                   ("American Civil Liberties Union", "CRITICIZED", "Amazon", 2)],
        statements=[("Amazon", "reported", "Amazon declined to comment", "ACLU")],
        published="2020-06-10",
        name="first.txt",
    )


@pytest.fixture
def second(make_extraction):
    return make_extraction(
        "Amnesty International and the ACLU criticised Amazon again",
        actors=[("American Civil Liberties Union", "NGO", "American Civil Liberties Union (ACLU)"),
                AMAZON, ("Amnesty International", "NGO")],
        relations=[("American Civil Liberties Union", "CRITICIZED", "Amazon", 0),
                   ("Amnesty International", "CRITICIZED", "Amazon", 0)],
        published="2020-06-11",
        name="second.txt",
    )


def _edge(store, rel_type, source, target):
    rows = store.query(
        "MATCH (s:Actor {id: $s})-[r]->(t:Actor {id: $t}) WHERE type(r) = $type "
        "RETURN r.count, r.evidence",
        {"s": source, "t": target, "type": rel_type},
    ).rows
    assert len(rows) == 1, rows
    count, evidence = rows[0]
    return count, sorted(evidence)


def test_load_writes_schema_shape(store, first):
    summary = store.load([first])
    assert (summary.documents, summary.unchanged) == (1, 0)
    assert (summary.actors, summary.relations, summary.statements) == (3, 2, 1)
    rows = store.query(
        "MATCH (a:Actor {id: 'american-civil-liberties-union'}) "
        "RETURN a.name, labels(a), a.aliases, a.mentions"
    ).rows
    name, labels, aliases, mentions = rows[0]
    assert name == "American Civil Liberties Union"
    assert sorted(labels) == ["Actor", "NGO"]
    assert sorted(aliases) == ["ACLU", "the Seattle group"]
    assert mentions == 2
    count, evidence = _edge(store, "CRITICIZED", "american-civil-liberties-union", "amazon")
    assert count == 2 and [e.split(":")[1] for e in evidence] == ["0", "2"]
    said = store.query(
        "MATCH (a:Actor)-[:SAID]->(s:Statement)-[:ABOUT]->(b:Actor), (s)-[:IN]->(d:Document) "
        "RETURN a.id, s.kind, b.id, d.path, s.published"
    ).rows
    assert said == [["amazon", "reported", "american-civil-liberties-union", "first.txt", "2020-06-10"]]


def test_double_load_changes_nothing(store, first):
    store.load([first])
    before = store.stats(), store.snapshot()
    again = store.load([first])
    assert (again.documents, again.unchanged) == (0, 1)
    # Writing the document directly (bypassing the "already there" check) is idempotent too.
    store.write_extraction(first)
    after = store.stats(), store.snapshot()
    assert after[0] == before[0]
    assert after[1].actors == before[1].actors
    assert after[1].relations == before[1].relations
    assert after[1].mentions == before[1].mentions


def test_second_document_merges_into_existing_nodes(store, first, second):
    store.load([first])
    store.load([second])
    stats = store.stats()
    assert stats["documents"] == 2
    assert stats["actors"] == 4  # ACLU, Amazon, Microsoft, Amnesty: no duplicates
    count, evidence = _edge(store, "CRITICIZED", "american-civil-liberties-union", "amazon")
    assert count == 3 and len({e.split(":")[0] for e in evidence}) == 2
    aclu = store.query(
        "MATCH (a:Actor {id: 'american-civil-liberties-union'}) RETURN a.aliases, a.mentions"
    ).rows[0]
    assert "American Civil Liberties Union (ACLU)" in aclu[0] and "ACLU" in aclu[0]
    assert aclu[1] == 4  # 2 mentions in each document
    docs = store.query(
        "MATCH (:Actor {id: 'amazon'})-[m:MENTIONED_IN]->(d:Document) RETURN count(d)"
    ).rows
    assert docs == [[2]]


@pytest.mark.parametrize(
    "cypher",
    [
        "CREATE (n:Actor {id: 'x'})",
        "MERGE (n:Actor {id: 'x'}) RETURN n",
        "MATCH (a:Actor) SET a.name = 'pwned'",
        "MATCH (a:Actor) DETACH DELETE a",
        "MATCH (a:Actor) CALL { WITH a SET a.name = 'pwned' } RETURN count(a)",
        "CALL { CREATE (n:Actor {id: 'x'}) } RETURN 1",
    ],
)
def test_read_only_query_refuses_writes(store, first, cypher):
    store.load([first])
    before = store.snapshot()
    with pytest.raises(QueryError, match="--write"):
        store.query(cypher)
    assert store.snapshot().actors == before.actors


def test_write_query_needs_write_flag(store):
    store.query("CREATE (:Actor {id: 'x', name: 'X'})", write=True)
    assert store.query("MATCH (a:Actor {id: 'x'}) RETURN a.name").rows == [["X"]]


def test_syntax_error_is_one_line_query_error(store):
    with pytest.raises(QueryError) as info:
        store.query("MATCH (n RETURN n")
    assert "\n" not in str(info.value) and str(info.value)


@pytest.mark.parametrize(
    "name",
    [
        'O\'Brien "Quoted" Inc',
        "back`tick` }) MATCH (n) DETACH DELETE n //",
        "back\\slash\\\\ and\nnew line",
        "MATCH (n) RETURN n; CREATE (x)",
        "Ünïcödé 北京 ‮rtl‬ zero​width",
    ],
)
def test_injection_round_trip(store, make_extraction, name):
    other = "Target ${x} {y}"
    ex = make_extraction(
        f"{name} criticised {other}",
        actors=[(name, "Company", name + " alias`'\""), (other, "NGO")],
        relations=[(name, "CRITICIZED", other, 0)],
        statements=[(name, "quote", f"'{name}' said \"}}`", other)],
    )
    store.load([ex])
    snap = store.snapshot()
    by_name = {a["name"]: a for a in snap.actors}
    assert set(by_name) == {name, other}
    assert by_name[name]["aliases"] == [name + " alias`'\""]
    assert snap.statements[0]["text"] == f"'{name}' said \"}}`"
    assert len(snap.relations) == 1
    found = store.query("MATCH (a:Actor) WHERE a.name = $name RETURN a.name", {"name": name}).rows
    assert found == [[name]]


def test_unknown_types_are_refused_before_writing(store, make_extraction):
    bad = make_extraction("X hugged Y", actors=[("X", "Alien"), ("Y", "NGO")])
    with pytest.raises(KGError, match="Alien"):
        store.load([bad])
    assert store.stats()["actors"] == 0


def test_relation_types_are_never_taken_from_data(make_extraction):
    ex = make_extraction(
        "A b C", actors=[("A", "NGO"), ("C", "NGO")], relations=[("A", "CRITICIZED`]->() DELETE", "C", 0)]
    )
    with pytest.raises(KGError, match="unknown relation type"):
        document_write(ex)


def test_snapshot_and_stats_agree(store, first, second):
    store.load([first, second])
    snap, stats = store.snapshot(), store.stats()
    assert len(snap.actors) == stats["actors"]
    assert len(snap.relations) == stats["relations"]
    assert len(snap.statements) == stats["statements"]
    assert len(snap.documents) == stats["documents"] == 2
    assert {r["type"] for r in snap.relations} == {"CRITICIZED", "CALLED_FOR"}
    aclu = next(a for a in snap.actors if a["id"] == "american-civil-liberties-union")
    assert aclu["documents"] == 2


def test_reset_empties_the_graph(store, first):
    store.load([first])
    store.reset()
    assert store.stats()["actors"] == 0
    assert store.load([first]).documents == 1  # schema re-created on the next write


def test_interrupted_document_is_never_half_written(store, first, make_extraction):
    """A document's write is one atomic query: if it fails, nothing of it is kept."""
    store.load([first])
    before = store.stats()
    doc = make_extraction("New A attacked B", actors=[("New A", "NGO"), ("B", "NGO")],
                          relations=[("New A", "CRITICIZED", "B", 0)])
    write = document_write(doc)
    # Make the last section fail at run time: the earlier sections must be rolled back.
    broken = write.cypher + "\nWITH count(*) AS z UNWIND [1, 0] AS x RETURN 1 / x AS boom"
    with pytest.raises(QueryError):
        store.query(broken, write.params, write=True)
    assert store.stats() == before
    assert not store.has_document(doc.document.id)


def test_unreachable_external_falkordb_is_one_line_without_the_password():
    import socket

    from kg.errors import StoreError
    from kg.store.falkordb import connect

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreError) as info:
        connect(url=f"redis://kg:hunter2@127.0.0.1:{port}")
    message = str(info.value)
    assert f"redis://kg:***@127.0.0.1:{port}" in message and "\n" not in message
    assert "hunter2" not in message


def test_settings_repr_hides_a_password_given_in_the_uri():
    from kg.config import store_settings

    settings = store_settings(neo4j_uri="bolt://neo4j:hunter2@db.example:7687", environ={})
    assert "hunter2" not in repr(settings) and "db.example:7687" in repr(settings)
