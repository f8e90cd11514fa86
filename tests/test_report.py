"""kg.report: centrality, communities, actor and bipartite reports, in every format."""

import csv
import io
import json
import re

import networkx as nx
import pytest

from kg import analytics, report
from kg.errors import ConfigError, KGError
from kg.model import GraphSnapshot

EMPTY = "the graph is empty: load documents first with `kg load PATH`"


@pytest.fixture
def snapshot():
    """A small controversy: a campaign group and a lawmaker press a company that supplies
    the police; the company calls on Congress; Sony and Windows 10 are mentioned in passing."""
    actors = [
        {"id": "american-civil-liberties-union", "name": "American Civil Liberties Union",
         "type": "NGO", "aliases": ["ACLU", "the civil liberties group"], "mentions": 8},
        {"id": "amazon", "name": "Amazon", "type": "Company", "aliases": ["the company"], "mentions": 14},
        {"id": "police-departments", "name": "police departments", "type": "GovernmentBody",
         "aliases": ["police"], "mentions": 6},
        {"id": "u-s-congress", "name": "U.S. Congress", "type": "GovernmentBody",
         "aliases": ["Congress"], "mentions": 4},
        {"id": "nicole-ozer", "name": "Nicole Ozer", "type": "Person", "aliases": [], "role": "ACLU director",
         "mentions": 2},
        {"id": "amazon-rekognition", "name": "Amazon Rekognition", "type": "Product", "aliases": ["Rekognition"],
         "mentions": 5},
        {"id": "sony", "name": "Sony", "type": "Company", "aliases": [], "mentions": 1},
        {"id": "windows-10", "name": "Windows 10", "type": "Product", "aliases": [], "mentions": 1},
    ]

    def rel(source, kind, target, count, evidence, sentences):
        return {"source": source, "type": kind, "target": target, "count": count, "confidence": 0.8,
                "evidence": evidence, "sentences": sentences}

    relations = [
        rel("american-civil-liberties-union", "CRITICIZED", "amazon", 3, ["d1:3", "d2:1", "d2:9"],
            ["The ACLU criticized Amazon for selling Rekognition.", "The group blamed the company."]),
        rel("american-civil-liberties-union", "CALLED_FOR", "u-s-congress", 1, ["d1:8"],
            ["The ACLU urged Congress to act."]),
        rel("nicole-ozer", "AFFILIATED_WITH", "american-civil-liberties-union", 1, ["d1:4"],
            ["Nicole Ozer of the ACLU said so."]),
        rel("nicole-ozer", "CRITICIZED", "amazon", 1, ["d1:5"], ["Ozer condemned Amazon."]),
        rel("amazon", "SUPPLIED", "police-departments", 2, ["d1:1", "d2:2"], ["Amazon sold it to police."]),
        rel("amazon", "RESTRICTED", "police-departments", 2, ["d2:3", "d3:1"], ["Amazon banned police use."]),
        rel("amazon", "CALLED_FOR", "u-s-congress", 2, ["d2:6", "d3:2"], ["Amazon asked Congress to regulate."]),
        rel("amazon", "DEVELOPED", "amazon-rekognition", 1, ["d1:2"], ["Amazon built Rekognition."]),
        rel("police-departments", "USED", "amazon-rekognition", 2, ["d1:6", "d3:4"], ["Police used Rekognition."]),
    ]
    documents = [
        {"id": "d1", "title": "ACLU presses Amazon", "published": "2020-06-01", "path": "a.txt"},
        {"id": "d2", "title": "Amazon pauses sales", "published": "2020-06-10", "path": "b.txt"},
        {"id": "d3", "title": "Congress weighs rules", "published": "2020-07-01", "path": "c.txt"},
    ]
    statements = [
        {"id": "s1", "text": "Face surveillance is dangerous", "kind": "quote", "published": "2020-06-01",
         "speaker": "american-civil-liberties-union", "about": ["amazon", "police-departments"], "document": "d1"},
        {"id": "s2", "text": "Congress should put in place stronger regulations", "kind": "reported",
         "published": "2020-06-10", "speaker": "amazon", "about": ["u-s-congress"], "document": "d2"},
        {"id": "s3", "text": "This is a start", "kind": "quote", "published": "2020-06-10",
         "speaker": "nicole-ozer", "about": ["amazon"], "document": "d2"},
    ]
    mentions = [{"actor": a, "document": d, "count": c} for a, d, c in [
        ("american-civil-liberties-union", "d1", 5), ("american-civil-liberties-union", "d2", 3),
        ("amazon", "d1", 6), ("amazon", "d2", 6), ("amazon", "d3", 2),
        ("police-departments", "d1", 3), ("police-departments", "d2", 2), ("police-departments", "d3", 1),
        ("u-s-congress", "d1", 1), ("u-s-congress", "d2", 1), ("u-s-congress", "d3", 2),
        ("nicole-ozer", "d1", 1), ("nicole-ozer", "d2", 1), ("amazon-rekognition", "d1", 5),
        ("sony", "d2", 1), ("windows-10", "d3", 1)]]
    return GraphSnapshot(actors=actors, relations=relations, statements=statements,
                         documents=documents, mentions=mentions)


def names(rep):
    return [row["name"] for row in rep.rows]


# --- centrality -----------------------------------------------------------------------


def test_centrality_ranks_the_subjects_above_passing_mentions(snapshot):
    rep = report.centrality_report(snapshot, top=None)
    order = names(rep)
    assert len(order) == 8
    for subject in ("Amazon", "police departments", "U.S. Congress", "American Civil Liberties Union"):
        for passing in ("Sony", "Windows 10"):
            assert order.index(subject) < order.index(passing), (subject, passing, order)
    assert [row["rank"] for row in rep.rows] == list(range(1, 9))


def networkx_metrics(snapshot, relations=None):
    """PageRank (random jumps in proportion to the documents mentioning each actor),
    betweenness and eigenvector centrality computed here with NetworkX alone, on the
    subgraph of ``relations`` (all when None; then every actor is a node)."""
    from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

    M, D, U = nx.MultiDiGraph(), nx.DiGraph(), nx.Graph()
    if relations is None:
        for graph in (M, D, U):
            graph.add_nodes_from(a["id"] for a in snapshot.actors)
    for r in snapshot.relations:
        if relations is not None and r["type"] not in relations:
            continue
        u, v = r["source"], r["target"]
        M.add_edge(u, v, count=r["count"])
        D.add_edge(u, v)
        U.add_edge(u, v, w=(U[u][v]["w"] if U.has_edge(u, v) else 0) + r["count"])
    documents = {}
    for m in snapshot.mentions:
        documents.setdefault(m["actor"], set()).add(m["document"])
    jumps = {node: len(documents.get(node, ())) for node in M}
    return M, {"pagerank": _pagerank_python(M, weight="count", personalization=jumps),
               "betweenness": nx.betweenness_centrality(D),
               "eigenvector": nx.eigenvector_centrality(U, weight="w", max_iter=500)}


def assert_matches_networkx(rep, snapshot, relations=None):
    M, expected = networkx_metrics(snapshot, relations)
    rows = {row["id"]: row for row in rep.rows}
    assert set(rows) == set(M)
    for node, row in rows.items():
        for metric, values in expected.items():
            assert row[metric] == pytest.approx(values[node], abs=1e-9), (metric, node)
        assert row["degree"] == M.degree(node)
        assert row["weighted_degree"] == M.degree(node, weight="count")


def test_centrality_numbers_match_networkx_computed_here(snapshot):
    rep = report.centrality_report(snapshot, top=None)
    assert_matches_networkx(rep, snapshot)
    assert_matches_networkx(report.centrality_report(snapshot, top=None, relations="CRITICIZED,CALLED_FOR"),
                            snapshot, {"CRITICIZED", "CALLED_FOR"})
    rows = {row["id"]: row for row in rep.rows}
    amazon = rows["amazon"]
    assert (amazon["in_CRITICIZED"], amazon["out_SUPPLIED"], amazon["out_CALLED_FOR"]) == (2, 1, 1)
    assert (amazon["documents"], amazon["statements"]) == (3, 1)
    assert amazon["betweenness"] > 0 and amazon["betweenness"] == max(r["betweenness"] for r in rows.values())


def test_centrality_header_says_how_it_was_computed(snapshot):
    header = report.centrality_report(snapshot).header_dict()
    assert header["betweenness"].startswith("exact")
    assert "undirected" in header["eigenvector"] and "count" in header["weights"]
    assert header["subgraph"] == "all relationship types"
    assert "in proportion to the documents mentioning each actor" in header["pagerank"]
    sampled = report.centrality_report(snapshot, exact_limit=5, k=4, seed=7).header_dict()
    assert "SAMPLED from k=4 of 8" in sampled["betweenness"] and "seed 7" in sampled["betweenness"]


def test_centrality_on_a_subgraph_with_types_and_sort(snapshot):
    rep = report.centrality_report(snapshot, relations="CRITICIZED", sort="in_CRITICIZED")
    assert names(rep)[0] == "Amazon"
    assert set(names(rep)) == {"Amazon", "American Civil Liberties Union", "Nicole Ozer"}
    assert rep.header_dict()["subgraph"] == "CRITICIZED"
    assert "in_CALLED_FOR" not in rep.columns
    rep = report.centrality_report(snapshot, types="Company,GovernmentBody", sort="documents", top=2)
    assert names(rep) == ["Amazon", "police departments"]
    assert rep.header_dict()["actor types"] == "Company, GovernmentBody"


def test_centrality_by_document_date(snapshot):
    rep = report.centrality_report(snapshot, since="2020-06-05", until="2020-06-30", top=None)
    rows = {row["id"]: row for row in rep.rows}
    assert "amazon-rekognition" not in rows  # only linked by evidence from d1 and d3
    assert rows["american-civil-liberties-union"]["weighted_degree"] == 2  # two of the three CRITICIZED sightings
    assert rows["amazon"]["documents"] == 1 and rows["amazon"]["statements"] == 1
    assert "2020-06-05 to 2020-06-30" in rep.header_dict()["dates"]


@pytest.mark.parametrize("kwargs, message", [
    ({"sort": "fame"}, "unknown sort metric 'fame'"),
    ({"types": "Corporation"}, "unknown actor type 'Corporation'"),
    ({"relations": ["FOUGHT"]}, "unknown relationship type 'FOUGHT'"),
    ({"relations": ["INTRODUCED"]}, "no actors left after filtering"),
])
def test_centrality_rejects_bad_options_in_one_line(snapshot, kwargs, message):
    with pytest.raises(KGError, match=message) as error:
        report.centrality_report(snapshot, **kwargs)
    assert "\n" not in str(error.value)


def test_katz_replaces_eigenvector_when_it_does_not_converge(snapshot, monkeypatch):
    def never(G, **kwargs):
        raise nx.PowerIterationFailedConvergence(100)

    monkeypatch.setattr(analytics, "eigenvector", never)
    rep = report.centrality_report(snapshot, top=None)
    assert rep.header_dict()["eigenvector"].startswith("KATZ")
    G = analytics.to_networkx(snapshot)
    katz = analytics.katz(G)
    assert {row["id"]: row["eigenvector"] for row in rep.rows} == pytest.approx(katz)


def test_every_report_of_an_empty_graph_says_to_load_documents():
    for build in (report.centrality_report, report.communities_report, report.bipartite_report,
                  lambda s: report.actor_report(s, "ACLU")):
        with pytest.raises(KGError) as error:
            build(GraphSnapshot())
        assert str(error.value) == EMPTY


# --- formats --------------------------------------------------------------------------


def test_csv_parses_with_per_type_columns(snapshot):
    rep = report.centrality_report(snapshot, top=5)
    rows = list(csv.DictReader(io.StringIO(report.render(rep, "csv"))))
    assert len(rows) == 5
    assert rows[0]["name"] == rep.rows[0]["name"]
    assert {"in_CRITICIZED", "out_CALLED_FOR", "pagerank", "betweenness", "eigenvector"} <= set(rows[0])
    assert float(rows[0]["pagerank"]) == pytest.approx(rep.rows[0]["pagerank"])
    assert sum(int(r["out_CRITICIZED"]) for r in rows) <= 2


def test_json_parses_with_header_columns_and_rows(snapshot):
    rep = report.centrality_report(snapshot, top=3)
    data = json.loads(report.render(rep, "json"))
    assert data["header"]["betweenness"] == rep.header_dict()["betweenness"]
    assert data["columns"][:3] == ["rank", "id", "name"]
    assert [row["name"] for row in data["rows"]] == names(rep)
    assert data["rows"][0]["in_CRITICIZED"] == rep.rows[0]["in_CRITICIZED"]


def test_table_and_markdown_show_the_header_and_a_compact_relation_summary(snapshot):
    rep = report.centrality_report(snapshot, top=4)
    table = report.render(rep, "table")
    assert "betweenness: exact" in table and "in_CRITICIZED" not in table
    amazon_line = next(line for line in table.splitlines() if re.match(r"\s*\d+  Amazon  ", line))
    assert "CRITICIZED 2←" in amazon_line and "SUPPLIED 1→" in amazon_line
    markdown = report.render(rep, "markdown")
    table_lines = [line for line in markdown.splitlines() if line.startswith("|")]
    assert len(table_lines) == 2 + 4
    assert all(line.count("|") == table_lines[0].count("|") for line in table_lines)


def test_render_rejects_an_unknown_format(snapshot):
    with pytest.raises(ConfigError, match="unknown format 'xml'"):
        report.render(report.centrality_report(snapshot), "xml")


# --- communities, actor, bipartite ----------------------------------------------------


def test_communities_are_labelled_by_their_most_central_members(snapshot):
    rep = report.communities_report(snapshot, seed=3)
    assert sum(row["size"] for row in rep.rows) == 6  # Sony and Windows 10 have no relationship
    G = analytics.to_networkx(snapshot, isolates=False)
    pagerank = analytics.pagerank(G, personalization={
        a: len({m["document"] for m in snapshot.mentions if m["actor"] == a}) for a in G})
    for row in rep.rows:
        label = row["label"].split(", ")
        members = row["members"].split("; ")
        assert label == members[:len(label)]
        by_name = {G.nodes[n]["name"]: pagerank[n] for n in G}
        assert [by_name[m] for m in members] == sorted((by_name[m] for m in members), reverse=True)
    assert float(rep.header_dict()["modularity"]) >= 0
    assert json.loads(report.render(rep, "json"))["rows"][0]["community"] == 1


def test_actor_profile_by_alias_in_any_case(snapshot):
    rep = report.actor_report(snapshot, "aclu")
    header = rep.header_dict()
    assert header["name"] == "American Civil Liberties Union" and header["type"] == "NGO"
    assert "ACLU" in header["aliases"]
    ranks, edges, statements = rep.sections
    edge = next(e for e in edges.rows if e["type"] == "CRITICIZED")
    assert (edge["direction"], edge["actor"], edge["count"], edge["documents"]) == ("out", "Amazon", 3, 2)
    assert edge["evidence"].count(" | ") == 1  # two example sentences
    assert any(e["direction"] == "in" and e["type"] == "AFFILIATED_WITH" for e in edges.rows)
    said = [s for s in statements.rows if s["role"] == "said"]
    assert said[0]["text"] == "Face surveillance is dangerous" and said[0]["document"] == "ACLU presses Amazon"
    assert {r["metric"] for r in ranks.rows} == set(report.METRICS)
    out_degree = next(r for r in ranks.rows if r["metric"] == "out_degree")
    assert (out_degree["value"], out_degree["rank"], out_degree["of"]) == (2, 2, 8)  # Amazon has 4
    rows = list(csv.DictReader(io.StringIO(report.render(rep, "csv"))))
    assert {r["section"] for r in rows} == {"ranks", "relationships", "statements"}
    assert [s["title"] for s in json.loads(report.render(rep, "json"))["sections"]] == [
        "ranks", "relationships", "statements"]


def test_actor_not_found_suggests_close_names(snapshot):
    with pytest.raises(KGError, match=r"did you mean: Amazon.*\?") as error:
        report.actor_report(snapshot, "Amazn")
    assert "'Amazn'" in str(error.value)
    twins = GraphSnapshot(actors=[{"id": "amazon-a", "name": "Amazon A", "type": "Company"},
                                  {"id": "amazon-b", "name": "Amazon B", "type": "Company"}])
    with pytest.raises(KGError, match=r"'amazon' is ambiguous; did you mean: Amazon A, Amazon B\?"):
        report.find_actor(twins, "amazon")
    assert report.actor_report(snapshot, "ozer").header_dict()["name"] == "Nicole Ozer"


def test_speaker_target_view(snapshot):
    rep = report.bipartite_report(snapshot, kind="speaker-target")
    pairs = {(row["speaker"], row["target"]): row for row in rep.rows}
    assert set(pairs) == {("American Civil Liberties Union", "Amazon"),
                          ("American Civil Liberties Union", "police departments"),
                          ("Amazon", "U.S. Congress"), ("Nicole Ozer", "Amazon")}
    assert pairs[("Amazon", "U.S. Congress")]["reported"] == 1
    assert json.loads(report.render(rep, "json"))["rows"][0]["statements"] == 1


def test_actor_document_view(snapshot):
    rep = report.bipartite_report(snapshot, kind="actor-document")
    assert rep.rows[0]["name"] == "Amazon" and rep.rows[0]["documents"] == 3
    assert rep.rows[0]["document_share"] == 1.0
    sony = next(row for row in rep.rows if row["name"] == "Sony")
    assert (sony["documents"], sony["co_actors"], sony["first_seen"]) == (1, 5, "2020-06-10")
    with pytest.raises(ConfigError, match="unknown bipartite view 'actor-actor'"):
        report.bipartite_report(snapshot, kind="actor-actor")


# --- on the store: the seed graph, and an empty graph ----------------------------------


def test_an_empty_store_gives_the_load_message(store):
    with pytest.raises(KGError, match="^the graph is empty: load documents first with `kg load PATH`$"):
        report.centrality_report(store.snapshot())


def _find(rows, *patterns):
    """The best-ranked row whose name or an alias matches one of the patterns (case-insensitive)."""
    for row in rows:
        forms = [row["name"], *row.get("aliases", [])]
        if any(re.search(p, f, re.IGNORECASE) for p in patterns for f in forms):
            return row
    return None


SUBJECTS = {
    "Amazon": (r"^amazon(\.com| inc\.?)?$",),
    "ACLU": (r"^(the )?american civil liberties union\b", r"^aclu$"),
    "police departments": (r"^(the )?(us |u\.s\. )?police( departments?| forces?)?$",),
    "Congress": (r"^(the )?(us |u\.s\. |united states )?congress$",),
}
PASSING = {"Sony": (r"^sony$",), "Windows 10": (r"^windows 10$",), "Facebook": (r"^facebook$",)}


def test_seed_ranking_puts_the_subjects_above_passing_mentions(seed_snapshot):
    rep = report.centrality_report(seed_snapshot, top=None)
    aliases = {a["id"]: a.get("aliases") or [] for a in seed_snapshot.actors}
    rows = [dict(row, aliases=aliases[row["id"]]) for row in rep.rows]
    subjects = {label: _find(rows, *patterns) for label, patterns in SUBJECTS.items()}
    assert all(subjects.values()), {k: v and v["name"] for k, v in subjects.items()}
    passing = {label: row for label, patterns in PASSING.items() if (row := _find(rows, *patterns))}
    assert passing, "none of Sony, Windows 10, Facebook is in the seed graph"
    for label, subject in subjects.items():
        for other, mention in passing.items():
            assert subject["rank"] < mention["rank"], (
                f"{label} ({subject['name']}, rank {subject['rank']}) should rank above "
                f"{other} ({mention['name']}, rank {mention['rank']})")
    top = [row["name"] for row in rows[:10]]
    assert subjects["Amazon"]["name"] in top, top


def test_seed_metrics_match_networkx(seed_snapshot):
    assert_matches_networkx(report.centrality_report(seed_snapshot, top=None), seed_snapshot)
    present = {r["type"] for r in seed_snapshot.relations} & {"CRITICIZED", "CALLED_FOR"}
    assert present
    rep = report.centrality_report(seed_snapshot, top=None, relations=sorted(present))
    assert_matches_networkx(rep, seed_snapshot, present)


@pytest.mark.parametrize("fmt", report.FORMATS)
def test_seed_reports_render_in_every_format(seed_snapshot, fmt):
    reports = [report.centrality_report(seed_snapshot, top=10),
               report.communities_report(seed_snapshot),
               report.actor_report(seed_snapshot, "amazon"),
               report.bipartite_report(seed_snapshot, "actor-document"),
               report.bipartite_report(seed_snapshot, "speaker-target")]
    for rep in reports:
        text = report.render(rep, fmt)
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(text)))
            assert len(rows) == sum(len(section.rows) for section in rep.sections)
        elif fmt == "json":
            data = json.loads(text)
            assert data["title"] == rep.title and data["header"] == rep.header_dict()
        else:
            assert rep.title in text and all(f"{k}" in text for k, _ in rep.header)
    assert len(reports[0].rows) == 10
