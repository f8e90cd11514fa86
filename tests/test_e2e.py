"""End to end: `kg load seeds/` through the real CLI into a real FalkorDB server, then
facts the seeds state are checked through Cypher, and a second load changes nothing."""

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli

SEEDS = "seeds"

COUNTS = """
MATCH (n) WITH count(n) AS nodes
OPTIONAL MATCH ()-[r]->() WITH nodes, count(r) AS edges
OPTIONAL MATCH ()-[e]->() WHERE e.count IS NOT NULL
RETURN nodes, edges, sum(e.count) AS evidence
"""


@pytest.fixture(scope="module")
def e2e(falkordb_settings):
    """Store options that point the CLI at the test server and a graph of its own."""
    home = str(falkordb_settings.home)
    opts = ["--home", home, "--graph", "e2e"]
    runner = CliRunner()
    result = runner.invoke(cli, ["load", SEEDS, *opts])
    assert result.exit_code == 0, result.output
    return runner, opts, result.output


def run_query(e2e, text, **params):
    runner, opts, _ = e2e
    args = ["query", text, "--format", "json", *opts]
    for key, value in params.items():
        args += ["--param", f"{key}={value}"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_load_prints_a_one_line_summary(e2e):
    summary = e2e[2].strip().splitlines()[-1]
    assert summary.startswith("Loaded 5 documents")
    for word in ("actors", "relations", "statements", "s into falkordb"):
        assert word in summary


def test_amazon_is_a_company(e2e):
    rows = run_query(e2e, "MATCH (a:Actor:Company) WHERE a.name = $name RETURN a.name AS name", name="Amazon")
    assert rows == [{"name": "Amazon"}]


def test_the_aclu_criticised_amazon(e2e):
    rows = run_query(
        e2e,
        "MATCH (s:Actor)-[r:CRITICIZED]->(t:Actor {name: $target}) "
        "WHERE s.name CONTAINS 'Civil Liberties' RETURN s.name AS critic, r.evidence AS evidence",
        target="Amazon",
    )
    assert rows, "no CRITICIZED edge from the ACLU to Amazon"
    assert all(ev.split(":")[1].isdigit() for ev in rows[0]["evidence"])


def test_the_moratorium_exempts_an_organisation(e2e):
    rows = run_query(
        e2e,
        "MATCH (s:Actor)-[:EXEMPTED]->(t:Actor) WHERE t:NGO OR t:Company OR t:GovernmentBody "
        "RETURN s.name AS source, t.name AS exempted",
    )
    assert any(row["source"] == "Amazon" for row in rows), rows


def test_statements_have_speakers_and_documents(e2e):
    rows = run_query(
        e2e,
        "MATCH (a:Actor)-[:SAID]->(s:Statement)-[:IN]->(d:Document) "
        "RETURN a.name AS speaker, s.kind AS kind, d.id AS doc",
    )
    assert len(rows) >= 10
    assert {"quote", "reported"} <= {row["kind"] for row in rows}


def test_loading_twice_changes_no_count(e2e):
    before = run_query(e2e, COUNTS)
    runner, opts, _ = e2e
    result = runner.invoke(cli, ["load", SEEDS, *opts])
    assert result.exit_code == 0, result.output
    assert "Loaded 0 documents (5 unchanged, 0 skipped)" in result.output
    assert run_query(e2e, COUNTS) == before


def test_query_is_read_only_without_write(e2e):
    runner, opts, _ = e2e
    result = runner.invoke(cli, ["query", "CREATE (:Actor {id: 'intruder'})", *opts])
    assert result.exit_code != 0
    assert run_query(e2e, "MATCH (a:Actor {id: 'intruder'}) RETURN count(a) AS n") == [{"n": 0}]


def test_cypher_syntax_error_is_one_line(e2e):
    runner, opts, _ = e2e
    result = runner.invoke(cli, ["query", "MATC (n) RETURN n", *opts])
    assert result.exit_code != 0
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_stats_report_and_viz_run_on_the_loaded_graph(e2e, tmp_path):
    runner, opts, _ = e2e
    stats = runner.invoke(cli, ["stats", "--format", "json", *opts])
    assert stats.exit_code == 0, stats.output
    counts = json.loads(stats.stdout)
    assert counts["documents"] == 5
    report = runner.invoke(cli, ["report", "--top", "5", "--format", "json", *opts])
    assert report.exit_code == 0, report.output
    ranked = json.loads(report.stdout)["rows"]
    assert [row["rank"] for row in ranked] == [1, 2, 3, 4, 5]
    assert ranked[0]["pagerank"] >= ranked[-1]["pagerank"]
    page = tmp_path / "seeds.html"
    viz = runner.invoke(cli, ["viz", "--out", str(page), *opts])
    assert viz.exit_code == 0, viz.output
    assert page.stat().st_size > 10_000


def test_bad_files_are_skipped_with_a_warning_and_counted(falkordb_settings, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("IBM exits facial recognition\n\nIBM said it would stop selling facial recognition software to police.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 100)
    opts = ["--home", str(falkordb_settings.home), "--graph", "e2e-bad"]
    runner = CliRunner()
    result = runner.invoke(cli, ["load", str(tmp_path), *opts])
    assert result.exit_code == 0, result.output
    assert "empty.txt" in result.output and "binary.txt" in result.output
    assert "Loaded 1 documents (0 unchanged, 2 skipped)" in result.output
    strict = runner.invoke(cli, ["load", str(tmp_path), "--strict", *opts])
    assert strict.exit_code != 0
