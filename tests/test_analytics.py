"""kg.analytics: the snapshot as a NetworkX graph, and metrics that agree with NetworkX."""

import random

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg import analytics
from kg.errors import ConfigError, KGError
from kg.model import GraphSnapshot


def nx_pagerank(G, **kwargs):
    """NetworkX's own PageRank: the SciPy one when SciPy is installed, else the pure-Python one."""
    try:
        import scipy  # noqa: F401
    except ImportError:
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(G, **kwargs)
    return nx.pagerank(G, **kwargs)


def assert_close(ours, theirs, tol=1e-9):
    assert set(ours) == set(theirs)
    worst = max((abs(ours[n] - theirs[n]) for n in ours), default=0.0)
    assert worst < tol, worst


@pytest.fixture
def snapshot():
    actors = [
        {"id": "aclu", "name": "ACLU", "type": "NGO", "aliases": []},
        {"id": "amazon", "name": "Amazon", "type": "Company", "aliases": []},
        {"id": "ibm", "name": "IBM", "type": "Company", "aliases": []},
        {"id": "congress", "name": "U.S. Congress", "type": "GovernmentBody", "aliases": []},
        {"id": "sony", "name": "Sony", "type": "Company", "aliases": []},
    ]
    relations = [
        {"source": "aclu", "target": "amazon", "type": "CRITICIZED", "count": 3,
         "evidence": ["d1:1", "d2:4", "d3:2"], "sentences": ["s"]},
        {"source": "aclu", "target": "amazon", "type": "CALLED_FOR", "count": 1,
         "evidence": ["d1:2"], "sentences": ["s"]},
        {"source": "amazon", "target": "congress", "type": "CALLED_FOR", "count": 2,
         "evidence": ["d2:5", "d3:1"], "sentences": ["s"]},
        {"source": "ibm", "target": "congress", "type": "CALLED_FOR", "count": 1,
         "evidence": ["d3:7"], "sentences": ["s"]},
    ]
    documents = [
        {"id": "d1", "title": "one", "published": "2020-06-01"},
        {"id": "d2", "title": "two", "published": "2020-06-10"},
        {"id": "d3", "title": "three", "published": None},
    ]
    return GraphSnapshot(actors=actors, relations=relations, documents=documents)


def random_multigraph(seed, nodes=40, edges=120):
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    G.add_nodes_from(f"n{i}" for i in range(nodes))
    for _ in range(edges):
        u, v = f"n{rng.randrange(nodes - 5)}", f"n{rng.randrange(nodes - 5)}"
        G.add_edge(u, v, key=rng.choice(["CRITICIZED", "USED", "SUPPLIED"]), count=rng.randint(1, 5))
    return G


# --- to_networkx ----------------------------------------------------------------------


def test_to_networkx_keeps_actor_rows_and_relation_rows(snapshot):
    G = analytics.to_networkx(snapshot)
    assert isinstance(G, nx.MultiDiGraph)
    assert set(G) == {"aclu", "amazon", "ibm", "congress", "sony"}  # isolates kept by default
    assert G.nodes["aclu"]["name"] == "ACLU" and G.nodes["sony"]["type"] == "Company"
    assert sorted(G.edges(keys=True)) == [
        ("aclu", "amazon", "CALLED_FOR"), ("aclu", "amazon", "CRITICIZED"),
        ("amazon", "congress", "CALLED_FOR"), ("ibm", "congress", "CALLED_FOR")]
    assert G.edges["aclu", "amazon", "CRITICIZED"]["count"] == 3


def test_to_networkx_relation_filter_ranks_on_the_subgraph_only(snapshot):
    G = analytics.to_networkx(snapshot, relations="criticized")
    assert set(G) == {"aclu", "amazon"}
    assert list(G.edges(keys=True)) == [("aclu", "amazon", "CRITICIZED")]
    G = analytics.to_networkx(snapshot, relations=["CRITICIZED"], isolates=True)
    assert "sony" in G and G.number_of_edges() == 1


def test_to_networkx_type_filter_drops_edges_with_a_dropped_end(snapshot):
    G = analytics.to_networkx(snapshot, types=["Company", "GovernmentBody"])
    assert "aclu" not in G
    assert sorted(G.edges(keys=True)) == [("amazon", "congress", "CALLED_FOR"),
                                          ("ibm", "congress", "CALLED_FOR")]


def test_to_networkx_min_count(snapshot):
    G = analytics.to_networkx(snapshot, min_count=2)
    assert sorted(G.edges(keys=True)) == [("aclu", "amazon", "CRITICIZED"),
                                          ("amazon", "congress", "CALLED_FOR")]


def test_to_networkx_dates_keep_evidence_in_range_and_recount(snapshot):
    G = analytics.to_networkx(snapshot, since="2020-06-05")
    # only d2 is dated in range; d3 has no date, so it is never in a range
    assert sorted(G.edges(keys=True)) == [("aclu", "amazon", "CRITICIZED"),
                                          ("amazon", "congress", "CALLED_FOR")]
    assert G.edges["aclu", "amazon", "CRITICIZED"]["count"] == 1
    assert G.edges["aclu", "amazon", "CRITICIZED"]["evidence"] == ["d2:4"]
    G = analytics.to_networkx(snapshot, until="2020-06-01")
    assert sorted(G.edges(keys=True)) == [("aclu", "amazon", "CALLED_FOR"),
                                          ("aclu", "amazon", "CRITICIZED")]


@pytest.mark.parametrize("kwargs, words", [
    ({"types": ["Corporation"]}, ["'Corporation'", "Company", "NGO"]),
    ({"relations": "LIKED"}, ["'LIKED'", "CRITICIZED"]),
    ({"since": "June 2020"}, ["'June 2020'", "ISO"]),
    ({"since": "2021-01-01", "until": "2020-01-01"}, ["2021-01-01", "2020-01-01"]),
])
def test_to_networkx_rejects_bad_options_naming_them(snapshot, kwargs, words):
    with pytest.raises(ConfigError) as error:
        analytics.to_networkx(snapshot, **kwargs)
    for word in words:
        assert word in str(error.value)


# --- metrics against NetworkX ---------------------------------------------------------


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_pagerank_matches_networkx_weighted_by_count(seed):
    G = random_multigraph(seed)
    assert_close(analytics.pagerank(G), nx_pagerank(G, weight="count"))
    assert_close(analytics.pagerank(G, weight=None), nx_pagerank(G, weight=None))
    jumps = {node: i % 4 for i, node in enumerate(G)}  # some nodes never jumped to
    assert_close(analytics.pagerank(G, personalization=jumps),
                 nx_pagerank(G, weight="count", personalization=jumps))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_eigenvector_and_katz_match_networkx_on_the_undirected_projection(seed):
    G = random_multigraph(seed)
    U = nx.Graph()
    U.add_nodes_from(G)
    for u, v, c in G.edges(data="count"):
        U.add_edge(u, v, count=U[u][v]["count"] + c if U.has_edge(u, v) else c)
    assert_close(analytics.eigenvector(G), nx.eigenvector_centrality(U, weight="count"), 1e-12)
    alpha = analytics.katz_alpha(G)
    assert_close(analytics.katz(G, alpha=alpha), nx.katz_centrality(U, alpha=alpha, weight="count"), 1e-12)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_betweenness_exact_and_sampled_match_networkx(seed):
    G = random_multigraph(seed)
    D = nx.DiGraph(G)
    assert_close(analytics.betweenness(G), nx.betweenness_centrality(D), 1e-12)
    assert_close(analytics.betweenness(G, k=7, seed=seed), nx.betweenness_centrality(D, k=7, seed=seed), 1e-12)
    # above exact_limit the default sample is all the nodes of this small graph: exact again
    assert analytics.betweenness_plan(G, exact_limit=10) is None
    assert analytics.betweenness_plan(G, exact_limit=10, k=5) == 5


def test_betweenness_on_a_long_path_is_exact():
    G = nx.MultiDiGraph(nx.path_graph(300, create_using=nx.DiGraph))
    ours = analytics.betweenness(G)
    assert_close(ours, nx.betweenness_centrality(nx.DiGraph(G)), 1e-12)
    assert max(ours, key=ours.get) in (149, 150)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=40))
def test_betweenness_matches_networkx_on_any_small_graph(edges):
    G = nx.MultiDiGraph()
    G.add_nodes_from(range(10))
    G.add_edges_from(edges)
    assert_close(analytics.betweenness(G), nx.betweenness_centrality(nx.DiGraph(G)), 1e-12)


def test_degrees_per_relationship_type(snapshot):
    table = analytics.degrees(analytics.to_networkx(snapshot))
    assert table["amazon"]["degree"] == 3
    assert table["amazon"]["in_degree"] == 2 and table["amazon"]["out_degree"] == 1
    assert table["amazon"]["weighted_degree"] == 3 + 1 + 2
    assert table["amazon"]["in_CRITICIZED"] == 1 and table["amazon"]["out_CALLED_FOR"] == 1
    assert table["congress"]["in_CALLED_FOR"] == 2
    assert table["sony"] == {k: 0 for k in table["sony"]}
    # one column per type present, in the schema's order
    assert [k for k in table["aclu"] if k.startswith("in_") and k != "in_degree"] == [
        "in_CRITICIZED", "in_CALLED_FOR"]


def test_communities_split_two_clusters_and_are_seeded():
    G = nx.MultiDiGraph()
    for a, b in [("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("c", "x")]:
        G.add_edge(a, b, key="CRITICIZED", count=3 if (a, b) != ("c", "x") else 1)
    found = analytics.communities(G, seed=1)
    assert found["a"] == found["b"] == found["c"] != found["x"] == found["y"] == found["z"]
    assert found == analytics.communities(G, seed=1)
    assert analytics.modularity(G, found) > 0.3


@pytest.mark.parametrize("metric", [analytics.pagerank, analytics.betweenness, analytics.eigenvector,
                                    analytics.katz, analytics.degrees, analytics.communities])
def test_metrics_are_guarded_for_empty_and_one_node_graphs(metric):
    assert metric(nx.MultiDiGraph()) == {}
    one = nx.MultiDiGraph()
    one.add_node("solo")
    assert list(metric(one)) == ["solo"]


def test_every_public_name_is_exported():
    for name in analytics.__all__:
        assert hasattr(analytics, name), name


def test_gds_engine_says_what_it_needs():
    class FalkorLike:
        dialect = "falkordb"

    with pytest.raises(KGError, match="--engine gds needs a Neo4j store"):
        analytics.gds_centrality(FalkorLike())


def test_projections_sum_the_counts_of_parallel_and_opposite_edges():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="CRITICIZED", count=3)
    G.add_edge("a", "b", key="CALLED_FOR", count=2)
    G.add_edge("b", "a", key="SUPPORTED", count=4)
    G.add_node("alone")
    D = analytics.directed_projection(G)
    assert isinstance(D, nx.DiGraph) and not isinstance(D, nx.MultiDiGraph)
    assert (D["a"]["b"]["count"], D["b"]["a"]["count"]) == (5, 4) and "alone" in D
    U = analytics.undirected_projection(G)
    assert not U.is_directed() and U["a"]["b"]["count"] == 9 and set(U) == {"a", "b", "alone"}


def test_evidence_document_and_relation_order():
    assert analytics.evidence_document("abc:def:7") == "abc:def"
    kinds = sorted(["ZZZ", "INVOLVED_IN", "CRITICIZED"], key=analytics.relation_order)
    assert kinds == ["CRITICIZED", "INVOLVED_IN", "ZZZ"]
