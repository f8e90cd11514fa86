"""CLI tests through click's CliRunner: every command has help with an example, options
parse, and bad input gives one line and a non-zero exit."""

import pytest
from click.testing import CliRunner

from kg.cli import _format_rows, _parse_param, cli


def all_commands(group=cli, prefix=()):
    for name, command in group.commands.items():
        yield prefix + (name,), command
        if hasattr(command, "commands"):
            yield from all_commands(command, prefix + (name,))


@pytest.mark.parametrize("path,command", list(all_commands()), ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_has_help_with_an_example(path, command):
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage: kg " + " ".join(path) in result.output.replace("\n", " ")
    assert "Example" in result.output, f"kg {' '.join(path)} --help shows no example"


def test_expected_commands_exist():
    names = {" ".join(p) for p, _ in all_commands()}
    for expected in ["load", "extract", "query", "report", "report actor", "report communities",
                     "viz", "stats", "reset", "stop", "export", "import", "evaluate"]:
        assert expected in names


def test_param_values_are_json_when_they_parse_else_strings():
    assert _parse_param("name=Amazon") == ("name", "Amazon")
    assert _parse_param("limit=5") == ("limit", 5)
    assert _parse_param("names=[\"a\",\"b\"]") == ("names", ["a", "b"])
    assert _parse_param("q=a=b") == ("q", "a=b")


def test_a_param_without_equals_is_one_clear_line():
    result = CliRunner().invoke(cli, ["query", "RETURN 1", "--param", "oops"])
    assert result.exit_code != 0
    assert "expected NAME=VALUE" in result.output
    assert "Traceback" not in result.output


def test_missing_path_is_one_line_and_nonzero(tmp_path):
    missing = tmp_path / "nope"
    result = CliRunner().invoke(cli, ["load", str(missing), "--home", str(tmp_path / "home")])
    assert result.exit_code != 0
    assert str(missing) in result.output
    assert len(result.output.strip().splitlines()) == 1
    # Nothing was started or written for a load that could not begin.
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").iterdir())


def test_neo4j_store_without_uri_is_a_config_error(monkeypatch):
    monkeypatch.delenv("NEO4J_URI", raising=False)
    result = CliRunner().invoke(cli, ["stats", "--store", "neo4j"])
    assert result.exit_code != 0
    assert "NEO4J_URI" in result.output


def test_unreachable_neo4j_is_one_line_without_the_password(monkeypatch):
    secret = "s3cr3t-Pa55word"
    monkeypatch.setenv("NEO4J_PASSWORD", secret)
    result = CliRunner().invoke(cli, ["stats", "--neo4j", "bolt://127.0.0.1:9"])
    assert result.exit_code != 0
    assert secret not in result.output
    assert "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1, result.output


def test_table_csv_and_json_formats_of_query_rows():
    columns, rows = ["name", "n"], [["Amazon", 3], ["ACLU, the", None]]
    table = _format_rows(columns, rows, "table")
    assert table.splitlines()[0].split() == ["name", "n"] and "(2 rows)" in table
    import csv
    import io
    import json

    assert list(csv.reader(io.StringIO(_format_rows(columns, rows, "csv"))))[2] == ["ACLU, the", ""]
    assert json.loads(_format_rows(columns, rows, "json"))[0] == {"name": "Amazon", "n": 3}
