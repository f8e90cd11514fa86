"""The bulk path of a first load (kg.store.bulk, FalkorDBStore.load): the graph it builds
equals the per-document graph of the same documents, and nothing is half-written when it
fails, falls back or is killed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import pytest

from kg.config import StoreSettings
from kg.errors import StoreError
from kg.store import open_store
from kg.store.queries import document_write

ORGS = [("American Civil Liberties Union", "NGO", "ACLU"), ("Amazon", "Company", "Amazon.com"),
        ("Microsoft", "Company"), ("Amnesty International", "NGO"), ("IBM", "Company"),
        ("Congress", "GovernmentBody"), ("Amazon Rekognition", "Product", "Rekognition")]


@pytest.fixture
def documents(make_extraction):
    """Six small documents sharing actors and relations, so the merge rules matter."""
    docs = []
    for n in range(6):
        cast = [ORGS[(n + k) % len(ORGS)] for k in range(4)]
        if n % 2:  # the same actor under another alias in every other document
            cast[0] = (*cast[0], f"alias {n}")
        names = [a[0] for a in cast]
        docs.append(make_extraction(
            f"Story {n}. {names[0]} criticised {names[1]}. {names[2]} urged {names[3]}. {names[0]} said more",
            actors=cast,
            relations=[(names[0], "CRITICIZED", names[1], 1), (names[2], "CALLED_FOR", names[3], 2),
                       (names[0], "CRITICIZED", names[1], 3)],
            statements=[(names[0], "quote", f"We will keep going, story {n}", names[1], names[3]),
                        (names[2], "reported", f"{names[3]} must act now ({n})", names[3])],
            published=f"2020-06-1{n}",
            name=f"doc{n}.txt",
        ))
    return docs


def _labels(store):
    return store.query("MATCH (n) RETURN n.id AS id, labels(n) AS labels ORDER BY id").rows


def _same_graph(a, b):
    assert a.snapshot() == b.snapshot()
    assert sorted(map(str, _labels(a))) == sorted(map(str, _labels(b)))
    assert a.stats() == b.stats()


def test_bulk_graph_equals_the_per_document_graph(store, second_store, documents):
    bulk = store.load(documents + documents[:2])  # repeated documents count as unchanged
    one_by_one = second_store.load(documents + documents[:2], bulk=False)
    assert (bulk.documents, bulk.unchanged) == (6, 2)
    assert (bulk.documents, bulk.unchanged, bulk.actors, bulk.relations, bulk.statements) == (
        one_by_one.documents, one_by_one.unchanged, one_by_one.actors, one_by_one.relations,
        one_by_one.statements)
    _same_graph(store, second_store)
    amazon = store.query("MATCH (a:Company {id: 'amazon'}) RETURN a.aliases, a.mentions").rows
    assert amazon and {"Amazon.com", "alias 1"} <= set(amazon[0][0]) and amazon[0][1] > 2


def test_seed_graph_is_the_same_either_way(seed_store, second_store, seed_extractions):
    second_store.load(seed_extractions, bulk=False)
    _same_graph(seed_store, second_store)


def test_a_bulk_built_graph_takes_further_documents(store, second_store, documents, make_extraction):
    store.load(documents[:3])  # bulk
    more = store.load(documents[3:])  # the graph holds something now: one by one
    assert more.documents == 3
    second_store.load(documents, bulk=False)
    _same_graph(store, second_store)
    indexed = {(row[0], prop) for row in store.query(
        "CALL db.indexes() YIELD label, properties RETURN label, properties").rows for prop in row[1]}
    assert {("Actor", "id"), ("Document", "id"), ("Statement", "id")} <= indexed
    assert store.load(documents).unchanged == 6


def test_a_nul_character_sends_the_rest_one_by_one(store, second_store, documents, make_extraction):
    """GRAPH.BULK cannot carry a NUL; the document holding one takes the per-document path,
    where FalkorDB refuses it with the same one-line error as a load without bulk."""
    odd = make_extraction("The ACLU criticised Amazon\0 again", actors=[ORGS[0], ORGS[1]],
                          relations=[("American Civil Liberties Union", "CRITICIZED", "Amazon", 0)],
                          name="nul.txt")
    batch = documents[:2] + [odd] + documents[2:]
    with pytest.raises(StoreError, match="^nul.txt: the store refused the document write"):
        store.load(batch)
    with pytest.raises(StoreError, match="^nul.txt: the store refused the document write"):
        second_store.load(batch, bulk=False)
    assert store.stats()["documents"] == 2
    _same_graph(store, second_store)


def test_a_large_load_is_split_into_bulk_and_one_by_one(store, second_store, documents, monkeypatch):
    import kg.store.falkordb as falkordb_store

    monkeypatch.setattr(falkordb_store, "BULK_MAX_ROWS", 20)  # about two documents' worth
    summary = store.load(documents)
    assert summary.documents == 6
    second_store.load(documents, bulk=False)
    _same_graph(store, second_store)


def test_another_load_writing_meanwhile_is_never_overwritten(store, second_store, documents, make_extraction):
    """If the graph receives a document between the check and the swap, the bulk graph is
    thrown away and the gathered documents are written one by one on top."""
    intruder = make_extraction("IBM criticised Congress", actors=[ORGS[4], ORGS[5]],
                               relations=[("IBM", "CRITICIZED", "Congress", 0)], name="other.txt")
    check = type(store)._check_bulk

    def check_then_intrude(self, staging, expected):
        check(self, staging, expected)
        self._write(document_write(intruder).cypher, document_write(intruder).params)

    store._check_bulk = check_then_intrude.__get__(store)
    summary = store.load(documents)
    assert (summary.documents, summary.unchanged) == (6, 0)
    second_store.load([intruder] + documents, bulk=False)
    _same_graph(store, second_store)
    assert not [g for g in store._db.connection.execute_command("GRAPH.LIST") if "kg-bulk" in str(g)]


@pytest.mark.reliability(
    "Crash consistency",
    "kg's bulk first load SIGKILLed after building and checking the staging graph, before the "
    "swap: the graph unchanged (empty), the staging graph set to expire, the next load "
    "complete, and the data the same after a restart",
    cases=6,
)
def test_killed_before_the_swap_leaves_the_graph_untouched(tmp_path, documents):
    """SIGKILL at the worst moment (bulk graph built and checked, not yet swapped in): the
    graph is as before, the staging graph expires by itself, the next load does the job,
    and the result survives a restart."""
    import pickle

    from kg.store.embedded import ensure_server, stop_server

    home = tmp_path / "h"
    (tmp_path / "docs.pickle").write_bytes(pickle.dumps(documents))
    script = textwrap.dedent(f"""
        import os, pickle, signal
        from kg.config import StoreSettings
        from kg.store import open_store
        from kg.store.falkordb import FalkorDBStore
        docs = pickle.loads(open({str(tmp_path / "docs.pickle")!r}, "rb").read())
        check = FalkorDBStore._check_bulk
        def check_then_die(self, staging, expected):
            check(self, staging, expected)
            os.kill(os.getpid(), signal.SIGKILL)
        FalkorDBStore._check_bulk = check_then_die
        with open_store(StoreSettings(home={str(home)!r}, graph="kg")) as store:
            store.load(docs)
    """)
    try:
        ensure_server(home)
        with open_store(StoreSettings(home=home, graph="kg")) as store:
            store.stats()  # the graph exists, empty, with its indexes
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
        assert done.returncode == -9, done.stderr[-500:]
        with open_store(StoreSettings(home=home, graph="kg")) as store:
            assert store.stats()["documents"] == 0
            conn = store._db.connection
            staging = [g.decode() if isinstance(g, bytes) else g
                       for g in conn.execute_command("GRAPH.LIST") if "kg-bulk" in str(g)]
            assert len(staging) == 1 and 0 < conn.ttl(staging[0]) <= 6 * 3600
            summary = store.load(documents)
            assert summary.documents == 6
            before = store.snapshot()
            assert len(before.documents) == 6
        stop_server(home)
        ensure_server(home)
        with open_store(StoreSettings(home=home, graph="kg")) as store:
            assert store.snapshot() == before
    finally:
        stop_server(home)
