"""The ``kg`` command: a thin click layer that parses options, calls the library, prints.

Every command's logic lives in an importable module (documents, extract, store,
analytics, report, viz, exchange, evaluate); this file only wires options to those
functions and turns a ``KGError`` into one line on stderr and a non-zero exit.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
import time
from pathlib import Path

import click

from kg.config import STORE_KINDS, redact_url, store_settings
from kg.errors import KGError

REPORT_FORMATS = ("table", "csv", "json", "markdown")
SIZE_METRICS = ("pagerank", "degree", "betweenness")
PROGRESS_THRESHOLD = 5  # more files than this get a progress bar


class KGGroup(click.Group):
    """A click group that reports library errors as one line instead of a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KGError as exc:
            raise click.ClickException(str(exc)) from None
        except KeyboardInterrupt:
            click.echo("kg: interrupted; documents already written are complete", err=True)
            ctx.exit(130)


def _split_csv(value):
    """'Company,NGO' -> ['Company', 'NGO']; None or '' -> None."""
    if not value:
        return None
    return [part.strip() for part in value.split(",") if part.strip()]


def store_options(command):
    """Options that choose the store; shared by every command that reads or writes it."""
    decorators = [
        click.option(
            "--store",
            type=click.Choice(STORE_KINDS),
            default=None,
            help="Store to use. Default: neo4j when NEO4J_URI is set, else the embedded FalkorDB.",
        ),
        click.option(
            "--neo4j",
            "neo4j_uri",
            envvar="NEO4J_URI",
            metavar="URI",
            help="Neo4j URI (bolt://, neo4j://, neo4j+s://). Env: NEO4J_URI. "
            "User and password come from NEO4J_USERNAME / NEO4J_PASSWORD (or a prompt).",
        ),
        click.option(
            "--home",
            envvar="KG_HOME",
            type=click.Path(file_okay=False, path_type=Path),
            default=None,
            help="Folder of the embedded store's data. Env: KG_HOME. Default: ./.kg",
        ),
        click.option(
            "--graph", envvar="KG_GRAPH", default=None, help="Graph name in FalkorDB. Env: KG_GRAPH."
        ),
    ]
    for decorator in reversed(decorators):
        command = decorator(command)

    @functools.wraps(command)
    def wrapper(*args, store, neo4j_uri, home, graph, **kwargs):
        settings = store_settings(store=store, home=home, neo4j_uri=neo4j_uri, graph=graph)
        if settings.kind == "neo4j" and settings.neo4j_password is None and sys.stdin.isatty():
            # Read the secret from a prompt, never from the command line.
            password = click.prompt("Neo4j password", hide_input=True, err=True)
            settings = store_settings(
                store=store, home=home, neo4j_uri=neo4j_uri, graph=graph, neo4j_password=password
            )
        return command(*args, settings=settings, **kwargs)

    return wrapper


def extraction_options(command):
    """Options of the extraction step, shared by load, extract and evaluate."""
    command = click.option(
        "--workers", type=click.IntRange(1, 64), default=1, show_default=True,
        help="Processes that parse documents in parallel.",
    )(command)
    command = click.option(
        "--actors", "gazetteer", type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="YAML file of extra actors (name, type, aliases) added to kg's gazetteer.",
    )(command)
    return command


def _open(settings):
    from kg.store import open_store

    return open_store(settings)


def _read_documents(paths):
    """Files -> Documents, warning on stderr for each skipped file. Returns (docs, skipped)."""
    from kg.documents import collect_files, iter_documents

    files = collect_files(paths)
    if not files:
        raise KGError(f"{', '.join(map(str, paths))}: no .txt, .md, .html or .jsonl files found")
    skipped = []

    def warn(problem):
        skipped.append(problem)
        click.echo(f"warning: skipped {problem}", err=True)

    documents = list(iter_documents(files, on_skip=warn))
    return files, documents, skipped


def _fail_if_strict(strict, skipped, warnings):
    if strict and (skipped or warnings):
        raise KGError(f"--strict: {len(skipped)} file(s) skipped, {len(warnings)} warning(s)")


@click.group(name="kg", cls=KGGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def cli():
    """kg: turn news coverage into a knowledge graph of actors, statements and relations.

    \b
    Quick start:
      kg load seeds/            # extract and store the graph (embedded FalkorDB)
      kg report                 # who matters: degree, PageRank, betweenness
      kg viz                    # interactive page in visualizations/graph.html
      kg query cypher/who_criticized.cypher --param name=Amazon
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Exit non-zero if any file was skipped or warned about.")
@click.option("--no-bulk", "no_bulk", is_flag=True,
              help="Write documents one by one even into an empty FalkorDB graph (slower; "
                   "an interrupted load keeps the documents written so far).")
@extraction_options
@store_options
def load(paths, strict, no_bulk, gazetteer, workers, settings):
    """Read PATHS (files or folders), extract the graph and write it into the store.

    Loading the same documents again changes nothing.  Into an empty FalkorDB graph the
    documents are written in one go (GRAPH.BULK), all or none; otherwise one by one,
    each whole or not at all.

    \b
    Example:
      $ kg load seeds/
      Loaded 5 documents (0 unchanged, 0 skipped): 86 actors, 74 relations,
      52 statements in 9.8s into falkordb (.kg)
    """
    started = time.perf_counter()
    files, documents, skipped = _read_documents(paths)
    warnings = []
    with _open(settings) as store:
        from kg.extract import extract_documents

        def on_document(extraction):
            warnings.extend(_warn(extraction))

        if len(files) > PROGRESS_THRESHOLD:
            # Names are shared across the batch, so extraction finishes before any write:
            # one bar for parsing (the slow part), one for writing.
            with click.progressbar(length=len(documents), label="Extracting", file=sys.stderr) as bar:
                extractions = list(extract_documents(
                    documents, gazetteer=gazetteer, workers=workers, on_parsed=lambda _doc: bar.update(1)
                ))
            with click.progressbar(extractions, label="Writing   ", file=sys.stderr) as bar:
                summary = store.load(bar, on_document=on_document, bulk=not no_bulk)
        else:
            extractions = extract_documents(documents, gazetteer=gazetteer, workers=workers)
            summary = store.load(extractions, on_document=on_document, bulk=not no_bulk)
    elapsed = time.perf_counter() - started
    click.echo(
        f"Loaded {summary.documents} documents ({summary.unchanged} unchanged, {len(skipped)} skipped): "
        f"{summary.actors} actors, {summary.relations} relations, {summary.statements} statements "
        f"in {elapsed:.1f}s into {_describe(settings)}"
    )
    _fail_if_strict(strict, skipped, warnings)


def _warn(extraction):
    """Print an extraction's warnings (each already names its file); return them."""
    for message in extraction.warnings:
        click.echo(f"warning: {message}", err=True)
    return list(extraction.warnings)


def _describe(settings):
    if settings.kind == "neo4j":
        return f"neo4j ({redact_url(settings.neo4j_uri)})"
    if settings.falkordb_url:
        return "falkordb (KG_FALKORDB_URL)"
    return f"falkordb ({settings.home})"


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the extraction JSON (one object per document).")
@click.option("--strict", is_flag=True, help="Exit non-zero if any file was skipped or warned about.")
@extraction_options
def extract(paths, as_json, strict, gazetteer, workers):
    """Extract actors, relations and statements from PATHS without touching the store.

    \b
    Example:
      $ kg extract seeds/003_64ce41149b509e8c.txt --json | head -c 200
      {"document": "003_64ce41149b509e8c.txt", "meta": {...}, "actors": [...
    """
    from kg.extract import extract_documents

    _, documents, skipped = _read_documents(paths)
    warnings = []
    for extraction in extract_documents(documents, gazetteer=gazetteer, workers=workers):
        warnings.extend(_warn(extraction))
        if as_json:
            click.echo(json.dumps(extraction.to_json(), ensure_ascii=False))
        else:
            click.echo(_extraction_summary(extraction))
    _fail_if_strict(strict, skipped, warnings)


def _extraction_summary(extraction):
    doc = extraction.document
    lines = [f"{doc.name or doc.path}: {doc.title or '(untitled)'}"]
    for actor in extraction.actors:
        lines.append(f"  actor      {actor.type:<15} {actor.name}")
    for rel in extraction.relations:
        lines.append(f"  relation   {rel.source} -[{rel.type}]-> {rel.target}")
    for st in extraction.statements:
        text = st.text if len(st.text) <= 90 else st.text[:87] + "..."
        lines.append(f"  {st.kind:<10} {st.speaker}: {text}")
    return "\n".join(lines)


def _parse_param(text):
    """'k=v' -> (k, value); the value is JSON when it parses (numbers, lists), else a string."""
    if "=" not in text:
        raise KGError(f"--param {text!r}: expected NAME=VALUE")
    key, raw = text.split("=", 1)
    try:
        value = json.loads(raw)
    except ValueError:
        value = raw
    return key.strip(), value


@cli.command()
@click.argument("query_or_file", required=False)
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="A query parameter; repeatable.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True)
@click.option("--write", is_flag=True, help="Allow the query to modify the graph (read-only otherwise).")
@click.option("--list", "list_queries", is_flag=True, help="List the queries in cypher/ with their descriptions.")
@store_options
def query(query_or_file, params, fmt, write, list_queries, settings):
    """Run a Cypher query (text, a .cypher file, or the name of one in cypher/).

    Read-only unless --write. Values go in as parameters, never into the query text.

    \b
    Examples:
      $ kg query --list
      $ kg query cypher/who_criticized.cypher --param name=Amazon
      $ kg query "MATCH (a:Actor) RETURN a.name, a.mentions ORDER BY a.mentions DESC LIMIT 3"
    """
    from kg.store.library import list_queries as library_queries, read_query

    folder = _query_folder()
    if list_queries:
        for name, description, defaults in library_queries(folder):
            shown = f"  [{', '.join(f'{k}={json.dumps(v)}' for k, v in defaults.items())}]" if defaults else ""
            click.echo(f"{name:<26} {description}{shown}")
        return
    if not query_or_file:
        raise KGError("give a Cypher query, a .cypher file or a query name (see kg query --list)")
    parameters = dict(_parse_param(p) for p in params)
    path = Path(query_or_file)
    if not _is_file(path) and _is_file(folder / f"{query_or_file}.cypher"):
        path = folder / f"{query_or_file}.cypher"
    if _is_file(path):
        text, parameters = read_query(path, parameters)
    elif query_or_file.endswith(".cypher"):
        raise KGError(f"{query_or_file}: no such query file")
    else:
        text = query_or_file
    with _open(settings) as store:
        result = store.query(text, parameters, write=write)
    click.echo(_format_rows(result.columns, result.rows, fmt), nl=False)


def _is_file(path):
    try:
        return path.is_file()
    except OSError:  # query text too long to be a file name
        return False


def _query_folder():
    """./cypher when run from a project folder, else the library installed with kg."""
    for folder in (Path("cypher"), Path(__file__).resolve().parent.parent / "cypher",
                   Path(sys.prefix) / "share" / "kg" / "cypher"):
        if folder.is_dir():
            return folder
    return Path("cypher")  # list_queries names it in its error


def _format_rows(columns, rows, fmt):
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(v) for v in row])
        return buffer.getvalue()
    cells = [[_cell(v) for v in row] for row in rows]
    widths = [min(60, max([len(c)] + [len(r[i]) for r in cells])) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(_clip(v, w).ljust(w) for v, w in zip(row, widths)).rstrip())
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def _clip(text, width):
    return text if len(text) <= width else text[: width - 1] + "…"


def report_output_options(command):
    command = click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE.")(command)
    command = click.option(
        "--format", "fmt", type=click.Choice(REPORT_FORMATS), default="table", show_default=True
    )(command)
    return command


def _emit(text, out):
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        click.echo(f"wrote {out}", err=True)
    else:
        click.echo(text, nl=not text.endswith("\n"))


def _snapshot(settings):
    with _open(settings) as store:
        return store.snapshot()


@cli.group(invoke_without_command=True)
@click.option("--top", type=click.IntRange(1), default=20, show_default=True, help="Rows to show.")
@click.option("--type", "types", help="Actor types to rank, e.g. Company,NGO.")
@click.option("--relation", "relations", help="Relationship types of the subgraph, e.g. CRITICIZED,CALLED_FOR.")
@click.option("--sort", default="pagerank", show_default=True, help="Metric to sort by.")
@click.option("--since", help="Only evidence from documents published on or after this ISO date.")
@click.option("--until", help="Only evidence from documents published on or before this ISO date.")
@click.option(
    "--exact-limit", type=click.IntRange(0), default=3000, show_default=True,
    help="Exact betweenness up to this many actors; a seeded sample above.",
)
@click.option("--k", "sample_k", type=click.IntRange(1), help="Sources of sampled betweenness (default 500).")
@click.option("--engine", type=click.Choice(["networkx", "gds"]), default="networkx", show_default=True,
              help="gds: compute inside Neo4j with Graph Data Science.")
@report_output_options
@store_options
@click.pass_context
def report(ctx, top, types, relations, sort, since, until, exact_limit, sample_k, engine, fmt, out, settings):
    """Centrality report: who matters in the graph, and how.

    \b
    Example:
      $ kg report --top 5
      $ kg report --relation CRITICIZED,CALLED_FOR --format csv --out critics.csv
      $ kg report actor ACLU
      $ kg report communities
    """
    ctx.obj = settings
    if ctx.invoked_subcommand is not None:
        return
    if engine == "gds":
        from kg.analytics import gds_centrality_report

        with _open(settings) as store:
            result = gds_centrality_report(store, top=top, types=_split_csv(types), relations=_split_csv(relations), sort=sort)
    else:
        from kg.report import centrality_report

        result = centrality_report(
            _snapshot(settings), top=top, types=_split_csv(types), relations=_split_csv(relations),
            sort=sort, since=since, until=until, exact_limit=exact_limit, k=sample_k,
        )
    from kg.report import render

    _emit(render(result, fmt), out)


@report.command("communities")
@click.option("--relation", "relations", help="Relationship types of the subgraph.")
@click.option("--type", "types", help="Actor types to include.")
@report_output_options
@click.pass_obj
def report_communities(settings, relations, types, fmt, out):
    """Communities (Louvain) labelled by their most central members.

    \b
    Example:
      $ kg report communities --format markdown
    """
    from kg.report import communities_report, render

    result = communities_report(_snapshot(settings), relations=_split_csv(relations), types=_split_csv(types))
    _emit(render(result, fmt), out)


@report.command("actor")
@click.argument("name")
@report_output_options
@click.pass_obj
def report_actor(settings, name, fmt, out):
    """One actor's profile: type, aliases, edges with evidence, statements, ranks.

    \b
    Example:
      $ kg report actor "American Civil Liberties Union"
    """
    from kg.report import actor_report, render

    _emit(render(actor_report(_snapshot(settings), name), fmt), out)


@report.command("bipartite")
@click.option("--kind", type=click.Choice(["actor-document", "speaker-target"]), default="speaker-target", show_default=True)
@report_output_options
@click.pass_obj
def report_bipartite(settings, kind, fmt, out):
    """Bipartite views: actors by documents, or speakers by the actors they talk about.

    \b
    Example:
      $ kg report bipartite --kind actor-document
    """
    from kg.report import bipartite_report, render

    _emit(render(bipartite_report(_snapshot(settings), kind=kind), fmt), out)


@cli.command()
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("visualizations/graph.html"), show_default=True)
@click.option("--size", type=click.Choice(SIZE_METRICS), default="pagerank", show_default=True, help="Node size by this centrality.")
@click.option("--focus", metavar="NAME", help="Ego network around this actor.")
@click.option("--depth", type=click.IntRange(1, 5), default=2, show_default=True, help="Hops around --focus.")
@click.option("--relation", "relations", help="Relationship types to show, e.g. CRITICIZED,CALLED_FOR.")
@click.option("--type", "types", help="Actor types to show, e.g. Company,NGO.")
@click.option("--min-count", type=click.IntRange(1), default=1, show_default=True, help="Hide edges seen fewer times.")
@click.option("--top", type=click.IntRange(1), help="Only the N most central actors and the edges among them.")
@click.option("--statements/--no-statements", default=False, show_default=True, help="Show statements as nodes.")
@click.option("--all", "gallery", is_flag=True, help="Write a gallery: index.html and its pages in the folder of --out.")
@store_options
def viz(out, size, focus, depth, relations, types, min_count, top, statements, gallery, settings):
    """Write an interactive network page (opens offline, no network needed).

    \b
    Examples:
      $ kg viz --out visualizations/seeds.html
      $ kg viz --focus Amazon --depth 1 --out visualizations/amazon.html
      $ kg viz --all
    """
    from kg.viz import write_gallery, write_page

    snapshot = _snapshot(settings)
    if gallery:
        path = write_gallery(snapshot, out.parent)  # index.html beside where --out points
    else:
        path = write_page(
            snapshot, out, size=size, focus=focus, depth=depth, relations=_split_csv(relations),
            types=_split_csv(types), min_count=min_count, top=top, statements=statements,
        )
    click.echo(f"wrote {path}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@store_options
def stats(fmt, settings):
    """Counts of documents, actors by type, relations by type and statements.

    \b
    Example:
      $ kg stats
    """
    with _open(settings) as store:
        counts = store.stats()
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2, sort_keys=True))
        return
    click.echo(f"store: {_describe(settings)}")
    for key, value in counts.items():
        if isinstance(value, dict):
            click.echo(f"{key}:")
            for sub, n in sorted(value.items(), key=lambda kv: (-kv[1], kv[0])):
                click.echo(f"  {sub:<20} {n:>7}")
        else:
            click.echo(f"{key:<22} {value:>7}")


@cli.command()
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@store_options
def reset(yes, settings):
    """Delete the whole graph from the store.

    \b
    Example:
      $ kg reset --yes
    """
    if not yes:
        click.confirm(f"Delete the whole graph in {_describe(settings)}?", abort=True)
    with _open(settings) as store:
        store.reset()
    click.echo(f"graph deleted from {_describe(settings)}")


@cli.command()
@click.option("--home", envvar="KG_HOME", type=click.Path(file_okay=False, path_type=Path), default=Path(".kg"), show_default=True)
def stop(home):
    """Stop the embedded FalkorDB server if one is running (data is kept).

    \b
    Example:
      $ kg stop
      stopped the embedded FalkorDB server (.kg)
    """
    from kg.store.embedded import stop_server

    if stop_server(home):
        click.echo(f"stopped the embedded FalkorDB server ({home})")
    else:
        click.echo(f"no embedded FalkorDB server running ({home})")


@cli.command("export")
@click.option("--format", "fmt", type=click.Choice(["graphml", "json", "cypher"]), default="json", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write to FILE (default: stdout).")
@store_options
def export_graph(fmt, out, settings):
    """Export the graph: GraphML, JSON (for kg import) or a Cypher script of MERGEs.

    \b
    Examples:
      $ kg export --format cypher --out graph.cypher     # rebuild in any Neo4j
      $ kg export --format json --out graph.json && kg --help import
    """
    from kg.exchange import export_graph as library_export

    with _open(settings) as store:
        text = library_export(store, fmt)
    _emit(text, out)


@cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@store_options
def import_graph(path, settings):
    """Import a graph exported with `kg export --format json` (merges into the store).

    \b
    Example (move a graph from the embedded store to Neo4j):
      $ kg export --format json --out graph.json
      $ NEO4J_URI=bolt://localhost:7687 kg import graph.json
    """
    from kg.exchange import import_json

    with _open(settings) as store:
        counts = import_json(store, path)
    click.echo(f"imported {path}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path), help="Folder of gold JSON files.")
@click.option("--pred", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Extraction JSON Lines from kg extract --json.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@extraction_options
def evaluate(paths, gold, pred, as_json, gazetteer, workers):
    """Score an extraction against gold annotations (P/R/F1 per document and overall).

    Give --pred FILE (from `kg extract --json`) or the documents to extract now.

    \b
    Example:
      $ kg evaluate --gold gold/ articles/
    """
    from kg.evaluate import evaluate as library_evaluate, format_report

    if pred:
        from kg.evaluate import load_predictions

        predictions = load_predictions(pred)
    elif paths:
        from kg.extract import extract_documents

        _, documents, _ = _read_documents(paths)
        predictions = [ex.to_json() for ex in extract_documents(documents, gazetteer=gazetteer, workers=workers)]
    else:
        raise KGError("give --pred FILE or the documents to extract")
    result = library_evaluate(predictions, gold)
    click.echo(json.dumps(result.to_json(), indent=2) if as_json else format_report(result))


def main():
    """Console-script entry point."""
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
