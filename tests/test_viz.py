"""kg.viz: the generated HTML (self-contained, escaped, the views) and the page in real
headless Chromium (vis-network initialised, legend, filters, search, nothing leaves the
machine, a script planted in an article does not run)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from kg.errors import ConfigError, KGError
from kg.model import GraphSnapshot
from kg.viz import _assets, page_html, resolve_actor, write_gallery, write_page

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
PLANT = ('<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'
         '<a href="javascript:window.__pwned=1">click</a>')
SVG_NS = "http://www.w3.org/2000/svg"


def actor(id, name, type, aliases=(), mentions=1, role=None):
    return {"id": id, "name": name, "type": type, "aliases": list(aliases), "role": role,
            "mentions": mentions, "documents": 1, "statements": 0}


def relation(source, type, target, count=1, sentence="", doc="d1"):
    return {"source": source, "target": target, "type": type, "count": count, "confidence": 0.7,
            "evidence": [f"{doc}:{i}" for i in range(count)], "sentences": [sentence or f"{source} {type} {target}."]}


def make_snapshot(plant=PLANT) -> GraphSnapshot:
    """A small hand-built graph; ``plant`` goes into an alias, an evidence sentence, a
    statement and a document title."""
    return GraphSnapshot(
        actors=[
            actor("aclu", "American Civil Liberties Union", "NGO", ["ACLU", "the Seattle group", plant], 9),
            actor("amazon", "Amazon", "Company", ["AWS"], 20),
            actor("rekognition", "Amazon Rekognition", "Product", [], 8),
            actor("congress", "U.S. Congress", "GovernmentBody", ["Congress"], 5),
            actor("nicole-ozer", "Nicole Ozer", "Person", ["Ozer"], 3, role="technology director"),
            actor("moratorium", "Amazon's one-year moratorium", "Policy", [], 4),
            actor("floyd", "killing of George Floyd", "Incident", [], 2),
            actor("bill", "police reform bill", "Bill", [], 2),
            actor("nyt", "The New York Times", "MediaOutlet", [], 1),
            actor("police", "police departments", "GovernmentBody", [], 6),
        ],
        relations=[
            relation("aclu", "CRITICIZED", "amazon", 3, "The ACLU criticized Amazon."),
            relation("aclu", "CALLED_FOR", "amazon", 1),
            relation("amazon", "DEVELOPED", "rekognition", 4, "Amazon makes Rekognition. " + plant),
            relation("amazon", "CALLED_FOR", "congress", 2),
            relation("nicole-ozer", "AFFILIATED_WITH", "aclu", 1),
            relation("amazon", "ANNOUNCED", "moratorium", 3),
            relation("aclu", "SUPPORTED", "moratorium", 1),
            relation("amazon", "RESTRICTED", "police", 2),
            relation("amazon", "SUPPLIED", "police", 1),
            relation("police", "USED", "rekognition", 2),
            relation("police", "INVOLVED_IN", "floyd", 1, doc="d2"),
            relation("congress", "INTRODUCED", "bill", 1, doc="d2"),
        ],
        statements=[
            {"id": "s1", "text": "We will not stand by. " + plant, "kind": "quote", "published": "2020-06-10",
             "speaker": "nicole-ozer", "about": ["amazon"], "document": "d1"},
            {"id": "s2", "text": "governments should put in place stronger regulations", "kind": "reported",
             "published": "2020-06-10", "speaker": "amazon", "about": ["congress"], "document": "d2"},
        ],
        documents=[
            {"id": "d1", "title": "Amazon bans police " + plant, "source": "Reuters", "published": "2020-06-10", "path": "a.txt"},
            {"id": "d2", "title": "Moratorium", "source": None, "published": None, "path": "b.txt"},
        ],
    )


def page_data(page: str) -> dict:
    block = re.search(r'<script id="kg-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


# --------------------------------------------------------------------------- generated HTML


def test_page_needs_no_network():
    page = page_html(make_snapshot())
    assets = _assets()
    assert assets["vis_js"] in page and assets["vis_css"] in page  # vis-network inlined
    assert not re.search(r"<script[^>]*\bsrc\s*=", page, re.I)
    assert not re.search(r"<link\b", page, re.I)
    assert not re.search(r"\b(src|href)\s*=\s*[\"']?\s*(https?:)?//", page, re.I)
    assert not re.search(r"@import", page, re.I)
    assert "sourceMappingURL" not in page
    assert set(re.findall(r"url\(\s*[\"']?([a-z]+):", page, re.I)) <= {"data"}
    # outside the vendored library (licence comments) the only URL is the SVG namespace
    own = page.replace(assets["vis_js"], "").replace(assets["vis_css"], "")
    assert set(re.findall(r"https?://[^\s\"'<>)]*", own)) == {SVG_NS}
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "default-src &#x27;none&#x27;" in csp and "unsafe-eval" not in csp


def test_legend_colours_shapes_and_sizes():
    data = page_data(page_html(make_snapshot()))
    legend = {t["type"]: t for t in data["nodeTypes"]}
    assert set(legend) == {"NGO", "Company", "Product", "GovernmentBody", "Person", "Policy", "Incident", "Bill", "MediaOutlet"}
    assert legend["GovernmentBody"]["count"] == 2
    assert len({(t["colour"], t["shape"], t["dashed"]) for t in legend.values()}) == len(legend)
    relations = {t["type"]: t["colour"] for t in data["relationTypes"]}
    assert relations.keys() == {r["type"] for r in make_snapshot().relations}
    assert len(set(relations.values())) == len(relations)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert len(nodes) == 10 and len(data["edges"]) == 12
    for node in nodes.values():
        assert node["color"]["background"] == legend[node["kgType"]]["colour"]
        assert node["shape"] == legend[node["kgType"]]["shape"]
    # sized by centrality: the biggest node has the highest score, the isolated one the lowest
    by_size = sorted(nodes.values(), key=lambda n: n["size"])
    assert by_size[-1]["kgInfo"]["score"] == max(n["kgInfo"]["score"] for n in nodes.values())
    assert nodes["nyt"]["size"] == by_size[0]["size"] < by_size[-1]["size"]
    edges = {e["id"]: e for e in data["edges"]}
    assert edges["amazon|DEVELOPED|rekognition"]["width"] > edges["aclu|CALLED_FOR|amazon"]["width"]
    assert edges["aclu|CRITICIZED|amazon"]["color"]["color"] == relations["CRITICIZED"]
    # two relations between one pair are fanned out so that both colours show
    assert edges["aclu|CRITICIZED|amazon"]["smooth"]["roundness"] != edges["aclu|CALLED_FOR|amazon"]["smooth"]["roundness"]


def test_tooltip_data_has_type_aliases_relations_statements_evidence():
    data = page_data(page_html(make_snapshot()))
    ozer = next(n for n in data["nodes"] if n["id"] == "nicole-ozer")["kgInfo"]
    assert ozer["type"] == "Person" and ozer["role"] == "technology director" and ozer["aliases"] == ["Ozer"]
    assert {"type": "AFFILIATED_WITH", "arrow": "→", "other": "American Civil Liberties Union", "count": 1} in ozer["relations"]
    assert ozer["statements"][0]["text"].startswith("We will not stand by.")
    assert ozer["statements"][0]["document"].startswith("Amazon bans police")
    edge = next(e for e in data["edges"] if e["id"] == "aclu|CRITICIZED|amazon")["kgInfo"]
    assert edge["evidence"][0]["text"] == "The ACLU criticized Amazon."
    assert edge["evidence"][0]["document"].startswith("Amazon bans police <img src=x")
    assert edge["evidence"][0]["document"].endswith("… (Reuters), 2020-06-10")


def test_edge_evidence_cites_every_document_when_seen_in_several():
    snapshot = make_snapshot(plant="")
    spread = relation("amazon", "CALLED_FOR", "congress", 1)
    spread["evidence"] = ["d1:3", "d2:7", "d1:9"]
    snapshot.relations = [r for r in snapshot.relations if (r["source"], r["type"]) != ("amazon", "CALLED_FOR")]
    snapshot.relations.append(spread)
    data = page_data(page_html(snapshot))
    edge = next(e for e in data["edges"] if e["id"] == "amazon|CALLED_FOR|congress")["kgInfo"]
    cite = edge["evidence"][0]["document"]
    assert cite.startswith("seen in: Amazon bans police") and "; Moratorium" in cite
    single = next(e for e in data["edges"] if e["id"] == "congress|INTRODUCED|bill")["kgInfo"]
    assert single["evidence"][0]["document"] == "Moratorium"


@pytest.mark.reliability("Pages", "<script>, <img onerror>, javascript: links in names, aliases, statements, evidence and title: escaped in the page HTML")
def test_article_text_cannot_close_the_script_or_become_markup():
    page = page_html(make_snapshot(), statements=True, title="Graph " + PLANT)
    for raw in ("<script>window", "<img src=x", "<a href=", "</script><"):
        assert raw not in page.replace(_assets()["vis_js"], "")
    assert len(re.findall(r"<script\b", page.replace(_assets()["vis_js"], ""))) == 3
    assert "<title>Graph &lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in page
    # the text survives as text: the page shows it, escaped, rather than dropping it
    data = page_data(page)
    aclu = next(n for n in data["nodes"] if n["id"] == "aclu")
    assert aclu["kgInfo"]["aliases"][2].startswith('<img src=x onerror="window.__pwned=1"><script>')
    statement = next(n for n in data["nodes"] if n["id"] == "statement:s1")
    assert statement["kgInfo"]["text"] == "We will not stand by. " + PLANT
    assert data["title"] == "Graph " + PLANT


def test_views_focus_relations_types_min_count_top_statements():
    snap = make_snapshot()
    ids = lambda **kw: {n["id"] for n in page_data(page_html(snap, **kw))["nodes"]}  # noqa: E731
    assert ids(focus="nicole ozer", depth=1) == {"nicole-ozer", "aclu"}
    assert ids(focus="OZER", depth=2) == {"nicole-ozer", "aclu", "amazon", "moratorium"}
    only_criticized = page_data(page_html(snap, relations=["criticized"]))
    assert {e["kgType"] for e in only_criticized["edges"]} == {"CRITICIZED"}
    assert {n["id"] for n in only_criticized["nodes"]} == {"aclu", "amazon"}
    assert only_criticized["filters"] == "relationships: CRITICIZED"
    assert ids(types=["Company", "NGO"]) == {"amazon", "aclu"}
    assert {e["id"] for e in page_data(page_html(snap, min_count=3))["edges"]} == {
        "aclu|CRITICIZED|amazon", "amazon|DEVELOPED|rekognition", "amazon|ANNOUNCED|moratorium"}
    top = page_data(page_html(snap, top=3, size="degree"))
    assert {n["id"] for n in top["nodes"]} == {"amazon", "aclu", "police"}
    assert all(e["from"] in {"amazon", "aclu", "police"} and e["to"] in {"amazon", "aclu", "police"} for e in top["edges"])
    assert "3 most central of 10" in top["notes"][0]
    with_statements = page_data(page_html(snap, statements=True))
    kinds = [n["kgType"] for n in with_statements["nodes"]]
    assert kinds.count("Statement") == 2
    assert {e["kgType"] for e in with_statements["edges"]} >= {"SAID", "ABOUT"}
    assert "Statement" not in [n["kgType"] for n in page_data(page_html(snap))["nodes"]]
    for size in ("pagerank", "degree", "betweenness"):
        assert page_data(page_html(snap, size=size))["size"] == size


def test_large_graph_is_pruned_with_a_note():
    snap = GraphSnapshot(
        actors=[actor(f"a{i}", f"Actor {i}", "Company") for i in range(60)],
        relations=[relation(f"a{i}", "CRITICIZED", f"a{(i * 7 + 1) % 60}") for i in range(60)]
        + [relation(f"a{i}", "SUPPORTED", "a0") for i in range(1, 60)],
    )
    data = page_data(page_html(snap, max_nodes=20))
    assert len(data["nodes"]) == 20
    assert "a0" in {n["id"] for n in data["nodes"]}  # the most central one is kept
    assert "showing the 20 most central of 60" in data["notes"][0]
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 400


def test_focus_not_found_suggests_names():
    snap = make_snapshot()
    assert resolve_actor(snap, "amazon rekognition") == "rekognition"
    assert resolve_actor(snap, "aclu") == "aclu"  # an alias
    assert resolve_actor(snap, "Amazon Rekogniton") == "rekognition"  # a close spelling
    with pytest.raises(KGError, match=r"Amazonas Inc: no such actor.*did you mean: Amazon"):
        resolve_actor(snap, "Amazonas Inc")
    with pytest.raises(KGError, match="Zzyzx"):
        page_html(snap, focus="Zzyzx")
    with pytest.raises(KGError, match="not in the graph with these filters"):
        page_html(snap, focus="Amazon", types=["NGO"])


def test_bad_options_are_config_errors():
    with pytest.raises(ConfigError, match="size 'closeness'"):
        page_html(make_snapshot(), size="closeness")
    with pytest.raises(ConfigError, match="relationship type 'PRAISED'.*CRITICIZED"):
        page_html(make_snapshot(), relations=["PRAISED"])
    with pytest.raises(ConfigError, match="actor type 'Band'"):
        page_html(make_snapshot(), types=["Band"])


def test_write_page_writes_only_its_path(tmp_path, monkeypatch):
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    out = tmp_path / "pages" / "graph.html"
    assert write_page(make_snapshot(), out) == out
    assert out.is_file() and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert list(work.iterdir()) == [] and os.listdir(out.parent) == ["graph.html"]


def test_empty_graph_still_writes_a_page(tmp_path):
    data = page_data(write_page(GraphSnapshot(), tmp_path / "empty.html").read_text(encoding="utf-8"))
    assert data["nodes"] == [] and data["edges"] == []


def test_repeated_statement_rows_give_one_node_and_one_edge_each():
    snap = make_snapshot()
    snap.statements.append(dict(snap.statements[1], about=["congress", "congress"]))
    data = page_data(page_html(snap, statements=True))
    assert [n["id"] for n in data["nodes"]].count("statement:s2") == 1
    ids = [e["id"] for e in data["edges"]]
    assert len(ids) == len(set(ids))


def test_gallery_links_overview_top_actors_and_relation_pages(tmp_path):
    index = write_gallery(make_snapshot(), tmp_path / "gallery", top=2)
    text = index.read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', text)
    assert links[0] == "overview.html"
    assert sum(link.startswith("actor-") for link in links) == 2
    assert sum(link.startswith("relation-") for link in links) == len({r["type"] for r in make_snapshot().relations}) == 11
    for link in links:
        assert (index.parent / link).is_file()
    assert "://" not in text
    relation_page = page_data((index.parent / "relation-criticized.html").read_text(encoding="utf-8"))
    assert {e["kgType"] for e in relation_page["edges"]} == {"CRITICIZED"}


# --------------------------------------------------------------------------- in Chromium


@pytest.fixture(scope="session")
def chromium():
    from browser import chromium_problem, launch, skip_browser

    if skip_browser():
        pytest.skip("KG_SKIP_BROWSER=1")
    problem = chromium_problem()
    if problem:
        pytest.fail(problem, pytrace=False)
    with launch() as browser:
        yield browser


def visit(browser, path, **kw):
    from browser import open_page

    return open_page(browser, path, **kw)


def node_point(page, node_id):
    """Where a node is on the screen (page coordinates)."""
    return page.evaluate(
        """id => { const p = network.canvasToDOM(network.getPositions([id])[id]);
                   const r = document.getElementById('kg-network').getBoundingClientRect();
                   return [r.left + p.x, r.top + p.y]; }""",
        node_id,
    )


def edge_point(page, edge_id):
    """A point on the screen over this edge and over no node."""
    point = page.evaluate(
        """id => { const e = network.body.data.edges.get(id);
                   const pos = network.getPositions([e.from, e.to]);
                   const a = network.canvasToDOM(pos[e.from]), b = network.canvasToDOM(pos[e.to]);
                   const r = document.getElementById('kg-network').getBoundingClientRect();
                   for (let t = 0.2; t <= 0.8; t += 0.02) {
                     const p = {x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y)};
                     if (network.getEdgeAt(p) === id && network.getNodeAt(p) === undefined)
                       return [r.left + p.x, r.top + p.y];
                   }
                   return null; }""",
        edge_id,
    )
    assert point, f"edge {edge_id} is hidden under nodes"
    return point


@pytest.mark.browser
def test_page_in_chromium(chromium, tmp_path):
    path = write_page(make_snapshot(), tmp_path / "graph.html", title="Facial recognition: who said what")
    with visit(chromium, path) as v:
        page = v.page
        counts = page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]")
        assert counts == [10, 12]
        assert page.evaluate("Object.keys(network.body.nodes).length") == 10
        assert page.evaluate("network.physics.options.enabled") is False  # stopped after stabilising
        assert page.locator("#kg-legend-nodes li").count() == 9
        assert page.locator("#kg-legend-edges li").count() == 11
        assert page.locator("#kg-legend").is_visible()
        assert "Company" in page.locator("#kg-legend-nodes").inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "viz-graph.png"))
        assert v.blocked == [] and v.page_errors == [] and v.console_errors == []


@pytest.mark.reliability("Pages", "the same planted text in headless Chromium (hover, click, search): nothing runs, no img/script in tooltips, no javascript: links")
@pytest.mark.browser
def test_planted_script_does_not_run_in_chromium(chromium, tmp_path):
    snap = make_snapshot()
    snap.actors.append(actor("planted", PLANT, "Person", [PLANT]))  # a hostile actor name too
    snap.relations.append(relation("planted", "CRITICIZED", "amazon", 1, PLANT))
    path = write_page(snap, tmp_path / "planted.html", statements=True, title="T " + PLANT)
    with visit(chromium, path) as v:
        page = v.page
        assert page.evaluate("window.__pwned") is None
        # hover the node with the planted alias: its tooltip shows the text, inert
        x, y = node_point(page, "aclu")
        page.mouse.move(x, y)
        page.wait_for_selector("#kg-tooltip:not([hidden])")
        assert '<script>window.__pwned=1</script>' in page.locator("#kg-tooltip").inner_text()
        page.mouse.click(x, y)
        assert "<script>window.__pwned=1</script>" in page.locator("#kg-details").inner_text()
        # a statement node and an edge whose evidence carries the plant
        x, y = node_point(page, "statement:s1")
        page.mouse.click(x, y)
        assert PLANT in page.locator("#kg-details").inner_text()
        page.mouse.move(0, 0)
        point = edge_point(page, "amazon|DEVELOPED|rekognition")
        page.mouse.move(*point)
        page.wait_for_selector("#kg-tooltip:not([hidden])")
        assert "DEVELOPED" in page.locator("#kg-tooltip").inner_text()
        assert "Amazon makes Rekognition. <img" in page.locator("#kg-tooltip").inner_text()
        page.mouse.click(*point)
        assert "Amazon makes Rekognition. <img" in page.locator("#kg-details").inner_text()
        x, y = node_point(page, "planted")
        page.mouse.click(x, y)
        assert page.locator("#kg-details h3").inner_text() == PLANT
        page.fill("#kg-search-input", "<img src=x")  # the search and its datalist
        page.press("#kg-search-input", "Enter")
        assert page.evaluate("network.getSelectedNodes()") == ["planted"]
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert page.locator("#kg-tooltip img, #kg-details img, #kg-details script, #kg-tooltip script").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "viz-planted.png"))
        assert v.blocked == [] and v.page_errors == []


@pytest.mark.browser
def test_filters_and_search_in_chromium(chromium, tmp_path):
    path = write_page(make_snapshot(), tmp_path / "filters.html")
    with visit(chromium, path) as v:
        page = v.page
        hidden = "network.body.data.nodes.get({filter: n => n.hidden}).map(n => n.id)"
        page.locator("input[data-kg-filter='type'][value='GovernmentBody']").uncheck()
        assert sorted(page.evaluate(hidden)) == ["congress", "police"]
        page.locator("input[data-kg-filter='relation'][value='CRITICIZED']").uncheck()
        assert page.evaluate("network.body.data.edges.get({filter: e => e.hidden}).map(e => e.id)") == ["aclu|CRITICIZED|amazon"]
        page.locator("input[data-kg-filter='type'][value='GovernmentBody']").check()
        assert page.evaluate(hidden) == []
        page.fill("#kg-search-input", "the seattle GROUP")
        page.press("#kg-search-input", "Enter")
        assert page.evaluate("network.getSelectedNodes()") == ["aclu"]
        assert "American Civil Liberties Union" in page.locator("#kg-details").inner_text()
        opacity = "id => network.body.data.nodes.get(id).opacity"
        assert page.evaluate(opacity, "floyd") < 0.5  # not a neighbour: dimmed
        assert page.evaluate(opacity, "nicole-ozer") == 1 == page.evaluate(opacity, "aclu")
        page.click("#kg-details-close")
        assert page.evaluate(opacity, "floyd") == 1
        page.fill("#kg-search-input", "nobody at all")
        page.press("#kg-search-input", "Enter")
        assert "No actor matches" in page.locator("#kg-search-status").inner_text()
        assert v.blocked == [] and v.page_errors == []


@pytest.mark.browser
def test_large_page_stabilises_and_stops(chromium, tmp_path):
    n = 300
    snap = GraphSnapshot(
        actors=[actor(f"a{i}", f"Actor {i}", ("Company", "NGO", "Person")[i % 3]) for i in range(n)],
        relations=[relation(f"a{i}", "CRITICIZED", f"a{(i * 17 + 5) % n}") for i in range(n)]
        + [relation(f"a{i}", "SUPPORTED", f"a{i // 10}") for i in range(10, n)],
    )
    path = write_page(snap, tmp_path / "large.html", max_nodes=200)
    with visit(chromium, path) as v:
        page = v.page
        assert page.evaluate("network.body.data.nodes.length") == 200
        assert "200 most central of 300" in page.locator("#kg-notes").inner_text()
        assert page.evaluate("network.physics.options.enabled") is False
        assert v.blocked == [] and v.page_errors == []


@pytest.mark.browser
def test_seed_page_in_chromium(chromium, seed_snapshot):
    """The seed graph's page (kept with the test artifacts; `make demo` writes the
    user's copy to visualizations/seeds.html)."""
    ARTIFACTS.mkdir(exist_ok=True)
    out = ARTIFACTS / "seeds.html"
    path = write_page(seed_snapshot, out, title="Facial recognition coverage (seeds)")
    actors = len(seed_snapshot.actors)
    relations = len(seed_snapshot.relations)
    assert actors > 5 and relations > 5
    with visit(chromium, path) as v:
        page = v.page
        assert page.evaluate("[network.body.data.nodes.length, network.body.data.edges.length]") == [
            min(actors, 500), relations]
        assert page.locator("#kg-legend-nodes li").count() == len({a["type"] for a in seed_snapshot.actors})
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "viz-seeds-overview.png"))
        page.fill("#kg-search-input", "aclu")
        page.press("#kg-search-input", "Enter")
        assert page.evaluate("network.getSelectedNodes().length") == 1
        page.wait_for_timeout(600)
        page.screenshot(path=str(ARTIFACTS / "viz-seeds-search.png"))
        assert v.blocked == [] and v.page_errors == [] and v.console_errors == []


@pytest.mark.browser
def test_empty_page_in_chromium(chromium, tmp_path):
    path = write_page(GraphSnapshot(), tmp_path / "empty.html")
    with visit(chromium, path) as v:
        assert v.page.evaluate("network.body.data.nodes.length") == 0
        assert "No actors match" in v.page.locator("#kg-empty").inner_text()
        assert v.blocked == [] and v.page_errors == []


@pytest.mark.browser
def test_gallery_in_chromium(chromium, tmp_path):
    index = write_gallery(make_snapshot(), tmp_path / "gallery", top=2)
    with visit(chromium, index, wait_ready=False) as v:
        page = v.page
        assert page.locator("a").count() == 1 + 2 + 11
        page.click("text=The whole graph")
        page.wait_for_selector("html[data-kg-ready]", state="attached")
        assert page.evaluate("network.body.data.nodes.length") == 10
        assert v.blocked == [] and v.page_errors == []
