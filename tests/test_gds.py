"""``kg report --engine gds``: centrality computed inside Neo4j by Graph Data Science.

There is no Neo4j and no GDS on the build machine, so what runs everywhere is: the error
paths (a FalkorDB store, the client not installed), the projection and node queries built
from the filters, the betweenness plan, and the Report built from GDS-shaped rows.  The
contract test against a real server runs only when NEO4J_URI is set and GDS answers.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys

import pytest
from click.testing import CliRunner

from kg import analytics
from kg.errors import ConfigError, KGError
from kg.gds import NEEDS, betweenness_config, node_query, projection_query, rows_report
from kg.model import RELATION_TYPES, GraphSnapshot
from kg.report import FORMATS, centrality_report, render

# a -> b -> c, d -> b (CRITICIZED twice seen), c -> c is absent: a small path with a hub.
NODES = [
    {"nodeId": 0, "id": "a", "name": "A", "type": "NGO", "documents": 2, "statements": 1,
     "out_types": ["CRITICIZED"], "in_types": []},
    {"nodeId": 1, "id": "b", "name": "B", "type": "Company", "documents": 3, "statements": 0,
     "out_types": ["CALLED_FOR"], "in_types": ["CRITICIZED", "CRITICIZED"]},
    {"nodeId": 2, "id": "c", "name": "C", "type": "GovernmentBody", "documents": 1, "statements": 0,
     "out_types": [], "in_types": ["CALLED_FOR"]},
    {"nodeId": 3, "id": "d", "name": "D", "type": "NGO", "documents": 1, "statements": 2,
     "out_types": ["CRITICIZED"], "in_types": []},
]
SCORES = {  # what the GDS streams return, in GDS's own scale
    "out_degree": {0: 1.0, 1: 1.0, 2: 0.0, 3: 1.0},
    "in_degree": {0: 0.0, 1: 2.0, 2: 1.0, 3: 0.0},
    "weighted_out": {0: 3.0, 1: 1.0, 2: 0.0, 3: 1.0},
    "weighted_in": {0: 0.0, 1: 4.0, 2: 1.0, 3: 0.0},
    "pagerank": {0: 0.15, 1: 0.5, 2: 0.55, 3: 0.15},
    "betweenness": {0: 0.0, 1: 2.0, 2: 0.0, 3: 0.0},  # raw: b is on a->c and d->c
    "eigenvector": {0: 0.3, 1: 0.8, 2: 0.4, 3: 0.3},
}
SNAPSHOT = GraphSnapshot(
    actors=[{"id": n["id"], "name": n["name"], "type": n["type"]} for n in NODES],
    relations=[{"source": "a", "target": "b", "type": "CRITICIZED", "count": 3},
               {"source": "d", "target": "b", "type": "CRITICIZED", "count": 1},
               {"source": "b", "target": "c", "type": "CALLED_FOR", "count": 1}],
)


# -- errors that need no server ---------------------------------------------------------


def test_falkordb_store_gets_one_clear_line(store):
    with pytest.raises(KGError) as info:
        analytics.gds_centrality_report(store, top=5, types=None, relations=None, sort="pagerank")
    message = str(info.value)
    assert message.startswith(NEEDS) and "falkordb" in message and "\n" not in message


def test_cli_engine_gds_on_falkordb_exits_with_one_line(falkordb_settings):
    from kg.cli import cli

    result = CliRunner().invoke(cli, ["report", "--engine", "gds", "--store", "falkordb",
                                      "--home", str(falkordb_settings.home)])
    assert result.exit_code != 0
    assert NEEDS in result.output and "Traceback" not in result.output


def test_missing_client_says_how_to_install_it(monkeypatch):
    import neo4j

    from kg.store.neo4j import Neo4jStore

    monkeypatch.setitem(sys.modules, "graphdatascience", None)  # import fails as if not installed
    driver = neo4j.GraphDatabase.driver("bolt://127.0.0.1:9", auth=("neo4j", "s3cret"))
    store = Neo4jStore(driver, None, "bolt://127.0.0.1:9", "s3cret")
    try:
        with pytest.raises(KGError) as info:
            analytics.gds_centrality_report(store, top=5)
    finally:
        store.close()
    message = str(info.value)
    assert message.startswith(NEEDS) and "pip install 'kg[gds]'" in message
    assert "s3cret" not in message and "\n" not in message


def test_bad_filters_fail_before_any_connection(store):
    with pytest.raises(ConfigError, match="BOGUS"):
        analytics.gds_centrality_report(store, relations=["BOGUS"])


# -- queries built from the filters -----------------------------------------------------


def test_projection_carries_filters_only_as_parameters():
    query, params = projection_query("kg-centrality-x", types=("NGO", "Company"), relations=("CRITICIZED",))
    assert params == {"graph": "kg-centrality-x", "types": ["NGO", "Company"], "relations": ["CRITICIZED"]}
    for value in ("NGO", "Company", "CRITICIZED", "kg-centrality-x"):
        assert value not in query
    assert "gds.graph.project($graph" in query and "r.count" in query
    assert "$types" in query and "$relations" in query


def test_projection_without_filters_means_every_actor_relationship():
    query, params = projection_query("g")
    assert params["types"] is None and params["relations"] == list(RELATION_TYPES)
    assert "MENTIONED_IN" not in params["relations"] and "SAID" not in params["relations"]
    assert "(a:Actor)-[r]->(b:Actor)" in query


def test_node_query_reads_one_row_per_projected_node():
    query, params = node_query([4, 7], types=["NGO"], relations=["CALLED_FOR"])
    assert params == {"ids": [4, 7], "types": ["NGO"], "relations": ["CALLED_FOR"]}
    assert query.startswith("UNWIND $ids AS nodeId") and "gds.util.asNode(nodeId)" in query
    for column in ("id", "name", "type", "documents", "statements", "out_types", "in_types"):
        assert f"AS {column}" in query


@pytest.mark.parametrize("n, k, expected", [
    (10, None, {}),                                              # small: exact
    (4000, None, {"samplingSize": 500, "samplingSeed": 42}),     # above the limit: sampled
    (10, 3, {"samplingSize": 3, "samplingSeed": 42}),            # asked for a sample
    (10, 50, {}),                                                # a sample as big as the graph
])
def test_betweenness_is_sampled_above_the_exact_limit_with_a_fixed_seed(n, k, expected):
    config, note = betweenness_config(n, exact_limit=3000, k=k)
    assert config == expected
    assert ("SAMPLED" in note and "samplingSeed 42" in note) == bool(expected)


# -- the Report from GDS-shaped rows -----------------------------------------------------


def test_rows_report_has_the_networkx_report_columns():
    gds = rows_report(NODES, SCORES, top=10, header=(("engine", "GDS test"),))
    networkx = centrality_report(SNAPSHOT, top=10)
    assert gds.columns == networkx.columns
    assert gds.sections[0].table_columns == networkx.sections[0].table_columns


def test_rows_report_values_match_networkx_on_the_same_graph():
    by_id = {row["id"]: row for row in rows_report(NODES, SCORES, top=0).rows}
    expected = {row["id"]: row for row in centrality_report(SNAPSHOT, top=0).rows}
    for node in "abcd":
        for column in ("degree", "in_degree", "out_degree", "weighted_degree", "in_CRITICIZED",
                       "out_CRITICIZED", "in_CALLED_FOR", "out_CALLED_FOR", "betweenness"):
            assert by_id[node][column] == pytest.approx(expected[node][column]), (node, column)
    assert sum(row["pagerank"] for row in by_id.values()) == pytest.approx(1.0)
    assert by_id["b"]["betweenness"] == pytest.approx(2.0 / (3 * 2))


def test_rows_report_sorts_ranks_and_cuts_to_top():
    report = rows_report(NODES, SCORES, top=2, sort="betweenness", header=(("engine", "GDS"),))
    assert [row["name"] for row in report.rows] == ["B", "A"]  # ties broken by weighted degree
    assert [row["rank"] for row in report.rows] == [1, 2]
    assert report.header_dict()["engine"] == "GDS"
    assert report.header_dict()["sorted by"] == "betweenness, descending; top 2 of 4 actors"
    assert rows_report(NODES, SCORES, sort="out_CRITICIZED").rows[0]["name"] in ("A", "D")
    with pytest.raises(ConfigError, match="unknown sort metric 'fame'"):
        rows_report(NODES, SCORES, sort="fame")


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_report_renders_in_every_format(fmt):
    text = render(rows_report(NODES, SCORES, header=(("engine", "GDS"),)), fmt)
    assert "B" in text
    if fmt == "json":
        data = json.loads(text)
        assert data["header"]["engine"] == "GDS" and len(data["rows"]) == 4
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert rows[0]["name"] == "C" and float(rows[0]["pagerank"]) > 0.3


# -- contract test against a real Neo4j with GDS ----------------------------------------


@pytest.fixture
def gds_store():
    if not os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI is not set: no Neo4j server with Graph Data Science to test against")
    from kg.config import store_settings
    from kg.gds import connect
    from kg.store import open_store

    with open_store(store_settings(store="neo4j")) as store:
        try:
            connect(store)[0].close()
        except KGError as exc:
            pytest.skip(f"Graph Data Science does not answer: {exc}")
        store.reset()
        yield store
        store.reset()


@pytest.mark.neo4j
def test_gds_report_matches_the_networkx_report(gds_store, make_extraction):
    gds_store.load([make_extraction(
        "The ACLU criticised Amazon. Amnesty criticised Amazon. Amazon called on Congress",
        actors=[("ACLU", "NGO"), ("Amazon", "Company"), ("Amnesty", "NGO"), ("Congress", "GovernmentBody")],
        relations=[("ACLU", "CRITICIZED", "Amazon", 0), ("Amnesty", "CRITICIZED", "Amazon", 1),
                   ("Amazon", "CALLED_FOR", "Congress", 2)])])
    everything = list(RELATION_TYPES)  # both engines then leave isolates out
    gds = {r["id"]: r for r in analytics.gds_centrality_report(gds_store, top=0, relations=everything).rows}
    nx_rows = {r["id"]: r for r in centrality_report(gds_store.snapshot(), top=0, relations=everything).rows}
    assert set(gds) == set(nx_rows)
    for node, row in nx_rows.items():
        for column in ("degree", "in_degree", "out_degree", "weighted_degree", "documents", "betweenness"):
            assert gds[node][column] == pytest.approx(row[column]), (node, column)
        assert gds[node]["eigenvector"] == pytest.approx(row["eigenvector"], rel=1e-2, abs=1e-3)
    assert gds_store.query("CALL gds.graph.list() YIELD graphName RETURN count(*)").rows == [[0]]
