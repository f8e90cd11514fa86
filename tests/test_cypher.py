"""The query library in cypher/: every file is documented, runs on a real FalkorDB, and
answers correctly — exactly on a small hand-built graph, and with the facts the seed
articles state on the seed graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store import list_queries, read_query
from kg.store.library import parse_query

CYPHER = Path(__file__).resolve().parent.parent / "cypher"
FILES = sorted(CYPHER.glob("*.cypher"))
WRITE_WORDS = ("CREATE", "MERGE", "SET ", "DELETE", "REMOVE", "DROP")


def run(store, query, **params):
    cypher, merged = read_query(CYPHER / f"{query}.cypher", params)
    return store.query(cypher, merged).records()


# -- the library itself --------------------------------------------------------------------


def test_at_least_twelve_documented_queries():
    listed = list_queries(CYPHER)
    assert len(listed) >= 12
    for name, description, params in listed:
        assert description and not description.startswith("@"), name
        text = (CYPHER / f"{name}.cypher").read_text()
        assert f"kg query cypher/{name}.cypher" in text, f"{name}: no example call"
        for param in params:
            assert f"${param}" in text, f"{name}: @param {param} is never used"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_parameter_is_declared_with_a_default(path):
    q = parse_query(path)
    body = "\n".join(line for line in q.cypher.splitlines() if not line.strip().startswith("//"))
    import re

    used = set(re.findall(r"\$(\w+)", body))
    assert used == set(q.params), f"{path.name}: used {sorted(used)}, declared {sorted(q.params)}"
    assert not any(word in body.upper() for word in WRITE_WORDS), "library queries only read"


def test_list_queries_parses_defaults():
    by_name = {name: params for name, _d, params in list_queries(CYPHER)}
    assert by_name["who_criticized"] == {"name": "Amazon"}
    assert by_name["actor_statements"] == {"name": "Amazon", "limit": 100}
    assert by_name["shortest_path"] == {"from": "American Civil Liberties Union", "to": "Thorn"}
    assert by_name["exemptions"] == {"name": None}


# -- exact answers on a hand-built graph ------------------------------------------------


@pytest.fixture
def library_store(store, make_extraction):
    one = make_extraction(
        "The ACLU criticised Amazon. Amazon paused police use of Rekognition. "
        "Amazon exempted Thorn. The ACLU urged Congress to act. Amazon developed Rekognition",
        actors=[("American Civil Liberties Union", "NGO", "ACLU"), ("Amazon", "Company"),
                ("Police departments", "GovernmentBody"), ("Thorn", "NGO"),
                ("U.S. Congress", "GovernmentBody", "Congress"),
                ("Amazon moratorium", "Policy"), ("Amazon Rekognition", "Product")],
        relations=[("ACLU", "CRITICIZED", "Amazon", 0), ("Amazon", "RESTRICTED", "Police departments", 1),
                   ("Amazon", "ANNOUNCED", "Amazon moratorium", 1), ("Amazon", "EXEMPTED", "Thorn", 2),
                   ("ACLU", "CALLED_FOR", "U.S. Congress", 3), ("Amazon", "DEVELOPED", "Amazon Rekognition", 4)],
        statements=[("ACLU", "quote", "Congress must act", "U.S. Congress"),
                    ("Amazon", "reported", "Amazon said it hopes Congress acts", "U.S. Congress", "Amazon moratorium")],
        published="2020-06-10", name="one.txt",
    )
    two = make_extraction(
        "The ACLU praised the moratorium. The ACLU criticised Amazon again. The ACLU supported Amazon",
        actors=[("American Civil Liberties Union", "NGO", "ACLU"), ("Amazon", "Company"),
                ("Amazon moratorium", "Policy")],
        relations=[("ACLU", "SUPPORTED", "Amazon moratorium", 0), ("ACLU", "CRITICIZED", "Amazon", 1),
                   ("ACLU", "SUPPORTED", "Amazon", 2)],
        statements=[("ACLU", "quote", "A first step", "Amazon moratorium")],
        published="2020-06-12", name="two.txt",
    )
    store.load([one, two])
    return store


def test_who_criticized_exact(library_store):
    rows = run(library_store, "who_criticized", name="amazon")  # any case
    assert [(r["critic"], r["times"], r["sentences"]) for r in rows] == [
        ("American Civil Liberties Union", 2, 2)
    ]
    assert rows[0]["documents"] == 2  # one sentence in each of the two documents


def test_critics_and_targets_both_directions(library_store):
    assert [(r["role"], r["actor"]) for r in run(library_store, "critics_and_targets", name="ACLU")] == [
        ("target", "Amazon")
    ]
    assert [(r["role"], r["actor"]) for r in run(library_store, "critics_and_targets", name="Amazon")] == [
        ("critic", "American Civil Liberties Union")
    ]


def test_called_for_and_from_whom(library_store):
    rows = run(library_store, "what_each_actor_called_for")
    assert [(r["caller"], r["called_for"]) for r in rows] == [
        ("American Civil Liberties Union", "U.S. Congress")
    ]
    rows = run(library_store, "calls_from_whom")
    assert rows[0]["words"] == ["Congress must act"]
    assert run(library_store, "calls_from_whom", min_count=2) == []


def test_exemptions_and_restrictions(library_store):
    rows = run(library_store, "exemptions")
    assert len(rows) == 1
    row = rows[0]
    assert (row["granted_by"], row["exempted"]) == ("Amazon", "Thorn")
    assert row["restricted"] == ["Police departments"] and row["policies"] == ["Amazon moratorium"]
    rows = run(library_store, "restrictions_and_exemptions", name="Amazon")
    assert [(r["actor"], sorted(r["restricted"]), sorted(r["exempted"]), r["announced"]) for r in rows] == [
        ("Amazon", ["Police departments"], ["Thorn"], ["Amazon moratorium"])
    ]


def test_statements_by_and_about(library_store):
    said = run(library_store, "actor_statements", name="ACLU")
    assert [(r["text"], r["date"]) for r in said] == [
        ("Congress must act", "2020-06-10"), ("A first step", "2020-06-12")
    ]
    about = run(library_store, "statements_about", name="Congress")
    assert {r["speaker"] for r in about} == {"American Civil Liberties Union", "Amazon"}
    assert len(run(library_store, "actor_statements", name="ACLU", limit=1)) == 1


def test_shortest_path(library_store):
    rows = run(library_store, "shortest_path", **{"from": "ACLU", "to": "Thorn"})
    assert rows == [{
        "actors": ["American Civil Liberties Union", "Amazon", "Thorn"],
        "relations": [rows[0]["relations"][0], "EXEMPTED"],
        "hops": 2,
    }]
    assert rows[0]["relations"][0] in ("CRITICIZED", "SUPPORTED")


def test_actors_by_documents_and_co_mentions(library_store):
    rows = run(library_store, "actors_by_documents")
    assert [(r["actor"], r["documents"]) for r in rows[:3]] == [
        ("Amazon", 2), ("Amazon moratorium", 2), ("American Civil Liberties Union", 2)
    ]
    assert {r["actor"] for r in run(library_store, "actors_by_documents", type="NGO")} == {
        "American Civil Liberties Union", "Thorn"
    }
    co = run(library_store, "co_mentioned", name="Thorn")
    assert {r["actor"] for r in co} == {
        "Amazon", "American Civil Liberties Union", "Police departments", "U.S. Congress",
        "Amazon moratorium", "Amazon Rekognition",
    }
    assert all(r["shared_documents"] == 1 for r in co)


def test_timeline_is_ordered_and_filtered(library_store):
    rows = run(library_store, "statement_timeline")
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows) and len(rows) == 3
    assert [r["text"] for r in run(library_store, "statement_timeline", since="2020-06-11")] == ["A first step"]


def test_contradictions(library_store):
    rows = run(library_store, "contradictions")
    assert [(r["actor"], r["target"], r["supported"], r["criticized"]) for r in rows] == [
        ("American Civil Liberties Union", "Amazon", 1, 2)
    ]


def test_relations_and_evidence(library_store):
    rows = run(library_store, "actor_relations", name="Thorn")
    assert [(r["direction"], r["relation"], r["actor"]) for r in rows] == [("in", "EXEMPTED", "Amazon")]
    ev = run(library_store, "relation_evidence", **{"from": "Amazon", "to": "Thorn"})
    assert ev[0]["sentences"] == ["Amazon exempted Thorn"] and ev[0]["documents"] == ["one.txt"]
    overview = {r["relation"]: r["edges"] for r in run(library_store, "network_overview")}
    assert overview["CRITICIZED"] == 1 and overview["SUPPORTED"] == 2


# -- the seed graph ---------------------------------------------------------------------


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_query_runs_on_the_seed_graph(seed_store, path):
    cypher, params = read_query(path)
    result = seed_store.query(cypher, params)
    assert result.columns, path.name


def test_seeds_amazon_restricted_police_and_exempted_organisations(seed_store):
    rows = run(seed_store, "restrictions_and_exemptions", name="Amazon")
    assert len(rows) == 1
    restricted = " ".join(rows[0]["restricted"]).lower()
    assert "police" in restricted
    assert rows[0]["exempted"], "the moratorium exempts organisations (Thorn, ICMEC, Marinus)"
    assert any("thorn" in name.lower() for name in rows[0]["exempted"])


def test_seeds_amazon_called_on_congress(seed_store):
    rows = run(seed_store, "what_each_actor_called_for", name="Amazon")
    assert any("congress" in r["called_for"].lower() for r in rows)


def test_seeds_aclu_criticised_amazon(seed_store):
    critics = [r["critic"] for r in run(seed_store, "who_criticized", name="Amazon")]
    assert any("civil liberties" in c.lower() or c == "ACLU" for c in critics), critics


def test_seeds_most_documented_actor_is_amazon(seed_store):
    rows = run(seed_store, "actors_by_documents", limit=1)
    assert rows[0]["actor"] == "Amazon" and rows[0]["documents"] == 5


def test_seeds_amazon_statements_are_dated(seed_store):
    rows = run(seed_store, "actor_statements", name="Amazon")
    assert rows, "Amazon is quoted in the seeds"
    assert all(r["document"] for r in rows)
